#include "render/diagnostics.h"

#include <fmt/format.h>

#include <map>
#include <tuple>

#include "model/i18n.h"
#include "render/escape.h"
#include "render/json.h"

namespace wijk {

namespace {

struct Located {
    std::string file;  // relative to the data root
    std::string path;  // relative to the git work tree root (the CI formats)
    std::uint32_t line, column;
};

Located locate(const Diagnostic& d, const DiagnosticReport& r) {
    std::string file = r.files && d.at.file < r.files->size() ? std::string((*r.files)[d.at.file]) : "?";
    std::string path = r.work_tree_prefix + file;
    return {std::move(file), std::move(path), d.at.line ? d.at.line : 1, d.at.column ? d.at.column : 1};
}

std::string_view severity_word(const Diagnostic& d, bool strict) {
    return d.severity == Severity::error || strict ? "error" : "warning";
}

std::string paint(bool on, std::string_view code, std::string_view text) {
    if (!on) return std::string(text);
    return fmt::format("\x1b[{}m{}\x1b[0m", code, text);
}

std::string render_text(const Diagnostics& diags, const DiagnosticReport& r) {
    std::string out;
    for (const auto& d : diags.items) {
        auto loc = locate(d, r);
        bool err = d.severity == Severity::error || r.strict;
        std::string sev(err ? tr(r.lang, "error", "fout") : tr(r.lang, "warning", "waarschuwing"));
        out += fmt::format("{}: {}: {} {}\n",
                           paint(r.color, "1", fmt::format("{}:{}:{}", terminal_safe(loc.file), loc.line, loc.column)),
                           paint(r.color, err ? "1;31" : "1;33", sev), terminal_safe(d.message.in(r.lang)),
                           paint(r.color, "2", fmt::format("[{}]", d.rule)));
        std::optional<Excerpt> ex;
        if (d.at.line > 0 && r.locator) ex = r.locator->excerpt(d.at);
        if (ex) {
            // about 200 characters around the column, however long the line
            std::string src = (ex->cut_before ? "…" : "") + terminal_safe(ex->text) + (ex->cut_after ? "…" : "");
            std::string num = std::to_string(loc.line);
            std::string pad(num.size(), ' ');
            out += fmt::format(" {} | {}\n", num, src);
            // caret under the column; tabs kept so that it lines up
            std::string lead = ex->cut_before ? " " : "";
            std::string_view text = ex->text;
            std::uint32_t col = 1;
            for (std::size_t i = 0; i < text.size() && col < ex->caret; ++i) {
                auto c = static_cast<unsigned char>(text[i]);
                if ((c & 0xC0) == 0x80) continue;
                // a control character is shown as <U+XXXX>: as wide as that
                if (c < 0x20 && c != '\t') lead += "        ";
                else lead += text[i] == '\t' ? '\t' : ' ';
                ++col;
            }
            out += fmt::format(" {} | {}{}\n", pad, lead, paint(r.color, err ? "1;31" : "1;33", "^"));
        }
        if (!d.hint.empty())
            out += fmt::format("  {}: {}\n", paint(r.color, "1;36", tr(r.lang, "hint", "tip")),
                               terminal_safe(d.hint.in(r.lang)));
    }
    if (r.summary_line) {
        std::size_t errors = r.strict ? diags.items.size() : diags.errors();
        std::size_t warnings = r.strict ? 0 : diags.warnings();
        out += count_line(errors, warnings, r.lang);
        if (r.counts) out += "; " + read_line(*r.counts, r.lang);
        out += "\n";
    }
    return out;
}

std::string render_parsable(const Diagnostics& diags, const DiagnosticReport& r) {
    std::string out;
    for (const auto& d : diags.items) {
        auto loc = locate(d, r);
        out += fmt::format("{}:{}:{}: {}: {} [{}]\n", terminal_safe(loc.path), loc.line, loc.column,
                           severity_word(d, r.strict), terminal_safe(d.message.in(r.lang)), d.rule);
    }
    return out;
}

std::string render_github(const Diagnostics& diags, const DiagnosticReport& r) {
    std::string out;
    for (const auto& d : diags.items) {
        auto loc = locate(d, r);
        std::string message = d.message.in(r.lang) + (d.hint.empty() ? "" : " (" + d.hint.in(r.lang) + ")");
        out += fmt::format("::{} file={},line={},col={},title={}::{}\n", severity_word(d, r.strict),
                           github_property(terminal_safe(loc.path)), loc.line, loc.column, github_property(d.rule),
                           github_data(terminal_safe(message)));
    }
    return out;
}

// FNV-1a 64 over the parts, each ended by 0xFF: stable across runs, languages and line moves.
std::string fingerprint(std::initializer_list<std::string_view> parts) {
    std::uint64_t h = 1469598103934665603ULL;
    for (std::string_view s : parts) {
        for (unsigned char c : s) {
            h ^= c;
            h *= 1099511628211ULL;
        }
        h ^= 0xFF;
        h *= 1099511628211ULL;
    }
    return fmt::format("{:016x}", h);
}

std::string render_gitlab(const Diagnostics& diags, const DiagnosticReport& r) {
    JsonWriter j;
    j.begin_array();
    // identical problems (same rule, file, record and key path) are told apart by their order
    std::map<std::tuple<std::string, std::string, std::string, std::string>, int> seen;
    for (const auto& d : diags.items) {
        auto loc = locate(d, r);
        RecordPlace place;
        if (d.at.line > 0 && r.locator) place = r.locator->place(d.at);
        int occurrence = seen[{d.rule, loc.file, place.record, place.path}]++;
        bool err = d.severity == Severity::error || r.strict;
        j.begin_object();
        j.key("description").string(d.message.in(r.lang) + (d.hint.empty() ? "" : " (" + d.hint.in(r.lang) + ")"));
        j.key("check_name").string(d.rule);
        j.key("fingerprint").string(fingerprint({d.rule, loc.file, place.record, place.path, std::to_string(occurrence)}));
        j.key("severity").string(err ? "major" : "minor");
        j.key("location").begin_object();
        j.key("path").string(loc.path);
        j.key("lines").begin_object().key("begin").integer(loc.line).end_object();
        j.end_object();
        j.end_object();
    }
    j.end_array();
    return j.take();
}

std::string render_json(const Diagnostics& diags, const DiagnosticReport& r) {
    JsonWriter j;
    j.begin_object();
    j.key("errors").integer(long(r.strict ? diags.items.size() : diags.errors()));
    j.key("warnings").integer(long(r.strict ? 0 : diags.warnings()));
    if (r.counts) {
        const RecordCounts& c = *r.counts;
        j.key("files").integer(long(c.files));
        j.key("records").begin_object();
        j.key("neighbourhoods").integer(long(c.neighbourhoods));
        j.key("liveability").integer(long(c.liveability));
        j.key("partners").integer(long(c.partners));
        j.key("agreements").integer(long(c.agreements));
        j.key("evaluations").integer(long(c.evaluations));
        j.key("strategies").integer(long(c.strategies));
        j.end_object();
    }
    j.key("diagnostics").begin_array();
    for (const auto& d : diags.items) {
        auto loc = locate(d, r);
        j.begin_object();
        j.key("severity").string(severity_word(d, r.strict));
        j.key("rule").string(d.rule);
        j.key("file").string(loc.file);
        j.key("path").string(loc.path);
        j.key("line").integer(loc.line);
        j.key("column").integer(loc.column);
        j.key("message").string(d.message.in(r.lang));
        j.key("hint");
        if (d.hint.empty()) j.null();
        else j.string(d.hint.in(r.lang));
        j.end_object();
    }
    j.end_array();
    j.end_object();
    return j.take();
}

}  // namespace

std::string count_line(std::size_t errors, std::size_t warnings, Lang lang) {
    return fmt::format("{} {}, {} {}", errors, errors == 1 ? tr(lang, "error", "fout") : tr(lang, "errors", "fouten"),
                       warnings,
                       warnings == 1 ? tr(lang, "warning", "waarschuwing") : tr(lang, "warnings", "waarschuwingen"));
}

std::string read_line(const RecordCounts& c, Lang lang) {
    auto n = [&](std::size_t count, std::string_view en1, std::string_view en, std::string_view nl1, std::string_view nl) {
        return fmt::format("{} {}", count, count == 1 ? tr(lang, en1, nl1) : tr(lang, en, nl));
    };
    return fmt::format("{} {}: {}, {}, {}, {}, {}, {}", n(c.files, "file", "files", "bestand", "bestanden"),
                       tr(lang, "read", "gelezen"),
                       n(c.neighbourhoods, "neighbourhood", "neighbourhoods", "buurt", "buurten"),
                       n(c.liveability, "liveability record", "liveability records", "leefbaarheidsrecord",
                         "leefbaarheidsrecords"),
                       n(c.partners, "partner", "partners", "partner", "partners"),
                       n(c.agreements, "agreement", "agreements", "afspraak", "afspraken"),
                       n(c.evaluations, "evaluation", "evaluations", "evaluatie", "evaluaties"),
                       n(c.strategies, "strategy", "strategies", "buurtstrategie", "buurtstrategieën"));
}

std::string render_diagnostics(const Diagnostics& diags, DiagnosticFormat format, const DiagnosticReport& report) {
    switch (format) {
        case DiagnosticFormat::text: return render_text(diags, report);
        case DiagnosticFormat::parsable: return render_parsable(diags, report);
        case DiagnosticFormat::github: return render_github(diags, report);
        case DiagnosticFormat::gitlab: return render_gitlab(diags, report);
        case DiagnosticFormat::json: return render_json(diags, report);
    }
    return {};
}

}  // namespace wijk
