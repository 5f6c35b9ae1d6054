#include "cli/common/help.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <memory>
#include <sstream>
#include <utility>

#include "model/i18n.h"

namespace wijk {

namespace {

// CLI11's labels and group names, and the names of the values of wijk's options.
constexpr std::pair<std::string_view, std::string_view> dutch_words[] = {
    {"Usage", "Gebruik"},
    {"OPTIONS", "OPTIES"},
    {"SUBCOMMAND", "OPDRACHT"},
    {"SUBCOMMANDS", "OPDRACHTEN"},
    {"Positionals", "Argumenten"},
    {"Options", "Opties"},
    {"Subcommands", "Opdrachten"},
    {"REQUIRED", "VERPLICHT"},
    {"Env", "Omgevingsvariabele"},
    {"Needs", "Vereist"},
    {"Excludes", "Niet samen met"},
    {"TEXT", "TEKST"},
    {"INT", "GETAL"},
    {"UINT", "GETAL"},
    {"FLOAT", "GETAL"},
    {"CMD", "OPDRACHT"},
    {"DIR", "MAP"},
    {"DURATION", "DUUR"},
    {"ENTITY", "SOORT"},
    {"FILE", "BESTAND"},
    {"FILE.csv", "BESTAND.csv"},
    {"FORMAT", "FORMAAT"},
    {"KIND", "SOORT"},
    {"[KIND] ID", "[SOORT] ID"},
    {"NAME", "NAAM"},
    {"REV", "REVISIE"},
    {"WHEN", "WANNEER"},
    {"YEAR", "JAAR"},
    {"YYYY-MM-DD", "JJJJ-MM-DD"},
    {"DIALECT", "DIALECT"},
    {"SHELL", "SHELL"},
    {"ID", "ID"},
    {"N", "N"},
};

// CLI11's formatter with its words in Dutch. A positional is shown by the name of its value
// (BESTAND.csv, [SOORT] ID) rather than by its name in the code (file, entity), which is
// English and no word a user types.
class DutchFormatter : public CLI::Formatter {
  public:
    DutchFormatter() {
        for (const auto& [en, nl] : dutch_words) label(std::string(en), std::string(nl));
    }

    std::string make_group(std::string group, bool is_positional, std::vector<const CLI::Option*> opts) const override {
        return CLI::Formatter::make_group(get_label(group), is_positional, std::move(opts));
    }

    // CLI::Formatter's, with the group's name in Dutch
    std::string make_subcommands(const CLI::App* app, CLI::AppFormatMode mode) const override {
        std::stringstream out;
        std::vector<std::string> groups;
        for (const CLI::App* com : app->get_subcommands({})) {
            if (com->get_name().empty()) {
                if (!com->get_group().empty()) out << make_expanded(com);
                continue;
            }
            const std::string& g = com->get_group();
            if (!g.empty() && std::none_of(groups.begin(), groups.end(), [&](const std::string& a) {
                    return CLI::detail::to_lower(a) == CLI::detail::to_lower(g);
                }))
                groups.push_back(g);
        }
        for (const std::string& group : groups) {
            out << "\n" << get_label(group) << ":\n";
            for (const CLI::App* com : app->get_subcommands([&group](const CLI::App* sub) {
                     return CLI::detail::to_lower(sub->get_group()) == CLI::detail::to_lower(group);
                 })) {
                if (com->get_name().empty()) continue;
                if (mode != CLI::AppFormatMode::All) {
                    out << make_subcommand(com);
                } else {
                    out << com->help(com->get_name(), CLI::AppFormatMode::Sub) << "\n";
                }
            }
        }
        return out.str();
    }

    std::string make_option_name(const CLI::Option* opt, bool is_positional) const override {
        if (is_positional && !opt->get_type_name().empty()) return get_label(opt->get_type_name());
        return CLI::Formatter::make_option_name(opt, is_positional);
    }

    // A positional's value is its name already (above): only what else there is to say.
    std::string make_option_opts(const CLI::Option* opt) const override {
        if (!opt->get_positional() || opt->get_type_name().empty()) return CLI::Formatter::make_option_opts(opt);
        return opt->get_required() ? " " + get_label("REQUIRED") : std::string();
    }

    std::string make_option_usage(const CLI::Option* opt) const override {
        std::string out = make_option_name(opt, true);
        // "[SOORT] ID" names its values already; REVISIE may come twice
        if (out.find(' ') == std::string::npos && opt->get_expected_max() > 1) out += " ...";
        return opt->get_required() ? out : "[" + out + "]";
    }
};

}  // namespace

std::string help_word(std::string_view word, Lang lang) {
    if (lang == Lang::nl)
        for (const auto& [en, nl] : dutch_words)
            if (en == word) return std::string(nl);
    return std::string(word);
}

std::string describe(Lang lang, std::string_view en, std::string_view nl) { return std::string(tr(lang, en, nl)); }

void use_help_language(CLI::App& app, Lang lang) {
    if (lang == Lang::en) return;  // CLI11's own formatter and flag, as they are
    app.formatter(std::make_shared<DutchFormatter>());
    app.set_help_flag("-h,--help", "Toon deze hulp en stop");
}

}  // namespace wijk
