// --help in the user's language: the words CLI11 prints around the descriptions (headings,
// "REQUIRED", the names of values) and the help and version flags. The descriptions
// themselves are given in that language by each add_X (`Context::help_lang`). CLI11 stays in cli/.
#pragma once

#include <string>
#include <string_view>

#include "model/lang.h"

namespace CLI {
class App;
}

namespace wijk {

// Installs the help formatter of `lang` on `app` and sets its help flag (-h,--help); call it
// before any subcommand is added (they inherit both).
void use_help_language(CLI::App& app, Lang lang);

// A word CLI11 shows in help, or the name of a value (FILE, DIR, ...), in `lang`: unchanged in
// English, and when there is no Dutch for it.
std::string help_word(std::string_view word, Lang lang);

// A description for --help in `lang`.
std::string describe(Lang lang, std::string_view en, std::string_view nl);

}  // namespace wijk
