// Two states of a data repository (two file sources: a commit, the index, the working tree)
// compared record by record. Only the files that differ are parsed: between git states their
// blob ids say so without reading them; a file on disk is read and hashed as git would.
#pragma once

#include "report/record_diff.h"
#include "source/file_source.h"

namespace wijk {

struct StateDiffOptions {
    unsigned threads = 0;  // 0: one per core
};

RecordDiff diff_states(const FileSource& before, const FileSource& after, const StateDiffOptions& options = {});

// The records a data file's bytes hold (an empty list for an empty file); false, with the
// first problem in `unread` (its `file` and `before` left to the caller), when its YAML
// cannot be read.
bool records_of_file(std::string_view bytes, std::string_view file, std::vector<WrittenRecord>& out,
                     UnreadFile& unread);

}  // namespace wijk
