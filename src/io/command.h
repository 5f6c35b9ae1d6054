// Handing output to a program of the user's: `--sendmail "CMD"` runs CMD with /bin/sh -c and
// writes one message to its standard input. The command line is the user's alone; what comes
// from the data goes only on the standard input and into environment variables.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wijk {

struct CommandResult {
    enum class Outcome {
        ok,
        not_started,   // detail: why (strerror)
        exit_status,   // status: the exit status, not 0
        signal,        // status: the signal that ended it
        timed_out,     // still running after the limit: ended
        input_unread,  // it exited (status) before it had read the whole input
        write_error,   // detail: why writing its input failed
    };
    Outcome outcome = Outcome::ok;
    int status = 0;
    std::string detail;
    bool ok() const { return outcome == Outcome::ok; }
};

// Runs `/bin/sh -c command` in its own process group with `input` on its standard input, its
// standard output sent to wijk's standard error (wijk's standard output stays clean), and
// `environment` added to wijk's. Waits at most `limit`, then ends it (SIGTERM, then SIGKILL).
// Succeeds when the command read all of its input and exited with status 0.
CommandResult pipe_to_command(const std::string& command, std::string_view input,
                              const std::vector<std::pair<std::string, std::string>>& environment,
                              std::chrono::milliseconds limit);

}  // namespace wijk
