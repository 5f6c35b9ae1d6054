// What every command shares: the global options, the as-of date, colour, loading and
// checking the repository, and writing the output. No CLI11 here.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/formats.h"
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
    std::optional<std::string> rev;  // --rev REV: the repository as it was at that commit
    bool no_cache = false;  // --no-cache (or WIJK_NO_CACHE=1): neither read nor write the parse cache
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
    // validate: only the diagnostics are wanted, so a cached result of the same repository
    // state will do (no records are loaded then)
    bool diagnostics_only = false;

    // Validates the global options; prints the problem and returns false on a usage error.
    bool resolve_globals();
    bool color_for(int fd) const;
    // The data root, or prints the three ways to name one and returns nullopt (exit 3).
    std::optional<std::string> data_root() const;
    // The language of human-readable output: --lang, else wijk.yaml's, else en.
    Lang lang(const Config& config) const;
    // Loads and checks the repository at `root` from the source the options name (the working
    // tree, the git index for --staged, a commit for --rev); nullopt when that source cannot be
    // opened (the problem is printed; the exit status is load_failure: 3, or 2 for a revision
    // that names no commit).
    std::optional<Loaded> load(const std::string& root) const;
    int load_failure() const { return load_failure_; }
    // Load + check for commands other than validate: on errors, prints them as validate does
    // (to stderr), then one line saying no report was made (`refused`, e.g. "no reminders
    // shown"), and returns the exit status; warnings: one line to stderr. nullopt: go on.
    std::optional<int> load_valid(Loaded& out, const Text& refused = {}) const;
    // The parse cache of a data root ($XDG_CACHE_HOME/wijk, else ~/.cache/wijk), or null for
    // --no-cache, WIJK_NO_CACHE=1, or no home.
    std::shared_ptr<UnitCache> open_cache(const std::string& root) const;
    std::optional<Diagnostics> cached_result(const UnitCache& cache, std::uint64_t key, Workspace& work) const;
    void store_result(UnitCache& cache, std::uint64_t key, const Workspace& work,
                      const std::vector<std::pair<std::string, bool>>& documents, const Diagnostics& diags) const;
    // validate's report settings for a loaded repository (paths, counts, language).
    DiagnosticReport diagnostic_report(const Loaded& loaded, bool color) const;
    // Writes the primary output to stdout, or to `path`; 0, exit_code::usage (an empty name,
    // or a target that is wijk.yaml or a data file: refuse_replacing_data), exit_code::io, or
    // 141 for a closed pipe (quietly, as SIGPIPE would).
    int emit(const std::optional<std::string>& path, const std::string& content) const;
    // emit for output made piece by piece: `produce` hands each piece to the function it
    // gets, which writes it on (to a temporary file renamed at the end, for -o FILE).
    int emit_streamed(const std::optional<std::string>& path,
                      const std::function<void(const std::function<void(std::string_view)>&)>& produce) const;
    // The format of `command` (io/formats.h): --format when given, else the output file's
    // extension, else the command's default. When the command does not write it, prints why
    // (of a --format: the formats it has, and a likely one; of -o FILE: that its extension
    // picked it, rather than speak of a --format nobody gave) and returns nullopt.
    std::optional<Format> choose_format(const std::optional<std::string>& format,
                                        const std::optional<std::string>& output, std::string_view command) const;
    // A write may create files, never replace wijk.yaml or an existing data file of a data
    // repository (the one this run reads, or the one around the target): prints which and
    // returns exit_code::usage; nullopt: go on. The target's folder is resolved first; a
    // link at the target itself is replaced, not followed (io/output.h), so its place counts.
    std::optional<int> refuse_replacing_data(const std::string& path) const;
    // The same without printing: why `path` may not be replaced, or nullopt.
    std::optional<std::string> data_file_refusal(const std::string& path) const;

private:
    // The data root the last load read and its exclude globs, for refuse_replacing_data.
    struct LoadedRoot {
        std::string root;
        std::vector<std::string> exclude;
    };
    mutable std::optional<LoadedRoot> loaded_root_;
    mutable int load_failure_ = exit_code::io;
};

struct WriteResult;
// A failed write: a closed pipe ends quietly with 141 (as SIGPIPE would, when it is ignored);
// anything else prints "cannot write PATH: reason" and is exit_code::io.
int report_write_failure(const WriteResult& result);

// The columns text output may fill: COLUMNS when set, else the width of the terminal on stdout
// (when `to_terminal`: the output goes there), else 80.
std::size_t text_width(bool to_terminal);

// Prints "wijk: MESSAGE" to stderr, control characters shown as <U+001B> (a path or a value in
// it may come from hostile data; a value that may hold a line break is escaped by its caller
// with terminal_safe, since the message's own line breaks stay).
void print_error(const std::string& message);

}  // namespace wijk
