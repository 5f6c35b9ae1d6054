#include "lsp/text.h"

#include <algorithm>

namespace wijk::lsp {

namespace {

bool continues(unsigned char c) { return (c & 0xC0) == 0x80; }

// The bytes of the character starting at s[i] (1 for a byte that starts none).
std::size_t char_bytes(std::string_view s, std::size_t i) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
    if (i + n > s.size()) return 1;
    for (std::size_t k = 1; k < n; ++k)
        if (!continues(static_cast<unsigned char>(s[i + k]))) return 1;
    return n;
}

}  // namespace

LineTable::LineTable(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n') {
            starts_.push_back(i + 1);
        } else if (text[i] == '\r') {
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
            starts_.push_back(i + 1);
        }
    }
}

std::size_t LineTable::line_start(std::size_t line) const { return starts_[std::min(line, starts_.size() - 1)]; }

std::string_view LineTable::line(std::string_view text, std::size_t n) const {
    n = std::min(n, starts_.size() - 1);
    std::size_t from = std::min(starts_[n], text.size());
    std::size_t to = n + 1 < starts_.size() ? starts_[n + 1] : text.size();
    std::string_view l = text.substr(from, to - from);
    if (!l.empty() && l.back() == '\n') l.remove_suffix(1);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    return l;
}

std::size_t LineTable::offset(std::string_view text, Position p) const {
    if (p.line >= starts_.size()) return text.size();
    std::string_view l = line(text, p.line);
    return starts_[p.line] + utf16_to_byte(l, p.character);
}

Position LineTable::position(std::string_view text, std::size_t offset) const {
    offset = std::min(offset, text.size());
    auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
    std::size_t n = std::size_t(it - starts_.begin()) - 1;
    std::string_view l = line(text, n);
    std::size_t in_line = std::min(offset - starts_[n], l.size());
    return Position{static_cast<std::uint32_t>(n), utf16_length(l.substr(0, in_line))};
}

std::uint32_t utf16_length(std::string_view s) {
    std::uint32_t units = 0;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t n = char_bytes(s, i);
        units += n == 4 ? 2 : 1;
        i += n;
    }
    return units;
}

std::size_t utf16_to_byte(std::string_view s, std::uint32_t units) {
    std::size_t i = 0;
    std::uint32_t u = 0;
    while (i < s.size() && u < units) {
        std::size_t n = char_bytes(s, i);
        u += n == 4 ? 2 : 1;
        i += n;  // a position between the two halves of a pair lands after the character
    }
    return i;
}

std::size_t column_to_byte(std::string_view line, std::uint32_t column) {
    std::uint32_t col = 1;
    std::size_t i = 0;
    for (; i < line.size(); ++i) {
        if (continues(static_cast<unsigned char>(line[i]))) continue;
        if (col == column) return i;
        ++col;
    }
    return line.size();
}

Document::Document(std::string text, std::int64_t version)
    : text_(std::move(text)), lines_(text_), version_(version) {}

void Document::replace_all(std::string text) {
    text_ = std::move(text);
    lines_ = LineTable(text_);
}

void Document::replace(Range range, std::string_view with) {
    std::size_t a = offset(range.start), b = offset(range.end);
    if (a > b) std::swap(a, b);
    // A CRLF split by an edit (its CR kept, a new line typed after it) stays two characters of
    // text: the line table is made again from the whole text.
    text_.replace(a, b - a, with);
    lines_ = LineTable(text_);
}

}  // namespace wijk::lsp
