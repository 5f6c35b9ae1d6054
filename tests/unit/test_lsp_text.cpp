// The language server's texts: lines split as the protocol splits them, positions in UTF-16
// code units, edits applied as the editor made them, URIs and diagnostics' ranges.
#include <doctest/doctest.h>

#include "lsp/convert.h"
#include "lsp/text.h"

using namespace wijk;
using namespace wijk::lsp;

TEST_CASE("lsp text: lines end at LF, CRLF and CR") {
    std::string t = "a\nbc\r\nd\re";
    LineTable l(t);
    REQUIRE(l.lines() == 4);
    CHECK(l.line(t, 0) == "a");
    CHECK(l.line(t, 1) == "bc");
    CHECK(l.line(t, 2) == "d");
    CHECK(l.line(t, 3) == "e");
    CHECK(l.line(t, 99) == "e");  // clamped
}

TEST_CASE("lsp text: characters are UTF-16 code units; a surrogate pair is two") {
    std::string line = "é🌳x";  // 2 + 4 + 1 bytes; 1 + 2 + 1 units
    CHECK(utf16_length(line) == 4);
    CHECK(utf16_to_byte(line, 0) == 0);
    CHECK(utf16_to_byte(line, 1) == 2);
    CHECK(utf16_to_byte(line, 2) == 6);  // inside the pair: after the character, never inside it
    CHECK(utf16_to_byte(line, 3) == 6);
    CHECK(utf16_to_byte(line, 4) == 7);
    CHECK(utf16_to_byte(line, 400) == 7);
    CHECK(utf16_length("\xFF\xFE") == 2);  // invalid bytes count one each
    CHECK(column_to_byte("é🌳x", 3) == 6);  // diagnostics' columns count characters
}

TEST_CASE("lsp text: positions to offsets and back, clamped") {
    Document d("één\n🌳 boom\r\nend", 1);
    CHECK(d.offset({1, 0}) == 6);
    CHECK(d.offset({1, 2}) == 10);
    CHECK(d.offset({1, 999}) == 15);   // the end of the line, before its CRLF
    CHECK(d.offset({99, 0}) == d.text().size());
    CHECK(d.position(10) == Position{1, 2});
    CHECK(d.position(9999) == Position{2, 3});
}

TEST_CASE("lsp text: edits replace ranges; a reversed range is the same range") {
    Document d("agreements:\n  - id: café\n", 1);
    d.replace(Range{{1, 12}, {1, 12}}, "-🌳");
    CHECK(d.text() == "agreements:\n  - id: café-🌳\n");
    d.replace(Range{{1, 15}, {1, 4}}, "x");
    CHECK(d.text() == "agreements:\n  - x\n");
    d.replace(Range{{0, 11}, {1, 0}}, "");
    CHECK(d.text() == "agreements:  - x\n");
    d.replace(Range{{50, 0}, {60, 0}}, "# end\n");
    CHECK(d.text() == "agreements:  - x\n# end\n");
    CHECK(d.lines().lines() == 3);
}

TEST_CASE("lsp convert: file URIs and paths") {
    CHECK(path_from_uri("file:///home/a/b%20c.yaml") == "/home/a/b c.yaml");
    CHECK(path_from_uri("file://localhost/x/%C3%A9.yaml") == "/x/é.yaml");
    CHECK(path_from_uri("FILE:///x") == "/x");
    CHECK(!path_from_uri("untitled:Untitled-1"));
    CHECK(!path_from_uri("file://server/share/x"));
    CHECK(!path_from_uri("file:///x%2"));
    CHECK(!path_from_uri("file:///x%00y"));
    CHECK(uri_from_path("/data/wijk data/é #1.yaml") == "file:///data/wijk%20data/%C3%A9%20%231.yaml");
    CHECK(path_from_uri(uri_from_path("/a b/ç%.yaml")) == "/a b/ç%.yaml");
}

TEST_CASE("lsp convert: a diagnostic's mark is the value it points at, in UTF-16 units") {
    std::string t = "# Café\nagreements:\n  - {id: a, title: \"Één 🌳\", partner: nobody, start: 2026-01-01}\n";
    LineTable l(t);
    // column 38 in characters: after "Één 🌳" (the emoji is one character, two UTF-16 units)
    Range r = mark_range(t, l, Mark{1, 3, 38});
    CHECK(r.start == Position{2, 38});
    CHECK(r.end == Position{2, 44});  // "nobody", up to the comma of the flow mapping
    // a key, up to its colon; a quoted value, with its quotes
    CHECK(mark_range(t, l, Mark{1, 3, 6}).end == Position{2, 7});
    CHECK(mark_range(t, l, Mark{1, 3, 20}).end == Position{2, 27});
    // the file as a whole
    CHECK(mark_range(t, l, Mark{1, 0, 0}).start == Position{0, 0});
    // a BOM is not counted in columns
    std::string b = "\xEF\xBB\xBFpartner: x\n";
    LineTable lb(b);
    CHECK(mark_range(b, lb, Mark{1, 1, 10}).start == Position{0, 10});
}
