// Rules across records: ids, references, dates and the domain rules of data-format.md.
// Each rule adds diagnostics with its stable name; none stops the others.
#pragma once

#include "model/diagnostic.h"
#include "model/records.h"

namespace wijk {

struct CheckOptions {
    Date as_of;
};

void check_repository(const Repository& repo, const CheckOptions& opt, Diagnostics& diags);

// The groups, callable alone in tests.
void check_ids(const Repository& repo, Diagnostics& diags);
void check_references(const Repository& repo, Diagnostics& diags);
void check_neighbourhoods(const Repository& repo, Diagnostics& diags);
void check_liveability(const Repository& repo, Diagnostics& diags);
void check_agreements(const Repository& repo, Diagnostics& diags);
void check_evaluations(const Repository& repo, const CheckOptions& opt, Diagnostics& diags);
void check_strategies(const Repository& repo, Diagnostics& diags);

}  // namespace wijk
