// A git repository read through libgit2: revisions, commits, trees, the index and blobs, for
// the sources of git states (GitTreeSource, GitIndexSource) and for `wijk diff` and `wijk log`.
// Only reads: nothing here writes to the repository, its index or its work tree. libgit2's
// types stay inside git_repository.cpp.
#pragma once

#include <array>
#include <compare>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/i18n.h"

namespace wijk {

// A git object id (SHA-1, 20 bytes).
struct GitId {
    std::array<unsigned char, 20> bytes{};
    std::string hex() const;
    std::string short_hex() const { return hex().substr(0, 7); }
    bool empty() const;
    friend auto operator<=>(const GitId&, const GitId&) = default;
};
struct GitIdHash {
    std::size_t operator()(const GitId& id) const noexcept {
        std::size_t h;
        static_assert(sizeof h <= sizeof id.bytes);
        __builtin_memcpy(&h, id.bytes.data(), sizeof h);
        return h;
    }
};

// git's id of a blob holding `bytes` (what `git hash-object` prints), without a repository.
GitId git_blob_id(std::string_view bytes);

// Modes of tree and index entries.
namespace git_mode {
inline constexpr std::uint32_t tree = 0040000;
inline constexpr std::uint32_t file = 0100644;
inline constexpr std::uint32_t executable = 0100755;
inline constexpr std::uint32_t link = 0120000;
inline constexpr std::uint32_t submodule = 0160000;
inline bool is_file(std::uint32_t m) { return m == file || m == executable; }
}  // namespace git_mode

struct GitEntry {
    std::string path;  // relative to the folder listed, '/'-separated
    std::uint32_t mode = 0;
    GitId id;
};

struct GitIndexEntry {
    std::string path;  // relative to the top of the work tree
    std::uint32_t mode = 0;
    GitId id;
    int stage = 0;  // 0, or 1..3 during a merge with conflicts
};

struct GitCommit {
    GitId id;
    GitId tree;
    std::vector<GitId> parents;
    std::string author_name, author_email;
    std::int64_t author_time = 0;  // seconds since 1970 (UTC)
    int author_offset = 0;         // minutes east of UTC, as the author's clock said
    std::string subject;           // the first line of the message
};

// A changed path between two trees (or between nothing and a tree).
struct GitChange {
    std::string path;        // relative to the folder compared
    std::uint32_t old_mode = 0, new_mode = 0;  // 0: absent on that side
    GitId old_id, new_id;
};

class GitRepository {
public:
    // The repository whose work tree holds `folder`, found as the git command line finds it
    // (GIT_DIR, GIT_WORK_TREE, GIT_INDEX_FILE and GIT_CEILING_DIRECTORIES honoured, as in a
    // hook). nullptr, with `why` set, when there is none or it cannot be opened.
    static std::shared_ptr<GitRepository> discover(const std::string& folder, Text& why);
    ~GitRepository();
    GitRepository(const GitRepository&) = delete;
    GitRepository& operator=(const GitRepository&) = delete;

    // The top of the work tree ("" for a bare repository).
    const std::string& work_tree() const { return work_tree_; }
    // `folder` relative to the top of the work tree, '/'-separated, with a final '/' ("" for
    // the top itself); nullopt when it lies outside the work tree.
    std::optional<std::string> prefix_of(const std::string& folder) const;

    enum class Resolved { commit, unknown, unborn, not_a_commit, error };
    // A revision (`HEAD`, `main~2`, `v2025-12`, an id) to the commit it names.
    Resolved resolve(std::string_view revision, GitId& commit, Text& why) const;
    // Branch and tag names, for "did you mean".
    std::vector<std::string> ref_names() const;

    std::optional<GitCommit> commit(const GitId& id) const;
    // The tree at `prefix` ('/'-terminated, "" for the top) of a commit's tree; nullopt when
    // that folder does not exist in it.
    std::optional<GitId> subtree(const GitId& tree, std::string_view prefix) const;
    // The id and mode of the entry at `path` ("a/b.yaml") below a tree; nullopt when none.
    std::optional<GitEntry> entry_at(const GitId& tree, std::string_view path) const;
    // Every entry below a tree, recursively, in byte order of path; hidden folders (a name
    // starting with '.') are not entered (they hold no data, and can be large).
    bool list_tree(const GitId& tree, std::vector<GitEntry>& out, Text& why) const;
    // The files that differ between two trees (either may be absent: every file of the other),
    // recursively, in byte order; subtrees with one id are skipped whole. Hidden folders are
    // not entered.
    bool changed_files(const std::optional<GitId>& old_tree, const std::optional<GitId>& new_tree,
                       std::vector<GitChange>& out, Text& why) const;
    // The index as `git ls-files --stage` shows it.
    bool index_entries(std::vector<GitIndexEntry>& out, Text& why) const;

    enum class BlobStatus { ok, missing, too_large, error };
    // A blob's bytes, at most `limit` of them (too_large when it holds more).
    BlobStatus read_blob(const GitId& id, std::size_t limit, std::string& out, Text& why) const;

    // Every commit reachable from `start`, newest first (parents after their children);
    // `visit` returns false to stop.
    bool walk(const GitId& start, const std::function<bool(const GitCommit&)>& visit, Text& why) const;

private:
    GitRepository() = default;
    struct Handle;
    std::unique_ptr<Handle> handle_;
    std::string work_tree_;      // with a final '/', as libgit2 gives it, or ""
    std::string real_work_tree_;  // links resolved, no final '/'
    // libgit2's objects may be used from one thread at a time: every call holds this lock.
    mutable std::mutex mutex_;
};

}  // namespace wijk
