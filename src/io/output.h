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
// Like write_file, but refuses (ok=false, exists=true) when the target exists.
WriteResult write_new_file(const std::string& path, std::string_view content, bool& exists);

// The format named by a file's extension (".json" -> "json", ".md" -> "markdown", ...).
std::optional<std::string> format_from_extension(const std::string& path);

}  // namespace wijk
