#include "model/text_pool.h"

#include <algorithm>
#include <stdexcept>

namespace wijk {

namespace {
constexpr std::size_t block_bytes = 256 * 1024;
constexpr unsigned tag_shift = 48;  // user-space pointers fit in 48 bits on every 64-bit target we build for
constexpr std::uint64_t pointer_mask = (std::uint64_t(1) << tag_shift) - 1;

std::uint64_t tag_of(std::string_view text) {
    const std::uint64_t hash = std::hash<std::string_view>{}(text);
    return (hash ^ (hash >> 29)) & 0xffff;
}
}  // namespace

// Texts lie back to back in blocks that never move, each as its length and its bytes (4 bytes
// and the text's own, where a std::string took 32 and a heap block past 15 bytes). The lookup
// table is open addressing over 8-byte slots: the pointer, with 16 bits of the hash above it so
// that a probe rarely compares texts; at most 4/5 full.
struct TextPool::State {
    mutable std::mutex mutex;
    std::vector<std::uint64_t> slots = std::vector<std::uint64_t>(1024, 0);
    std::size_t used = 0;
    std::vector<std::unique_ptr<char[]>> blocks;
    char* free_at = nullptr;
    std::size_t free_left = 0;

    static std::string_view text_of(std::uint64_t slot) {
        return TextRef::from_raw(reinterpret_cast<const char*>(slot & pointer_mask)).view();
    }

    void grow() {
        std::vector<std::uint64_t> old(slots.size() * 2, 0);
        old.swap(slots);
        const std::size_t mask = slots.size() - 1;
        for (std::uint64_t s : old) {
            if (!s) continue;
            std::size_t i = std::size_t(std::hash<std::string_view>{}(text_of(s))) & mask;
            while (slots[i]) i = (i + 1) & mask;
            slots[i] = s;
        }
    }

    const char* store(std::string_view text) {
        if (text.size() > 0xffffffffu) throw std::length_error("text too long");
        const std::size_t need = sizeof(std::uint32_t) + text.size();
        if (need > free_left) {
            std::size_t n = std::max(block_bytes, need);
            blocks.push_back(std::make_unique<char[]>(n));
            free_at = blocks.back().get();
            free_left = n;
        }
        char* out = free_at;
        const auto n = static_cast<std::uint32_t>(text.size());
        std::memcpy(out, &n, sizeof n);
        if (!text.empty()) std::memcpy(out + sizeof n, text.data(), text.size());
        free_at += need;
        free_left -= need;
        return out;
    }

    // The slot that holds `text`, or the free slot where it would go (call under the lock).
    std::size_t slot_of(std::string_view text, std::uint64_t tag) const {
        const std::size_t mask = slots.size() - 1;
        std::size_t i = std::size_t(std::hash<std::string_view>{}(text)) & mask;
        for (;; i = (i + 1) & mask) {
            std::uint64_t s = slots[i];
            if (!s || ((s >> tag_shift) == tag && text_of(s) == text)) return i;
        }
    }
};

TextPool::TextPool() : s_(std::make_unique<State>()) {}
TextPool::~TextPool() = default;

TextRef TextPool::intern(std::string_view text) {
    const std::uint64_t tag = tag_of(text);
    std::lock_guard<std::mutex> lock(s_->mutex);
    if ((s_->used + 1) * 5 > s_->slots.size() * 4) s_->grow();
    const std::size_t i = s_->slot_of(text, tag);
    if (!s_->slots[i]) {
        const char* p = s_->store(text);
        const auto bits = reinterpret_cast<std::uint64_t>(p);
        if (bits > pointer_mask) throw std::runtime_error("text pool: pointer does not fit in 48 bits");
        s_->slots[i] = (tag << tag_shift) | bits;
        ++s_->used;
    }
    return TextRef::from_raw(reinterpret_cast<const char*>(s_->slots[i] & pointer_mask));
}

TextRef TextPool::find(std::string_view text) const {
    const std::uint64_t tag = tag_of(text);
    std::lock_guard<std::mutex> lock(s_->mutex);
    return TextRef::from_raw(reinterpret_cast<const char*>(s_->slots[s_->slot_of(text, tag)] & pointer_mask));
}

std::size_t TextPool::size() const {
    std::lock_guard<std::mutex> lock(s_->mutex);
    return s_->used;
}

}  // namespace wijk
