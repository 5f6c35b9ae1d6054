#include "load/workspace.h"

#include <algorithm>
#include <atomic>
#include <thread>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "load/unit_cache.h"
#include "source/listing.h"

namespace wijk {

namespace {

constexpr std::size_t kept_bytes_limit = 32u << 20;  // texts kept for locating problems

Text too_large_text() {
    return say("the file is larger than {} MiB", "het bestand is groter dan {} MiB", max_file_bytes >> 20);
}

void report_read(Diagnostics& diags, std::uint32_t file, const ReadResult& r) {
    switch (r.status) {
        case ReadResult::Status::ok: return;
        case ReadResult::Status::too_large:
            diags.error("file-too-large", Mark{file, 0, 0}, too_large_text(),
                        Text("split it into smaller files", "splits het in kleinere bestanden"));
            return;
        case ReadResult::Status::link_outside:
            diags.error("link-outside-root", Mark{file, 0, 0},
                        Text("this is a symbolic link to a file outside the data folder (or in a hidden folder): it is not read",
                             "dit is een symbolische koppeling naar een bestand buiten de gegevensmap (of in een verborgen map): het wordt niet gelezen"),
                        Text("replace the link by the file itself, or by a link to a file inside the data folder",
                             "vervang de koppeling door het bestand zelf, of door een koppeling naar een bestand in de gegevensmap"));
            return;
        case ReadResult::Status::missing:
            diags.io_error = true;
            diags.error("read-error", Mark{file, 0, 0},
                        Text("cannot read the file: it disappeared while wijk was reading",
                             "kan het bestand niet lezen: het verdween terwijl wijk las"));
            return;
        case ReadResult::Status::error:
            diags.io_error = true;
            diags.error("read-error", Mark{file, 0, 0},
                        say("cannot read the file: {}", "kan het bestand niet lezen: {}", r.why));
            return;
    }
}

template <class Records>
void append(Records& to, Records& from) {
    if (to.empty()) {
        to = std::move(from);
        return;
    }
    to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

template <class Records>
void append_copy(Records& to, const Records& from) {
    to.insert(to.end(), from.begin(), from.end());
}

std::array<std::uint32_t, 6> span_of(const RecordSet& rs) {
    return {std::uint32_t(rs.neighbourhoods.size()), std::uint32_t(rs.liveability.size()),
            std::uint32_t(rs.partners.size()),       std::uint32_t(rs.agreements.size()),
            std::uint32_t(rs.evaluations.size()),    std::uint32_t(rs.strategies.size())};
}

// The `count` records at `at` of `all` become those of `with` (assigned where they overlap:
// a one-character edit changes no count, and nothing moves).
template <class Records>
void replace_span(Records& all, std::size_t at, std::size_t count, const Records& with) {
    const std::size_t common = std::min(count, with.size());
    std::copy(with.begin(), with.begin() + common, all.begin() + at);
    if (with.size() > count)
        all.insert(all.begin() + at + count, with.begin() + common, with.end());
    else if (count > with.size())
        all.erase(all.begin() + at + common, all.begin() + at + count);
}

}  // namespace

Workspace::Workspace(std::shared_ptr<const FileSource> source, WorkspaceOptions options)
    : source_(std::move(source)), options_(std::move(options)) {
    repo_.locator = this;
}

Workspace::~Workspace() = default;

void Workspace::begin() {
    if (!options_.keep_units) {
        // (an editor session keeps them: they are found by the hash of the bytes they came from)
        std::lock_guard<std::mutex> lock(mutex_);
        recent_.clear();
        recent_by_hash_.clear();
        recent_bytes_ = 0;
    }
    // Units kept from an earlier load point into the pool: keep it then, start afresh otherwise.
    std::shared_ptr<TextPool> texts = options_.keep_units && repo_.texts ? repo_.texts : std::make_shared<TextPool>();
    repo_ = Repository{};
    repo_.texts = std::move(texts);
    repo_.locator = this;
    repo_.root = source_->root();
    diags_ = Diagnostics{};
    counts_ = RecordCounts{};
    unread_.clear();
    hashes_.clear();
    data_files_.clear();
    spans_.clear();
    scanned_ = false;

    repo_.files.push_back("wijk.yaml");
    hashes_.push_back(0);
    {
        std::string bytes;
        ReadResult r = source_->read("wijk.yaml", bytes);
        if (r.ok()) {
            hashes_[0] = content_hash(bytes);
            parse_config(bytes, repo_.config, *repo_.texts, diags_);
            ++counts_.files;
        } else if (r.status != ReadResult::Status::missing) {
            report_read(diags_, 0, r);
        }
    }

    Listing listing = source_->list(repo_.config.exclude_globs());

    // Every path named in the output, in byte order: data files, links that lead out of the
    // root, and names that only look like data.
    enum class Kind : char { data, link_outside, lookalike };
    std::vector<std::pair<std::string, Kind>> paths;
    paths.reserve(listing.files.size() + listing.links_outside.size() + listing.lookalikes.size());
    for (auto& p : listing.files) paths.emplace_back(std::move(p), Kind::data);
    for (auto& p : listing.links_outside) paths.emplace_back(std::move(p), Kind::link_outside);
    for (auto& p : listing.lookalikes) paths.emplace_back(std::move(p), Kind::lookalike);
    std::sort(paths.begin(), paths.end());
    std::size_t name_bytes = 9;
    for (const auto& [p, k] : paths) name_bytes += p.size() - (p.rfind('/') + 1);
    repo_.files.reserve(paths.size() + 1 + listing.problems.size(), name_bytes);
    data_files_.reserve(listing.files.size());
    for (const auto& [p, kind] : paths) {
        auto file = static_cast<std::uint32_t>(repo_.files.size());
        repo_.files.push_back(p);
        hashes_.push_back(0);
        switch (kind) {
            case Kind::data: data_files_.push_back(file); break;
            case Kind::link_outside: {
                ReadResult r;
                r.status = ReadResult::Status::link_outside;
                report_read(diags_, file, r);
                unread_.push_back(file);
                break;
            }
            case Kind::lookalike: {
                diags_.warning("skipped-file", Mark{file, 0, 0},
                               Text("this file is not read: only names ending in .yaml or .yml (lower case) are data files",
                                    "dit bestand wordt niet gelezen: alleen namen die op .yaml of .yml (kleine letters) eindigen zijn gegevensbestanden"),
                               Text("rename it to end in .yaml if it holds records; add it to `exclude:` in wijk.yaml to silence this",
                                    "hernoem het naar een naam op .yaml als het records bevat; zet het bij `exclude:` in wijk.yaml om dit niet meer te zien"));
                break;
            }
        }
    }
    problems_ = std::move(listing.problems);
    problem_names_.clear();
    for (const auto& p : problems_) problem_names_.push_back(p.folder + ": " + p.why.en);
}

void Workspace::end() {
    // Folders that could not be listed stand at the end of the file list, so that their
    // diagnostic names them.
    for (const auto& p : problems_) {
        auto file = static_cast<std::uint32_t>(repo_.files.size());
        repo_.files.push_back(p.folder == "." ? p.folder : p.folder + "/");
        hashes_.push_back(0);
        diags_.io_error = true;
        diags_.error("read-error", Mark{file, 0, 0}, say("cannot read the folder: {}", "kan de map niet lezen: {}", p.why));
        unread_.push_back(file);
    }
    problems_.clear();
    std::sort(unread_.begin(), unread_.end());
}

void Workspace::load() {
    if (!scanned_) begin();  // after scan(): its listing and hashes are used
    if (options_.keep_units) spans_.assign(data_files_.size(), {});
    if (options_.cache) options_.cache->expect(data_files_.size());
    read_files(data_files_, true);
    scanned_ = false;
    end();
    // Saved before the indexes are made: the pack's buffers are freed before the indexes'
    // memory is taken, so the two never add up in the first run's peak.
    if (options_.cache) options_.cache->save(hashes_);
    count_and_index();
    if (options_.keep_units) {
        // units no file holds any more are dropped
        std::vector<std::uint64_t> live(hashes_.begin(), hashes_.end());
        std::sort(live.begin(), live.end());
        std::erase_if(units_, [&](const auto& u) { return !std::binary_search(live.begin(), live.end(), u.first); });
    }
}

// The merged records: counted, and their indexes made.
void Workspace::count_and_index() {
    counts_.neighbourhoods = repo_.neighbourhoods.size();
    counts_.liveability = repo_.liveability.size();
    counts_.partners = repo_.partners.size();
    counts_.agreements = repo_.agreements.size();
    counts_.evaluations = repo_.evaluations.size();
    counts_.strategies = repo_.strategies.size();
    repo_.index();
}

bool Workspace::reload(const std::vector<std::string>& paths) {
    if (!options_.keep_units || scanned_ || spans_.size() != data_files_.size()) return false;
    const std::vector<std::string> exclude = repo_.config.exclude_globs();
    // First everything is read, so that a path that needs load() leaves the state as it was.
    struct Change {
        std::size_t at;  // in data_files_
        ReadResult read;
        std::string bytes;
    };
    std::vector<Change> changes;
    for (const auto& path : paths) {
        std::string rel;
        if (!normalise_relative(path, rel)) continue;  // outside the root: not this state's
        if (rel == "wijk.yaml") return false;
        auto it = std::lower_bound(data_files_.begin(), data_files_.end(), rel,
                                   [&](std::uint32_t file, const std::string& p) { return repo_.files[file] < p; });
        if (it == data_files_.end() || repo_.files[*it] != rel) {
            if (is_data_file(rel, exclude)) return false;  // it would be listed now
            continue;                                      // hidden, excluded, no data name: never read
        }
        const auto at = static_cast<std::size_t>(it - data_files_.begin());
        if (std::any_of(changes.begin(), changes.end(), [&](const Change& c) { return c.at == at; })) continue;
        Change c{at, {}, {}};
        c.read = source_->read(rel, c.bytes);
        if (c.read.status == ReadResult::Status::missing) return false;  // gone: no longer listed
        changes.push_back(std::move(c));
    }
    if (changes.empty()) return true;

    for (auto& c : changes) {
        const std::uint32_t file = data_files_[c.at];
        const std::uint64_t old_hash = hashes_[file];
        std::erase_if(diags_.items, [&](const Diagnostic& d) { return d.at.file == file; });
        std::erase(unread_, file);
        const FileUnit* unit = nullptr;
        std::uint64_t hash = 0;
        if (c.read.ok()) {
            hash = content_hash(c.bytes);
            auto it = units_.find(hash);
            if (it == units_.end()) it = units_.emplace(hash, parse_data_unit(c.bytes, file, *repo_.texts)).first;
            set_file(it->second, file);
            unit = &it->second;
            if (unit->dropped) unread_.push_back(file);
            append_copy(diags_.items, unit->diags.items);
        } else {
            report_read(diags_, file, c.read);
            unread_.push_back(file);
        }
        if (old_hash == 0 && hash != 0) ++counts_.files;
        if (old_hash != 0 && hash == 0) --counts_.files;
        hashes_[file] = hash;

        // where this file's records stand: after those of every data file before it
        std::array<std::size_t, 6> at{};
        for (std::size_t k = 0; k < c.at; ++k)
            for (std::size_t kind = 0; kind < 6; ++kind) at[kind] += spans_[k][kind];
        static const RecordSet none;
        const RecordSet& now = unit ? unit->records : none;
        const auto& was = spans_[c.at];
        replace_span(repo_.neighbourhoods, at[0], was[0], now.neighbourhoods);
        replace_span(repo_.liveability, at[1], was[1], now.liveability);
        replace_span(repo_.partners, at[2], was[2], now.partners);
        replace_span(repo_.agreements, at[3], was[3], now.agreements);
        replace_span(repo_.evaluations, at[4], was[4], now.evaluations);
        replace_span(repo_.strategies, at[5], was[5], now.strategies);
        spans_[c.at] = span_of(now);

        // the unit of the old bytes goes when no other file holds them
        if (old_hash != 0 && old_hash != hash && std::find(hashes_.begin(), hashes_.end(), old_hash) == hashes_.end())
            units_.erase(old_hash);
    }
    std::sort(unread_.begin(), unread_.end());
    diags_.io_error = std::any_of(diags_.items.begin(), diags_.items.end(),
                                  [](const Diagnostic& d) { return d.rule == "read-error"; });
    count_and_index();
    return true;
}

std::uint64_t Workspace::scan() {
    begin();
    read_files(data_files_, false);
    scanned_ = true;
    return state_key();
}

std::uint64_t Workspace::state_key() const {
    // the state: every name and what it holds (a data file's content hash, 0 for the rest), in
    // order, and the folders that could not be listed; hashed as it is made (at bench scale 1
    // it is 5 MB of text, held for nothing)
    XXH3_state_t* state = XXH3_createState();
    XXH3_64bits_reset(state);
    auto add = [&](std::string_view part) {
        XXH3_64bits_update(state, part.data(), part.size());
        XXH3_64bits_update(state, "", 1);
    };
    add(WIJK_VERSION);
    for (std::size_t i = 0; i < repo_.files.size(); ++i) {
        add(repo_.files[i]);
        add(std::to_string(hashes_[i]));
    }
    for (const auto& p : problem_names_) add(p);
    const std::uint64_t key = XXH3_64bits_digest(state);
    XXH3_freeState(state);
    return key;
}

// The data files, read and decoded on several threads. Each file's records are merged as soon as
// all files before it are done, so that parse trees never pile up.
void Workspace::read_files(const std::vector<std::uint32_t>& data_files, bool decode) {
    const std::size_t total = data_files.size();
    if (total == 0) return;
    unsigned threads = options_.threads ? options_.threads : std::max(1u, std::thread::hardware_concurrency());
    threads = std::min<unsigned>({threads, 16u, static_cast<unsigned>(total / 32 + 1)});
    struct Part {
        FileUnit unit;
        std::uint64_t hash = 0;
        FileUnit* kept = nullptr;  // keep_units: the unit to copy from
        Diagnostics read_diags;
        bool read_ok = false;
    };
    std::vector<std::unique_ptr<Part>> parts(total);  // alive from read to merge only
    std::vector<char> done(total, 0);
    std::mutex mutex;
    std::size_t merged = 0, finished = 0;
    std::atomic<std::size_t> next{0};
    auto merge = [&](std::size_t i) {
        Part& part = *parts[i];
        const std::uint32_t file = data_files[i];
        if (!decode) {  // scan(): only the hash; problems are for load() to report
            if (part.read_ok) hashes_[file] = part.hash;
            return;
        }
        append(diags_.items, part.read_diags.items);
        diags_.io_error = diags_.io_error || part.read_diags.io_error;
        if (!part.read_ok) {
            unread_.push_back(file);
            return;
        }
        hashes_[file] = part.hash;
        // A kept unit is copied once, into the repository; when files before it came or went,
        // it takes its new file index first (in place: it is this workspace's own).
        if (part.kept && part.kept->file != file) set_file(*part.kept, file);
        FileUnit& u = part.kept ? *part.kept : part.unit;
        if (u.dropped) unread_.push_back(file);
        if (options_.keep_units && !part.kept) units_.emplace(u.hash, u);
        if (options_.keep_units) {
            spans_[i] = span_of(u.records);
            append_copy(repo_.neighbourhoods, u.records.neighbourhoods);
            append_copy(repo_.liveability, u.records.liveability);
            append_copy(repo_.partners, u.records.partners);
            append_copy(repo_.agreements, u.records.agreements);
            append_copy(repo_.evaluations, u.records.evaluations);
            append_copy(repo_.strategies, u.records.strategies);
            append_copy(diags_.items, u.diags.items);
        } else {
            append(repo_.neighbourhoods, u.records.neighbourhoods);
            append(repo_.liveability, u.records.liveability);
            append(repo_.partners, u.records.partners);
            append(repo_.agreements, u.records.agreements);
            append(repo_.evaluations, u.records.evaluations);
            append(repo_.strategies, u.records.strategies);
            append(diags_.items, u.diags.items);
        }
        ++counts_.files;
    };
    UnitCache* cache = options_.cache.get();
    auto work = [&] {
        std::string bytes;
        for (;;) {
            std::size_t i = next.fetch_add(1);
            if (i >= total) return;
            auto part = std::make_unique<Part>();
            const std::uint32_t file = data_files[i];
            // After scan() the hash is known: a cached unit needs no second read.
            const std::uint64_t known = scanned_ ? hashes_[file] : 0;
            std::optional<FileUnit> cached;
            if (decode && known && cache) cached = cache->get(known, *repo_.texts);
            if (cached) {
                part->read_ok = true;
                part->hash = known;
                set_file(*cached, file);
                part->unit = std::move(*cached);
            } else {
                ReadResult r = source_->read(repo_.files[file], bytes);
                if (r.ok()) {
                    part->read_ok = true;
                    part->hash = content_hash(bytes);
                    if (decode && options_.keep_units) {
                        std::lock_guard<std::mutex> lock(mutex);  // units_ changes only under this lock
                        if (auto it = units_.find(part->hash); it != units_.end()) part->kept = &it->second;
                    }
                    if (decode && !part->kept && cache && !scanned_) cached = cache->get(part->hash, *repo_.texts);
                    if (decode && cached) {
                        set_file(*cached, file);
                        part->unit = std::move(*cached);
                    } else if (decode && !part->kept) {
                        part->unit = parse_data_unit(bytes, file, *repo_.texts);
                        if (cache) cache->put(part->unit);
                    }
                } else {
                    report_read(part->read_diags, file, r);
                }
            }
            // one large file must not keep its buffer while thousands of small ones follow
            if (bytes.capacity() > (std::size_t(1) << 18)) std::string().swap(bytes);
            std::lock_guard<std::mutex> lock(mutex);
            parts[i] = std::move(part);
            done[i] = 1;
            ++finished;
            while (merged < total && done[merged]) {
                merge(merged);
                parts[merged++].reset();
            }
            if (options_.progress && (finished % 256 == 0 || finished == total)) options_.progress(finished, total);
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
}

Workspace::Kept* Workspace::text_of(std::uint32_t file) const {
    if (file >= repo_.files.size() || file >= hashes_.size() || hashes_[file] == 0) return nullptr;
    const std::uint64_t hash = hashes_[file];
    if (auto it = recent_by_hash_.find(hash); it != recent_by_hash_.end()) {
        recent_.splice(recent_.begin(), recent_, it->second);
        return &recent_.front();
    }
    std::string bytes;
    if (!source_->read(repo_.files[file], bytes).ok() || content_hash(bytes) != hash) return nullptr;
    recent_.emplace_front();
    Kept& k = recent_.front();
    k.hash = hash;
    k.text = normalise_text(bytes);
    k.lines = LineIndex(k.text);  // views k.text: a list never moves its elements
    recent_by_hash_[hash] = recent_.begin();
    recent_bytes_ += k.text.size();
    while (recent_bytes_ > kept_bytes_limit && recent_.size() > 1) {
        recent_bytes_ -= recent_.back().text.size();
        recent_by_hash_.erase(recent_.back().hash);
        recent_.pop_back();
    }
    return &recent_.front();
}

Mark Workspace::mark(std::uint32_t file, Loc loc) const {
    if (!loc) return Mark{file, 0, 0};
    std::lock_guard<std::mutex> lock(mutex_);
    const Kept* k = text_of(file);
    return k ? k->lines.at(file, loc) : Mark{file, 0, 0};
}

std::optional<Excerpt> Workspace::excerpt(const Mark& m) const {
    if (m.line == 0) return std::nullopt;
    std::lock_guard<std::mutex> lock(mutex_);
    const Kept* k = text_of(m.file);
    if (!k) return std::nullopt;
    return k->lines.excerpt(m);
}

}  // namespace wijk

namespace wijk {

RecordPlace Workspace::place(const Mark& m) const {
    if (m.line == 0) return {};
    std::lock_guard<std::mutex> lock(mutex_);
    Kept* k = text_of(m.file);
    if (!k) return {};
    if (!k->places) k->places = record_places(k->text);
    return k->places->at(k->lines.offset(m));
}

}  // namespace wijk
