// The parse cache: files' units kept between runs, by the content hash of their bytes, in one
// pack file per data root under $XDG_CACHE_HOME/wijk/; and validate's whole result, keyed by
// the hashes of every file, wijk.yaml, the as-of date and the wijk version. Every file is still
// read and hashed (an edit that keeps size and time is seen), so a repeat run costs about the
// I/O floor. Never trusted blindly: a version stamp, and a checksum per entry; a truncated,
// garbled or foreign pack or entry is ignored (and written anew); writes are atomic (temporary
// file, rename), so two runs at once are safe; a folder that cannot be written means running
// without a cache, never an error.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "load/unit.h"

namespace wijk {

class UnitCache {
public:
    // The cache folder for a data root: `base` (e.g. $XDG_CACHE_HOME/wijk) and a name made from
    // the root's path. Nothing is created yet.
    static std::string folder_for(const std::string& base, const std::string& root);
    // Opens the cache in `folder` (created when it is written first). Never fails: a cache that
    // cannot be read starts empty, one that cannot be written is never written.
    explicit UnitCache(std::string folder);
    ~UnitCache();
    UnitCache(const UnitCache&) = delete;
    UnitCache& operator=(const UnitCache&) = delete;

    // The unit of bytes with this content hash, its texts interned into `texts`; nullopt when
    // it is not cached or its entry is not whole (then it is dropped). Thread-safe.
    std::optional<FileUnit> get(std::uint64_t hash, TextPool& texts);
    bool has(std::uint64_t hash) const;
    // Adds a unit parsed in this run; written by save(). Thread-safe.
    void put(const FileUnit& unit);
    // At most this many units will be put: their list is made that long once, not grown by
    // copying (untouched, the room costs no memory when they come from the pack).
    void expect(std::size_t units);
    // Writes the pack when units were added: the units of `live` (content hashes in use) and
    // the new ones; entries no file uses any more are left out once they are many.
    void save(const std::vector<std::uint64_t>& live);

    // validate's cached result for a state key (its bytes as given to put_result), if any.
    std::optional<std::string> result(std::uint64_t key) const;
    void put_result(std::uint64_t key, std::string_view bytes);
    // Is there any result at all (a first run has none: it need not hash before loading)?
    bool has_any_result() const;

    // Removes the cache folders beside `folder` (wijk's own: a name ending in '-' and 16 hex
    // digits, holding only wijk's files) not used for `unused_days`: data roots of temporary
    // or deleted repositories would otherwise pile up. Run when a new folder is made. A folder
    // in use is touched at most once a day when its pack is read.
    static void prune_siblings(const std::string& folder, int unused_days);

    // One entry of the pack's index, as written: a unit's content hash and where its blob is.
    struct IndexEntry {
        std::uint64_t hash, offset, size, checksum;
    };

    // For tests and messages.
    const std::string& folder() const { return folder_; }
    std::size_t size() const;

private:
    struct Entry {
        std::uint64_t offset, size, checksum;
    };
    // The pack is read when a unit is first asked for: validate of a state seen before needs
    // only its result, not the pack's index.
    void read_pack() const;
    void write_pending();
    bool write_blob(std::string_view blob);
    std::string folder_;
    mutable std::mutex mutex_;
    // the pack as read: mapped read-only
    mutable bool pack_read_ = false;
    mutable const char* map_ = nullptr;
    mutable std::size_t map_size_ = 0;
    mutable std::size_t blobs_begin_ = 0, blobs_end_ = 0;  // the old blobs, copied as one block on save
    mutable std::unordered_map<std::uint64_t, Entry> old_;
    // units added in this run, written as they come to the next pack (a temporary file beside
    // it), so that they are never all held in memory: a flat list in the order written, 24 bytes
    // each (a map of 85,000 entries cost more memory than the units' own texts). Their blobs lie
    // one after another from fresh_begin_, so an offset is the sum of the sizes before it. (Not
    // packed to 20: a misaligned hash is undefined behaviour, and the list is freed by save(),
    // before the first run's peak.)
    struct FreshEntry {
        std::uint64_t hash, checksum;
        std::uint32_t size;
    };
    std::vector<FreshEntry> fresh_;
    std::uint64_t fresh_begin_ = 0;
    // encoded units not written yet: written in pieces (one write per unit was 85,000 system
    // calls at bench scale 1), a piece small enough not to count in the peak memory
    std::string pending_;
    int next_fd_ = -1;
    std::string next_path_;
    std::uint64_t next_size_ = 0;
    bool unwritable_ = false;
    bool start_next();
};

}  // namespace wijk
