// Where the cursor is in a data file, read from its lines as a person indents them: which
// collection and record, which key path, a key or a value. Made for text being typed, so it
// never needs the file to parse: a half-written key, a missing value or a broken line further
// on still give an answer (the YAML parser would stop at the first error).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lsp/text.h"
#include "model/key_table.h"

namespace wijk::lsp {

// One step from the root of a file to a node: a key of a mapping, or an item of a sequence.
struct Step {
    std::string key;  // empty for an item
    bool item() const { return key.empty(); }
    friend bool operator==(const Step&, const Step&) = default;
};

struct Cursor {
    // The node at the cursor: for `bare`, the mapping or sequence the word at the cursor stands
    // in (its keys, or its items); for `value`, the value itself (the last step is its key, or
    // an item of a list).
    std::vector<Step> path;
    enum class At { bare, value, nothing } at = At::nothing;
    // The word at the cursor (ids, keys and enum values are words): bytes of its line.
    std::size_t word_start = 0, word_end = 0;
    std::string word;
    std::string typed;  // the part of the word before the cursor
    // Keys already written in the mapping at the cursor (bare in a mapping).
    std::vector<std::string> siblings;
    // Their values, where a sibling is a scalar on its own line or in the same flow mapping.
    std::vector<std::pair<std::string, std::string>> sibling_values;
    // Items already written in the flow sequence at the cursor (`[a, b, |]`).
    std::vector<std::string> list_items;
    bool flow = false;   // the node is inside `{...}` or `[...]`
    bool colon_follows = false;  // bare: the word is already followed by ':' (a key being changed)
};

// `pos` in `text` (its lines in `lines`).
Cursor cursor_at(std::string_view text, const LineTable& lines, Position pos);

// What the path leads to in the key tables.
struct Resolved {
    bool collections = false;              // the top level of a data file: collection names
    const RecordSpec* mapping = nullptr;   // a mapping of this record spec (its keys)
    const KeySpec* value = nullptr;        // a value of this key
    bool element = false;                  // ... an item of its list
    bool list = false;                     // ... its whole list (`neighbourhoods: |`)
    const RecordSpec* owner = nullptr;     // the spec `value` is a key of
    std::string collection;                // the collection the path lies in; "" in wijk.yaml
    bool horizon = false;                  // wijk.yaml reminders.horizon: reminder kinds
};
Resolved resolve(const std::vector<Step>& path, bool config_file);

// The records of a data file (or the top-level keys and staff of wijk.yaml), from its lines.
struct OutlineEntry {
    std::string key, value;  // value: the scalar as written, quotes removed ("" for a block)
    std::size_t line = 0;    // 0-based
    std::size_t key_col = 0, value_col = 0, value_end = 0;  // bytes in the line
};
struct OutlineRecord {
    std::string collection;
    std::size_t first_line = 0, last_line = 0;  // 0-based, inclusive; blank lines after it excluded
    std::size_t column = 0;                     // of its `- `
    std::vector<OutlineEntry> entries;          // its own keys, in order
    const OutlineEntry* find(std::string_view key) const;
};
struct OutlineSection {
    std::string key;  // the top-level key
    std::size_t first_line = 0, last_line = 0;
    std::size_t key_end = 0;
};
struct Outline {
    std::vector<OutlineSection> sections;
    std::vector<OutlineRecord> records;  // of every collection (wijk.yaml: staff), in file order
    // The record whose lines hold `line`, or nullptr.
    const OutlineRecord* record_at(std::size_t line) const;
};
Outline outline_of(std::string_view text, const LineTable& lines);

// The extent of the scalar (or key) that starts at byte `from` of `line`: up to its closing
// quote, or for a plain scalar up to ": ", " #", the end of the line and, inside a flow
// collection, ',', ']' or '}' (trailing spaces excluded). At least one character when there is one.
std::size_t scalar_end(std::string_view line, std::size_t from);

// Is `c` part of a word (ids, keys, enum values, numbers, dates)?
bool word_byte(char c);

}  // namespace wijk::lsp
