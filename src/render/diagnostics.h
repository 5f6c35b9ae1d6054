// validate's report in each of its formats: text, parsable, github, gitlab, json.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"
#include "model/file_list.h"
#include "model/lang.h"
#include "model/locator.h"
#include "model/records.h"

namespace wijk {

enum class DiagnosticFormat { text, parsable, github, gitlab, json };

struct DiagnosticReport {
    const FileList* files = nullptr;
    const Locator* locator = nullptr;     // source lines for excerpts, records for fingerprints
    // The data root relative to the root of the git work tree that holds it ("data/"; "" when it
    // is that root or in none): paths in the CI formats attach to the files of a pull request.
    std::string work_tree_prefix;
    const RecordCounts* counts = nullptr;  // what was read (the closing line, JSON)
    bool color = false;
    bool summary_line = true;  // the closing counts (text)
    bool strict = false;       // warnings count as errors
    Lang lang = Lang::en;
};

std::string render_diagnostics(const Diagnostics& diags, DiagnosticFormat format, const DiagnosticReport& report);
// "2 errors, 1 warning" in the output language.
std::string count_line(std::size_t errors, std::size_t warnings, Lang lang);
// "17 files read: 9 neighbourhoods, 27 liveability records, ..." in the output language.
std::string read_line(const RecordCounts& counts, Lang lang);

}  // namespace wijk
