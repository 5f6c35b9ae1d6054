#include "report/summary.h"

#include "report/reminders.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>

namespace wijk {

namespace {

bool covers(const std::vector<Field<std::string>>& ids, std::string_view id) {
    return std::any_of(ids.begin(), ids.end(), [&](const auto& f) { return f && *f == id; });
}


std::vector<const Evaluation*> evaluations_of(const Repository& repo, std::string_view agreement) {
    std::vector<const Evaluation*> out = repo.evaluations_of(agreement);
    std::stable_sort(out.begin(), out.end(), [](const Evaluation* x, const Evaluation* y) {
        return x->year.value_or(0) < y->year.value_or(0);
    });
    return out;
}

bool strategy_covers(const Strategy& s, std::string_view nid) { return covers(s.neighbourhoods, nid); }

}  // namespace

StrategyStatus strategy_status_on(const Strategy& s, const Date& t) {
    if (s.start && *s.start > t) return StrategyStatus::upcoming;
    if (s.end && *s.end < t) return StrategyStatus::ended;
    return StrategyStatus::active;
}

std::string_view name(StrategyStatus s) {
    static constexpr std::array<std::string_view, 3> names{"upcoming", "active", "ended"};
    return names[static_cast<std::size_t>(s)];
}

WatchRule watch_rule(const Config& c) {
    WatchRule r;
    if (c.watch_max_class) r.max_class = *c.watch_max_class;
    if (c.watch_max_score) r.max_score = *c.watch_max_score;
    if (!r.max_class && !r.max_score) r.max_class = 3;
    return r;
}

bool on_watch(const WatchRule& rule, const std::optional<LiveabilityYear>& latest) {
    if (!latest) return false;
    if (rule.max_class && latest->klass && *latest->klass <= *rule.max_class) return true;
    if (rule.max_score && latest->score && *latest->score <= *rule.max_score) return true;
    return false;
}

Money provision_value(const Provision& p, const Agreement& a) {
    if (p.value_per_year) return *p.value_per_year;
    if (p.amount_per_year) return *p.amount_per_year;
    if (p.kind && *p.kind == ProvisionKind::rent_discount && p.percent) {
        Money rent;
        for (const auto& s : a.we_provide)
            if (s.kind && *s.kind == ProvisionKind::space && s.rent_per_year) rent += *s.rent_per_year;
        return percent_of(*p.percent, rent);
    }
    return Money{};
}

Money agreement_value(const Agreement& a) {
    Money sum;
    for (const auto& p : a.we_provide) sum += provision_value(p, a);
    return sum;
}

double agreement_space_m2(const Agreement& a) {
    double sum = 0;
    for (const auto& p : a.we_provide)
        if (p.kind && *p.kind == ProvisionKind::space && p.area_m2) sum += *p.area_m2;
    return sum;
}

std::vector<LiveabilityYear> liveability_history(const Repository& repo, std::string_view id) {
    std::vector<const Liveability*> records;
    for (const Liveability* r : repo.liveability_of(id))
        if (r->year && (r->klass || r->score)) records.push_back(r);
    std::stable_sort(records.begin(), records.end(),
                     [](const Liveability* x, const Liveability* y) { return *x->year < *y->year; });
    std::vector<LiveabilityYear> out;
    for (const Liveability* r : records) {
        if (out.empty() || out.back().year != *r->year) out.push_back(LiveabilityYear{*r->year, {}, {}});
        auto& y = out.back();  // several records in a year: the lowest class and score
        if (r->klass && (!y.klass || *r->klass < *y.klass)) y.klass = *r->klass;
        if (r->score && (!y.score || *r->score < *y.score)) y.score = *r->score;
    }
    out.shrink_to_fit();
    return out;
}

void sort_by_next(std::vector<AgreementRow>& rows) {
    auto key = [](const AgreementRow& r) {
        return std::tuple(!r.next, r.next ? std::chrono::sys_days{r.next->date} : std::chrono::sys_days{},
                          text_or_empty(r.agreement->id));
    };
    std::stable_sort(rows.begin(), rows.end(), [&](const AgreementRow& x, const AgreementRow& y) { return key(x) < key(y); });
}

AgreementRow agreement_row(const Repository& repo, const Agreement& a, const Date& t) {
    AgreementRow row;
    row.agreement = &a;
    row.status = status_on(a, t);
    row.value_per_year = agreement_value(a);
    row.space_m2 = agreement_space_m2(a);
    row.term_end = current_term_end(a, t);
    bool can_give_notice = !a.terminated && a.end && a.renewal &&
                           (*a.renewal == Renewal::tacit || *a.renewal == Renewal::indefinite);
    // no notice period: the deadline is the term end itself
    if (row.term_end && can_give_notice) row.notice_deadline = notice_deadline_of(a, *row.term_end);
    if (auto r = next_reminder(repo, a, t)) row.next = Deadline{r->date, r->kind, r->overdue};
    return row;
}

NeighbourhoodRow neighbourhood_row(const Repository& repo, const Neighbourhood& n, const Date& t) {
    NeighbourhoodRow row;
    row.neighbourhood = &n;
    std::string id = n.id.value_or("");
    row.history = liveability_history(repo, id);
    if (!row.history.empty()) row.latest = row.history.back();
    if (row.history.size() > 1) row.previous = row.history[row.history.size() - 2];
    for (const Agreement* a : repo.agreements_in(id))
        if (runs_on(*a, t)) ++row.active_agreements;
    // Several strategies at once: the one that started last; planned: the one that starts first.
    for (const auto& s : repo.strategies) {
        if (!strategy_covers(s, id)) continue;
        auto st = strategy_status_on(s, t);
        if (st == StrategyStatus::active && (!row.strategy || row.strategy->start.value_or(Date{}) < s.start.value_or(Date{}))) row.strategy = &s;
        if (st == StrategyStatus::upcoming && (!row.planned || s.start.value_or(Date{}) < row.planned->start.value_or(Date{}))) row.planned = &s;
    }
    row.watch = on_watch(watch_rule(repo.config), row.latest);
    return row;
}

Portfolio summarise_portfolio(const Repository& repo, const Date& t) {
    Portfolio p;
    p.as_of = t;
    p.organisation = repo.config.organisation.value_or("");
    p.totals.neighbourhoods = int(repo.neighbourhoods.size());
    p.totals.partners = int(repo.partners.size());
    for (const auto& s : repo.strategies)
        if (strategy_status_on(s, t) == StrategyStatus::active) ++p.totals.strategies_active;
    p.agreements.reserve(repo.agreements.size());
    p.neighbourhoods.reserve(repo.neighbourhoods.size());
    for (const auto& a : repo.agreements) {
        AgreementRow row = agreement_row(repo, a, t);
        ++p.totals.agreements[static_cast<int>(row.status)];
        if (row.status == Status::active || row.status == Status::terminating) {
            p.totals.value_per_year += row.value_per_year;
            p.totals.space_m2 += row.space_m2;
        }
        p.agreements.push_back(row);
    }
    sort_by_next(p.agreements);
    for (const auto& n : repo.neighbourhoods) p.neighbourhoods.push_back(neighbourhood_row(repo, n, t));
    for (const auto& r : p.neighbourhoods)
        if (r.watch) p.watchlist.push_back(&r);
    std::stable_sort(p.watchlist.begin(), p.watchlist.end(), [](const NeighbourhoodRow* x, const NeighbourhoodRow* y) {
        auto key = [](const NeighbourhoodRow* r) {
            return std::tuple(r->latest->klass.value_or(10), r->latest->score.value_or(1e300),
                              text_or_empty(r->neighbourhood->id));
        };
        return key(x) < key(y);
    });
    auto& ev = p.evaluations;
    ev.year = int(t.year());
    for (const auto& a : repo.agreements) {
        if (!a.id) continue;
        auto due = evaluation_due(a, repo.config, ev.year);
        // due: on or before the as-of date, and the agreement ran on its due date
        if (!due || *due > t || !runs_on(a, *due)) continue;
        ++ev.due;
        if (const Evaluation* e = repo.evaluation_for(*a.id, ev.year)) {
            ++ev.done;
            if (e->decision) ++ev.decisions[static_cast<int>(*e->decision)];
        }
    }
    return p;
}

NeighbourhoodDetail summarise_neighbourhood(const Repository& repo, const Neighbourhood& n, const Date& t) {
    NeighbourhoodDetail d;
    d.as_of = t;
    d.row = neighbourhood_row(repo, n, t);
    std::string id = n.id.value_or("");
    for (const auto& r : repo.liveability)
        if (r.neighbourhood && *r.neighbourhood == id) d.records.push_back(&r);
    std::stable_sort(d.records.begin(), d.records.end(), [](const Liveability* x, const Liveability* y) {
        return x->year.value_or(0) < y->year.value_or(0);
    });
    for (const auto& s : repo.strategies)
        if (strategy_covers(s, id)) d.strategies.push_back(&s);
    std::stable_sort(d.strategies.begin(), d.strategies.end(), [](const Strategy* x, const Strategy* y) {
        return x->start.value_or(Date{}) < y->start.value_or(Date{});
    });
    std::set<std::string, std::less<>> partner_ids;
    for (const auto& a : repo.agreements)
        if (covers(a.neighbourhoods, id)) {
            d.agreements.push_back(agreement_row(repo, a, t));
            if (a.partner) partner_ids.emplace(*a.partner);
        }
    sort_by_next(d.agreements);
    for (const auto& p : repo.partners)
        if (covers(p.neighbourhoods, id) || (p.id && partner_ids.count(*p.id))) d.partners.push_back(&p);
    return d;
}

PartnerDetail summarise_partner(const Repository& repo, const Partner& p, const Date& t) {
    PartnerDetail d;
    d.as_of = t;
    d.partner = &p;
    std::string id = p.id.value_or("");
    for (const auto& a : repo.agreements)
        if (a.partner && *a.partner == id) d.agreements.push_back(agreement_row(repo, a, t));
    sort_by_next(d.agreements);
    for (const auto& r : d.agreements)
        if (r.agreement->id)
            for (const Evaluation* e : evaluations_of(repo, *r.agreement->id)) d.evaluations.push_back(e);
    for (const auto& s : repo.strategies)
        if (covers(s.partners, id)) d.strategies.push_back(&s);
    return d;
}

AgreementDetail summarise_agreement(const Repository& repo, const Agreement& a, const Date& t) {
    AgreementDetail d;
    d.as_of = t;
    d.row = agreement_row(repo, a, t);
    if (a.partner) d.partner = repo.partner(*a.partner);
    if (a.strategy) d.strategy = repo.strategy(*a.strategy);
    for (const auto& nid : a.neighbourhoods)
        if (nid)
            if (const Neighbourhood* n = repo.neighbourhood(*nid)) d.neighbourhoods.push_back(neighbourhood_row(repo, *n, t));
    if (a.id) d.evaluations = evaluations_of(repo, *a.id);
    d.evaluation_next = evaluation_due_from(a, repo.config, t);
    d.evaluation_last_due = evaluation_due_before(a, repo.config, t);
    if (d.evaluation_last_due && a.id)
        d.last_due_done = repo.evaluation_for(*a.id, int(d.evaluation_last_due->year())) != nullptr;
    return d;
}

StrategyDetail summarise_strategy(const Repository& repo, const Strategy& s, const Date& t) {
    StrategyDetail d;
    d.as_of = t;
    d.strategy = &s;
    d.status = strategy_status_on(s, t);
    for (const auto& nid : s.neighbourhoods)
        if (nid)
            if (const Neighbourhood* n = repo.neighbourhood(*nid)) d.neighbourhoods.push_back(neighbourhood_row(repo, *n, t));
    std::string id = s.id.value_or("");
    for (const auto& a : repo.agreements)
        if (a.strategy && *a.strategy == id) d.agreements.push_back(agreement_row(repo, a, t));
    sort_by_next(d.agreements);
    for (const auto& pid : s.partners)
        if (pid)
            if (const Partner* p = repo.partner(*pid)) d.partners.push_back(p);
    return d;
}

}  // namespace wijk
