#include "load/unit_cache.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <ctime>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "load/unit_codec.h"

namespace fs = std::filesystem;

namespace wijk {

namespace {

// units.pack: [header][blobs][index: (hash, offset, size, checksum) per entry][footer]
// header: magic, pack version, unit codec version, the wijk version (any other: not read)
// footer: index offset, entries, checksum of the index, magic
constexpr char pack_magic[8] = {'W', 'I', 'J', 'K', 'P', 'A', 'C', 'K'};
constexpr std::uint32_t pack_version = 1;
// a data root not used for this long loses its cache folder (see prune_siblings)
constexpr int unused_cache_days = 90;
constexpr char result_magic[8] = {'W', 'I', 'J', 'K', 'V', 'A', 'L', 'D'};

std::string header() {
    std::string h(pack_magic, 8);
    auto u32 = [&](std::uint32_t v) { h.append(reinterpret_cast<const char*>(&v), 4); };
    u32(pack_version);
    u32(unit_codec_version);
    std::string version = WIJK_VERSION;
    u32(std::uint32_t(version.size()));
    h += version;
    return h;
}

struct Footer {
    std::uint64_t index_offset, entries, index_checksum;
    char magic[8];
};

bool write_all(int fd, const void* p, std::size_t n) {
    const char* c = static_cast<const char*>(p);
    while (n > 0) {
        ssize_t w = ::write(fd, c, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return false;
        c += w;
        n -= std::size_t(w);
    }
    return true;
}

std::uint64_t checksum(std::string_view bytes) { return XXH3_64bits(bytes.data(), bytes.size()); }

// In use: the folder's time says so (for prune_siblings), renewed at most once a day. Done
// when the pack or validate's result is read: a repository checked only by validate, from its
// cached result, never reads its pack and is in use all the same.
void mark_in_use(const std::string& folder) {
    struct stat dir {};
    if (::stat(folder.c_str(), &dir) == 0 && std::time(nullptr) - dir.st_mtime > 24 * 3600)
        ::utimensat(AT_FDCWD, folder.c_str(), nullptr, 0);
}

}  // namespace

std::string UnitCache::folder_for(const std::string& base, const std::string& root) {
    std::error_code ec;
    std::string real = fs::weakly_canonical(root, ec).string();
    if (ec) real = root;
    // the folder's own name, for a person looking in the cache, then the path's hash
    std::string name = fs::path(real).filename().string();
    std::string safe;
    for (char c : name) safe += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') ? c : '_';
    if (safe.size() > 40) safe.resize(40);
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(XXH3_64bits(real.data(), real.size())));
    return base + "/" + (safe.empty() ? "root" : safe) + "-" + hex;
}

UnitCache::UnitCache(std::string folder) : folder_(std::move(folder)) {}

UnitCache::~UnitCache() {
    if (map_) ::munmap(const_cast<char*>(map_), map_size_);
    if (next_fd_ >= 0) {
        ::close(next_fd_);
        ::unlink(next_path_.c_str());
    }
}

namespace {

bool is_cache_folder_name(const std::string& name) {
    if (name.size() < 18 || name[name.size() - 17] != '-') return false;
    return std::all_of(name.end() - 16, name.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
}

// wijk's files in a cache folder: the pack, the result, and their temporary files
bool is_cache_file_name(const std::string& name) {
    return name == "units.pack" || name == "validate.result" || name.rfind("units.pack.", 0) == 0 ||
           name.rfind("validate.result.", 0) == 0;
}

}  // namespace

void UnitCache::prune_siblings(const std::string& folder, int unused_days) {
    const fs::path self = fs::path(folder);
    const fs::path base = self.parent_path();
    const auto now = std::chrono::system_clock::now();
    std::error_code ec;
    for (fs::directory_iterator it(base, ec), end; !ec && it != end; it.increment(ec)) {
        const fs::path& p = it->path();
        const std::string name = p.filename().string();
        struct stat st {};
        if (p == self || !is_cache_folder_name(name) || ::lstat(p.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
            continue;
        const auto used = std::chrono::system_clock::from_time_t(st.st_mtime);
        if (now - used < std::chrono::hours(24) * unused_days) continue;
        // only wijk's own files go; a folder holding anything else is left as it is
        std::vector<fs::path> files;
        bool only_ours = true;
        std::error_code e2;
        for (fs::directory_iterator f(p, e2), fend; !e2 && f != fend; f.increment(e2)) {
            struct stat fs_st {};
            if (!is_cache_file_name(f->path().filename().string()) || ::lstat(f->path().c_str(), &fs_st) != 0 ||
                !S_ISREG(fs_st.st_mode)) {
                only_ours = false;
                break;
            }
            files.push_back(f->path());
        }
        if (e2 || !only_ours) continue;
        for (const auto& f : files) ::unlink(f.c_str());
        ::rmdir(p.c_str());
    }
}

void UnitCache::read_pack() const {
    if (pack_read_) return;
    pack_read_ = true;
    int fd = ::open((folder_ + "/units.pack").c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) return;
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || std::size_t(st.st_size) < sizeof(Footer)) {
        ::close(fd);
        return;
    }
    void* p = ::mmap(nullptr, std::size_t(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (p == MAP_FAILED) return;
    map_ = static_cast<const char*>(p);
    map_size_ = std::size_t(st.st_size);
    mark_in_use(folder_);
    const std::string h = header();
    Footer f;
    std::memcpy(&f, map_ + map_size_ - sizeof f, sizeof f);
    bool ok = map_size_ > h.size() + sizeof f && std::memcmp(map_, h.data(), h.size()) == 0 &&
              std::memcmp(f.magic, pack_magic, 8) == 0 && f.index_offset >= h.size() &&
              f.entries <= (map_size_ - sizeof f) / sizeof(IndexEntry) &&
              f.index_offset + f.entries * sizeof(IndexEntry) == map_size_ - sizeof f;
    if (ok) {
        std::string_view index(map_ + f.index_offset, f.entries * sizeof(IndexEntry));
        ok = checksum(index) == f.index_checksum;
    }
    if (!ok) {  // another version, or not whole: as if there were none (the next save replaces it)
        ::munmap(const_cast<char*>(map_), map_size_);
        map_ = nullptr;
        map_size_ = 0;
        return;
    }
    blobs_begin_ = h.size();
    blobs_end_ = f.index_offset;
    old_.reserve(f.entries);
    for (std::uint64_t i = 0; i < f.entries; ++i) {
        UnitCache::IndexEntry e;
        std::memcpy(&e, map_ + f.index_offset + i * sizeof e, sizeof e);
        if (e.offset < blobs_begin_ || e.offset + e.size > blobs_end_) continue;
        old_.emplace(e.hash, Entry{e.offset, e.size, e.checksum});
    }
}

bool UnitCache::has(std::uint64_t hash) const {
    std::lock_guard<std::mutex> lock(mutex_);
    read_pack();
    return old_.count(hash) > 0 ||
           std::any_of(fresh_.begin(), fresh_.end(), [&](const FreshEntry& e) { return e.hash == hash; });
}

std::size_t UnitCache::size() const {
    std::lock_guard<std::mutex> lock(mutex_);
    read_pack();
    std::vector<std::uint64_t> hashes;
    for (const auto& e : fresh_)
        if (!old_.count(e.hash)) hashes.push_back(e.hash);
    std::sort(hashes.begin(), hashes.end());
    return old_.size() + std::size_t(std::unique(hashes.begin(), hashes.end()) - hashes.begin());
}

std::optional<FileUnit> UnitCache::get(std::uint64_t hash, TextPool& texts) {
    std::string_view blob;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        read_pack();
        auto it = old_.find(hash);
        if (it == old_.end()) return std::nullopt;
        blob = std::string_view(map_ + it->second.offset, it->second.size);
        if (checksum(blob) != it->second.checksum) {
            old_.erase(it);  // garbled: parsed again, and written anew
            return std::nullopt;
        }
    }
    auto unit = decode_unit(blob, texts);
    if (!unit || unit->hash != hash) {
        std::lock_guard<std::mutex> lock(mutex_);
        old_.erase(hash);
        return std::nullopt;
    }
    return unit;
}

bool UnitCache::start_next() {
    if (next_fd_ >= 0) return true;
    if (unwritable_) return false;
    std::error_code ec;
    if (fs::create_directories(folder_, ec)) prune_siblings(folder_, unused_cache_days);
    next_path_ = folder_ + "/units.pack.XXXXXX";
    next_fd_ = ::mkstemp(next_path_.data());
    if (next_fd_ < 0) {
        unwritable_ = true;
        return false;
    }
    ::fcntl(next_fd_, F_SETFD, FD_CLOEXEC);
    const std::string h = header();
    if (!write_all(next_fd_, h.data(), h.size())) {
        unwritable_ = true;
        return false;
    }
    next_size_ = h.size();
    fresh_begin_ = next_size_;
    return true;
}

namespace {

// Encoded units are written in pieces of this size: big enough that the writes are few (about
// 1,000 at bench scale 1), small enough that the buffer is no part of the first run's peak
// memory, and below main()'s mmap threshold (a block that large is a mapping of its own).
constexpr std::size_t pending_piece = 64u << 10;

// The pack's index, written as it is made, a piece at a time, its checksum summed on the way:
// the index of 85,000 entries is never held whole (2.7 MB at bench scale 1).
class IndexWriter {
public:
    explicit IndexWriter(int fd) : fd_(fd) {
        state_ = XXH3_createState();
        ok_ = state_ && XXH3_64bits_reset(state_) == XXH_OK;
        piece_.reserve(piece_entries);
    }
    ~IndexWriter() {
        if (state_) XXH3_freeState(state_);
    }
    IndexWriter(const IndexWriter&) = delete;
    IndexWriter& operator=(const IndexWriter&) = delete;
    void add(const UnitCache::IndexEntry& e) {
        piece_.push_back(e);
        ++entries_;
        if (piece_.size() == piece_entries) flush();
    }
    // The footer after the last piece; false when a write failed.
    bool finish(std::uint64_t index_offset) {
        flush();
        if (!ok_) return false;
        Footer f{};
        f.index_offset = index_offset;
        f.entries = entries_;
        f.index_checksum = XXH3_64bits_digest(state_);
        std::memcpy(f.magic, pack_magic, 8);
        return write_all(fd_, &f, sizeof f);
    }

private:
    static constexpr std::size_t piece_entries = 2048;
    void flush() {
        if (piece_.empty() || !ok_) return;
        const std::size_t n = piece_.size() * sizeof(UnitCache::IndexEntry);
        ok_ = XXH3_64bits_update(state_, piece_.data(), n) == XXH_OK && write_all(fd_, piece_.data(), n);
        piece_.clear();
    }
    int fd_;
    XXH3_state_t* state_ = nullptr;
    bool ok_ = false;
    std::uint64_t entries_ = 0;
    std::vector<UnitCache::IndexEntry> piece_;
};

}  // namespace

void UnitCache::put(const FileUnit& unit) {
    std::string blob;
    encode_unit(unit, blob);
    if (blob.size() > UINT32_MAX) return;  // never: a data file is at most 16 MiB
    const std::uint64_t sum = checksum(blob);
    std::lock_guard<std::mutex> lock(mutex_);
    if (unwritable_) return;
    read_pack();
    // the same bytes twice in one run (two files alike) are listed twice; a reader keeps the first
    if (old_.count(unit.hash) || !start_next()) return;
    if (pending_.size() + blob.size() > pending_piece) write_pending();
    if (unwritable_) return;
    if (blob.size() >= pending_piece) {
        if (!write_blob(blob)) return;
    } else {
        if (pending_.capacity() < pending_piece) pending_.reserve(pending_piece);
        pending_ += blob;
    }
    fresh_.push_back({unit.hash, sum, std::uint32_t(blob.size())});
}

void UnitCache::expect(std::size_t units) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (fresh_.capacity() < units) fresh_.reserve(units);
}

bool UnitCache::write_blob(std::string_view blob) {
    if (!write_all(next_fd_, blob.data(), blob.size())) {
        unwritable_ = true;
        fresh_.clear();
        return false;
    }
    next_size_ += blob.size();
    return true;
}

void UnitCache::write_pending() {
    if (pending_.empty() || unwritable_) return;
    write_blob(pending_);
    pending_.clear();
}

void UnitCache::save(const std::vector<std::uint64_t>& live) {
    std::lock_guard<std::mutex> lock(mutex_);
    read_pack();
    {
        // A first run has no old entries: no sorted copy of `live` is needed.
        std::vector<std::uint64_t> sorted;
        if (!old_.empty()) {
            sorted = live;
            std::sort(sorted.begin(), sorted.end());
        }
        auto in_use = [&](std::uint64_t hash) { return std::binary_search(sorted.begin(), sorted.end(), hash); };
        std::size_t dead_bytes = 0;
        for (const auto& [hash, e] : old_)
            if (!in_use(hash)) dead_bytes += e.size;
        // nothing new and little unused: the pack stays as it is
        const bool keep_block = dead_bytes * 2 <= blobs_end_ - blobs_begin_;
        if (fresh_.empty() && keep_block) return;
        if (!start_next()) return;
        write_pending();
        std::string{}.swap(pending_);
        if (unwritable_) return;
        // The new blobs are written; the old ones follow. Old and new entries never share a
        // hash (put() skips what the pack has). Two passes over old_ in the same order: its
        // blobs, then their entries, so no list of them is made.
        const std::uint64_t old_begin = next_size_;
        if (keep_block) {
            // the old blobs as one block, each entry shifted by where the block lands
            if (blobs_end_ > blobs_begin_ && !write_all(next_fd_, map_ + blobs_begin_, blobs_end_ - blobs_begin_))
                return;
            next_size_ += blobs_end_ - blobs_begin_;
        } else {
            // many unused: only the entries some file still uses
            for (const auto& [hash, e] : old_) {
                if (!in_use(hash)) continue;
                if (!write_all(next_fd_, map_ + e.offset, e.size)) return;
                next_size_ += e.size;
            }
        }
        IndexWriter index(next_fd_);
        std::uint64_t offset = fresh_begin_;
        for (const auto& e : fresh_) {
            index.add({e.hash, offset, e.size, e.checksum});
            offset += e.size;
        }
        std::vector<FreshEntry>{}.swap(fresh_);
        offset = old_begin;
        for (const auto& [hash, e] : old_) {
            if (keep_block) {
                index.add({hash, e.offset - blobs_begin_ + old_begin, e.size, e.checksum});
            } else if (in_use(hash)) {
                index.add({hash, offset, e.size, e.checksum});
                offset += e.size;
            }
        }
        if (!index.finish(next_size_)) return;
    }
    // a cache is worth no fsync: a pack cut short by a crash fails its checks and is replaced
    ::close(next_fd_);
    next_fd_ = -1;
    if (std::rename(next_path_.c_str(), (folder_ + "/units.pack").c_str()) != 0) ::unlink(next_path_.c_str());
}

std::optional<std::string> UnitCache::result(std::uint64_t key) const {
    int fd = ::open((folder_ + "/validate.result").c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) return std::nullopt;
    mark_in_use(folder_);
    std::string bytes;
    char buf[65536];
    for (;;) {
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        bytes.append(buf, std::size_t(n));
        if (bytes.size() > (64u << 20)) break;
    }
    ::close(fd);
    const std::string h = header();
    // [header][result magic][key][checksum][bytes]
    const std::size_t head = h.size() + 8 + 16;
    if (bytes.size() < head || bytes.compare(0, h.size(), h) != 0 ||
        std::memcmp(bytes.data() + h.size(), result_magic, 8) != 0)
        return std::nullopt;
    std::uint64_t stored_key, sum;
    std::memcpy(&stored_key, bytes.data() + h.size() + 8, 8);
    std::memcpy(&sum, bytes.data() + h.size() + 16, 8);
    std::string_view body(bytes.data() + head, bytes.size() - head);
    if (stored_key != key || checksum(body) != sum) return std::nullopt;
    return std::string(body);
}

bool UnitCache::has_any_result() const {
    std::error_code ec;
    return fs::exists(folder_ + "/validate.result", ec);
}

void UnitCache::put_result(std::uint64_t key, std::string_view body) {
    std::error_code ec;
    fs::create_directories(folder_, ec);
    std::string path = folder_ + "/validate.result.XXXXXX";
    int fd = ::mkstemp(path.data());
    if (fd < 0) return;
    std::string bytes = header();
    bytes.append(result_magic, 8);
    std::uint64_t sum = checksum(body);
    bytes.append(reinterpret_cast<const char*>(&key), 8);
    bytes.append(reinterpret_cast<const char*>(&sum), 8);
    bytes.append(body);
    bool ok = write_all(fd, bytes.data(), bytes.size());
    ::close(fd);
    if (!ok || std::rename(path.c_str(), (folder_ + "/validate.result").c_str()) != 0) ::unlink(path.c_str());
}

}  // namespace wijk
