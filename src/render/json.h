// A small streaming JSON writer: correct escaping, no trailing commas, 2-space indent.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/money.h"
#include "model/value.h"

namespace wijk {

class JsonWriter {
public:
    explicit JsonWriter(bool pretty = true) : pretty_(pretty) {}

    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    JsonWriter& key(std::string_view k);

    JsonWriter& string(std::string_view s);
    JsonWriter& number(double d);
    JsonWriter& integer(long long n);
    JsonWriter& boolean(bool b);
    JsonWriter& null();
    JsonWriter& money(Money m);  // euros as a number with 2 decimals
    JsonWriter& raw(std::string_view json);
    // A user's own value (x_ keys) as written: numbers and true/false as such, else text.
    JsonWriter& value(const Value& v);
    template <class T>
    JsonWriter& optional_string(const std::optional<T>& s) {
        return s ? string(*s) : null();
    }

    // key + value shorthands
    template <class F>
    JsonWriter& field(std::string_view k, F&& write) {
        key(k);
        write(*this);
        return *this;
    }

    const std::string& str() const { return out_; }
    std::string take() {
        out_ += '\n';
        return std::move(out_);
    }

private:
    void before_value();
    void newline();
    std::string out_;
    bool pretty_;
    std::vector<bool> first_;  // per open container: nothing written yet
    bool after_key_ = false;
};

std::string json_escape(std::string_view s);
// A number the way people expect to read it: 3.9, not 3.8999999999999999.
std::string format_number(double d);

}  // namespace wijk
