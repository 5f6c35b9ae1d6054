// One copy of each distinct text the data holds (ids, names, notes), shared by every record
// that names it: a Field<std::string> keeps a 4-byte handle instead of its own std::string.
// Process-wide, thread-safe, never shrinks (a command runs once and exits).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace wijk::text_pool {

// The handle of `text`, the same for equal texts; never 0.
std::uint32_t intern(std::string_view text);
// The handle of `text` when some value holds it, else 0 (adds nothing).
std::uint32_t find(std::string_view text);
// The text of a handle intern() returned (valid for the life of the process).
std::string_view get(std::uint32_t handle);
// What `field->size()` goes through: a view that lives as long as the expression.
struct Arrow {
    std::string_view view;
    const std::string_view* operator->() const { return &view; }
};

// Distinct texts held (for tests and measurements).
std::size_t size();

}  // namespace wijk::text_pool
