// `wijk diff` and `wijk log` in Markdown, for a pull request's description or a CI job's
// summary ($GITHUB_STEP_SUMMARY): a table per collection, a row per field that changed.
#include "model/i18n.h"
#include "render/escape.h"
#include "render/history.h"

namespace wijk {

namespace {

// An id or a path in a table cell, as code when it can be.
std::string code_cell(std::string_view s) {
    if (s.empty() || s.find('`') != std::string_view::npos || s.find('\n') != std::string_view::npos)
        return markdown_cell(s);
    return "`" + markdown_cell(s) + "`";
}

std::string_view change_word(RecordChange::Kind k, Lang lang) {
    switch (k) {
        case RecordChange::Kind::added: return tr(lang, "added", "toegevoegd");
        case RecordChange::Kind::removed: return tr(lang, "removed", "verwijderd");
        case RecordChange::Kind::changed: return tr(lang, "changed", "gewijzigd");
    }
    return {};
}

// The rows of one record: the first names it, one row per field that changed.
void record_rows(std::string& out, const RecordChange& c, bool with_key, Lang lang) {
    std::string lead = "| " + std::string(change_word(c.kind, lang)) + " | ";
    if (with_key) {
        lead += code_cell(key_label(c.collection, c.key, lang));
        if (std::string title = record_title(c); !title.empty()) lead += " " + markdown_cell(title);
        lead += " | ";
    }
    std::string note;
    switch (c.kind) {
        case RecordChange::Kind::added: note = msg(lang, "in {}", "in {}", code_cell(c.file_after)); break;
        case RecordChange::Kind::removed: note = msg(lang, "was in {}", "stond in {}", code_cell(c.file_before)); break;
        case RecordChange::Kind::changed:
            if (!moved_note(c, lang).empty())
                note = msg(lang, "moved from {} to {}", "verplaatst van {} naar {}", code_cell(c.file_before),
                           code_cell(c.file_after));
            break;
    }
    if (!c.renamed.empty()) {
        std::string other = code_cell(key_label(c.collection, c.renamed, lang));
        note += (note.empty() ? "" : "; ") +
                (c.kind == RecordChange::Kind::removed ? msg(lang, "renamed? now {}", "hernoemd? nu {}", other)
                                                       : msg(lang, "renamed? was {}", "hernoemd? was {}", other));
    }
    if (c.fields.empty() || !note.empty()) {
        out += lead + note + " | | |\n";
        lead = with_key ? "| | | " : "| | ";
    }
    for (const FieldChange& f : c.fields) {
        out += lead + code_cell(f.path) + " | " + markdown_cell(value_text(f.before, lang)) + " | " +
               markdown_cell(value_text(f.after, lang)) + " |\n";
        lead = with_key ? "| | | " : "| | ";
    }
}

std::string header_row(bool with_key, Lang lang) {
    std::string h = "| " + std::string(tr(lang, "Change", "Wijziging")) + " | ";
    if (with_key) h += std::string(tr(lang, "Record", "Record")) + " | ";
    h += std::string(tr(lang, "Field", "Veld")) + " | " + std::string(tr(lang, "Before", "Was")) + " | " +
         std::string(tr(lang, "After", "Nu")) + " |\n";
    h += with_key ? "| --- | --- | --- | --- | --- |\n" : "| --- | --- | --- | --- |\n";
    return h;
}

}  // namespace

std::string render_diff_markdown(const DiffReport& r, const HistoryStyle& s) {
    const RecordDiff& d = *r.diff;
    const Lang lang = s.lang;
    std::string out = "### " + markdown_text(msg(lang, "Data changes: {} → {}", "Wijzigingen in de gegevens: {} → {}",
                                                 side_label(r.before, lang), side_label(r.after, lang))) +
                      "\n\n";
    out += markdown_text(change_counts(d, lang)) +
           (d.settings.empty() ? "" : std::string(tr(lang, "; wijk.yaml changed", "; wijk.yaml gewijzigd"))) + ".\n";
    std::string_view current;
    for (const RecordChange& c : d.records) {
        if (c.collection != current) {
            current = c.collection;
            out += "\n#### " + std::string(collection_title(c.collection, lang)) + "\n\n" + header_row(true, lang);
        }
        record_rows(out, c, true, lang);
    }
    if (!d.settings.empty()) {
        out += "\n#### wijk.yaml\n\n";
        out += "| " + std::string(tr(lang, "Field", "Veld")) + " | " + std::string(tr(lang, "Before", "Was")) + " | " +
               std::string(tr(lang, "After", "Nu")) + " |\n| --- | --- | --- |\n";
        for (const FieldChange& f : d.settings)
            out += "| " + code_cell(f.path) + " | " + markdown_cell(value_text(f.before, lang)) + " | " +
                   markdown_cell(value_text(f.after, lang)) + " |\n";
    }
    if (!d.unread.empty()) {
        out += "\n#### " + std::string(tr(lang, "Not compared (the YAML could not be read)",
                                          "Niet vergeleken (de YAML kon niet worden gelezen)")) +
               "\n\n";
        for (const UnreadFile& u : d.unread) {
            std::string where = u.line ? msg(lang, ", line {}", ", regel {}", u.line) : std::string();
            out += "- " + code_cell(u.file) + " " +
                   markdown_text(msg(lang, "in {}{}: {}", "in {}{}: {}", side_label(u.before ? r.before : r.after, lang),
                                     where, u.why.in(lang))) +
                   "\n";
        }
    }
    return out;
}

std::string render_log_markdown(const LogReport& r, const HistoryStyle& s) {
    const Lang lang = s.lang;
    const auto& entries = *r.entries;
    std::string out = "### " + markdown_text(record_label(r.collection, r.id, 1, lang)) + "\n\n";
    out += entries.size() == 1 ? std::string(tr(lang, "1 commit changed it", "gewijzigd in 1 commit"))
                               : msg(lang, "{} commits changed it", "gewijzigd in {} commits", entries.size());
    if (r.since) out += msg(lang, ", since {}", ", sinds {}", *r.since);
    if (r.until) out += msg(lang, ", until {}", ", tot en met {}", *r.until);
    out += entries.size() > 1 ? std::string(tr(lang, " (newest first).\n", " (nieuwste eerst).\n")) : ".\n";
    for (const RecordHistoryEntry& e : entries) {
        out += "\n#### " + e.commit.date + " `" + e.commit.short_id + "` " + markdown_text(e.commit.subject) + "\n\n";
        out += markdown_text(e.commit.author) + (e.commit.merge ? std::string(tr(lang, " (merge)", " (samenvoeging)")) : "") +
               "\n\n";
        if (e.unread) {
            std::string where = e.unread->line ? msg(lang, ", line {}", ", regel {}", e.unread->line) : std::string();
            out += markdown_text(msg(lang, "Its file could not be read {}: {}{}: {}",
                                     "Het bestand kon {} niet worden gelezen: {}{}: {}",
                                     e.unread->before ? tr(lang, "before this commit", "voor deze commit")
                                                      : tr(lang, "after this commit", "na deze commit"),
                                     e.unread->file, where, e.unread->why.in(lang))) +
                   "\n";
            continue;
        }
        out += header_row(false, lang);
        record_rows(out, e.change, false, lang);
    }
    return out;
}

}  // namespace wijk
