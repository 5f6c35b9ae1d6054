// Where a value was written: file index, 1-based line and column.
#pragma once

#include <cstdint>
#include <optional>
#include <utility>

namespace wijk {

struct Mark {
    std::uint32_t file = 0;    // index into Repository::files
    std::uint32_t line = 0;    // 1-based; 0 = no location (the file as a whole)
    std::uint32_t column = 0;  // 1-based, in characters
    friend auto operator<=>(const Mark&, const Mark&) = default;
};

// A value as written in a data file, with its location; empty when absent.
template <class T>
struct Field {
    std::optional<T> value;
    Mark at;

    Field() = default;
    Field(T v, Mark m) : value(std::move(v)), at(m) {}
    explicit operator bool() const { return value.has_value(); }
    bool has() const { return value.has_value(); }
    const T& operator*() const { return *value; }
    const T* operator->() const { return &*value; }
    T value_or(T fallback) const { return value ? *value : fallback; }
};

}  // namespace wijk
