#include "history/record_log.h"

#include <chrono>
#include <cstring>
#include <unordered_map>

#include <fmt/format.h>

#include "load/unit.h"
#include "load/yaml_reader.h"
#include "source/file_source.h"
#include "source/listing.h"

namespace wijk {

namespace {

// What one blob holds of the record asked for.
struct BlobRecord {
    enum class State { absent, present, unreadable };
    State state = State::absent;
    Value value;
    UnreadFile unread;  // unreadable: why (its file set by the caller)
};

// The record on one side of a commit: where it is, or that its file could not be read.
struct Side {
    const BlobRecord* found = nullptr;
    std::string file;
};

class Finder {
public:
    Finder(const GitRepository& repo, const std::string& prefix, const LogQuery& q)
        : repo_(repo), prefix_(prefix), q_(q) {}

    const BlobRecord& in_blob(const GitId& id) {
        auto it = blobs_.find(id);
        if (it != blobs_.end()) return it->second;
        BlobRecord& r = blobs_[id];
        std::string bytes;
        Text why;
        switch (repo_.read_blob(id, max_file_bytes, bytes, why)) {
            case GitRepository::BlobStatus::ok: break;
            case GitRepository::BlobStatus::too_large:
                r.state = BlobRecord::State::unreadable;
                r.unread.why = say("the file is larger than {} MiB", "het bestand is groter dan {} MiB", max_file_bytes >> 20);
                return r;
            case GitRepository::BlobStatus::missing:
            case GitRepository::BlobStatus::error:
                r.state = BlobRecord::State::unreadable;
                r.unread.why = why.empty() ? Text("git does not have its contents", "git heeft de inhoud niet") : why;
                return r;
        }
        // Ids are plain text; a file that does not hold the id's bytes does not hold the
        // record, unless YAML escapes (a backslash) could spell it otherwise.
        if (bytes.find(q_.id) == std::string::npos && bytes.find('\\') == std::string::npos) return r;
        bool taken = false;
        RecordSink sink = [&](std::string_view collection, const Value& record) {
            if (!taken && collection == q_.collection && record_key(collection, record) == q_.id) {
                r.value = record;
                taken = true;
            }
            return true;  // no record is kept in the tree
        };
        Diagnostics diags;
        std::optional<Value> root = read_yaml(bytes, 0, diags, &sink);
        if (!root && diags.errors() > 0) {
            r.state = BlobRecord::State::unreadable;
            for (const Diagnostic& d : diags.items)
                if (d.severity == Severity::error) {
                    r.unread.why = d.message;
                    r.unread.line = d.at.line;
                    break;
                }
            return r;
        }
        if (taken) r.state = BlobRecord::State::present;
        return r;
    }

    // wijk.yaml's exclude globs in a data root's tree (kept by the blob's id).
    const std::vector<std::string>& excludes(const std::optional<GitId>& tree) {
        static const std::vector<std::string> none;
        if (!tree) return none;
        auto entry = repo_.entry_at(*tree, "wijk.yaml");
        if (!entry || !git_mode::is_file(entry->mode)) return none;
        auto it = excludes_.find(entry->id);
        if (it != excludes_.end()) return it->second;
        std::vector<std::string>& out = excludes_[entry->id];
        std::string bytes;
        Text why;
        if (repo_.read_blob(entry->id, max_file_bytes, bytes, why) == GitRepository::BlobStatus::ok)
            out = exclude_globs_of_config(bytes);
        return out;
    }

    // The data root's tree in a commit's tree.
    std::optional<GitId> root_tree(const GitId& commit_tree) { return repo_.subtree(commit_tree, prefix_); }

    const GitRepository& repo_;
    const std::string& prefix_;
    const LogQuery& q_;
    std::unordered_map<GitId, BlobRecord, GitIdHash> blobs_;
    std::unordered_map<GitId, std::vector<std::string>, GitIdHash> excludes_;
};

enum class Outcome { unchanged, changed, failed };

// The record's change between a parent's data tree and a commit's.
Outcome compare(Finder& f, const std::optional<GitId>& old_tree, const std::optional<GitId>& new_tree,
                RecordHistoryEntry& entry, Text& why) {
    if (old_tree == new_tree) return Outcome::unchanged;
    std::vector<GitChange> changes;
    if (!f.repo_.changed_files(old_tree, new_tree, changes, why)) return Outcome::failed;
    const std::vector<std::string>& old_exclude = f.excludes(old_tree);
    const std::vector<std::string>& new_exclude = f.excludes(new_tree);
    Side before, after;
    // a file on each side that holds the id but could not be read: the record may be in it
    const BlobRecord* broken[2] = {nullptr, nullptr};
    std::string broken_file[2];
    for (const GitChange& c : changes) {
        if (is_hidden(c.path) || classify(c.path) != PathKind::data) continue;
        auto look = [&](std::uint32_t mode, const GitId& id, const std::vector<std::string>& exclude, Side& side,
                        int k) {
            if (!git_mode::is_file(mode) || side.found || is_excluded(c.path, exclude)) return;
            const BlobRecord& r = f.in_blob(id);
            if (r.state == BlobRecord::State::present) {
                side.found = &r;
                side.file = c.path;
            } else if (r.state == BlobRecord::State::unreadable && !broken[k]) {
                broken[k] = &r;
                broken_file[k] = c.path;
            }
        };
        look(c.old_mode, c.old_id, old_exclude, before, 0);
        look(c.new_mode, c.new_id, new_exclude, after, 1);
    }
    RecordChange& ch = entry.change;
    ch.collection = f.q_.collection;
    ch.key = f.q_.id;
    for (int k = 0; k < 2; ++k) {
        if (!broken[k] || (k == 0 ? before.found : after.found)) continue;
        if (broken[1 - k] && !(k == 0 ? after.found : before.found)) return Outcome::unchanged;  // nothing known
        // the record's file was broken on one side: what changed cannot be said
        entry.unread = broken[k]->unread;
        entry.unread->file = broken_file[k];
        entry.unread->before = k == 0;
        ch.kind = RecordChange::Kind::changed;
        ch.file_before = before.found ? before.file : std::string();
        ch.file_after = after.found ? after.file : std::string();
        return Outcome::changed;
    }
    if (!before.found && !after.found) return Outcome::unchanged;
    if (before.found && after.found) {
        if (same_value(before.found->value, after.found->value)) return Outcome::unchanged;  // moved, or untouched
        ch.kind = RecordChange::Kind::changed;
        ch.file_before = before.file;
        ch.file_after = after.file;
        diff_values(before.found->value, after.found->value, "", ch.fields);
        return Outcome::changed;
    }
    if (after.found) {
        ch.kind = RecordChange::Kind::added;
        ch.file_after = after.file;
        ch.record = after.found->value;
    } else {
        ch.kind = RecordChange::Kind::removed;
        ch.file_before = before.file;
        ch.record = before.found->value;
    }
    return Outcome::changed;
}

}  // namespace

CommitSummary summarise(const GitCommit& c) {
    using namespace std::chrono;
    CommitSummary s;
    s.id = c.id.hex();
    s.short_id = c.id.short_hex();
    s.author = c.author_name;
    s.email = c.author_email;
    s.subject = c.subject;
    s.merge = c.parents.size() > 1;
    // the date and time on the author's clock
    sys_seconds local{seconds{c.author_time + std::int64_t(c.author_offset) * 60}};
    sys_days day = floor<days>(local);
    year_month_day ymd{day};
    hh_mm_ss<seconds> t{local - day};
    s.date = fmt::format("{:04}-{:02}-{:02}", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
    int off = c.author_offset < 0 ? -c.author_offset : c.author_offset;
    s.time = fmt::format("{}T{:02}:{:02}:{:02}{}{:02}:{:02}", s.date, t.hours().count(), t.minutes().count(),
                         t.seconds().count(), c.author_offset < 0 ? '-' : '+', off / 60, off % 60);
    return s;
}

bool record_log(const GitRepository& repo, const GitId& start, const std::string& prefix, const LogQuery& query,
                LogResult& out, Text& why) {
    Finder finder(repo, prefix, query);
    bool failed = false;
    bool ok = repo.walk(
        start,
        [&](const GitCommit& c) {
            std::optional<GitId> tree = finder.root_tree(c.tree);
            RecordHistoryEntry entry;
            Outcome outcome;
            if (c.parents.empty()) {
                outcome = compare(finder, std::nullopt, tree, entry, why);
            } else {
                // A merge changed the record only when it differs from every parent (git's
                // history simplification): otherwise the commits merged in show the change.
                outcome = Outcome::changed;
                for (std::size_t i = 0; i < c.parents.size() && outcome == Outcome::changed; ++i) {
                    auto parent = repo.commit(c.parents[i]);
                    if (!parent) {
                        why = Text("git cannot read a commit", "git kan een commit niet lezen");
                        outcome = Outcome::failed;
                        break;
                    }
                    RecordHistoryEntry against;
                    outcome = compare(finder, finder.root_tree(parent->tree), tree, against, why);
                    if (i == 0) entry = std::move(against);
                }
            }
            if (outcome == Outcome::failed) {
                failed = true;
                return false;
            }
            if (outcome == Outcome::unchanged) return true;
            out.found = true;
            entry.commit = summarise(c);
            if (query.since && entry.commit.date < *query.since) return true;
            if (query.until && entry.commit.date > *query.until) return true;
            out.entries.push_back(std::move(entry));
            return !(query.limit && out.entries.size() >= *query.limit);
        },
        why);
    return ok && !failed;
}

}  // namespace wijk
