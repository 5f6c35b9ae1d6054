// wijk lsp: a Language Server Protocol server on a pair of file descriptors (stdin/stdout).
// One workspace per data root, an overlay of the editor's buffers over the disk; diagnostics as
// validate gives them, completion, hover, definition, symbols and quick fixes. It never writes a
// file. No JSON in this header: the command line only starts it.
#pragma once

#include <optional>
#include <string>

#include "model/calendar.h"
#include "model/lang.h"

namespace wijk::lsp {

struct ServerOptions {
    // From the command line (--as-of, --lang); initializationOptions override them, and
    // without either the date is today's and the language wijk.yaml's.
    std::optional<Date> as_of;
    std::optional<Lang> lang;
    // The longest wait after an edit before the repository is checked again: typing goes on
    // for a while. The wait is as long as the last check took, at most this.
    int max_debounce_ms = 100;
    std::string version;  // for the client's serverInfo
    // -C/--data: a data root checked as soon as the client is ready, before any file is opened
    std::optional<std::string> data_root;
};

// Serves until `exit` or the end of the input. Returns the process's exit status: 0 after
// shutdown, 1 when the input ended or `exit` came without it (as the protocol says).
int serve(int in_fd, int out_fd, const ServerOptions& options);

}  // namespace wijk::lsp
