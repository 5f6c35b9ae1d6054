#include "model/suggest.h"

#include <algorithm>
#include <cctype>

namespace wijk {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    // Optimal string alignment: a swap of two neighbours counts as one edit.
    std::vector<std::size_t> prev2(b.size() + 1), prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                cur[j] = std::min(cur[j], prev2[j - 2] + 1);
        }
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

namespace {
template <class Range>
std::optional<std::string> best(std::string_view word, const Range& candidates,
                                 std::size_t max_distance) {
    // the same word in other capitals first: NL -> nl, Tenants -> tenants
    auto lower = [](std::string_view s) {
        std::string out(s);
        for (auto& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
        return out;
    };
    for (const auto& c : candidates)
        if (std::string_view(c) != word && lower(c) == lower(word)) return std::string(std::string_view(c));
    std::optional<std::string> found;
    std::size_t found_distance = max_distance + 1;
    for (const auto& c : candidates) {
        std::string_view cand(c);
        // cheap bound: lengths too far apart cannot be close
        std::size_t diff = cand.size() > word.size() ? cand.size() - word.size() : word.size() - cand.size();
        if (diff > max_distance) continue;
        std::size_t d = edit_distance(word, cand);
        if (d < found_distance && d > 0) {
            found_distance = d;
            found = std::string(cand);
        }
    }
    if (found) return found;
    if (word.size() >= 3)
        for (const auto& c : candidates) {
            std::string_view cand(c);
            if (cand.size() > word.size() && cand.substr(0, word.size()) == word)
                return std::string(cand);
        }
    for (const auto& c : candidates) {
        std::string_view cand(c);
        if (cand.size() >= 3 && cand.size() < word.size() && word.substr(0, cand.size()) == cand)
            return std::string(cand);
    }
    return std::nullopt;
}
}  // namespace

std::optional<std::string> suggest(std::string_view word, std::span<const std::string_view> candidates,
                                   std::size_t max_distance) {
    return best(word, candidates, max_distance);
}

std::optional<std::string> suggest(std::string_view word, const std::vector<std::string>& candidates,
                                   std::size_t max_distance) {
    return best(word, candidates, max_distance);
}

}  // namespace wijk
