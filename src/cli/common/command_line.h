// What is known of the command line before CLI11 parses it: the language to say things in
// when they are said before (or instead of) running a command: usage errors and --help.
#pragma once

#include <string>
#include <vector>

#include "model/lang.h"

namespace wijk {

// --lang on the line (`--lang nl`, `--lang=nl`), else `language:` in the wijk.yaml of the data
// root the line names (-C/--data, WIJK_DATA, or the folder wijk runs in), read as text: what is
// said about the command line must not depend on loading the data; else en. `args`: argv
// without the program name.
Lang command_line_language(const std::vector<std::string>& args);

// Whether the line asks for help text (-h, --help, --help-all before a `--`) or is the
// completion engine's (`__complete`, whose candidates carry the options' descriptions).
bool shows_descriptions(const std::vector<std::string>& args);

}  // namespace wijk
