// Money as whole cents: never a float sum.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace wijk {

struct Money {
    std::int64_t cents = 0;
    friend auto operator<=>(const Money&, const Money&) = default;
    Money& operator+=(Money o) {
        cents += o.cents;
        return *this;
    }
};

enum class MoneyProblem { none, not_a_number, negative, too_many_decimals, thousands_separator, decimal_comma };

struct MoneyParse {
    std::optional<Money> value;
    MoneyProblem problem = MoneyProblem::none;
    std::string hint;  // the corrected text, when one can be guessed
};

// Checks the text as written: "12.500" is a thousands separator, never 12.50.
MoneyParse parse_money(std::string_view text);
// percent/100 x amount, rounded half away from zero to a cent.
Money percent_of(double percent, Money amount);
// "1234.50" (JSON, CSV) ; decimal_comma gives "1234,50".
std::string to_plain(Money m, bool decimal_comma = false);
// "€ 1.234,50" (nl) or "€1,234.50" (en) for people.
std::string to_display(Money m, bool dutch);

}  // namespace wijk
