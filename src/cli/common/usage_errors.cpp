// CLI11's parse errors in the user's words and language: an unknown command or long option gets
// "did you mean", the other kinds of usage error a sentence of their own; always exit 2.
#include "cli/common/usage_errors.h"

#include <CLI/CLI.hpp>

#include <regex>

#include "cli/common/command_line.h"
#include "cli/common/help.h"

#include "cli/context.h"
#include "model/enums.h"
#include "model/i18n.h"
#include "model/suggest.h"

namespace wijk {

namespace {

std::vector<const CLI::App*> visible_subcommands(const CLI::App* app) {
    return app->get_subcommands([](const CLI::App* a) { return !a->get_name().empty() && !a->get_group().empty(); });
}

bool has_positionals(const CLI::App* app) {
    for (const CLI::Option* o : app->get_options())
        if (o->get_positional()) return true;
    return false;
}

// The option of `app` or of a command above it (global options fall through) with this name.
const CLI::Option* find_option(const CLI::App* app, const std::string& dashed) {
    for (; app; app = app->get_parent())
        for (const CLI::Option* o : app->get_options()) {
            if (o->get_positional() && !o->nonpositional()) continue;
            if (o->check_name(dashed)) return o;
        }
    return nullptr;
}

std::vector<std::string> long_options(const CLI::App* app) {
    std::vector<std::string> names;
    for (; app; app = app->get_parent())
        for (const CLI::Option* o : app->get_options())
            for (const auto& l : o->get_lnames()) names.push_back("--" + l);
    names.push_back("--help");
    return names;
}

std::string command_name(const CLI::App* app) {
    std::string name;
    for (; app; app = app->get_parent()) name = app->get_name() + (name.empty() ? "" : " " + name);
    return name;
}

struct Finding {
    const CLI::App* command;           // the deepest command named on the line
    std::string problem;               // empty: nothing this scan can tell
    const CLI::Option* last = nullptr;  // the last option named
};

// Walks the arguments as CLI11 does, far enough to name an unknown command or option.
Finding scan(const CLI::App& root, const std::vector<std::string>& args, Lang lang) {
    const CLI::App* app = &root;
    const CLI::Option* last = nullptr;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--") break;
        if (a.size() > 2 && a.compare(0, 2, "--") == 0) {
            std::string name = a.substr(0, a.find('='));
            const CLI::Option* o = name == "--help" ? nullptr : find_option(app, name);
            if (name == "--help" || name == "--version") continue;
            if (!o) {
                std::string text = msg(lang, "unknown option '{}' for '{}'", "onbekende optie '{}' bij '{}'", name, command_name(app));
                if (auto s = suggest(name, long_options(app))) text += msg(lang, ": did you mean '{}'?", ": bedoel je '{}'?", *s);
                return {app, text};
            }
            last = o;
            if (o->get_items_expected_max() > 0 && name.size() == a.size()) ++i;
            continue;
        }
        if (a.size() > 1 && a[0] == '-') {
            std::string name = a.substr(0, 2);
            if (name == "-h") continue;
            const CLI::Option* o = find_option(app, name);
            if (!o)
                return {app, msg(lang, "unknown option '{}' for '{}'", "onbekende optie '{}' bij '{}'", name, command_name(app))};
            last = o;
            if (o->get_items_expected_max() > 0 && a.size() == 2) ++i;
            continue;
        }
        auto subs = visible_subcommands(app);
        const CLI::App* next = nullptr;
        for (const CLI::App* s : subs)
            if (s->get_name() == a) next = s;
        if (!next) {
            for (const CLI::App* s : app->get_subcommands({}))  // hidden ones are commands too
                if (s->get_name() == a) next = s;
        }
        if (next) {
            app = next;
            continue;
        }
        if (!subs.empty() && !has_positionals(app)) {
            std::vector<std::string> names;
            for (const CLI::App* s : subs) names.push_back(s->get_name());
            std::string text = app->get_parent() ? msg(lang, "unknown command '{}' for '{}'", "onbekende opdracht '{}' bij '{}'", a, command_name(app))
                                                 : msg(lang, "unknown command '{}'", "onbekende opdracht '{}'", a);
            if (auto s = suggest(a, names)) {
                text += msg(lang, ": did you mean '{}'?", ": bedoel je '{}'?", *s);
            } else {
                std::string all;
                for (const auto& n : names) all += (all.empty() ? "" : ", ") + n;
                text += msg(lang, " (the commands: {})", " (de opdrachten: {})", all);
            }
            return {app, text};
        }
    }
    return {app, "", last};
}

// The part of CLI11's English message after "PREFIX": what it names.
std::string after(const std::string& what, const std::string& prefix) {
    auto at = what.find(prefix);
    return at == std::string::npos ? what : what.substr(at + prefix.size());
}

// CLI11's own message in the output language, for the kinds it raises on wijk's command line.
std::string translate(const CLI::ParseError& e, const Finding& found, Lang lang) {
    const CLI::App* command = found.command;
    std::string what = e.what();
    std::smatch m;
    if (dynamic_cast<const CLI::RequiredError*>(&e)) {
        if (what.find("subcommand") != std::string::npos) {
            std::string names;
            for (const CLI::App* s : visible_subcommands(command)) names += (names.empty() ? "" : ", ") + s->get_name();
            return msg(lang, "'{}' needs a command: {}", "'{}' heeft een opdracht nodig: {}", command_name(command), names);
        }
        if (std::regex_match(what, m, std::regex("(.*) is required"))) {
            const CLI::Option* o = command->get_option_no_throw(m[1].str());
            std::string name = o && o->get_positional() && !o->get_type_name().empty() ? help_word(o->get_type_name(), lang) : m[1].str();
            return msg(lang, "'{}' needs {}", "'{}' heeft {} nodig", command_name(command), name);
        }
    }
    if (dynamic_cast<const CLI::ArgumentMismatch*>(&e)) {
        if (std::regex_match(what, m, std::regex("(.*): (\\d+) required (.*) missing"))) {
            std::string name = m[1].str();
            while (!name.empty() && name.back() == ' ') name.pop_back();
            if (found.last && (name.empty() || found.last->check_name(name)))
                name = found.last->get_lnames().empty() ? found.last->get_name() : "--" + found.last->get_lnames().front();
            return msg(lang, "{} needs a value ({})", "{} heeft een waarde nodig ({})", name, help_word(m[3].str(), lang));
        }
        return msg(lang, "wrong number of values: {}", "verkeerd aantal waarden: {}", what);
    }
    if (dynamic_cast<const CLI::ExtrasError*>(&e))
        return msg(lang, "unexpected arguments for '{}': {}", "onverwachte argumenten bij '{}': {}", command_name(command),
                   after(what, ": "));
    if (dynamic_cast<const CLI::ConversionError*>(&e) || dynamic_cast<const CLI::ValidationError*>(&e))
        return msg(lang, "invalid value: {}", "ongeldige waarde: {}", what);
    if (dynamic_cast<const CLI::ExcludesError*>(&e) && std::regex_match(what, m, std::regex("(.*) excludes (.*)")))
        return msg(lang, "{} cannot be combined with {}", "{} gaat niet samen met {}", m[1].str(), m[2].str());
    if (dynamic_cast<const CLI::RequiresError*>(&e) && std::regex_match(what, m, std::regex("(.*) requires (.*)")))
        return msg(lang, "{} needs {} as well", "{} heeft ook {} nodig", m[1].str(), m[2].str());
    return what;
}

}  // namespace

int report_usage_error(const CLI::App& root, const CLI::ParseError& error, const std::vector<std::string>& args) {
    const Lang lang = command_line_language(args);
    Finding found = scan(root, args, lang);
    print_error(found.problem.empty() ? translate(error, found, lang) : found.problem);
    std::string help = command_name(found.command) + " --help";
    std::string line = visible_subcommands(found.command).empty()
                           ? msg(lang, "'{}' lists its options.\n", "'{}' toont de opties.\n", help)
                           : msg(lang, "'{}' lists the commands and options.\n", "'{}' toont de opdrachten en opties.\n", help);
    std::fwrite(line.data(), 1, line.size(), stderr);
    return exit_code::usage;
}

}  // namespace wijk
