#include "model/key_docs.h"

#include <string>

namespace wijk {

namespace {

struct Doc {
    std::string_view spec, key, en, nl;
};

// wijk-format(5), COLLECTIONS and WIJK.YAML, in short.
constexpr Doc docs[] = {
    // neighbourhoods
    {"neighbourhood", "id", "The neighbourhood's id, such as geuzenveld: what agreements, partners and strategies refer to.",
     "De id van de buurt, zoals geuzenveld: daarnaar verwijzen afspraken, partners en buurtstrategieën."},
    {"neighbourhood", "name", "The name shown in reports, such as Geuzenveld.", "De naam in overzichten, zoals Geuzenveld."},
    {"neighbourhood", "municipality", "The municipality (gemeente), such as Amsterdam.", "De gemeente, zoals Amsterdam."},
    {"neighbourhood", "district", "The district (stadsdeel or wijk), such as Nieuw-West.", "Het stadsdeel of de wijk, zoals Nieuw-West."},
    {"neighbourhood", "codes",
     "The CBS area codes the neighbourhood covers: BU + 8 characters (a buurt), WK + 6 (a wijk) or GM + 4 (a gemeente). A code belongs to one neighbourhood only.",
     "De CBS-gebiedscodes die de buurt beslaat: BU + 8 tekens (een buurt), WK + 6 (een wijk) of GM + 4 (een gemeente). Een code hoort bij één buurt."},
    {"neighbourhood", "code_year", "The year of the CBS area division the codes belong to (codes change, as in Amsterdam in 2022).",
     "Het jaar van de CBS-gebiedsindeling van de codes (codes veranderen, zoals in Amsterdam in 2022)."},
    {"neighbourhood", "homes", "The number of homes the association owns there.", "Het aantal woningen van de corporatie in de buurt."},
    {"neighbourhood", "approach", "The approach per year, each {year: YEAR, level: regular, focus or intervention}.",
     "De aanpak per jaar, elk {year: JAAR, level: regular (gewone aanpak), focus (aandachtswijk) of intervention (ingrijpen)}."},
    {"neighbourhood", "notes", "Notes of your own.", "Eigen aantekeningen."},
    {"approach", "year", "The year of this approach.", "Het jaar van deze aanpak."},
    {"approach", "level", "regular (the usual approach), focus (aandachtswijk) or intervention (ingrijpen).",
     "regular (gewone aanpak), focus (aandachtswijk) of intervention (ingrijpen)."},
    // liveability
    {"liveability", "neighbourhood", "The neighbourhood these figures are for.", "De buurt waar deze cijfers over gaan."},
    {"liveability", "year", "The year of measurement (jaar).", "Het jaar van meting (jaar)."},
    {"liveability", "class",
     "The Leefbaarometer class, 1 (very poor) to 9 (excellent); a neighbourhood at or below watch.max_class is on the watchlist.",
     "De Leefbaarometer-klasse, 1 (zeer onvoldoende) tot 9 (uitstekend); een buurt op of onder watch.max_class staat op de aandachtslijst."},
    {"liveability", "score", "The absolute score (lbm), such as 3.92.", "De absolute score (lbm), zoals 3.92."},
    {"liveability", "deviation", "The deviation from the national average (afw): the sum of the five dimensions.",
     "De afwijking van het landelijk gemiddelde (afw): de som van de vijf dimensies."},
    {"liveability", "dimensions", "The deviation per dimension: housing (won), physical (fys), amenities (vrz), cohesion (soc), safety (onv).",
     "De afwijking per dimensie: housing (won), physical (fys), amenities (vrz), cohesion (soc), safety (onv)."},
    {"liveability", "source", "Where the figures come from, such as leefbaarometer-2024 (each release recalculates the series). Default: leefbaarometer.",
     "Waar de cijfers vandaan komen, zoals leefbaarometer-2024 (elke uitgave herberekent de reeks). Standaard: leefbaarometer."},
    {"liveability", "code", "The CBS area of this record, one of the neighbourhood's codes.",
     "Het CBS-gebied van dit record, een van de codes van de buurt."},
    {"dimensions", "housing", "Deviation for housing (won).", "Afwijking voor wonen (won)."},
    {"dimensions", "physical", "Deviation for the physical environment (fys).", "Afwijking voor de fysieke omgeving (fys)."},
    {"dimensions", "amenities", "Deviation for amenities (vrz).", "Afwijking voor voorzieningen (vrz)."},
    {"dimensions", "cohesion", "Deviation for social cohesion (soc).", "Afwijking voor sociale samenhang (soc)."},
    {"dimensions", "safety", "Deviation for nuisance and insecurity (onv).", "Afwijking voor overlast en onveiligheid (onv)."},
    // partners
    {"partner", "id", "The partner's id: what agreements and strategies refer to.", "De id van de partner: daarnaar verwijzen afspraken en buurtstrategieën."},
    {"partner", "name", "The organisation's name.", "De naam van de organisatie."},
    {"partner", "kind", "What kind of organisation: residents, tenants, welfare, municipality, police, volunteers, education, health, culture, sports, faith, business or other.",
     "Wat voor organisatie: residents (bewoners), tenants (huurders), welfare (welzijn), municipality (gemeente), police (politie), volunteers (vrijwilligers), education (onderwijs), health (zorg), culture (cultuur), sports (sport), faith (levensbeschouwing), business (ondernemers) of other (overig)."},
    {"partner", "neighbourhoods", "The neighbourhoods where the partner works.", "De buurten waar de partner werkt."},
    {"partner", "since", "The date since when it is a partner.", "Sinds wanneer het een partner is."},
    {"partner", "kvk", "The Chamber of Commerce (KvK) number: exactly 8 digits.", "Het KvK-nummer: precies 8 cijfers."},
    {"partner", "contacts", "Contact persons, each with name, role, email and phone. Personal data: reports leave them out unless asked.",
     "Contactpersonen, elk met name, role, email en phone. Persoonsgegevens: overzichten laten ze weg tenzij erom gevraagd wordt."},
    {"partner", "notes", "Notes of your own.", "Eigen aantekeningen."},
    {"contact", "name", "The contact person's name.", "De naam van de contactpersoon."},
    {"contact", "role", "Their role, such as opbouwwerker.", "De rol, zoals opbouwwerker."},
    {"contact", "email", "Their e-mail address.", "Het e-mailadres."},
    {"contact", "phone", "Their phone number.", "Het telefoonnummer."},
    // agreements
    {"agreement", "id", "The agreement's id, such as dock-geuzenveld: what evaluations refer to.",
     "De id van de afspraak, zoals dock-geuzenveld: daarnaar verwijzen evaluaties."},
    {"agreement", "partner", "The partner the agreement is made with.", "De partner met wie de afspraak is gemaakt."},
    {"agreement", "title", "The agreement's title, shown in reports.", "De titel van de afspraak, in overzichten."},
    {"agreement", "neighbourhoods", "The neighbourhoods the agreement is for: at least one.", "De buurten waar de afspraak voor is: minstens één."},
    {"agreement", "start", "The first day.", "De eerste dag."},
    {"agreement", "end", "The last day of the first term, itself included. Leave it out for an agreement for an indefinite period.",
     "De laatste dag van de eerste termijn, die dag zelf inbegrepen. Laat weg voor een afspraak voor onbepaalde tijd."},
    {"agreement", "signed", "When it was signed.", "Wanneer ze is ondertekend."},
    {"agreement", "notice", "The notice period (opzegtermijn), such as 3 months. Absent means none.",
     "De opzegtermijn, zoals 3 maanden. Weggelaten: geen."},
    {"agreement", "renewal",
     "What happens at end (required with end): none (it ends), tacit (it renews for renewal_term unless notice is given in time) or indefinite (it goes on until notice is given).",
     "Wat er op end gebeurt (verplicht bij end): none (ze eindigt), tacit (stilzwijgende verlenging met renewal_term, tenzij op tijd wordt opgezegd) of indefinite (daarna voor onbepaalde tijd, tot opzegging)."},
    {"agreement", "renewal_term", "The length of each renewal; required with renewal: tacit.",
     "De duur van elke verlenging; verplicht bij renewal: tacit."},
    {"agreement", "owner", "Who at the association looks after the agreement: the id of one of the staff of wijk.yaml, when it lists them.",
     "Wie bij de corporatie de afspraak beheert (de eigenaar): de id van een van de medewerkers in wijk.yaml, als die daar staan."},
    {"agreement", "strategy", "The neighbourhood strategy the agreement serves.", "De buurtstrategie waar de afspraak bij hoort."},
    {"agreement", "document", "The path of the signed agreement, relative to the data root, such as documents/dock-geuzenveld.pdf.",
     "Het pad van de ondertekende afspraak, vanaf de gegevensmap, zoals documents/dock-geuzenveld.pdf."},
    {"agreement", "evaluation_due", "The day each year's evaluation is due (MM-DD). Default: evaluations.due of wijk.yaml, else the anniversary of start.",
     "De dag waarop de evaluatie elk jaar moet plaatsvinden (MM-DD). Standaard: evaluations.due uit wijk.yaml, anders elk jaar de dag waarop de afspraak begon."},
    {"agreement", "terminated", "For an agreement that has been ended early (opgezegd): end, by, notice_given and reason.",
     "Voor een afspraak die vroegtijdig is beëindigd (opgezegd): end, by, notice_given en reason."},
    {"agreement", "we_provide", "What the association delivers: space, rent_discount, funding, support, advice or other.",
     "Wat de corporatie levert: space (ruimte), rent_discount (huurkorting), funding (financiering), support (ondersteuning), advice (advies) of other (overig)."},
    {"agreement", "partner_provides", "What the partner does in return: commitments with an id, a description and a target.",
     "Wat de partner ertegenover stelt: toezeggingen met een id, een beschrijving en een doel."},
    {"agreement", "notes", "Notes of your own.", "Eigen aantekeningen."},
    {"terminated", "end", "The last day of the agreement.", "De laatste dag van de afspraak."},
    {"terminated", "by", "Who ended it: association (the default), partner or mutual.", "Wie de afspraak beëindigde: association (standaard), partner of mutual (samen)."},
    {"terminated", "notice_given", "When notice was given; required unless by: mutual.", "Wanneer is opgezegd; verplicht tenzij by: mutual."},
    {"terminated", "reason", "Why it was ended.", "Waarom ze is beëindigd."},
    {"provision", "kind", "What is provided: space, rent_discount, funding, support, advice or other.",
     "Wat er geleverd wordt: space (ruimte), rent_discount (huurkorting), funding (financiering), support (ondersteuning), advice (advies) of other (overig)."},
    {"provision", "description", "What it is, in words.", "Wat het is, in woorden."},
    {"provision", "value_per_year", "What it is worth in a year, in euros, when known.", "Wat het per jaar waard is, in euro's, als dat bekend is."},
    {"provision", "address", "space: the address of the room or building.", "space: het adres van de ruimte of het gebouw."},
    {"provision", "area_m2", "space: the floor area in square metres.", "space: de vloeroppervlakte in vierkante meters."},
    {"provision", "lease", "space: 290 (art. 7:290 BW, shops and horeca), 230a (art. 7:230a, other space) or loan (bruikleen, free of charge).",
     "space: 290 (art. 7:290 BW, winkels en horeca), 230a (art. 7:230a, andere ruimte) of loan (bruikleen, kosteloos)."},
    {"provision", "lease_ref", "space: the lease's number in the association's own systems.", "space: het nummer van het huurcontract in de eigen systemen."},
    {"provision", "rent_per_year", "space: the rent the space would fetch, or does, in euros a year.", "space: de huur die de ruimte zou opbrengen, of opbrengt, in euro's per jaar."},
    {"provision", "percent", "rent_discount: the discount as a percentage (0 to 100) of the rent of the agreement's spaces.",
     "rent_discount: de korting als percentage (0 tot 100) van de huur van de ruimtes van de afspraak."},
    {"provision", "amount_per_year", "rent_discount or funding: the amount in euros a year.", "rent_discount of funding: het bedrag in euro's per jaar."},
    {"provision", "justification", "rent_discount: why the rent is below the market rent.", "rent_discount: waarom de huur onder de markthuur ligt."},
    {"provision", "hours_per_year", "support, advice or other: the hours a year.", "support, advice of other: de uren per jaar."},
    {"commitment", "id", "The commitment's id, unique within the agreement: what evaluation results refer to.",
     "De id van de toezegging, uniek binnen de afspraak: daarnaar verwijzen de resultaten van evaluaties."},
    {"commitment", "description", "What the partner does.", "Wat de partner doet."},
    {"commitment", "target", "How much, as a number.", "Hoeveel, als getal."},
    {"commitment", "unit", "The unit of the target, such as sessions.", "De eenheid van het doel, zoals bijeenkomsten."},
    {"commitment", "per", "Whether the target is per year (the default) or for the whole term.", "Of het doel per jaar geldt (standaard: year) of voor de hele termijn (term)."},
    // evaluations
    {"evaluation", "agreement", "The agreement that is evaluated.", "De afspraak die geëvalueerd wordt."},
    {"evaluation", "year", "The evaluation year it counts for.", "Het evaluatiejaar waar ze voor telt."},
    {"evaluation", "date", "When the evaluation took place.", "Wanneer de evaluatie plaatsvond."},
    {"evaluation", "decision", "The decision taken: continue, adjust or stop.", "Het besluit: continue (doorgaan), adjust (bijstellen) of stop (stoppen)."},
    {"evaluation", "participants", "Who took part. Personal data, like contacts.", "Wie meededen. Persoonsgegevens, zoals contactpersonen."},
    {"evaluation", "results", "A result per commitment of the agreement: commitment, achieved and note.",
     "Een resultaat per toezegging van de afspraak: commitment, achieved en note."},
    {"evaluation", "provisions_delivered", "Did the association deliver what it promised?", "Heeft de corporatie geleverd wat ze beloofde?"},
    {"evaluation", "notes", "Notes of your own.", "Eigen aantekeningen."},
    {"result", "commitment", "The id of a commitment of the evaluated agreement.", "De id van een toezegging van de geëvalueerde afspraak."},
    {"result", "achieved", "What was achieved: a number, or true or false.", "Wat bereikt is: een getal, of true of false."},
    {"result", "note", "A note on the result.", "Een aantekening bij het resultaat."},
    // strategies
    {"strategy", "id", "The strategy's id, such as geuzenveld-2023: what agreements refer to.",
     "De id van de buurtstrategie, zoals geuzenveld-2023: daarnaar verwijzen afspraken."},
    {"strategy", "title", "The strategy's title.", "De titel van de buurtstrategie."},
    {"strategy", "neighbourhoods", "The neighbourhoods it is for: at least one.", "De buurten waar ze voor is: minstens één."},
    {"strategy", "start", "The first day.", "De eerste dag."},
    {"strategy", "end", "The last day.", "De laatste dag."},
    {"strategy", "focus", "The dimensions it works on: housing, physical, amenities, cohesion, safety.",
     "De dimensies waar ze aan werkt: housing, physical, amenities, cohesion, safety."},
    {"strategy", "partners", "The partners taking part.", "De partners die meedoen."},
    {"strategy", "goals", "Its goals, in words.", "De doelen, in woorden."},
    {"strategy", "notes", "Notes of your own.", "Eigen aantekeningen."},
    // wijk.yaml
    {"wijk.yaml", "format", "The version of the data format: 1.", "De versie van het gegevensformaat: 1."},
    {"wijk.yaml", "organisation", "The name shown at the top of reports.", "De naam boven aan overzichten."},
    {"wijk.yaml", "language", "en (the default) or nl: the language of messages and reports.", "en (standaard) of nl: de taal van meldingen en overzichten."},
    {"wijk.yaml", "exclude", "Globs of files and folders to leave out, such as drafts or \"**/*.old.yaml\".",
     "Patronen van bestanden en mappen die worden overgeslagen, zoals drafts of \"**/*.old.yaml\"."},
    {"wijk.yaml", "reminders", "Settings of wijk reminders: horizon, lead, from and fallback.", "Instellingen van wijk reminders: horizon, lead, from en fallback."},
    {"wijk.yaml", "evaluations", "When evaluations are due: due and since.", "Wanneer evaluaties moeten plaatsvinden: due en since."},
    {"wijk.yaml", "staff", "The people who can own agreements, each with id, name and email.",
     "De medewerkers die eigenaar van afspraken kunnen zijn, elk met id, name en email."},
    {"wijk.yaml", "csv", "rfc4180 (the default) or excel-nl (semicolons and decimal commas, for Dutch Excel).",
     "rfc4180 (standaard) of excel-nl (puntkomma's en decimale komma's, voor Nederlandse Excel)."},
    {"wijk.yaml", "watch", "Which neighbourhoods call for a strategy: max_class and max_score.",
     "Welke buurten om een buurtstrategie vragen: max_class en max_score."},
    {"wijk.yaml", "privacy", "contacts_in_reports: whether reports show contact persons without --contacts.",
     "contacts_in_reports: of overzichten contactpersonen tonen zonder --contacts."},
    {"reminders", "horizon", "How far ahead wijk reminders looks: one duration, or one per kind (default, decide, notice, renewal, expiry, evaluation, strategy-end).",
     "Hoe ver wijk reminders vooruitkijkt: één duur, of één per soort (default, decide, notice, renewal, expiry, evaluation, strategy-end)."},
    {"reminders", "lead", "Decide this long before each notice deadline: each deadline then gives a decide reminder.",
     "Zo lang vóór elke uiterste opzegdatum besluiten: elke uiterste opzegdatum geeft dan een herinnering om te besluiten."},
    {"reminders", "from", "The sender's e-mail address of reminders by e-mail.", "Het e-mailadres van de afzender van herinneringen per e-mail."},
    {"reminders", "fallback", "The e-mail address that gets reminders without an owner with an e-mail address.",
     "Het e-mailadres dat de herinneringen krijgt zonder eigenaar met een e-mailadres."},
    {"evaluations", "due", "The day (MM-DD) every agreement's evaluation is due, unless it sets evaluation_due.",
     "De dag (MM-DD) waarop de evaluatie van elke afspraak moet plaatsvinden, tenzij die evaluation_due heeft."},
    {"evaluations", "since", "No evaluation is due, reminded or counted before this year.", "Vóór dit jaar zijn evaluaties niet nodig: wijk herinnert er niet aan en telt ze niet."},
    {"staff", "id", "The id agreements name as their owner.", "De id die afspraken als eigenaar noemen."},
    {"staff", "name", "The person's name.", "De naam van de medewerker."},
    {"staff", "email", "Where reminders for their agreements can be mailed.", "Waar herinneringen over de eigen afspraken heen gaan."},
    {"watch", "max_class", "A neighbourhood whose latest class is at or below this is on the watchlist. Default: 3.",
     "Een buurt waarvan de laatste klasse hierop of hieronder ligt, staat op de aandachtslijst. Standaard: 3."},
    {"watch", "max_score", "A neighbourhood whose latest score is at or below this is on the watchlist.",
     "Een buurt waarvan de laatste score hierop of hieronder ligt, staat op de aandachtslijst."},
    {"privacy", "contacts_in_reports", "true: reports show contact persons and evaluation participants without --contacts.",
     "true: overzichten tonen contactpersonen en deelnemers aan evaluaties zonder --contacts."},
};

}  // namespace

Text key_doc(const RecordSpec& spec, std::string_view key) {
    for (const auto& d : docs)
        if (d.spec == spec.name && d.key == key) return Text(d.en, d.nl);
    return {};
}

Text key_kind_text(const KeySpec& k) {
    switch (k.kind) {
        case KeyKind::text: return Text("text", "tekst");
        case KeyKind::id: return Text("id", "id");
        case KeyKind::ref: return say("reference to {}", "verwijzing naar {}", k.target);
        case KeyKind::date: return Text("date (YYYY-MM-DD)", "datum (JJJJ-MM-DD)");
        case KeyKind::year: return Text("year", "jaar");
        case KeyKind::integer: return Text("whole number", "geheel getal");
        case KeyKind::number: return Text("number", "getal");
        case KeyKind::boolean: return Text("true or false", "true of false");
        case KeyKind::duration: return Text("duration, such as 3 months", "duur, zoals 3 maanden");
        case KeyKind::money: return Text("amount in euros, such as 1250.50", "bedrag in euro's, zoals 1250.50");
        case KeyKind::percent: return Text("percentage, 0 to 100", "percentage, 0 tot 100");
        case KeyKind::month_day: return Text("day of the year (MM-DD)", "dag van het jaar (MM-DD)");
        case KeyKind::enumeration: {
            std::string list;
            for (auto v : k.values) list += (list.empty() ? "" : ", ") + std::string(v);
            return say("one of: {}", "een van: {}", list);
        }
        case KeyKind::text_list: return Text("list of text", "lijst van tekst");
        case KeyKind::ref_list: return say("list of references to {}", "lijst van verwijzingen naar {}", k.target);
        case KeyKind::enum_list: {
            std::string list;
            for (auto v : k.values) list += (list.empty() ? "" : ", ") + std::string(v);
            return say("list of: {}", "lijst van: {}", list);
        }
        case KeyKind::record_list: return say("list of {}", "lijst van {}", k.target);
        case KeyKind::record: return Text("mapping", "mapping");
        case KeyKind::number_map: return Text("mapping of numbers", "mapping van getallen");
        case KeyKind::horizon: return Text("duration, or one per kind of reminder", "duur, of één per soort herinnering");
        case KeyKind::glob_list: return Text("list of globs", "lijst van patronen");
        case KeyKind::achieved: return Text("number, or true or false", "getal, of true of false");
    }
    return {};
}

Text collection_doc(std::string_view c) {
    if (c == "neighbourhoods") return Text("The neighbourhoods in which the association owns homes and works.",
                                           "De buurten waar de corporatie woningen heeft en werkt.");
    if (c == "liveability") return Text("Liveability scores: one record per neighbourhood per year and source.",
                                        "Leefbaarheidsscores: één record per buurt per jaar en bron.");
    if (c == "partners") return Text("The organisations the association works with.", "De organisaties waarmee de corporatie samenwerkt.");
    if (c == "agreements") return Text("The partnership agreements: what the association provides, what the partner does in return, and for how long.",
                                       "De samenwerkingsafspraken: wat de corporatie levert, wat de partner ertegenover stelt, en hoe lang.");
    if (c == "evaluations") return Text("The yearly evaluation of an agreement and the decision taken.",
                                        "De jaarlijkse evaluatie van een afspraak en het besluit.");
    if (c == "strategies") return Text("The neighbourhood strategies (buurtstrategieën).", "De buurtstrategieën.");
    return {};
}

}  // namespace wijk
