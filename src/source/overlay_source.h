// Texts held in memory over another source: an editor's unsaved buffers over the working tree
// (the language server), or files that exist only in memory (tests, the fuzzer).
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "source/file_source.h"

namespace wijk {

class OverlaySource : public FileSource {
public:
    // Over `base` (may be null: only the texts set here exist), for the data root `root`.
    OverlaySource(std::shared_ptr<const FileSource> base, std::string root);

    // The text of `path` (relative to the root) is `bytes`, whatever the base holds.
    void set(std::string path, std::string bytes);
    // `path` is read from the base again.
    void drop(std::string_view path);

    const std::string& root() const override { return root_; }
    std::string describe() const override;
    Listing list(const std::vector<std::string>& exclude) const override;
    ReadResult read(std::string_view path, std::string& out) const override;
    bool exists(std::string_view path) const override;

private:
    std::shared_ptr<const FileSource> base_;
    std::string root_;
    mutable std::mutex mutex_;
    std::map<std::string, std::string, std::less<>> texts_;
};

}  // namespace wijk
