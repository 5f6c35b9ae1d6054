// Between wijk's places and the protocol's: file URIs and paths, a diagnostic's mark and a
// range in the editor's text, positions and ranges as JSON.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "lsp/text.h"
#include "model/mark.h"

namespace wijk::lsp {

using json = nlohmann::json;

// file:///home/a/b%20c.yaml -> /home/a/b c.yaml; nullopt for another scheme or a malformed URI.
std::optional<std::string> path_from_uri(std::string_view uri);
// The other way, every byte outside A-Z a-z 0-9 - . _ ~ / percent-encoded.
std::string uri_from_path(std::string_view path);

// The range of what `mark` (line and character column, 1-based, in the loader's normalised
// text: no BOM) points at in `text`: from the column to the end of the value or key there. A
// mark at line 0 (the file as a whole) is the start of the first line.
Range mark_range(std::string_view text, const LineTable& lines, const Mark& mark);
// The byte offset of a mark's line and column in `text`.
std::size_t mark_offset(std::string_view text, const LineTable& lines, const Mark& mark);

json to_json(Position p);
json to_json(const Range& r);
// A position from the client's JSON; nullopt when it is not one (missing or negative numbers
// are not positions; numbers past a line's end are clamped later, as the protocol says).
std::optional<Position> position_from(const json& j);
std::optional<Range> range_from(const json& j);

// Safe readers of a client's JSON: the value at `key` when it has the type, else the fallback.
std::string string_at(const json& j, std::string_view key, std::string fallback = {});
const json& object_at(const json& j, std::string_view key);

}  // namespace wijk::lsp
