// Where something was written. A Mark is a place a person reads (file index, line, column); a
// Loc is the compact form a record keeps for each of its values: the byte offset in the file,
// turned into a Mark only when a problem is reported there (model/locator.h).
#pragma once

#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>

#include "model/calendar.h"
#include "model/text_pool.h"

namespace wijk {

struct Mark {
    std::uint32_t file = 0;    // index into Repository::files
    std::uint32_t line = 0;    // 1-based; 0 = no location (the file as a whole)
    std::uint32_t column = 0;  // 1-based, in characters
    friend auto operator<=>(const Mark&, const Mark&) = default;
};

// The byte offset + 1 of a value in the loader's normalised text of its record's file (see
// model/locator.h); 0: not written. 4 bytes per value instead of a Mark's 12.
struct Loc {
    std::uint32_t pos = 0;
    explicit operator bool() const { return pos != 0; }
    friend bool operator==(Loc, Loc) = default;
};

// A value as written in a data file, with its location; empty when absent. The file is the
// record's (Record::at.file).
template <class T>
struct Field;

// Was the key written at all? A field with an invalid value has no value but keeps its mark,
// so that a check does not call an invalid value missing.
template <class T>
bool written(const Field<T>& f) {
    return f.has() || f.at.pos != 0;
}

template <class T>
struct Field {
    std::optional<T> value;
    Loc at;

    Field() = default;
    Field(T v, Loc m) : value(std::move(v)), at(m) {}
    explicit operator bool() const { return value.has_value(); }
    bool has() const { return value.has_value(); }
    const T& operator*() const { return *value; }
    const T* operator->() const { return &*value; }
    T value_or(T fallback) const { return value ? *value : fallback; }
};

// Whole numbers and enumerations: absent is one value no parse gives (the lowest int), so no
// std::optional flag: 8 bytes instead of 20.
template <class T>
    requires(std::is_same_v<T, int> || std::is_enum_v<T>)
struct Field<T> {
    using Raw = typename std::conditional_t<std::is_enum_v<T>, std::underlying_type<T>, std::type_identity<T>>::type;
    static constexpr Raw absent_raw = std::numeric_limits<Raw>::min();
    T v = static_cast<T>(absent_raw);
    Loc at;

    Field() = default;
    Field(T value, Loc m) : v(value), at(m) {}
    explicit operator bool() const { return has(); }
    bool has() const { return static_cast<Raw>(v) != absent_raw; }
    const T& operator*() const { return v; }
    const T* operator->() const { return &v; }
    T value_or(T fallback) const { return has() ? v : fallback; }
};

// What `field->size()` goes through: a view that lives as long as the expression.
struct TextArrow {
    std::string_view view;
    const std::string_view* operator->() const { return &view; }
};

// A pointer kept as two 4-byte words: 4-byte alignment, so that a field with a Loc takes 12
// bytes instead of 16.
struct PackedTextRef {
    std::uint32_t bits[2] = {0, 0};
    PackedTextRef() = default;
    PackedTextRef(TextRef r) {
        const char* p = r.raw();
        std::memcpy(bits, &p, sizeof p);
    }
    TextRef get() const {
        const char* p;
        std::memcpy(&p, bits, sizeof p);
        return TextRef::from_raw(p);
    }
};

// Text: a TextRef into the workspace's text pool (one copy of each distinct text).
template <>
struct Field<std::string> {
    PackedTextRef ref;
    Loc at;

    Field() = default;
    Field(TextRef v, Loc m) : ref(v), at(m) {}
    explicit operator bool() const { return has(); }
    bool has() const { return bool(ref.get()); }
    TextRef handle() const { return ref.get(); }  // equal texts of one pool: equal handles
    std::string_view operator*() const { return ref.get().view(); }
    TextArrow operator->() const { return {ref.get().view()}; }
    std::string value_or(std::string fallback) const { return has() ? std::string(**this) : fallback; }
};

// A duration: the count's bits in two 4-byte words and the unit in a byte (absent: 0xFF);
// 16 bytes instead of 32.
template <>
struct Field<Duration> {
    std::uint32_t bits[2] = {0, 0};
    std::uint8_t unit = 0xFF;
    Loc at;

    Field() = default;
    Field(Duration d, Loc m) : unit(static_cast<std::uint8_t>(d.unit)), at(m) {
        std::int64_t c = d.count;
        std::memcpy(bits, &c, sizeof c);
    }
    explicit operator bool() const { return has(); }
    bool has() const { return unit != 0xFF; }
    Duration operator*() const {
        std::int64_t c;
        std::memcpy(&c, bits, sizeof c);
        return Duration{static_cast<long>(c), static_cast<DurationUnit>(unit)};
    }
    Duration value_or(Duration fallback) const { return has() ? **this : fallback; }
};

// The text of a text field, or "" when absent: a view into the text pool, valid as long as the
// pool (value_or("") would make a copy).
inline std::string_view text_or_empty(const Field<std::string>& f) { return *f; }

// A number: kept as its bits in two 4-byte words (no optional, no 8-byte alignment), absent
// as one NaN pattern that no parsed number has; 12 bytes instead of 32. `*` gives a copy.
template <>
struct Field<double> {
    static constexpr std::uint64_t absent_bits = 0x7ff4'a65e'a65e'a65eu;  // a signalling NaN
    std::uint32_t bits[2];
    Loc at;

    Field() { std::memcpy(bits, &absent_bits, sizeof bits); }
    Field(double v, Loc m) : at(m) { std::memcpy(bits, &v, sizeof v); }
    explicit operator bool() const { return has(); }
    bool has() const {
        std::uint64_t b;
        std::memcpy(&b, bits, sizeof b);
        return b != absent_bits;
    }
    double operator*() const {
        double v;
        std::memcpy(&v, bits, sizeof v);
        return v;
    }
    double value_or(double fallback) const { return has() ? **this : fallback; }
};

// A value as written, without its place: for the values no rule after loading points at (a
// name, a note, a score). Made from the Field a reader returns; 4 to 8 bytes less per value.
template <class T>
struct Opt {
    std::optional<T> value;

    Opt() = default;
    Opt(const Field<T>& f) : value(f.value) {}
    explicit operator bool() const { return value.has_value(); }
    bool has() const { return value.has_value(); }
    const T& operator*() const { return *value; }
    const T* operator->() const { return &*value; }
    T value_or(T fallback) const { return value ? *value : fallback; }
};

template <class T>
    requires(std::is_same_v<T, int> || std::is_enum_v<T>)
struct Opt<T> {
    T v = Field<T>().v;

    Opt() = default;
    Opt(const Field<T>& f) : v(f.v) {}
    Opt(T value) : v(value) {}
    explicit operator bool() const { return has(); }
    bool has() const { return Field<T>(v, Loc{}).has(); }
    bool has_value() const { return has(); }
    const T& operator*() const { return v; }
    T value_or(T fallback) const { return has() ? v : fallback; }
};

template <>
struct Opt<std::string> {
    PackedTextRef ref;

    Opt() = default;
    Opt(const Field<std::string>& f) : ref(f.handle()) {}
    explicit operator bool() const { return has(); }
    bool has() const { return bool(ref.get()); }
    TextRef handle() const { return ref.get(); }
    std::string_view operator*() const { return ref.get().view(); }
    TextArrow operator->() const { return {ref.get().view()}; }
    std::string value_or(std::string fallback) const { return has() ? std::string(**this) : fallback; }
};

inline std::string_view text_or_empty(const Opt<std::string>& f) { return *f; }

template <>
struct Opt<double> {
    std::uint32_t bits[2];

    Opt() { std::memcpy(bits, &Field<double>::absent_bits, sizeof bits); }
    Opt(const Field<double>& f) { std::memcpy(bits, f.bits, sizeof bits); }
    Opt(double v) { std::memcpy(bits, &v, sizeof bits); }
    explicit operator bool() const { return has(); }
    bool has_value() const { return has(); }
    bool has() const {
        std::uint64_t b;
        std::memcpy(&b, bits, sizeof b);
        return b != Field<double>::absent_bits;
    }
    double operator*() const {
        double v;
        std::memcpy(&v, bits, sizeof v);
        return v;
    }
    double value_or(double fallback) const { return has() ? **this : fallback; }
};

}  // namespace wijk
