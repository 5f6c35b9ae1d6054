// What the git index and a git tree have in common as sources: a fixed table of the entries
// below the data root (path -> mode and blob id), symbolic links (mode 120000) resolved inside
// that table by the rule of the disk (only to a file inside the root, not in a hidden folder),
// and blobs read from the repository when they are asked for.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "source/file_source.h"
#include "source/git_repository.h"

namespace wijk {

class GitSnapshotSource : public FileSource {
public:
    const std::string& root() const override { return root_; }
    Listing list(const std::vector<std::string>& exclude) const override;
    ReadResult read(std::string_view path, std::string& out) const override;
    bool exists(std::string_view path) const override;

    // git's id of the bytes read(path) gives (links followed), known without reading them:
    // two states whose files have one id hold the same bytes. nullopt when read() would fail.
    std::optional<GitId> blob_id(std::string_view path) const;
    const GitRepository& repository() const { return *repo_; }
    const std::shared_ptr<GitRepository>& shared_repository() const { return repo_; }
    // The data root relative to the top of the work tree ("" or "data/").
    const std::string& prefix() const { return prefix_; }

protected:
    struct Entry {
        std::uint32_t mode = 0;
        GitId id;
        bool conflicted = false;  // the index only: the stages of a merge in progress
    };
    GitSnapshotSource(std::shared_ptr<GitRepository> repo, std::string root, std::string prefix)
        : repo_(std::move(repo)), root_(std::move(root)), prefix_(std::move(prefix)) {}
    // The entry a path names, following links inside the root; nullptr when none.
    const Entry* resolve(std::string_view rel, bool& outside) const;

    std::shared_ptr<GitRepository> repo_;
    std::string root_;
    std::string prefix_;
    std::map<std::string, Entry, std::less<>> entries_;  // by path relative to the root
};

}  // namespace wijk
