// `wijk schema`: a JSON Schema (draft 2020-12) generated from the key tables of load/schema.h,
// so that the loader and the schema editors see can never disagree about the keys.
#pragma once

#include <string>

namespace wijk {

// The schema of a data file: the six collections and their records.
std::string data_file_schema();
// The schema of wijk.yaml.
std::string config_schema();

}  // namespace wijk
