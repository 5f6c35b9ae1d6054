#include "model/calendar.h"

#include <cctype>
#include <charconv>
#include <vector>
#include <ctime>
#include <fmt/format.h>

namespace wijk {

using namespace std::chrono;

namespace {

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

long to_long(std::string_view s) {
    long v = 0;
    auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (r.ec != std::errc{}) return -1;
    return v;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

}  // namespace

std::optional<Date> parse_date(std::string_view t) {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
    auto ys = t.substr(0, 4), ms = t.substr(5, 2), ds = t.substr(8, 2);
    if (!all_digits(ys) || !all_digits(ms) || !all_digits(ds)) return std::nullopt;
    Date d{year{int(to_long(ys))}, month{unsigned(to_long(ms))}, day{unsigned(to_long(ds))}};
    if (!d.ok() || int(d.year()) < 1) return std::nullopt;
    return d;
}

std::optional<Date> parse_dutch_date(std::string_view t) {
    // d-m-yyyy, d/m/yyyy or d.m.yyyy
    char sep = 0;
    for (char c : t)
        if (c == '-' || c == '/' || c == '.') {
            sep = c;
            break;
        }
    if (!sep) return std::nullopt;
    auto p1 = t.find(sep);
    auto p2 = t.find(sep, p1 + 1);
    if (p2 == std::string_view::npos || t.find(sep, p2 + 1) != std::string_view::npos)
        return std::nullopt;
    auto ds = t.substr(0, p1), ms = t.substr(p1 + 1, p2 - p1 - 1), ys = t.substr(p2 + 1);
    if (ds.empty() || ds.size() > 2 || ms.empty() || ms.size() > 2 || ys.size() != 4)
        return std::nullopt;
    if (!all_digits(ds) || !all_digits(ms) || !all_digits(ys)) return std::nullopt;
    Date d{year{int(to_long(ys))}, month{unsigned(to_long(ms))}, day{unsigned(to_long(ds))}};
    if (!d.ok()) return std::nullopt;
    return d;
}

std::optional<Duration> parse_duration(std::string_view text) {
    auto t = trim(text);
    std::size_t i = 0;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
    if (i == 0 || i > 6) return std::nullopt;
    long n = to_long(t.substr(0, i));
    auto unit = trim(t.substr(i));
    bool spaced = i < t.size() && t[i] == ' ';
    struct Word {
        std::string_view word;
        DurationUnit unit;
        bool short_form;
    };
    static constexpr Word words[] = {
        {"d", DurationUnit::days, true},       {"w", DurationUnit::weeks, true},
        {"m", DurationUnit::months, true},     {"y", DurationUnit::years, true},
        {"day", DurationUnit::days, false},    {"days", DurationUnit::days, false},
        {"week", DurationUnit::weeks, false},  {"weeks", DurationUnit::weeks, false},
        {"month", DurationUnit::months, false}, {"months", DurationUnit::months, false},
        {"year", DurationUnit::years, false},  {"years", DurationUnit::years, false},
        {"dag", DurationUnit::days, false},    {"dagen", DurationUnit::days, false},
        {"weken", DurationUnit::weeks, false}, {"maand", DurationUnit::months, false},
        {"maanden", DurationUnit::months, false}, {"jaar", DurationUnit::years, false},
        {"jaren", DurationUnit::years, false},
    };
    for (const auto& w : words) {
        if (unit != w.word) continue;
        if (w.short_form && spaced) return std::nullopt;  // "3 m" is neither form
        if (!w.short_form && !spaced) return std::nullopt;  // "3months"
        return Duration{n, w.unit};
    }
    return std::nullopt;
}

namespace {

// Month names people write: Dutch and English, in full and abbreviated (a final '.' allowed).
std::optional<unsigned> month_by_name(std::string_view w) {
    std::string low;
    for (char c : w) low += char(std::tolower(static_cast<unsigned char>(c)));
    if (!low.empty() && low.back() == '.') low.pop_back();
    static const std::pair<std::string_view, unsigned> names[] = {
        {"januari", 1}, {"january", 1}, {"jan", 1}, {"februari", 2}, {"february", 2}, {"feb", 2},
        {"maart", 3}, {"march", 3}, {"mrt", 3}, {"mar", 3}, {"maa", 3}, {"april", 4}, {"apr", 4},
        {"mei", 5}, {"may", 5}, {"juni", 6}, {"june", 6}, {"jun", 6}, {"juli", 7}, {"july", 7}, {"jul", 7},
        {"augustus", 8}, {"august", 8}, {"aug", 8}, {"september", 9}, {"sept", 9}, {"sep", 9},
        {"oktober", 10}, {"october", 10}, {"okt", 10}, {"oct", 10}, {"november", 11}, {"nov", 11},
        {"december", 12}, {"dec", 12}};
    for (const auto& [name, m] : names)
        if (low == name) return m;
    return std::nullopt;
}

// "1 oktober", "1 October", "31 dec", "october 1", "1. Oktober"
std::optional<MonthDay> parse_named_month_day(std::string_view t) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < t.size()) {
        while (i < t.size() && (t[i] == ' ' || t[i] == '\t')) ++i;
        std::size_t j = i;
        while (j < t.size() && t[j] != ' ' && t[j] != '\t') ++j;
        if (j > i) words.push_back(t.substr(i, j - i));
        i = j;
    }
    if (words.size() != 2) return std::nullopt;
    auto number = [](std::string_view w) -> std::optional<unsigned> {
        if (!w.empty() && w.back() == '.') w.remove_suffix(1);
        if (w.empty() || w.size() > 2 || !all_digits(w)) return std::nullopt;
        return unsigned(to_long(w));
    };
    std::optional<unsigned> d = number(words[0]), m = month_by_name(words[1]);
    if (!d || !m) d = number(words[1]), m = month_by_name(words[0]);
    if (!d || !m) return std::nullopt;
    MonthDay md{*m, *d};
    if (!Date{year{2000}, month{md.month}, day{md.day}}.ok()) return std::nullopt;
    return md;
}

}  // namespace

std::optional<MonthDay> parse_month_day(std::string_view t) {
    if (auto named = parse_named_month_day(t)) return named;
    if (t.size() != 5 || t[2] != '-') return std::nullopt;
    auto ms = t.substr(0, 2), ds = t.substr(3, 2);
    if (!all_digits(ms) || !all_digits(ds)) return std::nullopt;
    MonthDay md{unsigned(to_long(ms)), unsigned(to_long(ds))};
    // 2000 is a leap year, so 02-29 is a real day.
    if (!Date{year{2000}, month{md.month}, day{md.day}}.ok()) return std::nullopt;
    return md;
}

bool too_long(const Duration& d) {
    switch (d.unit) {
        case DurationUnit::days: return d.count > max_duration_days;
        case DurationUnit::weeks: return d.count > max_duration_days / 7;
        case DurationUnit::months: return d.count > 1200;
        case DurationUnit::years: return d.count > 100;
    }
    return false;
}

std::string to_string(const Date& d) {
    return fmt::format("{:04}-{:02}-{:02}", int(d.year()), unsigned(d.month()), unsigned(d.day()));
}

std::string to_string(const MonthDay& md) { return fmt::format("{:02}-{:02}", md.month, md.day); }

std::string to_string(const Duration& d) {
    static constexpr std::string_view one[] = {"day", "week", "month", "year"};
    static constexpr std::string_view many[] = {"days", "weeks", "months", "years"};
    auto u = static_cast<int>(d.unit);
    return fmt::format("{} {}", d.count, d.count == 1 ? one[u] : many[u]);
}

Text duration_words(const Duration& d) {
    static constexpr std::string_view one[] = {"dag", "week", "maand", "jaar"};
    static constexpr std::string_view many[] = {"dagen", "weken", "maanden", "jaar"};
    auto u = static_cast<int>(d.unit);
    return Text(to_string(d), fmt::format("{} {}", d.count, d.count == 1 ? one[u] : many[u]));
}

Date add_days(const Date& d, long n) { return Date{sys_days{d} + days{n}}; }

long days_between(const Date& from, const Date& to) {
    return (sys_days{to} - sys_days{from}).count();
}

Date add_months(const Date& d, long n) {
    year_month ym = year_month{d.year(), d.month()} + months{n};
    auto last = year_month_day_last{ym.year(), month_day_last{ym.month()}}.day();
    return Date{ym.year(), ym.month(), d.day() > last ? last : d.day()};
}

Date add(const Date& d, const Duration& dur, long times) {
    long n = dur.count * times;
    switch (dur.unit) {
        case DurationUnit::days: return add_days(d, n);
        case DurationUnit::weeks: return add_days(d, 7 * n);
        case DurationUnit::months: return add_months(d, n);
        case DurationUnit::years: return add_months(d, 12 * n);
    }
    return d;
}

Date subtract(const Date& d, const Duration& dur, long times) { return add(d, dur, -times); }

long approx_days(const Duration& d) {
    switch (d.unit) {
        case DurationUnit::days: return d.count;
        case DurationUnit::weeks: return 7 * d.count;
        case DurationUnit::months: return 30 * d.count + d.count * 5 / 12;  // 365/12 per month
        case DurationUnit::years: return 365 * d.count;
    }
    return 0;
}

bool is_longer(const Duration& a, const Duration& b) {
    auto months_of = [](const Duration& d) -> long {
        return d.unit == DurationUnit::years ? 12 * d.count : d.count;
    };
    bool a_cal = a.unit == DurationUnit::months || a.unit == DurationUnit::years;
    bool b_cal = b.unit == DurationUnit::months || b.unit == DurationUnit::years;
    if (a_cal && b_cal) return months_of(a) > months_of(b);
    if (!a_cal && !b_cal) return approx_days(a) > approx_days(b);
    return approx_days(a) > approx_days(b);
}

Date in_year(const MonthDay& md, int y) {
    Date d{year{y}, month{md.month}, day{md.day}};
    if (!d.ok()) d = Date{year{y}, month{md.month}, day{28}};  // 02-29 in a common year
    return d;
}

MonthDay month_day_of(const Date& d) { return MonthDay{unsigned(d.month()), unsigned(d.day())}; }

Date term_end(const Date& end, const Duration& renewal_term, long k) {
    return add_days(add(add_days(end, 1), renewal_term, k), -1);
}

Date notice_deadline(const Date& term_end, const Duration& notice) {
    return add_days(subtract(add_days(term_end, 1), notice), -1);
}

Date today_local() {
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    localtime_r(&now, &tm);
    return Date{year{tm.tm_year + 1900}, month{unsigned(tm.tm_mon + 1)}, day{unsigned(tm.tm_mday)}};
}

}  // namespace wijk
