// validate's report in each of its formats: text, parsable, github, gitlab, json.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"
#include "model/file_list.h"
#include "model/lang.h"

namespace wijk {

enum class DiagnosticFormat { text, parsable, github, gitlab, json };

struct DiagnosticReport {
    std::string root;                 // to read source lines for excerpts
    const FileList* files = nullptr;
    bool color = false;
    bool summary_line = true;          // the closing counts (text)
    bool strict = false;               // warnings count as errors
    Lang lang = Lang::en;
};

std::string render_diagnostics(const Diagnostics& diags, DiagnosticFormat format,
                               const DiagnosticReport& report);
// "2 errors, 1 warning" in the output language.
std::string count_line(std::size_t errors, std::size_t warnings, Lang lang);

}  // namespace wijk
