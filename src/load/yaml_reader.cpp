#include "load/yaml_reader.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <unordered_set>
#include <vector>

#include "model/i18n.h"
#include "load/yaml_syntax.h"
#include "model/line_index.h"

namespace wijk {

namespace {

// Decodes one UTF-8 sequence at s[i]; returns its length, 0 when invalid.
std::size_t utf8_length(std::string_view s, std::size_t i, char32_t& cp) {
    auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = b(i);
    std::size_t n;
    if (c < 0x80) {
        cp = c;
        return 1;
    } else if ((c & 0xE0) == 0xC0) {
        n = 2;
        cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        n = 3;
        cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        n = 4;
        cp = c & 0x07;
    } else {
        return 0;
    }
    if (i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k) {
        if ((b(i + k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b(i + k) & 0x3F);
    }
    // overlong forms, surrogates, beyond U+10FFFF
    if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
        return 0;
    return n;
}

// Invalid UTF-8, control and bidi characters: located errors. True when the bytes are usable.
bool check_characters(std::string_view text, std::uint32_t file, Diagnostics& diags) {
    LineIndex lines(text);
    int reported = 0;
    for (std::size_t i = 0; i < text.size() && reported < 10;) {
        char32_t cp = 0;
        std::size_t n = utf8_length(text, i, cp);
        if (n == 0) {
            diags.error("invalid-utf8", lines.at_pos(file, i),
                        say("the file is not valid UTF-8 (byte 0x{:02X})",
                            "het bestand is geen geldige UTF-8 (byte 0x{:02X})",
                            static_cast<unsigned char>(text[i])),
                        Text("save the file as UTF-8 in your editor",
                                       "sla het bestand op als UTF-8 in je editor"));
            return false;  // the rest cannot be trusted
        }
        bool control = (cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0x7F ||
                       (cp >= 0x80 && cp <= 0x9F);
        bool bidi = (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
        if (control) {
            diags.error("control-character", lines.at_pos(file, i),
                        say("control character U+{:04X} is not allowed",
                            "stuurteken U+{:04X} is niet toegestaan", static_cast<unsigned>(cp)),
                        Text("remove it; only tab and newline are allowed",
                                       "verwijder het; alleen tab en regeleinde mogen"));
            ++reported;
        } else if (bidi) {
            diags.error("bidi-control", lines.at_pos(file, i),
                        say("bidirectional control character U+{:04X} can make text read "
                            "differently from what it is",
                            "richtingsteken U+{:04X}: hierdoor kan de tekst er anders uitzien dan er werkelijk staat",
                            static_cast<unsigned>(cp)),
                        Text("remove it", "verwijder het"));
            ++reported;
        }
        i += n;
    }
    return reported == 0;
}

bool blank_or_comment(std::string_view line) {
    for (char c : line) {
        if (c == '#') return true;
        if (c != ' ' && c != '\t') return false;
    }
    return true;
}

bool is_marker(std::string_view line, std::string_view marker) {
    return line.substr(0, 3) == marker &&
           (line.size() == 3 || line[3] == ' ' || line[3] == '\t');
}

// Directives and document markers, found line by line so that yaml-cpp sees one document
// only. Returns the length of the first document's text.
std::size_t first_document(std::string_view text, std::uint32_t file, Diagnostics& diags) {
    LineIndex lines(text);
    bool content = false, started = false, ended = false;
    for (std::size_t k = 0; k < lines.lines(); ++k) {
        auto line = lines.line(k);
        if (!line.empty() && line[0] == '%') {
            diags.error("yaml-tag", Mark{file, std::uint32_t(k + 1), 1},
                        Text("YAML directives are not allowed in data files",
                                       "YAML-directieven zijn niet toegestaan in gegevensbestanden"),
                        Text("remove the line", "verwijder de regel"));
            continue;
        }
        bool doc_start = is_marker(line, "---");
        bool doc_end = is_marker(line, "...");
        if ((doc_start && (content || started)) || (ended && !doc_end && !blank_or_comment(line))) {
            diags.error("multiple-documents", Mark{file, std::uint32_t(k + 1), 1},
                        Text("a data file holds one YAML document; this starts a second",
                                       "een gegevensbestand bevat één YAML-document; hier begint een tweede"),
                        Text("split it into two files, or remove the '---' line",
                                       "splits het in twee bestanden, of verwijder de regel '---'"));
            return ended ? lines.start(k) : lines.start(k);
        }
        if (doc_start) {
            started = true;
            // "--- value" has content on the marker line
            if (!blank_or_comment(line.substr(3))) content = true;
        } else if (doc_end) {
            ended = true;
        } else if (!blank_or_comment(line)) {
            content = true;
        }
    }
    return text.size();
}

class TreeBuilder : public YAML::EventHandler {
public:
    TreeBuilder(const LineIndex& lines, std::uint32_t file, Diagnostics& diags, const RecordSink* sink)
        : lines_(lines), file_(file), diags_(diags), sink_(sink) {}

    std::optional<Value> result;

    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& m, YAML::anchor_t anchor) override {
        Value v;
        v.at = mark(m);
        v.loc = loc(m);
        check_anchor(anchor, v.at);
        add(std::move(v));
    }
    void OnAlias(const YAML::Mark& m, YAML::anchor_t) override {
        Value v;
        v.at = mark(m);
        v.loc = loc(m);
        diags_.error("yaml-anchor", v.at,
                     Text("aliases (*name) are not allowed in data files",
                                    "aliassen (*naam) zijn niet toegestaan in gegevensbestanden"),
                     Text("write the value out in full", "schrijf de waarde voluit"));
        add(std::move(v));
    }
    void OnScalar(const YAML::Mark& m, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override {
        Value v;
        v.type = Value::Type::scalar;
        v.at = mark(m);
        v.loc = loc(m);
        v.plain = tag == "?";
        v.text = value;
        check_anchor(anchor, v.at);
        check_tag(tag, v.at, m);
        if (!v.plain) check_closed(m, v.at);
        if (v.plain && value == "<<" && in_key_position()) {
            diags_.error("yaml-anchor", v.at,
                         Text("merge keys (<<) are not allowed in data files",
                                        "samenvoegsleutels (<<) zijn niet toegestaan in gegevensbestanden"),
                         Text("write the keys out in full", "schrijf de sleutels voluit"));
        }
        add(std::move(v));
    }
    void OnSequenceStart(const YAML::Mark& m, const std::string& tag, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value style) override {
        open(Value::Type::sequence, m, tag, anchor, style == YAML::EmitterStyle::Flow);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark& m, const std::string& tag, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value style) override {
        open(Value::Type::mapping, m, tag, anchor, style == YAML::EmitterStyle::Flow);
    }
    void OnMapEnd() override {
        // In a record, the first of two equal keys counts. At the top of a file a repeated
        // collection is reported too, but both blocks are read, so nothing in them goes unchecked.
        if (too_deep_ == 0 && !stack_.empty()) {
            check_keys(stack_.back(), flow_.back());
            drop_duplicate_keys(stack_.back(), stack_.size() > 1);
        }
        if (too_deep_ == 0) hand_to_sink();
        close();
    }

private:
    const LineIndex& lines_;
    std::uint32_t file_;
    Diagnostics& diags_;
    const RecordSink* sink_;
    std::vector<Value> stack_;
    std::vector<bool> flow_;  // per open node: written in {…} or […]
    int too_deep_ = 0;  // levels opened beyond max_nesting (not built)
    bool deep_reported_ = false;

    Mark mark(const YAML::Mark& m) const {
        if (m.line < 0 || m.column < 0) return Mark{file_, 0, 0};
        return lines_.mark(file_, std::size_t(m.line), std::size_t(m.column));
    }
    Loc loc(const YAML::Mark& m) const {
        if (m.line < 0 || m.column < 0 || std::size_t(m.line) >= lines_.lines()) return Loc{};
        return Loc{static_cast<std::uint32_t>(lines_.start(std::size_t(m.line)) + std::size_t(m.column) + 1)};
    }

    bool in_key_position() const {
        return !stack_.empty() && stack_.back().type == Value::Type::mapping &&
               stack_.back().items.size() % 2 == 0;
    }

    void check_anchor(YAML::anchor_t anchor, Mark at) {
        if (anchor == YAML::NullAnchor) return;
        diags_.error("yaml-anchor", at,
                     Text("anchors (&name) are not allowed in data files",
                                    "ankers (&naam) zijn niet toegestaan in gegevensbestanden"),
                     Text("remove the anchor and write values out in full",
                                    "verwijder het anker en schrijf waarden voluit"));
    }

    // yaml-cpp accepts a quoted scalar that runs to the end of the file: a missing closing
    // quote would silently swallow every line after it.
    void check_closed(const YAML::Mark& m, Mark at) {
        if (m.line < 0 || m.column < 0 || std::size_t(m.line) >= lines_.lines()) return;
        std::string_view text = lines_.text();
        std::size_t i = lines_.start(std::size_t(m.line)) + std::size_t(m.column);
        // a tag before the value: skip it and the blanks after it
        if (i < text.size() && text[i] == '!') {
            while (i < text.size() && text[i] != ' ' && text[i] != '\t' && text[i] != '\n') ++i;
            while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
        }
        if (i >= text.size() || (text[i] != '"' && text[i] != '\'')) return;
        const char quote = text[i];
        for (++i; i < text.size(); ++i) {
            if (quote == '"' && text[i] == '\\') {
                ++i;
            } else if (text[i] == quote) {
                if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
                    ++i;  // '' is a quote inside single quotes
                    continue;
                }
                return;
            }
        }
        diags_.error("yaml-syntax", at,
                     Text("YAML syntax error: the quoted text that starts here is never closed",
                                    "YAML-syntaxfout: de tekst tussen aanhalingstekens die hier begint, wordt nooit gesloten"),
                     say("add the closing {} where the text ends", "zet de sluitende {} waar de tekst eindigt",
                         quote));
    }

    void check_tag(const std::string& tag, Mark at, const YAML::Mark& m) {
        // yaml-cpp says "!" both for a quoted scalar and for the non-specific tag `! value`:
        // the source tells them apart
        bool written_bang = tag == "!" && m.pos >= 0 && std::size_t(m.pos) < lines_.text().size() &&
                            lines_.text()[std::size_t(m.pos)] == '!';
        if (tag.empty() || tag == "?" || (tag == "!" && !written_bang)) return;
        // yaml-cpp resolves !!str to its long form: show it as written
        constexpr std::string_view core = "tag:yaml.org,2002:";
        std::string shown = tag.rfind(core, 0) == 0 ? "!!" + tag.substr(core.size()) : tag;
        diags_.error("yaml-tag", at,
                     say("tags ({}) are not allowed: a value's type comes from its key",
                         "tags ({}) zijn niet toegestaan: het type van een waarde volgt uit de sleutel",
                         shown),
                     Text("remove the tag; quote the value to make it text",
                                    "verwijder de tag; zet de waarde tussen aanhalingstekens voor tekst"));
    }

    void open(Value::Type type, const YAML::Mark& m, const std::string& tag, YAML::anchor_t anchor, bool flow) {
        if (too_deep_ > 0 || int(stack_.size()) >= max_nesting) {
            if (!deep_reported_) {
                diags_.error("nesting-too-deep", mark(m),
                             say("nesting deeper than {} levels", "meer dan {} niveaus diep genest",
                                 max_nesting));
                deep_reported_ = true;
            }
            ++too_deep_;
            return;
        }
        Value v;
        v.type = type;
        v.at = mark(m);
        v.loc = loc(m);
        check_anchor(anchor, v.at);
        check_tag(tag, v.at, m);
        stack_.push_back(std::move(v));
        flow_.push_back(flow);
    }

    // A record (root mapping > sequence > this mapping) goes to the sink, and its tree is freed.
    void hand_to_sink() {
        if (!sink_ || stack_.size() != 3 || stack_[0].type != Value::Type::mapping ||
            stack_[1].type != Value::Type::sequence || stack_[2].type != Value::Type::mapping ||
            stack_[0].items.size() % 2 != 1 || !stack_[0].items.back().is_scalar())
            return;
        Value& record = stack_[2];
        if (!(*sink_)(stack_[0].items.back().text, record)) return;
        Value placeholder;
        placeholder.type = Value::Type::decoded;
        placeholder.at = record.at;
        placeholder.loc = record.loc;
        record = std::move(placeholder);
    }

    void close() {
        if (too_deep_ > 0) {
            --too_deep_;
            return;
        }
        if (stack_.empty()) return;
        Value v = std::move(stack_.back());
        stack_.pop_back();
        flow_.pop_back();
        add(std::move(v));
    }

    void add(Value v) {
        if (too_deep_ > 0) return;
        if (stack_.empty()) {
            result = std::move(v);
            return;
        }
        stack_.back().items.push_back(std::move(v));
    }

    std::size_t byte_in_line(const Value& v) const {
        return std::size_t(v.loc.pos - 1) - lines_.start(v.at.line - 1);
    }

    void report(const SyntaxCause& cause) {
        diags_.error("yaml-syntax", lines_.mark(file_, cause.line0, cause.byte),
                     say("YAML syntax error: {}", "YAML-syntaxfout: {}", cause.message), cause.hint);
    }

    // Mistakes YAML reads without complaint: a key without its colon (or without the space after
    // it) becomes a key without a value; `3,95` inside {…} becomes 3 and a key `95`.
    void check_keys(const Value& map, bool flow) {
        const auto& it = map.items;
        for (std::size_t i = 0; i + 1 < it.size(); i += 2) {
            const Value& key = it[i];
            if (!key.is_scalar() || !key.plain || !it[i + 1].is_null() || !key.loc || key.at.line == 0 ||
                key.at.line > lines_.lines())
                continue;
            const std::size_t line0 = key.at.line - 1, byte = byte_in_line(key);
            if (auto cause = explain_key_without_colon(lines_.line(line0), line0, byte, key.text)) {
                report(*cause);
                continue;
            }
            if (!flow || i < 2) continue;
            const Value& before = it[i - 1];
            const std::size_t pos = key.loc.pos - 1;
            if (before.is_scalar() && before.plain && before.loc && is_decimal_comma(before.text, key.text) &&
                pos > 0 && lines_.text()[pos - 1] == ',')
                report(explain_flow_comma(before.at.line - 1, byte_in_line(before), before.text, key.text));
        }
    }

    // A duplicated key is an error at its later occurrence; the first one counts.
    void drop_duplicate_keys(Value& map, bool drop_later = true) {
        auto& it = map.items;
        std::size_t n = it.size() / 2;
        if (n < 2) return;
        std::vector<bool> drop(n, false);
        std::vector<std::pair<std::size_t, std::size_t>> found;  // (later, first)
        if (n <= 32) {
            for (std::size_t j = 1; j < n; ++j)
                for (std::size_t i = 0; i < j; ++i)
                    if (!drop[i] && it[2 * i].is_scalar() && it[2 * j].is_scalar() &&
                        it[2 * i].text == it[2 * j].text) {
                        found.emplace_back(j, i);
                        drop[j] = true;
                        break;
                    }
        } else {
            std::unordered_map<std::string_view, std::size_t> seen;
            for (std::size_t j = 0; j < n; ++j) {
                if (!it[2 * j].is_scalar()) continue;
                auto [pos, fresh] = seen.emplace(it[2 * j].text, j);
                if (!fresh) {
                    found.emplace_back(j, pos->second);
                    drop[j] = true;
                }
            }
        }
        const bool any = !found.empty();
        // A second `id:` (or several keys again) in one record is a new record whose `- ` was
        // forgotten: say so where it starts. Never suggest removing a key: that deletes data.
        bool new_record = false;
        std::size_t starts = n;
        for (auto [later, first] : found) {
            if (it[2 * later].text == "id") new_record = true;
            starts = std::min(starts, later);
        }
        if (drop_later && found.size() >= 2) new_record = true;
        for (auto [later, first] : found) {
            Text hint = !drop_later
                            ? Text("both lists are read; to keep the file clear, list all these records under the first one",
                                   "beide lijsten worden gelezen; zet voor de duidelijkheid alle records onder de eerste")
                        : new_record
                            ? say("a new record seems to start at line {}: put '- ' before its first key, "
                                  "indented like the '- ' of the record above",
                                  "hier lijkt op regel {} een nieuw record te beginnen: zet '- ' voor de eerste sleutel, "
                                  "even ver ingesprongen als de '- ' van het record erboven",
                                  it[2 * starts].at.line)
                            : Text("a key can appear once in a mapping (YAML would keep only one value): rename one, "
                                   "or put both values in one",
                                   "een sleutel mag maar één keer in een mapping staan (YAML houdt maar één waarde): "
                                   "geef een van beide een andere naam, of voeg de waarden samen");
            diags_.error("duplicate-key", it[2 * later].at,
                         say("duplicate key '{}' (first at line {})", "sleutel '{}' komt twee keer voor (eerst op regel {})",
                             it[2 * later].text, it[2 * first].at.line),
                         std::move(hint));
        }
        if (!any || !drop_later) return;
        std::vector<Value> kept;
        kept.reserve(it.size());
        for (std::size_t j = 0; j < n; ++j)
            if (!drop[j]) {
                kept.push_back(std::move(it[2 * j]));
                kept.push_back(std::move(it[2 * j + 1]));
            }
        it = std::move(kept);
    }
};

// Where a file has more than comments, white space, document markers and explicit empty values
// (~, null, {}): the line and byte of the first such character; nullopt when it has nothing else.
struct Content {
    std::size_t line0, byte;
};
std::optional<Content> first_content(const LineIndex& lines) {
    for (std::size_t k = 0; k < lines.lines(); ++k) {
        std::string_view l = lines.line(k);
        std::size_t i = 0;
        if (is_marker(l, "---") || is_marker(l, "...")) i = 3;
        while (i < l.size() && (l[i] == ' ' || l[i] == '\t')) ++i;
        if (i == l.size() || l[i] == '#') continue;
        std::string_view rest = l.substr(i);
        for (std::string_view empty : {"~", "null", "Null", "NULL", "{}", "{ }"}) {
            if (rest.substr(0, empty.size()) != empty) continue;
            std::string_view after = rest.substr(empty.size());
            std::size_t j = after.find_first_not_of(" \t");
            if (j == std::string_view::npos || after[j] == '#') {
                rest = {};
                break;
            }
        }
        if (rest.empty()) continue;
        return Content{k, i};
    }
    return std::nullopt;
}

void report_nothing_read(const LineIndex& lines, const Content& c, std::uint32_t file, Diagnostics& diags) {
    std::string_view l = lines.line(c.line0).substr(c.byte);
    std::string shown(l.substr(0, std::min<std::size_t>(l.find_first_of(" \t"), 20)));
    diags.error("yaml-syntax", lines.mark(file, c.line0, c.byte),
                say("YAML syntax error: '{}' cannot stand here, and YAML would read the whole file as empty",
                    "YAML-syntaxfout: '{}' kan hier niet staan, en YAML zou het hele bestand als leeg lezen", shown),
                file == 0 ? Text("wijk.yaml holds settings, each a name, a colon and a value, such as 'format: 1'; check this line",
                                 "wijk.yaml bevat instellingen, elk een naam, een dubbele punt en een waarde, zoals 'format: 1'; controleer deze regel")
                          : Text("a data file starts with a collection name and a colon, such as 'partners:'; check this line",
                                 "een gegevensbestand begint met een verzamelingsnaam en een dubbele punt, zoals 'partners:'; controleer deze regel"));
}

// Notes where a second document would start; builds nothing.
struct TrailingProbe : YAML::EventHandler {
    YAML::Mark at = YAML::Mark::null_mark();
    void OnDocumentStart(const YAML::Mark& m) override { at = m; }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& m, YAML::anchor_t) override { first(m); }
    void OnAlias(const YAML::Mark& m, YAML::anchor_t) override { first(m); }
    void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t, const std::string&) override { first(m); }
    void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
        first(m);
    }
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
        first(m);
    }
    void OnMapEnd() override {}
    bool seen = false;
    void first(const YAML::Mark& m) {
        if (!seen) at = m;
        seen = true;
    }
};

}  // namespace

std::optional<Value> read_yaml(std::string_view bytes, std::uint32_t file, Diagnostics& diags,
                               const RecordSink* sink) {
    std::string text = normalise_text(bytes);
    if (!check_characters(text, file, diags)) return std::nullopt;
    text.resize(first_document(text, file, diags));

    LineIndex lines(text);
    const auto content = first_content(lines);
    if (!content) {
        diags.warning("empty-file", Mark{file, 0, 0}, Text("the file is empty", "het bestand is leeg"));
        return std::nullopt;
    }

    TreeBuilder builder(lines, file, diags, sink);
    const std::size_t before = diags.items.size();
    try {
        std::istringstream in(text);
        YAML::Parser parser(in);
        parser.HandleNextDocument(builder);
        if (!builder.result || builder.result->is_null()) {
            // The file holds more than comments and empty values, but YAML read nothing from it
            // (a stray ',' or ']' first): every record in it would be lost without a word.
            if (diags.items.size() == before) report_nothing_read(lines, *content, file, diags);
            return std::nullopt;
        }
        // yaml-cpp stops after the first document's root node and ignores what follows it
        // (`{partners: [...]}` then more lines): whatever it would find next was never read.
        TrailingProbe probe;
        bool more = false;
        try {
            more = parser.HandleNextDocument(probe);
        } catch (const YAML::Exception& e) {
            more = true;
            probe.at = e.mark;
        }
        if (more) {
            Mark at = probe.at.line >= 0 && probe.at.column >= 0
                          ? lines.mark(file, std::size_t(probe.at.line), std::size_t(probe.at.column))
                          : Mark{file, 0, 0};
            diags.error("yaml-syntax", at,
                        Text("YAML syntax error: this comes after the end of the document, so YAML would ignore it",
                             "YAML-syntaxfout: dit staat na het einde van het document, dus YAML zou het negeren"),
                        Text("the document ends before this line (a closing } or ] too early?): move it inside the collection it belongs to",
                             "het document eindigt voor deze regel (een } of ] te vroeg?): zet het in de verzameling waar het bij hoort"));
            return std::nullopt;
        }
    } catch (const YAML::DeepRecursion& e) {
        // yaml-cpp's own guard, deeper than ours: report the place only once
        for (std::size_t i = before; i < diags.items.size(); ++i)
            if (diags.items[i].rule == "nesting-too-deep") return std::nullopt;
        diags.error("nesting-too-deep", Mark{file, std::uint32_t(e.mark.line + 1), 1},
                    say("nesting deeper than {} levels", "meer dan {} niveaus diep genest",
                        max_nesting));
        return std::nullopt;
    } catch (const YAML::Exception& e) {
        // an unclosed quote, already reported where it starts, is why the parser stopped
        for (std::size_t i = before; i < diags.items.size(); ++i)
            if (diags.items[i].rule == "yaml-syntax") return std::nullopt;
        if (e.mark.line < 0 || e.mark.column < 0 || lines.lines() == 0) {
            diags.error("yaml-syntax", Mark{file, 0, 0},
                        say("YAML syntax error: YAML cannot read this file (the YAML parser says: {})",
                            "YAML-syntaxfout: YAML kan dit bestand niet lezen (melding van de YAML-parser: {})", e.msg));
            return std::nullopt;
        }
        const SyntaxCause cause =
            explain_syntax_error(lines, std::size_t(e.mark.line), std::size_t(e.mark.column), e.msg);
        diags.error("yaml-syntax", lines.mark(file, cause.line0, cause.byte),
                    // the parser's English may follow wijk's explanation, never stand alone: a
                    // Dutch reader gets it only when wijk has no explanation of its own
                    cause.explained
                        ? say("YAML syntax error: {} (the YAML parser says: {})", "YAML-syntaxfout: {}", cause.message,
                              e.msg)
                        : say("YAML syntax error: {} (the YAML parser says: {})",
                              "YAML-syntaxfout: {} (melding van de YAML-parser: {})", cause.message, e.msg),
                    !cause.hint.empty() ? cause.hint
                                        : Text("check the indentation and quotes around this place",
                                               "controleer het inspringen en de aanhalingstekens op deze plek"));
        return std::nullopt;
    } catch (const std::exception& e) {
        diags.error("yaml-syntax", Mark{file, 0, 0},
                    say("YAML syntax error: {}", "YAML-syntaxfout: {}", e.what()));
        return std::nullopt;
    }
    // An alias stands for a value that was never built: the tree does not say what the file
    // means, and decoding it would only add errors about the holes.
    for (std::size_t i = before; i < diags.items.size(); ++i)
        if (diags.items[i].rule == "yaml-anchor" || diags.items[i].rule == "yaml-syntax")
            return std::nullopt;
    return std::move(builder.result);
}

}  // namespace wijk
