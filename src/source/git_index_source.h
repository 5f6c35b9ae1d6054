// The data files as the git index holds them (what `git commit` would record), for
// `validate --staged` in a pre-commit hook: read through the git command line (`git ls-files`,
// `git cat-file --batch`); untracked files and unstaged changes are not seen.
#pragma once

#include <map>
#include <mutex>
#include <memory>
#include <optional>
#include <string>

#include "source/file_source.h"

namespace wijk {

class GitIndexSource : public FileSource {
public:
    // nullopt, with `why` set, when `root` is not inside a git work tree or git cannot be run.
    static std::unique_ptr<GitIndexSource> open(const std::string& root, Text& why);

    const std::string& root() const override { return root_; }
    std::string describe() const override { return "the git index"; }
    Listing list(const std::vector<std::string>& exclude) const override;
    ReadResult read(std::string_view path, std::string& out) const override;
    bool exists(std::string_view path) const override;

private:
    struct Entry {
        std::string mode;    // 100644, 100755, 120000 (a link), 160000 (a submodule)
        std::string object;  // the blob's id
        bool conflicted = false;
        std::optional<std::string> bytes;  // read by load_blobs()
    };
    GitIndexSource() = default;
    void load_blobs() const;
    void read_all_blobs() const;
    // The entry a path names, following links inside the root; nullptr when none.
    const Entry* resolve(std::string_view rel, bool& outside) const;

    std::string root_;
    mutable std::map<std::string, Entry, std::less<>> entries_;  // by path relative to the root
    mutable std::once_flag blobs_once_;
    mutable Text blob_error_;
};

}  // namespace wijk
