#include "model/text_pool.h"

#include <array>
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <vector>

namespace wijk::text_pool {

namespace {

// Texts live in chunks that never move, so a handle is resolved without a lock: handle h is
// chunk h >> chunk_bits, slot h & (chunk_size - 1). The chunk table is written under the
// lock before any handle into the chunk is handed out.
constexpr unsigned chunk_bits = 14;
constexpr std::uint32_t chunk_size = 1u << chunk_bits;
constexpr std::size_t max_chunks = 8192;  // 134 million texts, far beyond any repository

struct Pool {
    std::mutex mutex;
    std::array<std::atomic<std::string*>, max_chunks> chunks{};
    std::uint32_t count = 1;  // handle 0 is never used
    // Open addressing: handles (0 = free), with the low bits of the hash beside them so that a
    // probe rarely has to compare texts.
    std::vector<std::uint64_t> slots = std::vector<std::uint64_t>(1024, 0);
    std::size_t used = 0;

    const std::string& at(std::uint32_t h) const {
        return chunks[h >> chunk_bits].load(std::memory_order_acquire)[h & (chunk_size - 1)];
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

    std::uint32_t add(std::string_view text) {
        if ((count >> chunk_bits) >= max_chunks) throw std::length_error("text pool full");
        std::uint32_t h = count++;
        std::size_t c = h >> chunk_bits;
        std::string* chunk = chunks[c].load(std::memory_order_relaxed);
        if (!chunk) {
            chunk = new std::string[chunk_size];
            chunks[c].store(chunk, std::memory_order_release);
        }
        chunk[h & (chunk_size - 1)].assign(text);
        return h;
    }
};

Pool& pool() {
    static Pool* p = new Pool;  // never destroyed: handles outlive static destructors
    return *p;
}

}  // namespace

std::uint32_t intern(std::string_view text) {
    Pool& p = pool();
    const std::uint64_t hash = std::hash<std::string_view>{}(text);
    const std::uint64_t tag = (hash ^ (hash >> 32)) & 0xffffffffu;
    std::lock_guard<std::mutex> lock(p.mutex);
    if ((p.used + 1) * 10 > p.slots.size() * 7) p.grow();
    const std::size_t mask = p.slots.size() - 1;
    std::size_t i = std::size_t(tag) & mask;
    for (;; i = (i + 1) & mask) {
        std::uint64_t s = p.slots[i];
        if (!s) break;
        if ((s >> 32) == tag && p.at(std::uint32_t(s)) == text) return std::uint32_t(s);
    }
    std::uint32_t h = p.add(text);
    p.slots[i] = (tag << 32) | h;
    ++p.used;
    return h;
}

std::uint32_t find(std::string_view text) {
    Pool& p = pool();
    const std::uint64_t hash = std::hash<std::string_view>{}(text);
    const std::uint64_t tag = (hash ^ (hash >> 32)) & 0xffffffffu;
    std::lock_guard<std::mutex> lock(p.mutex);
    const std::size_t mask = p.slots.size() - 1;
    for (std::size_t i = std::size_t(tag) & mask;; i = (i + 1) & mask) {
        std::uint64_t s = p.slots[i];
        if (!s) return 0;
        if ((s >> 32) == tag && p.at(std::uint32_t(s)) == text) return std::uint32_t(s);
    }
}

const std::string& get(std::uint32_t handle) { return pool().at(handle); }

std::size_t size() {
    Pool& p = pool();
    std::lock_guard<std::mutex> lock(p.mutex);
    return p.count - 1;
}

}  // namespace wijk::text_pool
