// The selection rules of data-format.md section 1, shared by every source: which paths below the
// data root are data files, which only look like data, and which are never looked at.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace wijk {

// `*`, `?` within a path segment; `**` any number of segments; a pattern that matches a folder
// also excludes everything below it.
bool glob_match(std::string_view pattern, std::string_view path);

// Is a path relative to the root hidden (a segment that starts with '.')?
bool is_hidden(std::string_view rel);
// Does any of wijk.yaml's `exclude:` globs match the path or one of its folders?
bool is_excluded(std::string_view rel, const std::vector<std::string>& exclude);

enum class PathKind {
    data,       // a data file: read
    lookalike,  // `B.YAML`, `agreements.yaml.txt`, `partners.yml.bak`: warned about, not read
    other,      // anything else, wijk.yaml included: not looked at
};
// What a file's path (relative to the root, not hidden, not excluded) is.
PathKind classify(std::string_view rel);

// Is `rel` (relative to the data root, its folders already resolved) a file that loading reads
// as data: not hidden, not excluded, a data file name? Writes refuse to replace such a file
// (reports never overwrite records).
bool is_data_file(std::string_view rel, const std::vector<std::string>& exclude);

// `a/./b/../c` -> `a/c`; false when the path leaves the root (`..` past it) or is absolute.
bool normalise_relative(std::string_view path, std::string& out);

}  // namespace wijk
