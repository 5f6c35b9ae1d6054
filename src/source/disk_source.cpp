#include "source/disk_source.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

#include "source/listing.h"

namespace fs = std::filesystem;

namespace wijk {

Text system_error_text(int error) {
    // the C library speaks English here; the Dutch message keeps its words
    std::string text = std::strerror(error);
    return Text(text, text);
}

std::optional<std::string> find_data_root(const std::optional<std::string>& option, const char* env,
                                          const std::string& cwd) {
    std::error_code ec;
    if (option) return fs::absolute(*option, ec).lexically_normal().string();
    if (env && *env) return fs::absolute(env, ec).lexically_normal().string();
    fs::path dir = fs::path(cwd);
    for (int guard = 0; guard < 4096; ++guard) {
        if (fs::is_regular_file(dir / "wijk.yaml", ec)) return dir.string();
        if (fs::exists(dir / ".git", ec)) return std::nullopt;
        if (!dir.has_parent_path() || dir.parent_path() == dir) return std::nullopt;
        dir = dir.parent_path();
    }
    return std::nullopt;
}

std::optional<std::string> find_work_tree(const std::string& folder) {
    std::error_code ec;
    fs::path dir = fs::weakly_canonical(fs::absolute(folder, ec), ec);
    // as git does: never walk up into a folder named in GIT_CEILING_DIRECTORIES
    std::vector<fs::path> ceilings;
    if (const char* c = std::getenv("GIT_CEILING_DIRECTORIES")) {
        std::string_view list = c;
        while (!list.empty()) {
            auto colon = list.find(':');
            std::string_view one = list.substr(0, colon);
            if (!one.empty()) ceilings.push_back(fs::weakly_canonical(fs::path(std::string(one)), ec));
            if (colon == std::string_view::npos) break;
            list.remove_prefix(colon + 1);
        }
    }
    for (int guard = 0; guard < 4096; ++guard) {
        if (fs::exists(dir / ".git", ec)) return dir.string();
        if (!dir.has_parent_path() || dir.parent_path() == dir) return std::nullopt;
        dir = dir.parent_path();
        if (std::find(ceilings.begin(), ceilings.end(), dir) != ceilings.end()) return std::nullopt;
    }
    return std::nullopt;
}

ReadResult read_regular_file(const std::string& path, std::string& out) {
    return read_regular_file_at(AT_FDCWD, path, out);
}

namespace {

// Reads the open file `fd` (closed here) when it is a regular file of at most max_file_bytes.
ReadResult read_open_file(int fd, std::string& out) {
    ReadResult r;
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        r.status = ReadResult::Status::error;
        r.why = Text("not a regular file", "geen gewoon bestand");
        ::close(fd);
        return r;
    }
    if (static_cast<std::size_t>(st.st_size) > max_file_bytes) {
        r.status = ReadResult::Status::too_large;
        ::close(fd);
        return r;
    }
    out.resize(static_cast<std::size_t>(st.st_size));
    std::size_t got = 0;
    while (got < out.size()) {
        ssize_t n = ::read(fd, out.data() + got, out.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            r.status = ReadResult::Status::error;
            r.why = system_error_text(errno);
            ::close(fd);
            out.clear();
            return r;
        }
        if (n == 0) break;
        got += std::size_t(n);
    }
    out.resize(got);
    ::close(fd);
    return r;
}

ReadResult open_failed(int error) {
    ReadResult r;
    r.status = error == ENOENT ? ReadResult::Status::missing : ReadResult::Status::error;
    r.why = system_error_text(error);
    return r;
}

constexpr int read_flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOFOLLOW;

}  // namespace

ReadResult read_regular_file_at(int dir, const std::string& path, std::string& out) {
    out.clear();
    int fd = ::openat(dir, path.c_str(), read_flags);
    if (fd < 0) return open_failed(errno);
    return read_open_file(fd, out);
}

namespace {

std::string real_path(const std::string& path) {
    char buf[PATH_MAX];
    if (::realpath(path.c_str(), buf)) return buf;
    return {};
}

// Lists one folder at a time, so that an unreadable folder is reported and the others are
// still read. Links to folders are not followed (no loops); links to files are checked by the
// caller.
struct Walk {
    const fs::path& root;
    const std::vector<std::string>& exclude;
    Listing& out;
    std::vector<std::pair<std::string, bool>> files;  // (rel, is a link)

    void folder(const fs::path& dir, int depth) {
        std::error_code ec;
        std::string dir_rel = dir == root ? "." : dir.lexically_relative(root).generic_string();
        if (depth > 256) {
            out.problems.push_back({dir_rel, Text("folders nested too deeply", "mappen te diep genest")});
            return;
        }
        fs::directory_iterator it(dir, ec), end;
        if (ec) {
            out.problems.push_back({dir_rel, Text(ec.message(), ec.message())});
            return;
        }
        std::vector<fs::path> folders;
        for (; it != end; it.increment(ec)) {
            const fs::directory_entry& e = *it;
            std::string name = e.path().filename().string();
            if (name.empty() || name[0] == '.') continue;  // hidden: never looked at
            std::string rel = e.path().lexically_relative(root).generic_string();
            std::error_code sec;
            bool link = e.is_symlink(sec);
            if (!link && e.is_directory(sec)) {
                if (!is_excluded(rel, exclude)) folders.push_back(e.path());
                continue;
            }
            if (link && fs::is_directory(e.path(), sec)) continue;  // links to folders: not followed
            if (is_excluded(rel, exclude)) continue;
            files.emplace_back(std::move(rel), link);
        }
        if (ec) out.problems.push_back({dir_rel, Text(ec.message(), ec.message())});
        for (const auto& f : folders) folder(f, depth + 1);
    }
};

}  // namespace

DiskSource::DiskSource(std::string root) : root_(std::move(root)), real_root_(real_path(root_)) {
    root_fd_ = ::open(root_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
}

DiskSource::~DiskSource() {
    if (root_fd_ >= 0) ::close(root_fd_);
}

std::optional<std::string> DiskSource::inside(std::string_view rel) const {
    std::string norm;
    if (real_root_.empty() || !normalise_relative(rel, norm)) return std::nullopt;
    std::string real = real_path(root_ + "/" + norm);
    if (real.empty()) return std::nullopt;
    if (real == real_root_) return std::nullopt;
    if (real.compare(0, real_root_.size(), real_root_) != 0 || real[real_root_.size()] != '/') return std::nullopt;
    if (is_hidden(std::string_view(real).substr(real_root_.size() + 1))) return std::nullopt;
    return real;
}

Listing DiskSource::list(const std::vector<std::string>& exclude) const {
    Listing out;
    fs::path root(root_);
    Walk walk{root, exclude, out, {}};
    walk.folder(root, 0);
    std::sort(walk.files.begin(), walk.files.end());  // byte order
    for (auto& [rel, link] : walk.files) {
        switch (classify(rel)) {
            case PathKind::data:
                if (link && !inside(rel)) {
                    // a link to a file elsewhere (or a dangling one): never read or shown
                    std::error_code ec;
                    if (fs::exists(root / rel, ec)) out.links_outside.push_back(rel);
                    else out.files.push_back(rel);  // dangling: reading it says so
                } else {
                    out.files.push_back(rel);
                }
                break;
            case PathKind::lookalike: out.lookalikes.push_back(rel); break;
            case PathKind::other: break;
        }
    }
    return out;
}

ReadResult DiskSource::read(std::string_view path, std::string& out) const {
    out.clear();
    std::string norm;
    ReadResult r;
    if (!normalise_relative(path, norm)) {
        r.status = ReadResult::Status::link_outside;
        return r;
    }
    // One open that does not follow a final link: a regular file is read at once; a link
    // (ELOOP) is followed only when it leads to a file inside the root.
    const std::string full = root_ + "/" + norm;
    int fd = root_fd_ >= 0 ? ::openat(root_fd_, norm.c_str(), read_flags) : ::open(full.c_str(), read_flags);
    if (fd >= 0) return read_open_file(fd, out);
    const int error = errno;
    struct stat st {};
    if (error != ELOOP || ::lstat(full.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return open_failed(error);
    auto real = inside(norm);
    if (!real) {
        std::error_code ec;
        if (!fs::exists(full, ec)) {
            r.status = ReadResult::Status::error;
            r.why = Text("the symbolic link leads nowhere", "de symbolische koppeling wijst naar niets");
        } else {
            r.status = ReadResult::Status::link_outside;
        }
        return r;
    }
    return read_regular_file(*real, out);
}

bool DiskSource::exists(std::string_view path) const {
    auto real = inside(path);
    if (!real) return false;
    std::error_code ec;
    return fs::is_regular_file(*real, ec);
}

}  // namespace wijk
