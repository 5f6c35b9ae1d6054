#include "report/checklist.h"

#include <algorithm>
#include <map>
#include <set>

#include "model/suggest.h"

namespace wijk {


std::vector<const Agreement*> select_due_agreements(const Repository& repo, int year) {
    std::vector<const Agreement*> out;
    for (const auto& a : repo.agreements) {
        if (!a.id) continue;
        auto due = evaluation_due(a, repo.config, year);
        if (!due || !runs_on(a, *due)) continue;
        if (repo.evaluation_for(*a.id, year)) continue;
        out.push_back(&a);
    }
    return out;
}

LiveabilityTrend liveability_trend(const Repository& repo, const Neighbourhood& n,
                                   const std::optional<Date>& start) {
    LiveabilityTrend t;
    t.neighbourhood = &n;
    std::map<int, ClassInYear> by_year;
    if (!n.id) return t;
    for (const Liveability* lp : repo.liveability_of(*n.id)) {
        const Liveability& l = *lp;
        if (!l.year) continue;
        if (!l.klass && !l.score) continue;
        auto& y = by_year[*l.year];
        y.year = *l.year;
        // several records (sources, CBS areas) in one year: the lowest counts
        if (l.klass) y.klass = y.klass ? std::min(*y.klass, *l.klass) : *l.klass;
        if (l.score) y.score = y.score ? std::min(*y.score, *l.score) : *l.score;
    }
    for (const auto& [year, c] : by_year) {
        t.years.push_back(c);
        if (!c.klass) continue;
        t.latest = c;
        if (start && year <= int(start->year())) t.base = c;
    }
    if (t.base && t.latest) t.change = *t.latest->klass - *t.base->klass;
    return t;
}

ChecklistItem checklist_item(const Repository& repo, const Agreement& a, int year,
                             const Date& as_of, bool contacts) {
    ChecklistItem it;
    it.agreement = &a;
    it.contacts = contacts;
    if (a.partner) it.partner = repo.partner(*a.partner);
    if (a.owner) it.owner = repo.staff(*a.owner);
    for (const auto& id : a.neighbourhoods)
        if (const auto* n = repo.neighbourhood(*id)) it.neighbourhoods.push_back(n);
    it.due = evaluation_due(a, repo.config, year);
    // Without a due date in the year (an agreement asked for by id), as of the as-of date.
    it.reference = it.due ? *it.due : as_of;
    it.status = status_on(a, it.reference);
    it.term_end = current_term_end(a, it.reference);
    // As of the reference day: before terminated.notice_given the block does not count yet.
    const bool goes_on_without_notice = renews_tacitly(a, it.reference) || runs_on_indefinitely(a, it.reference);
    if (it.term_end && goes_on_without_notice) it.notice_deadline = notice_deadline_of(a, *it.term_end);
    if (a.id) {
        it.last_year = repo.evaluation_for(*a.id, year - 1);
        it.this_year = repo.evaluation_for(*a.id, year);
        for (const Evaluation* e : repo.evaluations_of(*a.id))
            if (e->year && *e->year < year &&
                (!it.latest_before || *e->year > *it.latest_before->year ||
                 (*e->year == *it.latest_before->year && e->date && it.latest_before->date &&
                  *e->date >= *it.latest_before->date)))
                it.latest_before = e;
    }
    for (const auto* n : it.neighbourhoods)
        it.liveability.push_back(liveability_trend(repo, *n, a.start.value));
    if (a.strategy) it.strategy = repo.strategy(*a.strategy);
    it.decide_by = it.due;
    // The notice deadline that a decision can still meet: when this term's has already passed
    // on the day the checklist is made, only a later end can be reached by notice.
    std::optional<Date> deadline = it.notice_deadline;
    if (deadline && *deadline < as_of) {
        it.deadline_passed = true;
        deadline.reset();
        it.earliest_end = earliest_end_by_notice(a, as_of);
        if (it.earliest_end && renews_tacitly(a, as_of)) {
            it.earliest_end_deadline = notice_deadline_of(a, *it.earliest_end);
            deadline = it.earliest_end_deadline;
        }
        if (it.earliest_end && runs_on(a, as_of)) it.mutual_end = current_term_end(a, as_of);
        if (!it.earliest_end) it.ends_on = final_day(a, as_of);  // notice has since been given
        if (it.mutual_end && it.earliest_end && *it.mutual_end >= *it.earliest_end) it.mutual_end.reset();
    }
    if (deadline && (!it.decide_by || *deadline < *it.decide_by)) {
        it.decide_by = deadline;
        it.decide_by_reason = DecideBy::notice_deadline;
    }
    return it;
}

Checklist build_checklist(const Repository& repo, const ChecklistOptions& options,
                          std::vector<UnknownAgreement>& unknown) {
    Checklist c;
    c.year = options.year;
    c.as_of = options.as_of;
    c.organisation = repo.config.organisation.value_or("");
    bool contacts = options.contacts || repo.config.contacts_in_reports.value_or(false);
    std::vector<const Agreement*> chosen;
    if (options.agreements.empty()) {
        chosen = select_due_agreements(repo, options.year);
    } else {
        std::vector<std::string> ids;
        for (const auto& a : repo.agreements)
            if (a.id) ids.emplace_back(*a.id);
        std::set<std::string> seen;
        for (const auto& id : options.agreements) {
            const Agreement* a = repo.agreement(id);
            if (!a) {
                unknown.push_back({id, suggest(id, ids)});
                continue;
            }
            if (seen.insert(id).second) chosen.push_back(a);
        }
    }
    for (const auto* a : chosen)
        c.items.push_back(checklist_item(repo, *a, options.year, options.as_of, contacts));
    std::stable_sort(c.items.begin(), c.items.end(),
                     [](const ChecklistItem& x, const ChecklistItem& y) {
                         if (x.due.has_value() != y.due.has_value()) return x.due.has_value();
                         if (x.due && *x.due != *y.due) return *x.due < *y.due;
                         return x.agreement->id.value_or("") < y.agreement->id.value_or("");
                     });
    return c;
}

}  // namespace wijk
