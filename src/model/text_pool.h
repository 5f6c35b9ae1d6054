// One copy of each distinct text a repository state holds (ids, names, notes), shared by every
// record that names it: a text field keeps a pointer into its pool instead of its own
// std::string. Each workspace owns its pool, which lives as long as the records that point
// into it; equal texts in one pool are one TextRef, so ids compare by identity there.
#pragma once

#include <compare>
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace wijk {

// A pooled text: points at its length (4 bytes) followed by its bytes; they never move.
// Null: no text.
class TextRef {
public:
    TextRef() = default;
    explicit operator bool() const { return p_ != nullptr; }
    std::string_view view() const {
        if (!p_) return {};
        std::uint32_t n;
        std::memcpy(&n, p_, sizeof n);
        return {p_ + sizeof n, n};
    }
    const char* raw() const { return p_; }
    static TextRef from_raw(const char* p) {
        TextRef r;
        r.p_ = p;
        return r;
    }
    friend bool operator==(TextRef, TextRef) = default;
    // An order by identity (for sorted indexes); not the order of the texts.
    friend std::strong_ordering operator<=>(TextRef a, TextRef b) {
        return std::compare_three_way{}(a.p_, b.p_);
    }

private:
    const char* p_ = nullptr;
};

class TextPool {
public:
    TextPool();
    ~TextPool();
    TextPool(const TextPool&) = delete;
    TextPool& operator=(const TextPool&) = delete;

    // The pooled copy of `text`, the same for equal texts (thread-safe).
    TextRef intern(std::string_view text);
    // The pooled copy of `text` when some value holds it, else a null TextRef (adds nothing).
    TextRef find(std::string_view text) const;
    // Distinct texts held, and the bytes they take (for tests and measurements).
    std::size_t size() const;

private:
    struct State;
    std::unique_ptr<State> s_;
};

}  // namespace wijk
