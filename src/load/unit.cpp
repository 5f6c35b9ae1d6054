#include "load/unit.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

#include <algorithm>

#include "load/decode.h"
#include "load/yaml_reader.h"

namespace wijk {

std::uint64_t content_hash(std::string_view bytes) { return XXH3_64bits(bytes.data(), bytes.size()); }

FileUnit parse_data_unit(std::string_view bytes, std::uint32_t file, TextPool& texts) {
    FileUnit unit;
    unit.hash = content_hash(bytes);
    unit.file = file;
    Diagnostics decoded;
    RecordSink sink = [&](std::string_view key, const Value& record) {
        return decode_record(key, record, unit.records, texts, decoded);
    };
    if (auto root = read_yaml(bytes, file, unit.diags, &sink)) {
        decode_data_file(*root, unit.records, texts, decoded);
        unit.diags.items.insert(unit.diags.items.end(), std::make_move_iterator(decoded.items.begin()),
                                std::make_move_iterator(decoded.items.end()));
    } else {
        unit.records = RecordSet{};
        unit.dropped = unit.diags.errors() > 0;
    }
    return unit;
}

void parse_config(std::string_view bytes, Config& config, TextPool& texts, Diagnostics& diags) {
    config = Config{};
    if (auto v = read_yaml(bytes, 0, diags)) decode_config(*v, config, texts, diags);
    config.present = true;
    // an empty wijk.yaml is fine: all keys are optional
    std::erase_if(diags.items, [](const Diagnostic& d) { return d.rule == "empty-file" && d.at.file == 0; });
}

std::vector<std::string> exclude_globs_of_config(std::string_view bytes) {
    TextPool pool;
    Config config;
    Diagnostics ignored;
    parse_config(bytes, config, pool, ignored);
    return config.exclude_globs();
}

namespace {

// (the marks inside users' own x_ values are never shown: they are carried as written)
template <class R>
void set_record_file(R& r, std::uint32_t file) {
    r.at.file = file;
}

}  // namespace

void set_file(FileUnit& unit, std::uint32_t file) {
    if (unit.file == file) return;
    unit.file = file;
    RecordSet& rs = unit.records;
    for (auto& r : rs.neighbourhoods) set_record_file(r, file);
    for (auto& r : rs.liveability) set_record_file(r, file);
    for (auto& r : rs.partners) set_record_file(r, file);
    for (auto& r : rs.agreements) {
        set_record_file(r, file);
        if (r.terminated) r.terminated->at.file = file;
        for (auto& p : r.we_provide) p.at.file = file;
    }
    for (auto& r : rs.evaluations) set_record_file(r, file);
    for (auto& r : rs.strategies) set_record_file(r, file);
    for (auto& d : unit.diags.items) d.at.file = file;
}

}  // namespace wijk
