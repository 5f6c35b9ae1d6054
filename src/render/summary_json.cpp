// wijk summary as JSON: the portfolio contract of commands.md, and one object per entity kind.
// Records carry their users' own x_ keys as written; contacts and participants only when allowed.
#include <functional>

#include "model/enums.h"
#include "render/json.h"
#include "render/summary.h"

namespace wijk {

namespace {

void opt_string(JsonWriter& w, std::string_view k, const Opt<std::string>& f) {
    w.key(k);
    if (f) w.string(*f);
    else w.null();
}

void opt_date(JsonWriter& w, std::string_view k, const std::optional<Date>& d) {
    w.key(k);
    if (d) w.string(to_string(*d));
    else w.null();
}

void id_list(JsonWriter& w, std::string_view k, const std::vector<Field<std::string>>& ids) {
    w.key(k).begin_array();
    for (const auto& i : ids)
        if (i) w.string(*i);
    w.end_array();
}

void extras(JsonWriter& w, const Extras& x) {
    for (const auto& [k, v] : x) {
        w.key(k);
        w.value(v);
    }
}

void year_value(JsonWriter& w, const std::optional<LiveabilityYear>& y) {
    if (!y) {
        w.null();
        return;
    }
    w.begin_object();
    w.key("year").integer(y->year);
    w.key("class");
    if (y->klass) w.integer(*y->klass);
    else w.null();
    w.key("score");
    if (y->score) w.number(*y->score);
    else w.null();
    w.end_object();
}

void year_point(JsonWriter& w, std::string_view k, const std::optional<LiveabilityYear>& y) {
    w.key(k);
    year_value(w, y);
}

void strategy_id(JsonWriter& w, std::string_view k, const Strategy* s) {
    w.key(k);
    if (s && s->id) w.string(*s->id);
    else w.null();
}

using More = std::function<void(JsonWriter&)>;

void neighbourhood_entry(JsonWriter& w, const NeighbourhoodRow& r, const More& more = {}) {
    const auto& n = *r.neighbourhood;
    w.begin_object();
    opt_string(w, "id", n.id);
    opt_string(w, "name", n.name);
    year_point(w, "latest", r.latest);
    year_point(w, "previous", r.previous);
    w.key("active_agreements").integer(r.active_agreements);
    strategy_id(w, "strategy", r.strategy);
    w.key("watch").boolean(r.watch);
    strategy_id(w, "planned", r.planned);
    w.key("history").begin_array();
    for (const auto& y : r.history) year_value(w, y);
    w.end_array();
    if (more) more(w);
    extras(w, n.extras);
    w.end_object();
}

// The agreement object of commands.md (id, title, partner, partner_name, owner, status,
// renewal, term_end, notice_deadline, next, value_per_year), with the keys of version 1 kept
// (current_term_end, next_deadline: scripts read them).
void agreement_entry(JsonWriter& w, const Repository& repo, const AgreementRow& r, const More& more = {}) {
    const auto& a = *r.agreement;
    const Partner* partner = a.partner ? repo.partner(*a.partner) : nullptr;
    w.begin_object();
    opt_string(w, "id", a.id);
    opt_string(w, "title", a.title);
    opt_string(w, "partner", a.partner);
    w.key("partner_name");
    if (partner && partner->name) w.string(*partner->name);
    else w.null();
    opt_string(w, "owner", a.owner);
    w.key("status").string(status_names[static_cast<std::size_t>(r.status)]);
    w.key("renewal");
    if (a.renewal) w.string(name(*a.renewal));
    else w.null();
    opt_date(w, "term_end", r.term_end);
    opt_date(w, "notice_deadline", r.notice_deadline);
    w.key("next");
    if (r.next) {
        w.begin_object();
        w.key("date").string(to_string(r.next->date));
        w.key("kind").string(name(r.next->kind));
        w.key("overdue").boolean(r.next->overdue);
        w.end_object();
    } else {
        w.null();
    }
    w.key("value_per_year");
    if (r.counted()) w.money(r.value_per_year);
    else w.null();
    id_list(w, "neighbourhoods", a.neighbourhoods);
    opt_date(w, "start", a.start.value);
    opt_date(w, "current_term_end", r.term_end);
    w.key("next_deadline");
    if (r.next) {
        w.begin_object();
        w.key("date").string(to_string(r.next->date));
        w.key("kind").string(name(r.next->kind));
        w.end_object();
    } else {
        w.null();
    }
    w.key("space_m2").number(r.space_m2);
    opt_string(w, "strategy", a.strategy);
    if (more) more(w);
    extras(w, a.extras);
    w.end_object();
}

void spending_row(JsonWriter& w, const SpendingRow& r) {
    w.begin_object();
    if (r.neighbourhood) {
        opt_string(w, "neighbourhood", r.neighbourhood->id);
        opt_string(w, "name", r.neighbourhood->name);
    }
    w.key("by_kind").begin_object();
    for (std::size_t k = 0; k < provision_kind_count; ++k) w.key(provision_kind_names[k]).money(r.by_kind[k]);
    w.end_object();
    w.key("value_per_year").money(r.total);
    w.key("hours_per_year").number(r.hours());
    w.key("homes");
    if (r.homes) w.integer(*r.homes);
    else w.null();
    w.key("value_per_home");
    if (r.per_home) w.money(*r.per_home);
    else w.null();
    w.key("agreements").integer(r.agreements);
    w.end_object();
}

void spending_object(JsonWriter& w, const Spending& s) {
    w.begin_object();
    w.key("year").integer(s.year);
    w.key("rule").string("agreements active or terminating on as_of; several neighbourhoods: in proportion to homes "
                         "(equally when any has no homes or homes 0); cents split by largest remainder, ties in "
                         "neighbourhood id order");
    w.key("neighbourhoods").begin_array();
    for (const auto& r : s.rows) spending_row(w, r);
    w.end_array();
    w.key("totals");
    spending_row(w, s.totals);
    w.end_object();
}

void evaluation_entry(JsonWriter& w, const Evaluation& e, const SummaryOptions& o) {
    w.begin_object();
    opt_string(w, "agreement", e.agreement);
    w.key("year");
    if (e.year) w.integer(*e.year);
    else w.null();
    opt_date(w, "date", e.date.value);
    w.key("decision");
    if (e.decision) w.string(name(*e.decision));
    else w.null();
    w.key("provisions_delivered");
    if (e.provisions_delivered) w.boolean(*e.provisions_delivered);
    else w.null();
    if (o.contacts) id_list(w, "participants", e.participants);
    w.key("results").begin_array();
    for (const auto& r : e.results) {
        w.begin_object();
        opt_string(w, "commitment", r.commitment);
        w.key("achieved");
        const Achieved value = r.achieved ? *r.achieved : Achieved(0.0);
        if (!r.achieved) w.null();
        else if (const bool* b = std::get_if<bool>(&value)) w.boolean(*b);
        else w.number(std::get<double>(value));
        opt_string(w, "note", r.note);
        extras(w, r.extras);
        w.end_object();
    }
    w.end_array();
    opt_string(w, "notes", e.notes);
    extras(w, e.extras);
    w.end_object();
}

void strategy_entry(JsonWriter& w, const Strategy& s, const Date& t) {
    w.begin_object();
    opt_string(w, "id", s.id);
    opt_string(w, "title", s.title);
    id_list(w, "neighbourhoods", s.neighbourhoods);
    opt_date(w, "start", s.start.value);
    opt_date(w, "end", s.end.value);
    w.key("status").string(name(strategy_status_on(s, t)));
    extras(w, s.extras);
    w.end_object();
}

void partner_brief(JsonWriter& w, const Partner& p) {
    w.begin_object();
    opt_string(w, "id", p.id);
    opt_string(w, "name", p.name);
    w.key("kind");
    if (p.kind) w.string(name(*p.kind));
    else w.null();
    extras(w, p.extras);
    w.end_object();
}

void header(JsonWriter& w, const Repository& repo, const Date& t, std::string_view kind) {
    w.begin_object();
    w.key("as_of").string(to_string(t));
    w.key("organisation");
    if (repo.config.organisation) w.string(*repo.config.organisation);
    else w.null();
    w.key("kind").string(kind);
}

}  // namespace

std::string render_portfolio_json(const Repository& repo, const Portfolio& p, const SummaryOptions& o) {
    return whole_text([&](const auto& flush) { stream_portfolio_json(repo, p, o, flush); });
}

void stream_portfolio_json(const Repository& repo, const Portfolio& p, const SummaryOptions&,
                           const JsonWriter::Flush& flush) {
    JsonWriter w(true, flush);
    w.begin_object();
    w.key("as_of").string(to_string(p.as_of));
    w.key("organisation");
    if (repo.config.organisation) w.string(*repo.config.organisation);
    else w.null();
    const auto& t = p.totals;
    w.key("totals").begin_object();
    w.key("neighbourhoods").integer(t.neighbourhoods);
    w.key("partners").integer(t.partners);
    w.key("strategies_active").integer(t.strategies_active);
    w.key("agreements").begin_object();
    for (std::size_t i = 0; i < status_names.size(); ++i) w.key(status_names[i]).integer(t.agreements[i]);
    w.end_object();
    w.key("space_m2").number(t.space_m2);
    w.key("value_per_year").money(t.value_per_year);
    w.end_object();
    w.key("neighbourhoods").begin_array();
    for (const auto& r : p.neighbourhoods) neighbourhood_entry(w, r);
    w.end_array();
    w.key("watchlist").begin_array();
    for (const NeighbourhoodRow* r : p.watchlist) {
        w.begin_object();
        opt_string(w, "neighbourhood", r->neighbourhood->id);
        w.key("year").integer(r->latest->year);
        w.key("class");
        if (r->latest->klass) w.integer(*r->latest->klass);
        else w.null();
        w.key("score");
        if (r->latest->score) w.number(*r->latest->score);
        else w.null();
        strategy_id(w, "strategy", r->strategy);
        strategy_id(w, "planned", r->planned);
        w.end_object();
    }
    w.end_array();
    w.key("agreements").begin_array();
    for (const auto& r : p.agreements) agreement_entry(w, repo, r);
    w.end_array();
    const auto& e = p.evaluations;
    w.key("evaluations").begin_object();
    w.key("year").integer(e.year);
    w.key("due").integer(e.due);
    w.key("done").integer(e.done);
    w.key("decisions").begin_object();
    for (std::size_t i = 0; i < decision_names.size(); ++i) w.key(decision_names[i]).integer(e.decisions[i]);
    w.end_object();
    w.end_object();
    if (p.spending) {
        w.key("spending");
        spending_object(w, *p.spending);
    }
    w.end_object();
    w.finish();
}

std::string render_spending_json(const Repository& repo, const Spending& s, const Date& as_of) {
    JsonWriter w;
    header(w, repo, as_of, "spending");
    w.key("spending");
    spending_object(w, s);
    w.end_object();
    return w.take();
}

std::string render_neighbourhood_json(const Repository& repo, const NeighbourhoodDetail& d, const SummaryOptions&) {
    JsonWriter w;
    header(w, repo, d.as_of, "neighbourhood");
    const auto& n = *d.row.neighbourhood;
    w.key("neighbourhood");
    neighbourhood_entry(w, d.row, [&](JsonWriter& w) {
        opt_string(w, "municipality", n.municipality);
        opt_string(w, "district", n.district);
        id_list(w, "codes", n.codes);
        w.key("homes");
        if (n.homes) w.integer(*n.homes);
        else w.null();
        opt_string(w, "notes", n.notes);
    });
    w.key("liveability").begin_array();
    for (const Liveability* r : d.records) {
        w.begin_object();
        w.key("year").integer(r->year.value_or(0));
        w.key("class");
        if (r->klass) w.integer(*r->klass);
        else w.null();
        w.key("score");
        if (r->score) w.number(*r->score);
        else w.null();
        w.key("deviation");
        if (r->deviation) w.number(*r->deviation);
        else w.null();
        w.key("source").string(r->source_or_default());
        opt_string(w, "code", r->code);
        extras(w, r->extras);
        w.end_object();
    }
    w.end_array();
    w.key("agreements").begin_array();
    for (const auto& r : d.agreements) agreement_entry(w, repo, r);
    w.end_array();
    w.key("strategies").begin_array();
    for (const Strategy* s : d.strategies) strategy_entry(w, *s, d.as_of);
    w.end_array();
    w.key("partners").begin_array();
    for (const Partner* p : d.partners) partner_brief(w, *p);
    w.end_array();
    w.end_object();
    return w.take();
}

std::string render_partner_json(const Repository& repo, const PartnerDetail& d, const SummaryOptions& o) {
    JsonWriter w;
    header(w, repo, d.as_of, "partner");
    const auto& p = *d.partner;
    w.key("partner").begin_object();
    opt_string(w, "id", p.id);
    opt_string(w, "name", p.name);
    w.key("kind");
    if (p.kind) w.string(name(*p.kind));
    else w.null();
    id_list(w, "neighbourhoods", p.neighbourhoods);
    opt_date(w, "since", p.since.value);
    opt_string(w, "kvk", p.kvk);
    if (o.contacts) {
        w.key("contacts").begin_array();
        for (const auto& c : p.contacts) {
            w.begin_object();
            opt_string(w, "name", c.name);
            opt_string(w, "role", c.role);
            opt_string(w, "email", c.email);
            opt_string(w, "phone", c.phone);
            extras(w, c.extras);
            w.end_object();
        }
        w.end_array();
    }
    opt_string(w, "notes", p.notes);
    extras(w, p.extras);
    w.end_object();
    w.key("agreements").begin_array();
    for (const auto& r : d.agreements) agreement_entry(w, repo, r);
    w.end_array();
    w.key("evaluations").begin_array();
    for (const Evaluation* e : d.evaluations) evaluation_entry(w, *e, o);
    w.end_array();
    w.key("strategies").begin_array();
    for (const Strategy* s : d.strategies) strategy_entry(w, *s, d.as_of);
    w.end_array();
    w.end_object();
    return w.take();
}

std::string render_agreement_json(const Repository& repo, const AgreementDetail& d, const SummaryOptions& o) {
    JsonWriter w;
    header(w, repo, d.as_of, "agreement");
    const auto& a = *d.row.agreement;
    w.key("agreement");
    agreement_entry(w, repo, d.row, [&](JsonWriter& w) {
        opt_date(w, "end", a.end.value);
        w.key("renewal_term");
        if (a.renewal_term) w.string(to_string(*a.renewal_term));
        else w.null();
        w.key("notice");
        if (a.notice) w.string(to_string(*a.notice));
        else w.null();
        opt_date(w, "signed", a.signed_on.value);
        w.key("terminated");
        if (a.terminated) {
            const auto& x = *a.terminated;
            w.begin_object();
            opt_date(w, "end", x.end.value);
            w.key("by").string(name(x.by.value_or(TerminatedBy::association)));
            opt_date(w, "notice_given", x.notice_given.value);
            opt_string(w, "reason", x.reason);
            extras(w, x.extras);
            w.end_object();
        } else {
            w.null();
        }
        w.key("evaluation_due").begin_object();
        opt_date(w, "last", d.evaluation_last_due);
        w.key("last_done").boolean(d.last_due_done);
        opt_date(w, "next", d.evaluation_next);
        w.end_object();
        w.key("we_provide").begin_array();
        for (const auto& p : a.we_provide) {
            w.begin_object();
            w.key("kind");
            if (p.kind) w.string(name(*p.kind));
            else w.null();
            opt_string(w, "description", p.description);
            w.key("value_per_year").money(provision_value(p, a));
            if (p.address) opt_string(w, "address", p.address);
            if (p.area_m2) w.key("area_m2").number(*p.area_m2);
            if (p.lease) w.key("lease").string(name(*p.lease));
            if (p.lease_ref) opt_string(w, "lease_ref", p.lease_ref);
            if (p.rent_per_year) w.key("rent_per_year").money(*p.rent_per_year);
            if (p.percent) w.key("percent").number(*p.percent);
            if (p.amount_per_year) w.key("amount_per_year").money(*p.amount_per_year);
            if (p.justification) opt_string(w, "justification", p.justification);
            if (p.hours_per_year) w.key("hours_per_year").number(*p.hours_per_year);
            extras(w, p.extras);
            w.end_object();
        }
        w.end_array();
        w.key("partner_provides").begin_array();
        for (const auto& c : a.partner_provides) {
            w.begin_object();
            opt_string(w, "id", c.id);
            opt_string(w, "description", c.description);
            w.key("target");
            if (c.target) w.number(*c.target);
            else w.null();
            opt_string(w, "unit", c.unit);
            w.key("per").string(name(c.per.value_or(Per::year)));
            extras(w, c.extras);
            w.end_object();
        }
        w.end_array();
        opt_string(w, "document", a.document);
        opt_string(w, "notes", a.notes);
    });
    w.key("evaluations").begin_array();
    for (const Evaluation* e : d.evaluations) evaluation_entry(w, *e, o);
    w.end_array();
    w.key("neighbourhoods").begin_array();
    for (const auto& r : d.neighbourhoods) neighbourhood_entry(w, r);
    w.end_array();
    w.key("partner");
    if (d.partner) partner_brief(w, *d.partner);
    else w.null();
    w.key("strategy");
    if (d.strategy) strategy_entry(w, *d.strategy, d.as_of);
    else w.null();
    w.end_object();
    return w.take();
}

std::string render_strategy_json(const Repository& repo, const StrategyDetail& d, const SummaryOptions&) {
    JsonWriter w;
    header(w, repo, d.as_of, "strategy");
    const auto& s = *d.strategy;
    w.key("strategy").begin_object();
    opt_string(w, "id", s.id);
    opt_string(w, "title", s.title);
    id_list(w, "neighbourhoods", s.neighbourhoods);
    opt_date(w, "start", s.start.value);
    opt_date(w, "end", s.end.value);
    w.key("status").string(name(d.status));
    w.key("focus").begin_array();
    for (const auto& f : s.focus)
        if (f) w.string(name(*f));
    w.end_array();
    id_list(w, "partners", s.partners);
    id_list(w, "goals", s.goals);
    opt_string(w, "notes", s.notes);
    extras(w, s.extras);
    w.end_object();
    w.key("neighbourhoods").begin_array();
    for (const auto& r : d.neighbourhoods) neighbourhood_entry(w, r);
    w.end_array();
    w.key("agreements").begin_array();
    for (const auto& r : d.agreements) agreement_entry(w, repo, r);
    w.end_array();
    w.key("partners").begin_array();
    for (const Partner* p : d.partners) partner_brief(w, *p);
    w.end_array();
    w.end_object();
    return w.take();
}

}  // namespace wijk
