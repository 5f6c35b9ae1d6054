#include "cli/common/xlsx_output.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "model/i18n.h"

namespace wijk {

namespace {

// The workbook's file: made and at once unlinked under TMPDIR, so that nothing of it can stay
// behind, whatever ends wijk (a signal included); libxlsxwriter writes it through its
// /proc/self/fd name, and it is read back through the descriptor.
struct UnnamedFile {
    int fd = -1;
    std::string path;  // /proc/self/fd/N
    UnnamedFile() {
        const char* base = std::getenv("TMPDIR");
        std::string name = std::string(base && *base ? base : "/tmp") + "/wijk-xlsx-XXXXXX";
        fd = ::mkstemp(name.data());
        if (fd < 0) return;
        ::unlink(name.c_str());
        path = "/proc/self/fd/" + std::to_string(fd);
        if (::access(path.c_str(), W_OK) != 0) {  // no /proc: nowhere to write it unnamed
            ::close(fd);
            fd = -1;
        }
    }
    ~UnnamedFile() {
        if (fd >= 0) ::close(fd);
    }
};

}  // namespace

int emit_workbook(const Context& cx, const std::optional<std::string>& output,
                  const std::function<std::string(const std::string& path)>& write) {
    const bool to_stdout = !output || *output == "-";
    if (to_stdout && ::isatty(STDOUT_FILENO)) {
        print_error(msg(cx.lang(), "an xlsx workbook is binary and is not written to a terminal: use -o FILE.xlsx or redirect "
                        "standard output (> FILE.xlsx)",
                        "een xlsx-werkmap is binair en wordt niet naar een terminal geschreven: gebruik -o BESTAND.xlsx "
                        "of stuur de uitvoer naar een bestand (> BESTAND.xlsx)"));
        return exit_code::usage;
    }
    UnnamedFile file;
    if (file.fd < 0) {
        print_error(msg(cx.lang(), "cannot make a temporary file for the workbook: {}", "kan geen tijdelijk bestand voor de werkmap maken: {}",
                        std::strerror(errno)));
        return exit_code::io;
    }
    std::string error = write(file.path);
    if (!error.empty()) {
        print_error(msg(cx.lang(), "cannot write the workbook: {}", "kan de werkmap niet schrijven: {}", error));
        return exit_code::io;
    }
    // Read whole before anything is written: a read that failed half-way must not leave half a
    // workbook at the target. Compressed, a workbook is a few megabytes even at scale.
    std::string content;
    char buffer[1 << 16];
    for (off_t at = 0;;) {
        ssize_t n = ::pread(file.fd, buffer, sizeof buffer, at);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            print_error(msg(cx.lang(), "cannot read the workbook back: {}", "kan de werkmap niet teruglezen: {}", std::strerror(errno)));
            return exit_code::io;
        }
        if (n == 0) break;
        content.append(buffer, std::size_t(n));
        at += n;
    }
    int status = cx.emit(output, content);
    return status;
}

}  // namespace wijk
