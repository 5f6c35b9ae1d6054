// The data files as a commit holds them, for `--rev REV` and `wijk diff`: read from git's
// objects with libgit2, without a checkout; the work tree and the index are not touched.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "source/git_snapshot.h"

namespace wijk {

class GitTreeSource : public GitSnapshotSource {
public:
    enum class Failure {
        none,
        no_repository,     // not inside a git work tree (exit 3)
        unknown_revision,  // no such branch, tag or commit, or not a commit (exit 2)
        unborn,            // HEAD of a repository without commits
        error,             // git could not read what it needs (exit 3)
    };
    // The tree of `revision` below the data root `root`. nullptr, with `why` and `failure`
    // set, when it cannot be had.
    static std::unique_ptr<GitTreeSource> open(const std::string& root, std::string_view revision, Text& why,
                                               Failure& failure);
    static std::unique_ptr<GitTreeSource> open(std::shared_ptr<GitRepository> repo, const std::string& root,
                                               std::string_view revision, Text& why, Failure& failure);
    // A commit's tree; `label` is how it is named in messages.
    static std::unique_ptr<GitTreeSource> at_commit(std::shared_ptr<GitRepository> repo, const std::string& root,
                                                    const GitId& commit, std::string label, Text& why);
    // No files at all: the state before the first commit.
    static std::unique_ptr<GitTreeSource> empty(std::shared_ptr<GitRepository> repo, const std::string& root,
                                                std::string label);

    // "v2025-12 (1a2b3c4)"
    std::string describe() const override;
    const std::string& revision() const { return label_; }
    // The commit read; empty() for the state before the first commit.
    const GitId& commit() const { return commit_; }
    // Does the data folder exist at this revision?
    bool has_root() const { return has_root_; }

private:
    using GitSnapshotSource::GitSnapshotSource;
    std::string label_;
    GitId commit_;
    bool has_root_ = false;
};

}  // namespace wijk
