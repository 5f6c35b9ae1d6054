// One file's bytes -> what it holds: its records, its diagnostics, and the hash of the bytes
// they came from. Loading a repository state is a map over its files (in parallel), then a
// merge; a unit does not know where its bytes came from, so it can be kept by that hash and
// used again (the language server after an edit elsewhere, the parse cache).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"
#include "model/records.h"

namespace wijk {

struct FileUnit {
    std::uint64_t hash = 0;   // content hash of the bytes (content_hash)
    std::uint32_t file = 0;   // the file index its marks carry (set_file changes it)
    RecordSet records;
    Diagnostics diags;        // what reading and decoding found (shape, syntax)
    bool dropped = false;     // broken YAML: its records were dropped, so none are known
};

// The content hash wijk keys units by (XXH3, 64 bits).
std::uint64_t content_hash(std::string_view bytes);

// Parses and decodes a data file. Records are decoded as the parser finishes each one, so that
// no file's whole tree is kept (a 1.6 MB liveability file makes a 16 MB tree); when the file
// turns out to be broken (a syntax error further on, an alias), what was decoded from it is
// dropped again, as if it had never been read: the tree would not say what the file means.
FileUnit parse_data_unit(std::string_view bytes, std::uint32_t file, TextPool& texts);

// Parses wijk.yaml (file index 0) into `config`; its diagnostics go to `diags`.
void parse_config(std::string_view bytes, Config& config, TextPool& texts, Diagnostics& diags);
// The `exclude:` globs of wijk.yaml's bytes, for reading a state without loading it (diff, log);
// problems in the file are the loading's to report.
std::vector<std::string> exclude_globs_of_config(std::string_view bytes);

// Gives every mark of the unit's records and diagnostics the file index `file`.
void set_file(FileUnit& unit, std::uint32_t file);

}  // namespace wijk
