// Money as written: whole cents, never a float; thousands separators and decimal commas caught.
#include <doctest/doctest.h>

#include "model/money.h"

using namespace wijk;

namespace {
std::optional<long long> cents(const char* text) {
    auto r = parse_money(text);
    if (!r.value) return std::nullopt;
    return r.value->cents;
}
}  // namespace

TEST_CASE("parse_money: plain amounts") {
    CHECK(cents("0") == 0);
    CHECK(cents("12500") == 1250000);
    CHECK(cents("12.5") == 1250);
    CHECK(cents("12.50") == 1250);
    CHECK(cents("0.01") == 1);
    CHECK(cents("0.10") == 10);
    CHECK(cents("1250.05") == 125005);
    CHECK(cents("9999999999999") == 999999999999900);
    CHECK(cents("+5") == 500);
}

TEST_CASE("parse_money: the problems as written, with hints") {
    struct Case {
        const char* text;
        MoneyProblem problem;
        const char* hint;
    };
    const Case cases[] = {
        {"12.500", MoneyProblem::thousands_separator, "12500"},  // never twelve and a half
        {"1.250.000", MoneyProblem::thousands_separator, "1250000"},
        {"1.250,50", MoneyProblem::thousands_separator, "1250.50"},
        {"1,250.50", MoneyProblem::thousands_separator, "1250.50"},
        {"12,500", MoneyProblem::thousands_separator, "12500"},
        {"12,50", MoneyProblem::decimal_comma, "12.50"},
        {"12,5", MoneyProblem::decimal_comma, "12.5"},
        {"0.125", MoneyProblem::too_many_decimals, ""},
        {"12.5000", MoneyProblem::too_many_decimals, ""},
        {"-12", MoneyProblem::negative, ""},
        {"-12.50", MoneyProblem::negative, ""},
        {"", MoneyProblem::not_a_number, ""},
        {"abc", MoneyProblem::not_a_number, ""},
        {"€12", MoneyProblem::not_a_number, ""},
        {"12 euro", MoneyProblem::not_a_number, ""},
        {"1e3", MoneyProblem::not_a_number, ""},
        {".50", MoneyProblem::not_a_number, ""},
        {"12.", MoneyProblem::not_a_number, ""},
        {"1.2.3", MoneyProblem::not_a_number, ""},  // not groups of three: no guess
        {"1.25,5000", MoneyProblem::not_a_number, ""},
        {"12,5000", MoneyProblem::not_a_number, ""},
        {"99999999999999", MoneyProblem::not_a_number, ""},  // 14 digits: too large
        {".nan", MoneyProblem::not_a_number, ""},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        auto r = parse_money(c.text);
        CHECK_FALSE(r.value);
        CHECK(r.problem == c.problem);
        CHECK(r.hint == c.hint);
    }
}

TEST_CASE("percent_of rounds half away from zero to a cent") {
    CHECK(percent_of(50, Money{1001}).cents == 501);
    CHECK(percent_of(25, Money{1000000}).cents == 250000);
    CHECK(percent_of(33.3, Money{100}).cents == 33);
    CHECK(percent_of(0, Money{12345}).cents == 0);
    CHECK(percent_of(100, Money{12345}).cents == 12345);
}

TEST_CASE("to_plain and to_display") {
    CHECK(to_plain(Money{123450}) == "1234.50");
    CHECK(to_plain(Money{123450}, true) == "1234,50");
    CHECK(to_plain(Money{5}) == "0.05");
    CHECK(to_plain(Money{-5}) == "-0.05");
    CHECK(to_plain(Money{0}) == "0.00");
    CHECK(to_display(Money{123450}, false) == "€1,234.50");
    CHECK(to_display(Money{123450}, true) == "€ 1.234,50");
    CHECK(to_display(Money{100000000}, true) == "€ 1.000.000,00");
    CHECK(to_display(Money{-99}, false) == "-€0.99");
    CHECK(to_display(Money{99900}, false) == "€999.00");
}

TEST_CASE("parse_money: four digits before a point with three after is no grouping") {
    auto r = parse_money("1234.567");
    CHECK_FALSE(r.value);
    CHECK(r.problem == MoneyProblem::too_many_decimals);
    CHECK(r.hint.empty());
}
