#include "io/formats.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>

namespace wijk {

namespace {

using Names = std::array<std::string_view, 2>;
constexpr std::array<std::string_view, 0> none{};
constexpr std::array<std::string_view, 1> md{"md"}, yml{"yml"};
constexpr std::array<std::string_view, 1> ext_txt{".txt"}, ext_json{".json"}, ext_csv{".csv"}, ext_xlsx{".xlsx"},
    ext_ics{".ics"};
constexpr Names ext_md{".md", ".markdown"}, ext_html{".html", ".htm"}, ext_yaml{".yaml", ".yml"};

// Formats without an extension (parsable, github, gitlab, email) are only picked by --format:
// nobody writes a GitHub annotation file, and e-mail is a folder of messages (--out).
constexpr std::array<FormatInfo, 12> formats{{
    {Format::text, "text", none, ext_txt},
    {Format::parsable, "parsable", none, none},
    {Format::github, "github", none, none},
    {Format::gitlab, "gitlab", none, none},
    {Format::json, "json", none, ext_json},
    {Format::markdown, "markdown", md, ext_md},
    {Format::csv, "csv", none, ext_csv},
    {Format::html, "html", none, ext_html},
    {Format::xlsx, "xlsx", none, ext_xlsx},
    {Format::ics, "ics", none, ext_ics},
    {Format::email, "email", none, none},
    {Format::yaml, "yaml", yml, ext_yaml},
}};

using F = Format;
constexpr std::array validate_formats{F::text, F::parsable, F::github, F::gitlab, F::json};
constexpr std::array summary_formats{F::text, F::markdown, F::csv, F::json, F::html, F::xlsx};
constexpr std::array reminders_formats{F::text, F::markdown, F::json, F::ics, F::xlsx, F::email};
constexpr std::array checklist_formats{F::markdown, F::html, F::yaml, F::json};
constexpr std::array history_formats{F::text, F::markdown, F::json};

constexpr std::array<CommandFormats, 6> commands{{
    {"validate", F::text, validate_formats},
    {"summary", F::text, summary_formats},
    {"reminders", F::text, reminders_formats},
    {"checklist", F::markdown, checklist_formats},
    {"diff", F::text, history_formats},
    {"log", F::text, history_formats},
}};

}  // namespace

std::span<const FormatInfo> all_formats() { return formats; }

const FormatInfo& info(Format f) {
    for (const FormatInfo& i : formats)
        if (i.format == f) return i;
    return formats[0];  // unreachable: every Format has its row
}

const CommandFormats* formats_of(std::string_view command) {
    for (const CommandFormats& c : commands)
        if (c.command == command) return &c;
    return nullptr;
}

std::optional<Format> format_named(std::string_view name) {
    for (const FormatInfo& i : formats)
        if (i.name == name || std::find(i.aliases.begin(), i.aliases.end(), name) != i.aliases.end()) return i.format;
    return std::nullopt;
}

std::optional<Format> format_from_extension(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    for (auto& c : ext) c = char(std::tolower(static_cast<unsigned char>(c)));
    if (ext.empty()) return std::nullopt;
    for (const FormatInfo& i : formats)
        if (std::find(i.extensions.begin(), i.extensions.end(), ext) != i.extensions.end()) return i.format;
    return std::nullopt;
}

bool writes(const CommandFormats& c, Format f) {
    return std::find(c.formats.begin(), c.formats.end(), f) != c.formats.end();
}

std::string format_list(const CommandFormats& c) {
    std::string out;
    for (Format f : c.formats) {
        if (!out.empty()) out += ", ";
        out += format_name(f);
    }
    return out;
}

}  // namespace wijk
