#include "source/git_index_source.h"

#include <algorithm>

#include "source/listing.h"
#include "source/process.h"

namespace wijk {

std::unique_ptr<GitIndexSource> GitIndexSource::open(const std::string& root, Text& why) {
    ProcessResult where = run_process({"git", "-C", root, "rev-parse", "--is-inside-work-tree", "--show-prefix"});
    if (!where.started) {
        why = Text("git cannot be run (is it installed?)", "git kan niet worden gestart (is het geïnstalleerd?)");
        return nullptr;
    }
    if (where.status != 0 || where.out.rfind("true\n", 0) != 0) {
        why = Text("the data folder is not inside a git work tree", "de gegevensmap ligt niet in een git-werkmap");
        return nullptr;
    }
    std::string prefix = where.out.substr(5);  // the root relative to the top, with a final '/'
    while (!prefix.empty() && (prefix.back() == '\n' || prefix.back() == '\r')) prefix.pop_back();
    ProcessResult listed = run_process({"git", "-C", root, "ls-files", "--stage", "-z", "--full-name", "--", "."});
    if (listed.status != 0) {
        std::string err = listed.err.substr(0, listed.err.find('\n'));
        why = say("git ls-files failed: {}", "git ls-files mislukte: {}", err);
        return nullptr;
    }
    auto source = std::unique_ptr<GitIndexSource>(new GitIndexSource);
    source->root_ = root;
    std::string_view all = listed.out;
    while (!all.empty()) {
        auto end = all.find('\0');
        std::string_view line = all.substr(0, end);
        all = end == std::string_view::npos ? std::string_view() : all.substr(end + 1);
        // "<mode> <object> <stage>\t<path>"
        auto tab = line.find('\t');
        if (tab == std::string_view::npos) continue;
        std::string_view meta = line.substr(0, tab), path = line.substr(tab + 1);
        auto s1 = meta.find(' '), s2 = meta.rfind(' ');
        if (s1 == std::string_view::npos || s2 == s1) continue;
        if (path.substr(0, prefix.size()) != prefix) continue;
        std::string rel(path.substr(prefix.size()));
        Entry& e = source->entries_[rel];
        bool stage0 = meta.substr(s2 + 1) == "0";
        if (stage0) {
            e.mode = std::string(meta.substr(0, s1));
            e.object = std::string(meta.substr(s1 + 1, s2 - s1 - 1));
            e.conflicted = false;
        } else if (e.object.empty()) {
            e.conflicted = true;  // only the stages of a merge in progress
        }
    }
    return source;
}

void GitIndexSource::load_blobs() const {
    // once, for every file at once: one git process, whatever the number of threads reading
    std::call_once(blobs_once_, [this] { read_all_blobs(); });
}

void GitIndexSource::read_all_blobs() const {
    std::string request;
    std::vector<Entry*> wanted;
    for (auto& [rel, e] : entries_) {
        if (e.conflicted || e.object.empty() || e.mode == "160000") continue;
        if (is_hidden(rel)) continue;
        if (e.mode != "120000" && classify(rel) != PathKind::data && rel != "wijk.yaml") continue;
        request += e.object + "\n";
        wanted.push_back(&e);
    }
    if (wanted.empty()) return;
    ProcessResult r = run_process({"git", "-C", root_, "cat-file", "--batch"}, request);
    if (r.status != 0) {
        blob_error_ = say("git cat-file failed: {}", "git cat-file mislukte: {}", r.err.substr(0, r.err.find('\n')));
        return;
    }
    // "<object> blob <size>\n<bytes>\n" per request, in order
    std::size_t at = 0;
    for (Entry* e : wanted) {
        auto nl = r.out.find('\n', at);
        if (nl == std::string::npos) break;
        std::string_view header(r.out.data() + at, nl - at);
        at = nl + 1;
        auto sp = header.rfind(' ');
        if (header.find(" missing") != std::string_view::npos || sp == std::string_view::npos) continue;
        std::size_t size = std::strtoull(std::string(header.substr(sp + 1)).c_str(), nullptr, 10);
        if (at + size > r.out.size()) break;
        e->bytes = r.out.substr(at, size);
        at += size + 1;
    }
}

const GitIndexSource::Entry* GitIndexSource::resolve(std::string_view rel, bool& outside) const {
    outside = false;
    std::string path;
    if (!normalise_relative(rel, path)) {
        outside = true;
        return nullptr;
    }
    for (int hops = 0; hops < 16; ++hops) {
        auto it = entries_.find(path);
        if (it == entries_.end()) return nullptr;
        if (it->second.mode != "120000") return &it->second;
        load_blobs();
        if (!it->second.bytes) return nullptr;
        // a link: its blob is the target, relative to the link's folder unless absolute
        const std::string& target = *it->second.bytes;
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

Listing GitIndexSource::list(const std::vector<std::string>& exclude) const {
    Listing out;
    for (const auto& [rel, e] : entries_) {  // a std::map: byte order
        if (is_hidden(rel) || is_excluded(rel, exclude) || e.mode == "160000") continue;
        switch (classify(rel)) {
            case PathKind::data: {
                bool outside = false;
                if (e.mode == "120000") {
                    const Entry* target = resolve(rel, outside);
                    if (outside || (target && target->mode == "160000")) {
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

ReadResult GitIndexSource::read(std::string_view path, std::string& out) const {
    out.clear();
    ReadResult r;
    bool outside = false;
    const Entry* e = resolve(path, outside);
    if (outside) {
        r.status = ReadResult::Status::link_outside;
        return r;
    }
    if (!e) {
        r.status = ReadResult::Status::missing;
        return r;
    }
    if (e->conflicted) {
        r.status = ReadResult::Status::error;
        r.why = Text("the file has merge conflicts in the index", "het bestand heeft samenvoegconflicten in de index");
        return r;
    }
    load_blobs();
    if (!e->bytes) {
        r.status = ReadResult::Status::error;
        r.why = blob_error_.empty() ? Text("git could not read it", "git kon het niet lezen") : blob_error_;
        return r;
    }
    if (e->bytes->size() > max_file_bytes) {
        r.status = ReadResult::Status::too_large;
        return r;
    }
    out = *e->bytes;
    return r;
}

bool GitIndexSource::exists(std::string_view path) const {
    bool outside = false;
    const Entry* e = resolve(path, outside);
    return e && !outside && !e->conflicted && e->mode != "160000";
}

}  // namespace wijk
