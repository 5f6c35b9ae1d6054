// "Did you mean": the closest candidate within a small edit distance, or a clear prefix.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace wijk {

std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word`: edit distance <= max_distance (ties: the first), else one
// that `word` is a clear prefix of (3+ characters) or that is a prefix of `word`.
std::optional<std::string> suggest(std::string_view word, std::span<const std::string_view> candidates,
                                   std::size_t max_distance = 2);
std::optional<std::string> suggest(std::string_view word, const std::vector<std::string>& candidates,
                                   std::size_t max_distance = 2);

}  // namespace wijk
