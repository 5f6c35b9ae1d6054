#include "model/text_pool.h"

#include <array>
#include <atomic>
#include <cstring>
#include <functional>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <vector>

namespace wijk::text_pool {

namespace {

// A text is a (pointer, length) entry; its bytes lie back to back in blocks of characters that
// never move, so a view stays valid for the life of the process: 12 bytes and the text's own
// bytes per distinct text (a std::string took 32, and a heap block of its own past 15 bytes).
struct Entry {
    const char* data;
    std::uint32_t size;
};

// Entries live in chunks that never move either, so a handle is resolved without a lock:
// handle h is chunk h >> chunk_bits, slot h & (chunk_size - 1). The chunk table is written
// under the lock before any handle into the chunk is handed out.
constexpr unsigned chunk_bits = 14;
constexpr std::uint32_t chunk_size = 1u << chunk_bits;
constexpr std::size_t max_chunks = 8192;  // 134 million texts, far beyond any repository
constexpr std::size_t block_bytes = 256 * 1024;

struct Pool {
    std::mutex mutex;
    std::array<std::atomic<Entry*>, max_chunks> chunks{};
    std::uint32_t count = 1;  // handle 0 is never used
    // Open addressing: handles (0 = free), with the low bits of the hash beside them so that a
    // probe rarely has to compare texts. At most 4/5 full.
    std::vector<std::uint64_t> slots = std::vector<std::uint64_t>(1024, 0);
    std::size_t used = 0;
    // Character blocks; a text longer than a block gets one of its own.
    std::vector<std::unique_ptr<char[]>> blocks;
    char* free_at = nullptr;
    std::size_t free_left = 0;

    std::string_view at(std::uint32_t h) const {
        const Entry& e = chunks[h >> chunk_bits].load(std::memory_order_acquire)[h & (chunk_size - 1)];
        return {e.data, e.size};
    }

    void grow() {
        std::vector<std::uint64_t> old(slots.size() * 2, 0);
        old.swap(slots);
        const std::size_t mask = slots.size() - 1;
        for (std::uint64_t s : old) {
            if (!s) continue;
            std::size_t i = std::size_t(s >> 32) & mask;
            while (slots[i]) i = (i + 1) & mask;
            slots[i] = s;
        }
    }

    const char* store(std::string_view text) {
        if (text.empty()) return "";
        if (text.size() > free_left) {
            std::size_t n = std::max(block_bytes, text.size());
            blocks.push_back(std::make_unique<char[]>(n));
            free_at = blocks.back().get();
            free_left = n;
        }
        char* out = free_at;
        std::memcpy(out, text.data(), text.size());
        free_at += text.size();
        free_left -= text.size();
        return out;
    }

    std::uint32_t add(std::string_view text) {
        if ((count >> chunk_bits) >= max_chunks) throw std::length_error("text pool full");
        if (text.size() > 0xffffffffu) throw std::length_error("text too long");
        std::uint32_t h = count++;
        std::size_t c = h >> chunk_bits;
        Entry* chunk = chunks[c].load(std::memory_order_relaxed);
        if (!chunk) {
            chunk = new Entry[chunk_size];
            chunks[c].store(chunk, std::memory_order_release);
        }
        chunk[h & (chunk_size - 1)] = Entry{store(text), static_cast<std::uint32_t>(text.size())};
        return h;
    }
};

Pool& pool() {
    static Pool* p = new Pool;  // never destroyed: handles outlive static destructors
    return *p;
}

std::uint64_t tag_of(std::string_view text) {
    const std::uint64_t hash = std::hash<std::string_view>{}(text);
    return (hash ^ (hash >> 32)) & 0xffffffffu;
}

// The slot that holds `text`, or the free slot where it would go (call under the lock).
std::size_t slot_of(const Pool& p, std::string_view text, std::uint64_t tag) {
    const std::size_t mask = p.slots.size() - 1;
    std::size_t i = std::size_t(tag) & mask;
    for (;; i = (i + 1) & mask) {
        std::uint64_t s = p.slots[i];
        if (!s || ((s >> 32) == tag && p.at(std::uint32_t(s)) == text)) return i;
    }
}

}  // namespace

std::uint32_t intern(std::string_view text) {
    Pool& p = pool();
    const std::uint64_t tag = tag_of(text);
    std::lock_guard<std::mutex> lock(p.mutex);
    if ((p.used + 1) * 5 > p.slots.size() * 4) p.grow();
    const std::size_t i = slot_of(p, text, tag);
    if (p.slots[i]) return std::uint32_t(p.slots[i]);
    std::uint32_t h = p.add(text);
    p.slots[i] = (tag << 32) | h;
    ++p.used;
    return h;
}

std::uint32_t find(std::string_view text) {
    Pool& p = pool();
    const std::uint64_t tag = tag_of(text);
    std::lock_guard<std::mutex> lock(p.mutex);
    return std::uint32_t(p.slots[slot_of(p, text, tag)]);
}

std::string_view get(std::uint32_t handle) { return pool().at(handle); }

std::size_t size() {
    Pool& p = pool();
    std::lock_guard<std::mutex> lock(p.mutex);
    return p.count - 1;
}

}  // namespace wijk::text_pool
