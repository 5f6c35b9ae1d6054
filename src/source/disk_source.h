// The files of a data root on disk: the working tree.
#pragma once

#include <optional>
#include <string>

#include "source/file_source.h"

namespace wijk {

// --data, else WIJK_DATA, else walking up from `cwd` to the first folder with wijk.yaml
// (stopping at a folder with .git, or at /). nullopt: no root.
std::optional<std::string> find_data_root(const std::optional<std::string>& option, const char* env,
                                          const std::string& cwd);

// The root of the git work tree that holds `folder` (the nearest folder with a `.git` entry at
// or above it, not above a folder of GIT_CEILING_DIRECTORIES), or nullopt. Found on disk,
// without running git.
std::optional<std::string> find_work_tree(const std::string& folder);

class DiskSource : public FileSource {
public:
    explicit DiskSource(std::string root);
    ~DiskSource() override;
    DiskSource(const DiskSource&) = delete;
    DiskSource& operator=(const DiskSource&) = delete;
    const std::string& root() const override { return root_; }
    std::string describe() const override { return "the working tree"; }
    Listing list(const std::vector<std::string>& exclude) const override;
    ReadResult read(std::string_view path, std::string& out) const override;
    bool exists(std::string_view path) const override;

private:
    // The real path of `rel` when it lies inside the root and not in a hidden folder (links
    // resolved); nullopt otherwise or when it does not exist.
    std::optional<std::string> inside(std::string_view rel) const;
    std::string root_;
    std::string real_root_;  // the root with every link resolved, for "inside the root"
    // The root folder, held open: each file is opened relative to it (one open per file, and
    // no walk of the root's own path each time: a repeat run costs what reading costs).
    int root_fd_ = -1;
};

// Reads a regular file without blocking on FIFOs or devices and without following a final
// symbolic link; at most max_file_bytes.
ReadResult read_regular_file(const std::string& path, std::string& out);
// The same for `path` relative to the folder `dir` (a descriptor, or AT_FDCWD).
ReadResult read_regular_file_at(int dir, const std::string& path, std::string& out);

// What the system says about an errno value.
Text system_error_text(int error);

}  // namespace wijk
