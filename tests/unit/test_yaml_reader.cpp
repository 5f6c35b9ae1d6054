// The guarded YAML reader: what yaml-cpp lets through must come out as located diagnostics.
#include <doctest/doctest.h>

#include <string>

#include "load/yaml_reader.h"

using namespace wijk;

namespace {
struct Read {
    std::optional<Value> value;
    Diagnostics diags;
};
Read read(std::string_view text) {
    Read r;
    r.value = read_yaml(text, 1, r.diags);
    return r;
}
bool has(const Read& r, std::string_view rule, std::uint32_t line, std::uint32_t column) {
    for (const auto& d : r.diags.items)
        if (d.rule == rule && d.at.line == line && d.at.column == column) return true;
    return false;
}
}  // namespace

TEST_CASE("a plain mapping keeps marks in characters") {
    auto r = read("a: 1\nnaam: \"é\"\n");
    REQUIRE(r.value);
    CHECK(r.diags.items.empty());
    REQUIRE(r.value->is_mapping());
    CHECK(r.value->items[3].text == "é");
    CHECK(r.value->items[3].at.line == 2);
    CHECK(r.value->items[3].at.column == 7);
    CHECK_FALSE(r.value->items[3].plain);
    CHECK(char_column("\"é\" x", 4) == 4);  // é is two bytes, one column
}

TEST_CASE("BOM and CRLF are accepted; lone CR ends a line") {
    auto r = read("\xEF\xBB\xBF" "a: 1\r\nb: 2\r\n");
    REQUIRE(r.value);
    CHECK(r.diags.items.empty());
    CHECK(r.value->items[2].at.line == 2);
    auto cr = read("a: 1\rb: 2\r");
    REQUIRE(cr.value);
    CHECK(cr.value->items[2].at.line == 2);
}

TEST_CASE("duplicate keys: reported at the later one, the first kept") {
    auto r = read("r:\n  a: 1\n  b: 2\n  a: 3\n");
    REQUIRE(r.value);
    CHECK(has(r, "duplicate-key", 4, 3));
    const Value& rec = r.value->items[1];
    REQUIRE(rec.size() == 2);
    CHECK(rec.items[1].text == "1");
    // at the top of a file a repeated collection is reported, and both blocks are kept so that
    // nothing in the second goes unchecked
    auto top = read("a: 1\nb: 2\na: 3\n");
    CHECK(has(top, "duplicate-key", 3, 1));
    CHECK(top.value->size() == 3);
    // many keys take the hashed path
    std::string many;
    for (int i = 0; i < 40; ++i) many += "k" + std::to_string(i) + ": x\n";
    many += "k7: y\n";
    auto m = read(many);
    CHECK(has(m, "duplicate-key", 41, 1));
}

TEST_CASE("anchors, aliases and merge keys are never expanded") {
    CHECK(has(read("a: &x 1\n"), "yaml-anchor", 1, 4));
    auto alias = read("a: &x [1]\nb: *x\n");
    CHECK_FALSE(alias.value);  // a tree with holes is not decoded
    CHECK(has(alias, "yaml-anchor", 2, 4));
    CHECK(has(read("a:\n  <<: {b: 1}\n"), "yaml-anchor", 2, 3));
    CHECK(has(read("a: &a [*a]\n"), "yaml-anchor", 1, 8));
}

TEST_CASE("tags and directives") {
    auto t = read("a: !!int 1\n");
    CHECK(has(t, "yaml-tag", 1, 4));
    CHECK(t.diags.items[0].message.en.find("!!int") != std::string::npos);
    CHECK(has(read("%YAML 1.2\n---\na: 1\n"), "yaml-tag", 1, 1));
    CHECK(read("a: '!!int'\n").diags.items.empty());  // quoted: just text
}

TEST_CASE("one document per file") {
    CHECK(has(read("a: 1\n---\nb: 2\n"), "multiple-documents", 2, 1));
    CHECK(has(read("a: 1\n...\nb: 2\n"), "multiple-documents", 3, 1));
    CHECK(read("---\na: 1\n...\n# done\n").diags.items.empty());
    CHECK(read("--- # start\na: 1\n").diags.items.empty());
}

TEST_CASE("empty files warn; content on a '---' line is content") {
    auto e = read("");
    CHECK_FALSE(e.value);
    REQUIRE(e.diags.items.size() == 1);
    CHECK(e.diags.items[0].rule == "empty-file");
    CHECK(e.diags.items[0].severity == Severity::warning);
    CHECK(read("# only a comment\n\n---\n").diags.items[0].rule == "empty-file");
    auto c = read("--- |0\n");
    CHECK(c.diags.errors() == 1);
}

TEST_CASE("bytes: invalid UTF-8, control and bidi characters") {
    CHECK(has(read("a: \"caf\xE9\"\n"), "invalid-utf8", 1, 8));
    CHECK(has(read("a: \xC0\xAF\n"), "invalid-utf8", 1, 4));        // overlong '/'
    CHECK(has(read("a: \xED\xA0\x80\n"), "invalid-utf8", 1, 4));    // a surrogate
    CHECK(has(read("a: \xF4\x90\x80\x80\n"), "invalid-utf8", 1, 4));  // beyond U+10FFFF
    CHECK(has(read(std::string("a: x\0y\n", 7)), "control-character", 1, 5));
    CHECK(has(read("a: \xE2\x80\xAEx\n"), "bidi-control", 1, 4));
    CHECK(has(read("a: \xC2\x85\n"), "control-character", 1, 4));  // NEL
    CHECK(read("a: \"tab\there\"\n").diags.items.empty());
    // at most ten of them per file
    std::string many = "a: \"";
    for (int i = 0; i < 50; ++i) many += '\x01';
    many += "\"\n";
    CHECK(read(many).diags.items.size() == 10);
}

TEST_CASE("nesting: reported once, where it passes the limit") {
    std::string flow = "a: " + std::string(1000, '[') + std::string(1000, ']') + "\n";
    auto r = read(flow);
    REQUIRE(r.diags.items.size() == 1);
    CHECK(has(r, "nesting-too-deep", 1, 4 + max_nesting - 1));
    std::string deeper = "a: " + std::string(5000, '[') + std::string(5000, ']') + "\n";
    CHECK(read(deeper).diags.items.size() == 1);
}

TEST_CASE("syntax errors are located; an unclosed quote at the end is one") {
    auto r = read("a: [1, 2\n");
    CHECK_FALSE(r.value);
    CHECK(r.diags.items.at(0).rule == "yaml-syntax");
    CHECK(r.diags.items.at(0).at.line >= 1);
    CHECK(has(read("a: 1\nb: \"open\nc: 2\n"), "yaml-syntax", 2, 4));
    CHECK(has(read("a: 'it''s\n"), "yaml-syntax", 1, 4));
    CHECK(read("a: 'it''s'\nb: \"say \\\"hi\\\"\"\n").diags.items.empty());
}
