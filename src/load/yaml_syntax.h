// YAML syntax errors in plain words: from the place where the parser gave up, the line that is
// actually wrong and the likely fix (a missing colon, no space after it, a tab, a line indented
// too far or not far enough, an unclosed bracket), in both languages. The parser's own words
// follow; they are never the only words.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "model/i18n.h"
#include "model/line_index.h"

namespace wijk {

struct SyntaxCause {
    std::size_t line0 = 0;  // the line that is wrong
    std::size_t byte = 0;   // where in it (bytes)
    Text message;           // without the "YAML syntax error: " lead
    Text hint;
    // false when wijk found no cause of its own and only restates the parser's complaint: then
    // the parser's text must follow in every language
    bool explained = true;
};

// The parser stopped at `stop_line0` saying `parser_message`: what most likely is wrong, and
// where. Always an answer: when no known mistake is found, the parser's complaint in plain words
// at the place it stopped.
SyntaxCause explain_syntax_error(const LineIndex& lines, std::size_t stop_line0, std::size_t stop_byte,
                                 std::string_view parser_message);

// A key written without its colon (`name Overtoomse Veld`) or with no space after it
// (`name:Overtoomse Veld`), which YAML reads as a key without a value: the cause, or nullopt.
// `key_text` is the key as read, `line` its line, `key_byte` where it starts in it.
std::optional<SyntaxCause> explain_key_without_colon(std::string_view line, std::size_t line0,
                                                     std::size_t key_byte, std::string_view key_text);

// Whether a value `number` and the key `digits` after it, split by a comma inside {…}, are one
// number with a decimal comma: `3,95`, `-0,08`, `+1,5`, `1.500,00`.
bool is_decimal_comma(std::string_view number, std::string_view digits);

// `3,95` or `1.500,00` inside {…}: YAML reads a number and a key of digits (`95`, `00`).
// `number` is the value before the comma, `digits` the key after it.
SyntaxCause explain_flow_comma(std::size_t line0, std::size_t byte, std::string_view number,
                               std::string_view digits);

}  // namespace wijk
