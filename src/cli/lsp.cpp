// wijk lsp: the language server for editors, on stdin and stdout (src/lsp/).
#include <CLI/CLI.hpp>

#include <csignal>
#include <filesystem>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/common/help.h"
#include "cli/context.h"
#include "lsp/server.h"
#include "model/i18n.h"

namespace wijk {

namespace {

struct LspOptions {
    bool stdio = false;  // what VS Code's client passes; stdio is the only transport
};

int run_lsp(const LspOptions&, Context& cx) {
    if (!cx.resolve_globals()) return exit_code::usage;
    lsp::ServerOptions o;
    if (cx.global.as_of) o.as_of = cx.as_of;
    o.lang = cx.forced_lang;
    o.version = WIJK_VERSION;
    if (cx.global.data) {
        std::error_code ec;
        o.data_root = std::filesystem::absolute(*cx.global.data, ec).lexically_normal().string();
    }
    if (::isatty(STDIN_FILENO))  // started by hand: say what it is waiting for
        print_error(std::string(tr(cx.forced_lang.value_or(Lang::en),
                                   "lsp: a language server for editors, waiting for LSP messages on standard input "
                                   "(see man wijk-lsp); Ctrl-D ends it",
                                   "lsp: een taalserver voor editors, wacht op LSP-berichten op de standaardinvoer "
                                   "(zie man wijk-lsp); Ctrl-D beëindigt hem")));
    // a client that goes away is a write error, not a signal that kills the server mid-message
    std::signal(SIGPIPE, SIG_IGN);
    return lsp::serve(STDIN_FILENO, STDOUT_FILENO, o);
}

}  // namespace

void add_lsp(CLI::App& app, Context& cx, int& status) {
    const Lang l = cx.help_lang;
    auto opt = std::make_shared<LspOptions>();
    auto* sub = app.add_subcommand("lsp", describe(l, "Language server for editors (LSP on stdin and stdout)", "Taalserver voor editors (LSP via stdin en stdout)"));
    sub->add_flag("--stdio", opt->stdio, describe(l, "Talk on stdin and stdout (the default and only way)", "Communiceer via stdin en stdout (standaard, en de enige manier)"));
    sub->callback([opt, &cx, &status] { status = run_lsp(*opt, cx); });
}

}  // namespace wijk
