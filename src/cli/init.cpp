// wijk init: placeholder until the command lands (replaced by its own issue's work).
#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/context.h"

namespace wijk {

void add_init(CLI::App& app, Context& cx, int& status) {
    (void)cx;
    auto* sub = app.add_subcommand("init", "(not yet available)");
    sub->allow_extras();
    sub->callback([&status] {
        print_error("'init' is not available in this version yet");
        status = exit_code::internal;
    });
}

}  // namespace wijk
