// Where the cursor is in a data file being typed: key path, key or value, the keys already
// there, the records of the file; read from its lines, so that broken YAML still answers.
#include <doctest/doctest.h>

#include "lsp/yaml_context.h"

using namespace wijk;
using namespace wijk::lsp;

namespace {
struct At {
    std::string text;
    LineTable lines;
    explicit At(std::string t) : text(std::move(t)), lines(text) {}
    Cursor operator()(std::uint32_t line, std::string_view before) const {
        return cursor_at(text, lines, Position{line, utf16_length(before)});
    }
};
std::string path_of(const Cursor& c) {
    std::string out;
    for (const auto& s : c.path) out += (out.empty() ? "" : ".") + (s.item() ? std::string("[]") : s.key);
    return out;
}
}  // namespace

TEST_CASE("yaml context: a value of a record's key, and keys being typed") {
    At at("agreements:\n  - id: a\n    partner: \n    ti\n    start: 2026-01-01\n");
    Cursor c = at(2, "    partner: ");
    CHECK(c.at == Cursor::At::value);
    CHECK(path_of(c) == "agreements.[].partner");
    Resolved r = resolve(c.path, false);
    REQUIRE(r.value);
    CHECK(r.value->name == "partner");
    CHECK(r.owner == &agreement_spec());
    c = at(3, "    ti");
    CHECK(c.at == Cursor::At::bare);
    CHECK(c.typed == "ti");
    CHECK(path_of(c) == "agreements.[]");
    CHECK(c.siblings == std::vector<std::string>{"partner", "id", "start"});
    CHECK(resolve(c.path, false).mapping == &agreement_spec());
}

TEST_CASE("yaml context: flow collections, nested lists and mappings") {
    At at("evaluations:\n  - agreement: a\n    results:\n      - {commitment: ko, achieved: 3}\n"
          "agreements:\n  - id: b\n    neighbourhoods: [oost, w]\n    we_provide:\n      - kind: space\n        \n"
          "    terminated: {end: 2026-01-01, }\n");
    Cursor c = at(3, "      - {commitment: ko");
    CHECK(c.at == Cursor::At::value);
    CHECK(c.flow);
    CHECK(path_of(c) == "evaluations.[].results.[].commitment");
    CHECK(c.word == "ko");
    CHECK(resolve(c.path, false).owner == &result_spec());
    c = at(6, "    neighbourhoods: [oost, w");
    CHECK(c.at == Cursor::At::bare);
    CHECK(path_of(c) == "agreements.[].neighbourhoods.[]");
    CHECK(c.list_items == std::vector<std::string>{"oost"});
    Resolved r = resolve(c.path, false);
    CHECK(r.element);
    CHECK(r.value->name == "neighbourhoods");
    c = at(9, "        ");
    CHECK(path_of(c) == "agreements.[].we_provide.[]");
    CHECK(resolve(c.path, false).mapping == &provision_spec());
    REQUIRE(c.sibling_values.size() == 1);
    CHECK(c.sibling_values[0] == std::pair<std::string, std::string>{"kind", "space"});
    c = at(10, "    terminated: {end: 2026-01-01, ");
    CHECK(c.at == Cursor::At::bare);
    CHECK(path_of(c) == "agreements.[].terminated");
    CHECK(resolve(c.path, false).mapping == &termination_spec());
    CHECK(c.siblings == std::vector<std::string>{"end"});
}

TEST_CASE("yaml context: indentless sequences, the top level, wijk.yaml, comments and block text") {
    At at("partners:\n- id: p\n  name: P\n  \nnotes_here: |\n  text: x\n# partner: y\n");
    Cursor c = at(3, "  ");
    CHECK(path_of(c) == "partners.[]");
    CHECK(c.siblings == std::vector<std::string>{"name", "id"});
    CHECK(at(5, "  text: ").at == Cursor::At::nothing);
    CHECK(at(6, "# partner: ").at == Cursor::At::nothing);
    At top("\npartners:\n");
    c = top(0, "");
    CHECK(resolve(c.path, false).collections);
    CHECK(c.siblings == std::vector<std::string>{"partners"});
    At config("format: 1\nstaff:\n  - {id: a, }\nreminders:\n  horizon:\n    no\n");
    CHECK(resolve(config(2, "  - {id: a, ").path, true).mapping == &staff_spec());
    CHECK(resolve(config(5, "    no").path, true).horizon);
    // a key of no table: nothing resolves (x_ keys are the user's own)
    At own("agreements:\n  - x_case:\n      a: \n");
    CHECK(!resolve(own(2, "      a: ").path, false).value);
}

TEST_CASE("yaml context: the records of a file, block and flow, with their keys") {
    std::string t = "# c\npartners:\n  - id: p1\n    name: \"Een: twee\"\n    contacts:\n      - {name: X}\n\n  - id: p2\n"
                    "agreements:\n  - {id: a1, title: T, neighbourhoods: [a, b], partner: p1}\n";
    LineTable l(t);
    Outline o = outline_of(t, l);
    REQUIRE(o.sections.size() == 2);
    CHECK(o.sections[0].key == "partners");
    CHECK(o.sections[0].last_line == 7);
    REQUIRE(o.records.size() == 3);
    CHECK(o.records[0].first_line == 2);
    CHECK(o.records[0].last_line == 5);
    CHECK(o.records[0].find("name")->value == "Een: twee");
    CHECK(o.records[1].find("id")->value == "p2");
    const OutlineRecord& a = o.records[2];
    CHECK(a.collection == "agreements");
    CHECK(a.find("partner")->value == "p1");
    CHECK(a.find("id")->value_col == 9);
    CHECK(a.find("neighbourhoods")->value.empty());  // a list, no scalar
    CHECK(o.record_at(4) == &o.records[0]);
    CHECK(o.record_at(0) == nullptr);
}

TEST_CASE("yaml context: the end of a scalar") {
    CHECK(scalar_end("    partner: buurtwerk  # x", 13) == 22);
    CHECK(scalar_end("  - {id: a, partner: b}", 21) == 22);
    CHECK(scalar_end("  title: \"a, b\" # c", 9) == 15);
    CHECK(scalar_end("  titel: x", 2) == 7);
    CHECK(scalar_end("  score: 3,95", 9) == 13);  // block: the comma is part of the value
}
