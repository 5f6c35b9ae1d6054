// The bytes of data files: read safely (never blocking on a FIFO or device, never more than
// max_file_bytes), and read again when a problem must be shown at a line and column. Records
// keep each value's place as a 4-byte Loc (a byte offset); a Mark with line and column is
// made here, only for the few values a problem is reported at.
#pragma once

#include <cstdint>
#include <filesystem>
#include <list>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

#include "load/yaml_reader.h"
#include "model/records.h"

namespace wijk {

enum class ReadStatus { ok, error };

// Reads a regular file without blocking on FIFOs or devices. too_large: bigger than
// max_file_bytes, not read.
ReadStatus read_file(const std::filesystem::path& path, std::string& out, Text& why, bool& too_large);
// What the system says about an errno value.
Text system_error_text(int error);

class Sources {
public:
    explicit Sources(std::string root) : root_(std::move(root)) {}
    // A text loaded from memory (tests, the fuzzer): kept, since there is no file to read.
    void keep(std::uint32_t file, std::string_view bytes);
    // The line and column of `loc` in file `file`; line 0 (the file as a whole) when the file
    // cannot be read again.
    Mark mark(const Repository& repo, std::uint32_t file, Loc loc);

private:
    // A file's normalised text and its line starts, made once however many problems it has.
    // Never copied or moved once filled: `lines` views `text`.
    struct Text {
        std::string text;
        LineIndex lines;
        void fill(std::string_view bytes) {
            text = normalise_text(bytes);
            lines = LineIndex(text);
        }
    };
    const Text& text(const Repository& repo, std::uint32_t file);
    std::string root_;
    std::mutex mutex_;
    std::map<std::uint32_t, Text> kept_;
    // the last few files read again, newest first: problems come in file order
    std::list<std::pair<std::uint32_t, Text>> recent_;
};

// Where a value of a record in file `file` was written: repo.sources->mark, or line 0 when
// the repository was not loaded from text.
Mark locate(const Repository& repo, std::uint32_t file, Loc loc);

// The same for a field of a record (nested records keep their own file in `at`).
template <class R, class T>
Mark locate(const Repository& repo, const R& record, const Field<T>& field) {
    return locate(repo, record.at.file, field.at);
}

}  // namespace wijk
