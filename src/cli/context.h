// What every command shares: the global options, the as-of date, colour, loading and
// checking the repository, and writing the output. No CLI11 here.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "load/workspace.h"
#include "model/diagnostic.h"
#include "model/records.h"
#include "render/diagnostics.h"

namespace wijk {

namespace exit_code {
inline constexpr int ok = 0;
inline constexpr int data_errors = 1;  // or a --check found what it checks for
inline constexpr int usage = 2;
inline constexpr int io = 3;           // no data root, or a file or folder unreadable/unwritable
inline constexpr int internal = 4;
}  // namespace exit_code

struct GlobalOptions {
    std::optional<std::string> data;
    std::optional<std::string> as_of;
    std::optional<std::string> lang;
    std::string color = "auto";
    bool quiet = false;
};

// A repository state loaded and checked: the workspace that holds it, and every problem found.
struct Loaded {
    std::unique_ptr<Workspace> workspace;
    Diagnostics diags;  // loading and checking, sorted by place
    Repository& repo() { return workspace->repository(); }
    const Repository& repo() const { return workspace->repository(); }
};

struct Context {
    GlobalOptions global;
    Date as_of{};
    std::optional<Lang> forced_lang;
    // validate --staged: read the git index instead of the working tree
    bool staged = false;

    // Validates the global options; prints the problem and returns false on a usage error.
    bool resolve_globals();
    bool color_for(int fd) const;
    // The data root, or prints the three ways to name one and returns nullopt (exit 3).
    std::optional<std::string> data_root() const;
    // The language of human-readable output: --lang, else wijk.yaml's, else en.
    Lang lang(const Config& config) const;
    // Loads and checks the repository at `root` from the source the options name (the working
    // tree, or the git index for --staged); nullopt when that source cannot be opened (the
    // problem is printed; exit 3).
    std::optional<Loaded> load(const std::string& root) const;
    // Load + check for commands other than validate: on errors, prints them as validate does
    // (to stderr), then one line saying no report was made (`refused`, e.g. "no reminders
    // shown"), and returns the exit status; warnings: one line to stderr. nullopt: go on.
    std::optional<int> load_valid(Loaded& out, const Text& refused = {}) const;
    // validate's report settings for a loaded repository (paths, counts, language).
    DiagnosticReport diagnostic_report(const Loaded& loaded, bool color) const;
    // Writes the primary output to stdout, or to `path`; 0 or exit_code::io.
    int emit(const std::optional<std::string>& path, const std::string& content) const;
    // emit for output made piece by piece: `produce` hands each piece to the function it
    // gets, which writes it on (to a temporary file renamed at the end, for -o FILE).
    int emit_streamed(const std::optional<std::string>& path,
                      const std::function<void(const std::function<void(std::string_view)>&)>& produce) const;
    // Columns for text output (commands.md): COLUMNS when set, else the terminal's width when
    // writing to a terminal's standard output, else 80.
    std::size_t text_width(const std::optional<std::string>& output) const;
    // The format: --format when given, else the output file's extension, else `fallback`.
    std::string pick_format(const std::optional<std::string>& format,
                            const std::optional<std::string>& output, const std::string& fallback) const;
};

// Prints "wijk: MESSAGE" to stderr.
void print_error(const std::string& message);

}  // namespace wijk
