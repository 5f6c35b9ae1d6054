#include <doctest/doctest.h>

#include <string>

#include "model/key_table.h"
#include "render/schema.h"

using namespace wijk;

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Brackets balance outside strings, and no value is followed by a stray comma: a cheap
// well-formedness check (tests/scripts/schema_ajv.sh runs a real validator).
bool balanced(const std::string& s) {
    int depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
            continue;
        }
        if (c == '"') in_string = true;
        else if (c == '{' || c == '[') ++depth;
        else if (c == '}' || c == ']') --depth;
        if (depth < 0) return false;
    }
    return depth == 0 && !in_string && !has(s, ",\n}") && !has(s, ",\n]");
}

// Every key of `spec` (and of the records below it) is a property in the schema.
void check_keys(const std::string& schema, const RecordSpec& spec) {
    CHECK_MESSAGE(has(schema, "\"" + std::string(spec.name) + "\": {\n      \"type\": \"object\""), spec.name);
    for (const auto& k : spec.keys) {
        CHECK_MESSAGE(has(schema, "\"" + std::string(k.name) + "\": {"), spec.name, ".", k.name);
        if (k.record) {
            CHECK(has(schema, "\"$ref\": \"#/$defs/" + std::string(k.record->name) + "\""));
            check_keys(schema, *k.record);
        }
    }
}

}  // namespace

TEST_CASE("schema of data files: draft 2020-12, every collection and key from the key tables") {
    std::string s = data_file_schema();
    CHECK(balanced(s));
    CHECK(has(s, "\"$schema\": \"https://json-schema.org/draft/2020-12/schema\""));
    for (auto c : collection_names) {
        CHECK(has(s, "\"" + std::string(c) + "\": {"));
        check_keys(s, collection_spec(c));
    }
    // unknown keys are errors, users' own x_ keys are not
    CHECK(has(s, "\"additionalProperties\": false"));
    CHECK(has(s, "\"^x_\": {}"));
    CHECK_FALSE(has(s, "horizon"));  // wijk.yaml only
}

TEST_CASE("schema: written forms of the scalar types") {
    std::string s = data_file_schema();
    CHECK(has(s, "\"pattern\": \"^[a-z0-9][a-z0-9-]{0,63}$\""));            // id
    CHECK(has(s, "\"pattern\": \"^[0-9]{4}-[0-9]{2}-[0-9]{2}$\""));         // date
    CHECK(has(s, "\"pattern\": \"^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$\""));  // month-day
    CHECK(has(s, "weeks?|months?|years?|dag|dagen|weken|maand|maanden|jaar|jaren)|[dwmy])$"));  // duration
    CHECK(has(s, "\"pattern\": \"^\\\\+?[0-9]{1,13}(\\\\.[0-9]{1,2})?$\""));  // money
    // class 1..9 from the table's bounds
    CHECK(has(s, "\"class\": {\n          \"type\": [\n            \"integer\",\n            \"string\",\n            \"null\"\n"
                 "          ],\n          \"pattern\": \"^[-+]?(0|[1-9][0-9]*)$\",\n          \"minimum\": 1,\n"
                 "          \"maximum\": 9\n"));
    // an enum value that YAML reads as a number is allowed as one too
    CHECK(has(s, "\"290\",\n            290,"));
    // required keys: partner needs id, name and kind
    CHECK(has(s, "\"required\": [\n        \"id\",\n        \"name\",\n        \"kind\"\n      ]"));
    // a funding provision must not carry space keys
    CHECK(has(s, "\"const\": \"funding\""));
    CHECK(has(s, "\"area_m2\": false"));
}

TEST_CASE("schema of wijk.yaml: every setting, horizon per reminder kind") {
    std::string s = config_schema();
    CHECK(balanced(s));
    check_keys(s, config_spec());
    CHECK(has(s, "\"strategy-end\": {"));
    CHECK_FALSE(has(s, "\"neighbourhoods\""));
}
