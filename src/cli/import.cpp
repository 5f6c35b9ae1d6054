// wijk import leefbaarometer FILE.csv: Leefbaarometer open data -> a liveability data file.
#include <CLI/CLI.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>

#include "cli/commands.h"
#include "cli/common/help.h"
#include "cli/context.h"
#include "import/leefbaarometer.h"
#include "model/i18n.h"
#include "render/escape.h"

namespace wijk {

namespace {

struct ImportOptions {
    std::string file;
    std::string source = "leefbaarometer";
    std::optional<std::string> output;
};

int run_import_leefbaarometer(const ImportOptions& opt, Context& cx) {
    if (!cx.resolve_globals()) return exit_code::usage;
    if (opt.source.empty()) {
        print_error(std::string(tr(cx.lang(), "--source: give a name, e.g. leefbaarometer-2024",
                                   "--source: geef een naam, bijv. leefbaarometer-2024")));
        return exit_code::usage;
    }
    Loaded loaded;
    if (auto status = cx.load_valid(loaded, Text("nothing imported", "niets geïmporteerd"))) return *status;

    // Never replace a file someone wrote by hand (checked before the CSV is read): a data file
    // of the repository never, elsewhere only an earlier import.
    if (opt.output && *opt.output != "-" && !opt.output->empty()) {
        if (auto refused = cx.refuse_replacing_data(*opt.output)) return *refused;
        struct stat st {};
        if (::lstat(opt.output->c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
            std::ifstream old(*opt.output);
            std::string first;
            std::getline(old, first);
            if (first.rfind(lbm_import_marker, 0) != 0) {
                print_error(msg(cx.lang(), "{} exists and was not written by wijk import: not replaced; choose a new file name",
                                "{} bestaat al en is niet door wijk import geschreven: niet vervangen; kies een "
                                "nieuwe bestandsnaam",
                                terminal_safe(*opt.output)));
                return exit_code::usage;
            }
        }
    }

    const std::string file = terminal_safe(opt.file);
    std::error_code ec;
    if (std::filesystem::is_directory(opt.file, ec)) {
        print_error(msg(cx.lang(), "cannot read {}: it is a folder", "kan {} niet lezen: het is een map", file));
        return exit_code::io;
    }
    std::ifstream in(opt.file, std::ios::binary);
    if (!in) {
        print_error(msg(cx.lang(), "cannot read {}: {}", "kan {} niet lezen: {}", file, std::strerror(errno)));
        return exit_code::io;
    }
    // Read as a stream: what is kept is what will be written, and 20 unmatched codes.
    auto imported = import_leefbaarometer(in, loaded.repo().neighbourhoods);
    if (auto* e = std::get_if<LbmError>(&imported)) {
        if (e->read_failed) {
            print_error(msg(cx.lang(), "cannot read {}: {}", "kan {} niet lezen: {}", file, e->message));
            return exit_code::io;
        }
        print_error((e->line > 0 ? fmt::format("{}:{}: ", file, e->line) : file + ": ") + e->message.in(cx.lang()));
        return exit_code::data_errors;
    }
    const auto& matching = std::get<LbmMatching>(imported);

    if (matching.unmatched_codes > 0) {
        std::string codes;
        for (const auto& u : matching.first_unmatched)
            codes += fmt::format("\n  {} ({} {})", terminal_safe(u.code), u.rows,
                                 u.rows == 1 ? tr(cx.lang(), "row", "regel") : tr(cx.lang(), "rows", "regels"));
        std::size_t rest = matching.unmatched_codes - matching.first_unmatched.size();
        if (rest > 0 || matching.unmatched_capped) {
            std::size_t listed_rows = 0;
            for (const auto& u : matching.first_unmatched) listed_rows += u.rows;
            codes += "\n  " + (matching.unmatched_capped
                                   ? msg(cx.lang(), "and more than {} other codes ({} rows)", "en meer dan {} andere codes ({} regels)",
                                         rest, matching.unmatched_rows - listed_rows)
                                   : msg(cx.lang(), "and {} other code(s) ({} rows)", "en {} andere code(s) ({} regels)", rest,
                                         matching.unmatched_rows - listed_rows));
        }
        print_error(msg(cx.lang(), "{}{} code(s) in {} match no neighbourhood's codes:{}",
                        "{}{} code(s) in {} horen bij de codes van geen enkele buurt:{}",
                        matching.unmatched_capped ? tr(cx.lang(), "more than ", "meer dan ") : "", matching.unmatched_codes, file,
                        codes));
    }
    if (matching.matches.empty()) {
        print_error(msg(cx.lang(), "no row of {} matches a neighbourhood's codes: nothing written",
                        "geen regel van {} hoort bij de codes van een buurt: niets geschreven", file));
        return exit_code::data_errors;
    }
    std::string name = std::filesystem::path(opt.file).filename().string();
    int status = cx.emit(opt.output, liveability_yaml(matching, opt.source, name));
    if (status == exit_code::ok && !cx.global.quiet && opt.output && *opt.output != "-")
        print_error(msg(cx.lang(), "{} record(s) written to {}", "{} record(s) geschreven naar {}", matching.matches.size(),
                        terminal_safe(*opt.output)));
    return status;
}

}  // namespace

void add_import(CLI::App& app, Context& cx, int& status) {
    const Lang l = cx.help_lang;
    auto* sub = app.add_subcommand("import", describe(l, "Import data from elsewhere into a new data file", "Importeer gegevens van elders in een nieuw gegevensbestand"));
    sub->require_subcommand(1);
    auto opt = std::make_shared<ImportOptions>();
    auto* lbm = sub->add_subcommand("leefbaarometer", describe(l, "Leefbaarometer 3.0 open-data CSV -> a liveability data file", "Open-data-CSV van de Leefbaarometer 3.0 -> een gegevensbestand over leefbaarheid"));
    lbm->add_option("file", opt->file, describe(l, "The CSV file (bu_code/wk_code/gm_code, jaar, lbm, afw, fys, onv, soc, vrz, won, kscore)", "Het CSV-bestand (bu_code/wk_code/gm_code, jaar, lbm, afw, fys, onv, soc, vrz, won, kscore)"))
        ->required()
        ->type_name("FILE.csv");
    lbm->add_option("--source", opt->source, describe(l, "The source: written into every record (default leefbaarometer)", "De bron, vermeld in elk record (standaard leefbaarometer)"))
        ->type_name("NAME");
    lbm->add_option("-o,--output", opt->output, describe(l, "Write the data file to FILE (atomically) instead of stdout", "Schrijf het gegevensbestand naar BESTAND (nooit half geschreven) in plaats van naar de standaarduitvoer"))
        ->type_name("FILE");
    lbm->callback([opt, &cx, &status] { status = run_import_leefbaarometer(*opt, cx); });
}

}  // namespace wijk
