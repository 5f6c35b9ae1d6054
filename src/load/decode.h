// Value tree -> records: shape and type errors (unknown key, wrong type, missing key,
// invalid values) with their marks. Rules across records live in check/.
#pragma once

#include <string_view>

#include "model/diagnostic.h"
#include "model/records.h"
#include "model/value.h"

namespace wijk {

// Adds the records of one data file to `repo`.
// One record of a known collection (neighbourhoods, liveability, ...), appended to its
// collection in `repo`; false when `collection` is not one (left to decode_data_file).
bool decode_record(std::string_view collection, const Value& record, RecordSet& out, TextPool& texts,
                   Diagnostics& diags);

// A whole file's tree; records already taken by decode_record (Value::Type::decoded) are skipped.
void decode_data_file(const Value& root, RecordSet& out, TextPool& texts, Diagnostics& diags);
// Reads wijk.yaml (file index 0).
void decode_config(const Value& root, Config& config, TextPool& texts, Diagnostics& diags);

}  // namespace wijk
