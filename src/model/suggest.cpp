#include "model/suggest.h"

#include <algorithm>
#include <cctype>

namespace wijk {

Text did_you_mean(std::string_view candidate) {
    return say("did you mean '{}'?", "bedoel je '{}'?", candidate);
}

std::string did_you_mean_aside(const std::optional<std::string>& candidate, Lang lang) {
    return candidate ? " (" + did_you_mean(*candidate).in(lang) + ")" : std::string();
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

namespace {
std::string lowered(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}
}  // namespace

Suggester::Suggester(std::vector<std::string> candidates) : candidates_(std::move(candidates)) {
    nodes_.emplace_back();
    for (std::uint32_t i = 0; i < candidates_.size(); ++i) {
        const std::string& c = candidates_[i];
        by_lower_[lowered(c)].push_back(i);
        exact_.emplace(c, i);
        std::uint32_t at = 0;
        for (char ch : c) {
            auto& kids = nodes_[at].kids;
            auto it = std::find_if(kids.begin(), kids.end(), [&](const auto& k) { return k.first == ch; });
            if (it != kids.end()) {
                at = it->second;
            } else {
                auto next = static_cast<std::uint32_t>(nodes_.size());
                nodes_[at].kids.emplace_back(ch, next);
                nodes_.emplace_back();
                at = next;
            }
        }
        if (nodes_[at].candidate < 0) nodes_[at].candidate = std::int32_t(i);  // equal texts: the first
        sorted_.push_back(i);
    }
    std::sort(sorted_.begin(), sorted_.end(),
              [&](std::uint32_t x, std::uint32_t y) { return std::tie(candidates_[x], x) < std::tie(candidates_[y], y); });
}

// The first candidate (in candidate order) at the smallest distance 1..max_distance: a walk
// down the trie of candidates with one row of the distance table per letter, leaving a branch
// as soon as no column of its row is within reach, so that a word far from most ids (a bulk
// rename) looks at a few letters of each shared beginning instead of at every id.
std::optional<std::size_t> Suggester::closest(std::string_view word, std::size_t max_distance) const {
    const std::size_t m = word.size();
    std::size_t best_d = max_distance + 1, best_i = SIZE_MAX;
    // rows[i]: the distances between the path's first i letters and each prefix of the word
    std::vector<std::vector<std::size_t>> rows(1, std::vector<std::size_t>(m + 1));
    for (std::size_t j = 0; j <= m; ++j) rows[0][j] = j;
    std::string path;
    auto walk = [&](auto& self, std::uint32_t node) -> void {
        for (const auto& [ch, child] : nodes_[node].kids) {
            const std::size_t i = path.size() + 1;
            if (rows.size() <= i) rows.emplace_back(m + 1);
            std::vector<std::size_t>& row = rows[i];
            const std::vector<std::size_t>& up = rows[i - 1];
            row[0] = i;
            std::size_t low = row[0];
            for (std::size_t j = 1; j <= m; ++j) {
                std::size_t v = std::min({up[j] + 1, row[j - 1] + 1, up[j - 1] + (ch == word[j - 1] ? 0 : 1)});
                if (i > 1 && j > 1 && ch == word[j - 2] && path[i - 2] == word[j - 1]) v = std::min(v, rows[i - 2][j - 2] + 1);
                row[j] = v;
                low = std::min(low, v);
            }
            if (low > best_d || low > max_distance) continue;  // nothing below can come closer
            const std::int32_t c = nodes_[child].candidate;
            if (c >= 0 && row[m] > 0 && row[m] <= max_distance &&
                (row[m] < best_d || (row[m] == best_d && std::size_t(c) < best_i)))
                best_d = row[m], best_i = std::size_t(c);
            path.push_back(ch);
            self(self, child);
            path.pop_back();
        }
    };
    walk(walk, 0);
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
