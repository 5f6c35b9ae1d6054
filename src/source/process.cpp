#include "source/process.h"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace wijk {

namespace {

std::vector<std::string> child_environment() {
    static const char* const path_vars[] = {"GIT_DIR", "GIT_INDEX_FILE", "GIT_WORK_TREE", "GIT_OBJECT_DIRECTORY"};
    std::vector<std::string> env;
    for (char** e = environ; *e; ++e) {
        std::string kv = *e;
        auto eq = kv.find('=');
        if (eq != std::string::npos) {
            std::string name = kv.substr(0, eq), value = kv.substr(eq + 1);
            for (const char* v : path_vars)
                if (name == v && !value.empty() && value[0] != '/') {
                    std::error_code ec;
                    kv = name + "=" + std::filesystem::absolute(value, ec).string();
                }
        }
        env.push_back(std::move(kv));
    }
    return env;
}

void set_nonblocking(int fd) { ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK); }

}  // namespace

ProcessResult run_process(const std::vector<std::string>& argv, std::string_view input) {
    ProcessResult r;
    if (argv.empty()) return r;
    int in[2], out[2], err[2];
    if (::pipe2(in, O_CLOEXEC) != 0) return r;
    if (::pipe2(out, O_CLOEXEC) != 0) {
        ::close(in[0]), ::close(in[1]);
        return r;
    }
    if (::pipe2(err, O_CLOEXEC) != 0) {
        ::close(in[0]), ::close(in[1]), ::close(out[0]), ::close(out[1]);
        return r;
    }
    std::vector<std::string> env = child_environment();
    std::vector<char*> args, envp;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    for (auto& e : env) envp.push_back(e.data());
    envp.push_back(nullptr);
    pid_t pid = ::fork();
    if (pid < 0) {
        for (int fd : {in[0], in[1], out[0], out[1], err[0], err[1]}) ::close(fd);
        return r;
    }
    if (pid == 0) {
        ::dup2(in[0], 0);
        ::dup2(out[1], 1);
        ::dup2(err[1], 2);
        ::signal(SIGPIPE, SIG_DFL);
        ::execvpe(args[0], args.data(), envp.data());
        ::_exit(127);
    }
    ::close(in[0]);
    ::close(out[1]);
    ::close(err[1]);
    set_nonblocking(in[1]);
    set_nonblocking(out[0]);
    set_nonblocking(err[0]);
    // SIGPIPE from a child that stops reading must not end wijk
    struct sigaction ignore {}, old {};
    ignore.sa_handler = SIG_IGN;
    ::sigaction(SIGPIPE, &ignore, &old);
    std::size_t written = 0;
    int in_fd = in[1];
    if (input.empty()) {
        ::close(in_fd);
        in_fd = -1;
    }
    int out_fd = out[0], err_fd = err[0];
    char buf[65536];
    while (out_fd >= 0 || err_fd >= 0) {
        pollfd fds[3];
        int n = 0;
        if (in_fd >= 0) fds[n++] = {in_fd, POLLOUT, 0};
        if (out_fd >= 0) fds[n++] = {out_fd, POLLIN, 0};
        if (err_fd >= 0) fds[n++] = {err_fd, POLLIN, 0};
        if (::poll(fds, nfds_t(n), -1) < 0) {
            if (errno == EINTR) continue;
            break;
        }
        for (int i = 0; i < n; ++i) {
            if (!fds[i].revents) continue;
            int fd = fds[i].fd;
            if (fd == in_fd) {
                ssize_t w = ::write(fd, input.data() + written, input.size() - written);
                if (w > 0) written += std::size_t(w);
                if ((w < 0 && errno != EAGAIN && errno != EINTR) || written == input.size()) {
                    ::close(in_fd);
                    in_fd = -1;
                }
            } else {
                ssize_t got = ::read(fd, buf, sizeof buf);
                if (got > 0) {
                    if (fd == out_fd) r.out.append(buf, std::size_t(got));
                    else if (r.err.size() < 65536) r.err.append(buf, std::size_t(got));
                } else if (got == 0 || (errno != EAGAIN && errno != EINTR)) {
                    ::close(fd);
                    (fd == out_fd ? out_fd : err_fd) = -1;
                }
            }
        }
    }
    if (in_fd >= 0) ::close(in_fd);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    ::sigaction(SIGPIPE, &old, nullptr);
    r.started = !(WIFEXITED(status) && WEXITSTATUS(status) == 127 && r.out.empty());
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return r;
}

}  // namespace wijk
