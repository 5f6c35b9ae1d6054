#include "load/sources.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/i18n.h"

namespace fs = std::filesystem;

namespace wijk {

Text system_error_text(int error) {
    // the C library speaks English here; the Dutch message keeps its words
    std::string text = std::strerror(error);
    return Text(text, text);
}

ReadStatus read_file(const fs::path& path, std::string& out, Text& why, bool& too_large) {
    too_large = false;
    int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        why = system_error_text(errno);
        return ReadStatus::error;
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        why = Text("not a regular file", "geen gewoon bestand");
        ::close(fd);
        return ReadStatus::error;
    }
    if (static_cast<std::size_t>(st.st_size) > max_file_bytes) {
        too_large = true;
        ::close(fd);
        return ReadStatus::ok;
    }
    out.resize(static_cast<std::size_t>(st.st_size));
    std::size_t got = 0;
    while (got < out.size()) {
        ssize_t n = ::read(fd, out.data() + got, out.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            why = system_error_text(errno);
            ::close(fd);
            return ReadStatus::error;
        }
        if (n == 0) break;
        got += std::size_t(n);
    }
    out.resize(got);
    ::close(fd);
    return ReadStatus::ok;
}

void Sources::keep(std::uint32_t file, std::string_view bytes) {
    std::lock_guard<std::mutex> lock(mutex_);
    kept_[file].fill(bytes);
}

const Sources::Text& Sources::text(const Repository& repo, std::uint32_t file) {
    if (auto it = kept_.find(file); it != kept_.end()) return it->second;
    for (auto it = recent_.begin(); it != recent_.end(); ++it)
        if (it->first == file) {
            recent_.splice(recent_.begin(), recent_, it);
            return recent_.front().second;
        }
    std::string bytes;
    wijk::Text why;
    bool too_large = false;
    if (file >= repo.files.size() ||
        read_file(fs::path(root_) / repo.files[file], bytes, why, too_large) != ReadStatus::ok || too_large)
        bytes.clear();
    recent_.emplace_front();
    recent_.front().first = file;
    recent_.front().second.fill(bytes);
    if (recent_.size() > 8) recent_.pop_back();
    return recent_.front().second;
}

Mark Sources::mark(const Repository& repo, std::uint32_t file, Loc loc) {
    if (!loc) return Mark{file, 0, 0};
    std::lock_guard<std::mutex> lock(mutex_);
    return text(repo, file).lines.at(file, loc);
}

Mark locate(const Repository& repo, std::uint32_t file, Loc loc) {
    if (!repo.sources) return Mark{file, 0, 0};
    return repo.sources->mark(repo, file, loc);
}

}  // namespace wijk
