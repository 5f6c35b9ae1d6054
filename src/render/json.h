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

// Text handed on in pieces of about 64 KiB as it is written (`out += ...`), so that a long
// report is never held whole; finish() hands on the rest.
class StreamedText {
public:
    explicit StreamedText(std::function<void(std::string_view)> flush) : flush_(std::move(flush)) {}
    StreamedText& operator+=(std::string_view s) {
        buf_ += s;
        if (buf_.size() >= (1u << 16)) {
            flush_(buf_);
            buf_.clear();
        }
        return *this;
    }
    StreamedText& operator+=(char c) { return *this += std::string_view(&c, 1); }
    void finish() {
        if (!buf_.empty()) flush_(buf_);
        buf_.clear();
    }

private:
    std::function<void(std::string_view)> flush_;
    std::string buf_;
};

// What a streamed renderer gives when the whole text is wanted at once.
template <class Write>
std::string whole_text(Write write) {
    std::string all;
    write([&](std::string_view piece) { all += piece; });
    return all;
}

std::string json_escape(std::string_view s);
// A number the way people expect to read it: 3.9, not 3.8999999999999999.
std::string format_number(double d);

}  // namespace wijk
