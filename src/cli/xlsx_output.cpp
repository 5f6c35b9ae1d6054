#include "cli/xlsx_output.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "model/i18n.h"

namespace wijk {

namespace {

// A folder of our own under TMPDIR (mode 0700), removed with everything in it.
struct PrivateFolder {
    std::string path;
    PrivateFolder() {
        const char* base = std::getenv("TMPDIR");
        std::string pattern = std::string(base && *base ? base : "/tmp") + "/wijk-xlsx-XXXXXX";
        if (::mkdtemp(pattern.data())) path = pattern;
    }
    ~PrivateFolder() {
        if (path.empty()) return;
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
};

}  // namespace

int emit_workbook(const Context& cx, const std::optional<std::string>& output,
                  const std::function<std::string(const std::string& path)>& write) {
    const bool to_stdout = !output || *output == "-";
    if (to_stdout && ::isatty(STDOUT_FILENO)) {
        print_error(msg("an xlsx workbook is binary and is not written to a terminal: use -o FILE.xlsx or redirect "
                        "standard output (> FILE.xlsx)",
                        "een xlsx-werkmap is binair en wordt niet naar een terminal geschreven: gebruik -o BESTAND.xlsx "
                        "of stuur de uitvoer naar een bestand (> BESTAND.xlsx)"));
        return exit_code::usage;
    }
    PrivateFolder folder;
    if (folder.path.empty()) {
        print_error(msg("cannot make a temporary folder for the workbook: {}", "kan geen tijdelijke map voor de werkmap maken: {}",
                        std::strerror(errno)));
        return exit_code::io;
    }
    const std::string path = folder.path + "/workbook.xlsx";
    std::string error = write(path);
    if (!error.empty()) {
        print_error(msg("cannot write the workbook: {}", "kan de werkmap niet schrijven: {}", error));
        return exit_code::io;
    }
    // Read whole before anything is written: a read that failed half-way must not leave half a
    // workbook at the target. Compressed, a workbook is a few megabytes even at scale.
    std::string content;
    {
        std::FILE* f = std::fopen(path.c_str(), "rb");
        bool ok = f != nullptr;
        char buffer[1 << 16];
        while (ok) {
            std::size_t n = std::fread(buffer, 1, sizeof buffer, f);
            content.append(buffer, n);
            if (n < sizeof buffer) {
                ok = !std::ferror(f);
                break;
            }
        }
        if (f) std::fclose(f);
        if (!ok) {
            print_error(msg("cannot read the workbook back: {}", "kan de werkmap niet teruglezen: {}", std::strerror(errno)));
            return exit_code::io;
        }
    }
    int status = cx.emit(output, content);
    return status;
}

}  // namespace wijk
