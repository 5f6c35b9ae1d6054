// wijk schema: a JSON Schema of data files (or of wijk.yaml) for editors' YAML language servers.
#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/common/help.h"
#include "cli/context.h"
#include "render/schema.h"

namespace wijk {

namespace {

struct SchemaOptions {
    bool config = false;
    std::optional<std::string> output;
};

int run_schema(const SchemaOptions& opt, Context& cx) {
    if (!cx.resolve_globals()) return exit_code::usage;
    return cx.emit(opt.output, opt.config ? config_schema() : data_file_schema());
}

}  // namespace

void add_schema(CLI::App& app, Context& cx, int& status) {
    const Lang l = cx.help_lang;
    auto opt = std::make_shared<SchemaOptions>();
    auto* sub = app.add_subcommand("schema", describe(l, "Print a JSON Schema of data files, for editors", "Toon een JSON Schema van de gegevensbestanden, voor editors"));
    sub->add_flag("--config", opt->config, describe(l, "The schema of wijk.yaml instead of data files", "Het schema van wijk.yaml in plaats van dat van de gegevensbestanden"));
    sub->add_option("-o,--output", opt->output, describe(l, "Write the schema to FILE (atomically)", "Schrijf het schema naar BESTAND (nooit half geschreven)"))->type_name("FILE");
    sub->callback([opt, &cx, &status] { status = run_schema(*opt, cx); });
}

}  // namespace wijk
