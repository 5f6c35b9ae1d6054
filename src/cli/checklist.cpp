// wijk checklist: the yearly evaluation checklist, per agreement, to print, tick or fill in.
#include "render/checklist.h"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <system_error>

#include "cli/commands.h"
#include "cli/common/help.h"
#include "cli/context.h"
#include "io/output.h"
#include "model/i18n.h"
#include "render/escape.h"
#include "report/checklist.h"

namespace wijk {

namespace {

struct ChecklistCliOptions {
    std::optional<int> year;
    std::vector<std::string> agreements;
    std::optional<std::string> format;
    std::optional<std::string> output;
    std::optional<std::string> out_dir;
    bool force = false;
    bool contacts = false;
};

// --out DIR: DIR/YEAR/AGREEMENT.EXT, one file each, never overwriting without --force, and
// with it never a data file of the repository (a filled-in evaluation form: then all are
// refused before any is written). A link at a file's place is replaced, never written
// through (io/output.h).
int write_out_dir(const Checklist& c, ChecklistFormat f, const std::string& dir, bool force,
                  const Context& cx) {
    namespace fs = std::filesystem;
    fs::path folder = fs::path(dir) / std::to_string(c.year);
    std::vector<std::string> paths;
    for (const ChecklistItem& it : c.items)
        paths.push_back(
            (folder / (it.agreement->id.value_or("") + std::string(checklist_extension(f))))
                .string());
    bool refused = false;  // without --force an existing file is skipped anyway
    if (force)
        for (const auto& path : paths)
            refused = cx.refuse_replacing_data(path).has_value() || refused;
    if (refused) {
        print_error(std::string(tr(cx.lang(), "nothing written", "niets geschreven")));
        return exit_code::usage;
    }
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec) {
        print_error(msg(cx.lang(), "cannot create folder {}: {}", "kan map {} niet maken: {}",
                        terminal_safe(folder.string()), ec.message()));
        return exit_code::io;
    }
    int status = exit_code::ok;
    std::string written;
    std::size_t skipped = 0;
    for (std::size_t i = 0; i < c.items.size(); ++i) {
        const std::string& path = paths[i];
        std::string content = render_checklist(c, std::span(&c.items[i], 1), f, cx.lang());
        bool exists = false;
        WriteResult r = force ? write_file(path, content) : write_new_file(path, content, exists);
        if (r.ok) {
            written += path + "\n";
        } else if (exists) {
            ++skipped;
            if (cx.data_file_refusal(
                    path))  // a form filled in: --force would not replace it either
                print_error(
                    msg(cx.lang(), "{} exists: not overwritten (a data file of the repository)",
                        "{} bestaat al: niet overschreven (een gegevensbestand van de gegevensmap)",
                        terminal_safe(path)));
            else
                print_error(msg(cx.lang(), "{} exists: not overwritten (--force replaces it)",
                                "{} bestaat al: niet overschreven (--force vervangt het)",
                                terminal_safe(path)));
        } else {
            print_error(msg(cx.lang(), "cannot write {}", "kan {} niet schrijven", terminal_safe(r.error)));
            status = exit_code::io;
        }
    }
    if (WriteResult r = write_stdout(written); !r.ok) return report_write_failure(r, cx.lang());
    if (skipped > 0 && !cx.global.quiet)
        print_error(msg(cx.lang(), "{} file(s) skipped because they exist",
                        "{} bestand(en) overgeslagen omdat ze al bestaan", skipped));
    if (status != exit_code::ok) return status;
    return skipped > 0 ? exit_code::data_errors : exit_code::ok;
}

// A name that ends like one of the files checklist writes (x.md, x.html, ...) and is not an
// existing folder.
bool looks_like_file_name(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (fs::is_directory(path, ec)) return false;
    const std::string ext = fs::path(path).extension().string();
    for (std::string_view e : {".md", ".markdown", ".html", ".htm", ".yaml", ".yml", ".json", ".txt"})
        if (ext == e) return true;
    return false;
}

int run_checklist(const ChecklistCliOptions& opt, Context& cx) {
    if (!cx.resolve_globals()) return exit_code::usage;
    if (opt.out_dir && opt.output) {
        print_error(
            msg(cx.lang(), "--out and -o/--output cannot be combined: --out writes one file per agreement",
                "--out en -o/--output gaan niet samen: --out schrijft een bestand per afspraak"));
        return exit_code::usage;
    }
    if (opt.out_dir && opt.out_dir->empty()) {
        print_error(std::string(tr(cx.lang(), "--out: the folder name is empty; give a DIR, e.g. --out checklists",
                                   "--out: de mapnaam is leeg; geef een MAP, bijv. --out checklists")));
        return exit_code::usage;
    }
    // --out names a folder: `--out x.md` is a mistake for `-o x.md`, not a folder named x.md
    if (opt.out_dir && looks_like_file_name(*opt.out_dir)) {
        print_error(msg(cx.lang(), "--out '{}' names a folder (it gets one file per agreement, FOLDER/YEAR/AGREEMENT.md); "
                        "to write one file, use -o {}",
                        "--out '{}' is een map (met een bestand per afspraak, MAP/JAAR/AFSPRAAK.md); "
                        "voor een enkel bestand: -o {}",
                        *opt.out_dir, *opt.out_dir));
        return exit_code::usage;
    }
    const auto chosen = cx.choose_format(opt.format, opt.output, "checklist");
    if (!chosen) return exit_code::usage;
    const ChecklistFormat format = *chosen == Format::html   ? ChecklistFormat::html
                                   : *chosen == Format::yaml ? ChecklistFormat::yaml
                                   : *chosen == Format::json ? ChecklistFormat::json
                                                             : ChecklistFormat::markdown;
    int year = opt.year.value_or(int(cx.as_of.year()));
    if (year < 1900 || year > 2200) {
        print_error(msg(cx.lang(), "--year: {} is not a year from 1900 to 2200",
                        "--year: {} is geen jaar van 1900 tot 2200", year));
        return exit_code::usage;
    }
    Loaded loaded;
    if (auto status = cx.load_valid(loaded, Text("no checklist made", "geen checklist gemaakt"))) return *status;

    ChecklistOptions options{year, cx.as_of, opt.agreements, opt.contacts};
    std::vector<UnknownAgreement> unknown;
    Checklist c = build_checklist(loaded.repo(), options, unknown);
    if (!unknown.empty()) {
        for (const auto& u : unknown)
            print_error(u.suggestion
                            ? msg(cx.lang(), "no agreement has id '{}'; did you mean '{}'?",
                                  "geen afspraak heeft id '{}'; bedoel je '{}'?", u.id,
                                  *u.suggestion)
                            : msg(cx.lang(), "no agreement has id '{}'", "geen afspraak heeft id '{}'", u.id));
        return exit_code::data_errors;
    }
    if (c.items.empty()) {
        if (!cx.global.quiet)
            print_error(msg(cx.lang(), "no agreement needs an evaluation for {}: nothing to write",
                            "geen afspraak hoeft geëvalueerd te worden voor {}: niets te schrijven",
                            year));
        return exit_code::ok;
    }
    if (opt.out_dir) return write_out_dir(c, format, *opt.out_dir, opt.force, cx);
    return cx.emit_streamed(opt.output, [&](const auto& write) { stream_checklist(c, c.items, format, cx.lang(), write); });
}

}  // namespace

void add_checklist(CLI::App& app, Context& cx, int& status) {
    const Lang l = cx.help_lang;
    auto opt = std::make_shared<ChecklistCliOptions>();
    auto* sub =
        app.add_subcommand("checklist", describe(l, "The yearly evaluation checklist of each agreement due", "De jaarlijkse evaluatiechecklist van elke afspraak die aan de beurt is"));
    sub->add_option("--year", opt->year, describe(l, "Evaluation year (default: the as-of year)", "Evaluatiejaar (standaard: het jaar van --as-of)"))
        ->type_name("YEAR");
    sub->add_option("--agreement", opt->agreements, describe(l, "This agreement only (repeatable)", "Alleen deze afspraak (herhaalbaar)"))
        ->type_name("ID");
    sub->add_option("-f,--format", opt->format, describe(l, "Output format: markdown (default), html, yaml or json", "Formaat van de uitvoer: markdown (standaard), html, yaml of json"))
        ->type_name("FORMAT");
    sub->add_option("-o,--output", opt->output, describe(l, "Write all checklists to FILE (atomically)", "Schrijf alle checklists naar BESTAND (nooit half geschreven)"))
        ->type_name("FILE");
    sub->add_option("--out", opt->out_dir,
                    describe(l, "Write one file per agreement: DIR/YEAR/AGREEMENT.md|html|yaml", "Schrijf één bestand per afspraak: MAP/JAAR/AFSPRAAK.md|html|yaml"))
        ->type_name("DIR");
    sub->add_flag("--force", opt->force, describe(l, "With --out: replace files that exist", "Met --out: vervang bestanden die al bestaan"));
    sub->add_flag("--contacts", opt->contacts,
                  describe(l, "Show contact persons and participants (personal data)", "Toon contactpersonen en deelnemers (persoonsgegevens)"));
    sub->callback([opt, &cx, &status] { status = run_checklist(*opt, cx); });
}

}  // namespace wijk
