// An agreement's life as of a date: status, current term end, notice deadline and evaluation
// due dates (data-format.md section 5).
#pragma once

#include <optional>

#include "model/records.h"

namespace wijk {

enum class Status { upcoming, active, terminating, ended };

Status status_on(const Agreement& a, const Date& t);
inline bool runs_on(const Agreement& a, const Date& t) {
    auto s = status_on(a, t);
    return s == Status::active || s == Status::terminating;
}
// E: the first term end >= t (see section 5); nullopt when it runs on without a term end.
std::optional<Date> current_term_end(const Agreement& a, const Date& t);
// The day the agreement's last term ends, when it will end without anyone acting
// (renewal none, or terminated); nullopt when it renews or runs on.
std::optional<Date> final_day(const Agreement& a);
// Does it renew by itself at E (tacit, not terminated)?
bool renews_tacitly(const Agreement& a);
// The notice deadline of E, when the agreement has a notice period (none means E itself).
Date notice_deadline_of(const Agreement& a, const Date& term_end);

// The month-day evaluations of `a` are due on.
MonthDay evaluation_month_day(const Agreement& a, const Config& c);
// The due date in year y, when one exists (on or after start + 1 year, not before since).
std::optional<Date> evaluation_due(const Agreement& a, const Config& c, int year);
// The latest due date before t, and the first on or after t.
std::optional<Date> evaluation_due_before(const Agreement& a, const Config& c, const Date& t);
std::optional<Date> evaluation_due_from(const Agreement& a, const Config& c, const Date& t);

}  // namespace wijk
