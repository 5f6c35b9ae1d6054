// The neutral summary document that the text, Markdown, CSV, HTML and xlsx renderers share.
// Every word in it is in the document's language (SummaryOptions::lang), passed down.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "model/enums.h"
#include "model/i18n.h"
#include "render/json.h"
#include "render/labels.h"
#include "render/reminders.h"
#include "render/summary.h"

namespace wijk {

Cell Cell::of_date(const std::optional<Date>& d) {
    Cell c;
    if (!d) return c;
    c.kind = Kind::date;
    c.text = to_string(*d);
    return c;
}

namespace {

using Show = Column::Show;

std::string join(const std::vector<Field<std::string>>& items, std::string_view sep = ", ") {
    std::string out;
    for (const auto& i : items) {
        if (!i) continue;
        if (!out.empty()) out += sep;
        out += *i;
    }
    return out;
}

std::string_view strategy_status_label(StrategyStatus s, Lang lang) {
    switch (s) {
        case StrategyStatus::upcoming: return tr(lang, "upcoming", "gepland");
        case StrategyStatus::active: return tr(lang, "active", "lopend");
        case StrategyStatus::ended: return tr(lang, "ended", "afgelopen");
    }
    return {};
}


std::string_view per_label(Per p, Lang lang) {
    return p == Per::term ? tr(lang, "term", "termijn") : tr(lang, "year", "jaar");
}

std::string_view yes_no(bool b, Lang lang) { return b ? tr(lang, "yes", "ja") : tr(lang, "no", "nee"); }
// true/false in CSV, yes/no for people
Cell bool_cell(bool b, Lang lang) { return Cell::labelled(b ? "true" : "false", yes_no(b, lang)); }

// What comes next, for people: the kind, and "overdue" when it is.
std::string_view next_kind_label(const Deadline& d, Lang lang) {
    static constexpr std::array<std::string_view, reminder_kind_count> en{
        "decide (overdue)", "notice (overdue)", "renewal (overdue)", "expiry (overdue)", "evaluation (overdue)", "strategy end (overdue)"};
    static constexpr std::array<std::string_view, reminder_kind_count> nl{
        "besluit (te laat)", "opzegging (te laat)", "verlenging (te laat)", "einde (te laat)", "evaluatie (te laat)",
        "einde buurtstrategie (te laat)"};
    if (!d.overdue) return reminder_kind_label(d.kind, lang);
    return (lang == Lang::nl ? nl : en)[static_cast<std::size_t>(d.kind)];
}

std::string class_label(const std::optional<LiveabilityYear>& y, Lang lang) {
    if (!y) return {};
    std::string out = std::to_string(y->year) + ": ";
    if (y->klass) out += fmt::format("{} ({})", *y->klass, class_name(*y->klass, lang));
    else out += "–";
    return out;
}

Cell optional_int(const Opt<int>& v) { return v ? Cell::of_int(*v) : Cell{}; }
Cell optional_score(const Opt<double>& v) { return v ? Cell::of_score(*v) : Cell{}; }
Cell strategy_cell(const Strategy* s) { return s && s->id ? Cell::of(std::string(*s->id)) : Cell{}; }
Cell text_cell(const Opt<std::string>& f) { return f ? Cell::of(std::string(*f)) : Cell{}; }
Cell text_cell(const Field<std::string>& f) { return f ? Cell::of(std::string(*f)) : Cell{}; }
template <class Optional>
Cell duration_cell(const Optional& d) {
    return d ? Cell::of_duration(*d) : Cell{};
}
// An agreement's value, only when it counts in the totals (commands.md: else shown empty).
Cell counted_value(const AgreementRow& r) { return r.counted() ? Cell::of_money(r.value_per_year) : Cell{}; }

Column col(std::string key, std::string_view header, Show show = Show::always, bool machine = true) {
    return Column{std::move(key), std::string(header), show, machine, false, 0};
}
Column keep(Column c, std::uint8_t rank) {
    c.keep = rank;
    return c;
}
Column ids(std::string key, std::string_view header, Show show = Show::always, bool machine = true) {
    return Column{std::move(key), std::string(header), show, machine, true, 0};
}

Table neighbourhood_table(const std::vector<NeighbourhoodRow>& rows, Lang lang, std::string name = "neighbourhoods") {
    Table t;
    t.name = std::move(name);
    t.title = tr(lang, "Neighbourhoods", "Buurten");
    t.columns = {ids("id", tr(lang, "id", "id"), Show::never),
                 col("name", tr(lang, "Neighbourhood", "Buurt")),
                 col("latest_year", tr(lang, "Year", "Jaar")),
                 col("latest_class", tr(lang, "Class", "Klasse")),
                 col("latest_class_name", tr(lang, "Latest", "Laatste"), Show::never, false),
                 col("latest_score", tr(lang, "Score", "Score")),
                 col("previous_year", tr(lang, "Prev. year", "Vorig jaar"), Show::never),
                 col("previous_class", tr(lang, "Prev.", "Vorige"), Show::when_room),
                 col("previous_score", tr(lang, "Prev. score", "Vorige score"), Show::never),
                 keep(col("trend", tr(lang, "Trend", "Verloop"), Show::when_room, false), 1),
                 col("active_agreements", tr(lang, "Agr.", "Afspr.")),
                 ids("strategy", tr(lang, "Strategy", "Strategie")),
                 col("watch", tr(lang, "Watch", "Let op")),
                 col("municipality", tr(lang, "Municipality", "Gemeente"), Show::never),
                 col("district", tr(lang, "District", "Stadsdeel"), Show::never),
                 col("homes", tr(lang, "Homes", "Woningen"), Show::never)};
    for (const auto& r : rows) {
        const auto& n = *r.neighbourhood;
        std::vector<Cell> row;
        row.push_back(text_cell(n.id));
        row.push_back(text_cell(n.name));
        row.push_back(r.latest ? Cell::of_int(r.latest->year) : Cell{});
        row.push_back(r.latest ? optional_int(r.latest->klass) : Cell{});
        row.push_back(r.latest && r.latest->klass ? Cell::of(std::string(class_name(*r.latest->klass, lang))) : Cell{});
        row.push_back(r.latest ? optional_score(r.latest->score) : Cell{});
        row.push_back(r.previous ? Cell::of_int(r.previous->year) : Cell{});
        row.push_back(r.previous ? optional_int(r.previous->klass) : Cell{});
        row.push_back(r.previous ? optional_score(r.previous->score) : Cell{});
        row.push_back(Cell::of(class_trend(r.history, 4)));
        row.push_back(Cell::of_int(r.active_agreements));
        row.push_back(strategy_cell(r.strategy));
        row.push_back(Cell::labelled(r.watch ? "true" : "false", r.watch ? yes_no(true, lang) : std::string_view("")));
        row.push_back(text_cell(n.municipality));
        row.push_back(text_cell(n.district));
        row.push_back(n.homes ? Cell::of_int(*n.homes) : Cell{});
        t.rows.push_back(std::move(row));
        t.extras.push_back(&n.extras);
    }
    t.empty = tr(lang, "No neighbourhoods.", "Geen buurten.");
    return t;
}

Table watch_table(const std::vector<const NeighbourhoodRow*>& rows, Lang lang) {
    Table t;
    t.name = "watchlist";
    t.title = tr(lang, "Watchlist", "Aandachtslijst");
    t.columns = {ids("neighbourhood", tr(lang, "id", "id"), Show::never),
                 col("name", tr(lang, "Neighbourhood", "Buurt")),
                 col("year", tr(lang, "Year", "Jaar")),
                 col("class", tr(lang, "Class", "Klasse")),
                 col("class_name", "", Show::when_room, false),
                 col("score", tr(lang, "Score", "Score")),
                 ids("strategy", tr(lang, "Strategy", "Strategie")),
                 ids("planned", tr(lang, "Planned", "Gepland"))};
    for (const NeighbourhoodRow* r : rows) {
        const auto& n = *r->neighbourhood;
        t.rows.push_back({text_cell(n.id), text_cell(n.name), Cell::of_int(r->latest->year), optional_int(r->latest->klass),
                          r->latest->klass ? Cell::of(std::string(class_name(*r->latest->klass, lang))) : Cell{},
                          optional_score(r->latest->score), strategy_cell(r->strategy),
                          r->planned || r->strategy ? strategy_cell(r->planned)
                                                    : Cell::labelled("", tr(lang, "none (needed)", "geen (nodig)"))});
        t.extras.push_back(nullptr);
    }
    t.empty = tr(lang, "No neighbourhood is on the watchlist.", "Geen buurt staat op de aandachtslijst.");
    return t;
}

Table agreement_table(const Repository& repo, const std::vector<AgreementRow>& rows, Lang lang) {
    Table t;
    t.name = "agreements";
    t.title = tr(lang, "Agreements", "Samenwerkingsafspraken");
    t.sheet = tr(lang, "Agreements", "Afspraken");
    t.columns = {ids("id", tr(lang, "Agreement", "Afspraak")),
                 keep(col("title", tr(lang, "Title", "Titel"), Show::when_room), 1),
                 ids("partner", tr(lang, "Partner", "Partner"), Show::never),
                 col("partner_name", tr(lang, "Partner name", "Naam partner"), Show::never),
                 ids("owner", tr(lang, "Owner", "Eigenaar"), Show::never),
                 col("status", tr(lang, "Status", "Status")),
                 col("start", tr(lang, "Start", "Begin"), Show::never),
                 col("end", tr(lang, "End of first term", "Einde eerste termijn"), Show::never),
                 col("renewal", tr(lang, "Renewal", "Verlenging"), Show::never),
                 col("renewal_term", tr(lang, "Renewal term", "Verlengingstermijn"), Show::never),
                 col("notice", tr(lang, "Notice period", "Opzegtermijn"), Show::never),
                 keep(col("term_end", tr(lang, "Term end", "Einde termijn"), Show::when_room), 2),
                 col("notice_deadline", tr(lang, "Notice by", "Uiterste opzegdatum"), Show::when_room),
                 col("next", tr(lang, "Next", "Volgende"), Show::always, false),
                 col("next_deadline", tr(lang, "Next date", "Volgende datum"), Show::never),
                 col("next_kind", tr(lang, "What", "Wat"), Show::never),
                 col("overdue", tr(lang, "Overdue", "Te laat"), Show::never),
                 col("value_per_year", tr(lang, "Value/year", "Waarde/jaar")),
                 col("space_m2", tr(lang, "m²", "m²"), Show::never),
                 ids("strategy", tr(lang, "Strategy", "Strategie"), Show::never),
                 ids("neighbourhoods", tr(lang, "Neighbourhoods", "Buurten"), Show::never)};
    for (const auto& r : rows) {
        const auto& a = *r.agreement;
        const Partner* partner = a.partner ? repo.partner(*a.partner) : nullptr;
        Cell status = Cell::labelled(std::string(status_names[static_cast<std::size_t>(r.status)]), status_label(r.status, lang));
        t.rows.push_back({text_cell(a.id), text_cell(a.title), text_cell(a.partner),
                          partner ? text_cell(partner->name) : Cell{}, text_cell(a.owner), status,
                          Cell::of_date(a.start.value), Cell::of_date(a.end.value),
                          a.renewal ? Cell::labelled(std::string(name(*a.renewal)), renewal_label(*a.renewal, lang)) : Cell{},
                          duration_cell(a.renewal_term), duration_cell(a.notice),
                          Cell::of_date(r.term_end), Cell::of_date(r.notice_deadline),
                          r.next ? Cell::of(to_string(r.next->date) + " " + std::string(next_kind_label(*r.next, lang))) : Cell{},
                          r.next ? Cell::of_date(r.next->date) : Cell{},
                          r.next ? Cell::labelled(std::string(name(r.next->kind)), next_kind_label(*r.next, lang)) : Cell{},
                          r.next ? bool_cell(r.next->overdue, lang) : Cell{},
                          counted_value(r), Cell::of_number(r.space_m2), text_cell(a.strategy),
                          Cell::of(join(a.neighbourhoods, " "))});
        t.extras.push_back(&a.extras);
    }
    t.empty = tr(lang, "No agreements.", "Geen afspraken.");
    return t;
}

Table strategy_table(const std::vector<const Strategy*>& rows, const Date& as_of, Lang lang) {
    Table t;
    t.name = "strategies";
    t.title = tr(lang, "Strategies", "Buurtstrategieën");
    t.columns = {ids("id", tr(lang, "Strategy", "Strategie")), col("title", tr(lang, "Title", "Titel")),
                 col("start", tr(lang, "Start", "Begin")), col("end", tr(lang, "End", "Einde")),
                 col("status", tr(lang, "Status", "Status"))};
    for (const Strategy* s : rows) {
        auto st = strategy_status_on(*s, as_of);
        t.rows.push_back({text_cell(s->id), text_cell(s->title), Cell::of_date(s->start.value), Cell::of_date(s->end.value),
                          Cell::labelled(std::string(name(st)), strategy_status_label(st, lang))});
        t.extras.push_back(&s->extras);
    }
    t.empty = tr(lang, "No strategies.", "Geen buurtstrategieën.");
    return t;
}

Table partner_table(const std::vector<const Partner*>& rows, Lang lang) {
    Table t;
    t.name = "partners";
    t.title = tr(lang, "Partners", "Partners");
    t.columns = {ids("id", tr(lang, "Partner", "Partner")), col("name", tr(lang, "Name", "Naam")),
                 col("kind", tr(lang, "Kind", "Soort"))};
    for (const Partner* p : rows) {
        t.rows.push_back({text_cell(p->id), text_cell(p->name),
                          p->kind ? Cell::labelled(std::string(name(*p->kind)), partner_kind_label(*p->kind, lang)) : Cell{}});
        t.extras.push_back(&p->extras);
    }
    t.empty = tr(lang, "No partners.", "Geen partners.");
    return t;
}

Table evaluation_table(const std::vector<const Evaluation*>& rows, const SummaryOptions& o) {
    const Lang lang = o.lang;
    Table t;
    t.name = "evaluations";
    t.title = tr(lang, "Evaluations", "Evaluaties");
    t.columns = {ids("agreement", tr(lang, "Agreement", "Afspraak")), col("year", tr(lang, "Year", "Jaar")),
                 col("date", tr(lang, "Date", "Datum")), col("decision", tr(lang, "Decision", "Besluit")),
                 col("provisions_delivered", tr(lang, "Delivered", "Geleverd"))};
    if (o.contacts) t.columns.push_back(col("participants", tr(lang, "Participants", "Deelnemers")));
    t.columns.push_back(col("notes", tr(lang, "Notes", "Notities")));
    for (const Evaluation* e : rows) {
        std::vector<Cell> row{text_cell(e->agreement), e->year ? Cell::of_int(*e->year) : Cell{}, Cell::of_date(e->date.value),
                              e->decision ? Cell::labelled(std::string(name(*e->decision)), decision_label(*e->decision, lang)) : Cell{},
                              e->provisions_delivered ? bool_cell(*e->provisions_delivered, lang) : Cell{}};
        if (o.contacts) row.push_back(Cell::of(join(e->participants, "; ")));
        row.push_back(text_cell(e->notes));
        t.rows.push_back(std::move(row));
        t.extras.push_back(&e->extras);
    }
    t.empty = tr(lang, "No evaluations yet.", "Nog geen evaluaties.");
    return t;
}

Table history_table(const std::vector<NeighbourhoodRow>& rows, Lang lang) {
    Table t;
    t.name = "liveability";
    t.title = tr(lang, "Liveability per year (lowest of the year's records)", "Leefbaarheid per jaar (laagste van het jaar)");
    t.sheet = tr(lang, "Liveability per year", "Leefbaarheid per jaar");
    t.columns = {ids("neighbourhood", tr(lang, "Neighbourhood", "Buurt")), col("year", tr(lang, "Year", "Jaar")),
                 col("class", tr(lang, "Class", "Klasse")), col("class_name", "", Show::always, false),
                 col("score", tr(lang, "Score", "Score"))};
    for (const auto& r : rows)
        for (const auto& y : r.history) {
            t.rows.push_back({text_cell(r.neighbourhood->id), Cell::of_int(y.year), optional_int(y.klass),
                              y.klass ? Cell::of(std::string(class_name(*y.klass, lang))) : Cell{}, optional_score(y.score)});
            t.extras.push_back(nullptr);
        }
    t.empty = tr(lang, "No liveability scores.", "Geen leefbaarheidsscores.");
    return t;
}

// Every field of the provisions of `agreements` (one agreement: no agreement column).
Table provision_table(const std::vector<const Agreement*>& agreements, Lang lang, bool with_agreement) {
    Table t;
    t.name = "provisions";
    t.title = tr(lang, "What we provide", "Wat wij leveren");
    if (with_agreement) t.columns.push_back(ids("agreement", tr(lang, "Agreement", "Afspraak")));
    for (Column c : {col("kind", tr(lang, "Kind", "Soort")), col("description", tr(lang, "Description", "Omschrijving")),
                     col("address", tr(lang, "Address", "Adres")), col("area_m2", tr(lang, "m²", "m²")),
                     col("lease", tr(lang, "Lease", "Huur")), ids("lease_ref", tr(lang, "Lease ref.", "Kenmerk huurovereenkomst")),
                     col("rent_per_year", tr(lang, "Rent/year", "Huur/jaar")),
                     col("percent", tr(lang, "Discount", "Korting")),
                     col("amount_per_year", tr(lang, "Amount/year", "Bedrag/jaar")),
                     col("justification", tr(lang, "Justification", "Onderbouwing")),
                     col("value_per_year", tr(lang, "Value/year", "Waarde/jaar")),
                     col("hours_per_year", tr(lang, "Hours/year", "Uren/jaar"))})
        t.columns.push_back(std::move(c));
    for (const Agreement* a : agreements)
        for (const auto& p : a->we_provide) {
            std::vector<Cell> row;
            if (with_agreement) row.push_back(text_cell(a->id));
            row.push_back(p.kind ? Cell::labelled(std::string(name(*p.kind)), provision_kind_label(*p.kind, lang)) : Cell{});
            row.push_back(text_cell(p.description));
            row.push_back(text_cell(p.address));
            row.push_back(p.area_m2 ? Cell::of_number(*p.area_m2) : Cell{});
            row.push_back(p.lease ? Cell::labelled(std::string(name(*p.lease)), lease_label(*p.lease, lang)) : Cell{});
            row.push_back(text_cell(p.lease_ref));
            row.push_back(p.rent_per_year ? Cell::of_money(*p.rent_per_year) : Cell{});
            row.push_back(p.percent ? Cell::of_percent(*p.percent) : Cell{});
            row.push_back(p.amount_per_year ? Cell::of_money(*p.amount_per_year) : Cell{});
            row.push_back(text_cell(p.justification));
            // a worth in euros only when one is known (a percent without rent to apply it to has none)
            const bool known = p.value_per_year || p.amount_per_year || (p.percent && provision_value(p, *a).cents != 0);
            row.push_back(known ? Cell::of_money(provision_value(p, *a)) : Cell{});
            row.push_back(p.hours_per_year ? Cell::of_number(*p.hours_per_year) : Cell{});
            t.rows.push_back(std::move(row));
            t.extras.push_back(&p.extras);
        }
    t.empty = tr(lang, "Nothing recorded.", "Niets vastgelegd.");
    return t;
}

Table commitment_table(const std::vector<const Agreement*>& agreements, Lang lang, bool with_agreement) {
    Table c;
    c.name = "commitments";
    c.title = tr(lang, "What the partner provides", "Wat de partner levert");
    if (with_agreement) c.columns.push_back(ids("agreement", tr(lang, "Agreement", "Afspraak")));
    for (Column k : {ids("id", tr(lang, "Commitment", "Toezegging")), col("description", tr(lang, "Description", "Omschrijving")),
                     col("target", tr(lang, "Target", "Doel")), col("unit", tr(lang, "Unit", "Eenheid")),
                     col("per", tr(lang, "Per", "Per"))})
        c.columns.push_back(std::move(k));
    for (const Agreement* a : agreements)
        for (const auto& k : a->partner_provides) {
            std::vector<Cell> row;
            if (with_agreement) row.push_back(text_cell(a->id));
            const Per per = k.per.value_or(Per::year);
            for (Cell& cell : std::vector<Cell>{text_cell(k.id), text_cell(k.description),
                                                k.target ? Cell::of_number(*k.target) : Cell{}, text_cell(k.unit),
                                                Cell::labelled(std::string(name(per)), per_label(per, lang))})
                row.push_back(std::move(cell));
            c.rows.push_back(std::move(row));
            c.extras.push_back(&k.extras);
        }
    c.empty = tr(lang, "Nothing recorded.", "Niets vastgelegd.");
    return c;
}

void add_charts(SummaryDocument& doc, const std::vector<NeighbourhoodRow>& hoods, const std::vector<AgreementRow>& agreements) {
    for (const auto& r : hoods)
        doc.liveability.push_back({r.neighbourhood->id.value_or(""), r.neighbourhood->name.value_or(""), r.history});
    for (const auto& r : agreements) {  // in the order of the agreements table
        const auto& a = *r.agreement;
        std::optional<Date> end = r.term_end;
        if (r.status == Status::ended) end = final_day(a);
        doc.timeline.push_back({a.id.value_or(""), a.title.value_or(""), a.start.value, end, r.notice_deadline, r.status});
    }
}

void add_fact(Section& s, std::string_view label, Cell value) {
    if (value.kind == Cell::Kind::empty || (value.kind == Cell::Kind::text && value.text.empty() && !value.label)) return;
    s.facts.push_back({std::string(label), std::move(value)});
}

std::string subtitle(const Repository& repo, const Date& as_of, Lang lang) {
    std::string org = repo.config.organisation.value_or("");
    std::string date = msg(lang, "as of {}", "per {}", to_string(as_of));
    return org.empty() ? date : org + " · " + date;
}

SummaryDocument new_document(const Repository& repo, const Date& as_of, Lang lang, std::string title) {
    SummaryDocument doc;
    doc.lang = lang;
    doc.title = std::move(title);
    doc.subtitle = subtitle(repo, as_of, lang);
    doc.as_of = as_of;
    return doc;
}

Section section_of(std::string title, Table table) {
    Section s;
    s.title = std::move(title);
    s.tables.push_back(std::move(table));
    return s;
}
// Titled as its table (one function: the order in which arguments are made is unspecified,
// so a title copied from a table moved in the same call could be empty).
Section section_of(Table table) {
    std::string title = table.title;
    return section_of(std::move(title), std::move(table));
}

std::vector<const Agreement*> agreements_of(const std::vector<AgreementRow>& rows) {
    std::vector<const Agreement*> out;
    out.reserve(rows.size());
    for (const auto& r : rows) out.push_back(r.agreement);
    return out;
}

}  // namespace

Table spending_table(const Spending& s, Lang lang) {
    Table t;
    t.name = "spending";
    t.title = msg(lang, "What we provide per neighbourhood, {}", "Wat wij leveren per buurt, {}", s.year);
    t.sheet = tr(lang, "Spending", "Besteding per buurt");
    t.audience = Table::Audience::page;
    t.columns = {ids("neighbourhood", tr(lang, "id", "id"), Show::never),
                 col("name", tr(lang, "Neighbourhood", "Buurt")),
                 col("space", tr(lang, "Space", "Ruimte")),
                 col("rent_discount", tr(lang, "Rent discount", "Huurkorting")),
                 col("funding", tr(lang, "Funding", "Financiering")),
                 col("support", tr(lang, "Support", "Ondersteuning")),
                 col("advice", tr(lang, "Advice", "Advies")),
                 col("other", tr(lang, "Other", "Overig")),
                 col("total", tr(lang, "Total", "Totaal")),
                 col("hours_per_year", tr(lang, "Hours/year", "Uren/jaar")),
                 col("homes", tr(lang, "Homes", "Woningen")),
                 col("per_home", tr(lang, "Per home", "Per woning")),
                 col("agreements", tr(lang, "Agreements", "Afspraken"), Show::never)};
    auto add = [&](const SpendingRow& r, Cell id, Cell label) {
        std::vector<Cell> row{std::move(id), std::move(label)};
        for (const Money& m : r.by_kind) row.push_back(Cell::of_money(m));
        row.push_back(Cell::of_money(r.total));
        row.push_back(Cell::of_number(r.hours()));
        row.push_back(r.homes ? Cell::of_int(*r.homes) : Cell{});
        row.push_back(r.per_home ? Cell::of_money(*r.per_home) : Cell{});
        row.push_back(Cell::of_int(r.agreements));
        t.rows.push_back(std::move(row));
    };
    for (const auto& r : s.rows) {
        add(r, text_cell(r.neighbourhood->id),
            r.neighbourhood->name ? text_cell(r.neighbourhood->name) : text_cell(r.neighbourhood->id));
        t.extras.push_back(nullptr);
    }
    add(s.totals, Cell{}, Cell::labelled("", tr(lang, "Total", "Totaal")));
    t.extras.push_back(nullptr);
    t.total_row = true;
    t.notes.push_back(msg(lang,
        "Per year: the agreements active or terminating on {}, as in the portfolio's value per year; the total "
        "row equals it to the cent. An agreement covering several neighbourhoods is divided in proportion to "
        "their homes, equally when any of them has no homes recorded (or 0); each provision's cents (and "
        "hours) are split by largest remainder, ties in neighbourhood id order. Per home: total / homes, "
        "rounded to a cent.",
        "Per jaar: de afspraken die op {} lopen of opgezegd zijn, zoals in de waarde per jaar van de "
        "portefeuille; de totaalrij is daaraan tot op de cent gelijk. Een afspraak voor meerdere buurten wordt "
        "verdeeld naar rato van hun aantal woningen, in gelijke delen als een ervan geen woningen heeft (of 0); de centen (en "
        "uren) van elke voorziening worden verdeeld naar de grootste rest, bij gelijke rest in volgorde van "
        "buurt-id. Per woning: totaal / woningen, afgerond op een cent.",
        to_string(s.as_of)));
    t.empty = tr(lang, "No neighbourhoods.", "Geen buurten.");
    return t;
}

SummaryDocument portfolio_document(const Repository& repo, const Portfolio& p, const SummaryOptions& o) {
    const Lang lang = o.lang;
    SummaryDocument doc = new_document(repo, p.as_of, lang, std::string(tr(lang, "Portfolio summary", "Overzicht portefeuille")));
    Section totals;
    totals.title = tr(lang, "Totals", "Totalen");
    const auto& t = p.totals;
    totals.facts = {
        {std::string(tr(lang, "Neighbourhoods", "Buurten")), Cell::of_int(t.neighbourhoods)},
        {std::string(tr(lang, "Partners", "Partners")), Cell::of_int(t.partners)},
        {std::string(tr(lang, "Active strategies", "Lopende buurtstrategieën")), Cell::of_int(t.strategies_active)},
        {std::string(tr(lang, "Agreements", "Afspraken")),
         Cell::of(msg(lang, "{} active, {} terminating, {} upcoming, {} ended",
                      "{} lopend, {} opgezegd, {} nog niet begonnen, {} beëindigd", t.agreements[1], t.agreements[2],
                      t.agreements[0], t.agreements[3]))},
        {std::string(tr(lang, "Space (m²)", "Ruimte (m²)")), Cell::of_number(t.space_m2)},
        {std::string(tr(lang, "Value per year", "Waarde per jaar")), Cell::of_money(t.value_per_year)},
    };
    doc.sections.push_back(std::move(totals));
    doc.sections.push_back(section_of(std::string(tr(lang, "Neighbourhoods", "Buurten")), neighbourhood_table(p.neighbourhoods, lang)));

    Section watch;
    watch.title = tr(lang, "Watchlist", "Aandachtslijst");
    WatchRule rule = watch_rule(repo.config);
    std::string threshold;
    if (rule.max_class) threshold = msg(lang, "latest class {} or lower", "laatste klasse {} of lager", *rule.max_class);
    if (rule.max_score) {
        if (!threshold.empty()) threshold += tr(lang, ", or ", ", of ");
        threshold += msg(lang, "latest score {} or lower", "laatste score {} of lager", format_number(*rule.max_score));
    }
    watch.lines.push_back(threshold);
    watch.tables.push_back(watch_table(p.watchlist, lang));
    doc.sections.push_back(std::move(watch));

    Table agreements = agreement_table(repo, p.agreements, lang);
    agreements.notes.emplace_back(tr(lang,
        "Sorted by the next date; value per year only for agreements counted in the totals (active or terminating).",
        "Op volgorde van de volgende datum; waarde per jaar alleen bij afspraken die in de totalen meetellen "
        "(lopend of opgezegd)."));
    doc.sections.push_back(section_of(std::move(agreements)));

    if (p.spending) {
        Table sp = spending_table(*p.spending, lang);
        doc.sections.push_back(section_of(std::move(sp)));
    }

    Section ev;
    const auto& e = p.evaluations;
    ev.title = msg(lang, "Evaluations {}", "Evaluaties {}", e.year);
    ev.facts = {{std::string(tr(lang, "Due so far", "Tot nu toe aan de beurt")), Cell::of_int(e.due)},
                {std::string(tr(lang, "Done", "Gedaan")), Cell::of_int(e.done)},
                {std::string(tr(lang, "Open", "Open")), Cell::of_int(e.due - e.done)},
                {std::string(tr(lang, "Decisions", "Besluiten")),
                 Cell::of(msg(lang, "{} continue, {} adjust, {} stop", "{} doorgaan, {} bijstellen, {} stoppen",
                              e.decisions[0], e.decisions[1], e.decisions[2]))}};
    doc.sections.push_back(std::move(ev));

    if (o.workbook_tables) {
        // Every provision, commitment, evaluation and liveability year: for the workbook and CSV.
        std::vector<const Agreement*> all = agreements_of(p.agreements);
        Table pr = provision_table(all, lang, true);
        Table cm = commitment_table(all, lang, true);
        std::vector<const Evaluation*> evaluations;
        evaluations.reserve(repo.evaluations.size());
        for (const auto& x : repo.evaluations) evaluations.push_back(&x);
        Table el = evaluation_table(evaluations, o);
        Table lv = history_table(p.neighbourhoods, lang);
        for (Table* x : {&pr, &cm, &el, &lv}) {
            x->audience = Table::Audience::workbook;
            doc.sections.push_back(section_of(std::move(*x)));
        }
    }
    add_charts(doc, p.neighbourhoods, p.agreements);
    return doc;
}

SummaryDocument neighbourhood_document(const Repository& repo, const NeighbourhoodDetail& d, const SummaryOptions& o) {
    const Lang lang = o.lang;
    const auto& n = *d.row.neighbourhood;
    SummaryDocument doc = new_document(repo, d.as_of, lang,
                                       msg(lang, "Neighbourhood {} ({})", "Buurt {} ({})", n.name.value_or(""), n.id.value_or("")));
    Section s;
    s.title = tr(lang, "Overview", "Overzicht");
    add_fact(s, tr(lang, "Municipality", "Gemeente"), text_cell(n.municipality));
    add_fact(s, tr(lang, "District", "Stadsdeel"), text_cell(n.district));
    add_fact(s, tr(lang, "CBS codes", "CBS-codes"), Cell::of(join(n.codes)));
    if (n.homes) add_fact(s, tr(lang, "Homes", "Woningen"), Cell::of_int(*n.homes));
    add_fact(s, tr(lang, "Latest liveability", "Laatste leefbaarheid"), Cell::of(class_label(d.row.latest, lang)));
    add_fact(s, tr(lang, "Previous", "Vorige"), Cell::of(class_label(d.row.previous, lang)));
    add_fact(s, tr(lang, "Trend", "Verloop"), Cell::of(class_trend(d.row.history, 12)));
    add_fact(s, tr(lang, "On the watchlist", "Op de aandachtslijst"), Cell::of(std::string(yes_no(d.row.watch, lang))));
    add_fact(s, tr(lang, "Strategy", "Strategie"), strategy_cell(d.row.strategy));
    add_fact(s, tr(lang, "Planned strategy", "Geplande buurtstrategie"), strategy_cell(d.row.planned));
    add_fact(s, tr(lang, "Active agreements", "Lopende afspraken"), Cell::of_int(d.row.active_agreements));
    for (const auto& a : n.approach)
        if (a.year && a.level)
            add_fact(s, msg(lang, "Approach {}", "Aanpak {}", *a.year), Cell::of(std::string(approach_level_label(*a.level, lang))));
    if (n.notes) s.lines.emplace_back(*n.notes);
    doc.sections.push_back(std::move(s));

    Table t;
    t.name = "liveability";
    t.title = tr(lang, "Liveability records", "Leefbaarheidsmetingen");
    t.columns = {col("year", tr(lang, "Year", "Jaar")), col("class", tr(lang, "Class", "Klasse")),
                 col("class_name", "", Show::always, false), col("score", tr(lang, "Score", "Score")),
                 col("deviation", tr(lang, "Deviation", "Afwijking")), col("source", tr(lang, "Source", "Bron")),
                 ids("code", tr(lang, "Code", "Code"))};
    for (const Liveability* r : d.records) {
        t.rows.push_back({r->year ? Cell::of_int(*r->year) : Cell{}, r->klass ? Cell::of_int(*r->klass) : Cell{},
                          r->klass ? Cell::of(std::string(class_name(*r->klass, lang))) : Cell{},
                          r->score ? Cell::of_score(*r->score) : Cell{}, r->deviation ? Cell::of_number(*r->deviation) : Cell{},
                          Cell::of(r->source_or_default()), text_cell(r->code)});
        t.extras.push_back(&r->extras);
    }
    t.empty = tr(lang, "No liveability scores.", "Geen leefbaarheidsscores.");
    doc.sections.push_back(section_of(std::string(tr(lang, "Liveability", "Leefbaarheid")), std::move(t)));
    doc.sections.push_back(section_of(std::string(tr(lang, "Agreements", "Samenwerkingsafspraken")),
                                      agreement_table(repo, d.agreements, lang)));
    doc.sections.push_back(section_of(std::string(tr(lang, "Strategies", "Buurtstrategieën")),
                                      strategy_table(d.strategies, d.as_of, lang)));
    doc.sections.push_back(section_of(std::string(tr(lang, "Partners", "Partners")), partner_table(d.partners, lang)));
    add_charts(doc, {d.row}, d.agreements);
    return doc;
}

SummaryDocument partner_document(const Repository& repo, const PartnerDetail& d, const SummaryOptions& o) {
    const Lang lang = o.lang;
    const auto& p = *d.partner;
    SummaryDocument doc =
        new_document(repo, d.as_of, lang, msg(lang, "Partner {} ({})", "Partner {} ({})", p.name.value_or(""), p.id.value_or("")));
    Section s;
    s.title = tr(lang, "Overview", "Overzicht");
    if (p.kind) add_fact(s, tr(lang, "Kind", "Soort"), Cell::labelled(std::string(name(*p.kind)), partner_kind_label(*p.kind, lang)));
    add_fact(s, tr(lang, "Neighbourhoods", "Buurten"), Cell::of(join(p.neighbourhoods)));
    add_fact(s, tr(lang, "Partner since", "Partner sinds"), Cell::of_date(p.since.value));
    add_fact(s, tr(lang, "KvK number", "KvK-nummer"), text_cell(p.kvk));
    Money value;
    for (const auto& r : d.agreements)
        if (r.counted()) value += r.value_per_year;
    add_fact(s, tr(lang, "Value per year (running agreements)", "Waarde per jaar (lopende afspraken)"), Cell::of_money(value));
    if (p.notes) s.lines.emplace_back(*p.notes);
    doc.sections.push_back(std::move(s));

    if (o.contacts) {
        Table t;
        t.name = "contacts";
        t.title = tr(lang, "Contacts", "Contactpersonen");
        t.columns = {col("name", tr(lang, "Name", "Naam")), col("role", tr(lang, "Role", "Rol")),
                     col("email", tr(lang, "E-mail", "E-mail")), col("phone", tr(lang, "Phone", "Telefoon"))};
        for (const auto& k : p.contacts) {
            t.rows.push_back({text_cell(k.name), text_cell(k.role), text_cell(k.email), text_cell(k.phone)});
            t.extras.push_back(&k.extras);
        }
        t.empty = tr(lang, "No contacts.", "Geen contactpersonen.");
        doc.sections.push_back(section_of(std::move(t)));
    }
    doc.sections.push_back(section_of(std::string(tr(lang, "Agreements", "Samenwerkingsafspraken")),
                                      agreement_table(repo, d.agreements, lang)));
    doc.sections.push_back(section_of(std::string(tr(lang, "Evaluations", "Evaluaties")), evaluation_table(d.evaluations, o)));
    doc.sections.push_back(section_of(std::string(tr(lang, "Strategies", "Buurtstrategieën")),
                                      strategy_table(d.strategies, d.as_of, lang)));
    add_charts(doc, {}, d.agreements);
    return doc;
}

SummaryDocument agreement_document(const Repository& repo, const AgreementDetail& d, const SummaryOptions& o) {
    const Lang lang = o.lang;
    const auto& a = *d.row.agreement;
    SummaryDocument doc = new_document(repo, d.as_of, lang, msg(lang, "Agreement {}", "Afspraak {}", a.id.value_or("")));
    Section s;
    s.title = a.title.value_or("");
    add_fact(s, tr(lang, "Partner", "Partner"),
             Cell::of(d.partner && d.partner->name ? std::string(*d.partner->name) + " (" + a.partner.value_or("") + ")"
                                                   : a.partner.value_or("")));
    add_fact(s, tr(lang, "Neighbourhoods", "Buurten"), Cell::of(join(a.neighbourhoods)));
    add_fact(s, tr(lang, "Status", "Status"), Cell::of(std::string(status_label(d.row.status, lang))));
    add_fact(s, tr(lang, "Start", "Begin"), Cell::of_date(a.start.value));
    add_fact(s, tr(lang, "End of first term", "Einde eerste termijn"), Cell::of_date(a.end.value));
    if (a.renewal) add_fact(s, tr(lang, "Renewal", "Verlenging"), Cell::of(std::string(renewal_label(*a.renewal, lang))));
    add_fact(s, tr(lang, "Renewal term", "Verlengingstermijn"), duration_cell(a.renewal_term));
    add_fact(s, tr(lang, "Notice period", "Opzegtermijn"), duration_cell(a.notice));
    add_fact(s, tr(lang, "Signed", "Getekend"), Cell::of_date(a.signed_on.value));
    add_fact(s, tr(lang, "Owner", "Eigenaar"), text_cell(a.owner));
    add_fact(s, tr(lang, "Strategy", "Strategie"), text_cell(a.strategy));
    add_fact(s, tr(lang, "Document", "Document"), text_cell(a.document));
    if (d.row.status != Status::ended) {
        add_fact(s, tr(lang, "Current term end", "Einde huidige termijn"),
                 d.row.term_end ? Cell::of_date(d.row.term_end)
                                : Cell::of(std::string(tr(lang, "none (runs on)", "geen (loopt door)"))));
        add_fact(s, tr(lang, "Notice deadline", "Uiterste opzegdatum"), Cell::of_date(d.row.notice_deadline));
    }
    if (d.row.next)
        add_fact(s, tr(lang, "Next", "Volgende"),
                 Cell::of(to_string(d.row.next->date) + " " + std::string(next_kind_label(*d.row.next, lang))));
    if (a.terminated) {
        const auto& x = *a.terminated;
        add_fact(s, tr(lang, "Terminated", "Opgezegd"),
                 Cell::of(msg(lang, "ends {}, by {}", "eindigt {}, door {}", x.end ? to_string(*x.end) : "?",
                              terminated_by_label(x.by.value_or(TerminatedBy::association), lang))));
        add_fact(s, tr(lang, "Notice given", "Opgezegd op"), Cell::of_date(x.notice_given.value));
        add_fact(s, tr(lang, "Reason", "Reden"), text_cell(x.reason));
    }
    if (d.evaluation_last_due)
        add_fact(s, tr(lang, "Last evaluation due", "Laatste evaluatie uiterlijk"),
                 Cell::of(to_string(*d.evaluation_last_due) + " (" +
                          std::string(d.last_due_done ? tr(lang, "done", "gedaan") : tr(lang, "not done", "niet gedaan")) + ")"));
    add_fact(s, tr(lang, "Next evaluation due", "Volgende evaluatie"), Cell::of_date(d.evaluation_next));
    if (d.row.counted())
        add_fact(s, tr(lang, "Value per year", "Waarde per jaar"), Cell::of_money(d.row.value_per_year));
    else
        add_fact(s, tr(lang, "Value per year", "Waarde per jaar"),
                 Cell::of(msg(lang, "{} (not in the totals: {})", "{} (niet in de totalen: {})",
                              human_cell(Cell::of_money(d.row.value_per_year), lang), status_label(d.row.status, lang))));
    if (d.row.space_m2 > 0) add_fact(s, tr(lang, "Space (m²)", "Ruimte (m²)"), Cell::of_number(d.row.space_m2));
    if (a.notes) s.lines.emplace_back(*a.notes);
    doc.sections.push_back(std::move(s));

    Table pr = provision_table({&a}, lang, false);
    doc.sections.push_back(section_of(std::move(pr)));
    Table cm = commitment_table({&a}, lang, false);
    doc.sections.push_back(section_of(std::move(cm)));

    Section ev;
    ev.title = tr(lang, "Evaluations", "Evaluaties");
    ev.tables.push_back(evaluation_table(d.evaluations, o));
    Table r;
    r.name = "results";
    r.title = tr(lang, "Results", "Resultaten");
    r.columns = {col("year", tr(lang, "Year", "Jaar")), ids("commitment", tr(lang, "Commitment", "Toezegging")),
                 col("achieved", tr(lang, "Achieved", "Behaald")), col("note", tr(lang, "Note", "Notitie"))};
    for (const Evaluation* e : d.evaluations)
        for (const auto& x : e->results) {
            Cell achieved;
            if (x.achieved) {
                const Achieved value = *x.achieved;
                if (const bool* b = std::get_if<bool>(&value)) achieved = bool_cell(*b, lang);
                else achieved = Cell::of_number(std::get<double>(value));
            }
            r.rows.push_back({e->year ? Cell::of_int(*e->year) : Cell{}, text_cell(x.commitment), achieved, text_cell(x.note)});
            r.extras.push_back(&x.extras);
        }
    r.empty = tr(lang, "No results recorded.", "Geen resultaten vastgelegd.");
    ev.tables.push_back(std::move(r));
    doc.sections.push_back(std::move(ev));

    doc.sections.push_back(section_of(std::string(tr(lang, "Liveability of its neighbourhoods", "Leefbaarheid van de buurten")),
                                      history_table(d.neighbourhoods, lang)));
    add_charts(doc, d.neighbourhoods, {d.row});
    return doc;
}

SummaryDocument strategy_document(const Repository& repo, const StrategyDetail& d, const SummaryOptions& o) {
    const Lang lang = o.lang;
    const auto& s = *d.strategy;
    SummaryDocument doc = new_document(repo, d.as_of, lang, msg(lang, "Strategy {}", "Buurtstrategie {}", s.id.value_or("")));
    Section ov;
    ov.title = s.title.value_or("");
    add_fact(ov, tr(lang, "Status", "Status"), Cell::of(std::string(strategy_status_label(d.status, lang))));
    add_fact(ov, tr(lang, "Start", "Begin"), Cell::of_date(s.start.value));
    add_fact(ov, tr(lang, "End", "Einde"), Cell::of_date(s.end.value));
    std::string focus;
    for (const auto& f : s.focus)
        if (f) focus += (focus.empty() ? "" : ", ") + std::string(dimension_label(*f, lang));
    add_fact(ov, tr(lang, "Focus", "Focus"), Cell::of(focus));
    add_fact(ov, tr(lang, "Neighbourhoods", "Buurten"), Cell::of(join(s.neighbourhoods)));
    add_fact(ov, tr(lang, "Partners", "Partners"), Cell::of(join(s.partners)));
    for (const auto& g : s.goals)
        if (g) ov.lines.emplace_back(*g);
    if (s.notes) ov.lines.emplace_back(*s.notes);
    doc.sections.push_back(std::move(ov));
    doc.sections.push_back(section_of(std::string(tr(lang, "Neighbourhoods", "Buurten")), neighbourhood_table(d.neighbourhoods, lang)));
    doc.sections.push_back(section_of(std::string(tr(lang, "Agreements serving it", "Afspraken die eraan bijdragen")),
                                      agreement_table(repo, d.agreements, lang)));
    add_charts(doc, d.neighbourhoods, d.agreements);
    return doc;
}

bool keep_only_table(SummaryDocument& d, const std::string& table, std::vector<std::string>& names) {
    bool found = false;
    for (const auto& s : d.sections)
        for (const auto& t : s.tables) {
            names.push_back(t.name);
            found = found || t.name == table;
        }
    if (!found) return false;
    std::vector<Section> kept;
    for (auto& s : d.sections) {
        auto it = std::find_if(s.tables.begin(), s.tables.end(), [&](const Table& t) { return t.name == table; });
        if (it == s.tables.end()) continue;
        Section only;
        only.title = it->title;
        Table t = std::move(*it);
        t.audience = Table::Audience::all;  // asked for by name: shown in every format
        only.tables.push_back(std::move(t));
        kept.push_back(std::move(only));
        break;
    }
    d.sections = std::move(kept);
    d.liveability.clear();
    d.timeline.clear();
    return true;
}

std::string human_cell(const Cell& c, Lang lang) {
    switch (c.kind) {
        case Cell::Kind::empty: return {};
        case Cell::Kind::text:
            if (c.label) return std::string(*c.label);
            return c.text;
        case Cell::Kind::date: return c.text;
        case Cell::Kind::duration:
            if (auto d = parse_duration(c.text)) return duration_text(*d, lang);
            return c.text;
        case Cell::Kind::integer: return std::to_string(c.integer);
        case Cell::Kind::money: return to_display(c.money(), lang == Lang::nl);
        case Cell::Kind::number:
        case Cell::Kind::percent: {
            std::string s = c.decimals >= 0 && std::isfinite(c.number)
                                ? fmt::format("{:.{}f}", c.number, int(c.decimals))
                                : format_number(c.number);
            if (lang == Lang::nl)
                for (auto& ch : s)
                    if (ch == '.') ch = ',';
            return c.kind == Cell::Kind::percent ? s + "%" : s;
        }
    }
    return {};
}

std::string class_trend(const std::vector<LiveabilityYear>& history, std::size_t last) {
    std::string out;
    std::size_t from = history.size() > last ? history.size() - last : 0;
    if (from > 0) out = "…";
    for (std::size_t i = from; i < history.size(); ++i) {
        if (i > from) out += "→";
        out += history[i].klass ? std::to_string(*history[i].klass) : std::string("·");
    }
    return out;
}

std::size_t display_width(std::string_view s) {
    // Columns on a terminal: combining marks take none, East Asian wide and full-width
    // characters two, the rest one.
    std::size_t w = 0;
    for (std::size_t i = 0; i < s.size();) {
        auto c = static_cast<unsigned char>(s[i]);
        std::size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
        if (i + n > s.size()) n = 1;
        char32_t cp = n == 1 ? c : c & (0x7F >> n);
        for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        i += n;
        if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x200B && cp <= 0x200F) || cp == 0xFE0F) continue;
        bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F) ||
                    (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                    (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                    (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
                    (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD);
        w += wide ? 2 : 1;
    }
    return w;
}

}  // namespace wijk
