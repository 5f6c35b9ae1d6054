// The neutral summary document that the text, Markdown, CSV and HTML renderers share.
#include <fmt/format.h>

#include "model/enums.h"
#include "model/i18n.h"
#include "render/json.h"
#include "render/labels.h"
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

std::string join(const std::vector<Field<std::string>>& items, std::string_view sep = ", ") {
    std::string out;
    for (const auto& i : items) {
        if (!i) continue;
        if (!out.empty()) out += sep;
        out += *i;
    }
    return out;
}

std::string_view strategy_status_label(StrategyStatus s) {
    switch (s) {
        case StrategyStatus::upcoming: return tr("upcoming", "gepland");
        case StrategyStatus::active: return tr("active", "lopend");
        case StrategyStatus::ended: return tr("ended", "afgelopen");
    }
    return {};
}

std::string_view yes_no(bool b) { return b ? tr("yes", "ja") : tr("no", "nee"); }
// true/false in CSV, yes/no for people
Cell bool_cell(bool b) { return Cell::labelled(b ? "true" : "false", yes_no(b)); }

std::string class_label(const std::optional<LiveabilityYear>& y, Lang lang) {
    if (!y) return {};
    std::string out = std::to_string(y->year) + ": ";
    if (y->klass) out += fmt::format("{} ({})", *y->klass, class_name(*y->klass, lang));
    else out += "–";
    return out;
}

Cell optional_int(const Opt<int>& v) { return v ? Cell::of_int(*v) : Cell{}; }
Cell optional_number(const Opt<double>& v) { return v ? Cell::of_number(*v) : Cell{}; }
Cell strategy_cell(const Strategy* s) { return s && s->id ? Cell::of(std::string(*s->id)) : Cell{}; }
Cell text_cell(const Opt<std::string>& f) { return f ? Cell::of(std::string(*f)) : Cell{}; }

Column col(std::string key, std::string_view header, bool human = true, bool machine = true) {
    return Column{std::move(key), std::string(header), human, machine};
}

Table neighbourhood_table(const std::vector<NeighbourhoodRow>& rows, Lang lang, std::string name = "neighbourhoods") {
    Table t;
    t.name = std::move(name);
    t.title = tr("Neighbourhoods", "Buurten");
    t.columns = {col("id", tr("id", "id"), false),
                 col("name", tr("Neighbourhood", "Buurt")),
                 col("latest_year", tr("Year", "Jaar")),
                 col("latest_class", tr("Class", "Klasse")),
                 col("latest_class_name", tr("Latest", "Laatste"), false, false),
                 col("latest_score", tr("Score", "Score")),
                 col("previous_year", tr("Prev. year", "Vorig jaar"), false),
                 col("previous_class", tr("Prev.", "Vorige")),
                 col("previous_score", tr("Prev. score", "Vorige score"), false),
                 col("trend", tr("Trend", "Verloop"), true, false),
                 col("active_agreements", tr("Agr.", "Afspr.")),
                 col("strategy", tr("Strategy", "Strategie")),
                 col("watch", tr("Watch", "Let op"))};
    for (const auto& r : rows) {
        const auto& n = *r.neighbourhood;
        std::vector<Cell> row;
        row.push_back(text_cell(n.id));
        row.push_back(text_cell(n.name));
        row.push_back(r.latest ? Cell::of_int(r.latest->year) : Cell{});
        row.push_back(r.latest ? optional_int(r.latest->klass) : Cell{});
        row.push_back(r.latest && r.latest->klass ? Cell::of(std::string(class_name(*r.latest->klass, lang))) : Cell{});
        row.push_back(r.latest ? optional_number(r.latest->score) : Cell{});
        row.push_back(r.previous ? Cell::of_int(r.previous->year) : Cell{});
        row.push_back(r.previous ? optional_int(r.previous->klass) : Cell{});
        row.push_back(r.previous ? optional_number(r.previous->score) : Cell{});
        row.push_back(Cell::of(class_trend(r.history, 4)));
        row.push_back(Cell::of_int(r.active_agreements));
        row.push_back(strategy_cell(r.strategy));
        Cell watch = Cell::labelled(r.watch ? "true" : "false", r.watch ? yes_no(true) : std::string_view(""));
        row.push_back(watch);
        t.rows.push_back(std::move(row));
        t.extras.push_back(&n.extras);
    }
    t.empty = tr("No neighbourhoods.", "Geen buurten.");
    return t;
}

Table watch_table(const std::vector<const NeighbourhoodRow*>& rows, Lang lang) {
    Table t;
    t.name = "watchlist";
    t.title = tr("Watchlist", "Aandachtslijst");
    t.columns = {col("neighbourhood", tr("id", "id"), false),
                 col("name", tr("Neighbourhood", "Buurt")),
                 col("year", tr("Year", "Jaar")),
                 col("class", tr("Class", "Klasse")),
                 col("class_name", tr("", ""), true, false),
                 col("score", tr("Score", "Score")),
                 col("strategy", tr("Strategy", "Strategie")),
                 col("planned", tr("Planned", "Gepland"))};
    for (const NeighbourhoodRow* r : rows) {
        const auto& n = *r->neighbourhood;
        t.rows.push_back({text_cell(n.id), text_cell(n.name), Cell::of_int(r->latest->year), optional_int(r->latest->klass),
                          r->latest->klass ? Cell::of(std::string(class_name(*r->latest->klass, lang))) : Cell{},
                          optional_number(r->latest->score), strategy_cell(r->strategy),
                          r->planned || r->strategy ? strategy_cell(r->planned)
                                                    : Cell::labelled("", tr("none (needed)", "geen (nodig)"))});
        t.extras.push_back(nullptr);
    }
    t.empty = tr("No neighbourhood is on the watchlist.", "Geen buurt staat op de aandachtslijst.");
    return t;
}

Table agreement_table(const std::vector<AgreementRow>& rows, std::string name = "agreements") {
    Table t;
    t.name = std::move(name);
    t.title = tr("Agreements", "Samenwerkingsafspraken");
    t.columns = {col("id", tr("Agreement", "Afspraak")),
                 col("title", tr("Title", "Titel"), false),
                 col("partner", tr("Partner", "Partner"), false),
                 col("neighbourhoods", tr("Neighbourhoods", "Buurten"), false),
                 col("status", tr("Status", "Status")),
                 col("start", tr("Start", "Begin"), false),
                 col("term_end", tr("Term end", "Einde termijn")),
                 col("notice_deadline", tr("Notice by", "Opzeggen vóór"), false),
                 col("next_deadline", tr("Next", "Volgende")),
                 col("next_kind", tr("What", "Wat")),
                 col("value_per_year", tr("Value/year", "Waarde/jaar")),
                 col("space_m2", tr("m²", "m²"), false)};
    for (const auto& r : rows) {
        const auto& a = *r.agreement;
        Cell status = Cell::labelled(std::string(status_names[static_cast<std::size_t>(r.status)]), status_label(r.status));
        t.rows.push_back({text_cell(a.id), text_cell(a.title), text_cell(a.partner), Cell::of(join(a.neighbourhoods, " ")),
                          status, Cell::of_date(a.start.value), Cell::of_date(r.term_end),
                          Cell::of_date(r.notice_deadline), r.next ? Cell::of_date(r.next->date) : Cell{},
                          r.next ? Cell::labelled(std::string(reminder_kind_names[static_cast<std::size_t>(r.next->kind)]), reminder_kind_label(r.next->kind)) : Cell{},
                          Cell::of_money(r.value_per_year), Cell::of_number(r.space_m2)});
        t.extras.push_back(&a.extras);
    }
    t.empty = tr("No agreements.", "Geen afspraken.");
    return t;
}

Table strategy_table(const std::vector<const Strategy*>& rows, const Date& as_of) {
    Table t;
    t.name = "strategies";
    t.title = tr("Strategies", "Buurtstrategieën");
    t.columns = {col("id", tr("Strategy", "Strategie")), col("title", tr("Title", "Titel")),
                 col("start", tr("Start", "Begin")), col("end", tr("End", "Einde")),
                 col("status", tr("Status", "Status"))};
    for (const Strategy* s : rows) {
        t.rows.push_back({text_cell(s->id), text_cell(s->title), Cell::of_date(s->start.value), Cell::of_date(s->end.value),
                          Cell::labelled(std::string(name(strategy_status_on(*s, as_of))), strategy_status_label(strategy_status_on(*s, as_of)))});
        t.extras.push_back(&s->extras);
    }
    t.empty = tr("No strategies.", "Geen strategieën.");
    return t;
}

Table partner_table(const std::vector<const Partner*>& rows) {
    Table t;
    t.name = "partners";
    t.title = tr("Partners", "Partners");
    t.columns = {col("id", tr("Partner", "Partner")), col("name", tr("Name", "Naam")), col("kind", tr("Kind", "Soort"))};
    for (const Partner* p : rows) {
        t.rows.push_back({text_cell(p->id), text_cell(p->name),
                          p->kind ? Cell::of(std::string(name(*p->kind))) : Cell{}});
        t.extras.push_back(&p->extras);
    }
    t.empty = tr("No partners.", "Geen partners.");
    return t;
}

Table evaluation_table(const std::vector<const Evaluation*>& rows, const SummaryOptions& o) {
    Table t;
    t.name = "evaluations";
    t.title = tr("Evaluations", "Evaluaties");
    t.columns = {col("agreement", tr("Agreement", "Afspraak")), col("year", tr("Year", "Jaar")),
                 col("date", tr("Date", "Datum")), col("decision", tr("Decision", "Besluit")),
                 col("provisions_delivered", tr("Delivered", "Geleverd"))};
    if (o.contacts) t.columns.push_back(col("participants", tr("Participants", "Deelnemers")));
    t.columns.push_back(col("notes", tr("Notes", "Notities")));
    for (const Evaluation* e : rows) {
        std::vector<Cell> row{text_cell(e->agreement), e->year ? Cell::of_int(*e->year) : Cell{}, Cell::of_date(e->date.value),
                              e->decision ? Cell::labelled(std::string(name(*e->decision)), decision_label(*e->decision)) : Cell{},
                              e->provisions_delivered ? bool_cell(*e->provisions_delivered) : Cell{}};
        if (o.contacts) row.push_back(Cell::of(join(e->participants, "; ")));
        row.push_back(text_cell(e->notes));
        t.rows.push_back(std::move(row));
        t.extras.push_back(&e->extras);
    }
    t.empty = tr("No evaluations yet.", "Nog geen evaluaties.");
    return t;
}

Table history_table(const std::vector<NeighbourhoodRow>& rows, Lang lang) {
    Table t;
    t.name = "liveability";
    t.title = tr("Liveability per year (lowest of the year's records)", "Leefbaarheid per jaar (laagste van het jaar)");
    t.columns = {col("neighbourhood", tr("Neighbourhood", "Buurt")), col("year", tr("Year", "Jaar")),
                 col("class", tr("Class", "Klasse")), col("class_name", "", true, false), col("score", tr("Score", "Score"))};
    for (const auto& r : rows)
        for (const auto& y : r.history) {
            t.rows.push_back({text_cell(r.neighbourhood->id), Cell::of_int(y.year), optional_int(y.klass),
                              y.klass ? Cell::of(std::string(class_name(*y.klass, lang))) : Cell{}, optional_number(y.score)});
            t.extras.push_back(nullptr);
        }
    t.empty = tr("No liveability scores.", "Geen leefbaarheidsscores.");
    return t;
}

void add_charts(SummaryDocument& doc, const std::vector<NeighbourhoodRow>& hoods, const std::vector<AgreementRow>& agreements) {
    for (const auto& r : hoods)
        doc.liveability.push_back({r.neighbourhood->id.value_or(""), r.neighbourhood->name.value_or(""), r.history});
    for (const auto& r : agreements) {
        const auto& a = *r.agreement;
        std::optional<Date> end = r.term_end;
        if (r.status == Status::ended) end = final_day(a);
        doc.timeline.push_back({a.id.value_or(""), a.title.value_or(""), a.start.value, end, r.notice_deadline, r.status});
    }
}

void add_fact(Section& s, std::string_view label, Cell value) {
    if (value.kind == Cell::Kind::empty || (value.kind == Cell::Kind::text && value.text.empty())) return;
    s.facts.push_back({std::string(label), std::move(value)});
}

std::string subtitle(const Repository& repo, const Date& as_of) {
    std::string org = repo.config.organisation.value_or("");
    std::string date = msg("as of {}", "per {}", to_string(as_of));
    return org.empty() ? date : org + " · " + date;
}

}  // namespace

SummaryDocument portfolio_document(const Repository& repo, const Portfolio& p, const SummaryOptions& o) {
    SummaryDocument doc;
    doc.title = tr("Portfolio summary", "Overzicht portefeuille");
    doc.subtitle = subtitle(repo, p.as_of);
    doc.as_of = p.as_of;
    Section totals;
    totals.title = tr("Totals", "Totalen");
    const auto& t = p.totals;
    totals.facts = {
        {std::string(tr("Neighbourhoods", "Buurten")), Cell::of_int(t.neighbourhoods)},
        {std::string(tr("Partners", "Partners")), Cell::of_int(t.partners)},
        {std::string(tr("Active strategies", "Lopende strategieën")), Cell::of_int(t.strategies_active)},
        {std::string(tr("Agreements", "Afspraken")),
         Cell::of(msg("{} active, {} terminating, {} upcoming, {} ended", "{} lopend, {} opgezegd, {} nog niet begonnen, {} beëindigd",
                      t.agreements[1], t.agreements[2], t.agreements[0], t.agreements[3]))},
        {std::string(tr("Space (m²)", "Ruimte (m²)")), Cell::of_number(t.space_m2)},
        {std::string(tr("Value per year", "Waarde per jaar")), Cell::of_money(t.value_per_year)},
    };
    doc.sections.push_back(std::move(totals));

    Section hoods;
    hoods.title = tr("Neighbourhoods", "Buurten");
    hoods.tables.push_back(neighbourhood_table(p.neighbourhoods, o.lang));
    doc.sections.push_back(std::move(hoods));

    Section watch;
    watch.title = tr("Watchlist", "Aandachtslijst");
    WatchRule rule = watch_rule(repo.config);
    std::string threshold;
    if (rule.max_class) threshold = msg("latest class {} or lower", "laatste klasse {} of lager", *rule.max_class);
    if (rule.max_score) {
        if (!threshold.empty()) threshold += tr(", or ", ", of ");
        threshold += msg("latest score {} or lower", "laatste score {} of lager", format_number(*rule.max_score));
    }
    watch.lines.push_back(threshold);
    watch.tables.push_back(watch_table(p.watchlist, o.lang));
    doc.sections.push_back(std::move(watch));

    Section agreements;
    agreements.title = tr("Agreements", "Samenwerkingsafspraken");
    agreements.tables.push_back(agreement_table(p.agreements));
    doc.sections.push_back(std::move(agreements));

    Section ev;
    const auto& e = p.evaluations;
    ev.title = msg("Evaluations {}", "Evaluaties {}", e.year);
    ev.facts = {{std::string(tr("Due so far", "Tot nu toe verschuldigd")), Cell::of_int(e.due)},
                {std::string(tr("Done", "Gedaan")), Cell::of_int(e.done)},
                {std::string(tr("Open", "Open")), Cell::of_int(e.due - e.done)},
                {std::string(tr("Decisions", "Besluiten")),
                 Cell::of(msg("{} continue, {} adjust, {} stop", "{} voortzetten, {} bijstellen, {} stoppen",
                              e.decisions[0], e.decisions[1], e.decisions[2]))}};
    doc.sections.push_back(std::move(ev));
    add_charts(doc, p.neighbourhoods, p.agreements);
    return doc;
}

SummaryDocument neighbourhood_document(const Repository& repo, const NeighbourhoodDetail& d, const SummaryOptions& o) {
    const auto& n = *d.row.neighbourhood;
    SummaryDocument doc;
    doc.title = msg("Neighbourhood {} ({})", "Buurt {} ({})", n.name.value_or(""), n.id.value_or(""));
    doc.subtitle = subtitle(repo, d.as_of);
    doc.as_of = d.as_of;
    Section s;
    s.title = tr("Overview", "Overzicht");
    add_fact(s, tr("Municipality", "Gemeente"), text_cell(n.municipality));
    add_fact(s, tr("District", "Stadsdeel"), text_cell(n.district));
    add_fact(s, tr("CBS codes", "CBS-codes"), Cell::of(join(n.codes)));
    if (n.homes) add_fact(s, tr("Homes", "Woningen"), Cell::of_int(*n.homes));
    add_fact(s, tr("Latest liveability", "Laatste leefbaarheid"), Cell::of(class_label(d.row.latest, o.lang)));
    add_fact(s, tr("Previous", "Vorige"), Cell::of(class_label(d.row.previous, o.lang)));
    add_fact(s, tr("Trend", "Verloop"), Cell::of(class_trend(d.row.history, 12)));
    add_fact(s, tr("On the watchlist", "Op de aandachtslijst"), Cell::of(std::string(yes_no(d.row.watch))));
    add_fact(s, tr("Strategy", "Strategie"), strategy_cell(d.row.strategy));
    add_fact(s, tr("Planned strategy", "Geplande strategie"), strategy_cell(d.row.planned));
    add_fact(s, tr("Active agreements", "Lopende afspraken"), Cell::of_int(d.row.active_agreements));
    for (const auto& a : n.approach)
        if (a.year && a.level)
            add_fact(s, msg("Approach {}", "Aanpak {}", *a.year), Cell::of(std::string(name(*a.level))));
    if (n.notes) s.lines.emplace_back(*n.notes);
    doc.sections.push_back(std::move(s));

    Section live;
    live.title = tr("Liveability", "Leefbaarheid");
    Table t;
    t.name = "liveability";
    t.title = tr("Liveability records", "Leefbaarheidsmetingen");
    t.columns = {col("year", tr("Year", "Jaar")), col("class", tr("Class", "Klasse")), col("class_name", "", true, false),
                 col("score", tr("Score", "Score")), col("deviation", tr("Deviation", "Afwijking")),
                 col("source", tr("Source", "Bron")), col("code", tr("Code", "Code"))};
    for (const Liveability* r : d.records) {
        t.rows.push_back({r->year ? Cell::of_int(*r->year) : Cell{}, r->klass ? Cell::of_int(*r->klass) : Cell{},
                          r->klass ? Cell::of(std::string(class_name(*r->klass, o.lang))) : Cell{},
                          r->score ? Cell::of_number(*r->score) : Cell{}, r->deviation ? Cell::of_number(*r->deviation) : Cell{},
                          Cell::of(r->source_or_default()), text_cell(r->code)});
        t.extras.push_back(&r->extras);
    }
    t.empty = tr("No liveability scores.", "Geen leefbaarheidsscores.");
    live.tables.push_back(std::move(t));
    doc.sections.push_back(std::move(live));

    Section ag;
    ag.title = tr("Agreements", "Samenwerkingsafspraken");
    ag.tables.push_back(agreement_table(d.agreements));
    doc.sections.push_back(std::move(ag));
    Section st;
    st.title = tr("Strategies", "Buurtstrategieën");
    st.tables.push_back(strategy_table(d.strategies, d.as_of));
    doc.sections.push_back(std::move(st));
    Section pa;
    pa.title = tr("Partners", "Partners");
    pa.tables.push_back(partner_table(d.partners));
    doc.sections.push_back(std::move(pa));
    add_charts(doc, {d.row}, d.agreements);
    return doc;
}

SummaryDocument partner_document(const Repository& repo, const PartnerDetail& d, const SummaryOptions& o) {
    const auto& p = *d.partner;
    SummaryDocument doc;
    doc.title = msg("Partner {} ({})", "Partner {} ({})", p.name.value_or(""), p.id.value_or(""));
    doc.subtitle = subtitle(repo, d.as_of);
    doc.as_of = d.as_of;
    Section s;
    s.title = tr("Overview", "Overzicht");
    if (p.kind) add_fact(s, tr("Kind", "Soort"), Cell::of(std::string(name(*p.kind))));
    add_fact(s, tr("Neighbourhoods", "Buurten"), Cell::of(join(p.neighbourhoods)));
    add_fact(s, tr("Partner since", "Partner sinds"), Cell::of_date(p.since.value));
    add_fact(s, tr("KvK number", "KvK-nummer"), text_cell(p.kvk));
    Money value;
    for (const auto& r : d.agreements)
        if (r.status == Status::active || r.status == Status::terminating) value += r.value_per_year;
    add_fact(s, tr("Value per year (running agreements)", "Waarde per jaar (lopende afspraken)"), Cell::of_money(value));
    if (p.notes) s.lines.emplace_back(*p.notes);
    doc.sections.push_back(std::move(s));

    if (o.contacts) {
        Section c;
        c.title = tr("Contacts", "Contactpersonen");
        Table t;
        t.name = "contacts";
        t.title = c.title;
        t.columns = {col("name", tr("Name", "Naam")), col("role", tr("Role", "Rol")), col("email", tr("E-mail", "E-mail")),
                     col("phone", tr("Phone", "Telefoon"))};
        for (const auto& k : p.contacts) {
            t.rows.push_back({text_cell(k.name), text_cell(k.role), text_cell(k.email), text_cell(k.phone)});
            t.extras.push_back(&k.extras);
        }
        t.empty = tr("No contacts.", "Geen contactpersonen.");
        c.tables.push_back(std::move(t));
        doc.sections.push_back(std::move(c));
    }
    Section ag;
    ag.title = tr("Agreements", "Samenwerkingsafspraken");
    ag.tables.push_back(agreement_table(d.agreements));
    doc.sections.push_back(std::move(ag));
    Section ev;
    ev.title = tr("Evaluations", "Evaluaties");
    ev.tables.push_back(evaluation_table(d.evaluations, o));
    doc.sections.push_back(std::move(ev));
    Section st;
    st.title = tr("Strategies", "Buurtstrategieën");
    st.tables.push_back(strategy_table(d.strategies, d.as_of));
    doc.sections.push_back(std::move(st));
    add_charts(doc, {}, d.agreements);
    return doc;
}

SummaryDocument agreement_document(const Repository& repo, const AgreementDetail& d, const SummaryOptions& o) {
    const auto& a = *d.row.agreement;
    SummaryDocument doc;
    doc.title = msg("Agreement {}", "Afspraak {}", a.id.value_or(""));
    doc.subtitle = subtitle(repo, d.as_of);
    doc.as_of = d.as_of;
    Section s;
    s.title = a.title.value_or("");
    add_fact(s, tr("Partner", "Partner"),
             Cell::of(d.partner && d.partner->name ? std::string(*d.partner->name) + " (" + a.partner.value_or("") + ")" : a.partner.value_or("")));
    add_fact(s, tr("Neighbourhoods", "Buurten"), Cell::of(join(a.neighbourhoods)));
    add_fact(s, tr("Status", "Status"), Cell::of(std::string(status_label(d.row.status))));
    add_fact(s, tr("Start", "Begin"), Cell::of_date(a.start.value));
    add_fact(s, tr("End of first term", "Einde eerste termijn"), Cell::of_date(a.end.value));
    if (a.renewal) add_fact(s, tr("Renewal", "Verlenging"), Cell::of(std::string(name(*a.renewal))));
    if (a.renewal_term) add_fact(s, tr("Renewal term", "Verlengingstermijn"), Cell::of(to_string(*a.renewal_term)));
    if (a.notice) add_fact(s, tr("Notice period", "Opzegtermijn"), Cell::of(to_string(*a.notice)));
    add_fact(s, tr("Signed", "Getekend"), Cell::of_date(a.signed_on.value));
    add_fact(s, tr("Owner", "Eigenaar"), text_cell(a.owner));
    add_fact(s, tr("Strategy", "Strategie"), text_cell(a.strategy));
    add_fact(s, tr("Document", "Document"), text_cell(a.document));
    if (d.row.status != Status::ended) {
        add_fact(s, tr("Current term end", "Einde huidige termijn"),
                 d.row.term_end ? Cell::of_date(d.row.term_end) : Cell::of(std::string(tr("none (runs on)", "geen (loopt door)"))));
        add_fact(s, tr("Notice deadline", "Uiterste opzegdatum"), Cell::of_date(d.row.notice_deadline));
        if (d.row.next)
            add_fact(s, tr("Next deadline", "Volgende termijn"),
                     Cell::of(to_string(d.row.next->date) + " (" + std::string(reminder_kind_label(d.row.next->kind)) + ")"));
    }
    if (a.terminated) {
        const auto& x = *a.terminated;
        std::string by(name(x.by.value_or(TerminatedBy::association)));
        add_fact(s, tr("Terminated", "Opgezegd"),
                 Cell::of(msg("ends {}, by {}", "eindigt {}, door {}", x.end ? to_string(*x.end) : "?", by)));
        add_fact(s, tr("Notice given", "Opgezegd op"), Cell::of_date(x.notice_given.value));
        add_fact(s, tr("Reason", "Reden"), text_cell(x.reason));
    }
    if (d.evaluation_last_due)
        add_fact(s, tr("Last evaluation due", "Laatste evaluatie verschuldigd"),
                 Cell::of(to_string(*d.evaluation_last_due) + " (" +
                          (d.last_due_done ? std::string(tr("done", "gedaan")) : std::string(tr("not done", "niet gedaan"))) + ")"));
    add_fact(s, tr("Next evaluation due", "Volgende evaluatie"), Cell::of_date(d.evaluation_next));
    add_fact(s, tr("Value per year", "Waarde per jaar"), Cell::of_money(d.row.value_per_year));
    if (d.row.space_m2 > 0) add_fact(s, tr("Space (m²)", "Ruimte (m²)"), Cell::of_number(d.row.space_m2));
    if (a.notes) s.lines.emplace_back(*a.notes);
    doc.sections.push_back(std::move(s));

    Section pr;
    pr.title = tr("What we provide", "Wat wij leveren");
    Table t;
    t.name = "provisions";
    t.title = pr.title;
    t.columns = {col("kind", tr("Kind", "Soort")), col("description", tr("Description", "Omschrijving")),
                 col("address", tr("Address", "Adres")), col("area_m2", tr("m²", "m²")),
                 col("lease", tr("Lease", "Huur")), col("value_per_year", tr("Value/year", "Waarde/jaar")),
                 col("hours_per_year", tr("Hours/year", "Uren/jaar"))};
    for (const auto& p : a.we_provide) {
        std::string desc = p.description.value_or(p.justification.value_or(""));
        if (p.percent) desc = (desc.empty() ? "" : desc + " ") + "(" + format_number(*p.percent) + "%)";
        t.rows.push_back({p.kind ? Cell::of(std::string(name(*p.kind))) : Cell{}, Cell::of(desc), text_cell(p.address),
                          p.area_m2 ? Cell::of_number(*p.area_m2) : Cell{}, p.lease ? Cell::of(std::string(name(*p.lease))) : Cell{},
                          p.value_per_year || p.amount_per_year || p.percent ? Cell::of_money(provision_value(p, a)) : Cell{}, p.hours_per_year ? Cell::of_number(*p.hours_per_year) : Cell{}});
        t.extras.push_back(&p.extras);
    }
    t.empty = tr("Nothing recorded.", "Niets vastgelegd.");
    pr.tables.push_back(std::move(t));
    doc.sections.push_back(std::move(pr));

    Section cm;
    cm.title = tr("What the partner provides", "Wat de partner levert");
    Table c;
    c.name = "commitments";
    c.title = cm.title;
    c.columns = {col("id", tr("Commitment", "Toezegging")), col("description", tr("Description", "Omschrijving")),
                 col("target", tr("Target", "Doel")), col("unit", tr("Unit", "Eenheid")), col("per", tr("Per", "Per"))};
    for (const auto& k : a.partner_provides) {
        c.rows.push_back({text_cell(k.id), text_cell(k.description), k.target ? Cell::of_number(*k.target) : Cell{},
                          text_cell(k.unit), Cell::of(std::string(name(k.per.value_or(Per::year))))});
        c.extras.push_back(&k.extras);
    }
    c.empty = tr("Nothing recorded.", "Niets vastgelegd.");
    cm.tables.push_back(std::move(c));
    doc.sections.push_back(std::move(cm));

    Section ev;
    ev.title = tr("Evaluations", "Evaluaties");
    ev.tables.push_back(evaluation_table(d.evaluations, o));
    Table r;
    r.name = "results";
    r.title = tr("Results", "Resultaten");
    r.columns = {col("year", tr("Year", "Jaar")), col("commitment", tr("Commitment", "Toezegging")),
                 col("achieved", tr("Achieved", "Behaald")), col("note", tr("Note", "Notitie"))};
    for (const Evaluation* e : d.evaluations)
        for (const auto& x : e->results) {
            Cell achieved;
            if (x.achieved) {
                const Achieved value = *x.achieved;
                if (const bool* b = std::get_if<bool>(&value)) achieved = bool_cell(*b);
                else achieved = Cell::of_number(std::get<double>(value));
            }
            r.rows.push_back({e->year ? Cell::of_int(*e->year) : Cell{}, text_cell(x.commitment), achieved, text_cell(x.note)});
            r.extras.push_back(&x.extras);
        }
    r.empty = tr("No results recorded.", "Geen resultaten vastgelegd.");
    ev.tables.push_back(std::move(r));
    doc.sections.push_back(std::move(ev));

    Section lv;
    lv.title = tr("Liveability of its neighbourhoods", "Leefbaarheid van de buurten");
    lv.tables.push_back(history_table(d.neighbourhoods, o.lang));
    doc.sections.push_back(std::move(lv));
    add_charts(doc, d.neighbourhoods, {d.row});
    return doc;
}

SummaryDocument strategy_document(const Repository& repo, const StrategyDetail& d, const SummaryOptions& o) {
    const auto& s = *d.strategy;
    SummaryDocument doc;
    doc.title = msg("Strategy {}", "Buurtstrategie {}", s.id.value_or(""));
    doc.subtitle = subtitle(repo, d.as_of);
    doc.as_of = d.as_of;
    Section ov;
    ov.title = s.title.value_or("");
    add_fact(ov, tr("Status", "Status"), Cell::of(std::string(strategy_status_label(d.status))));
    add_fact(ov, tr("Start", "Begin"), Cell::of_date(s.start.value));
    add_fact(ov, tr("End", "Einde"), Cell::of_date(s.end.value));
    std::string focus;
    for (const auto& f : s.focus)
        if (f) focus += (focus.empty() ? "" : ", ") + std::string(name(*f));
    add_fact(ov, tr("Focus", "Focus"), Cell::of(focus));
    add_fact(ov, tr("Neighbourhoods", "Buurten"), Cell::of(join(s.neighbourhoods)));
    add_fact(ov, tr("Partners", "Partners"), Cell::of(join(s.partners)));
    for (const auto& g : s.goals)
        if (g) ov.lines.emplace_back(*g);
    if (s.notes) ov.lines.emplace_back(*s.notes);
    doc.sections.push_back(std::move(ov));
    Section hs;
    hs.title = tr("Neighbourhoods", "Buurten");
    hs.tables.push_back(neighbourhood_table(d.neighbourhoods, o.lang));
    doc.sections.push_back(std::move(hs));
    Section ag;
    ag.title = tr("Agreements serving it", "Afspraken die eraan bijdragen");
    ag.tables.push_back(agreement_table(d.agreements));
    doc.sections.push_back(std::move(ag));
    add_charts(doc, d.neighbourhoods, d.agreements);
    return doc;
}

std::string human_cell(const Cell& c, Lang lang) {
    switch (c.kind) {
        case Cell::Kind::empty: return {};
        case Cell::Kind::text:
            if (c.label) return std::string(*c.label);
            return c.text;
        case Cell::Kind::date: return c.text;
        case Cell::Kind::integer: return std::to_string(c.integer);
        case Cell::Kind::money: return to_display(c.money(), lang == Lang::nl);
        case Cell::Kind::number: {
            std::string s = format_number(c.number);
            if (lang == Lang::nl)
                for (auto& ch : s)
                    if (ch == '.') ch = ',';
            return s;
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
