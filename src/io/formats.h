#pragma once
// The one table of output formats: each format's name, the other names it answers to and the
// file extensions that pick it, and for each command the formats it writes and its default.
// The commands (cli/), shell completion, `-o FILE.ext` and the man-page test
// (tests/scripts/man_pages.sh, through the "is not one of" error) all read it, so adding a
// format to a command is one row here and one renderer file.

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace wijk {

enum class Format { text, parsable, github, gitlab, json, markdown, csv, html, xlsx, ics, email, yaml };

struct FormatInfo {
    Format format;
    std::string_view name;                      // what --format takes and the man pages print
    std::span<const std::string_view> aliases;  // other names --format takes ("md")
    std::span<const std::string_view> extensions;  // lower case, with the dot; the first is the usual one
};

struct CommandFormats {
    std::string_view command;
    Format fallback;                 // without --format and without a known -o extension
    std::span<const Format> formats;  // in the order the man page and the errors list them
};

std::span<const FormatInfo> all_formats();
const FormatInfo& info(Format f);
inline std::string_view format_name(Format f) { return info(f).name; }

// nullptr for a command without --format.
const CommandFormats* formats_of(std::string_view command);

// A name or alias given to --format; nullopt when it names no format at all.
std::optional<Format> format_named(std::string_view name);

// The format a file's extension stands for (".json" -> json, ".MD" -> markdown); nullopt for
// an extension no format has.
std::optional<Format> format_from_extension(const std::string& path);

// Whether the command writes the format.
bool writes(const CommandFormats& c, Format f);

// "text, markdown, json": the command's formats as the errors list them.
std::string format_list(const CommandFormats& c);

}  // namespace wijk
