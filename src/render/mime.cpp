#include "render/mime.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "render/escape.h"

namespace wijk::mime {

namespace {

constexpr std::size_t max_line = 78;  // RFC 5322 2.1.1: SHOULD, without the CRLF

bool is_atext(unsigned char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
    return std::string_view("!#$%&'*+-/=?^_`{|}~").find(char(c)) != std::string_view::npos;
}

bool dot_atom(std::string_view s, bool (*allowed)(unsigned char)) {
    if (s.empty() || s.front() == '.' || s.back() == '.') return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c == '.') {
            if (s[i - 1] == '.') return false;
        } else if (!allowed(c)) {
            return false;
        }
    }
    return true;
}

bool is_domain_char(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

bool printable_ascii(std::string_view s) {
    for (unsigned char c : s)
        if (c < 0x20 || c > 0x7E) return false;
    return true;
}

std::string trim(std::string_view s) {
    std::size_t b = s.find_first_not_of(" \t");
    if (b == std::string_view::npos) return {};
    std::size_t e = s.find_last_not_of(" \t");
    return std::string(s.substr(b, e - b + 1));
}

// One line, runs of spaces as one, no space at either end: a header value wijk can fold.
std::string header_text(std::string_view s) {
    std::string line = single_line(s), out;
    for (char c : line) {
        if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
        out += c;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::size_t sequence_length(std::string_view s, std::size_t i) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    return i + n > s.size() ? s.size() - i : n;
}

// RFC 2047 encoded-words (UTF-8, Q), in the character set allowed in a phrase (5.3), so the
// same words serve a Subject and a display name. Never splits a UTF-8 sequence; the first word
// is shorter by `first_used`, the characters already on its line.
std::vector<std::string> encoded_words(std::string_view text, std::size_t first_used) {
    constexpr std::string_view open = "=?UTF-8?Q?", close = "?=";
    std::vector<std::string> pieces;  // one per code point, encoded
    for (std::size_t i = 0; i < text.size();) {
        std::size_t n = sequence_length(text, i);
        std::string piece;
        for (std::size_t k = 0; k < n; ++k) {
            auto c = static_cast<unsigned char>(text[i + k]);
            if (c == ' ') piece += '_';
            else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                     std::string_view("!*+-/").find(char(c)) != std::string_view::npos)
                piece += char(c);
            else piece += fmt::format("={:02X}", c);
        }
        pieces.push_back(std::move(piece));
        i += n;
    }
    std::vector<std::string> words;
    std::size_t budget = max_line - first_used - open.size() - close.size();
    const std::size_t later = 75 - open.size() - close.size();
    std::size_t start = 0;
    while (start < pieces.size() || words.empty()) {
        std::size_t end = start, size = 0;
        while (end < pieces.size() && (end == start || size + pieces[end].size() <= budget)) size += pieces[end++].size();
        // a break next to a space is read differently by different decoders (one space or two):
        // break between two other characters where there is one
        if (end < pieces.size()) {
            std::size_t k = end;
            while (k > start + 1 && (pieces[k - 1] == "_" || pieces[k] == "_")) --k;
            if (k > start + 1 || (pieces[k - 1] != "_" && pieces[k] != "_")) end = k;
        }
        std::string payload;
        for (std::size_t k = start; k < end; ++k) payload += pieces[k];
        words.push_back(std::string(open) + payload + std::string(close));
        start = end;
        budget = later;
    }
    return words;
}

std::string join_folded(std::string head, const std::vector<std::string>& words, std::string_view tail) {
    const std::size_t fold = head.rfind("\r\n");
    std::size_t used = fold == std::string::npos ? head.size() : head.size() - fold - 2;
    std::string out = std::move(head);
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > 0) {
            out += "\r\n ";
            used = 1;
        }
        out += words[i];
        used += words[i].size();
    }
    if (!tail.empty()) {
        if (used + 1 + tail.size() > max_line) out += "\r\n";
        out += ' ';
        out += tail;
    }
    return out + "\r\n";
}

}  // namespace

bool valid_address(std::string_view address) {
    if (address.size() > 254) return false;
    std::size_t at = address.rfind('@');
    if (at == std::string_view::npos || at == 0 || at > 64) return false;
    std::string_view local = address.substr(0, at), domain = address.substr(at + 1);
    if (!dot_atom(local, is_atext) || !dot_atom(domain, is_domain_char)) return false;
    // labels neither start nor end with '-'
    for (std::size_t i = 0; i < domain.size(); ++i)
        if (domain[i] == '-' && (i == 0 || domain[i - 1] == '.' || i + 1 == domain.size() || domain[i + 1] == '.'))
            return false;
    return true;
}

std::optional<Mailbox> parse_mailbox(std::string_view text) {
    std::string t = trim(text);
    Mailbox m;
    if (!t.empty() && t.back() == '>') {
        std::size_t lt = t.rfind('<');
        if (lt == std::string::npos) return std::nullopt;
        m.address = t.substr(lt + 1, t.size() - lt - 2);
        std::string name = trim(std::string_view(t).substr(0, lt));
        if (name.size() >= 2 && name.front() == '"' && name.back() == '"') {
            std::string unquoted;
            for (std::size_t i = 1; i + 1 < name.size(); ++i) {
                if (name[i] == '\\' && i + 2 < name.size()) ++i;
                unquoted += name[i];
            }
            name = unquoted;
        } else if (name.find_first_of("\"<>") != std::string::npos) {
            return std::nullopt;
        }
        m.name = name;
    } else {
        m.address = t;
    }
    if (!valid_address(m.address)) return std::nullopt;
    return m;
}

std::string text_field(std::string_view name, std::string_view value) {
    const std::string v = header_text(value);
    std::string head = std::string(name) + ":";
    if (printable_ascii(v) && v.find("=?") == std::string::npos) {
        // fold at spaces; a word too long for any line is encoded instead
        std::string out = head;
        std::size_t used = out.size();
        bool fits = true;
        std::size_t start = 0;
        while (start <= v.size() && !v.empty()) {
            std::size_t end = v.find(' ', start);
            if (end == std::string::npos) end = v.size();
            std::string_view word = std::string_view(v).substr(start, end - start);
            if (used + 1 + word.size() > max_line && used > head.size()) {
                out += "\r\n";
                used = 0;
            }
            out += ' ';
            out += word;
            used += 1 + word.size();
            if (used > max_line) fits = false;
            start = end + 1;
        }
        if (fits) return out + "\r\n";
    }
    return join_folded(head + " ", encoded_words(v, head.size() + 1), "");
}

std::string address_field(std::string_view name, const Mailbox& m) {
    const std::string head = std::string(name) + ": ";
    const std::string angle = "<" + m.address + ">";
    const std::string display = header_text(m.name);
    if (display.empty()) return head + m.address + "\r\n";
    if (printable_ascii(display)) {
        bool atoms = true;
        for (unsigned char c : display) atoms = atoms && (c == ' ' || is_atext(c));
        std::string phrase = display;
        if (!atoms) {
            phrase = "\"";
            for (char c : display) {
                if (c == '"' || c == '\\') phrase += '\\';
                phrase += c;
            }
            phrase += '"';
        }
        if (head.size() + phrase.size() <= max_line) return join_folded(head + phrase, {}, angle);
    }
    // One encoded-word when the name fits in one (RFC 2047: 75 characters), on a line of its own
    // if it must: decoders disagree on the space between two encoded-words of a display name.
    std::vector<std::string> one = encoded_words(display, max_line - 75);
    if (one.size() == 1) {
        if (head.size() + one[0].size() <= max_line) return join_folded(head, one, angle);
        return join_folded(std::string(name) + ":\r\n ", one, angle);
    }
    return join_folded(head, encoded_words(display, head.size()), angle);
}

std::string plain_field(std::string_view name, std::string_view value) {
    return std::string(name) + ": " + header_text(value) + "\r\n";
}

std::string quoted_printable(std::string_view text) {
    constexpr std::size_t limit = 76;  // RFC 2045 6.7 (5): the soft break's '=' included
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    std::size_t line_start = 0;
    while (line_start <= text.size()) {
        std::size_t line_end = text.find('\n', line_start);
        const bool last = line_end == std::string_view::npos;
        if (last) line_end = text.size();
        std::string_view line = text.substr(line_start, line_end - line_start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        std::size_t used = 0;
        for (std::size_t i = 0; i < line.size();) {
            // one code point at a time, so that a soft break never splits its escapes
            const std::size_t n = sequence_length(line, i);
            char piece[12];
            std::size_t size = 0;
            for (std::size_t k = 0; k < n; ++k) {
                auto c = static_cast<unsigned char>(line[i + k]);
                const bool at_end = i + k + 1 == line.size();
                const bool literal = (c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !at_end);
                // a line that starts with "." or "From " is changed by some mail software
                const bool guard = used == 0 && size == 0 &&
                                   (c == '.' || (c == 'F' && line.substr(i).substr(0, 5) == "From "));
                if (literal && !guard) {
                    piece[size++] = char(c);
                } else {
                    piece[size++] = '=';
                    piece[size++] = hex[c >> 4];
                    piece[size++] = hex[c & 15];
                }
            }
            if (used + size > limit - 1) {
                out += "=\r\n";
                used = 0;
                if (size == 1 && piece[0] == '.') piece[0] = '=', piece[1] = '2', piece[2] = 'E', size = 3;
            }
            out.append(piece, size);
            used += size;
            i += n;
        }
        if (last) break;
        out += "\r\n";
        line_start = line_end + 1;
    }
    return out;
}

std::string base64(std::string_view bytes) {
    static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::size_t column = 0;
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        const std::size_t n = std::min<std::size_t>(3, bytes.size() - i);
        std::uint32_t v = 0;
        for (std::size_t k = 0; k < 3; ++k)
            v = (v << 8) | (k < n ? static_cast<unsigned char>(bytes[i + k]) : 0u);
        out += alphabet[(v >> 18) & 63];
        out += alphabet[(v >> 12) & 63];
        out += n > 1 ? alphabet[(v >> 6) & 63] : '=';
        out += n > 2 ? alphabet[v & 63] : '=';
        column += 4;
        if (column == 76) {
            out += "\r\n";
            column = 0;
        }
    }
    if (column > 0) out += "\r\n";
    return out;
}

}  // namespace wijk::mime
