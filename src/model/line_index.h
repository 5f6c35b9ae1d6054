// Positions in a file's text: the text the parser reads (without a BOM, every line end a LF),
// its line starts, and byte offsets turned into lines and character columns. Every Loc is an
// offset into such a text; this is the one place that turns it into what a person reads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/locator.h"
#include "model/mark.h"

namespace wijk {

// The text the parser reads: without a BOM, every line end a LF.
std::string normalise_text(std::string_view bytes);

// Line starts of a normalised text. A view: the text must outlive it. A column costs at most a
// few hundred steps however long its line (a file of one 14 MB line has a column for each of a
// million values), because long lines keep the character count of every 256th byte.
class LineIndex {
public:
    LineIndex() = default;
    explicit LineIndex(std::string_view text);

    std::string_view text() const { return text_; }
    std::size_t lines() const { return starts_.size(); }
    std::size_t start(std::size_t line0) const { return starts_[line0]; }
    std::string_view line(std::size_t line0) const;
    // The 1-based character column of a byte offset within line `line0`.
    std::uint32_t column(std::size_t line0, std::size_t byte_in_line) const;
    Mark mark(std::uint32_t file, std::size_t line0, std::size_t byte_in_line) const;
    Mark at_pos(std::uint32_t file, std::size_t pos) const;
    Mark at(std::uint32_t file, Loc loc) const;  // line 0 when it lies outside the text
    // The byte offset of a mark's line and column (the end of the line when the column is past it).
    std::size_t offset(const Mark& mark) const;
    // About `width` characters of line `mark.line` around `mark.column`.
    std::optional<Excerpt> excerpt(const Mark& mark, std::size_t width = 200) const;

private:
    std::size_t byte_of_column(std::size_t line0, std::uint32_t column) const;
    static constexpr std::size_t step = 256;          // bytes between two kept counts
    static constexpr std::size_t long_line = 4096;    // lines at least this long keep counts
    std::string_view text_;
    std::vector<std::size_t> starts_{0};
    std::unordered_map<std::size_t, std::vector<std::uint32_t>> counts_;  // line0 -> characters before byte k*step
};

// The 1-based column in characters of a byte offset within a line (scans the line: for short
// texts; a LineIndex answers in bounded time).
std::uint32_t char_column(std::string_view line, std::size_t byte_offset);

}  // namespace wijk
