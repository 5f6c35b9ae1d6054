#include "io/output.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace wijk {

namespace {

bool write_all(int fd, std::string_view content, std::string& error) {
    std::size_t done = 0;
    while (done < content.size()) {
        ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            error = std::strerror(n < 0 ? errno : EIO);
            return false;
        }
        done += std::size_t(n);
    }
    return true;
}

}  // namespace

namespace {

// The standard streams by name: written through the descriptor wijk already has, so that a
// redirection (even `>>`) behaves as the shell set it up.
int standard_stream(const std::string& path) {
    if (path == "/dev/stdout" || path == "/dev/fd/1" || path == "/proc/self/fd/1") return STDOUT_FILENO;
    if (path == "/dev/stderr" || path == "/dev/fd/2" || path == "/proc/self/fd/2") return STDERR_FILENO;
    return -1;
}

bool under_system_folder(const std::string& path) {
    return path.rfind("/dev/", 0) == 0 || path.rfind("/proc/", 0) == 0 || path.rfind("/sys/", 0) == 0;
}

}  // namespace

OutputFile::OutputFile(StandardOutput) : name_("standard output"), fd_(STDOUT_FILENO) { std::fflush(stdout); }

OutputFile::OutputFile(const std::string& given) {
    if (int fd = standard_stream(given); fd >= 0) {
        fd_ = fd;
        name_ = given;
        return;
    }
    // A symbolic link is kept: what it points to is replaced (or written in place when that
    // is not a regular file).
    std::string path = given;
    struct stat lst {};
    if (::lstat(given.c_str(), &lst) == 0 && S_ISLNK(lst.st_mode)) {
        std::error_code ec;
        auto real = std::filesystem::canonical(given, ec);
        if (!ec) path = real.string();
    }
    name_ = path;
    struct stat st {};
    bool exists = ::stat(path.c_str(), &st) == 0;
    if (exists && S_ISDIR(st.st_mode)) {
        error_ = std::strerror(EISDIR);
        return;
    }
    if ((exists && !S_ISREG(st.st_mode)) || under_system_folder(path)) {
        // a device, a pipe, anything under /dev: a rename must never replace it
        fd_ = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
        if (fd_ < 0) error_ = std::strerror(errno);
        owned_ = fd_ >= 0;
        return;
    }
    std::filesystem::path target(path);
    std::string dir = target.parent_path().empty() ? "." : target.parent_path().string();
    temp_ = dir + "/." + target.filename().string() + ".wijk-XXXXXX";
    fd_ = ::mkstemp(temp_.data());
    if (fd_ < 0) {
        error_ = std::strerror(errno);
        temp_.clear();
        return;
    }
    owned_ = true;
    if (exists) {
        mode_ = st.st_mode & 07777;
    } else {
        mode_t mask = ::umask(0);
        ::umask(mask);
        mode_ = 0666 & ~mask;
    }
}

OutputFile::~OutputFile() {
    if (owned_ && fd_ >= 0) ::close(fd_);
    if (!temp_.empty()) ::unlink(temp_.c_str());  // not finished: the target stays as it was
}

void OutputFile::write(std::string_view content) {
    if (!error_.empty() || fd_ < 0) return;
    write_all(fd_, content, error_);
}

WriteResult OutputFile::finish() {
    bool ok = error_.empty() && fd_ >= 0;
    if (!temp_.empty()) {
        if (ok && ::fchmod(fd_, mode_) != 0) ok = false, error_ = std::strerror(errno);
        if (ok && ::fsync(fd_) != 0) ok = false, error_ = std::strerror(errno);
    }
    if (owned_) {
        if (::close(fd_) != 0 && ok) ok = false, error_ = std::strerror(errno);
        owned_ = false;
        fd_ = -1;
    }
    if (!temp_.empty()) {
        if (ok && ::rename(temp_.c_str(), name_.c_str()) != 0) ok = false, error_ = std::strerror(errno);
        if (!ok) ::unlink(temp_.c_str());
        temp_.clear();
    }
    if (ok) return WriteResult{};
    return WriteResult{false, name_ + ": " + error_};
}

WriteResult write_file(const std::string& path, std::string_view content) {
    OutputFile out(path);
    out.write(content);
    return out.finish();
}

WriteResult write_stdout(std::string_view content) {
    OutputFile out(OutputFile::StandardOutput{});
    out.write(content);
    return out.finish();
}

WriteResult write_new_file(const std::string& path, std::string_view content, bool& exists) {
    // Race-free: the content goes to a temporary file beside the target, which link(2) then
    // gives the target's name only if nothing has that name (not even a dangling symlink);
    // a file that appears between a check and a rename is never replaced.
    WriteResult r;
    struct stat st {};
    exists = ::lstat(path.c_str(), &st) == 0;  // early, so that it is reported even where
    if (exists) return WriteResult{false, path + ": exists"};  // nothing could be written
    std::filesystem::path target(path);
    std::string dir = target.parent_path().empty() ? "." : target.parent_path().string();
    std::string tmpl = dir + "/." + target.filename().string() + ".wijk-XXXXXX";
    int fd = ::mkstemp(tmpl.data());
    if (fd < 0) return WriteResult{false, path + ": " + std::strerror(errno)};
    mode_t mask = ::umask(0);
    ::umask(mask);
    std::string error;
    bool ok = write_all(fd, content, error);
    if (ok && ::fchmod(fd, 0666 & ~mask) != 0) ok = false, error = std::strerror(errno);
    if (ok && ::fsync(fd) != 0) ok = false, error = std::strerror(errno);
    if (::close(fd) != 0 && ok) ok = false, error = std::strerror(errno);
    if (ok && ::link(tmpl.c_str(), path.c_str()) != 0) {
        int e = errno;
        if (e == EEXIST) {
            exists = true;
            ok = false, error = "exists";
        } else if (e == EPERM || e == ENOTSUP || e == EOPNOTSUPP || e == EXDEV || e == EMLINK) {
            // no hard links here (some network and FAT file systems): claim the name with
            // O_EXCL, then rename the complete file over the empty one we own
            int claim = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
            if (claim < 0) {
                exists = errno == EEXIST;
                ok = false, error = exists ? "exists" : std::strerror(errno);
            } else {
                ::close(claim);
                if (::rename(tmpl.c_str(), path.c_str()) != 0) {
                    ok = false, error = std::strerror(errno);
                    ::unlink(path.c_str());
                }
            }
        } else {
            ok = false, error = std::strerror(e);
        }
    }
    ::unlink(tmpl.c_str());  // after link(2): the target keeps the content; after rename: gone
    if (!ok) {
        r.ok = false;
        r.error = path + ": " + error;
    }
    return r;
}

std::optional<std::string> format_from_extension(const std::string& path) {
    auto ext = std::filesystem::path(path).extension().string();
    for (auto& c : ext) c = char(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".json") return "json";
    if (ext == ".md" || ext == ".markdown") return "markdown";
    if (ext == ".csv") return "csv";
    if (ext == ".html" || ext == ".htm") return "html";
    if (ext == ".ics") return "ics";
    if (ext == ".txt") return "text";
    if (ext == ".xlsx") return "xlsx";
    if (ext == ".yaml" || ext == ".yml") return "yaml";
    return std::nullopt;
}

}  // namespace wijk
