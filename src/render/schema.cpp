#include "render/schema.h"

#include <map>
#include <string_view>
#include <vector>

#include "model/key_table.h"
#include "model/enums.h"
#include "render/json.h"

namespace wijk {

namespace {

// The written forms the loader accepts (load/reader.cpp, model/calendar.cpp, model/money.cpp).
// YAML gives a quoted scalar as a string, so numeric kinds also accept their text form.
constexpr std::string_view id_pattern = "^[a-z0-9][a-z0-9-]{0,63}$";
constexpr std::string_view date_pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
constexpr std::string_view year_pattern = "^[1-9][0-9]{3}$";
constexpr std::string_view integer_pattern = "^[-+]?(0|[1-9][0-9]*)$";
constexpr std::string_view number_pattern = "^[-+]?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?$";
constexpr std::string_view money_pattern = "^\\+?[0-9]{1,13}(\\.[0-9]{1,2})?$";
constexpr std::string_view percent_pattern = "^(0|[1-9][0-9]*)(\\.[0-9]+)?$";
constexpr std::string_view month_day_pattern = "^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";
constexpr std::string_view duration_pattern =
    "^[0-9]{1,6}( (days?|weeks?|months?|years?|dag|dagen|weken|maand|maanden|jaar|jaren)|[dwmy])$";

constexpr std::string_view x_pattern = "^x_";

bool bounded(double v) { return v > -1e299 && v < 1e299; }

class SchemaWriter {
public:
    explicit SchemaWriter(JsonWriter& j) : j_(j) {}

    // Every record spec reachable from `spec`, by name, for $defs.
    void collect(const RecordSpec& spec) {
        if (defs_.count(std::string(spec.name))) return;
        defs_[std::string(spec.name)] = &spec;
        for (const auto& k : spec.keys)
            if (k.record) collect(*k.record);
    }

    void write_defs() {
        j_.key("$defs").begin_object();
        for (const auto& [name, spec] : defs_) {
            j_.key(name);
            record(*spec);
        }
        j_.end_object();
    }

    void record(const RecordSpec& spec) {
        j_.begin_object();
        j_.key("type").string("object");
        j_.key("title").string(spec.name);
        j_.key("properties").begin_object();
        for (const auto& k : spec.keys) {
            j_.key(k.name);
            key(k);
        }
        j_.end_object();
        j_.key("patternProperties").begin_object().key(x_pattern).begin_object().end_object().end_object();
        j_.key("additionalProperties").boolean(false);
        std::vector<std::string_view> required;
        for (const auto& k : spec.keys)
            if (k.required) required.push_back(k.name);
        if (!required.empty()) {
            j_.key("required").begin_array();
            for (auto r : required) j_.string(r);
            j_.end_array();
        }
        if (&spec == &provision_spec()) provision_kinds();
        j_.end_object();
    }

private:
    // A provision's kind-specific keys belong to that kind only (load/decode.cpp says so too).
    void provision_kinds() {
        j_.key("allOf").begin_array();
        for (auto kind : provision_kind_names) {
            auto own = provision_keys_for(kind);
            std::vector<std::string_view> foreign;
            for (auto other : provision_kind_names)
                for (auto k : provision_keys_for(other)) {
                    bool mine = false;
                    for (auto o : own) mine = mine || o == k;
                    bool seen = false;
                    for (auto f : foreign) seen = seen || f == k;
                    if (!mine && !seen) foreign.push_back(k);
                }
            j_.begin_object();
            j_.key("if").begin_object();
            j_.key("properties").begin_object().key("kind").begin_object().key("const").string(kind).end_object().end_object();
            j_.key("required").begin_array().string("kind").end_array();
            j_.end_object();
            j_.key("then").begin_object().key("properties").begin_object();
            for (auto f : foreign) j_.key(f).boolean(false);
            j_.end_object().end_object();
            j_.end_object();
        }
        j_.end_array();
    }

    void types(std::initializer_list<std::string_view> names, bool nullable) {
        j_.key("type").begin_array();
        for (auto n : names) j_.string(n);
        if (nullable) j_.string("null");
        j_.end_array();
    }

    void pattern(std::string_view p) { j_.key("pattern").string(p); }

    void range(const KeySpec& k) {
        if (bounded(k.min)) j_.key("minimum").number(k.min);
        if (bounded(k.max)) j_.key("maximum").number(k.max);
    }

    void enumeration(std::span<const std::string_view> values, bool nullable) {
        j_.key("enum").begin_array();
        for (auto v : values) {
            j_.string(v);
            // `lease: 290` unquoted is a number to YAML, and the loader takes it as written
            bool digits = !v.empty();
            for (char c : v) digits = digits && c >= '0' && c <= '9';
            if (digits) j_.raw(v);
        }
        if (nullable) j_.null();
        j_.end_array();
    }

    void ref(const RecordSpec& spec) {
        j_.key("$ref").string("#/$defs/" + std::string(spec.name));
    }

    // A scalar kind's schema body (inside an object already begun).
    void scalar(KeyKind kind, const KeySpec& k, bool nullable) {
        switch (kind) {
            case KeyKind::text:
                types({"string", "number", "boolean"}, nullable);
                break;
            case KeyKind::id:
            case KeyKind::ref:
                types({"string"}, nullable);
                pattern(id_pattern);
                break;
            case KeyKind::date:
                types({"string"}, nullable);
                pattern(date_pattern);
                break;
            case KeyKind::year:
                types({"integer", "string"}, nullable);
                pattern(year_pattern);
                j_.key("minimum").integer(1900);
                j_.key("maximum").integer(2200);
                break;
            case KeyKind::integer:
                types({"integer", "string"}, nullable);
                pattern(integer_pattern);
                range(k);
                break;
            case KeyKind::number:
                types({"number", "string"}, nullable);
                pattern(number_pattern);
                range(k);
                break;
            case KeyKind::boolean:
                types({"boolean"}, nullable);
                break;
            case KeyKind::duration:
                types({"string"}, nullable);
                pattern(duration_pattern);
                break;
            case KeyKind::money:
                types({"number", "string"}, nullable);
                pattern(money_pattern);
                j_.key("minimum").integer(0);
                break;
            case KeyKind::percent:
                types({"number", "string"}, nullable);
                pattern(percent_pattern);
                j_.key("minimum").integer(0);
                j_.key("maximum").integer(100);
                break;
            case KeyKind::month_day:
                types({"string"}, nullable);
                pattern(month_day_pattern);
                break;
            case KeyKind::enumeration:
                enumeration(k.values, nullable);
                break;
            case KeyKind::achieved:
                types({"number", "boolean"}, nullable);
                break;
            default:
                break;
        }
    }

    void key(const KeySpec& k) {
        bool nullable = !k.required;
        j_.begin_object();
        if (!k.description.empty()) j_.key("description").string(k.description);
        switch (k.kind) {
            case KeyKind::text_list:
            case KeyKind::ref_list:
            case KeyKind::enum_list:
            case KeyKind::glob_list: {
                types({"array"}, nullable);
                if (k.required) j_.key("minItems").integer(1);
                j_.key("items").begin_object();
                KeyKind item = k.kind == KeyKind::ref_list    ? KeyKind::id
                               : k.kind == KeyKind::enum_list ? KeyKind::enumeration
                               : k.kind == KeyKind::glob_list ? KeyKind::text
                                                              : KeyKind::text;
                if (k.kind == KeyKind::glob_list) types({"string"}, false);
                else scalar(item, k, false);
                j_.end_object();
                break;
            }
            case KeyKind::record_list:
                types({"array"}, nullable);
                if (k.required) j_.key("minItems").integer(1);
                j_.key("items").begin_object();
                ref(*k.record);
                j_.end_object();
                break;
            case KeyKind::record:
                if (nullable) {
                    j_.key("anyOf").begin_array();
                    j_.begin_object();
                    ref(*k.record);
                    j_.end_object();
                    j_.begin_object().key("type").string("null").end_object();
                    j_.end_array();
                } else {
                    ref(*k.record);
                }
                break;
            case KeyKind::number_map:
                types({"object"}, nullable);
                j_.key("additionalProperties").begin_object();
                scalar(KeyKind::number, k, false);
                j_.end_object();
                break;
            case KeyKind::horizon: {
                // one duration, or one per reminder kind with a default
                j_.key("anyOf").begin_array();
                j_.begin_object();
                scalar(KeyKind::duration, k, nullable);
                j_.end_object();
                j_.begin_object();
                j_.key("type").string("object");
                j_.key("properties").begin_object();
                j_.key("default").begin_object();
                scalar(KeyKind::duration, k, true);
                j_.end_object();
                for (auto kind : reminder_kind_names) {
                    j_.key(kind).begin_object();
                    scalar(KeyKind::duration, k, true);
                    j_.end_object();
                }
                j_.end_object();
                j_.key("additionalProperties").boolean(false);
                j_.end_object();
                j_.end_array();
                break;
            }
            default:
                scalar(k.kind, k, nullable);
        }
        j_.end_object();
    }

    JsonWriter& j_;
    std::map<std::string, const RecordSpec*> defs_;
};

void header(JsonWriter& j, std::string_view id, std::string_view title, std::string_view description) {
    j.key("$schema").string("https://json-schema.org/draft/2020-12/schema");
    j.key("$id").string(id);
    j.key("title").string(title);
    j.key("description").string(description);
}

}  // namespace

std::string data_file_schema() {
    JsonWriter j;
    SchemaWriter s(j);
    for (auto c : collection_names) s.collect(collection_spec(c));
    j.begin_object();
    header(j, "urn:wijk:schema:data:1", "wijk data file (format 1)",
           "A data file of a wijk repository: any of the collections neighbourhoods, liveability, "
           "partners, agreements, evaluations and strategies. Generated by `wijk schema`; "
           "`wijk validate` checks more (references, dates, domain rules).");
    j.key("type").begin_array().string("object").string("null").end_array();
    j.key("properties").begin_object();
    for (auto c : collection_names) {
        j.key(c).begin_object();
        j.key("type").begin_array().string("array").string("null").end_array();
        j.key("items").begin_object().key("$ref").string("#/$defs/" + std::string(collection_spec(c).name)).end_object();
        j.end_object();
    }
    j.end_object();
    j.key("additionalProperties").boolean(false);
    s.write_defs();
    j.end_object();
    return j.take();
}

std::string config_schema() {
    JsonWriter j;
    SchemaWriter s(j);
    const RecordSpec& config = config_spec();
    s.collect(config);
    j.begin_object();
    header(j, "urn:wijk:schema:config:1", "wijk.yaml (format 1)",
           "The settings file at the root of a wijk data repository. Generated by `wijk schema --config`.");
    // an empty wijk.yaml is allowed
    j.key("anyOf").begin_array();
    j.begin_object().key("$ref").string("#/$defs/" + std::string(config.name)).end_object();
    j.begin_object().key("type").string("null").end_object();
    j.end_array();
    s.write_defs();
    j.end_object();
    return j.take();
}

}  // namespace wijk
