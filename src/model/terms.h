// An agreement's life as of a date: status, current term end, notice deadline and evaluation
// due dates (data-format.md section 5).
#pragma once

#include <optional>

#include "model/records.h"

namespace wijk {

enum class Status { upcoming, active, terminating, ended };

// The `terminated` block as it holds on t: none before its notice_given (data-format §5
// [1.1]: before the notice was given the agreement is what it would be without the block).
const Termination* termination_on(const Agreement& a, const Date& t);

Status status_on(const Agreement& a, const Date& t);
inline bool runs_on(const Agreement& a, const Date& t) {
    auto s = status_on(a, t);
    return s == Status::active || s == Status::terminating;
}
// E: the first term end >= t (see section 5); nullopt when it runs on without a term end.
std::optional<Date> current_term_end(const Agreement& a, const Date& t);
// The day the agreement's last term ends, when it will end without anyone acting
// (renewal none, or terminated as of t); nullopt when it renews or runs on. Without t the
// `terminated` block counts as recorded.
std::optional<Date> final_day(const Agreement& a);
std::optional<Date> final_day(const Agreement& a, const Date& t);
// Does it renew by itself at E (tacit, not terminated as of t; without t: not terminated)?
bool renews_tacitly(const Agreement& a);
bool renews_tacitly(const Agreement& a, const Date& t);
// renewal: indefinite and not terminated as of t (it goes on after its end until notice).
bool runs_on_indefinitely(const Agreement& a, const Date& t);
// The notice deadline of E, when the agreement has a notice period (none means E itself).
Date notice_deadline_of(const Agreement& a, const Date& term_end);

// Terms of a tacitly renewing agreement (call only when renews_tacitly): term k ends on
// term_end(end, renewal_term, k), k = 0 the first. Found by bisection, never by walking
// every term from `end`.
Date term_end_of(const Agreement& a, long k);
// The first term that ends on or after t, and the first whose notice deadline is on or after t.
long first_term_ending_from(const Agreement& a, const Date& t);
long first_term_with_deadline_from(const Agreement& a, const Date& t);

// The earliest end that notice given on t can still reach: the end of the first term whose
// notice deadline is on or after t (tacit; indefinite up to its end), else, for an agreement
// that runs on without a term, t + notice (notice reaching the partner on t). nullopt when it
// ends by itself (renewal none, terminated as of t) or has ended.
std::optional<Date> earliest_end_by_notice(const Agreement& a, const Date& t);

// The agreement's latest evaluation: the highest year, on a tie the latest date (then the
// later record); nullptr when it has none.
const Evaluation* latest_evaluation(const Repository& repo, std::string_view agreement);

// The month-day evaluations of `a` are due on.
MonthDay evaluation_month_day(const Agreement& a, const Config& c);
// The due date in year y, when one exists (on or after start + 1 year, not before since).
std::optional<Date> evaluation_due(const Agreement& a, const Config& c, int year);
// The latest due date before t, and the first on or after t.
std::optional<Date> evaluation_due_before(const Agreement& a, const Config& c, const Date& t);
std::optional<Date> evaluation_due_from(const Agreement& a, const Config& c, const Date& t);

}  // namespace wijk
