// Rules across records: ids, references, dates and the domain rules of data-format.md.
// Each rule adds diagnostics with its stable name; none stops the others.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"
#include "model/records.h"

namespace wijk {

struct CheckOptions {
    Date as_of;
    // Files whose records could not be read: a reference to an id that may stand in one of them
    // is not reported as dangling (one note says so instead of a error per reference).
    std::vector<std::uint32_t> unread_files;
    // Is there a file at this path, relative to the data root (for `document:`)? Unset: not looked up.
    std::function<bool(std::string_view)> document_exists;
};

void check_repository(const Repository& repo, const CheckOptions& opt, Diagnostics& diags);

// The groups, callable alone in tests.
void check_ids(const Repository& repo, Diagnostics& diags);
void check_references(const Repository& repo, Diagnostics& diags, const std::vector<std::uint32_t>& unread_files = {});
void check_neighbourhoods(const Repository& repo, Diagnostics& diags);
void check_liveability(const Repository& repo, Diagnostics& diags);
void check_agreements(const Repository& repo, const CheckOptions& opt, Diagnostics& diags);
void check_evaluations(const Repository& repo, const CheckOptions& opt, Diagnostics& diags);
void check_strategies(const Repository& repo, Diagnostics& diags);

}  // namespace wijk
