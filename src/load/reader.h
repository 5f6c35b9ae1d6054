// Reading one mapping against its key table: unknown keys (with a suggestion), missing required
// keys, users' x_ keys, and typed getters that report invalid values where they were written.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/key_table.h"
#include "model/diagnostic.h"
#include "model/enums.h"
#include "model/i18n.h"
#include "model/records.h"
#include "model/value.h"

namespace wijk {

struct DecodeContext {
    Diagnostics& diags;
    TextPool& texts;  // the repository's: every decoded text is pooled there
};

// Scalar decoders: report and return nullopt when the value is not of the type.
std::optional<std::string> as_text(const Value& v, DecodeContext& cx);
std::optional<std::string> as_id(const Value& v, DecodeContext& cx);
std::optional<Date> as_date(const Value& v, DecodeContext& cx);
std::optional<long long> as_integer(const Value& v, DecodeContext& cx, double min = -1e300,
                                    double max = 1e300);
std::optional<int> as_year(const Value& v, DecodeContext& cx);
std::optional<double> as_number(const Value& v, DecodeContext& cx, double min = -1e300,
                                double max = 1e300);
std::optional<bool> as_boolean(const Value& v, DecodeContext& cx);
std::optional<Duration> as_duration(const Value& v, DecodeContext& cx);
std::optional<Money> as_money(const Value& v, DecodeContext& cx);
std::optional<double> as_percent(const Value& v, DecodeContext& cx);
std::optional<MonthDay> as_month_day(const Value& v, DecodeContext& cx);
std::optional<std::size_t> as_enum(const Value& v, std::span<const std::string_view> names,
                                   DecodeContext& cx);


class RecordReader {
public:
    RecordReader(const Value& map, const RecordSpec& spec, DecodeContext& cx);

    Mark at() const { return map_.at; }
    // The value of a known key, nullptr when absent or null.
    const Value* get(std::string_view key) const;
    // Mark of the key itself (for errors about the key), else the record's mark.
    Mark key_mark(std::string_view key) const;

    Field<std::string> text(std::string_view key);
    Field<std::string> id(std::string_view key);
    Field<Date> date(std::string_view key);
    Field<int> year(std::string_view key);
    Field<long long> integer(std::string_view key);
    Field<double> number(std::string_view key);
    Field<bool> boolean(std::string_view key);
    Field<Duration> duration(std::string_view key);
    Field<Money> money(std::string_view key);
    Field<double> percent(std::string_view key);
    Field<MonthDay> month_day(std::string_view key);
    template <class E>
    Field<E> enumeration(std::string_view key) {
        Field<E> f;
        const Value* v = get(key);
        if (!v) return f;
        f.at = v->loc;  // written, even if invalid
        if (auto i = as_enum(*v, spec_.find(key)->values, cx_)) f = Field<E>(static_cast<E>(*i), v->loc);
        return f;
    }
    // A sequence of texts (or ids, for ref lists); `required` means at least one item.
    std::vector<Field<std::string>> texts(std::string_view key, bool ids = false);
    template <class E>
    std::vector<Field<E>> enums(std::string_view key) {
        std::vector<Field<E>> out;
        for (const Value* item : items(key))
            if (auto i = as_enum(*item, spec_.find(key)->values, cx_))
                out.emplace_back(static_cast<E>(*i), item->loc);
        return out;
    }
    // The items of a sequence-valued key (wrong-type reported when it is not a sequence).
    std::vector<const Value*> items(std::string_view key);
    // The value of a mapping-valued key, nullptr when absent (wrong-type when not a mapping).
    const Value* mapping(std::string_view key);
    Extras take_extras() { return std::move(extras_); }

private:
    // A text of `key` as kept: a final line break dropped, an inner one multi-line-text (a
    // warning; an error where it breaks the value); nullopt when it is an error.
    std::optional<std::string> single_line(const Value& v, std::string_view key, std::string text);
    const Value& map_;
    const RecordSpec& spec_;
    DecodeContext& cx_;
    std::vector<std::pair<std::string_view, const Value*>> known_;  // key -> value (null kept)
    std::vector<std::pair<std::string_view, Mark>> key_marks_;
    Extras extras_;
};

// Reports wrong-type unless v is a mapping.
bool expect_mapping(const Value& v, const Text& what, DecodeContext& cx);

}  // namespace wijk
