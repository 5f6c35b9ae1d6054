#include "render/init_templates.h"

#include "render/init_parts.h"
#include "render/schema.h"

namespace wijk {

namespace {

constexpr const char* data_schema_line = "# yaml-language-server: $schema=.wijk/data.schema.json\n";

// en or nl
const char* pick(Lang lang, const char* en, const char* nl) { return lang == Lang::nl ? nl : en; }

// wijk.yaml: every key of data-format.md section 4, most commented out.
std::string config_file(Lang lang) {
    std::string s = "# yaml-language-server: $schema=.wijk/config.schema.json\n";
    if (lang == Lang::nl) {
        s += R"~(# Instellingen van deze wijk-gegevensmap. Elke sleutel is optioneel; de sleutels achter
# een # tonen hun vorm. `wijk validate` controleert ook dit bestand.

format: 1                    # de versie van het gegevensformaat
# organisation: Voorbeeld Woonstichting   # staat boven de overzichten
language: nl                 # en of nl: de taal van de meldingen en overzichten van wijk
# exclude: [concepten/**]    # patronen van bestanden die geen gegevens zijn, vanaf deze map
# reminders:
#   horizon: 90 dagen        # hoe ver `wijk reminders` vooruitkijkt; of per soort:
#   # horizon: {default: 90 dagen, notice: 6 maanden, strategy-end: 12 maanden}
#   lead: 6 weken            # zo lang vóór elke uiterste opzegdatum besluiten (een 'decide'-herinnering)
#   from: wijk@example.nl    # afzender van `wijk reminders --format email` (zie cron/wijk.crontab)
#   fallback: wijkteam@example.nl   # krijgt de herinneringen zonder eigenaar met e-mailadres
# evaluations:
#   due: "10-01"             # 1 oktober: de dag waarop de jaarlijkse evaluatie van elke afspraak
#                            # klaar moet zijn, tenzij de afspraak evaluation_due zet (maand-dag);
#                            # standaard: de dag waarop de afspraak begon
#   since: 2026              # vóór dit jaar zijn evaluaties niet nodig: wijk herinnert er niet
#                            # aan en telt ze niet
# staff:                     # wie eigenaar van afspraken kan zijn (owner: in een afspraak)
#   - {id: anouk, name: Anouk de Vries, email: a.devries@example.nl}
# csv: rfc4180               # of excel-nl: puntkomma's, decimale komma's, BOM, CRLF (Nederlandse Excel)
# watch:                     # welke buurten om een buurtstrategie vragen
#   max_class: 3             # laatste Leefbaarometer-klasse gelijk aan deze of lager
#   max_score: null          # of: laatste score gelijk aan dit getal of lager
# privacy:
#   contacts_in_reports: false   # true: overzichten tonen contactpersonen en deelnemers
)~";
        return s;
    }
    s += R"~(# Settings of this wijk data repository. Every key is optional; the commented
# ones show their form. `wijk validate` checks this file too.

format: 1                    # the version of the data format
# organisation: Example Housing Association   # shown in report headers
language: en                 # en or nl: the language of wijk's messages and reports
# exclude: [drafts/**]       # globs of files that are not data, relative to this folder
# reminders:
#   horizon: 90 days         # how far ahead `wijk reminders` looks; or one per kind:
#   # horizon: {default: 90 days, notice: 6 months, strategy-end: 12 months}
#   lead: 6 weeks            # decide this long before each notice deadline (a `decide` reminder)
#   from: wijk@example.nl    # sender of `wijk reminders --format email` (see cron/wijk.crontab)
#   fallback: wijkteam@example.nl   # gets the reminders that have no owner with an e-mail
# evaluations:
#   due: "10-01"             # 1 October: the day every agreement's yearly evaluation is due,
#                            # unless the agreement sets evaluation_due (month-day);
#                            # default: the anniversary of its start
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

std::string neighbourhoods_file(Lang lang) {
    return std::string(data_schema_line) + pick(lang, R"~(# Neighbourhoods where the association owns homes. Replace this example with your own.
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
)~", R"~(# Buurten waar de corporatie woningen heeft. Vervang dit voorbeeld door je eigen buurten.
# Verplicht: id, name, municipality. `codes` zijn de CBS-gebiedscodes (BU..., WK..., GM...)
# waarop `wijk import leefbaarometer` de cijfers koppelt.

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
    notes: Een voorbeeldbuurt; haal haar weg zodra je eigen buurten erin staan.
)~");
}

std::string liveability_file(Lang lang) {
    return std::string(data_schema_line) + pick(lang, R"~(# Liveability scores per neighbourhood per year (Leefbaarometer 3.0 or similar).
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
)~", R"~(# Leefbaarheid per buurt per jaar (Leefbaarometer 3.0 of vergelijkbaar).
# Verplicht: neighbourhood, year, en class of score. `wijk import leefbaarometer BESTAND.csv`
# schrijft zulke gegevens uit de open data.

liveability:
  - neighbourhood: voorbeeldwijk
    year: 2024
    source: leefbaarometer
    class: 4
    score: 3.98
    deviation: -0.12
    dimensions: {housing: -0.03, physical: 0.02, amenities: 0.01, cohesion: -0.04, safety: -0.08}
)~");
}

std::string partners_file(Lang lang) {
    return std::string(data_schema_line) + pick(lang, R"~(# Partners: organisations the association works with in its neighbourhoods.
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
)~", R"~(# Partners: organisaties waarmee de corporatie in haar buurten samenwerkt.
# Verplicht: id, name, kind (residents, tenants, welfare, municipality, police, volunteers,
# education, health, culture, sports, faith, business of other).
# Contactpersonen zijn persoonsgegevens: overzichten laten ze weg, tenzij je erom vraagt.

partners:
  - id: buurtwerk
    name: Stichting Buurtwerk (voorbeeld)
    kind: welfare
    neighbourhoods: [voorbeeldwijk]
    since: 2025-01-01
    contacts:
      - {name: Sam Jansen, role: coördinator, email: sam@example.org}
)~");
}

std::string agreements_file(Lang lang) {
    return std::string(data_schema_line) + pick(lang, R"~(# Agreements (samenwerkingsafspraken) with partners.
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
)~", R"~(# Samenwerkingsafspraken met partners.
# Verplicht: id, partner, title, neighbourhoods, start. Met een `end` zeg je ook wat er daarna
# gebeurt: renewal none (de afspraak stopt), tacit (stilzwijgende verlenging met renewal_term,
# tenzij er is opgezegd) of indefinite (ze loopt door zonder einddatum).
# `notice` is de opzegtermijn.

agreements:
  - id: buurtwerk-ontmoeting
    partner: buurtwerk
    title: Ontmoetingsplek en activiteiten in Voorbeeldwijk
    neighbourhoods: [voorbeeldwijk]
    start: 2025-01-01
    end: 2026-12-31
    renewal: tacit
    renewal_term: 1 jaar
    notice: 3 maanden
    we_provide:
      - kind: space
        description: Buurtkamer
        address: Voorbeeldstraat 1
        area_m2: 60
        lease: 230a
        rent_per_year: 7200
      - {kind: funding, amount_per_year: 5000}
    partner_provides:
      - {id: activiteiten, description: Wekelijkse activiteiten voor bewoners, target: 40, unit: bijeenkomsten}
)~");
}

std::string evaluations_file(Lang lang) {
    return std::string(data_schema_line) + pick(lang, R"~(# Yearly evaluations of agreements: what was achieved and whether to go on.
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
)~", R"~(# Jaarlijkse evaluaties van afspraken: wat is bereikt, en doorgaan, bijstellen of stoppen.
# Verplicht: agreement, year, date, decision (continue, adjust of stop).
# `wijk checklist --format yaml` maakt er een om in te vullen.

evaluations:
  - agreement: buurtwerk-ontmoeting
    year: 2026
    date: 2026-01-20
    decision: continue
    results:
      - {commitment: activiteiten, achieved: 42}
    provisions_delivered: true
)~");
}

std::string strategies_file(Lang lang) {
    return std::string(data_schema_line) + pick(lang, R"~(# Neighbourhood strategies (buurtstrategieen), three to five years each.
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
)~", R"~(# Buurtstrategieën, elk voor drie tot vijf jaar.
# Verplicht: id, title, neighbourhoods, start, end.

strategies:
  - id: voorbeeldwijk-2025
    title: Samen Voorbeeldwijk 2025-2028
    neighbourhoods: [voorbeeldwijk]
    start: 2025-01-01
    end: 2028-12-31
    focus: [cohesion, safety]
    partners: [buurtwerk]
    goals:
      - Meer bewoners die hun buren kennen
)~");
}

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

std::vector<InitFile> init_files(const InitPlan& plan) {
    Lang lang = plan.lang;
    std::vector<InitFile> files{
        {"wijk.yaml", config_file(lang)},
        {"neighbourhoods.yaml", neighbourhoods_file(lang)},
        {"liveability.yaml", liveability_file(lang)},
        {"partners.yaml", partners_file(lang)},
        {"agreements.yaml", agreements_file(lang)},
        {"evaluations.yaml", evaluations_file(lang)},
        {"strategies.yaml", strategies_file(lang)},
        {plan.readme, init_parts::readme(plan)},
        {"hooks/pre-commit", init_parts::pre_commit_hook(plan), true},
        {"ci/install-wijk.sh", init_parts::install_script(plan), true},
        {".github/workflows/wijk.yml", init_parts::github_workflow(plan)},
        {".gitlab-ci.yml", init_parts::gitlab_ci(plan)},
        {"cron/wijk.crontab", init_parts::crontab(plan)},
    };
    if (plan.gitignore) files.push_back({".gitignore", init_parts::gitignore(lang)});
    files.push_back({".wijk/data.schema.json", data_file_schema()});
    files.push_back({".wijk/config.schema.json", config_schema()});
    return files;
}

std::vector<std::string> gitignore_lines(Lang lang) {
    std::vector<std::string> lines;
    std::string text = init_parts::gitignore(lang);
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        lines.push_back(text.substr(start, end - start));
        start = end == std::string::npos ? text.size() : end + 1;
    }
    return lines;
}

}  // namespace wijk
