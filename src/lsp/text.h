// A text as the editor holds it, and the protocol's positions in it: a line (split at LF, CRLF
// or CR) and a character offset counted in UTF-16 code units, as LSP requires by default. Every
// conversion clamps: a position past the end of a line or of the text is its end, never an error.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wijk::lsp {

struct Position {
    std::uint32_t line = 0;
    std::uint32_t character = 0;  // UTF-16 code units
    friend auto operator<=>(const Position&, const Position&) = default;
};

struct Range {
    Position start, end;
};

class LineTable {
public:
    LineTable() = default;
    explicit LineTable(std::string_view text);

    std::size_t lines() const { return starts_.size(); }
    // Line `line` without its line end (clamped to the last line).
    std::string_view line(std::string_view text, std::size_t line) const;
    std::size_t line_start(std::size_t line) const;
    // The byte offset of a position (clamped), and the position of a byte offset.
    std::size_t offset(std::string_view text, Position p) const;
    Position position(std::string_view text, std::size_t offset) const;

private:
    std::vector<std::size_t> starts_{0};
};

// UTF-16 code units of `s` (invalid UTF-8 bytes count one each), and the byte offset in `s`
// reached after `units` of them (never inside a character).
std::uint32_t utf16_length(std::string_view s);
std::size_t utf16_to_byte(std::string_view s, std::uint32_t units);
// The byte offset in `line` of the 1-based character column a diagnostic gives (characters as
// model/line_index.h counts them: every byte that does not continue a UTF-8 sequence).
std::size_t column_to_byte(std::string_view line, std::uint32_t column);

// An open document: its text and lines, changed by the editor's edits.
class Document {
public:
    Document() = default;
    Document(std::string text, std::int64_t version);

    const std::string& text() const { return text_; }
    const LineTable& lines() const { return lines_; }
    std::int64_t version() const { return version_; }
    void set_version(std::int64_t v) { version_ = v; }

    void replace_all(std::string text);
    // Replaces `range` (clamped; start after end: swapped) by `with`.
    void replace(Range range, std::string_view with);

    std::string_view line(std::size_t n) const { return lines_.line(text_, n); }
    std::size_t offset(Position p) const { return lines_.offset(text_, p); }
    Position position(std::size_t offset) const { return lines_.position(text_, offset); }

private:
    std::string text_;
    LineTable lines_;
    std::int64_t version_ = 0;
};

}  // namespace wijk::lsp
