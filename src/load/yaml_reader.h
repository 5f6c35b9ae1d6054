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
#include "model/line_index.h"
#include "model/value.h"

namespace wijk {

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

}  // namespace wijk
