// One repository state: its source, its files' units (kept by the content hash of their bytes),
// the merged repository with its indexes, and the text pool they all point into. Checks and
// reports take its repository; two workspaces live side by side in one process (the language
// server holds one per open repository, `wijk diff` two). It is also the Locator of its
// repository: a problem's line and column come from the bytes its source gives again.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "load/record_places.h"
#include "load/unit_cache.h"
#include "load/unit.h"
#include "model/diagnostic.h"
#include "model/line_index.h"
#include "model/locator.h"
#include "model/records.h"
#include "source/file_source.h"

namespace wijk {

struct WorkspaceOptions {
    // Threads that read and decode files (0: one per core). Records and diagnostics come out in
    // file order whatever the number.
    unsigned threads = 0;
    // Called now and then with (files read, files in all), from any thread, never concurrently.
    std::function<void(std::size_t, std::size_t)> progress;
    // Keep each file's unit for the next load(), so that only changed files are parsed again
    // (an editor session). A one-shot command moves units into the repository instead.
    bool keep_units = false;
    // The parse cache: units of unchanged files are read from it instead of parsed, and new
    // ones added (see load/unit_cache.h). Null: no cache.
    std::shared_ptr<UnitCache> cache;
};

class Workspace final : public Locator {
public:
    explicit Workspace(std::shared_ptr<const FileSource> source, WorkspaceOptions options = {});
    ~Workspace() override;
    Workspace(const Workspace&) = delete;
    Workspace& operator=(const Workspace&) = delete;

    // Reads wijk.yaml and every data file from the source and merges them. Again after the
    // source changed: with keep_units, files whose bytes did not change are not parsed again.
    void load();
    // After load(), with keep_units: reads again only the files at `paths` (relative to the
    // root) and merges what they hold now in place of what they held; every other file counts
    // as it was loaded. The language server's edit path: its overlay and the client say which
    // files changed, so the other thousands are neither listed, read nor hashed again. False,
    // with nothing changed, when that cannot be right and load() is needed: wijk.yaml among
    // them (its `exclude:`), a path that would now be listed or no longer exists.
    bool reload(const std::vector<std::string>& paths);
    // Lists and reads every file and hashes it, without decoding anything: the key of this
    // repository state (validate's cached result is stored under it). A load() after it reads
    // again only the files the cache has no unit for.
    std::uint64_t scan();
    // The same key, after scan() or load().
    std::uint64_t state_key() const;
    // After scan(): take the counts a cached result recorded.
    void set_counts(const RecordCounts& counts) { counts_ = counts; }

    const FileSource& source() const { return *source_; }
    const Repository& repository() const { return repo_; }
    Repository& repository() { return repo_; }
    // What loading found: syntax and shape problems, files that could not be read.
    const Diagnostics& diagnostics() const { return diags_; }
    const RecordCounts& counts() const { return counts_; }
    // The content hash of what was loaded of file `file` (0: nothing was read).
    std::uint64_t hash_of(std::uint32_t file) const { return file < hashes_.size() ? hashes_[file] : 0; }
    // Files whose records could not be read (unreadable, too large, broken YAML): references to
    // ids that may stand in them cannot be checked.
    const std::vector<std::uint32_t>& unread_files() const { return unread_; }

    // Locator: reads the file again from the source; line 0 when it changed since loading.
    Mark mark(std::uint32_t file, Loc loc) const override;
    std::optional<Excerpt> excerpt(const Mark& mark) const override;
    RecordPlace place(const Mark& mark) const override;

private:
    struct Kept {  // a file's normalised text and its lines, made once however many problems it has
        std::uint64_t hash = 0;  // of the bytes it was made from: valid for every load that read them
        std::string text;
        LineIndex lines;
        std::optional<FilePlaces> places;  // made on the first place() in this file
    };
    Kept* text_of(std::uint32_t file) const;  // call under mutex_
    void begin();  // wijk.yaml, the listing, the file list
    void end();    // folders that could not be listed
    void count_and_index();
    void read_files(const std::vector<std::uint32_t>& data_files, bool decode);

    std::shared_ptr<const FileSource> source_;
    WorkspaceOptions options_;
    Repository repo_;
    Diagnostics diags_;
    RecordCounts counts_;
    std::vector<std::uint32_t> unread_;
    std::vector<std::uint64_t> hashes_;  // by file index: the content hash of what was loaded (0: nothing)
    std::unordered_map<std::uint64_t, FileUnit> units_;  // keep_units: by content hash
    std::vector<std::uint32_t> data_files_;               // file indexes of the data files
    // keep_units: by data file (as data_files_), how many records of each collection it holds,
    // in RecordSet's order: where its records stand in the repository, for reload()
    std::vector<std::array<std::uint32_t, 6>> spans_;
    std::vector<Listing::Problem> problems_;              // folders that could not be listed
    std::vector<std::string> problem_names_;              // the same, for state_key()
    bool scanned_ = false;

    mutable std::mutex mutex_;
    mutable std::list<Kept> recent_;  // the last files read again, newest first, at most ~32 MiB
    mutable std::unordered_map<std::uint64_t, std::list<Kept>::iterator> recent_by_hash_;
    mutable std::size_t recent_bytes_ = 0;  // their texts' sizes
};

}  // namespace wijk
