#include "source/listing.h"

#include <algorithm>
#include <cctype>

namespace wijk {

namespace {

bool match_segment(std::string_view p, std::string_view s) {
    // iterative wildcard match with backtracking on the last '*'
    std::size_t pi = 0, si = 0, star = std::string_view::npos, mark = 0;
    while (si < s.size()) {
        if (pi < p.size() && (p[pi] == '?' || p[pi] == s[si])) {
            ++pi, ++si;
        } else if (pi < p.size() && p[pi] == '*') {
            star = pi++;
            mark = si;
        } else if (star != std::string_view::npos) {
            pi = star + 1;
            si = ++mark;
        } else {
            return false;
        }
    }
    while (pi < p.size() && p[pi] == '*') ++pi;
    return pi == p.size();
}

std::vector<std::string_view> split(std::string_view s) {
    std::vector<std::string_view> out;
    while (!s.empty()) {
        auto pos = s.find('/');
        auto part = s.substr(0, pos);
        if (!part.empty() && part != ".") out.push_back(part);
        if (pos == std::string_view::npos) break;
        s.remove_prefix(pos + 1);
    }
    return out;
}

// Does the pattern match the path or one of its parent folders? `memo` holds the answer for
// each (pattern part, path part) pair once known, so that many `**` stay polynomial.
bool match_parts(const std::vector<std::string_view>& p, std::size_t pi, const std::vector<std::string_view>& s,
                 std::size_t si, std::vector<signed char>& memo) {
    if (pi == p.size()) return true;  // matched a prefix: a folder of the path
    signed char& known = memo[pi * (s.size() + 1) + si];
    if (known >= 0) return known != 0;
    bool ok = false;
    if (p[pi] == "**") {
        for (std::size_t k = si; k <= s.size() && !ok; ++k) ok = match_parts(p, pi + 1, s, k, memo);
    } else if (si < s.size()) {
        ok = match_segment(p[pi], s[si]) && match_parts(p, pi + 1, s, si + 1, memo);
    }
    known = ok ? 1 : 0;
    return ok;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool ends_with(std::string_view s, std::string_view end) {
    return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
    auto p = split(pattern);
    auto s = split(path);
    if (p.empty()) return false;
    std::vector<signed char> memo(p.size() * (s.size() + 1), -1);
    return match_parts(p, 0, s, 0, memo);
}

bool is_hidden(std::string_view rel) {
    for (auto part : split(rel))
        if (part[0] == '.') return true;
    return false;
}

bool is_excluded(std::string_view rel, const std::vector<std::string>& exclude) {
    return std::any_of(exclude.begin(), exclude.end(), [&](const std::string& g) { return glob_match(g, rel); });
}

PathKind classify(std::string_view rel) {
    if (rel == "wijk.yaml") return PathKind::other;
    auto slash = rel.rfind('/');
    std::string_view name = slash == std::string_view::npos ? rel : rel.substr(slash + 1);
    if (ends_with(name, ".yaml") || ends_with(name, ".yml")) return PathKind::data;
    const std::string low = lower(name);
    // another case (B.YAML, a.Yml), or a further extension (x.yaml.txt, x.yml.bak)
    if (ends_with(low, ".yaml") || ends_with(low, ".yml")) return PathKind::lookalike;
    for (std::string_view ext : {".yaml.", ".yml."})
        if (low.find(ext) != std::string::npos && low.find(ext) > 0) return PathKind::lookalike;
    return PathKind::other;
}

bool is_data_file(std::string_view rel, const std::vector<std::string>& exclude) {
    std::string norm;
    if (!normalise_relative(rel, norm) || is_hidden(norm) || is_excluded(norm, exclude)) return false;
    return classify(norm) == PathKind::data;
}

bool normalise_relative(std::string_view path, std::string& out) {
    if (path.empty() || path[0] == '/') return false;
    std::vector<std::string_view> parts;
    std::size_t i = 0;
    while (i <= path.size()) {
        std::size_t j = path.find('/', i);
        if (j == std::string_view::npos) j = path.size();
        std::string_view part = path.substr(i, j - i);
        if (part == "..") {
            if (parts.empty()) return false;
            parts.pop_back();
        } else if (!part.empty() && part != ".") {
            parts.push_back(part);
        }
        i = j + 1;
    }
    out.clear();
    for (auto p : parts) {
        if (!out.empty()) out += '/';
        out.append(p);
    }
    return !out.empty();
}

}  // namespace wijk
