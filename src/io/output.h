// Writing what wijk produces: to stdout, or to a file atomically (temporary file beside it,
// fsync, rename), or in place when the target is a device, a pipe or /dev/stdout.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace wijk {

struct WriteResult {
    bool ok = true;
    std::string error;  // what went wrong, for the user
};

WriteResult write_stdout(std::string_view content);
WriteResult write_file(const std::string& path, std::string_view content);

// write_file for output made piece by piece, so that a large report is never held whole:
// the pieces go to a temporary file beside the target (or straight to a device, a pipe or a
// standard stream), and finish() renames it over the target. Not finished (an error, or
// destroyed early): the target stays as it was and the temporary file is removed.
class OutputFile {
public:
    explicit OutputFile(const std::string& path);
    struct StandardOutput {};
    explicit OutputFile(StandardOutput);  // stdout; errors say "standard output"
    ~OutputFile();
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;
    void write(std::string_view content);  // after an error: ignored, reported by finish()
    WriteResult finish();

private:
    std::string name_;   // the target (a symbolic link resolved)
    std::string temp_;   // the temporary file, until renamed
    std::string error_;  // the first error
    int fd_ = -1;
    bool owned_ = false;  // fd_ is ours to close (not a standard stream)
    unsigned mode_ = 0644;
};
// Like write_file, but refuses (ok=false, exists=true) when the target exists.
WriteResult write_new_file(const std::string& path, std::string_view content, bool& exists);

// The format named by a file's extension (".json" -> "json", ".md" -> "markdown", ...).
std::optional<std::string> format_from_extension(const std::string& path);

}  // namespace wijk
