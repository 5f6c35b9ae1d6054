// wijk completion bash|zsh|fish: completion scripts generated from the CLI11 command tree, so a
// new option completes without touching this file. Values: a small table of known choices, and
// ids from the data through the hidden `wijk completion --ids KIND`.
#include <CLI/CLI.hpp>

#include <algorithm>

#include "cli/commands.h"
#include "cli/context.h"
#include "io/output.h"
#include "model/enums.h"
#include "model/i18n.h"

namespace wijk {

namespace {

struct CompletionOptions {
    std::string shell;
    std::optional<std::string> ids;
};

// What an option's value completes to: words, "@files", "@dirs" or "@ids:KIND".
std::string value_words(const std::string& command, const std::string& option) {
    auto join = [](auto names) {
        std::string s;
        for (auto n : names) s += (s.empty() ? "" : " ") + std::string(n);
        return s;
    };
    if (option == "--format") {
        if (command == "validate") return "text parsable github gitlab json";
        if (command == "summary") return "text markdown csv json html xlsx";
        if (command == "reminders") return "text markdown json ics xlsx email";
        if (command == "checklist") return "markdown html yaml";
    }
    if (option == "--lang") return join(lang_names);
    if (option == "--color") return "auto always never";
    if (option == "--kind") return join(reminder_kind_names);
    if (option == "--csv") return join(csv_dialect_names);
    if (option == "--group-by") return "owner";
    if (option == "--table") return "neighbourhoods watchlist agreements";
    if (option == "--partner") return "@ids:partners";
    if (option == "--neighbourhood") return "@ids:neighbourhoods";
    if (option == "--agreement") return "@ids:agreements";
    if (option == "--strategy") return "@ids:strategies";
    if (option == "--owner") return "@ids:staff";
    if (option == "--data" || option == "--out") return "@dirs";
    if (option == "--output") return "@files";
    return "";
}

// Words for a command's positional arguments.
std::string positional_words(const std::string& command) {
    if (command == "completion") return "bash zsh fish";
    if (command == "summary") return "neighbourhood partner agreement strategy";
    if (command == "init") return "@dirs";
    return "@files";
}

struct Command {
    std::string path;  // "" for wijk itself, "import leefbaarometer"
    const CLI::App* app;
};

void walk(const CLI::App* app, const std::string& path, std::vector<Command>& out) {
    out.push_back({path, app});
    for (const CLI::App* sub : app->get_subcommands([](const CLI::App* a) { return !a->get_name().empty(); }))
        walk(sub, path.empty() ? sub->get_name() : path + " " + sub->get_name(), out);
}

std::vector<std::string> option_names(const CLI::Option* o) {
    std::vector<std::string> names;
    for (const auto& s : o->get_snames()) names.push_back("-" + s);
    for (const auto& l : o->get_lnames()) names.push_back("--" + l);
    return names;
}

std::string long_name(const CLI::Option* o) {
    return o->get_lnames().empty() ? "" : "--" + o->get_lnames().front();
}

bool takes_value(const CLI::Option* o) { return o->get_items_expected_max() > 0; }

std::vector<const CLI::App*> visible_subcommands(const CLI::App* app) {
    return app->get_subcommands([](const CLI::App* a) { return !a->get_name().empty() && !a->get_group().empty(); });
}

bool has_positional(const CLI::App* app) {
    for (const CLI::Option* o : app->get_options())
        if (o->get_positional()) return true;
    return false;
}

std::string last_word(const std::string& path) {
    auto sp = path.rfind(' ');
    return sp == std::string::npos ? path : path.substr(sp + 1);
}

std::string bash_script(const CLI::App& root) {
    std::vector<Command> commands;
    walk(&root, "", commands);
    std::string subs, opts, values, args, takes;
    for (const auto& c : commands) {
        std::string names;
        for (const CLI::App* s : visible_subcommands(c.app)) names += (names.empty() ? "" : " ") + s->get_name();
        if (!names.empty()) subs += "    \"" + c.path + "\") echo \"" + names + "\" ;;\n";
        std::string on;
        for (const CLI::Option* o : c.app->get_options()) {
            if (o->get_positional() && o->nonpositional() == false) continue;
            for (const auto& n : option_names(o)) {
                on += (on.empty() ? "" : " ") + n;
                if (takes_value(o) && takes.find(" " + n + " ") == std::string::npos) takes += n + " ";
            }
            if (!takes_value(o)) continue;
            std::string v = value_words(last_word(c.path), long_name(o));
            if (v.empty()) continue;
            std::string pattern;
            for (const auto& n : option_names(o))
                pattern += (pattern.empty() ? "" : "|") + std::string("\"") + c.path + "|" + n + "\"";
            values += "    " + pattern + ") echo \"" + v + "\" ;;\n";
        }
        if (!on.empty()) opts += "    \"" + c.path + "\") echo \"" + on + "\" ;;\n";
        if (names.empty() && !c.path.empty() && has_positional(c.app))
            args += "    \"" + c.path + "\") echo \"" + positional_words(last_word(c.path)) + "\" ;;\n";
    }
    std::string s = R"~(# bash completion for wijk (generated by `wijk completion bash`).
# Load it with:  source <(wijk completion bash)   or save it in
# ~/.local/share/bash-completion/completions/wijk

_wijk_subcommands() {
  case "$1" in
)~" + subs + R"~(  esac
}

_wijk_options() {
  case "$1" in
)~" + opts + R"~(  esac
}

_wijk_values() {
  case "$1|$2" in
)~" + values + R"~(    *"|-C"|*"|--data"|*"|--as-of"|*"|--lang"|*"|--color") _wijk_values "" "$2" ;;
  esac
}

_wijk_args() {
  case "$1" in
)~" + args + R"~(  esac
}

_wijk_takes_value=" )~" + takes + R"~("

_wijk_reply() {
  local cur=$1 words=$2 data=("${@:3}")
  case "$words" in
    @files) COMPREPLY=($(compgen -f -- "$cur")) ;;
    @dirs) COMPREPLY=($(compgen -d -- "$cur")) ;;
    @ids:*) COMPREPLY=($(compgen -W "$(wijk "${data[@]}" completion --ids "${words#@ids:}" 2>/dev/null)" -- "$cur")) ;;
    *) COMPREPLY=($(compgen -W "$words" -- "$cur")) ;;
  esac
}

_wijk() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
  local path="" data=() i w skip=0
  for ((i = 1; i < COMP_CWORD; i++)); do
    w=${COMP_WORDS[i]}
    if [ $skip = 1 ]; then skip=0; continue; fi
    case "$w" in
      -C|--data) data=(-C "${COMP_WORDS[i+1]}"); skip=1; continue ;;
      -*) [[ $_wijk_takes_value == *" $w "* ]] && skip=1; continue ;;
    esac
    local next=" $(_wijk_subcommands "$path") "
    if [[ $next == *" $w "* ]]; then path=${path:+$path }$w; fi
  done
  COMPREPLY=()
  if [[ $prev == -* && $_wijk_takes_value == *" $prev "* ]]; then
    _wijk_reply "$cur" "$(_wijk_values "$path" "$prev")" "${data[@]}"
    return 0
  fi
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$(_wijk_options "$path") $(_wijk_options "")" -- "$cur"))
    return 0
  fi
  local subs=$(_wijk_subcommands "$path")
  if [ -n "$subs" ]; then
    COMPREPLY=($(compgen -W "$subs" -- "$cur"))
  else
    _wijk_reply "$cur" "$(_wijk_args "$path")" "${data[@]}"
  fi
  return 0
}

complete -F _wijk wijk
)~";
    return s;
}

std::string fish_quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'' || c == '\\') out += '\\';
        out += c;
    }
    return out + "'";
}

std::string fish_script(const CLI::App& root) {
    std::vector<Command> commands;
    walk(&root, "", commands);
    std::string s = "# fish completion for wijk (generated by `wijk completion fish`).\n"
                    "# Save it as ~/.config/fish/completions/wijk.fish\n"
                    "complete -c wijk -f\n";
    // the condition under which a command's words apply: its path seen, no deeper command yet
    auto condition = [&](const Command& c) {
        std::vector<std::string> parts;
        std::string p = c.path;
        std::string cond;
        if (c.path.empty()) {
            cond = "__fish_use_subcommand";
        } else {
            std::string rest = c.path;
            std::size_t pos;
            while ((pos = rest.find(' ')) != std::string::npos) {
                cond += (cond.empty() ? "" : "; and ") + std::string("__fish_seen_subcommand_from ") + rest.substr(0, pos);
                rest = rest.substr(pos + 1);
            }
            cond += (cond.empty() ? "" : "; and ") + std::string("__fish_seen_subcommand_from ") + rest;
            std::string deeper;
            for (const CLI::App* sub : visible_subcommands(c.app)) deeper += " " + sub->get_name();
            if (!deeper.empty()) cond += "; and not __fish_seen_subcommand_from" + deeper;
        }
        return fish_quote(cond);
    };
    auto fish_values = [](const std::string& v) -> std::string {
        if (v == "@files") return " -F";
        if (v == "@dirs") return " -a '(__fish_complete_directories)'";
        if (v.rfind("@ids:", 0) == 0) return " -a '(wijk completion --ids " + v.substr(5) + " 2>/dev/null)'";
        return " -a " + fish_quote(v);
    };
    for (const auto& c : commands) {
        std::string cond = condition(c);
        for (const CLI::App* sub : visible_subcommands(c.app))
            s += "complete -c wijk -n " + cond + " -a " + sub->get_name() + " -d " + fish_quote(sub->get_description()) + "\n";
        for (const CLI::Option* o : c.app->get_options()) {
            if (o->get_positional() && !o->nonpositional()) continue;
            std::string line = "complete -c wijk";
            if (!c.path.empty()) line += " -n " + cond;
            for (const auto& sn : o->get_snames()) line += " -s " + sn;
            for (const auto& ln : o->get_lnames()) line += " -l " + ln;
            if (takes_value(o)) {
                line += " -r";
                std::string v = value_words(last_word(c.path), long_name(o));
                if (!v.empty()) line += fish_values(v);
            }
            line += " -d " + fish_quote(o->get_description());
            s += line + "\n";
        }
        if (visible_subcommands(c.app).empty() && !c.path.empty() && has_positional(c.app))
            s += "complete -c wijk -n " + cond + fish_values(positional_words(last_word(c.path))) + "\n";
    }
    return s;
}

int print_ids(const std::string& kind, Context& cx) {
    cx.global.quiet = true;
    if (!cx.resolve_globals()) return exit_code::usage;
    auto root = cx.data_root();
    if (!root) return exit_code::io;
    auto loaded = cx.load(*root);  // broken data still has ids worth completing
    if (!loaded) return exit_code::io;
    std::vector<std::string> ids;
    const auto& r = loaded->repo();
    auto add = [&](const auto& records) {
        for (const auto& rec : records)
            if (rec.id) ids.emplace_back(*rec.id);
    };
    if (kind == "neighbourhoods") add(r.neighbourhoods);
    else if (kind == "partners") add(r.partners);
    else if (kind == "agreements") add(r.agreements);
    else if (kind == "strategies") add(r.strategies);
    else if (kind == "staff") add(r.config.staff);
    else {
        print_error(msg("--ids: '{}' is not one of: neighbourhoods, partners, agreements, strategies, staff",
                        "--ids: '{}' is niet een van: neighbourhoods, partners, agreements, strategies, staff", kind));
        return exit_code::usage;
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    std::string out;
    for (const auto& id : ids) out += id + "\n";
    return cx.emit(std::nullopt, out);
}

int run_completion(const CompletionOptions& opt, const CLI::App& root, Context& cx) {
    if (opt.ids) return print_ids(*opt.ids, cx);
    if (!cx.resolve_globals()) return exit_code::usage;
    std::string script;
    if (opt.shell == "bash") {
        script = bash_script(root);
    } else if (opt.shell == "zsh") {
        // zsh runs the bash function through its bash compatibility layer
        // Loaded from fpath, zsh runs this file as the body of _wijk on the first Tab: so it
        // must not run compinit again, must name the bash function differently, and must
        // complete right away (otherwise the first Tab offers nothing).
        std::string bash = bash_script(root);
        for (auto [from, to] : {std::pair<std::string, std::string>{"\n_wijk() {", "\n_wijk_bash() {"},
                                {"complete -F _wijk wijk", "complete -F _wijk_bash wijk"}}) {
            auto at = bash.find(from);
            if (at != std::string::npos) bash.replace(at, from.size(), to);
        }
        script = "#compdef wijk\n# zsh completion for wijk (generated by `wijk completion zsh`).\n"
                 "# Load it with:  source <(wijk completion zsh)\n"
                 "(( $+functions[compdef] )) || { autoload -U +X compinit && compinit; }\n"
                 "autoload -U +X bashcompinit && bashcompinit\n\n" +
                 bash + "\n[[ $funcstack[1] == _wijk ]] && _bash_complete -F _wijk_bash\n";
    } else if (opt.shell == "fish") {
        script = fish_script(root);
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
    const CLI::App* root = &app;
    sub->callback([opt, root, &cx, &status] { status = run_completion(*opt, *root, cx); });
}

}  // namespace wijk
