// Writing a workbook through the usual output rules (-o FILE atomically, or stdout): the
// workbook is made in an unnamed temporary file (libxlsxwriter writes files, not streams) and
// then written like any other output. A workbook is binary: never written to a terminal.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "cli/context.h"

namespace wijk {

// `write` makes the workbook at the path it is given and returns an error text (empty: done).
// Returns the exit status: 0, 2 (stdout is a terminal), 3 (it could not be written).
int emit_workbook(const Context& cx, const std::optional<std::string>& output,
                  const std::function<std::string(const std::string& path)>& write);

}  // namespace wijk
