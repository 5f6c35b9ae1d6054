// `wijk diff` and `wijk log` as text for a terminal: a line per record, a line per field that
// changed, wrapped at the terminal's width under their indent.
#include <fmt/format.h>

#include <algorithm>

#include "model/i18n.h"
#include "render/escape.h"
#include "render/history.h"
#include "render/summary.h"

namespace wijk {

namespace {

std::string paint(bool color, const char* code, std::string_view s) {
    return color ? fmt::format("\x1b[{}m{}\x1b[0m", code, s) : std::string(s);
}

const char* marker_color(RecordChange::Kind k) {
    switch (k) {
        case RecordChange::Kind::added: return "32";
        case RecordChange::Kind::removed: return "31";
        case RecordChange::Kind::changed: return "33";
    }
    return "0";
}

char marker(RecordChange::Kind k) {
    switch (k) {
        case RecordChange::Kind::added: return '+';
        case RecordChange::Kind::removed: return '-';
        case RecordChange::Kind::changed: return '~';
    }
    return ' ';
}

// `text` after `indent` spaces, in lines of at most `width` columns, the lines after the first
// `hang` columns further in; broken between words only (a long word, a path or an id, keeps a
// line of its own).
void wrapped(std::string& out, std::string_view text, std::size_t indent, std::size_t hang, std::size_t width) {
    std::string line(indent, ' ');
    std::size_t used = indent;
    bool first_word = true;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view word = text.substr(start, end - start);
        start = end + 1;
        if (word.empty()) {
            if (!first_word) line += ' ', ++used;  // spaces inside a value stay
            continue;
        }
        std::size_t w = display_width(word);
        if (!first_word && used + 1 + w > width) {
            while (!line.empty() && line.back() == ' ') line.pop_back();
            out += line + "\n";
            line.assign(indent + hang, ' ');
            used = indent + hang;
        } else if (!first_word) {
            line += ' ';
            ++used;
        }
        line += word;
        used += w;
        first_word = false;
    }
    out += line + "\n";
}

// The lines of a value shown as a block: the label ("before:") first, the value's lines
// under one another after it, each wrapped under itself.
void block(std::string& out, std::string_view label, std::size_t label_width, const std::string& value,
           std::size_t indent, std::size_t width) {
    std::size_t at = 0;
    bool first = true;
    for (;;) {
        std::size_t nl = value.find('\n', at);
        std::string_view line = std::string_view(value).substr(at, nl == std::string::npos ? std::string::npos : nl - at);
        if (first) {
            std::string head = std::string(label) + std::string(label_width - display_width(label) + 1, ' ');
            out += std::string(indent, ' ') + head;
            std::string rest;
            wrapped(rest, terminal_safe(line), 0, 0, width > indent + label_width + 1 ? width - indent - label_width - 1 : 20);
            // the wrapped lines after the first stand under the value
            for (std::size_t p = 0, k = 0; p < rest.size(); ++k) {
                std::size_t e = rest.find('\n', p);
                if (k) out += std::string(indent + label_width + 1, ' ');
                out += rest.substr(p, e - p + 1);
                p = e + 1;
            }
        } else {
            wrapped(out, terminal_safe(line), indent + label_width + 1, 0, width);
        }
        first = false;
        if (nl == std::string::npos) break;
        at = nl + 1;
    }
}

void field_lines(std::string& out, const std::vector<FieldChange>& fields, std::size_t indent, const HistoryStyle& s) {
    for (const FieldChange& f : fields) {
        std::string before = value_text(f.before, s.lang), after = value_text(f.after, s.lang);
        std::string path = f.path.empty() ? std::string(tr(s.lang, "(the record)", "(het record)")) : terminal_safe(f.path);
        if (before.find('\n') == std::string::npos && after.find('\n') == std::string::npos) {
            wrapped(out, path + ": " + terminal_safe(before) + " → " + terminal_safe(after), indent, 4, s.width);
            continue;
        }
        out += std::string(indent, ' ') + path + ":\n";
        std::string_view was = tr(s.lang, "before:", "was:"), now = tr(s.lang, "after:", "nu:");
        std::size_t lw = std::max(display_width(was), display_width(now));
        block(out, was, lw, before, indent + 2, s.width);
        block(out, now, lw, after, indent + 2, s.width);
    }
}

// "+ buurthuis-zeeburg  Buurthuis Zeeburg  (agreements/zeeburg.yaml)" and what follows it.
void record_lines(std::string& out, const RecordChange& c, std::size_t indent, bool with_key, const HistoryStyle& s) {
    std::string head;
    if (with_key) head = key_label(c.collection, c.key, s.lang);
    if (c.occurrence > 1)
        head += msg(s.lang, " (written {} times in one state: number {})", " ({} keer geschreven: nummer {})", c.occurrence,
                    c.occurrence);
    std::string title = record_title(c);
    switch (c.kind) {
        case RecordChange::Kind::added:
            if (!with_key) head = tr(s.lang, "added", "toegevoegd");
            if (!title.empty()) head += "  " + title;
            head += msg(s.lang, "  (in {})", "  (in {})", c.file_after);
            break;
        case RecordChange::Kind::removed:
            if (!with_key) head = tr(s.lang, "removed", "verwijderd");
            if (!title.empty()) head += "  " + title;
            head += msg(s.lang, "  (was in {})", "  (stond in {})", c.file_before);
            break;
        case RecordChange::Kind::changed:
            if (std::string moved = moved_note(c, s.lang); !moved.empty()) head += (head.empty() ? "" : "  ") + moved;
            break;
    }
    std::string lead(indent, ' ');
    std::string first = terminal_safe(head);
    if (with_key) {
        out += lead + paint(s.color, marker_color(c.kind), std::string(1, marker(c.kind))) + " ";
        std::string rest;
        wrapped(rest, first, 0, 4, s.width > indent + 2 ? s.width - indent - 2 : 20);
        // the wrapped lines after the first keep the record's indent
        std::size_t nl = rest.find('\n');
        out += rest.substr(0, nl + 1);
        for (std::size_t at = nl + 1; at < rest.size();) {
            std::size_t e = rest.find('\n', at);
            out += lead + "  " + rest.substr(at, e - at + 1);
            at = e + 1;
        }
    } else if (!first.empty()) {
        wrapped(out, first, indent, 4, s.width);
    }
    if (!c.renamed.empty()) {
        std::string other = terminal_safe(key_label(c.collection, c.renamed, s.lang));
        std::string note = c.kind == RecordChange::Kind::removed
                               ? msg(s.lang, "renamed? now {}: all else is equal", "hernoemd? nu {}: verder gelijk", other)
                               : msg(s.lang, "renamed? was {}: all else is equal", "hernoemd? was {}: verder gelijk", other);
        wrapped(out, note, indent + (with_key ? 4 : 0), 4, s.width);
    }
    field_lines(out, c.fields, indent + (with_key ? 4 : 0), s);
}

std::string unread_line(const UnreadFile& u, const std::string& side, Lang lang) {
    std::string where = u.line ? msg(lang, ", line {}", ", regel {}", u.line) : std::string();
    return msg(lang, "{} in {}{}: {}", "{} in {}{}: {}", terminal_safe(u.file), side, where, terminal_safe(u.why.in(lang)));
}

}  // namespace

std::string render_diff_text(const DiffReport& r, const HistoryStyle& s) {
    const RecordDiff& d = *r.diff;
    std::string out;
    std::string before = side_label(r.before, s.lang), after = side_label(r.after, s.lang);
    wrapped(out, terminal_safe(before) + " → " + terminal_safe(after) + ": " + change_counts(d, s.lang) +
                     (d.settings.empty() ? "" : std::string(tr(s.lang, "; wijk.yaml changed", "; wijk.yaml gewijzigd"))),
            0, 2, s.width);
    std::string_view current;
    for (const RecordChange& c : d.records) {
        if (c.collection != current) {
            current = c.collection;
            out += "\n" + paint(s.color, "1", collection_title(c.collection, s.lang)) + "\n";
        }
        record_lines(out, c, 2, true, s);
    }
    if (!d.settings.empty()) {
        out += "\n" + paint(s.color, "1", "wijk.yaml") + "\n";
        field_lines(out, d.settings, 2, s);
    }
    if (!d.unread.empty()) {
        out += "\n" + paint(s.color, "1", tr(s.lang, "Not compared (the YAML could not be read):",
                                             "Niet vergeleken (de YAML kon niet worden gelezen):")) + "\n";
        for (const UnreadFile& u : d.unread)
            wrapped(out, unread_line(u, u.before ? before : after, s.lang), 2, 4, s.width);
    }
    return out;
}

std::string render_log_text(const LogReport& r, const HistoryStyle& s) {
    std::string out;
    const auto& entries = *r.entries;
    std::string label = terminal_safe(record_label(r.collection, r.id, 1, s.lang));
    std::string count = entries.size() == 1 ? std::string(tr(s.lang, "1 commit changed it", "gewijzigd in 1 commit"))
                                            : msg(s.lang, "{} commits changed it", "gewijzigd in {} commits", entries.size());
    std::string range;
    if (r.since && r.until) range = msg(s.lang, " from {} to {}", " van {} tot en met {}", *r.since, *r.until);
    else if (r.since) range = msg(s.lang, " since {}", " sinds {}", *r.since);
    else if (r.until) range = msg(s.lang, " until {}", " tot en met {}", *r.until);
    wrapped(out, label + ": " + count + range + (entries.size() > 1 ? std::string(tr(s.lang, " (newest first)", " (nieuwste eerst)")) : ""),
            0, 2, s.width);
    for (const RecordHistoryEntry& e : entries) {
        out += "\n";
        std::string head = e.commit.date + "  " + paint(s.color, "33", e.commit.short_id) + "  " + terminal_safe(e.commit.author);
        if (e.commit.merge) head += tr(s.lang, "  (merge)", "  (samenvoeging)");
        out += head + "\n";
        wrapped(out, terminal_safe(e.commit.subject), 4, 0, s.width);
        if (e.unread) {
            std::string side = e.unread->before ? std::string(tr(s.lang, "before this commit", "voor deze commit"))
                                                : std::string(tr(s.lang, "after this commit", "na deze commit"));
            std::string where = e.unread->line ? msg(s.lang, ", line {}", ", regel {}", e.unread->line) : std::string();
            wrapped(out,
                    msg(s.lang, "its file could not be read {}: {}{}: {}", "het bestand kon {} niet worden gelezen: {}{}: {}",
                        side, terminal_safe(e.unread->file), where, terminal_safe(e.unread->why.in(s.lang))),
                    6, 4, s.width);
            continue;
        }
        record_lines(out, e.change, 6, false, s);
    }
    return out;
}

}  // namespace wijk
