// wijk checklist: the yearly evaluation checklist, per agreement, to print, tick or fill in.
#include "render/checklist.h"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <system_error>

#include "cli/commands.h"
#include "cli/context.h"
#include "io/output.h"
#include "model/i18n.h"
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

// --out DIR: DIR/YEAR/AGREEMENT.EXT, one file each, never overwriting without --force.
int write_out_dir(const Checklist& c, ChecklistFormat f, const std::string& dir, bool force,
                  bool quiet) {
    namespace fs = std::filesystem;
    fs::path folder = fs::path(dir) / std::to_string(c.year);
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec) {
        print_error(msg("cannot create folder {}: {}", "kan map {} niet maken: {}", folder.string(),
                        ec.message()));
        return exit_code::io;
    }
    int status = exit_code::ok;
    std::string written;
    std::size_t skipped = 0;
    for (std::size_t i = 0; i < c.items.size(); ++i) {
        const ChecklistItem& it = c.items[i];
        std::string path =
            (folder / (it.agreement->id.value_or("") + std::string(checklist_extension(f))))
                .string();
        std::string content = render_checklist(c, std::span(&it, 1), f);
        bool exists = false;
        WriteResult r = force ? write_file(path, content) : write_new_file(path, content, exists);
        if (r.ok) {
            written += path + "\n";
        } else if (exists) {
            ++skipped;
            print_error(msg("{} exists: not overwritten (--force replaces it)",
                            "{} bestaat al: niet overschreven (--force vervangt het)", path));
        } else {
            print_error(msg("cannot write {}", "kan {} niet schrijven", r.error));
            status = exit_code::io;
        }
    }
    if (WriteResult r = write_stdout(written); !r.ok) {
        print_error(msg("cannot write {}", "kan {} niet schrijven", r.error));
        return exit_code::io;
    }
    if (skipped > 0 && !quiet)
        print_error(msg("{} file(s) skipped because they exist",
                        "{} bestand(en) overgeslagen omdat ze al bestaan", skipped));
    if (status != exit_code::ok) return status;
    return skipped > 0 ? exit_code::data_errors : exit_code::ok;
}

int run_checklist(const ChecklistCliOptions& opt, Context& cx) {
    if (!cx.resolve_globals()) return exit_code::usage;
    if (opt.out_dir && opt.output) {
        print_error(
            msg("--out and -o/--output cannot be combined: --out writes one file per agreement",
                "--out en -o/--output gaan niet samen: --out schrijft een bestand per afspraak"));
        return exit_code::usage;
    }
    std::string format_name = cx.pick_format(opt.format, opt.output, "markdown");
    auto format = checklist_format(format_name);
    if (!format) {
        print_error(msg("--format: '{}' is not one of: markdown, html, yaml",
                        "--format: '{}' is niet een van: markdown, html, yaml", format_name));
        return exit_code::usage;
    }
    int year = opt.year.value_or(int(cx.as_of.year()));
    if (year < 1900 || year > 2200) {
        print_error(msg("--year: {} is not a year from 1900 to 2200",
                        "--year: {} is geen jaar van 1900 tot 2200", year));
        return exit_code::usage;
    }
    Loaded loaded;
    if (auto status = cx.load_valid(loaded)) return *status;

    ChecklistOptions options{year, cx.as_of, opt.agreements, opt.contacts};
    std::vector<UnknownAgreement> unknown;
    Checklist c = build_checklist(loaded.repo(), options, unknown);
    if (!unknown.empty()) {
        for (const auto& u : unknown)
            print_error(u.suggestion
                            ? msg("no agreement has id '{}'; did you mean '{}'?",
                                  "geen afspraak heeft id '{}'; bedoelde je '{}'?", u.id,
                                  *u.suggestion)
                            : msg("no agreement has id '{}'", "geen afspraak heeft id '{}'", u.id));
        return exit_code::data_errors;
    }
    if (c.items.empty()) {
        if (!cx.global.quiet)
            print_error(msg("no agreement needs an evaluation for {}: nothing to write",
                            "geen afspraak hoeft geëvalueerd te worden voor {}: niets te schrijven",
                            year));
        return exit_code::ok;
    }
    if (opt.out_dir) return write_out_dir(c, *format, *opt.out_dir, opt.force, cx.global.quiet);
    return cx.emit_streamed(opt.output, [&](const auto& write) { stream_checklist(c, c.items, *format, write); });
}

}  // namespace

void add_checklist(CLI::App& app, Context& cx, int& status) {
    auto opt = std::make_shared<ChecklistCliOptions>();
    auto* sub =
        app.add_subcommand("checklist", "The yearly evaluation checklist of each agreement due");
    sub->add_option("--year", opt->year, "Evaluation year (default: the as-of year)")
        ->type_name("YEAR");
    sub->add_option("--agreement", opt->agreements, "This agreement only (repeatable)")
        ->type_name("ID");
    sub->add_option("-f,--format", opt->format, "Output format: markdown (default), html or yaml")
        ->type_name("FORMAT");
    sub->add_option("-o,--output", opt->output, "Write all checklists to FILE (atomically)")
        ->type_name("FILE");
    sub->add_option("--out", opt->out_dir,
                    "Write one file per agreement: DIR/YEAR/AGREEMENT.md|html|yaml")
        ->type_name("DIR");
    sub->add_flag("--force", opt->force, "With --out: replace files that exist");
    sub->add_flag("--contacts", opt->contacts,
                  "Show contact persons and participants (personal data)");
    sub->callback([opt, &cx, &status] { status = run_checklist(*opt, cx); });
}

}  // namespace wijk
