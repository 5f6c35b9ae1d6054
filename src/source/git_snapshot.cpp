#include "source/git_snapshot.h"

#include "source/listing.h"

namespace wijk {

const GitSnapshotSource::Entry* GitSnapshotSource::resolve(std::string_view rel, bool& outside) const {
    outside = false;
    std::string path;
    if (!normalise_relative(rel, path)) {
        outside = true;
        return nullptr;
    }
    for (int hops = 0; hops < 16; ++hops) {
        auto it = entries_.find(path);
        if (it == entries_.end()) return nullptr;
        if (it->second.mode != git_mode::link) return &it->second;
        // a link: its blob is the target, relative to the link's folder unless absolute
        std::string target;
        Text why;
        if (it->second.conflicted ||
            repo_->read_blob(it->second.id, 4096, target, why) != GitRepository::BlobStatus::ok)
            return nullptr;
        auto slash = path.rfind('/');
        std::string joined = (slash == std::string::npos ? std::string() : path.substr(0, slash + 1)) + target;
        std::string next;
        if (target.empty() || target[0] == '/' || !normalise_relative(joined, next) || is_hidden(next)) {
            outside = true;
            return nullptr;
        }
        path = next;
    }
    outside = true;  // a loop of links
    return nullptr;
}

Listing GitSnapshotSource::list(const std::vector<std::string>& exclude) const {
    Listing out;
    for (const auto& [rel, e] : entries_) {  // a std::map: byte order
        if (is_hidden(rel) || is_excluded(rel, exclude) || e.mode == git_mode::submodule) continue;
        switch (classify(rel)) {
            case PathKind::data: {
                bool outside = false;
                if (e.mode == git_mode::link) {
                    const Entry* target = resolve(rel, outside);
                    if (outside || (target && target->mode == git_mode::submodule)) {
                        out.links_outside.push_back(rel);
                        break;
                    }
                }
                out.files.push_back(rel);
                break;
            }
            case PathKind::lookalike: out.lookalikes.push_back(rel); break;
            case PathKind::other: break;
        }
    }
    return out;
}

ReadResult GitSnapshotSource::read(std::string_view path, std::string& out) const {
    out.clear();
    ReadResult r;
    bool outside = false;
    const Entry* e = resolve(path, outside);
    if (outside) {
        r.status = ReadResult::Status::link_outside;
        return r;
    }
    if (!e || e->mode == git_mode::submodule) {
        r.status = ReadResult::Status::missing;
        return r;
    }
    if (e->conflicted) {
        r.status = ReadResult::Status::error;
        r.why = Text("the file has merge conflicts in the index", "het bestand heeft samenvoegconflicten in de index");
        return r;
    }
    Text why;
    switch (repo_->read_blob(e->id, max_file_bytes, out, why)) {
        case GitRepository::BlobStatus::ok: return r;
        case GitRepository::BlobStatus::too_large: r.status = ReadResult::Status::too_large; return r;
        case GitRepository::BlobStatus::missing:
            r.status = ReadResult::Status::error;
            r.why = Text("git does not have its contents (a shallow or partial clone?)",
                         "git heeft de inhoud niet (een ondiepe of gedeeltelijke kloon?)");
            return r;
        case GitRepository::BlobStatus::error:
            r.status = ReadResult::Status::error;
            r.why = why;
            return r;
    }
    return r;
}

bool GitSnapshotSource::exists(std::string_view path) const {
    bool outside = false;
    const Entry* e = resolve(path, outside);
    return e && !outside && !e->conflicted && e->mode != git_mode::submodule;
}

std::optional<GitId> GitSnapshotSource::blob_id(std::string_view path) const {
    bool outside = false;
    const Entry* e = resolve(path, outside);
    if (!e || outside || e->conflicted || !git_mode::is_file(e->mode)) return std::nullopt;
    return e->id;
}

}  // namespace wijk
