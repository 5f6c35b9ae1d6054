// io/command: piping a message to the user's mail command.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "support.h"
#include "io/command.h"

using namespace wijk;
using namespace wijk::testing;
using namespace std::chrono_literals;

namespace {
std::string read(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}
}  // namespace

TEST_CASE("pipe_to_command: the input on stdin, the data only in the environment") {
    TempDir dir;
    const std::string out = (dir.path / "got").string();
    // a value with shell syntax stays a value: it is never part of the command line
    auto r = pipe_to_command("cat > \"$OUT\"; printf '%s' \"$WIJK_TO\" > \"$OUT.to\"", "line 1\nline 2\n",
                             {{"OUT", out}, {"WIJK_TO", "a@example.nl; touch pwned"}}, 10s);
    CHECK(r.ok());
    CHECK(read(out) == "line 1\nline 2\n");
    CHECK(read(out + ".to") == "a@example.nl; touch pwned");
    CHECK_FALSE(std::filesystem::exists(dir.path / "pwned"));
}

TEST_CASE("pipe_to_command: failures are told apart") {
    auto r = pipe_to_command("cat >/dev/null; exit 75", "x", {}, 10s);
    CHECK(r.outcome == CommandResult::Outcome::exit_status);
    CHECK(r.status == 75);
    r = pipe_to_command("kill -9 $$", "x", {}, 10s);
    CHECK(r.outcome == CommandResult::Outcome::signal);
    CHECK(r.status == 9);
    // a large input that is never read: an error, and wijk is not ended by SIGPIPE
    r = pipe_to_command("exit 0", std::string(1 << 20, 'x'), {}, 10s);
    CHECK(r.outcome == CommandResult::Outcome::input_unread);
    r = pipe_to_command("no-such-command-wijk 2>/dev/null", "x", {}, 10s);
    CHECK(r.outcome == CommandResult::Outcome::exit_status);
    CHECK(r.status == 127);
}

TEST_CASE("pipe_to_command: a command that hangs is stopped after the limit, with what it started") {
    TempDir dir;
    const auto start = std::chrono::steady_clock::now();
    auto r = pipe_to_command("sleep 30 & wait", "x", {}, 300ms);
    CHECK(r.outcome == CommandResult::Outcome::timed_out);
    // bounded: the limit plus the grace period, far below the 30 s of the command
    CHECK(std::chrono::steady_clock::now() - start < 10s);
    // a command that never reads a large input does not block wijk's write either
    r = pipe_to_command("sleep 30", std::string(1 << 20, 'x'), {}, 300ms);
    CHECK(r.outcome == CommandResult::Outcome::timed_out);
}
