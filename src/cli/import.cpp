// wijk import leefbaarometer FILE.csv: Leefbaarometer open data -> a liveability data file.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/commands.h"
#include "cli/context.h"
#include "model/i18n.h"
#include "report/leefbaarometer_import.h"

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
        print_error(std::string(tr("--source: give a name, e.g. leefbaarometer-2024",
                                   "--source: geef een naam, bijv. leefbaarometer-2024")));
        return exit_code::usage;
    }
    Loaded loaded;
    if (auto status = cx.load_valid(loaded)) return *status;

    std::ifstream in(opt.file, std::ios::binary);
    std::error_code ec;
    if (!in || std::filesystem::is_directory(opt.file, ec)) {
        print_error(msg("cannot read {}", "kan {} niet lezen", opt.file));
        return exit_code::io;
    }
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) {
        print_error(msg("cannot read {}", "kan {} niet lezen", opt.file));
        return exit_code::io;
    }
    auto where = [&](const LbmError& e) {
        return e.line > 0 ? fmt::format("{}:{}: ", opt.file, e.line) : opt.file + ": ";
    };
    auto parsed = parse_leefbaarometer_csv(text.str());
    if (auto* e = std::get_if<LbmError>(&parsed)) {
        print_error(where(*e) + e->message);
        return exit_code::data_errors;
    }
    const auto& table = std::get<LbmTable>(parsed);
    auto matched = match_leefbaarometer(table, loaded.repo().neighbourhoods);
    if (auto* e = std::get_if<LbmError>(&matched)) {
        print_error(where(*e) + e->message);
        return exit_code::data_errors;
    }
    const auto& matching = std::get<LbmMatching>(matched);

    if (!matching.unmatched.empty()) {
        std::string codes;
        for (const auto& [code, rows] : matching.unmatched)
            codes += fmt::format("\n  {} ({} {})", code, rows, rows == 1 ? tr("row", "regel") : tr("rows", "regels"));
        print_error(msg("{} code(s) in {} match no neighbourhood's codes:{}",
                        "{} code(s) in {} horen bij geen buurt (codes):{}", matching.unmatched.size(),
                        opt.file, codes));
    }
    if (matching.matches.empty()) {
        print_error(msg("no row of {} matches a neighbourhood's codes: nothing written",
                        "geen regel van {} hoort bij de codes van een buurt: niets geschreven", opt.file));
        return exit_code::data_errors;
    }
    // Never replace a file someone wrote by hand: only an earlier import may be replaced.
    if (opt.output && *opt.output != "-" && std::filesystem::is_regular_file(*opt.output, ec)) {
        std::ifstream old(*opt.output);
        std::string first;
        std::getline(old, first);
        if (first.rfind(lbm_import_marker, 0) != 0) {
            print_error(msg("{} exists and was not written by wijk import: not replacing it",
                            "{} bestaat al en is niet door wijk import geschreven: niet vervangen", *opt.output));
            return exit_code::data_errors;
        }
    }
    std::string name = std::filesystem::path(opt.file).filename().string();
    int status = cx.emit(opt.output, liveability_yaml(matching, opt.source, name));
    if (status == exit_code::ok && !cx.global.quiet && opt.output && *opt.output != "-")
        print_error(msg("{} record(s) written to {}", "{} record(s) geschreven naar {}", matching.matches.size(),
                        *opt.output));
    return status;
}

}  // namespace

void add_import(CLI::App& app, Context& cx, int& status) {
    auto* sub = app.add_subcommand("import", "Import data from elsewhere into a new data file");
    sub->require_subcommand(1);
    auto opt = std::make_shared<ImportOptions>();
    auto* lbm = sub->add_subcommand("leefbaarometer", "Leefbaarometer 3.0 open-data CSV -> a liveability data file");
    lbm->add_option("file", opt->file, "The CSV file (bu_code/wk_code/gm_code, jaar, lbm, afw, fys, onv, soc, vrz, won, kscore)")
        ->required()
        ->type_name("FILE.csv");
    lbm->add_option("--source", opt->source, "The source: written into every record (default leefbaarometer)")
        ->type_name("NAME");
    lbm->add_option("-o,--output", opt->output, "Write the data file to FILE (atomically) instead of stdout")
        ->type_name("FILE");
    lbm->callback([opt, &cx, &status] { status = run_import_leefbaarometer(*opt, cx); });
}

}  // namespace wijk
