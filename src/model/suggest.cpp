#include "model/suggest.h"

#include <algorithm>
#include <cctype>

namespace wijk {

Text did_you_mean(std::string_view candidate) {
    return say("did you mean '{}'?", "bedoel je '{}'?", candidate);
}

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

std::size_t edit_distance_within(std::string_view a, std::string_view b, std::size_t limit) {
    const std::size_t over = limit + 1;
    if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > limit) return over;
    // the same recurrence as edit_distance, with cells outside the band |i - j| <= limit at `over`
    std::vector<std::size_t> prev2(b.size() + 1, over), prev(b.size() + 1, over), cur(b.size() + 1, over);
    for (std::size_t j = 0; j <= std::min(b.size(), limit); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t lo = i > limit ? i - limit : 1, hi = std::min(b.size(), i + limit);
        std::fill(cur.begin(), cur.end(), over);
        if (i <= limit) cur[0] = i;
        std::size_t row_min = cur[0];
        for (std::size_t j = lo; j <= hi; ++j) {
            std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            std::size_t v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = std::min(v, prev2[j - 2] + 1);
            cur[j] = std::min(v, over);
            row_min = std::min(row_min, cur[j]);
        }
        if (row_min > limit) return over;
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    return std::min(prev[b.size()], over);
}

namespace {
std::string lowered(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}
std::uint32_t pair_at(std::string_view s, std::size_t i) {
    return (std::uint32_t(static_cast<unsigned char>(s[i])) << 8) | static_cast<unsigned char>(s[i + 1]);
}
}  // namespace

Suggester::Suggester(std::vector<std::string> candidates) : candidates_(std::move(candidates)) {
    for (std::uint32_t i = 0; i < candidates_.size(); ++i) {
        const std::string& c = candidates_[i];
        by_lower_[lowered(c)].push_back(i);
        exact_.emplace(c, i);
        if (by_length_.size() <= c.size()) by_length_.resize(c.size() + 1);
        by_length_[c.size()].push_back(i);
        std::vector<std::uint32_t> seen;
        for (std::size_t k = 0; k + 1 < c.size(); ++k) {
            std::uint32_t p = pair_at(c, k);
            if (std::find(seen.begin(), seen.end(), p) != seen.end()) continue;
            seen.push_back(p);
            by_pair_[p].push_back(i);
        }
        sorted_.push_back(i);
    }
    std::sort(sorted_.begin(), sorted_.end(),
              [&](std::uint32_t x, std::uint32_t y) { return std::tie(candidates_[x], x) < std::tie(candidates_[y], y); });
}

// The first candidate (in candidate order) at the smallest distance 1..max_distance.
std::optional<std::size_t> Suggester::closest(std::string_view word, std::size_t max_distance) const {
    std::size_t best_d = max_distance + 1, best_i = SIZE_MAX;
    auto consider = [&](std::uint32_t i) {
        std::string_view cand = candidates_[i];
        if (cand == word) return;
        std::size_t limit = std::min(max_distance, best_d);  // a tie is decided by order below
        std::size_t d = edit_distance_within(word, cand, limit);
        if (d == 0 || d > max_distance) return;
        if (d < best_d || (d == best_d && i < best_i)) best_d = d, best_i = i;
    };
    // Pairs of letters: one edit (a transposition included) changes at most three of a word's
    // distinct pairs, so within distance d a candidate shares at least (distinct pairs) - 3d of
    // them. When that bound says nothing, every candidate of a near length is looked at.
    std::vector<std::uint32_t> pairs;
    for (std::size_t k = 0; k + 1 < word.size(); ++k) {
        std::uint32_t p = pair_at(word, k);
        if (std::find(pairs.begin(), pairs.end(), p) == pairs.end()) pairs.push_back(p);
    }
    const long need = long(pairs.size()) - 3 * long(max_distance);
    if (need > 0) {
        std::unordered_map<std::uint32_t, int> shared;
        for (std::uint32_t p : pairs)
            if (auto it = by_pair_.find(p); it != by_pair_.end())
                for (std::uint32_t i : it->second) ++shared[i];
        for (const auto& [i, n] : shared) {
            std::size_t len = candidates_[i].size();
            std::size_t diff = len > word.size() ? len - word.size() : word.size() - len;
            if (n >= need && diff <= max_distance) consider(i);
        }
    } else {
        std::size_t lo = word.size() > max_distance ? word.size() - max_distance : 0;
        for (std::size_t len = lo; len <= word.size() + max_distance && len < by_length_.size(); ++len)
            for (std::uint32_t i : by_length_[len]) consider(i);
    }
    if (best_i == SIZE_MAX) return std::nullopt;
    return best_i;
}

std::optional<std::string> Suggester::suggest(std::string_view word, std::size_t max_distance) {
    std::string key = std::string(word) + '\0' + std::to_string(max_distance);
    if (auto it = asked_.find(key); it != asked_.end()) return it->second;
    std::optional<std::string> answer;
    // the same word in other capitals first: NL -> nl, Tenants -> tenants
    if (auto it = by_lower_.find(lowered(word)); it != by_lower_.end())
        for (std::uint32_t i : it->second)
            if (candidates_[i] != word) {
                answer = candidates_[i];
                break;
            }
    if (!answer)
        if (auto i = closest(word, max_distance)) answer = candidates_[*i];
    if (!answer && word.size() >= 3) {
        // a clear prefix: the first candidate (in order) that the word begins
        auto lo = std::lower_bound(sorted_.begin(), sorted_.end(), word,
                                   [&](std::uint32_t i, std::string_view w) { return candidates_[i] < w; });
        std::size_t first = SIZE_MAX;
        for (auto it = lo; it != sorted_.end() && std::string_view(candidates_[*it]).substr(0, word.size()) == word; ++it)
            if (candidates_[*it].size() > word.size()) first = std::min<std::size_t>(first, *it);
        if (first != SIZE_MAX) answer = candidates_[first];
    }
    if (!answer) {
        // a candidate that begins the word
        std::size_t first = SIZE_MAX;
        for (std::size_t len = 3; len < word.size(); ++len)
            if (auto it = exact_.find(std::string(word.substr(0, len))); it != exact_.end())
                first = std::min<std::size_t>(first, it->second);
        if (first != SIZE_MAX) answer = candidates_[first];
    }
    asked_.emplace(std::move(key), answer);
    return answer;
}

}  // namespace wijk
