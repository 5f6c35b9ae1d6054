#include "render/diagnostics.h"

#include <fmt/format.h>

#include <fstream>
#include <map>
#include <sstream>

#include "model/i18n.h"
#include "render/escape.h"
#include "render/json.h"

namespace wijk {

namespace {

struct Located {
    std::string file;
    std::uint32_t line, column;
};

Located locate(const Diagnostic& d, const DiagnosticReport& r) {
    std::string file = r.files && d.at.file < r.files->size() ? std::string((*r.files)[d.at.file]) : "?";
    return {file, d.at.line ? d.at.line : 1, d.at.column ? d.at.column : 1};
}

std::string_view severity_word(const Diagnostic& d, bool strict) {
    return d.severity == Severity::error || strict ? "error" : "warning";
}

// Source lines of one file, read once, for excerpts.
class Sources {
public:
    explicit Sources(std::string root) : root_(std::move(root)) {}
    std::string line(const std::string& file, std::uint32_t n) {
        auto it = cache_.find(file);
        if (it == cache_.end()) {
            std::vector<std::string> lines;
            std::ifstream in(root_ + "/" + file, std::ios::binary);
            std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            if (all.size() > (16u << 20)) all.clear();
            if (all.substr(0, 3) == "\xEF\xBB\xBF") all.erase(0, 3);
            std::string cur;
            for (std::size_t i = 0; i < all.size(); ++i) {
                if (all[i] == '\r' || all[i] == '\n') {
                    if (all[i] == '\r' && i + 1 < all.size() && all[i + 1] == '\n') ++i;
                    lines.push_back(std::move(cur));
                    cur.clear();
                } else {
                    cur += all[i];
                }
            }
            lines.push_back(std::move(cur));
            it = cache_.emplace(file, std::move(lines)).first;
        }
        if (n == 0 || n > it->second.size()) return {};
        return it->second[n - 1];
    }

private:
    std::string root_;
    std::map<std::string, std::vector<std::string>> cache_;
};

std::string paint(bool on, std::string_view code, std::string_view text) {
    if (!on) return std::string(text);
    return fmt::format("\x1b[{}m{}\x1b[0m", code, text);
}

std::string render_text(const Diagnostics& diags, const DiagnosticReport& r) {
    Sources sources(r.root);
    std::string out;
    for (const auto& d : diags.items) {
        auto loc = locate(d, r);
        bool err = d.severity == Severity::error || r.strict;
        std::string sev = err ? std::string(tr(r.lang, "error", "fout")) : std::string(tr(r.lang, "warning", "waarschuwing"));
        out += fmt::format("{}: {}: {} {}\n",
                           paint(r.color, "1", fmt::format("{}:{}:{}", terminal_safe(loc.file), loc.line, loc.column)),
                           paint(r.color, err ? "1;31" : "1;33", sev), terminal_safe(d.message.in(r.lang)),
                           paint(r.color, "2", fmt::format("[{}]", d.rule)));
        if (d.at.line > 0) {
            std::string src = terminal_safe(sources.line(loc.file, loc.line));
            std::string num = std::to_string(loc.line);
            std::string pad(num.size(), ' ');
            out += fmt::format(" {} | {}\n", num, src);
            // caret under the column; tabs kept so it lines up
            std::string lead;
            std::uint32_t col = 1;
            for (std::size_t i = 0; i < src.size() && col < loc.column; ++i) {
                auto c = static_cast<unsigned char>(src[i]);
                if ((c & 0xC0) == 0x80) continue;
                lead += src[i] == '\t' ? '\t' : ' ';
                ++col;
            }
            out += fmt::format(" {} | {}{}\n", pad, lead, paint(r.color, err ? "1;31" : "1;33", "^"));
        }
        if (!d.hint.empty())
            out += fmt::format("  {}: {}\n", paint(r.color, "1;36", tr(r.lang, "hint", "tip")), terminal_safe(d.hint.in(r.lang)));
    }
    if (r.summary_line) {
        std::size_t errors = r.strict ? diags.items.size() : diags.errors();
        std::size_t warnings = r.strict ? 0 : diags.warnings();
        std::size_t files = r.files ? r.files->size() : 0;
        out += fmt::format("{} ({})\n", count_line(errors, warnings, r.lang),
                           msg(r.lang, "{} files checked", "{} bestanden gecontroleerd", files));
    }
    return out;
}

std::string render_parsable(const Diagnostics& diags, const DiagnosticReport& r) {
    std::string out;
    for (const auto& d : diags.items) {
        auto loc = locate(d, r);
        out += fmt::format("{}:{}:{}: {}: {} [{}]\n", terminal_safe(loc.file), loc.line, loc.column,
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
                           github_property(loc.file), loc.line, loc.column, github_property(d.rule),
                           github_data(message));
    }
    return out;
}

std::string fingerprint(const Located& loc, const Diagnostic& d) {
    // FNV-1a 64: stable across runs and languages
    std::uint64_t h = 1469598103934665603ULL;
    auto mix = [&](std::string_view s) {
        for (unsigned char c : s) {
            h ^= c;
            h *= 1099511628211ULL;
        }
        h ^= 0xFF;
        h *= 1099511628211ULL;
    };
    mix(loc.file);
    mix(d.rule);
    mix(std::to_string(loc.line));
    mix(std::to_string(loc.column));
    return fmt::format("{:016x}", h);
}

std::string render_gitlab(const Diagnostics& diags, const DiagnosticReport& r) {
    JsonWriter j;
    j.begin_array();
    for (const auto& d : diags.items) {
        auto loc = locate(d, r);
        bool err = d.severity == Severity::error || r.strict;
        j.begin_object();
        j.key("description").string(d.message.in(r.lang) + (d.hint.empty() ? "" : " (" + d.hint.in(r.lang) + ")"));
        j.key("check_name").string(d.rule);
        j.key("fingerprint").string(fingerprint(loc, d));
        j.key("severity").string(err ? "major" : "minor");
        j.key("location").begin_object();
        j.key("path").string(loc.file);
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
    j.key("diagnostics").begin_array();
    for (const auto& d : diags.items) {
        auto loc = locate(d, r);
        j.begin_object();
        j.key("severity").string(severity_word(d, r.strict));
        j.key("rule").string(d.rule);
        j.key("file").string(loc.file);
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
    return fmt::format("{} {}, {} {}", errors,
                       errors == 1 ? tr(lang, "error", "fout") : tr(lang, "errors", "fouten"), warnings,
                       warnings == 1 ? tr(lang, "warning", "waarschuwing") : tr(lang, "warnings", "waarschuwingen"));
}

std::string render_diagnostics(const Diagnostics& diags, DiagnosticFormat format,
                               const DiagnosticReport& report) {
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
