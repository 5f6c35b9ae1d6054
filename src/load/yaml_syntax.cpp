#include "load/yaml_syntax.h"

#include <string>
#include <vector>

namespace wijk {

namespace {

// One line of a block document as a person sees it.
struct Shape {
    bool content = false;     // not blank, not only a comment
    bool tab_indent = false;  // a tab among the leading blanks
    std::size_t indent = 0;   // leading spaces (bytes)
    bool dash = false;        // "- " starts the line
    std::size_t key_col = 0;  // where the key (or the value after "- ") starts
    bool has_key = false;     // "key:" followed by a blank or the end
    std::size_t colon = 0;    // that colon's byte in the line
    std::string_view key, value;  // value without a comment, trimmed
    bool flow = false;        // the body starts with { or [
    bool quoted = false;      // the body starts with a quote
};

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// The part of a line before a comment (a '#' after a blank, outside quotes).
std::string_view without_comment(std::string_view s) {
    char quote = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (quote) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            if (i == 0 || s[i - 1] == ' ' || s[i - 1] == '[' || s[i - 1] == '{' || s[i - 1] == ',' ||
                s[i - 1] == ':')
                quote = c;
        } else if (c == '#' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t')) {
            return s.substr(0, i);
        }
    }
    return s;
}

Shape shape(std::string_view line) {
    Shape sh;
    std::size_t i = 0;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) {
        if (line[i] == '\t') sh.tab_indent = true;
        ++i;
    }
    sh.indent = i;
    std::string_view body = without_comment(line.substr(i));
    if (trim(body).empty()) return sh;
    sh.content = true;
    std::size_t k = i;
    if (body == "-" || body.substr(0, 2) == "- ") {
        sh.dash = true;
        k += 1;
        while (k < line.size() && line[k] == ' ') ++k;
    }
    sh.key_col = k;
    std::string_view rest = without_comment(line.substr(k));
    if (!rest.empty() && (rest[0] == '{' || rest[0] == '[')) sh.flow = true;
    if (!rest.empty() && (rest[0] == '"' || rest[0] == '\'')) sh.quoted = true;
    if (sh.flow) return sh;
    // the mapping colon: the first ':' followed by a blank or the end, outside quotes
    char quote = 0;
    for (std::size_t j = 0; j < rest.size(); ++j) {
        char c = rest[j];
        if (quote) {
            if (c == quote) quote = 0;
            continue;
        }
        if ((c == '"' || c == '\'') && j == 0) {
            quote = c;
            continue;
        }
        if (c == ':' && (j + 1 == rest.size() || rest[j + 1] == ' ' || rest[j + 1] == '\t')) {
            sh.has_key = true;
            sh.colon = k + j;
            sh.key = rest.substr(0, j);
            sh.value = trim(rest.substr(j + 1));
            break;
        }
    }
    return sh;
}

bool key_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

// `name:Overtoomse Veld`: a key, a colon and no blank after it. The length of the key, or 0.
std::size_t tight_key(std::string_view text) {
    std::size_t j = 0;
    while (j < text.size() && key_char(text[j])) ++j;
    if (j == 0 || j + 1 >= text.size() || text[j] != ':') return 0;
    char after = text[j + 1];
    if (after == ' ' || after == '\t' || after == '/' || after == ':') return 0;  // a URL, a time
    return j;
}

// `name Overtoomse Veld`: a word that is a key, a blank and more, no colon at all.
bool colonless_key(std::string_view text) {
    std::size_t j = 0;
    while (j < text.size() && key_char(text[j])) ++j;
    return j > 0 && j < text.size() && text[j] == ' ' && text.find(':') == std::string_view::npos;
}

SyntaxCause tight(std::size_t line0, std::size_t byte, std::string_view text, std::size_t key_len) {
    std::string fixed = std::string(text.substr(0, key_len + 1)) + " " + std::string(text.substr(key_len + 1));
    return {line0, byte,
            say("'{}': a colon after a key needs a space after it", "'{}': na de dubbele punt van een sleutel hoort een spatie",
                text),
            say("write '{}'", "schrijf '{}'", fixed)};
}

SyntaxCause colonless(std::size_t line0, std::size_t byte, std::string_view text) {
    std::size_t j = text.find(' ');
    std::string fixed = std::string(text.substr(0, j)) + ":" + std::string(text.substr(j));
    return {line0, byte,
            say("'{}': a key needs a colon and a space", "'{}': na een sleutel horen een dubbele punt en een spatie", text),
            say("write '{}'", "schrijf '{}'", fixed)};
}

Text spaces(std::size_t n) {
    return n == 1 ? Text("1 space", "1 spatie") : say("{} spaces", "{} spaties", n);
}

// The first unclosed [ or { up to and including line `last0`: (line0, byte, char).
struct Opener {
    std::size_t line0, byte;
    char c;
};
std::optional<Opener> unclosed_bracket(const LineIndex& lines, std::size_t last0, char wanted) {
    std::vector<Opener> open;
    for (std::size_t k = 0; k <= last0 && k < lines.lines(); ++k) {
        std::string_view l = without_comment(lines.line(k));
        char quote = 0;
        for (std::size_t j = 0; j < l.size(); ++j) {
            char c = l[j];
            if (quote) {
                if (c == quote) quote = 0;
            } else if ((c == '"' || c == '\'') && (j == 0 || std::string_view(" [{,:").find(l[j - 1]) != std::string_view::npos)) {
                quote = c;
            } else if (c == '[' || c == '{') {
                open.push_back({k, j, c});
            } else if ((c == ']' || c == '}') && !open.empty()) {
                open.pop_back();
            }
        }
    }
    // the innermost of the kind the parser missed the end of
    for (auto o = open.rbegin(); o != open.rend(); ++o)
        if (o->c == wanted || wanted == 0) return *o;
    return std::nullopt;
}

// A line indented too far or not far enough, judged against the lines above it.
std::optional<SyntaxCause> indentation(const LineIndex& lines, std::size_t line0) {
    if (line0 >= lines.lines()) return std::nullopt;
    const Shape here = shape(lines.line(line0));
    if (!here.content) return std::nullopt;
    std::size_t prev0 = line0;
    Shape prev;
    while (prev0 > 0) {
        --prev0;
        prev = shape(lines.line(prev0));
        if (prev.content) break;
    }
    if (!prev.content) return std::nullopt;
    const std::size_t col = here.indent;

    // The nearest record ("- ") above whose dash is left of `limit`.
    auto dash_above = [&](std::size_t limit) -> std::optional<std::pair<std::size_t, std::size_t>> {
        for (std::size_t k = line0; k-- > 0;) {
            Shape s = shape(lines.line(k));
            if (s.content && s.dash && s.indent < limit) return std::make_pair(k, s.indent);
            if (s.content && !s.dash && s.indent < limit && s.indent + 1 < limit) limit = s.indent + 1;
        }
        return std::nullopt;
    };

    // Too far: the line above already has its value, so nothing can be nested under it.
    const bool prev_has_value = (prev.has_key && !prev.value.empty() && prev.value[0] != '|' && prev.value[0] != '>') ||
                                (prev.dash && !prev.has_key && !prev.flow) || prev.flow;
    if ((col > prev.key_col || (here.dash && col == prev.key_col)) && prev_has_value) {
        if (here.dash) {
            if (auto d = dash_above(col))
                return SyntaxCause{line0, col,
                                   say("this record is indented further than the record above it on line {}",
                                       "dit record springt verder in dan het record erboven op regel {}", d->first + 1),
                                   say("a new record: indent its '- ' with {}, like line {}",
                                       "een nieuw record: laat de '- ' inspringen met {}, net als op regel {}", spaces(d->second),
                                       d->first + 1)};
        }
        return SyntaxCause{line0, col,
                           say("this line is indented further than line {}, which already has its value",
                               "deze regel springt verder in dan regel {}, die al een waarde heeft", prev0 + 1),
                           say("indent it with {}, like line {}", "laat deze regel inspringen met {}, net als regel {}",
                               spaces(prev.key_col), prev0 + 1)};
    }

    // Not far enough: no line it belongs to starts at this column. Walk up the lines it could
    // belong to: each one further left than the ones below it.
    std::size_t limit = std::string_view::npos;
    std::optional<std::pair<std::size_t, std::size_t>> key_ref, dash_ref;  // nearest column right of `col`
    bool fits = false;
    for (std::size_t k = line0; k-- > 0 && !fits;) {
        Shape s = shape(lines.line(k));
        if (!s.content || s.tab_indent) continue;
        if (s.indent >= limit && s.key_col >= limit) continue;
        if (here.dash) {
            if (s.dash && s.indent == col) fits = true;
            else if (s.dash && s.indent > col && !dash_ref) dash_ref = {k, s.indent};
        } else {
            if (s.key_col == col && (s.has_key || s.dash)) fits = true;
            else if (s.key_col > col && s.key_col < limit && !key_ref) key_ref = {k, s.key_col};
        }
        limit = std::min(limit, s.indent);
        if (limit < col) break;
    }
    if (fits) return std::nullopt;
    if (here.dash && dash_ref)
        return SyntaxCause{line0, col,
                           say("this record is indented less than the record above it on line {}",
                               "dit record springt minder ver in dan het record erboven op regel {}", dash_ref->first + 1),
                           say("indent its '- ' with {}, like line {}", "laat de '- ' inspringen met {}, net als op regel {}",
                               spaces(dash_ref->second), dash_ref->first + 1)};
    if (!here.dash && key_ref)
        return SyntaxCause{line0, col,
                           say("this line is indented less than the keys above it in its record, such as on line {}",
                               "deze regel springt minder ver in dan de sleutels erboven in zijn record, zoals op regel {}",
                               key_ref->first + 1),
                           say("indent it with {}, like line {}", "laat deze regel inspringen met {}, net als regel {}",
                               spaces(key_ref->second), key_ref->first + 1)};
    return std::nullopt;
}

const Text unexplained("YAML cannot read the file from here on", "YAML kan het bestand vanaf hier niet lezen");

// The parser's complaint in plain words, for when no known mistake was found.
Text plain_words(std::string_view parser) {
    if (parser.find("illegal flow end") != std::string_view::npos)
        return Text("a closing ']' or '}' without its opening '[' or '{'",
                    "een sluitende ']' of '}' zonder de openende '[' of '{'");
    if (parser.find("flow") != std::string_view::npos)
        return Text("a '[' or '{' before this place is never closed", "een '[' of '{' voor deze plek wordt nooit gesloten");
    if (parser.find("tab") != std::string_view::npos)
        return Text("a tab is used to indent; YAML indents with spaces only",
                    "er wordt ingesprongen met een tab; YAML springt alleen in met spaties");
    if (parser.find("end of map not found") != std::string_view::npos ||
        parser.find("end of sequence not found") != std::string_view::npos)
        return Text("the indentation of this line does not fit the lines above it",
                    "het inspringen van deze regel past niet bij de regels erboven");
    if (parser.find("map value") != std::string_view::npos)
        return Text("a ':' where no key can start: the line above may lack its colon, or this line is indented wrongly",
                    "een ':' waar geen sleutel kan beginnen: misschien mist de regel erboven zijn dubbele punt, of springt "
                    "deze regel verkeerd in");
    return unexplained;
}

}  // namespace

std::optional<SyntaxCause> explain_key_without_colon(std::string_view line, std::size_t line0, std::size_t key_byte,
                                                     std::string_view key_text) {
    if (key_byte > line.size()) return std::nullopt;
    std::string_view written = without_comment(line.substr(key_byte));
    // the key as written runs to the end of its entry
    std::size_t end = written.find_first_of(",}]");
    std::string_view entry = trim(written.substr(0, end));
    if (entry.empty() || entry.substr(0, key_text.size()) != key_text) return std::nullopt;
    if (std::size_t n = tight_key(entry)) return tight(line0, key_byte, entry, n);
    if (colonless_key(entry)) return colonless(line0, key_byte, entry);
    return std::nullopt;
}

bool is_decimal_comma(std::string_view number, std::string_view digits) {
    auto all_digits = [](std::string_view s, std::string_view allowed) {
        return !s.empty() && s[0] >= '0' && s[0] <= '9' && s.find_first_not_of(allowed) == std::string_view::npos;
    };
    // a sign belongs to the number (`-0,08` for a dimension below the national average)
    if (!number.empty() && (number[0] == '-' || number[0] == '+')) number.remove_prefix(1);
    return all_digits(number, "0123456789.") && all_digits(digits, "0123456789");
}

SyntaxCause explain_flow_comma(std::size_t line0, std::size_t byte, std::string_view number, std::string_view digits) {
    std::string written = std::string(number) + "," + std::string(digits);
    std::string fixed;
    for (char c : number)
        if (c != '.' && c != '+') fixed += c;  // a dot before a decimal comma separates thousands
    fixed += "." + std::string(digits);
    return {line0, byte,
            say("'{}': inside {{…}} a comma separates entries, so YAML reads {} and then a key '{}'",
                "'{}': binnen {{…}} scheidt een komma de onderdelen, dus YAML leest {} en dan een sleutel '{}'", written,
                number, digits),
            say("write a point for decimals and no thousands separator: {}",
                "schrijf een punt voor de decimalen, zonder scheidingsteken voor duizendtallen: {}", fixed)};
}

SyntaxCause explain_syntax_error(const LineIndex& lines, std::size_t stop_line0, std::size_t stop_byte,
                                 std::string_view parser_message) {
    const std::size_t last = std::min(stop_line0, lines.lines() == 0 ? 0 : lines.lines() - 1);
    // A tab among the leading blanks, up to where the parser stopped.
    for (std::size_t k = 0; k <= last && k < lines.lines(); ++k) {
        Shape s = shape(lines.line(k));
        if (s.content && s.tab_indent) {
            std::size_t tab = lines.line(k).find('\t');
            return {k, tab,
                    Text("this line is indented with a tab; YAML indents with spaces only",
                         "deze regel springt in met een tab; YAML springt alleen in met spaties"),
                    Text("replace the tab with spaces, as many as the lines it belongs with (most editors can be set "
                         "to insert spaces for a tab)",
                         "vervang de tab door spaties, evenveel als bij de regels waar hij bij hoort (in de meeste "
                         "editors kun je instellen dat een tab spaties invoegt)")};
        }
    }
    if (parser_message.find("flow") != std::string_view::npos && parser_message.find("illegal flow end") == std::string_view::npos) {
        const char wanted = parser_message.find("map flow") != std::string_view::npos        ? '{'
                            : parser_message.find("sequence flow") != std::string_view::npos ? '['
                                                                                              : 0;
        if (auto o = unclosed_bracket(lines, last, wanted)) {
            if (o->c == '[')
                return {o->line0, o->byte,
                        Text("the '[' that starts this list is never closed", "de '[' waarmee deze lijst begint, wordt nooit gesloten"),
                        Text("add the closing ']' after the last item of the list, on the same line",
                             "zet de sluitende ']' na het laatste onderdeel van de lijst, op dezelfde regel")};
            return {o->line0, o->byte,
                    Text("the '{' that starts this record is never closed", "de '{' waarmee dit record begint, wordt nooit gesloten"),
                    Text("add the closing '}' after the last key and value, on the same line",
                         "zet de sluitende '}' na de laatste sleutel en waarde, op dezelfde regel")};
        }
    }
    // A key without its colon, or without a space after it, on the lines before the stop (a
    // missing colon makes YAML read on into the next line, so it stops one line late).
    std::size_t first = last >= 3 ? last - 3 : 0;
    for (std::size_t k = first; k <= last && k < lines.lines(); ++k) {
        std::string_view l = lines.line(k);
        Shape s = shape(l);
        if (!s.content || s.has_key || s.flow || s.quoted) continue;
        std::string_view entry = trim(without_comment(l.substr(s.key_col)));
        if (std::size_t n = tight_key(entry)) return tight(k, s.key_col, entry, n);
        if (k < last && colonless_key(entry)) {
            Shape next = shape(lines.line(last));
            if (next.has_key && next.key_col == s.key_col) return colonless(k, s.key_col, entry);
        }
    }
    if (auto cause = indentation(lines, last)) return *cause;
    Text words = plain_words(parser_message);
    const bool explained = words != unexplained;
    return {last, stop_byte, std::move(words), {}, explained};
}

}  // namespace wijk
