// Writing what wijk produces: to stdout, or to a file atomically (temporary file beside it,
// fsync, rename), or in place when the target is a device, a pipe or /dev/stdout.
//
// What a write never does: write through a symbolic link into a regular file (the link is
// replaced by the new file, as rsync does; a link to a device or a pipe is written in place),
// replace a file the user may not write, or leave its temporary file behind, not even when
// wijk is ended by SIGINT, SIGTERM or SIGHUP (a handler removes it; the exit status is then
// 128 + the signal). Refusing to replace a data file of a repository is the caller's: the
// rules of what is data are load/'s.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace wijk {

struct WriteResult {
    bool ok = true;
    std::string error;  // what went wrong, for the user: "PATH: reason"
    int errnum = 0;     // the errno behind it (EPIPE: a closed pipe, which ends quietly)
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
    void open(const std::string& path);  // picks how to write the target
    void fail(int errnum);
    void open_in_place(const std::string& path);
    void open_temporary(const std::string& path, unsigned mode);

    std::string name_;   // the target as given (for messages)
    std::string error_;  // the first error
    int errnum_ = 0;
    int fd_ = -1;
    bool owned_ = false;  // fd_ is ours to close (not a standard stream)
    int temp_slot_ = -1;  // the temporary file (see output.cpp), until renamed
    unsigned mode_ = 0644;
    long long owner_ = -1, group_ = -1;  // of the file replaced, kept where allowed
};

// Like write_file, but refuses (ok=false, exists=true) when the target exists, even as a
// dangling symbolic link; a file that appears meanwhile is never replaced (link(2)).
WriteResult write_new_file(const std::string& path, std::string_view content, bool& exists);

}  // namespace wijk
