// What `wijk init` writes for scripts: the pre-commit hook, the install script both CI samples
// share, the GitHub Actions workflow, the GitLab CI file, the cron sample and .gitignore.
// tests/scripts/hook_precommit.sh and ci_samples.sh run them for real.
#include <fmt/format.h>

#include "render/init_parts.h"

namespace wijk::init_parts {

std::string from_top(const InitPlan& plan, const std::string& path) {
    if (plan.data_path == "." || plan.data_path.empty()) return path;
    return path == "." ? plan.data_path : plan.data_path + "/" + path;
}

namespace {

// fmt with the plan's paths: {data} the data root and {install} the install script, both seen
// from the top of the work tree; {hooks} the hooks folder; {setting} the CI variable.
std::string fill(const InitPlan& plan, const char* text) {
    const bool nl = plan.lang == Lang::nl;
    // the words inside the parts both languages share: a comment and the names of CI steps
    return fmt::format(fmt::runtime(text), fmt::arg("data", from_top(plan, ".")),
                       fmt::arg("install", from_top(plan, "ci/install-wijk.sh")),
                       fmt::arg("hooks", from_top(plan, "hooks")), fmt::arg("setting", ci_setting),
                       fmt::arg("why_need", nl ? "wat het downloaden nodig heeft en het image mist (debian:12 heeft "
                                                 "geen curl en geen git)"
                                               : "what downloading needs where the image lacks it (debian:12 has "
                                                 "neither curl nor git)"),
                       fmt::arg("step_tools", nl ? "Hulpmiddelen voor checkout" : "Tools for checkout"),
                       fmt::arg("step_install", nl ? "wijk installeren" : "Install wijk"),
                       fmt::arg("step_validate", nl ? "Gegevens controleren" : "Validate"),
                       fmt::arg("step_overdue", nl ? "Herinneringen die te laat zijn" : "Overdue reminders"));
}

}  // namespace

// Only sh builtins and git: a graphical git client may run it with next to nothing on PATH.
std::string pre_commit_hook(const InitPlan& plan) {
    if (plan.lang == Lang::nl)
        return fill(plan, R"~(#!/bin/sh
# wijk pre-commit hook: controleert de gegevens die je commit (wat `git add` klaarzette, niet
# wat alleen in je map gewijzigd is) en weigert de commit als er fouten in staan.
# Zet hem eenmaal per kopie van de repository aan:  git config core.hooksPath {hooks}
# (of kopieer dit bestand naar .git/hooks/pre-commit).
#
# Waar staat wijk? In de PATH van deze shell, of op het pad in `git config wijk.path`.
# Grafische git-programma's starten hooks vaak met een kortere PATH dan een terminal;
# vertel het ze dan eenmalig met:  git config --global wijk.path "$(command -v wijk)"
if wijk=$(git config wijk.path); then
  where="(git config wijk.path)"
else
  wijk=wijk where="(PATH=$PATH)"
fi
if ! command -v "$wijk" >/dev/null 2>&1; then
  printf '%s\n' \
    "wijk pre-commit hook: het programma '$wijk' is niet gevonden $where," \
    "dus de gegevens zijn niet gecontroleerd en de commit is geweigerd." \
    "Zo los je het op:" \
    "  - Is wijk nog niet geïnstalleerd? Installeer het (vraag wie het in je" \
    "    organisatie beheert) en commit opnieuw." \
    "  - Is het wel geïnstalleerd, maar vindt dit git-programma het niet" \
    "    (grafische git-programma's gebruiken vaak een kortere PATH dan een" \
    "    terminal)? Voer eenmalig uit in een terminal waar 'wijk --version' werkt:" \
    "      git config --global wijk.path \"\$(command -v wijk)\"" >&2
  exit 1
fi
top=$(git rev-parse --show-toplevel) || exit 1
exec "$wijk" -C "$top/{data}" validate --staged
)~");
    return fill(plan, R"~(#!/bin/sh
# wijk pre-commit hook: checks the data being committed (what `git add` staged, not what is
# only changed in your folder) and refuses the commit when it has errors.
# Turn it on once per clone:  git config core.hooksPath {hooks}
# (or copy this file to .git/hooks/pre-commit).
#
# Where is wijk? On the PATH of this shell, or at the path in `git config wijk.path`.
# Graphical git clients often start hooks with a shorter PATH than a terminal's; tell them
# once with:  git config --global wijk.path "$(command -v wijk)"
if wijk=$(git config wijk.path); then
  where="(git config wijk.path)"
else
  wijk=wijk where="(PATH=$PATH)"
fi
if ! command -v "$wijk" >/dev/null 2>&1; then
  printf '%s\n' \
    "wijk pre-commit hook: the program '$wijk' was not found $where," \
    "so the data was not checked and the commit is refused. To fix it:" \
    "  - wijk not installed yet? Install it (ask whoever manages it in your" \
    "    organisation), then commit again." \
    "  - Installed, but this git program does not find it (graphical git clients" \
    "    often use a shorter PATH than a terminal)? Run this once in a terminal" \
    "    where 'wijk --version' works:" \
    "      git config --global wijk.path \"\$(command -v wijk)\"" >&2
  exit 1
fi
top=$(git rev-parse --show-toplevel) || exit 1
exec "$wijk" -C "$top/{data}" validate --staged
)~");
}

std::string install_script(const InitPlan& plan) {
    const char* head = plan.lang == Lang::nl ? R"~(#!/bin/sh
# Installeert wijk in een CI-job op Debian of Ubuntu (de voorbeelden voor GitHub en GitLab
# draaien het als root in een debian:12-container), vanuit één instelling, de CI-variabele
# {setting}:
#   - de URL van het wijk-pakket (.deb) van je organisatie, bijvoorbeeld
#     https://bestanden.example.nl/wijk_0.1.0_amd64.deb (gemaakt met cpack, zie de README van
#     wijk; gebouwd voor de Debian-versie waarop de job draait), of
#   - de URL van de broncode van wijk (een git-repository), gebouwd met de commando's uit
#     de README.
# GitHub: Settings > Secrets and variables > Actions > New repository secret.
# GitLab: Settings > CI/CD > Variables > Add variable (zet "Mask variable" aan als de URL een
# toegangssleutel bevat).
set -eu
if [ -z "${{{setting}:-}}" ]; then
  msg="wijk kan niet worden geïnstalleerd: de CI-variabele {setting} is niet gezet. Zet hem op de URL van het wijk-pakket (.deb) van je organisatie of van de broncode van wijk (GitHub: Settings > Secrets and variables > Actions > New repository secret; GitLab: Settings > CI/CD > Variables)."
)~"
                                           : R"~(#!/bin/sh
# Installs wijk in a CI job on Debian or Ubuntu (the GitHub and GitLab samples run it as root
# in a debian:12 container) from one setting, the CI variable {setting}:
#   - the URL of your organisation's wijk package (.deb), for example
#     https://files.example.org/wijk_0.1.0_amd64.deb (made with cpack, see wijk's README;
#     built for the Debian release the job runs on), or
#   - the URL of the wijk source repository (git), built with the commands of its README.
# GitHub: Settings > Secrets and variables > Actions > New repository secret.
# GitLab: Settings > CI/CD > Variables > Add variable (turn on "Mask variable" when the URL
# carries an access token).
set -eu
if [ -z "${{{setting}:-}}" ]; then
  msg="wijk cannot be installed: the CI variable {setting} is not set. Set it to the URL of your organisation's wijk package (.deb) or of the wijk source repository (GitHub: Settings > Secrets and variables > Actions > New repository secret; GitLab: Settings > CI/CD > Variables)."
)~";
    return fill(plan, head) + fill(plan, R"~(  [ "${{GITHUB_ACTIONS:-}}" = true ] && echo "::error title={setting}::$msg"
  echo "$msg" >&2
  exit 1
fi
sudo=""
[ "$(id -u)" = 0 ] || sudo=sudo
export DEBIAN_FRONTEND=noninteractive
# {why_need}
need=""
command -v curl >/dev/null 2>&1 || need="$need curl"
[ -e /etc/ssl/certs/ca-certificates.crt ] || need="$need ca-certificates"
command -v git >/dev/null 2>&1 || need="$need git"
$sudo apt-get update -qq
[ -z "$need" ] || $sudo apt-get install -y -qq --no-install-recommends $need >/dev/null
work=$(mktemp -d)
case ${setting} in
  *.deb|*.deb\?*)
    curl -fsSL --retry 3 -o "$work/wijk.deb" "${setting}"
    $sudo apt-get install -y -qq --no-install-recommends "$work/wijk.deb" >/dev/null
    ;;
  *)
    git clone -q --depth 1 "${setting}" "$work/wijk"
    cd "$work/wijk"
    scripts/deps
    cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build build-release -j"$(nproc)"
    $sudo cmake --install build-release >/dev/null
    ;;
esac
rm -rf "$work"
wijk --version
)~");
}

std::string github_workflow(const InitPlan& plan) {
    const char* head = plan.lang == Lang::nl ? R"~(# wijk in GitHub Actions: controleert de gegevens bij elke push en pull request (de problemen
# verschijnen bij de gewijzigde regels), en faalt elke maandag om 06:00 UTC als een herinnering
# te laat is, zodat iemand GitHubs e-mail over een mislukte run krijgt.
# Eén instelling: het repository-secret {setting} (Settings > Secrets and variables > Actions >
# New repository secret; een secret omdat zo'n URL vaak een toegangssleutel bevat), de URL van
# het wijk-pakket (.deb) van je organisatie of van de broncode van wijk; zie {install}.
# De jobs draaien in een Debian 12-container: het systeem waarvoor het wijk-pakket gebouwd is
# (verander ze samen).
)~"
                                           : R"~(# wijk in GitHub Actions: checks the data on every push and pull request (the problems appear
# at the changed lines), and every Monday at 06:00 UTC fails when a reminder is overdue, so
# that someone gets GitHub's e-mail about a failed run.
# One setting: the repository secret {setting} (Settings > Secrets and variables > Actions >
# New repository secret; a secret, as such a URL often carries an access token), the URL of your
# organisation's wijk package (.deb) or of the wijk source repository; see {install}. The jobs run in a Debian 12 container: the system the wijk
# package is built for (change them together).
)~";
    const char* monday = plan.lang == Lang::nl ? "minuut 0, uur 6 (UTC), elke maandag" : "minute 0, hour 6 (UTC), every Monday";
    const char* by_hand = plan.lang == Lang::nl ? "\"Run workflow\" met de hand: de controle op herinneringen"
                                                : "\"Run workflow\" by hand: the reminders check";
    return fill(plan, head) + fmt::format(R"~(name: wijk
on:
  push:
  pull_request:
  schedule:
    - cron: "0 6 * * 1"    # {}
  workflow_dispatch:        # {}
permissions:
  contents: read
env:
  {}: ${{{{ secrets.{} }}}}
)~",
                                          monday, by_hand, ci_setting, ci_setting) +
           fill(plan, R"~(jobs:
  validate:
    if: github.event_name == 'push' || github.event_name == 'pull_request'
    runs-on: ubuntu-latest
    container: debian:12
    steps:
      - name: {step_tools}
        run: apt-get update -qq && apt-get install -y -qq --no-install-recommends git ca-certificates >/dev/null
      - uses: actions/checkout@v4
      - name: {step_install}
        run: sh {install}
      - name: {step_validate}
        run: wijk -C {data} validate --format github
  reminders:
    if: github.event_name == 'schedule' || github.event_name == 'workflow_dispatch'
    runs-on: ubuntu-latest
    container: debian:12
    steps:
      - name: {step_tools}
        run: apt-get update -qq && apt-get install -y -qq --no-install-recommends git ca-certificates >/dev/null
      - uses: actions/checkout@v4
      - name: {step_install}
        run: sh {install}
      - name: {step_overdue}
        run: wijk -C {data} reminders --check
)~");
}

std::string gitlab_ci(const InitPlan& plan) {
    const char* head = plan.lang == Lang::nl ? R"~(# wijk in GitLab CI: controleert de gegevens bij elke push en merge request (de problemen staan
# in het Code Quality-overzicht van de merge request en in het log van de job), en faalt op een
# schema als een herinnering te laat is.
# Eén instelling: de CI/CD-variabele {setting} (Settings > CI/CD > Variables), de URL van het
# wijk-pakket (.deb) van je organisatie of van de broncode van wijk; zie {install}.
# Het schema: Build > Pipeline schedules > New schedule, met interval "0 6 * * 1"
# (minuut 0, uur 6, elke maandag).
# De jobs draaien in Debian 12: het systeem waarvoor het wijk-pakket gebouwd is (verander ze samen).
)~"
                                           : R"~(# wijk in GitLab CI: checks the data on every push and merge request (the problems appear in
# the merge request's Code Quality widget and in the job log), and on a schedule fails when a
# reminder is overdue.
# One setting: the CI/CD variable {setting} (Settings > CI/CD > Variables), the URL of your
# organisation's wijk package (.deb) or of the wijk source repository; see {install}.
# The schedule: Build > Pipeline schedules > New schedule, interval "0 6 * * 1"
# (minute 0, hour 6, every Monday).
# The jobs run in Debian 12: the system the wijk package is built for (change them together).
)~";
    const char* report = plan.lang == Lang::nl
                             ? "# eerst het Code Quality-rapport, dan dezelfde controle als tekst: voor het log en de status"
                             : "# first the Code Quality report, then the same check as text: for the log and the status";
    const char* pipelines = plan.lang == Lang::nl ? "# pipelines voor branches, of voor de merge request als er een open is (nooit beide), en het schema"
                                                  : "# branch pipelines, or merge request pipelines when one is open (never both), and the schedule";
    return fill(plan, head) + "\n" + pipelines + fill(plan, R"~(
workflow:
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
    - if: $CI_COMMIT_BRANCH && $CI_OPEN_MERGE_REQUESTS && $CI_PIPELINE_SOURCE == "push"
      when: never
    - if: $CI_COMMIT_BRANCH || $CI_COMMIT_TAG

default:
  image: debian:12
  before_script:
    - sh {install}

wijk-validate:
  stage: test
  rules:
    - if: $CI_PIPELINE_SOURCE == "schedule"
      when: never
    - when: on_success
  script:
)~") + "    " + report + fill(plan, R"~(
    - wijk -C {data} validate --format gitlab -o gl-code-quality-report.json || true
    - wijk -C {data} validate
  artifacts:
    when: always
    reports:
      codequality: gl-code-quality-report.json

wijk-reminders:
  stage: test
  rules:
    - if: $CI_PIPELINE_SOURCE == "schedule"
  script:
    - wijk -C {data} reminders --check
)~");
}

std::string crontab(const InitPlan& plan) {
    if (plan.lang == Lang::nl)
        return fill(plan, R"~(# wijk op een server: elke maandag om 07:00 krijgt elke eigenaar (staff in wijk.yaml) per
# e-mail de herinneringen over de afspraken die hij of zij beheert, met een agenda als bijlage.
# Nodig: een kopie (clone) van deze repository op de server, wijk, een mailprogramma met
# /usr/sbin/sendmail (postfix, msmtp-mta, ...), en in wijk.yaml: reminders.from (de afzender),
# staff met e-mailadressen en liefst reminders.fallback (krijgt wat geen eigenaar heeft).
# Installeren: crontab -e, en plak een van de regels hieronder zonder de "# " ervoor, met het
# pad van je kopie. Velden: minuut uur dag-van-de-maand maand dag-van-de-week (1 = maandag).
# cron zoekt programma's alleen in /usr/bin en /bin: schrijf het volledige pad van wijk als het
# elders staat (bijvoorbeeld /usr/local/bin/wijk).
#
# Verstuur ze met sendmail:
# 0 7 * * 1  cd /srv/wijk-gegevens && git pull -q --ff-only && wijk -C {data} reminders --format email --sendmail "/usr/sbin/sendmail -t -oi"
#
# Of schrijf ze naar een map, één EIGENAAR.eml per eigenaar, voor een eigen mailprogramma:
# 0 7 * * 1  cd /srv/wijk-gegevens && git pull -q --ff-only && wijk -C {data} reminders --format email --out /var/spool/wijk-mail
)~");
    return fill(plan, R"~(# wijk on a server: every Monday at 07:00, each owner (staff in wijk.yaml) gets an e-mail with
# the reminders about the agreements they own, with a calendar attached.
# Needs: a clone of this repository on the server, wijk, a mail transfer agent with
# /usr/sbin/sendmail (postfix, msmtp-mta, ...), and in wijk.yaml: reminders.from (the sender),
# staff with e-mail addresses and best reminders.fallback (gets what has no owner).
# Install: crontab -e, and paste one of the lines below without its leading "# ", with the
# path of your clone. Fields: minute hour day-of-month month day-of-week (1 = Monday).
# cron looks for programs in /usr/bin and /bin only: write the full path of wijk when it is
# elsewhere (for example /usr/local/bin/wijk).
#
# Send them through sendmail:
# 0 7 * * 1  cd /srv/wijk-data && git pull -q --ff-only && wijk -C {data} reminders --format email --sendmail "/usr/sbin/sendmail -t -oi"
#
# Or write them to a folder, one OWNER.eml each, for a mail tool of your own:
# 0 7 * * 1  cd /srv/wijk-data && git pull -q --ff-only && wijk -C {data} reminders --format email --out /var/spool/wijk-mail
)~");
}

std::string gitignore(Lang lang) {
    if (lang == Lang::nl)
        return R"~(# Tijdelijke bestanden van een onderbroken schrijfactie van wijk
.*.wijk-*
# Overzichten die je maakt: houd ze buiten de geschiedenis van de gegevens
/reports/
# Het Code Quality-rapport van de GitLab-job
gl-code-quality-report.json
)~";
    return R"~(# Temporary files of an interrupted wijk write
.*.wijk-*
# Reports you generate: keep them out of the data's history
/reports/
# The Code Quality report of the GitLab job
gl-code-quality-report.json
)~";
}

}  // namespace wijk::init_parts
