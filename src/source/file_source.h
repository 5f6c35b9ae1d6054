// Where a repository state's bytes come from: the files on disk, the git index or a git tree, or
// an editor's unsaved buffers over either. A source lists the data files of a data root (by the
// selection rules of data-format.md section 1) and reads their bytes; nothing above it touches
// the filesystem or git.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/i18n.h"

namespace wijk {

// The largest file wijk reads (a data file is a few hundred records written by hand).
inline constexpr std::size_t max_file_bytes = 16u * 1024u * 1024u;

// What a source found below the data root. Paths are relative to the root, '/'-separated.
struct Listing {
    std::vector<std::string> files;  // the data files, in byte order; wijk.yaml is not among them
    // Names that look like data but are not read (`B.YAML`, `partners.yml.bak`): warned about,
    // so that nobody wonders why their records are missing.
    std::vector<std::string> lookalikes;
    // Data-file names that are symbolic links leading outside the data root, or into a hidden
    // folder: errors, never read.
    std::vector<std::string> links_outside;
    struct Problem {
        std::string folder;  // "." for the root
        Text why;
    };
    std::vector<Problem> problems;  // folders that could not be listed
};

struct ReadResult {
    enum class Status { ok, missing, too_large, error, link_outside };
    Status status = Status::ok;
    Text why;  // for error
    bool ok() const { return status == Status::ok; }
};

class FileSource {
public:
    virtual ~FileSource() = default;
    // The data root's absolute path on disk (for messages, and the cache's key): the root the
    // user named, whatever the source reads from.
    virtual const std::string& root() const = 0;
    // What this source is, for messages: "the working tree", "the git index", "HEAD".
    virtual std::string describe() const = 0;
    // The data files under the root, by the selection rules; `exclude` are wijk.yaml's globs.
    virtual Listing list(const std::vector<std::string>& exclude) const = 0;
    // Reads file `path` (relative to the root) into `out`, replacing its content. Never blocks
    // (no FIFO, no device), never reads more than max_file_bytes, never follows a link out of
    // the root.
    virtual ReadResult read(std::string_view path, std::string& out) const = 0;
    // Is there a regular file at `path` (for `document:` paths)? Never looks outside the root.
    virtual bool exists(std::string_view path) const = 0;
};

}  // namespace wijk
