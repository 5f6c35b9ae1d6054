#include "render/init_templates.h"

#include "render/schema.h"

namespace wijk {

namespace {

constexpr const char* data_schema_line = "# yaml-language-server: $schema=.wijk/data.schema.json\n";

// wijk.yaml: every key of data-format.md section 4, most commented out.
std::string config_file(Lang lang) {
    std::string s = "# yaml-language-server: $schema=.wijk/config.schema.json\n";
    s += R"~(# Settings of this wijk data repository. Every key is optional; the commented
# ones show their form. `wijk validate` checks this file too.

format: 1                    # the version of the data format
# organisation: Example Housing Association   # shown in report headers
)~";
    s += lang == Lang::nl ? "language: nl                 # en or nl: the language of wijk's messages and reports\n"
                          : "language: en                 # en or nl: the language of wijk's messages and reports\n";
    s += R"~(# exclude: [drafts/**]      # globs of files that are not data, relative to this folder
# reminders:
#   horizon: 90 days         # how far ahead `wijk reminders` looks; or one per kind:
#   # horizon: {default: 90 days, notice: 6 months, strategy-end: 12 months}
# evaluations:
#   due: "10-01"             # the day every agreement's yearly evaluation is due, unless the
#                            # agreement sets evaluation_due; default: the anniversary of its start
#   since: 2026              # no evaluation is due, reminded or counted before this year
# staff:                     # who can own agreements (owner: in an agreement must be one of these)
#   - {id: anouk, name: Anouk de Vries, email: a.devries@example.nl}
# csv: rfc4180               # or excel-nl: semicolons, decimal commas, BOM, CRLF (Dutch Excel)
# watch:                     # which neighbourhoods call for a buurtstrategie
#   max_class: 3             # latest Leefbaarometer class at or below this
#   max_score: null          # or: latest score at or below this number
# privacy:
#   contacts_in_reports: false   # true: reports show contact persons and participants
)~";
    return s;
}

std::string neighbourhoods_file() {
    return std::string(data_schema_line) + R"~(# Neighbourhoods where the association owns homes. Replace this example with your own.
# Required: id, name, municipality. `codes` are the CBS area codes (BU..., WK..., GM...)
# that `wijk import leefbaarometer` matches.

neighbourhoods:
  - id: voorbeeldwijk
    name: Voorbeeldwijk
    municipality: Voorbeeldstad
    district: Centrum
    codes: [BU9999AA01]
    code_year: 2024
    homes: 850
    approach:
      - {year: 2025, level: focus}
    notes: An example neighbourhood; delete it when you add your own.
)~";
}

std::string liveability_file() {
    return std::string(data_schema_line) + R"~(# Liveability scores per neighbourhood per year (Leefbaarometer 3.0 or similar).
# Required: neighbourhood, year, and class or score. `wijk import leefbaarometer FILE.csv`
# writes such records from the open data.

liveability:
  - neighbourhood: voorbeeldwijk
    year: 2024
    source: leefbaarometer
    class: 4
    score: 3.98
    deviation: -0.12
    dimensions: {housing: -0.03, physical: 0.02, amenities: 0.01, cohesion: -0.04, safety: -0.08}
)~";
}

std::string partners_file() {
    return std::string(data_schema_line) + R"~(# Partners: organisations the association works with in its neighbourhoods.
# Required: id, name, kind (residents, tenants, welfare, municipality, police, volunteers,
# education, health, culture, sports, faith, business or other).
# Contact persons are personal data: reports leave them out unless asked.

partners:
  - id: buurtwerk
    name: Stichting Buurtwerk (example)
    kind: welfare
    neighbourhoods: [voorbeeldwijk]
    since: 2025-01-01
    contacts:
      - {name: Sam Jansen, role: coordinator, email: sam@example.org}
)~";
}

std::string agreements_file() {
    return std::string(data_schema_line) + R"~(# Agreements (samenwerkingsafspraken) with partners.
# Required: id, partner, title, neighbourhoods, start. With an `end`, say what happens
# after it: renewal none (it ends), tacit (it renews by itself for renewal_term unless
# notice is given) or indefinite (it goes on without an end date).

agreements:
  - id: buurtwerk-ontmoeting
    partner: buurtwerk
    title: Meeting place and activities in Voorbeeldwijk
    neighbourhoods: [voorbeeldwijk]
    start: 2025-01-01
    end: 2026-12-31
    renewal: tacit
    renewal_term: 1 year
    notice: 3 months
    we_provide:
      - kind: space
        description: Community room
        address: Voorbeeldstraat 1
        area_m2: 60
        lease: 230a
        rent_per_year: 7200
      - {kind: funding, amount_per_year: 5000}
    partner_provides:
      - {id: activiteiten, description: Weekly activities for residents, target: 40, unit: sessions}
)~";
}

std::string evaluations_file() {
    return std::string(data_schema_line) + R"~(# Yearly evaluations of agreements: what was achieved and whether to go on.
# Required: agreement, year, date, decision (continue, adjust or stop).
# `wijk checklist --format yaml` writes one to fill in.

evaluations:
  - agreement: buurtwerk-ontmoeting
    year: 2026
    date: 2026-01-20
    decision: continue
    results:
      - {commitment: activiteiten, achieved: 42}
    provisions_delivered: true
)~";
}

std::string strategies_file() {
    return std::string(data_schema_line) + R"~(# Neighbourhood strategies (buurtstrategieen), three to five years each.
# Required: id, title, neighbourhoods, start, end.

strategies:
  - id: voorbeeldwijk-2025
    title: Voorbeeldwijk together 2025-2028
    neighbourhoods: [voorbeeldwijk]
    start: 2025-01-01
    end: 2028-12-31
    focus: [cohesion, safety]
    partners: [buurtwerk]
    goals:
      - More residents who know their neighbours
)~";
}

std::string readme(Lang lang) {
    if (lang == Lang::nl)
        return R"~(# Gegevens voor wijk

Deze map bevat de buurten, partners, samenwerkingsafspraken, evaluaties,
buurtstrategieën en leefbaarheidsscores van de corporatie, als YAML-bestanden
die je met de hand bewerkt. Het programma `wijk` controleert ze en maakt er
overzichten, herinneringen en evaluatielijsten van.

## Na elke wijziging

    wijk validate

Dat meldt elk probleem met bestand, regel en kolom, en meestal een tip:

    partners.yaml:10:11: error: 'tenant' is not one of: residents, tenants, ... [invalid-enum]
     10 |     kind: tenant
        |           ^
      hint: did you mean 'tenants'?
    1 error, 0 warnings (7 files checked)

Verbeter wat er staat en voer `wijk validate` opnieuw uit tot er `0 errors` staat.

## Een partner toevoegen

Voeg in `partners.yaml` een item toe onder `partners:` met minstens `id`
(kleine letters, cijfers en `-`), `name` en `kind`.

## Een afspraak toevoegen

Voeg in `agreements.yaml` een item toe met `id`, `partner` (de id van de partner),
`title`, `neighbourhoods` en `start` (JJJJ-MM-DD). Met een `end` hoort ook `renewal`:
`none`, `tacit` (met `renewal_term`) of `indefinite`, en meestal een `notice`
(opzegtermijn), bijvoorbeeld `3 months`.

## Een evaluatie vastleggen

Voeg in `evaluations.yaml` een item toe met `agreement`, `year`, `date` en
`decision` (`continue`, `adjust` of `stop`). `wijk checklist --format yaml` maakt
er een om in te vullen.

## Handig

- `wijk reminders`: opzegtermijnen, verlengingen en evaluaties die eraan komen.
- `wijk summary`: het overzicht van alles.
- `hooks/pre-commit`: controleert bij elke commit (`git config core.hooksPath hooks`).
- `.github/workflows/wijk.yml`: dezelfde controle in GitHub Actions.
- `.wijk/*.schema.json`: voor editors met een YAML language server (VS Code, Neovim);
  vernieuw ze na een update van wijk met `wijk schema -o .wijk/data.schema.json` en
  `wijk schema --config -o .wijk/config.schema.json`.
- De voorbeelden (`voorbeeldwijk`, `buurtwerk`) mag je weghalen zodra je eigen gegevens er staan.
)~";
    return R"~(# wijk data

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
    1 error, 0 warnings (7 files checked)

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

## Useful

- `wijk reminders`: notice deadlines, renewals and evaluations coming up.
- `wijk summary`: the overview of everything.
- `hooks/pre-commit`: checks every commit (`git config core.hooksPath hooks`).
- `.github/workflows/wijk.yml`: the same check in GitHub Actions.
- `.wijk/*.schema.json`: for editors with a YAML language server (VS Code, Neovim);
  refresh them after updating wijk with `wijk schema -o .wijk/data.schema.json` and
  `wijk schema --config -o .wijk/config.schema.json`.
- Delete the examples (`voorbeeldwijk`, `buurtwerk`) once your own data is in.
)~";
}

constexpr const char* pre_commit = R"~(#!/bin/sh
# Checks the wijk data before every commit: a commit with errors is refused.
# Use it with: git config core.hooksPath hooks   (or copy it to .git/hooks/pre-commit)
cd "$(git rev-parse --show-toplevel)" || exit 1
exec wijk validate --format parsable
)~";

constexpr const char* workflow = R"~(# Checks the wijk data on every push and pull request, and every Monday morning
# fails when a reminder is overdue. Install wijk in the step below as your
# organisation distributes it.
name: wijk
on:
  push:
  pull_request:
  schedule:
    - cron: "0 6 * * 1"
jobs:
  wijk:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - name: Install wijk
        run: echo "install wijk here, e.g. from your organisation's package or a release" && command -v wijk
      - name: Validate
        run: wijk validate --format github
      - name: Overdue reminders
        run: wijk reminders --check
)~";

constexpr const char* gitignore = R"~(# Temporary files of an interrupted wijk write
.*.wijk-*
# Reports you generate: keep them out of the data's history
/reports/
)~";

// JSON without comments, so that any JSON tool reads them too
constexpr const char* vscode_settings = R"~({
  "[yaml]": {
    "editor.insertSpaces": true,
    "editor.tabSize": 2,
    "editor.detectIndentation": false,
    "editor.quickSuggestions": { "other": true, "comments": false, "strings": true }
  },
  "files.encoding": "utf8",
  "files.eol": "\n",
  "files.insertFinalNewline": true,
  "files.trimTrailingWhitespace": true,
  "wijk.path": "wijk"
}
)~";

constexpr const char* vscode_extensions = R"~({
  "recommendations": ["wijk.wijk"]
}
)~";

}  // namespace

std::vector<InitFile> vscode_files() {
    return {{".vscode/settings.json", vscode_settings}, {".vscode/extensions.json", vscode_extensions}};
}

std::vector<InitFile> init_files(Lang lang) {
    return {
        {"wijk.yaml", config_file(lang)},
        {"neighbourhoods.yaml", neighbourhoods_file()},
        {"liveability.yaml", liveability_file()},
        {"partners.yaml", partners_file()},
        {"agreements.yaml", agreements_file()},
        {"evaluations.yaml", evaluations_file()},
        {"strategies.yaml", strategies_file()},
        {"README.md", readme(lang)},
        {"hooks/pre-commit", pre_commit, true},
        {".github/workflows/wijk.yml", workflow},
        {".gitignore", gitignore},
        {".wijk/data.schema.json", data_file_schema()},
        {".wijk/config.schema.json", config_schema()},
    };
}

}  // namespace wijk
