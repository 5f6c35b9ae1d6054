// Record by record, what differs between two states of a data repository (`wijk diff`) and
// what one commit changed in one record (`wijk log`). Pure: records come in as the YAML trees
// their files hold (load/yaml_reader.h), and changes go out field by field.
//
// Why the YAML trees and not the decoded records: a change shows the fields as the user wrote
// them (`notice: 3 months → 6 maanden`, not two equal durations), it works for data with errors
// (an unknown key or a bad date is a change like any other: diff and log report broken data as
// data), x_ keys and nested lists compare without a rule per field, and no decoding is needed.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/i18n.h"
#include "model/value.h"

namespace wijk {

// The collections in the order every output lists them.
inline constexpr std::array<std::string_view, 6> diff_collections = {
    "neighbourhoods", "liveability", "partners", "agreements", "evaluations", "strategies"};

// The keys that name a record of `collection` (load/record_places keys records by them): `id`;
// liveability's neighbourhood, year, source and code; an evaluation's agreement and year.
std::vector<std::string_view> key_fields(std::string_view collection);
// A record's key: its id; `neighbourhood/year/source/code` (source `leefbaarometer` when not
// given); `agreement/year`. "" when a record has no id.
std::string record_key(std::string_view collection, const Value& record);

// One record as written in a file.
struct WrittenRecord {
    std::string collection;
    std::string key;
    std::string file;  // relative to the data root
    Value value;       // a mapping
};

// The records of one data file's tree, in file order (entries that are not mappings, and
// top-level keys that name no collection, hold no record). The tree is moved from.
void take_records(Value&& root, std::string_view file, std::vector<WrittenRecord>& out);

struct FieldChange {
    std::string path;  // `notice`, `we_provide[2].value_per_year`
    std::optional<Value> before, after;  // absent on the side where the field is not there
};

struct RecordChange {
    enum class Kind { added, removed, changed };
    Kind kind = Kind::changed;
    std::string collection;
    std::string key;
    int occurrence = 1;  // a key written twice in one state (an error): the second is 2
    std::string file_before, file_after;  // "" on the side where the record is not
    std::vector<FieldChange> fields;      // changed: what differs
    std::optional<Value> record;          // added: as it is after; removed: as it was
    // "renamed?": the other side's record that is equal to this one but for its key
    std::string renamed;
};

// A file whose records could not be compared: its YAML could not be read on one side.
struct UnreadFile {
    std::string file;
    bool before = false;  // on which side
    Text why;
    std::uint32_t line = 0;
};

struct RecordDiff {
    std::vector<RecordChange> records;  // by collection (diff_collections), then key
    std::vector<FieldChange> settings;  // wijk.yaml
    std::vector<UnreadFile> unread;     // by file
    std::size_t files_compared = 0;     // files that differ and were read on both sides or one
    std::size_t count(RecordChange::Kind kind) const;
};

// The records of two states, each in file order. A record is matched by collection and key;
// one moved to another file is unchanged; a key not matched on the other side is an addition
// or a removal, marked `renamed` when a record on the other side equals it but for its key.
std::vector<RecordChange> diff_records(std::vector<WrittenRecord> before, std::vector<WrittenRecord> after);

// The fields in which two values differ, below `path`: mappings key by key (in the order of
// `after`, removed keys after it), sequences item by item (an item inserted or taken out is
// one change, not a change of every item after it), scalars by their text.
void diff_values(const Value& before, const Value& after, const std::string& path, std::vector<FieldChange>& out);
// Equal as data: the same keys (in any order) with the same values, the same items, the same
// scalar texts; quoting and layout do not count.
bool same_value(const Value& a, const Value& b);

// A commit as `wijk log` shows it.
struct CommitSummary {
    std::string id;        // the full id
    std::string short_id;  // its first 7 digits
    std::string author, email;
    std::string date;      // YYYY-MM-DD, as the author's clock said
    std::string time;      // ISO 8601 with the author's offset, 2026-11-26T10:00:00+01:00
    std::string subject;
    bool merge = false;
};

// One commit that changed one record.
struct RecordHistoryEntry {
    CommitSummary commit;
    RecordChange change;  // the record's change in that commit (against its first parent)
    // The record could not be read on one side (its file's YAML was broken there): which file.
    std::optional<UnreadFile> unread;
};

}  // namespace wijk
