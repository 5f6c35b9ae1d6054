// The record and key path of every node of a data file, found by reading the file's YAML again
// (only for a file whose problems need it: GitLab fingerprints). Records are decoded and dropped
// while loading, so this is the one way back from a line and column to "agreement X, key Y".
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/locator.h"

namespace wijk {

struct FilePlaces {
    struct Node {
        std::size_t pos;      // byte offset in the normalised text
        std::uint32_t record;  // index into records; UINT32_MAX outside any record
        std::string path;     // key path inside the record
    };
    std::vector<std::string> records;  // "collection:key" per record, in file order
    std::vector<Node> nodes;           // by position
    // The place of the last node at or before `pos`.
    RecordPlace at(std::size_t pos) const;
};

// Reads a normalised text (one document); what a syntax error cuts off is simply not there.
FilePlaces record_places(std::string_view text);

}  // namespace wijk
