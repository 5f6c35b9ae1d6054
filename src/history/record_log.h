// The commits that changed one record (`wijk log`): walks the history from a commit, newest
// first, and in each commit compares the record with its parent's, following it by its key
// across files and renames of files. Only files that a commit changed are looked at, and only
// those whose bytes hold the id are parsed (each blob once).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "report/record_diff.h"
#include "source/git_repository.h"

namespace wijk {

struct LogQuery {
    std::string collection;  // "agreements"
    std::string id;
    std::optional<std::string> since, until;  // YYYY-MM-DD, inclusive, on the author's date
    std::optional<std::size_t> limit;         // at most this many entries
};

struct LogResult {
    std::vector<RecordHistoryEntry> entries;  // newest first
    bool found = false;                       // some commit held the record (whatever the dates)
};

// `prefix`: the data root relative to the top of the work tree ("" or "data/").
bool record_log(const GitRepository& repo, const GitId& start, const std::string& prefix, const LogQuery& query,
                LogResult& out, Text& why);

// A commit as wijk log shows it: the author's date on the author's clock.
CommitSummary summarise(const GitCommit& commit);

}  // namespace wijk
