// Readable dates in doctest failure messages.
#pragma once

#include <doctest/doctest.h>

#include "model/calendar.h"

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
