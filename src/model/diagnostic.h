// A problem found in the data: what, where, which rule, and what to do about it.
#pragma once

#include <string>
#include <vector>

#include "model/i18n.h"
#include "model/mark.h"

namespace wijk {

enum class Severity { error, warning };

struct Diagnostic {
    Severity severity = Severity::error;
    std::string rule;  // stable name, e.g. "dangling-ref"
    Mark at;           // at.line == 0: the file as a whole
    Text message;      // both languages: the renderer picks one
    Text hint;         // may be empty
};

struct Diagnostics {
    std::vector<Diagnostic> items;
    bool io_error = false;  // a file or folder could not be read: exit 3

    void error(std::string rule, Mark at, Text message, Text hint = {}) {
        items.push_back({Severity::error, std::move(rule), at, std::move(message), std::move(hint)});
    }
    void warning(std::string rule, Mark at, Text message, Text hint = {}) {
        items.push_back({Severity::warning, std::move(rule), at, std::move(message), std::move(hint)});
    }
    std::size_t errors() const;
    std::size_t warnings() const;
    // Sorted by file, line, column, then as found: output never depends on load order.
    void sort();
};

}  // namespace wijk
