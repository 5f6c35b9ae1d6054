// Usage errors from the command line parser, said in the user's words (CLI11 stays in cli/).
#pragma once

#include <string>
#include <vector>

namespace CLI {
class App;
class ParseError;
}  // namespace CLI

namespace wijk {

// Prints what was wrong with the command line (`args`: argv without the program name) to
// stderr, in the output language, with "did you mean" for an unknown command or long option,
// and the --help to read; returns exit_code::usage.
int report_usage_error(const CLI::App& root, const CLI::ParseError& error, const std::vector<std::string>& args);

}  // namespace wijk
