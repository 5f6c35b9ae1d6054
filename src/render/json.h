// A small streaming JSON writer: correct escaping, no trailing commas, 2-space indent.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/money.h"
#include "model/value.h"

namespace wijk {

class JsonWriter {
public:
    // Where finished text goes, piece by piece, when the output is streamed.
    using Flush = std::function<void(std::string_view)>;

    explicit JsonWriter(bool pretty = true) : pretty_(pretty) {}
    // Streamed: every 64 KiB or so the text so far goes to `flush`; finish() sends the rest.
    JsonWriter(bool pretty, Flush flush) : pretty_(pretty), flush_(std::move(flush)) {}

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
    // Streamed: the rest of the text, and the final newline, to `flush`.
    void finish() {
        out_ += '\n';
        if (flush_) flush_(out_);
        out_.clear();
    }

private:
    void before_value();
    void newline();
    std::string out_;
    bool pretty_;
    Flush flush_;
    std::vector<bool> first_;  // per open container: nothing written yet
    bool after_key_ = false;
};

std::string json_escape(std::string_view s);
// A number the way people expect to read it: 3.9, not 3.8999999999999999.
std::string format_number(double d);

}  // namespace wijk
