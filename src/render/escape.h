// Making data text safe for each output: the one place hostile text is neutralised.
#pragma once

#include <string>
#include <string_view>

namespace wijk {

// Terminal: C0/C1 controls (but newline and tab) and bidi controls shown as <U+XXXX>.
std::string terminal_safe(std::string_view s, bool keep_newlines = false);
// HTML text and attribute values.
std::string html_escape(std::string_view s);
// A Markdown table cell: | escaped, newlines as <br>, controls removed.
std::string markdown_cell(std::string_view s);
// Markdown running text: leading markup characters escaped, controls removed.
std::string markdown_text(std::string_view s);
// A CSV cell: formula prefixes guarded with ', quoted when needed (RFC 4180).
std::string csv_cell(std::string_view s, char separator = ',');
// Text for a one-line field (a calendar title, a mail header): each run of line breaks and tabs
// becomes one space, other C0/C1 controls and DEL are dropped.
std::string single_line(std::string_view s);
// RFC 5545 TEXT value escaping (backslash, ;, ",", newline).
std::string ical_text(std::string_view s);
// RFC 5545 content line folding at 75 octets, never inside a UTF-8 sequence, CRLF ends.
std::string ical_fold(std::string_view line);
// GitHub workflow command escaping (data and properties).
std::string github_data(std::string_view s);
std::string github_property(std::string_view s);

}  // namespace wijk
