#include "model/terms.h"

#include <algorithm>

namespace wijk {

bool renews_tacitly(const Agreement& a) {
    return !a.terminated && a.end && a.renewal && *a.renewal == Renewal::tacit && a.renewal_term &&
           (*a.renewal_term).count > 0;
}

std::optional<Date> final_day(const Agreement& a) {
    if (a.terminated && a.terminated->end) return *a.terminated->end;
    if (a.end && a.renewal && *a.renewal == Renewal::none) return *a.end;
    if (a.end && !a.renewal) return *a.end;  // invalid data (renewal missing): treat as ending
    return std::nullopt;
}

Status status_on(const Agreement& a, const Date& t) {
    if (a.start && *a.start > t) return Status::upcoming;
    if (a.terminated && a.terminated->end) return *a.terminated->end >= t ? Status::terminating : Status::ended;
    if (auto last = final_day(a); last && *last < t) return Status::ended;
    return Status::active;
}

std::optional<Date> current_term_end(const Agreement& a, const Date& t) {
    if (a.terminated && a.terminated->end) return *a.terminated->end;
    if (!a.end) return std::nullopt;
    const Date end = *a.end;
    if (renews_tacitly(a)) {
        if (end >= t) return end;
        const Duration& rt = *a.renewal_term;
        // Jump close to t, then step: each term end is computed from `end`, never step by step.
        long span = approx_days(rt);
        long k = span > 0 ? days_between(end, t) / span - 1 : 0;
        if (k < 0) k = 0;
        while (k > 0 && term_end(end, rt, k) >= t) --k;
        while (term_end(end, rt, k) < t) ++k;
        return term_end(end, rt, k);
    }
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
