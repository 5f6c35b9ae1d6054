#include "lsp/convert.h"

#include <cctype>
#include <limits>

#include "lsp/yaml_context.h"

namespace wijk::lsp {

namespace {

int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string_view line_without_bom(std::string_view text, const LineTable& lines, std::size_t line0, std::size_t& skipped) {
    std::string_view l = lines.line(text, line0);
    skipped = 0;
    if (line0 == 0 && l.substr(0, 3) == "\xEF\xBB\xBF") {
        l.remove_prefix(3);
        skipped = 3;
    }
    return l;
}

}  // namespace

std::optional<std::string> path_from_uri(std::string_view uri) {
    constexpr std::string_view scheme = "file://";
    if (uri.size() < scheme.size()) return std::nullopt;
    for (std::size_t i = 0; i < scheme.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(uri[i])) != scheme[i]) return std::nullopt;
    uri.remove_prefix(scheme.size());
    // file://localhost/x is file:///x; another host is not a local file
    if (!uri.empty() && uri.front() != '/') {
        if (uri.substr(0, 10) != "localhost/") return std::nullopt;
        uri.remove_prefix(9);
    }
    std::string out;
    for (std::size_t i = 0; i < uri.size(); ++i) {
        char c = uri[i];
        if (c == '?' || c == '#') break;
        if (c == '%') {
            if (i + 2 >= uri.size()) return std::nullopt;
            int a = hex(uri[i + 1]), b = hex(uri[i + 2]);
            if (a < 0 || b < 0) return std::nullopt;
            char decoded = static_cast<char>(a * 16 + b);
            if (decoded == '\0') return std::nullopt;
            out += decoded;
            i += 2;
            continue;
        }
        out += c;
    }
    if (out.empty() || out.front() != '/') return std::nullopt;
    return out;
}

std::string uri_from_path(std::string_view path) {
    static constexpr char digits[] = "0123456789ABCDEF";
    std::string out = "file://";
    for (char c : path) {
        auto u = static_cast<unsigned char>(c);
        bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                     c == '.' || c == '_' || c == '~' || c == '/';
        if (plain) {
            out += c;
        } else {
            out += '%';
            out += digits[u >> 4];
            out += digits[u & 15];
        }
    }
    return out;
}

std::size_t mark_offset(std::string_view text, const LineTable& lines, const Mark& mark) {
    if (mark.line == 0) return 0;
    std::size_t skipped = 0;
    std::string_view l = line_without_bom(text, lines, mark.line - 1, skipped);
    return lines.line_start(mark.line - 1) + skipped + column_to_byte(l, mark.column);
}

Range mark_range(std::string_view text, const LineTable& lines, const Mark& mark) {
    if (mark.line == 0 || mark.line > lines.lines()) return Range{};
    const std::size_t line0 = mark.line - 1;
    std::size_t skipped = 0;
    std::string_view l = line_without_bom(text, lines, line0, skipped);
    std::size_t from = column_to_byte(l, mark.column);
    std::size_t to = scalar_end(l, from);
    std::string_view full = lines.line(text, line0);
    auto at = [&](std::size_t byte) {
        return Position{static_cast<std::uint32_t>(line0), utf16_length(full.substr(0, skipped + byte))};
    };
    return Range{at(from), at(to)};
}

json to_json(Position p) { return json{{"line", p.line}, {"character", p.character}}; }

json to_json(const Range& r) { return json{{"start", to_json(r.start)}, {"end", to_json(r.end)}}; }

std::optional<Position> position_from(const json& j) {
    if (!j.is_object()) return std::nullopt;
    auto line = j.find("line");
    auto ch = j.find("character");
    if (line == j.end() || ch == j.end() || !line->is_number_integer() || !ch->is_number_integer()) return std::nullopt;
    auto l = line->get<std::int64_t>(), c = ch->get<std::int64_t>();
    if (l < 0 || c < 0) return std::nullopt;
    constexpr std::int64_t top = std::numeric_limits<std::uint32_t>::max();
    return Position{static_cast<std::uint32_t>(std::min(l, top)), static_cast<std::uint32_t>(std::min(c, top))};
}

std::optional<Range> range_from(const json& j) {
    if (!j.is_object()) return std::nullopt;
    auto s = j.find("start");
    auto e = j.find("end");
    if (s == j.end() || e == j.end()) return std::nullopt;
    auto a = position_from(*s), b = position_from(*e);
    if (!a || !b) return std::nullopt;
    return Range{*a, *b};
}

std::string string_at(const json& j, std::string_view key, std::string fallback) {
    if (!j.is_object()) return fallback;
    auto it = j.find(key);
    if (it == j.end() || !it->is_string()) return fallback;
    return it->get<std::string>();
}

const json& object_at(const json& j, std::string_view key) {
    static const json none = json::object();
    if (!j.is_object()) return none;
    auto it = j.find(key);
    if (it == j.end() || !it->is_object()) return none;
    return *it;
}

}  // namespace wijk::lsp
