#include "render/json.h"

#include <cmath>
#include <fmt/format.h>

#include "model/value.h"

namespace wijk {

std::string json_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 2);
    out += '"';
    for (std::size_t i = 0; i < s.size();) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80) {
            // JSON is UTF-8: a byte that does not start a valid sequence (a file name from an old
            // system) becomes U+FFFD, never a raw byte
            std::size_t n = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
            bool ok = n > 0 && i + n <= s.size();
            char32_t cp = n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
            for (std::size_t k = 1; ok && k < n; ++k) {
                auto d = static_cast<unsigned char>(s[i + k]);
                ok = (d & 0xC0) == 0x80;
                cp = (cp << 6) | (d & 0x3F);
            }
            ok = ok && !((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
                         (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF);
            if (ok) {
                out.append(s.substr(i, n));
                i += n;
            } else {
                out += "\xEF\xBF\xBD";
                ++i;
            }
            continue;
        }
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            default:
                if (c < 0x20 || c == 0x7F) out += fmt::format("\\u{:04x}", c);
                else out += char(c);
        }
        ++i;
    }
    out += '"';
    return out;
}

std::string format_number(double d) {
    if (!std::isfinite(d)) return "null";
    if (d == 0) return "0";
    if (std::fabs(d) < 1e15 && d == std::floor(d)) return fmt::format("{:.0f}", d);
    return fmt::format("{}", d);
}

void JsonWriter::newline() {
    if (!pretty_) return;
    out_ += '\n';
    out_.append(first_.size() * 2, ' ');
}

void JsonWriter::before_value() {
    // Between values only: end_array() rewrites the character end_object() just wrote.
    if (flush_ && out_.size() >= (1u << 16)) {
        flush_(out_);
        out_.clear();
    }
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (!first_.empty()) {
        if (!first_.back()) out_ += ',';
        first_.back() = false;
        newline();
    }
}

JsonWriter& JsonWriter::begin_object() {
    before_value();
    out_ += '{';
    first_.push_back(true);
    return *this;
}

JsonWriter& JsonWriter::end_object() {
    bool empty = first_.back();
    first_.pop_back();
    if (!empty) newline();
    out_ += '}';
    return *this;
}

JsonWriter& JsonWriter::begin_array() {
    before_value();
    out_ += '[';
    first_.push_back(true);
    return *this;
}

JsonWriter& JsonWriter::end_array() { return end_object(), out_.back() = ']', *this; }

JsonWriter& JsonWriter::key(std::string_view k) {
    before_value();
    out_ += json_escape(k);
    out_ += pretty_ ? ": " : ":";
    after_key_ = true;
    return *this;
}

JsonWriter& JsonWriter::string(std::string_view s) {
    before_value();
    out_ += json_escape(s);
    return *this;
}

JsonWriter& JsonWriter::number(double d) {
    before_value();
    out_ += format_number(d);
    return *this;
}

JsonWriter& JsonWriter::integer(long long n) {
    before_value();
    out_ += std::to_string(n);
    return *this;
}

JsonWriter& JsonWriter::boolean(bool b) {
    before_value();
    out_ += b ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::null() {
    before_value();
    out_ += "null";
    return *this;
}

JsonWriter& JsonWriter::money(Money m) {
    before_value();
    out_ += to_plain(m);
    return *this;
}

JsonWriter& JsonWriter::raw(std::string_view json) {
    before_value();
    out_ += json;
    return *this;
}

JsonWriter& JsonWriter::value(const Value& v) {
    switch (v.type) {
        case Value::Type::null:
        case Value::Type::decoded: return null();  // never in a user's x_ value
        case Value::Type::scalar:
            if (v.plain && (v.text == "true" || v.text == "false")) return boolean(v.text == "true");
            if (v.plain && looks_like_number(v.text)) {
                double d = std::strtod(v.text.c_str(), nullptr);
                if (std::isfinite(d)) return raw(v.text[0] == '+' ? v.text.substr(1) : v.text);
            }
            return string(v.text);
        case Value::Type::sequence:
            begin_array();
            for (const auto& i : v.items) value(i);
            return end_array();
        case Value::Type::mapping:
            begin_object();
            for (std::size_t i = 0; i + 1 < v.items.size(); i += 2) {
                key(v.items[i].text);
                value(v.items[i + 1]);
            }
            return end_object();
    }
    return *this;
}

}  // namespace wijk
