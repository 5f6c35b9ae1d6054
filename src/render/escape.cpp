#include "render/escape.h"

#include <fmt/format.h>

namespace wijk {

namespace {

// Next code point at s[i] (invalid bytes as themselves), its length in n.
char32_t next_cp(std::string_view s, std::size_t i, std::size_t& n) {
    auto c = static_cast<unsigned char>(s[i]);
    n = 1;
    if (c < 0x80) return c;
    std::size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
    if (len == 1 || i + len > s.size()) return 0xFFFD;
    char32_t cp = c & (0x7F >> len);
    for (std::size_t k = 1; k < len; ++k) {
        auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) return 0xFFFD;
        cp = (cp << 6) | (b & 0x3F);
    }
    // overlong forms, surrogates and beyond U+10FFFF are invalid bytes too
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
        return 0xFFFD;
    n = len;
    return cp;
}

bool is_control(char32_t cp) { return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F); }
bool is_bidi(char32_t cp) {
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E ||
           cp == 0x200F || cp == 0x061C;
}

}  // namespace

std::string terminal_safe(std::string_view s, bool keep_newlines) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        std::size_t n;
        char32_t cp = next_cp(s, i, n);
        if ((cp == '\n' && keep_newlines) || cp == '\t') out += char(cp);
        else if (is_control(cp) || is_bidi(cp) || cp == 0xFFFD)
            out += cp == 0xFFFD && n == 1 ? fmt::format("<0x{:02X}>", static_cast<unsigned char>(s[i]))
                                          : fmt::format("<U+{:04X}>", static_cast<unsigned>(cp));
        else out.append(s.substr(i, n));
        i += n;
    }
    return out;
}

std::string html_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        std::size_t n;
        char32_t cp = next_cp(s, i, n);
        switch (cp) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default:
                if ((is_control(cp) && cp != '\n' && cp != '\t') || is_bidi(cp))
                    out += fmt::format("&#x{:X};", cp == 0 ? 0xFFFD : static_cast<unsigned>(cp));
                else out.append(s.substr(i, n));
        }
        i += n;
    }
    return out;
}

std::string markdown_cell(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t n;
        char32_t cp = next_cp(s, i, n);
        if (cp == '|') out += "\\|";
        else if (cp == '\\') out += "\\\\";  // else "\|" would end the cell
        else if (cp == '&') out += "&amp;";
        else if (cp == '\n') out += "<br>";
        else if (cp == '\r') {
        } else if (cp == '<') out += "&lt;";
        else if (cp == '>') out += "&gt;";
        else if (is_control(cp) || is_bidi(cp)) out += ' ';
        else out.append(s.substr(i, n));
        i += n;
    }
    return out;
}

std::string markdown_text(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t n;
        char32_t cp = next_cp(s, i, n);
        if (cp == '<') out += "&lt;";
        else if (cp == '&') out += "&amp;";
        else if (cp == '>') out += "&gt;";
        else if (cp == '\\' || cp == '`' || cp == '*' || cp == '_' || cp == '[' || cp == ']' || cp == '#' || cp == '|')
            out += '\\', out += char(cp);
        else if (cp == '\n') out += ' ';
        else if (is_control(cp) || is_bidi(cp)) out += ' ';
        else out.append(s.substr(i, n));
        i += n;
    }
    return out;
}

std::string csv_cell(std::string_view s, char sep) {
    std::string v(s);
    if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r'))
        v.insert(v.begin(), '\'');
    bool quote = v.find_first_of(std::string("\"\r\n") + sep) != std::string::npos;
    if (!quote) return v;
    std::string out = "\"";
    for (char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string single_line(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool gap = false;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t n;
        char32_t cp = next_cp(s, i, n);
        if (cp == '\n' || cp == '\r' || cp == '\t' || cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
            gap = true;
        } else if (!is_control(cp)) {
            if (gap && !out.empty()) out += ' ';
            gap = false;
            out.append(s.substr(i, n));
        }
        i += n;
    }
    return out;
}

std::string ical_text(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        switch (c) {
            case '\\': out += "\\\\"; break;
            case ';': out += "\\;"; break;
            case ',': out += "\\,"; break;
            case '\n': out += "\\n"; break;
            case '\r': break;
            default:
                // RFC 5545 CONTROL (all but HTAB, DEL included) is not allowed in TEXT
                if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7F) break;
                out += c;
        }
    }
    return out;
}

std::string ical_fold(std::string_view line) {
    std::string out;
    std::size_t used = 0, limit = 75;
    for (std::size_t i = 0; i < line.size();) {
        std::size_t n = 1;
        auto c = static_cast<unsigned char>(line[i]);
        if (c >= 0xF0) n = 4;
        else if (c >= 0xE0) n = 3;
        else if (c >= 0xC0) n = 2;
        if (i + n > line.size()) n = line.size() - i;
        if (used + n > limit) {
            out += "\r\n ";
            used = 1;
        }
        out.append(line.substr(i, n));
        used += n;
        i += n;
    }
    out += "\r\n";
    return out;
}

std::string github_data(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '%') out += "%25";
        else if (c == '\r') out += "%0D";
        else if (c == '\n') out += "%0A";
        else out += c;
    }
    return out;
}

std::string github_property(std::string_view s) {
    std::string out;
    for (char c : github_data(s)) {
        if (c == ':') out += "%3A";
        else if (c == ',') out += "%2C";
        else out += c;
    }
    return out;
}

}  // namespace wijk
