#include "model/money.h"

#include <cmath>
#include <fmt/format.h>

namespace wijk {

MoneyParse parse_money(std::string_view t) {
    MoneyParse r;
    if (t.empty()) {
        r.problem = MoneyProblem::not_a_number;
        return r;
    }
    if (t.front() == '-') {
        r.problem = MoneyProblem::negative;
        return r;
    }
    if (t.front() == '+') t.remove_prefix(1);
    std::size_t digits_before = 0, i = 0;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i, ++digits_before;
    if (digits_before == 0 || digits_before > 13) {
        r.problem = MoneyProblem::not_a_number;
        return r;
    }
    std::string_view whole = t.substr(0, i);
    if (i == t.size()) {
        r.value = Money{std::stoll(std::string(whole)) * 100};
        return r;
    }
    char sep = t[i];
    std::string_view frac = t.substr(i + 1);
    bool frac_digits = !frac.empty();
    for (char c : frac)
        if (c < '0' || c > '9') frac_digits = false;
    if ((sep != '.' && sep != ',') || !frac_digits) {
        // "1.250,50" or "1,250.50": thousands separators
        bool sep_only = true;
        for (char c : t)
            if (!(c >= '0' && c <= '9') && c != '.' && c != ',') sep_only = false;
        // Groups of three after the first separator, then at most one decimal part written
        // with the other separator: "1.250.000", "1.250,50", "1,250.50".
        auto last = t.find_last_of(".,");
        if (last == std::string_view::npos) {  // "12 euro": no separator at all
            r.problem = MoneyProblem::not_a_number;
            return r;
        }
        auto tail = t.substr(last + 1);
        bool decimal_tail = t[last] != sep && tail.size() <= 2;
        auto grouped = t.substr(i, decimal_tail ? last - i : std::string_view::npos);
        bool groups_ok = sep_only && !tail.empty() && grouped.size() % 4 == 0;
        for (std::size_t k = 0; groups_ok && k < grouped.size(); ++k)
            groups_ok = k % 4 == 0 ? grouped[k] == sep : grouped[k] >= '0' && grouped[k] <= '9';
        if (groups_ok) {
            std::string digits(whole);
            for (char c : grouped)
                if (c != sep) digits += c;
            if (decimal_tail) {
                digits += '.';
                digits.append(tail);  // (not "." + std::string: GCC 12 -O3 warns -Wrestrict on it)
            }
            r.problem = MoneyProblem::thousands_separator;
            r.hint = digits;
        } else {
            r.problem = MoneyProblem::not_a_number;
        }
        return r;
    }
    if (sep == '.' && frac.size() == 3 && whole != "0" && whole.size() <= 3) {
        // 12.500: a thousands separator, never twelve and a half (1234.567 is no grouping:
        // too many decimals)
        r.problem = MoneyProblem::thousands_separator;
        r.hint = std::string(whole) + std::string(frac);
        return r;
    }
    if (sep == ',') {
        if (frac.size() == 3) {
            r.problem = MoneyProblem::thousands_separator;
            r.hint = std::string(whole) + std::string(frac);
        } else if (frac.size() <= 2) {
            r.problem = MoneyProblem::decimal_comma;
            r.hint = std::string(whole) + "." + std::string(frac);
        } else {
            r.problem = MoneyProblem::not_a_number;
        }
        return r;
    }
    if (frac.size() > 2) {
        r.problem = MoneyProblem::too_many_decimals;
        return r;
    }
    long long cents = std::stoll(std::string(whole)) * 100;
    long long f = std::stoll(std::string(frac));
    if (frac.size() == 1) f *= 10;
    r.value = Money{cents + f};
    return r;
}

Money percent_of(double percent, Money amount) {
    double cents = std::round(static_cast<double>(amount.cents) * percent / 100.0);
    return Money{static_cast<std::int64_t>(cents)};
}

std::string to_plain(Money m, bool decimal_comma) {
    auto v = m.cents < 0 ? -m.cents : m.cents;
    return fmt::format("{}{}{}{:02}", m.cents < 0 ? "-" : "", v / 100, decimal_comma ? ',' : '.',
                       v % 100);
}

std::string to_display(Money m, bool dutch) {
    auto v = m.cents < 0 ? -m.cents : m.cents;
    std::string whole = std::to_string(v / 100);
    std::string grouped;
    int n = 0;
    for (auto it = whole.rbegin(); it != whole.rend(); ++it, ++n) {
        if (n && n % 3 == 0) grouped.insert(grouped.begin(), dutch ? '.' : ',');
        grouped.insert(grouped.begin(), *it);
    }
    return fmt::format("{}€{}{}{}{:02}", m.cents < 0 ? "-" : "", dutch ? " " : "", grouped,
                       dutch ? ',' : '.', v % 100);
}

}  // namespace wijk
