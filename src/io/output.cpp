#include "io/output.h"

#include <fcntl.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <climits>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace wijk {

namespace {

bool write_all(int fd, std::string_view content, std::string& error, int& errnum) {
    std::size_t done = 0;
    while (done < content.size()) {
        ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            errnum = n < 0 ? errno : EIO;
            error = std::strerror(errnum);
            return false;
        }
        done += std::size_t(n);
    }
    return true;
}

// ---- Temporary files, and removing them when a signal ends wijk --------------------------
//
// The files being written are kept in a table of fixed size that a signal handler can read
// without allocating or locking (as ccache and sort do). A slot is claimed by one writer;
// the handler sees it while `dir` >= 0, and by then `name` is complete.
struct PendingTemp {
    std::atomic<bool> claimed{false};
    std::atomic<int> dir{-1};  // the folder of the target, open (O_PATH)
    char name[NAME_MAX + 1] = {};
};
static_assert(std::atomic<int>::is_always_lock_free && std::atomic<bool>::is_always_lock_free);
constexpr int pending_slots = 32;
PendingTemp pending[pending_slots];

constexpr int cleanup_signals[] = {SIGINT, SIGTERM, SIGHUP};

extern "C" void remove_temporary_files(int sig) {
    int saved = errno;
    for (auto& p : pending) {
        int dir = p.dir.load();
        if (dir >= 0) ::unlinkat(dir, p.name, 0);
    }
    errno = saved;
    // The handler was reset to the default on entry (SA_RESETHAND) and the signal is not
    // blocked (SA_NODEFER): wijk ends by the signal, which the shell shows as 128 + sig.
    ::raise(sig);
}

// Checked at every temporary file, not once: whatever set a handler meanwhile (a test
// framework restores its own) does not keep a temporary file from being removed.
void install_signal_handlers() {
    for (int sig : cleanup_signals) {
        struct sigaction old {};
        if (::sigaction(sig, nullptr, &old) != 0) continue;
        if (old.sa_handler == SIG_IGN) continue;  // nohup, a background job: stays ignored
        if (old.sa_handler == remove_temporary_files) continue;
        struct sigaction sa {};
        sa.sa_handler = remove_temporary_files;
        sigemptyset(&sa.sa_mask);
        for (int other : cleanup_signals)
            if (other != sig) sigaddset(&sa.sa_mask, other);  // one cleanup at a time
        sa.sa_flags = SA_RESETHAND | SA_NODEFER;
        ::sigaction(sig, &sa, nullptr);
    }
}

// While alive, the cleanup signals wait: a temporary file is never created without being in
// the table.
class SignalsHeld {
  public:
    SignalsHeld() {
        sigset_t set;
        sigemptyset(&set);
        for (int sig : cleanup_signals) sigaddset(&set, sig);
        ::pthread_sigmask(SIG_BLOCK, &set, &old_);
    }
    ~SignalsHeld() { ::pthread_sigmask(SIG_SETMASK, &old_, nullptr); }
    SignalsHeld(const SignalsHeld&) = delete;
    SignalsHeld& operator=(const SignalsHeld&) = delete;

  private:
    sigset_t old_;
};

// ".NAME.wijk-XXXXXX" with at most 32 bytes of the target's name (cut between UTF-8
// sequences), so that a target name as long as the system allows still gets one.
std::string temporary_name(std::string_view target) {
    static std::atomic<std::uint64_t> counter{0};
    std::uint64_t x = counter.fetch_add(1) + (std::uint64_t(::getpid()) << 40) +
                      std::uint64_t(std::chrono::steady_clock::now().time_since_epoch().count());
    x += 0x9E3779B97F4A7C15ULL;  // splitmix64
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    x ^= x >> 31;
    std::size_t keep = std::min<std::size_t>(target.size(), 32);
    while (keep > 0 && keep < target.size() &&
           (static_cast<unsigned char>(target[keep]) & 0xC0) == 0x80)
        --keep;
    std::string name = "." + std::string(target.substr(0, keep)) + ".wijk-";
    static constexpr char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    for (int i = 0; i < 6; ++i, x /= 62) name += alphabet[x % 62];
    return name;
}

// The folder and the name of a target; false (errno) when it has no name of a file.
bool split_target(const std::string& path, std::string& dir, std::string& base) {
    std::filesystem::path p(path);
    base = p.filename().string();
    if (base.empty() || base == "." || base == "..") {
        errno = EISDIR;
        return false;
    }
    dir = p.parent_path().empty() ? "." : p.parent_path().string();
    return true;
}

void release_slot(int slot) {
    PendingTemp& p = pending[slot];
    int dir = p.dir.exchange(-1);
    if (dir >= 0) ::close(dir);
    p.claimed.store(false);
}

// A new temporary file (mode 0600) beside `target`, in the table; its descriptor, or -1 and
// errno.
int create_temporary(const std::string& target, int& slot) {
    std::string dir_name, base;
    if (!split_target(target, dir_name, base)) return -1;
    slot = -1;
    for (int i = 0; i < pending_slots && slot < 0; ++i) {
        bool expected = false;
        if (pending[i].claimed.compare_exchange_strong(expected, true)) slot = i;
    }
    if (slot < 0) {
        errno = EMFILE;
        return -1;
    }
#ifdef O_PATH
    int dir = ::open(dir_name.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
#else
    int dir = ::open(dir_name.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
#endif
    if (dir < 0) {
        int e = errno;
        release_slot(slot);
        slot = -1;
        errno = e;
        return -1;
    }
    install_signal_handlers();
    PendingTemp& p = pending[slot];
    for (int attempt = 0; attempt < 100; ++attempt) {
        std::string name = temporary_name(base);
        SignalsHeld held;
        std::memcpy(p.name, name.c_str(), name.size() + 1);
        p.dir.store(dir);
        int fd = ::openat(dir, p.name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
        if (fd >= 0) return fd;
        int e = errno;
        p.dir.store(-1);
        if (e == EEXIST) continue;
        ::close(dir);
        p.claimed.store(false);
        slot = -1;
        errno = e;
        return -1;
    }
    ::close(dir);
    p.claimed.store(false);
    slot = -1;
    errno = EEXIST;
    return -1;
}

// Removes the temporary file of `slot` (not renamed: the target stays as it was).
void discard_temporary(int slot) {
    PendingTemp& p = pending[slot];
    {
        SignalsHeld held;
        int dir = p.dir.load();
        if (dir >= 0) ::unlinkat(dir, p.name, 0);
    }
    release_slot(slot);
}

// Gives the temporary file of `slot` the target's name, replacing what has it (a file, or a
// symbolic link, which is replaced, not followed). 0, or errno.
int rename_temporary(int slot, const std::string& target) {
    std::string dir_name, base;
    split_target(target, dir_name, base);
    PendingTemp& p = pending[slot];
    int e = ::renameat(p.dir.load(), p.name, p.dir.load(), base.c_str()) == 0 ? 0 : errno;
    if (e != 0)
        discard_temporary(slot);
    else
        release_slot(slot);
    return e;
}

// Gives the temporary file of `slot` the target's name only if nothing has that name. 0, or
// errno (EEXIST: something has it).
int link_temporary(int slot, const std::string& target) {
    std::string dir_name, base;
    split_target(target, dir_name, base);
    PendingTemp& p = pending[slot];
    int dir = p.dir.load();
    int e = ::linkat(dir, p.name, dir, base.c_str(), 0) == 0 ? 0 : errno;
    if (e == EPERM || e == ENOTSUP || e == EOPNOTSUPP || e == EXDEV || e == EMLINK) {
        // no hard links here (some network and FAT file systems): claim the name with
        // O_EXCL, then rename the complete file over the empty one we own
        int claim =
            ::openat(dir, base.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
        if (claim < 0) {
            e = errno;
        } else {
            ::close(claim);
            e = ::renameat(dir, p.name, dir, base.c_str()) == 0 ? 0 : errno;
            if (e != 0) ::unlinkat(dir, base.c_str(), 0);
        }
    }
    discard_temporary(slot);  // after link(2): the target keeps the content; after rename: gone
    return e;
}

mode_t creation_mode() {
    mode_t mask = ::umask(0);
    ::umask(mask);
    return 0666 & ~mask;
}

// ---- Targets ------------------------------------------------------------------------------

// The standard streams by name: written through the descriptor wijk already has, so that a
// redirection (even `>>`) behaves as the shell set it up.
int standard_stream(const std::string& path) {
    if (path == "/dev/stdout" || path == "/dev/fd/1" || path == "/proc/self/fd/1")
        return STDOUT_FILENO;
    if (path == "/dev/stderr" || path == "/dev/fd/2" || path == "/proc/self/fd/2")
        return STDERR_FILENO;
    return -1;
}

// Never create or rename anything here: a rename could replace a device node.
bool under_system_folder(const std::string& path) {
    return path.rfind("/dev/", 0) == 0 || path.rfind("/proc/", 0) == 0 ||
           path.rfind("/sys/", 0) == 0;
}

bool written_in_place(mode_t mode) {
    return S_ISCHR(mode) || S_ISBLK(mode) || S_ISFIFO(mode) || S_ISSOCK(mode);
}

}  // namespace

OutputFile::OutputFile(StandardOutput) : name_("standard output"), fd_(STDOUT_FILENO) {
    std::fflush(stdout);
}

OutputFile::OutputFile(const std::string& path) : name_(path) {
    open(path);
}

void OutputFile::open(const std::string& path) {
    if (path.empty()) return fail(ENOENT);
    if (int fd = standard_stream(path); fd >= 0) {
        std::fflush(fd == STDOUT_FILENO ? stdout : stderr);
        fd_ = fd;
        return;
    }
    struct stat lst {};
    if (::lstat(path.c_str(), &lst) != 0) {
        if (errno != ENOENT || under_system_folder(path)) return fail(errno);
        return open_temporary(path, creation_mode());
    }
    if (S_ISLNK(lst.st_mode)) {
        // A link is replaced by the new file, never written through: a link committed to a
        // repository must not make wijk write elsewhere. Only a device or a pipe is written
        // in place (`-o /dev/stdout` is such a link).
        struct stat st {};
        bool resolves = ::stat(path.c_str(), &st) == 0;
        if (resolves && written_in_place(st.st_mode)) return open_in_place(path);
        if (resolves && S_ISDIR(st.st_mode)) return fail(EISDIR);
        if (under_system_folder(path)) return open_in_place(path);
        return open_temporary(path, creation_mode());
    }
    if (S_ISDIR(lst.st_mode)) return fail(EISDIR);
    if (written_in_place(lst.st_mode) || under_system_folder(path)) return open_in_place(path);
    // A file the user may not write stays as it is, as with the shell's `>` (a rename would
    // need only the folder to be writable).
    if (::faccessat(AT_FDCWD, path.c_str(), W_OK, AT_EACCESS) != 0) return fail(errno);
    owner_ = lst.st_uid;
    group_ = lst.st_gid;
    open_temporary(path, lst.st_mode & 07777);
}

void OutputFile::fail(int errnum) {
    errnum_ = errnum;
    error_ = std::strerror(errnum);
}

void OutputFile::open_in_place(const std::string& path) {
    fd_ = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);  // never creates
    if (fd_ < 0) return fail(errno);
    owned_ = true;
}

void OutputFile::open_temporary(const std::string& path, unsigned mode) {
    mode_ = mode;
    fd_ = create_temporary(path, temp_slot_);
    if (fd_ < 0) return fail(errno);
    owned_ = true;
}

OutputFile::~OutputFile() {
    if (owned_ && fd_ >= 0) ::close(fd_);
    if (temp_slot_ >= 0) discard_temporary(temp_slot_);  // not finished: the target stays
}

void OutputFile::write(std::string_view content) {
    if (!error_.empty() || fd_ < 0) return;
    write_all(fd_, content, error_, errnum_);
}

WriteResult OutputFile::finish() {
    bool ok = error_.empty() && fd_ >= 0;
    auto failed = [&](int e) {
        ok = false;
        errnum_ = e;
        error_ = std::strerror(e);
    };
    if (temp_slot_ >= 0 && ok) {
        if (owner_ >= 0 && (uid_t(owner_) != ::geteuid() || gid_t(group_) != ::getegid()))
            (void)!::fchown(fd_, uid_t(owner_), gid_t(group_));  // where allowed; else ours
        if (::fchmod(fd_, mode_) != 0)
            failed(errno);
        else if (::fsync(fd_) != 0)
            failed(errno);
    }
    if (owned_) {
        if (::close(fd_) != 0 && ok) failed(errno);
        owned_ = false;
        fd_ = -1;
    }
    if (temp_slot_ >= 0) {
        int slot = temp_slot_;
        temp_slot_ = -1;
        if (!ok)
            discard_temporary(slot);
        else if (int e = rename_temporary(slot, name_); e != 0)
            failed(e);
    }
    if (ok) return WriteResult{};
    return WriteResult{false, name_ + ": " + error_, errnum_};
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
    auto failure = [&](int e) {
        return WriteResult{false, path + ": " + (e == EEXIST ? "exists" : std::strerror(e)), e};
    };
    struct stat st {};
    exists = ::lstat(path.c_str(), &st) == 0;  // early, so that it is reported even where
    if (exists) return failure(EEXIST);        // nothing could be written
    int slot = -1;
    int fd = create_temporary(path, slot);
    if (fd < 0) return failure(errno);
    std::string error;
    int e = 0;
    bool ok = write_all(fd, content, error, e);
    if (ok && ::fchmod(fd, creation_mode()) != 0) ok = false, e = errno;
    if (ok && ::fsync(fd) != 0) ok = false, e = errno;
    if (::close(fd) != 0 && ok) ok = false, e = errno;
    if (!ok) {
        discard_temporary(slot);
        return failure(e);
    }
    if (e = link_temporary(slot, path); e != 0) {
        exists = e == EEXIST;
        return failure(e);
    }
    return WriteResult{};
}

}  // namespace wijk
