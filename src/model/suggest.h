// "Did you mean": the closest candidate within a small edit distance, or a clear prefix.
#pragma once

#include <optional>

#include "model/i18n.h"

#include <span>
#include <string>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace wijk {

std::size_t edit_distance(std::string_view a, std::string_view b);

// The one wording of the hint: "did you mean 'x'?", in both languages.
Text did_you_mean(std::string_view candidate);
// The same as an aside after a list of what is accepted: " (did you mean 'x'?)", or nothing
// without a candidate.
std::string did_you_mean_aside(const std::optional<std::string>& candidate, Lang lang);

// The candidate closest to `word`: edit distance <= max_distance (ties: the first), else one
// that `word` is a clear prefix of (3+ characters) or that is a prefix of `word`.
std::optional<std::string> suggest(std::string_view word, std::span<const std::string_view> candidates,
                                   std::size_t max_distance = 2);
std::optional<std::string> suggest(std::string_view word, const std::vector<std::string>& candidates,
                                   std::size_t max_distance = 2);

// suggest() over many candidates asked many times (thousands of dangling references to a
// collection of thousands of ids): the same answers, from an index of the candidates (a trie,
// and sorted for prefixes) and a memory of every word asked, so that a bulk rename costs
// milliseconds instead of minutes.
class Suggester {
public:
    explicit Suggester(std::vector<std::string> candidates);
    std::optional<std::string> suggest(std::string_view word, std::size_t max_distance);

private:
    std::optional<std::size_t> closest(std::string_view word, std::size_t max_distance) const;
    std::vector<std::string> candidates_;
    std::unordered_map<std::string, std::vector<std::uint32_t>> by_lower_;        // lower-cased -> indexes
    struct Node {
        std::vector<std::pair<char, std::uint32_t>> kids;
        std::int32_t candidate = -1;  // the first candidate that ends here
    };
    std::vector<Node> nodes_;  // a trie of the candidates; nodes_[0] is its root
    std::vector<std::uint32_t> sorted_;                                           // indexes by text
    std::unordered_map<std::string, std::uint32_t> exact_;                        // text -> first index
    std::unordered_map<std::string, std::optional<std::string>> asked_;
};


}  // namespace wijk
