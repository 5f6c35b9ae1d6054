// Dates, durations and month-days, and the calendar arithmetic of
// data-format.md section 5. No I/O here.
#pragma once

#include "model/i18n.h"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace wijk {

using Date = std::chrono::year_month_day;

enum class DurationUnit { days, weeks, months, years };

struct Duration {
    long count = 0;
    DurationUnit unit = DurationUnit::days;
    friend bool operator==(const Duration&, const Duration&) = default;
};

// A day of the year without a year (evaluation due dates): 02-29 allowed.
struct MonthDay {
    unsigned month = 1;
    unsigned day = 1;
    friend bool operator==(const MonthDay&, const MonthDay&) = default;
};

// Parsing of the exact written forms; nullopt when the text is not one.
std::optional<Date> parse_date(std::string_view text);
std::optional<Duration> parse_duration(std::string_view text);
// The longest duration wijk accepts (data and --within): 100 years in any unit. Longer ones
// would roll dates past the years a date can hold.
inline constexpr long max_duration_days = 36525;
bool too_long(const Duration& d);
std::optional<MonthDay> parse_month_day(std::string_view text);
// "1-3-2026" or "01/03/2026" (day first, Dutch style) -> the ISO form, for hints.
std::optional<Date> parse_dutch_date(std::string_view text);

std::string to_string(const Date& d);           // 2026-03-01
std::string to_string(const MonthDay& md);      // 03-01
std::string to_string(const Duration& d);       // 3 months
Text duration_words(const Duration& d);         // "3 months" / "3 maanden", for messages

Date add_days(const Date& d, long days);
long days_between(const Date& from, const Date& to);  // to - from
// Calendar months and years clamp to the month's last day (2026-01-31 + 1 month = 2026-02-28).
Date add_months(const Date& d, long months);
Date add(const Date& d, const Duration& dur, long times = 1);
Date subtract(const Date& d, const Duration& dur, long times = 1);
// The duration as a rough number of days, to compare durations of different units.
long approx_days(const Duration& d);
bool is_longer(const Duration& a, const Duration& b);

// MonthDay in year y, 02-29 clamped to 02-28 in common years.
Date in_year(const MonthDay& md, int year);
MonthDay month_day_of(const Date& d);

// A term that runs up to and including `last`: the last day of term k, counted from the
// first term's last day, always from `end` and never step by step.
Date term_end(const Date& end, const Duration& renewal_term, long k);
// The last day on which notice must reach the partner for the agreement to end at `term_end`.
Date notice_deadline(const Date& term_end, const Duration& notice);

Date today_local();

}  // namespace wijk
