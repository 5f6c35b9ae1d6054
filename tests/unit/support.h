// What the unit tests share: readable dates in doctest failure messages, and short ways to
// write dates and fields.
#pragma once

#include <doctest/doctest.h>

#include "model/calendar.h"
#include "model/mark.h"

namespace doctest {
template <>
struct StringMaker<wijk::Date> {
    static String convert(const wijk::Date& d) { return wijk::to_string(d).c_str(); }
};
template <>
struct StringMaker<std::optional<wijk::Date>> {
    static String convert(const std::optional<wijk::Date>& d) {
        return d ? wijk::to_string(*d).c_str() : "nullopt";
    }
};
}  // namespace doctest

namespace wijk::testing {
inline Date D(const char* text) { return *parse_date(text); }
template <class T>
Field<T> F(T v) {
    return Field<T>(std::move(v), Mark{});
}
inline Field<Date> FD(const char* text) { return F(D(text)); }
}  // namespace wijk::testing
