// The data files as the git index holds them (what `git commit` would record), for
// `validate --staged` in a pre-commit hook: read with libgit2 (the index file a hook is given
// in GIT_INDEX_FILE included); untracked files and unstaged changes are not seen.
#pragma once

#include <memory>
#include <string>

#include "source/git_snapshot.h"

namespace wijk {

class GitIndexSource : public GitSnapshotSource {
public:
    // nullptr, with `why` set, when `root` is not inside a git work tree or the index cannot
    // be read.
    static std::unique_ptr<GitIndexSource> open(const std::string& root, Text& why);
    // The index of a repository already open.
    static std::unique_ptr<GitIndexSource> open(std::shared_ptr<GitRepository> repo, const std::string& root,
                                                Text& why);

    std::string describe() const override { return "the git index"; }

private:
    using GitSnapshotSource::GitSnapshotSource;
};

}  // namespace wijk
