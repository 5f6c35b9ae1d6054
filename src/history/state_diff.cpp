#include "history/state_diff.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

#include "load/unit.h"
#include "load/yaml_reader.h"
#include "source/git_snapshot.h"
#include "source/listing.h"

namespace wijk {

namespace {

Text read_problem(const ReadResult& r) {
    switch (r.status) {
        case ReadResult::Status::too_large:
            return say("the file is larger than {} MiB", "het bestand is groter dan {} MiB", max_file_bytes >> 20);
        case ReadResult::Status::link_outside:
            return Text("a symbolic link to a file outside the data folder", "een symbolische koppeling naar een bestand buiten de gegevensmap");
        case ReadResult::Status::missing:
            return Text("it disappeared while wijk was reading", "het verdween terwijl wijk las");
        case ReadResult::Status::error:
        case ReadResult::Status::ok: break;
    }
    return say("cannot read the file: {}", "kan het bestand niet lezen: {}", r.why);
}

std::vector<std::string> exclude_globs(const FileSource& source, std::string& bytes, bool& present) {
    present = source.read("wijk.yaml", bytes).ok();
    if (!present) {
        bytes.clear();
        return {};
    }
    return exclude_globs_of_config(bytes);
}

// One path of either listing, and what comparing it found.
struct Task {
    std::string path;
    bool in_before = false, in_after = false;
    std::vector<WrittenRecord> before, after;
    std::vector<UnreadFile> unread;
    bool compared = false;  // it differed, so it was read
};

std::optional<GitId> known_id(const FileSource& source, std::string_view path) {
    if (auto* git = dynamic_cast<const GitSnapshotSource*>(&source)) return git->blob_id(path);
    return std::nullopt;
}

void compare_file(const FileSource& before, const FileSource& after, Task& t) {
    std::string bytes_before, bytes_after;
    bool have_before = false, have_after = false;
    ReadResult read_before, read_after;
    if (t.in_before && t.in_after) {
        std::optional<GitId> id_before = known_id(before, t.path), id_after = known_id(after, t.path);
        if (id_before && id_after && *id_before == *id_after) return;
        // a side without ids (the working tree) is read and hashed as git hashes a blob
        if (!id_before) {
            read_before = before.read(t.path, bytes_before);
            have_before = true;
            if (read_before.ok() && id_after && git_blob_id(bytes_before) == *id_after) return;
        }
        if (!id_after) {
            read_after = after.read(t.path, bytes_after);
            have_after = true;
            if (read_after.ok() && id_before && git_blob_id(bytes_after) == *id_before) return;
        }
    }
    if (t.in_before && !have_before) read_before = before.read(t.path, bytes_before), have_before = true;
    if (t.in_after && !have_after) read_after = after.read(t.path, bytes_after), have_after = true;
    if (have_before && have_after && read_before.ok() && read_after.ok() && bytes_before == bytes_after) return;
    t.compared = true;
    bool ok_before = true, ok_after = true;
    auto side = [&](bool is_before, const ReadResult& r, const std::string& bytes, std::vector<WrittenRecord>& out) {
        UnreadFile u;
        if (!r.ok()) {
            u.why = read_problem(r);
        } else if (records_of_file(bytes, t.path, out, u)) {
            return true;
        }
        u.file = t.path;
        u.before = is_before;
        t.unread.push_back(std::move(u));
        out.clear();
        return false;
    };
    if (have_before) ok_before = side(true, read_before, bytes_before, t.before);
    if (have_after) ok_after = side(false, read_after, bytes_after, t.after);
    // A file that cannot be read on one side says nothing of its records there: the other
    // side's records are left out too, so that none of them looks added or removed.
    if (!ok_before || !ok_after) t.before.clear(), t.after.clear();
}

}  // namespace

bool records_of_file(std::string_view bytes, std::string_view file, std::vector<WrittenRecord>& out,
                     UnreadFile& unread) {
    Diagnostics diags;
    std::optional<Value> root = read_yaml(bytes, 0, diags);
    if (!root) {
        for (const Diagnostic& d : diags.items)
            if (d.severity == Severity::error) {
                unread.why = d.message;
                unread.line = d.at.line;
                return false;
            }
        return true;  // an empty file: no records
    }
    take_records(std::move(*root), file, out);
    return true;
}

RecordDiff diff_states(const FileSource& before, const FileSource& after, const StateDiffOptions& options) {
    RecordDiff diff;
    std::string config_before, config_after;
    bool has_config_before = false, has_config_after = false;
    std::vector<std::string> exclude_before = exclude_globs(before, config_before, has_config_before);
    std::vector<std::string> exclude_after = exclude_globs(after, config_after, has_config_after);
    if (config_before != config_after) {
        Diagnostics ignored;
        std::optional<Value> b = has_config_before ? read_yaml(config_before, 0, ignored) : std::nullopt;
        std::optional<Value> a = has_config_after ? read_yaml(config_after, 0, ignored) : std::nullopt;
        // a wijk.yaml that is not there (or empty) holds no settings: each key on the other side is added
        Value none;
        none.type = Value::Type::mapping;
        diff_values(b ? *b : none, a ? *a : none, "", diff.settings);
    }

    Listing listed_before = before.list(exclude_before), listed_after = after.list(exclude_after);
    std::vector<Task> tasks;
    {
        const auto& b = listed_before.files;
        const auto& a = listed_after.files;
        std::size_t i = 0, j = 0;
        while (i < b.size() || j < a.size()) {
            Task t;
            if (j == a.size() || (i < b.size() && b[i] < a[j])) {
                t.path = b[i++], t.in_before = true;
            } else if (i == b.size() || a[j] < b[i]) {
                t.path = a[j++], t.in_after = true;
            } else {
                t.path = b[i], t.in_before = t.in_after = true;
                ++i, ++j;
            }
            tasks.push_back(std::move(t));
        }
    }

    unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    threads = std::min<unsigned>({threads, 16u, static_cast<unsigned>(tasks.size() / 64 + 1)});
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t k; (k = next.fetch_add(1)) < tasks.size();) compare_file(before, after, tasks[k]);
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();

    std::vector<WrittenRecord> records_before, records_after;
    for (Task& t : tasks) {
        if (!t.compared) continue;
        ++diff.files_compared;
        std::move(t.before.begin(), t.before.end(), std::back_inserter(records_before));
        std::move(t.after.begin(), t.after.end(), std::back_inserter(records_after));
        std::move(t.unread.begin(), t.unread.end(), std::back_inserter(diff.unread));
    }
    diff.records = diff_records(std::move(records_before), std::move(records_after));
    return diff;
}

}  // namespace wijk
