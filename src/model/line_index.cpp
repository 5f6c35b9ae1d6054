#include "model/line_index.h"

#include <algorithm>

namespace wijk {

namespace {
bool starts_character(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }
}  // namespace

std::string normalise_text(std::string_view bytes) {
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    // CRLF and lone CR become LF, so the parser's lines are the editor's lines.
    std::string text;
    text.reserve(bytes.size());
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (bytes[i] == '\r') {
            text += '\n';
            if (i + 1 < bytes.size() && bytes[i + 1] == '\n') ++i;
        } else {
            text += bytes[i];
        }
    }
    return text;
}

std::uint32_t char_column(std::string_view line, std::size_t byte_offset) {
    std::uint32_t col = 1;
    for (std::size_t i = 0; i < byte_offset && i < line.size(); ++i)
        if (starts_character(line[i])) ++col;
    return col;
}

LineIndex::LineIndex(std::string_view t) : text_(t) {
    for (std::size_t i = 0; i < t.size(); ++i)
        if (t[i] == '\n') starts_.push_back(i + 1);
    for (std::size_t k = 0; k < starts_.size(); ++k) {
        std::string_view l = line(k);
        if (l.size() < long_line) continue;
        std::vector<std::uint32_t>& c = counts_[k];
        c.reserve(l.size() / step + 1);
        std::uint32_t n = 0;
        for (std::size_t i = 0; i < l.size(); ++i) {
            if (i % step == 0) c.push_back(n);
            if (starts_character(l[i])) ++n;
        }
    }
}

std::string_view LineIndex::line(std::size_t index0) const {
    if (index0 >= starts_.size()) return {};
    auto b = starts_[index0];
    auto e = index0 + 1 < starts_.size() ? starts_[index0 + 1] - 1 : text_.size();
    return text_.substr(b, e - b);
}

std::uint32_t LineIndex::column(std::size_t line0, std::size_t byte_in_line) const {
    std::string_view l = line(line0);
    byte_in_line = std::min(byte_in_line, l.size());
    auto it = counts_.find(line0);
    if (it == counts_.end()) return char_column(l, byte_in_line);
    std::size_t k = byte_in_line / step;
    std::uint32_t col = 1 + it->second[std::min(k, it->second.size() - 1)];
    for (std::size_t i = std::min(k, it->second.size() - 1) * step; i < byte_in_line; ++i)
        if (starts_character(l[i])) ++col;
    return col;
}

Mark LineIndex::mark(std::uint32_t file, std::size_t line0, std::size_t byte_col0) const {
    return Mark{file, static_cast<std::uint32_t>(line0 + 1), column(line0, byte_col0)};
}

Mark LineIndex::at_pos(std::uint32_t file, std::size_t pos) const {
    auto it = std::upper_bound(starts_.begin(), starts_.end(), pos);
    std::size_t line0 = static_cast<std::size_t>(it - starts_.begin()) - 1;
    return mark(file, line0, pos - starts_[line0]);
}

Mark LineIndex::at(std::uint32_t file, Loc loc) const {
    if (!loc || loc.pos - 1 > text_.size()) return Mark{file, 0, 0};
    return at_pos(file, loc.pos - 1);
}

std::size_t LineIndex::offset(const Mark& m) const {
    if (m.line == 0 || m.line > starts_.size()) return 0;
    return starts_[m.line - 1] + byte_of_column(m.line - 1, m.column);
}

std::size_t LineIndex::byte_of_column(std::size_t line0, std::uint32_t column) const {
    // the byte where `column` starts, found from the kept counts when the line is long
    std::string_view l = line(line0);
    std::size_t lo = 0;
    std::uint32_t col = 1;
    if (auto it = counts_.find(line0); it != counts_.end()) {
        const auto& c = it->second;
        std::size_t k = std::upper_bound(c.begin(), c.end(), column - 1) - c.begin();
        if (k > 0) {
            lo = (k - 1) * step;
            col = 1 + c[k - 1];
        }
    }
    std::size_t b = lo;
    while (b < l.size()) {
        if (starts_character(l[b])) {
            if (col == column) break;
            ++col;
        }
        ++b;
    }
    return b;
}

std::optional<Excerpt> LineIndex::excerpt(const Mark& m, std::size_t width) const {
    if (m.line == 0 || m.line > starts_.size()) return std::nullopt;
    std::string_view l = line(m.line - 1);
    Excerpt e;
    const std::size_t caret_byte = byte_of_column(m.line - 1, m.column);
    // width characters: half before the caret, the rest after (fewer before at the line start)
    std::size_t begin = caret_byte, before = 0;
    while (begin > 0 && before < width / 2) {
        --begin;
        while (begin > 0 && !starts_character(l[begin])) --begin;
        ++before;
    }
    std::size_t end = caret_byte, after = 0;
    while (end < l.size() && before + after < width) {
        ++end;
        while (end < l.size() && !starts_character(l[end])) ++end;
        ++after;
    }
    e.text = std::string(l.substr(begin, end - begin));
    e.caret = static_cast<std::uint32_t>(before + 1);
    e.cut_before = begin > 0;
    e.cut_after = end < l.size();
    return e;
}

}  // namespace wijk
