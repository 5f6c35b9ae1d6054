// wijk completion bash|zsh|fish: small shell scripts that ask wijk itself what completes the
// word under the cursor (the hidden `wijk __complete wijk WORDS...`). One engine for the three
// shells, walking the CLI11 command tree, so that a new option completes everywhere without
// touching this file and the shells never disagree: commands, options, their values, and ids
// from the data root that the line names (-C DIR, --data=DIR, ~), else WIJK_DATA or the
// current folder.
#include <CLI/CLI.hpp>

#include <pwd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "io/formats.h"
#include "cli/commands.h"
#include "cli/context.h"
#include "io/output.h"
#include "model/enums.h"
#include "model/i18n.h"
#include "source/disk_source.h"

namespace wijk {

namespace {

struct CompletionOptions {
    std::string shell;
    std::optional<std::string> ids;
};

// One candidate: the word and, for zsh and fish, what it is.
struct Candidate {
    std::string word;
    std::string description;
};

// What the word under the cursor completes to: candidates, or the shell's own file or folder
// completion (the shells know quoting, `~` and hidden files better than wijk).
struct Completion {
    enum class Kind { words, files, dirs } kind = Kind::words;
    std::vector<Candidate> candidates;
};

// The summary kinds and the collection whose ids follow each.
constexpr std::pair<std::string_view, std::string_view> summary_kinds[] = {
    {"neighbourhood", "neighbourhoods"}, {"partner", "partners"}, {"agreement", "agreements"}, {"strategy", "strategies"}};

// The tables `summary -f csv --table` offers, per kind (wijk-summary(1)); "" is the portfolio.
// tests/scripts/completion_engine.sh compares them with what `summary` itself accepts.
std::vector<std::string_view> summary_tables(std::string_view kind) {
    if (kind == "neighbourhood") return {"liveability", "agreements", "strategies", "partners"};
    if (kind == "partner") return {"agreements", "contacts", "evaluations", "strategies"};
    if (kind == "agreement") return {"provisions", "commitments", "evaluations", "results", "liveability"};
    if (kind == "strategy") return {"neighbourhoods", "agreements"};
    return {"neighbourhoods", "watchlist", "agreements", "spending", "provisions", "commitments", "evaluations", "liveability"};
}

// The formats of each command's --format: the table every command reads (io/formats.h).
std::vector<std::string_view> formats(std::string_view command) {
    std::vector<std::string_view> out;
    if (const CommandFormats* c = formats_of(command))
        for (Format f : c->formats) out.push_back(format_name(f));
    return out;
}

// `~` and `~user` at the start of a path, as the shell would have expanded them.
std::string expand_tilde(const std::string& path) {
    if (path.empty() || path[0] != '~') return path;
    auto slash = path.find('/');
    std::string user = path.substr(1, slash == std::string::npos ? std::string::npos : slash - 1);
    std::string rest = slash == std::string::npos ? "" : path.substr(slash);
    const char* home = nullptr;
    if (user.empty()) {
        home = std::getenv("HOME");
        if (!home || !*home)
            if (const passwd* pw = getpwuid(getuid())) home = pw->pw_dir;
    } else if (const passwd* pw = getpwnam(user.c_str())) {
        home = pw->pw_dir;
    }
    return home ? std::string(home) + rest : path;
}

bool hidden(const CLI::Option* o) { return o->get_group().empty(); }
bool takes_value(const CLI::Option* o) { return o->get_items_expected_max() > 0; }

std::vector<const CLI::App*> visible_subcommands(const CLI::App* app) {
    return app->get_subcommands([](const CLI::App* a) { return !a->get_name().empty() && !a->get_group().empty(); });
}

const CLI::App* subcommand_named(const CLI::App* app, const std::string& name) {
    for (const CLI::App* s : visible_subcommands(app))
        if (s->get_name() == name) return s;
    return nullptr;
}

// The option of `app` or of a command above it (global options fall through).
const CLI::Option* find_option(const CLI::App* app, const std::string& dashed) {
    for (; app; app = app->get_parent())
        for (const CLI::Option* o : app->get_options())
            if (!(o->get_positional() && !o->nonpositional()) && o->check_name(dashed)) return o;
    return nullptr;
}

std::string long_name(const CLI::Option* o) {
    return o->get_lnames().empty() ? "-" + o->get_snames().front() : "--" + o->get_lnames().front();
}

// What the line before the cursor says: the command, its positional words, the data root.
struct Line {
    const CLI::App* command;
    std::vector<std::string> positionals;
    std::optional<std::string> data;
    const CLI::Option* pending = nullptr;  // the option whose value is the word under the cursor
    bool only_positionals = false;         // after `--`
};

Line read_line(const CLI::App& root, const std::vector<std::string>& before) {
    Line line{&root, {}, std::nullopt};
    bool& only_positionals = line.only_positionals;
    for (std::size_t i = 0; i < before.size(); ++i) {
        const std::string& w = before[i];
        line.pending = nullptr;
        if (only_positionals || w.size() < 2 || w[0] != '-') {
            const CLI::App* sub = line.positionals.empty() && !only_positionals ? subcommand_named(line.command, w) : nullptr;
            if (sub) line.command = sub;
            else line.positionals.push_back(w);
            continue;
        }
        if (w == "--") {
            only_positionals = true;
            continue;
        }
        // --name=value, --name value, -Cvalue, -C value
        bool is_long = w.compare(0, 2, "--") == 0;
        std::string name = is_long ? w.substr(0, w.find('=')) : w.substr(0, 2);
        std::optional<std::string> value;
        if (is_long && name.size() < w.size()) value = w.substr(name.size() + 1);
        if (!is_long && w.size() > 2) value = w.substr(2);
        const CLI::Option* o = find_option(line.command, name);
        if (!o || !takes_value(o)) continue;
        if (!value) {
            if (i + 1 == before.size()) {
                line.pending = o;
                break;
            }
            value = before[++i];
        }
        if (o->check_name("--data")) line.data = expand_tilde(*value);
    }
    return line;
}

// The ids of a collection, with the name or title people know them by.
std::vector<Candidate> ids_of(const std::string& collection, const std::optional<std::string>& data) {
    Context cx;
    cx.global.quiet = true;
    cx.global.data = data;
    std::vector<Candidate> out;
    if (!cx.resolve_globals()) return out;
    // no data root: nothing to offer, and nothing said (the shell is in the middle of a line)
    std::error_code ec;
    auto root = find_data_root(data, std::getenv("WIJK_DATA"), std::filesystem::current_path(ec).string());
    if (!root || !std::filesystem::is_regular_file(std::filesystem::path(*root) / "wijk.yaml", ec)) return out;
    auto loaded = cx.load(*root);  // broken data still has ids worth completing
    if (!loaded) return out;
    const auto& r = loaded->repo();
    auto add = [&](const auto& records, auto describe) {
        for (const auto& rec : records)
            if (rec.id) out.push_back({std::string(*rec.id), describe(rec)});
    };
    auto name = [](const auto& rec) { return rec.name ? std::string(*rec.name) : std::string(); };
    auto title = [](const auto& rec) { return rec.title ? std::string(*rec.title) : std::string(); };
    if (collection == "neighbourhoods") add(r.neighbourhoods, name);
    else if (collection == "partners") add(r.partners, name);
    else if (collection == "agreements") add(r.agreements, title);
    else if (collection == "strategies") add(r.strategies, title);
    else if (collection == "staff") add(r.config.staff, name);
    std::sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) { return a.word < b.word; });
    out.erase(std::unique(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) { return a.word == b.word; }),
              out.end());
    return out;
}

Completion words(std::vector<std::string_view> list) {
    Completion c;
    for (auto w : list) c.candidates.push_back({std::string(w), ""});
    return c;
}

// The values of an option, given the command it is on.
Completion option_values(const CLI::Option* o, const Line& line) {
    std::string command = line.command->get_name();
    std::string name = long_name(o);
    if (name == "--format") return words(formats(command));
    if (name == "--lang") return words({lang_names.begin(), lang_names.end()});
    if (name == "--color") return words({"auto", "always", "never"});
    if (name == "--kind") return words({reminder_kind_names.begin(), reminder_kind_names.end()});
    if (name == "--csv") return words({csv_dialect_names.begin(), csv_dialect_names.end()});
    if (name == "--group-by") return words({"owner"});
    if (name == "--source") return words({"leefbaarometer"});
    if (name == "--table")
        return words(summary_tables(line.positionals.empty() ? std::string_view() : std::string_view(line.positionals[0])));
    if (name == "--partner") return {Completion::Kind::words, ids_of("partners", line.data)};
    if (name == "--neighbourhood") return {Completion::Kind::words, ids_of("neighbourhoods", line.data)};
    if (name == "--agreement") return {Completion::Kind::words, ids_of("agreements", line.data)};
    if (name == "--strategy") return {Completion::Kind::words, ids_of("strategies", line.data)};
    if (name == "--owner") return {Completion::Kind::words, ids_of("staff", line.data)};
    if (name == "--data" || name == "--out") return {Completion::Kind::dirs, {}};
    if (name == "--output") return {Completion::Kind::files, {}};
    return {};
}

// The positional words of a command that has no subcommands.
Completion positional_values(const Line& line) {
    std::string command = line.command->get_name();
    std::size_t index = line.positionals.size();
    if (command == "completion" && index == 0) return words({"bash", "zsh", "fish"});
    // `log KIND ID` names a record as `summary KIND ID` does
    if ((command == "summary" || command == "log") && index == 0) {
        Completion c;
        for (auto [kind, collection] : summary_kinds) c.candidates.push_back({std::string(kind), ""});
        return c;
    }
    if ((command == "summary" || command == "log") && index == 1)
        for (auto [kind, collection] : summary_kinds)
            if (line.positionals[0] == kind) return {Completion::Kind::words, ids_of(std::string(collection), line.data)};
    if (command == "init" && index == 0) return {Completion::Kind::dirs, {}};
    if (command == "leefbaarometer" && index == 0) return {Completion::Kind::files, {}};
    return {};
}

Completion complete(const CLI::App& root, std::vector<std::string> args) {
    if (!args.empty()) args.erase(args.begin());  // the command's own name
    std::string current = args.empty() ? "" : args.back();
    if (!args.empty()) args.pop_back();
    Line line = read_line(root, args);

    Completion c;
    std::string prefix;  // what each candidate must start with
    if (line.pending) {
        c = option_values(line.pending, line);
        prefix = current;
    } else if (line.only_positionals) {
        c = positional_values(line);
        prefix = current;
    } else if (current.compare(0, 2, "--") == 0 && current.find('=') != std::string::npos) {
        // --name=VALUE: the value, with the option in front (bash takes it off again)
        std::string name = current.substr(0, current.find('='));
        if (const CLI::Option* o = find_option(line.command, name); o && takes_value(o)) {
            c = option_values(o, line);
            for (auto& cand : c.candidates) cand.word = name + "=" + cand.word;
        }
        prefix = current;
    } else if (!current.empty() && current[0] == '-') {
        for (const CLI::App* app = line.command; app; app = app->get_parent())
            for (const CLI::Option* o : app->get_options()) {
                if ((o->get_positional() && !o->nonpositional()) || hidden(o)) continue;
                for (const auto& s : o->get_snames()) c.candidates.push_back({"-" + s, o->get_description()});
                for (const auto& l : o->get_lnames()) c.candidates.push_back({"--" + l, o->get_description()});
            }
        prefix = current;
    } else if (!visible_subcommands(line.command).empty() && line.positionals.empty()) {
        for (const CLI::App* s : visible_subcommands(line.command)) c.candidates.push_back({s->get_name(), s->get_description()});
        prefix = current;
    } else {
        c = positional_values(line);
        prefix = current;
    }
    std::erase_if(c.candidates, [&](const Candidate& cand) { return cand.word.compare(0, prefix.size(), prefix) != 0; });
    // --help is on every command: offered once, the command's own first
    std::vector<Candidate> unique;
    for (auto& cand : c.candidates)
        if (std::none_of(unique.begin(), unique.end(), [&](const Candidate& u) { return u.word == cand.word; }))
            unique.push_back(std::move(cand));
    c.candidates = std::move(unique);
    return c;
}

// The engine's answer, one line each: ":files" or ":dirs", or "WORD<TAB>DESCRIPTION".
std::string render(const Completion& c) {
    if (c.kind == Completion::Kind::files) return ":files\n";
    if (c.kind == Completion::Kind::dirs) return ":dirs\n";
    // a word with a space or a control character in it (broken data) cannot be typed back;
    // a description never brings a control character to the terminal
    auto control = [](char ch) { return static_cast<unsigned char>(ch) < 0x20 || ch == 0x7f; };
    std::string out;
    for (const auto& cand : c.candidates) {
        if (cand.word.empty() || std::any_of(cand.word.begin(), cand.word.end(), [&](char ch) { return control(ch) || ch == ' '; }))
            continue;
        std::string d = cand.description;
        std::replace_if(d.begin(), d.end(), control, ' ');
        out += cand.word + (d.empty() ? "" : "\t" + d) + "\n";
    }
    return out;
}

constexpr const char* bash_script = R"~(# bash completion for wijk (generated by `wijk completion bash`).
# Load it with:  source <(wijk completion bash)   or save it in
# ~/.local/share/bash-completion/completions/wijk
# Every Tab asks `wijk __complete` what fits, so the script stays the same after an update.

_wijk() {
  local i w words=() glue=0
  # bash splits --data=DIR at the '=': join the pieces again, as they were typed
  for ((i = 0; i <= COMP_CWORD; i++)); do
    w=${COMP_WORDS[i]}
    if [[ $w == "=" && ${#words[@]} -gt 0 && ${words[-1]} == --* && $glue == 0 ]]; then
      words[-1]+="="; glue=1; continue
    fi
    if [[ $glue == 1 ]]; then words[-1]+="$w"; glue=0; continue; fi
    words+=("$w")
  done
  local cur=${words[-1]} answer
  answer=$(command wijk __complete "${words[@]}" 2>/dev/null) || return 0
  # readline replaces only what follows the '=' of --name=VALUE
  local after=$cur
  [[ $cur == --*=* ]] && after=${cur#*=}
  COMPREPLY=()
  case $answer in
    :dirs) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- "$after")) ;;
    :files) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$after")) ;;
    *)
      local line
      while IFS= read -r line; do
        [ -n "$line" ] || continue
        line=${line%%$'\t'*}
        [[ $cur == --*=* ]] && line=${line#*=}
        COMPREPLY+=("$line")
      done <<< "$answer"
      ;;
  esac
  return 0
}

complete -F _wijk wijk
)~";

constexpr const char* zsh_script = R"~(#compdef wijk
# zsh completion for wijk (generated by `wijk completion zsh`).
# Load it with:  source <(wijk completion zsh)   (after compinit), or save it as _wijk in a
# folder of $fpath. Every Tab asks `wijk __complete` what fits.

_wijk() {
  local -a answer candidates
  local entry word
  # the words up to the cursor, unquoted (the name `words` is zsh's own: read it, never shadow it)
  answer=("${(@f)$(command wijk __complete "${(@Q)words[1,CURRENT]}" 2>/dev/null)}")
  case ${answer[1]} in
    :dirs) compset -P '--*='; _files -/ ;;
    :files) compset -P '--*='; _files ;;
    *)
      for entry in "${answer[@]}"; do
        [[ -n $entry ]] || continue
        word=${entry%%$'\t'*}
        if [[ $entry == *$'\t'* ]]; then
          candidates+=("${word//:/\\:}:${entry#*$'\t'}")
        else
          candidates+=("${word//:/\\:}")
        fi
      done
      (( ${#candidates} )) && _describe -t wijk 'wijk' candidates
      ;;
  esac
}

if [[ $funcstack[1] == _wijk ]]; then
  _wijk "$@"
else
  (( $+functions[compdef] )) || { autoload -U +X compinit && compinit; }
  compdef _wijk wijk
fi
)~";

constexpr const char* fish_script = R"~(# fish completion for wijk (generated by `wijk completion fish`).
# Save it as ~/.config/fish/completions/wijk.fish, or load it with:  wijk completion fish | source
# Every Tab asks `wijk __complete` what fits.

function __wijk_complete
    set -l token (commandline -ct)
    set -l answer (command wijk __complete (commandline -opc) $token 2>/dev/null)
    switch "$answer[1]"
        case :dirs :files
            # --name=DIR: complete what follows the '=' and put the option back in front
            set -l option ''
            set -l rest $token
            if string match -rq -- '^--[^=]*=' $token
                set option (string match -r -- '^--[^=]*=' $token)
                set rest (string replace -r -- '^--[^=]*=' '' $token)
            end
            if test "$answer[1]" = :dirs
                for d in (__fish_complete_directories "$rest")
                    echo "$option$d"
                end
            else
                for f in (__fish_complete_path "$rest")
                    echo "$option$f"
                end
            end
        case '*'
            printf '%s\n' $answer
    end
end

complete -c wijk -f -a '(__wijk_complete)'
)~";

int print_ids(const std::string& kind, Context& cx) {
    static const std::vector<std::string> kinds{"neighbourhoods", "partners", "agreements", "strategies", "staff"};
    if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) {
        print_error(msg("--ids: '{}' is not one of: neighbourhoods, partners, agreements, strategies, staff",
                        "--ids: '{}' is niet een van: neighbourhoods, partners, agreements, strategies, staff", kind));
        return exit_code::usage;
    }
    cx.global.quiet = true;
    if (!cx.resolve_globals()) return exit_code::usage;
    if (!cx.data_root()) return exit_code::io;
    std::string out;
    for (const auto& c : ids_of(kind, cx.global.data)) out += c.word + "\n";
    return cx.emit(std::nullopt, out);
}

int run_completion(const CompletionOptions& opt, Context& cx) {
    if (opt.ids) return print_ids(*opt.ids, cx);
    if (!cx.resolve_globals()) return exit_code::usage;
    std::string script;
    if (opt.shell == "bash") {
        script = bash_script;
    } else if (opt.shell == "zsh") {
        script = zsh_script;
    } else if (opt.shell == "fish") {
        script = fish_script;
    } else {
        print_error(opt.shell.empty()
                        ? std::string(tr("name a shell: bash, zsh or fish", "noem een shell: bash, zsh of fish"))
                        : msg("'{}' is not one of: bash, zsh, fish", "'{}' is niet een van: bash, zsh, fish", opt.shell));
        return exit_code::usage;
    }
    return cx.emit(std::nullopt, script);
}

}  // namespace

void add_completion(CLI::App& app, Context& cx, int& status) {
    auto opt = std::make_shared<CompletionOptions>();
    auto* sub = app.add_subcommand("completion", "Print a completion script for bash, zsh or fish");
    sub->add_option("shell", opt->shell, "bash, zsh or fish")->type_name("SHELL");
    // used by the scripts themselves to complete ids from the data
    sub->add_option("--ids", opt->ids, "Print the ids of KIND from the data")->group("");
    sub->callback([opt, &cx, &status] { status = run_completion(*opt, cx); });

    // The engine the scripts call on every Tab: `wijk __complete wijk WORD... CURRENT`, the
    // words as typed (the first one, the command's name, is not parsed: everything from it on
    // is left to complete()).
    auto* engine = app.add_subcommand("__complete", "")->group("");
    engine->prefix_command()->fallthrough(false);
    const CLI::App* root = &app;
    engine->callback([engine, root, &cx, &status] {
        status = cx.emit(std::nullopt, render(complete(*root, engine->remaining())));
    });
}

}  // namespace wijk
