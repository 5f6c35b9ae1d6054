#include "model/terms.h"

#include <algorithm>

namespace wijk {

namespace {

bool tacit_shape(const Agreement& a) {
    return a.end && a.renewal && *a.renewal == Renewal::tacit && a.renewal_term && (*a.renewal_term).count > 0;
}

// The smallest k >= 0 for which `reached(k)` holds, `reached` being false up to some k and
// true from there on (term ends and their deadlines only grow with k). `guess` is a k near it.
template <class Reached>
long first_k(long guess, const Reached& reached) {
    long lo = 0, hi = std::max(guess, 1L);  // reached(hi) once hi is big enough
    while (!reached(hi)) {
        lo = hi + 1;
        hi *= 2;
    }
    while (lo < hi) {
        long mid = lo + (hi - lo) / 2;
        if (reached(mid)) hi = mid;
        else lo = mid + 1;
    }
    return lo;
}

long guess_k(const Agreement& a, const Date& t, long extra_days) {
    long span = approx_days(*a.renewal_term);
    long k = span > 0 ? (days_between(*a.end, t) + extra_days) / span : 0;
    return std::max(k, 1L);
}

}  // namespace

const Termination* termination_on(const Agreement& a, const Date& t) {
    if (!a.terminated || !a.terminated->end) return nullptr;
    if (a.terminated->notice_given && t < *a.terminated->notice_given) return nullptr;
    return &*a.terminated;
}

bool renews_tacitly(const Agreement& a) { return !a.terminated && tacit_shape(a); }
bool renews_tacitly(const Agreement& a, const Date& t) { return !termination_on(a, t) && tacit_shape(a); }

bool runs_on_indefinitely(const Agreement& a, const Date& t) {
    return !termination_on(a, t) && a.end && a.renewal && *a.renewal == Renewal::indefinite;
}

namespace {
std::optional<Date> final_day_with(const Agreement& a, const Termination* t) {
    if (t) return *t->end;
    if (a.end && a.renewal && *a.renewal == Renewal::none) return *a.end;
    if (a.end && !a.renewal) return *a.end;  // invalid data (renewal missing): treat as ending
    return std::nullopt;
}
}  // namespace

std::optional<Date> final_day(const Agreement& a) {
    return final_day_with(a, a.terminated && a.terminated->end ? &*a.terminated : nullptr);
}
std::optional<Date> final_day(const Agreement& a, const Date& t) { return final_day_with(a, termination_on(a, t)); }

Status status_on(const Agreement& a, const Date& t) {
    if (a.start && *a.start > t) return Status::upcoming;
    if (const Termination* term = termination_on(a, t)) return *term->end >= t ? Status::terminating : Status::ended;
    if (auto last = final_day(a, t); last && *last < t) return Status::ended;
    return Status::active;
}

Date term_end_of(const Agreement& a, long k) { return term_end(*a.end, *a.renewal_term, k); }

long first_term_ending_from(const Agreement& a, const Date& t) {
    if (*a.end >= t) return 0;
    return first_k(guess_k(a, t, 0), [&](long k) { return term_end_of(a, k) >= t; });
}

long first_term_with_deadline_from(const Agreement& a, const Date& t) {
    const long notice_days = a.notice ? approx_days(*a.notice) : 0;
    return first_k(guess_k(a, t, notice_days),
                   [&](long k) { return notice_deadline_of(a, term_end_of(a, k)) >= t; });
}

std::optional<Date> current_term_end(const Agreement& a, const Date& t) {
    if (const Termination* term = termination_on(a, t)) return *term->end;
    if (!a.end) return std::nullopt;
    const Date end = *a.end;
    if (tacit_shape(a)) return term_end_of(a, first_term_ending_from(a, t));
    if (a.renewal && *a.renewal == Renewal::indefinite) {
        if (end >= t) return end;
        return std::nullopt;
    }
    return end;
}

Date notice_deadline_of(const Agreement& a, const Date& e) {
    if (!a.notice) return e;
    return notice_deadline(e, *a.notice);
}

std::optional<Date> earliest_end_by_notice(const Agreement& a, const Date& t) {
    if (status_on(a, t) == Status::ended || final_day(a, t)) return std::nullopt;
    if (renews_tacitly(a, t)) return term_end_of(a, first_term_with_deadline_from(a, t));
    if (runs_on_indefinitely(a, t) && notice_deadline_of(a, *a.end) >= t) return *a.end;
    // Runs on without a term: notice given on t ends it a notice period later.
    const Date from = a.start && *a.start > t ? *a.start : t;
    Date end = a.notice ? add_days(add(add_days(from, 1), *a.notice), -1) : from;
    if (a.end && end < *a.end) end = *a.end;
    return end;
}

const Evaluation* latest_evaluation(const Repository& repo, std::string_view agreement) {
    const Evaluation* best = nullptr;
    for (const Evaluation* e : repo.evaluations_of(agreement)) {
        if (!e->year) continue;
        if (!best || *e->year > *best->year ||
            (*e->year == *best->year && e->date && (!best->date || *e->date >= *best->date)))
            best = e;
    }
    return best;
}

MonthDay evaluation_month_day(const Agreement& a, const Config& c) {
    if (a.evaluation_due) return *a.evaluation_due;
    if (c.evaluations_due) return *c.evaluations_due;
    if (a.start) return month_day_of(*a.start);
    return MonthDay{1, 1};
}

std::optional<Date> evaluation_due(const Agreement& a, const Config& c, int y) {
    if (!a.start) return std::nullopt;
    if (c.evaluations_since && y < *c.evaluations_since) return std::nullopt;
    Date due = in_year(evaluation_month_day(a, c), y);
    if (due < add_months(*a.start, 12)) return std::nullopt;
    return due;
}

std::optional<Date> evaluation_due_before(const Agreement& a, const Config& c, const Date& t) {
    int y = int(t.year());
    for (int k = y; k >= y - 1; --k)
        if (auto d = evaluation_due(a, c, k); d && *d < t) return d;
    return std::nullopt;
}

std::optional<Date> evaluation_due_from(const Agreement& a, const Config& c, const Date& t) {
    int y = int(t.year());
    for (int k = y; k <= y + 1; ++k)
        if (auto d = evaluation_due(a, c, k); d && *d >= t) return d;
    // Due dates only begin a year after start and not before evaluations.since: look further
    // for upcoming agreements and for a `since` years ahead.
    int last = y + 1;
    if (a.start) last = std::max(last, int(a.start->year()) + 2);
    if (c.evaluations_since) last = std::max(last, *c.evaluations_since + 1);
    for (int k = y + 2; k <= last; ++k)
        if (auto d = evaluation_due(a, c, k); d && *d >= t) return d;
    return std::nullopt;
}

}  // namespace wijk
