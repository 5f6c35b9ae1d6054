// wijk: the command line. Global options, the table of commands, exit codes.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>
#include <iostream>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <sstream>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/common/command_line.h"
#include "cli/common/help.h"
#include "cli/common/usage_errors.h"
#include "io/output.h"

int main(int argc, char** argv) {
#if defined(__GLIBC__)
    // glibc raises its mmap threshold each time a large block is freed (up to 32 MiB), after
    // which the record vectors and the text pool grow inside the heap and every outgrown copy
    // stays there as a hole. A fixed threshold keeps large blocks in their own mappings,
    // returned on free (bench scale 1: some 20 MB less peak RSS).
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
#endif
    using namespace wijk;
    int status = exit_code::ok;
    try {
        Context cx;
        const std::vector<std::string> args(argv + 1, argv + argc);
        // --help in the user's language: looked up only when it is shown (it may read wijk.yaml)
        if (shows_descriptions(args)) cx.help_lang = command_line_language(args);
        const Lang l = cx.help_lang;
        CLI::App app{describe(l, "wijk: neighbourhood partnerships, agreements and liveability, kept in YAML",
                              "wijk: buurtpartnerschappen, afspraken en leefbaarheid, bijgehouden in YAML"),
                     "wijk"};
        use_help_language(app, l);
        app.set_version_flag("--version", std::string("wijk ") + WIJK_VERSION,
                             describe(l, "Display program version information and exit", "Toon de versie van wijk en stop"));
        app.require_subcommand(1);
        app.fallthrough();
        app.option_defaults()->always_capture_default(false);
        auto& g = cx.global;
        app.add_option("-C,--data", g.data,
                       describe(l, "Data root (the folder holding wijk.yaml)", "Gegevensmap (de map met wijk.yaml)"))
            ->type_name("DIR");
        app.add_option("--as-of", g.as_of,
                       describe(l, "The date that counts as today (default: the local date)",
                                "De datum die als vandaag geldt (standaard: vandaag)"))
            ->type_name("YYYY-MM-DD");
        app.add_option("--lang", g.lang,
                       describe(l, "Language of human-readable output (default from wijk.yaml, else en)",
                                "Taal van alles wat wijk je laat lezen, ook deze hulp (standaard uit wijk.yaml, "
                                "anders en)"))
            ->type_name("en|nl");
        app.add_option("--color", g.color, describe(l, "Colour: auto, always or never", "Kleur: auto, always of never"))
            ->type_name("WHEN");
        app.add_flag("-q,--quiet", g.quiet,
                     describe(l, "Print less: no progress, no closing summary",
                              "Toon minder: geen voortgang, geen samenvatting aan het eind"));
        app.add_option("--rev", g.rev,
                       describe(l, "Read the repository as it was at a git revision (no checkout)",
                                "Lees de gegevens zoals ze waren in een git-revisie (zonder checkout)"))
            ->type_name("REV");
        app.add_flag("--no-cache", g.no_cache,
                     describe(l, "Neither read nor write the parse cache (also WIJK_NO_CACHE=1)",
                              "Gebruik de cache niet: niet lezen en niet schrijven (ook WIJK_NO_CACHE=1)"));

        add_validate(app, cx, status);
        add_summary(app, cx, status);
        add_reminders(app, cx, status);
        add_checklist(app, cx, status);
        add_init(app, cx, status);
        add_import(app, cx, status);
        add_schema(app, cx, status);
        add_completion(app, cx, status);
        add_lsp(app, cx, status);
        add_diff(app, cx, status);
        add_log(app, cx, status);

        // --help and --version: their text goes out through the checked writer, so that a
        // stdout that fails (`> /dev/full`) is exit 3, not 0 with the text lost.
        auto print_and_exit = [&](const CLI::Error& e) {
            std::ostringstream text;
            app.exit(e, text, std::cerr);
            WriteResult r = write_stdout(text.str());
            return r.ok ? exit_code::ok : report_write_failure(r, cx.lang());
        };
        try {
            app.parse(argc, argv);
        } catch (const CLI::CallForHelp& e) {
            return print_and_exit(e);
        } catch (const CLI::CallForAllHelp& e) {
            return print_and_exit(e);
        } catch (const CLI::CallForVersion& e) {
            return print_and_exit(e);
        } catch (const CLI::ParseError& e) {
            return report_usage_error(app, e, args);
        }
        return status;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "wijk: internal error: %s\n", e.what());
        return exit_code::internal;
    } catch (...) {
        std::fprintf(stderr, "wijk: internal error\n");
        return exit_code::internal;
    }
}
