// Value tree -> records: shape and type errors (unknown key, wrong type, missing key,
// invalid values) with their marks. Rules across records live in check/.
#pragma once

#include "model/diagnostic.h"
#include "model/records.h"
#include "model/value.h"

namespace wijk {

// Adds the records of one data file to `repo`.
void decode_data_file(const Value& root, std::uint32_t file, Repository& repo, Diagnostics& diags);
// Reads wijk.yaml (file index 0).
void decode_config(const Value& root, Config& config, Diagnostics& diags);

}  // namespace wijk
