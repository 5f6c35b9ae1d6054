// wijk validate: every problem in the data, in one run.
#include <CLI/CLI.hpp>

#include <unistd.h>

#include "cli/commands.h"
#include "cli/context.h"
#include "model/i18n.h"
#include "render/diagnostics.h"

namespace wijk {

namespace {

struct ValidateOptions {
    std::optional<std::string> format;
    std::optional<std::string> output;
    bool strict = false;
    bool staged = false;
};

int run_validate(const ValidateOptions& opt, Context& cx) {
    if (!cx.resolve_globals()) return exit_code::usage;
    const auto format = cx.choose_format(opt.format, opt.output, "validate");
    if (!format) return exit_code::usage;
    DiagnosticFormat df = DiagnosticFormat::text;
    switch (*format) {
        case Format::parsable: df = DiagnosticFormat::parsable; break;
        case Format::github: df = DiagnosticFormat::github; break;
        case Format::gitlab: df = DiagnosticFormat::gitlab; break;
        case Format::json: df = DiagnosticFormat::json; break;
        default: df = DiagnosticFormat::text; break;  // the table (io/formats.cpp) allows no other
    }
    auto root = cx.data_root();
    if (!root) return exit_code::io;
    cx.staged = opt.staged;
    cx.diagnostics_only = true;
    auto loaded_or = cx.load(*root);
    if (!loaded_or) return cx.load_failure();
    Loaded& loaded = *loaded_or;
    DiagnosticReport report = cx.diagnostic_report(loaded, !opt.output && cx.color_for(STDOUT_FILENO));
    report.strict = opt.strict;
    int written = cx.emit(opt.output, render_diagnostics(loaded.diags, df, report));
    if (written != exit_code::ok) return written;
    if (loaded.diags.io_error) return exit_code::io;
    bool failed = loaded.diags.errors() > 0 || (opt.strict && loaded.diags.warnings() > 0);
    return failed ? exit_code::data_errors : exit_code::ok;
}

}  // namespace

void add_validate(CLI::App& app, Context& cx, int& status) {
    auto opt = std::make_shared<ValidateOptions>();
    auto* sub = app.add_subcommand("validate", "Check every file of the data repository and report every problem");
    sub->add_option("-f,--format", opt->format, "Output format: text, parsable, github, gitlab or json")
        ->type_name("FORMAT");
    sub->add_option("-o,--output", opt->output, "Write the report to FILE (atomically)")->type_name("FILE");
    sub->add_flag("--strict", opt->strict, "Warnings count as errors");
    sub->add_flag("--staged", opt->staged,
                  "Check what the git index holds (what is being committed), not the working tree: for pre-commit hooks");
    sub->callback([opt, &cx, &status] { status = run_validate(*opt, cx); });
}

}  // namespace wijk
