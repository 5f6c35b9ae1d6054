#include "source/overlay_source.h"

#include <algorithm>

#include "source/listing.h"

namespace wijk {

OverlaySource::OverlaySource(std::shared_ptr<const FileSource> base, std::string root)
    : base_(std::move(base)), root_(base_ ? base_->root() : std::move(root)) {}

void OverlaySource::set(std::string path, std::string bytes) {
    std::lock_guard<std::mutex> lock(mutex_);
    texts_[std::move(path)] = std::move(bytes);
}

void OverlaySource::drop(std::string_view path) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (auto it = texts_.find(path); it != texts_.end()) texts_.erase(it);
}

std::string OverlaySource::describe() const {
    return base_ ? base_->describe() + " with unsaved changes" : "texts in memory";
}

Listing OverlaySource::list(const std::vector<std::string>& exclude) const {
    Listing out = base_ ? base_->list(exclude) : Listing{};
    std::lock_guard<std::mutex> lock(mutex_);
    for (const auto& [path, bytes] : texts_) {
        std::string norm;
        if (!normalise_relative(path, norm) || is_hidden(norm) || is_excluded(norm, exclude)) continue;
        if (classify(norm) != PathKind::data) continue;
        // a buffer over a link that led outside is now a text of its own
        std::erase(out.links_outside, norm);
        if (!std::binary_search(out.files.begin(), out.files.end(), norm))
            out.files.insert(std::lower_bound(out.files.begin(), out.files.end(), norm), norm);
    }
    return out;
}

ReadResult OverlaySource::read(std::string_view path, std::string& out) const {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (auto it = texts_.find(path); it != texts_.end()) {
            out = it->second;
            ReadResult r;
            if (out.size() > max_file_bytes) {
                out.clear();
                r.status = ReadResult::Status::too_large;
            }
            return r;
        }
    }
    if (base_) return base_->read(path, out);
    out.clear();
    ReadResult r;
    r.status = ReadResult::Status::missing;
    return r;
}

bool OverlaySource::exists(std::string_view path) const {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (texts_.count(path)) return true;
    }
    return base_ && base_->exists(path);
}

}  // namespace wijk
