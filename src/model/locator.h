// Where a value was written, as a person reads it. Records keep each value's place as a 4-byte
// Loc (a byte offset in its file's text); the workspace that loaded them turns a Loc into a line
// and column, and shows the line around it, by reading that file's bytes again from its source
// (the disk, a git blob, an editor buffer): one way for every source. check/ and render/ see only
// this interface.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "model/mark.h"
#include "model/records.h"

namespace wijk {

// A piece of one line around a column, short enough for a terminal and a CI log.
struct Excerpt {
    std::string text;         // the line, or about 200 characters of it around the column
    std::uint32_t caret = 1;  // the column within `text`, 1-based, in characters
    bool cut_before = false, cut_after = false;  // text left out at either end
};

// Which record a place lies in, and where inside it: what a problem's GitLab fingerprint is made
// of, so that it stays the same wherever the problem's line moves.
struct RecordPlace {
    std::string record;  // "agreements:buurthuis-wildeman", "liveability:geuzenveld/2024/leefbaarometer/"; "" outside records
    std::string path;    // "we_provide[2].lease"; "" at the record itself
};

class Locator {
public:
    virtual ~Locator() = default;
    // The line and column of `loc` in file `file`; line 0 (the file as a whole) when the file
    // cannot be read again or changed since it was loaded.
    virtual Mark mark(std::uint32_t file, Loc loc) const = 0;
    // Line `mark.line` of file `mark.file` around `mark.column`; nullopt when unavailable.
    virtual std::optional<Excerpt> excerpt(const Mark& mark) const = 0;
    // The record and key path at `mark`; empty when unknown.
    virtual RecordPlace place(const Mark& mark) const = 0;
};

// Where a value of a record in file `file` was written; line 0 when nothing can locate it.
inline Mark locate(const Repository& repo, std::uint32_t file, Loc loc) {
    if (!loc || !repo.locator) return Mark{file, 0, 0};
    return repo.locator->mark(file, loc);
}

// The same for a field of a record.
template <class R, class T>
Mark locate(const Repository& repo, const R& record, const Field<T>& field) {
    return locate(repo, record.at.file, field.at);
}

}  // namespace wijk
