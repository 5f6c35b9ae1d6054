// YAML text -> Value tree with marks, through yaml-cpp's event API, guarded against what
// yaml-cpp gets wrong or lets through: duplicate keys, anchors and aliases (never expanded),
// tags and directives, several documents (found without LoadAll, which can hang), deep
// nesting, invalid UTF-8, control and bidi characters, lone CR line ends.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>
#include <string_view>

#include "model/diagnostic.h"
#include "model/value.h"

namespace wijk {

inline constexpr std::size_t max_file_bytes = 16u * 1024u * 1024u;
inline constexpr int max_nesting = 64;

// Called for each record (a mapping in a sequence under a top-level key) as soon as it is
// read, with that key; true when it took the record, which the tree then holds as a
// Value::Type::decoded placeholder: a file's tree never holds more than one record.
using RecordSink = std::function<bool(std::string_view key, const Value& record)>;

// Parses one data file's bytes. Problems go to `diags` with marks in file `file`.
// Returns nullopt when nothing usable was read (syntax error, empty file, bad bytes); what
// the sink took from such a file should then be dropped by the caller.
std::optional<Value> read_yaml(std::string_view bytes, std::uint32_t file, Diagnostics& diags,
                               const RecordSink* sink = nullptr);

// The text the parser reads: without a BOM, every line end a LF. Locs are offsets into it.
std::string normalise_text(std::string_view bytes);

// Line starts of a normalised text, to turn byte offsets into lines and character columns.
// A view: the text must outlive it.
struct LineIndex {
    std::string_view text;
    std::vector<std::size_t> starts{0};
    LineIndex() = default;
    explicit LineIndex(std::string_view t);
    std::string_view line(std::size_t index0) const;
    Mark mark(std::uint32_t file, std::size_t line0, std::size_t byte_col0) const;
    Mark at_pos(std::uint32_t file, std::size_t pos) const;
    Mark at(std::uint32_t file, Loc loc) const;  // line 0 when it lies outside the text
};

// The line and column of a Loc in a normalised text (line 0 when it lies outside).
Mark mark_at(std::string_view text, std::uint32_t file, Loc loc);

// The 1-based column in characters of a byte offset within a line.
std::uint32_t char_column(std::string_view line, std::size_t byte_offset);

}  // namespace wijk
