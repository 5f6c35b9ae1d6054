// The README `wijk init` writes for the people who edit the data (WIJK.md when the repository
// has a README.md of its own).
#include <fmt/format.h>

#include "render/init_parts.h"

namespace wijk::init_parts {

std::string readme(const InitPlan& plan) {
    std::string hooks = from_top(plan, "hooks");
    std::string install = from_top(plan, "ci/install-wijk.sh");
    if (plan.lang == Lang::nl)
        return fmt::format(R"~(# Gegevens voor wijk

Deze map bevat de buurten, partners, samenwerkingsafspraken, evaluaties,
buurtstrategieën en leefbaarheidsscores van de corporatie, als YAML-bestanden
die je met de hand bewerkt. Het programma `wijk` controleert ze en maakt er
overzichten, herinneringen en evaluatielijsten van.

## Na elke wijziging

    wijk validate

Dat meldt elk probleem met bestand, regel en kolom, en meestal een tip:

    partners.yaml:10:11: fout: 'tenant' is niet een van: residents, tenants, ... [invalid-enum]
     10 |     kind: tenant
        |           ^
      tip: bedoel je 'tenants'?

Verbeter wat er staat en voer `wijk validate` opnieuw uit tot er `0 fouten` staat.

## Een partner toevoegen

Voeg in `partners.yaml` een item toe onder `partners:` met minstens `id`
(kleine letters, cijfers en `-`), `name` en `kind`.

## Een afspraak toevoegen

Voeg in `agreements.yaml` een item toe met `id`, `partner` (de id van de partner),
`title`, `neighbourhoods` en `start` (JJJJ-MM-DD). Met een `end` hoort ook `renewal`:
`none`, `tacit` (stilzwijgende verlenging, met `renewal_term`) of `indefinite`, en
meestal een `notice` (opzegtermijn), bijvoorbeeld `3 maanden`.

## Een evaluatie vastleggen

Voeg in `evaluations.yaml` een item toe met `agreement`, `year`, `date` en
`decision` (`continue` voor doorgaan, `adjust` voor bijstellen, `stop` voor stoppen).
`wijk checklist --format yaml` maakt er een om in te vullen.

## Controle bij elke commit

`hooks/pre-commit` controleert wat je commit (wat `git add` klaarzette) en weigert een
commit met fouten. Zet hem eenmaal per kopie aan:

    git config core.hooksPath {hooks}

Meldt hij dat `wijk` niet gevonden is (vaak in grafische git-programma's), voer dan in
een terminal waar `wijk --version` werkt eenmalig uit:

    git config --global wijk.path "$(command -v wijk)"

## Controle in GitHub of GitLab

`.github/workflows/wijk.yml` (GitHub Actions) en `.gitlab-ci.yml` (GitLab CI) controleren
de gegevens bij elke push en pull/merge request, en melden op maandagochtend
herinneringen die te laat zijn. Ze hebben één instelling nodig: de CI-variabele
`{setting}` met de URL van het wijk-pakket (.deb) van je organisatie of van de broncode
van wijk (zie `{install}`). Zonder die variabele faalt de job met een melding die hem noemt.

## Herinneringen per e-mail

`cron/wijk.crontab` laat een server elke maandagochtend elke eigenaar zijn of haar
herinneringen mailen (`wijk reminders --format email`); de uitleg staat in het bestand.

## Handig

- `wijk reminders`: opzegtermijnen, verlengingen en evaluaties die eraan komen.
- `wijk summary`: het overzicht van alles.
- `.wijk/*.schema.json`: voor editors met een YAML language server (VS Code, Neovim);
  vernieuw ze na een update van wijk met `wijk schema -o .wijk/data.schema.json` en
  `wijk schema --config -o .wijk/config.schema.json`.
- De voorbeelden (`voorbeeldwijk`, `buurtwerk`) mag je weghalen zodra je eigen gegevens er staan.
)~",
                           fmt::arg("hooks", hooks), fmt::arg("install", install), fmt::arg("setting", ci_setting));
    return fmt::format(R"~(# wijk data

This folder holds the association's neighbourhoods, partners, agreements
(samenwerkingsafspraken), evaluations, neighbourhood strategies and liveability
scores as YAML files that you edit by hand. The `wijk` program checks them and
turns them into summaries, reminders and evaluation checklists.

## After every change

    wijk validate

It reports every problem with its file, line and column, and usually a hint:

    partners.yaml:10:11: error: 'tenant' is not one of: residents, tenants, ... [invalid-enum]
     10 |     kind: tenant
        |           ^
      hint: did you mean 'tenants'?

Fix what it says and run `wijk validate` again until it says `0 errors`.

## Adding a partner

In `partners.yaml`, add an item under `partners:` with at least `id` (lowercase
letters, digits and `-`), `name` and `kind`.

## Adding an agreement

In `agreements.yaml`, add an item with `id`, `partner` (the partner's id), `title`,
`neighbourhoods` and `start` (YYYY-MM-DD). An `end` needs a `renewal`: `none`,
`tacit` (with a `renewal_term`) or `indefinite`, and usually a `notice` period such
as `3 months`.

## Recording an evaluation

In `evaluations.yaml`, add an item with `agreement`, `year`, `date` and `decision`
(`continue`, `adjust` or `stop`). `wijk checklist --format yaml` writes one to fill in.

## A check on every commit

`hooks/pre-commit` checks what you commit (what `git add` staged) and refuses a commit
with errors. Turn it on once per clone:

    git config core.hooksPath {hooks}

If it says that `wijk` was not found (common in graphical git clients), run this once in a
terminal where `wijk --version` works:

    git config --global wijk.path "$(command -v wijk)"

## A check in GitHub or GitLab

`.github/workflows/wijk.yml` (GitHub Actions) and `.gitlab-ci.yml` (GitLab CI) check the
data on every push and pull/merge request, and report overdue reminders on Monday
mornings. They need one setting: the CI variable `{setting}` with the URL of your
organisation's wijk package (.deb) or of the wijk source repository (see `{install}`).
Without it the job fails with a message that names it.

## Reminders by e-mail

`cron/wijk.crontab` has a server mail each owner their reminders every Monday morning
(`wijk reminders --format email`); the file says how.

## Useful

- `wijk reminders`: notice deadlines, renewals and evaluations coming up.
- `wijk summary`: the overview of everything.
- `.wijk/*.schema.json`: for editors with a YAML language server (VS Code, Neovim);
  refresh them after updating wijk with `wijk schema -o .wijk/data.schema.json` and
  `wijk schema --config -o .wijk/config.schema.json`.
- Delete the examples (`voorbeeldwijk`, `buurtwerk`) once your own data is in.
)~",
                       fmt::arg("hooks", hooks), fmt::arg("install", install), fmt::arg("setting", ci_setting));
}

}  // namespace wijk::init_parts
