// The table of keys of every record: what the loader accepts, what `wijk schema` prints and
// what the language server completes.
// One source of truth for all three.
#pragma once

#include <span>
#include <string_view>
#include <vector>

namespace wijk {

enum class KeyKind {
    text, id, ref, date, year, integer, number, boolean, duration, money, percent, month_day,
    enumeration, text_list, ref_list, enum_list, record_list, record, number_map, horizon, glob_list,
    achieved
};

struct RecordSpec;

struct KeySpec {
    std::string_view name;
    KeyKind kind;
    bool required = false;
    std::string_view target = {};                 // ref: the collection; record: spec name
    std::span<const std::string_view> values = {};  // enumeration, enum_list
    const RecordSpec* record = nullptr;           // record, record_list
    double min = -1e300, max = 1e300;             // integer, number
    std::string_view description = {};
};

struct RecordSpec {
    std::string_view name;
    std::vector<KeySpec> keys;
    const KeySpec* find(std::string_view key) const;
    std::vector<std::string_view> names() const;
};

const RecordSpec& neighbourhood_spec();
const RecordSpec& approach_spec();
const RecordSpec& liveability_spec();
const RecordSpec& dimensions_spec();
const RecordSpec& partner_spec();
const RecordSpec& contact_spec();
const RecordSpec& agreement_spec();
const RecordSpec& termination_spec();
const RecordSpec& provision_spec();
const RecordSpec& commitment_spec();
const RecordSpec& evaluation_spec();
const RecordSpec& result_spec();
const RecordSpec& strategy_spec();
const RecordSpec& config_spec();
const RecordSpec& staff_spec();

// The top-level keys of a data file, in the order of the data format.
inline constexpr std::string_view collection_names[] = {
    "neighbourhoods", "liveability", "partners", "agreements", "evaluations", "strategies"};
const RecordSpec& collection_spec(std::string_view collection);

// Keys of a provision that belong to one kind only (the rest are common to all kinds).
std::span<const std::string_view> provision_keys_for(std::string_view kind);

}  // namespace wijk
