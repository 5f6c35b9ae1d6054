#include "io/command.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;

namespace wijk {

namespace {

using Clock = std::chrono::steady_clock;

int remaining_ms(Clock::time_point deadline) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    return left < 0 ? 0 : left > 60000 ? 60000 : int(left);
}

// Waits for `pid` until `deadline`; true with its wait status when it ended.
bool wait_until(pid_t pid, Clock::time_point deadline, int& status) {
    for (;;) {
        pid_t r = ::waitpid(pid, &status, WNOHANG);
        if (r == pid) return true;
        if (r < 0 && errno != EINTR) {
            status = 0;
            return true;  // not ours to wait for any more
        }
        if (Clock::now() >= deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

// SIGPIPE ignored while wijk writes to the command: a command that stops reading is an error
// to report, not the end of wijk (and of the messages still to send).
class IgnoreSigpipe {
public:
    IgnoreSigpipe() {
        struct sigaction ignore {};
        ignore.sa_handler = SIG_IGN;
        sigemptyset(&ignore.sa_mask);
        ::sigaction(SIGPIPE, &ignore, &saved_);
    }
    ~IgnoreSigpipe() { ::sigaction(SIGPIPE, &saved_, nullptr); }
    IgnoreSigpipe(const IgnoreSigpipe&) = delete;
    IgnoreSigpipe& operator=(const IgnoreSigpipe&) = delete;

private:
    struct sigaction saved_ {};
};

}  // namespace

CommandResult pipe_to_command(const std::string& command, std::string_view input,
                              const std::vector<std::pair<std::string, std::string>>& environment,
                              std::chrono::milliseconds limit) {
    CommandResult result;
    const auto deadline = Clock::now() + limit;

    // wijk's environment, with `environment` replacing variables of the same names
    std::vector<std::string> env_text;
    for (char** e = environ; e && *e; ++e) {
        std::string_view entry(*e);
        bool replaced = false;
        for (const auto& [name, value] : environment)
            replaced = replaced || (entry.size() > name.size() && entry.substr(0, name.size()) == name &&
                                    entry[name.size()] == '=');
        if (!replaced) env_text.emplace_back(entry);
    }
    for (const auto& [name, value] : environment) env_text.push_back(name + "=" + value);
    std::vector<char*> envp;
    for (auto& e : env_text) envp.push_back(e.data());
    envp.push_back(nullptr);

    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        result.outcome = CommandResult::Outcome::not_started;
        result.detail = std::strerror(errno);
        return result;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[0], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, STDERR_FILENO, STDOUT_FILENO);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigset_t defaults, none;
    sigemptyset(&defaults);
    for (int s : {SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT}) sigaddset(&defaults, s);
    sigemptyset(&none);
    posix_spawnattr_setsigdefault(&attr, &defaults);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setpgroup(&attr, 0);  // its own group: a timeout ends what it started too
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP);

    std::string sh = "sh", dash_c = "-c", cmd = command;
    char* argv[] = {sh.data(), dash_c.data(), cmd.data(), nullptr};
    pid_t pid = -1;
    int spawned = ::posix_spawn(&pid, "/bin/sh", &actions, &attr, argv, envp.data());
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    ::close(fds[0]);
    if (spawned != 0) {
        ::close(fds[1]);
        result.outcome = CommandResult::Outcome::not_started;
        result.detail = std::strerror(spawned);
        return result;
    }

    bool unread = false, timed_out = false;
    {
        IgnoreSigpipe guard;
        ::fcntl(fds[1], F_SETFL, ::fcntl(fds[1], F_GETFL) | O_NONBLOCK);
        std::size_t done = 0;
        while (done < input.size()) {
            pollfd p{fds[1], POLLOUT, 0};
            int ready = ::poll(&p, 1, remaining_ms(deadline));
            if (ready < 0 && errno == EINTR) continue;
            if (ready == 0 && Clock::now() >= deadline) {
                timed_out = true;
                break;
            }
            ssize_t n = ::write(fds[1], input.data() + done, input.size() - done);
            if (n > 0) {
                done += std::size_t(n);
            } else if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
                continue;
            } else {
                if (n < 0 && errno == EPIPE) unread = true;
                else if (result.detail.empty()) result.detail = std::strerror(n < 0 ? errno : EIO);
                break;
            }
        }
        ::close(fds[1]);
    }

    int status = 0;
    if (timed_out || !wait_until(pid, deadline, status)) {
        ::kill(-pid, SIGTERM);
        if (!wait_until(pid, Clock::now() + std::chrono::seconds(2), status)) {
            ::kill(-pid, SIGKILL);
            while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
            }
        }
        result.outcome = CommandResult::Outcome::timed_out;
        return result;
    }
    if (WIFSIGNALED(status)) {
        result.outcome = CommandResult::Outcome::signal;
        result.status = WTERMSIG(status);
    } else if (WIFEXITED(status) && WEXITSTATUS(status) != 0) {
        result.outcome = CommandResult::Outcome::exit_status;
        result.status = WEXITSTATUS(status);
    } else if (unread) {
        result.outcome = CommandResult::Outcome::input_unread;
    } else if (!result.detail.empty()) {
        result.outcome = CommandResult::Outcome::write_error;
    }
    return result;
}

}  // namespace wijk
