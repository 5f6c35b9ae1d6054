#include <doctest/doctest.h>

#include "render/json.h"

using namespace wijk;

TEST_CASE("json writer: nesting, commas and escaping") {
    JsonWriter j;
    j.begin_object();
    j.key("a").integer(1);
    j.key("b").begin_array().string("x\"y\\z\n").null().boolean(false).end_array();
    j.key("c").begin_object().end_object();
    j.key("d").money(Money{123456});
    j.end_object();
    CHECK(j.take() ==
          "{\n  \"a\": 1,\n  \"b\": [\n    \"x\\\"y\\\\z\\n\",\n    null,\n    false\n  ],\n"
          "  \"c\": {},\n  \"d\": 1234.56\n}\n");
}

TEST_CASE("json writer: control characters become \\u escapes") {
    JsonWriter j(false);
    j.string(std::string("a\x01" "b\x7f", 4));
    CHECK(j.str() == "\"a\\u0001b\\u007f\"");
}

TEST_CASE("json numbers read as people write them") {
    CHECK(format_number(3.9) == "3.9");
    CHECK(format_number(840.0) == "840");
    CHECK(format_number(-0.35) == "-0.35");
    CHECK(format_number(0.1 + 0.2) == "0.30000000000000004");
}

TEST_CASE("json writer: users' own values keep their YAML type") {
    Value m;
    m.type = Value::Type::mapping;
    auto scalar = [](std::string t, bool plain = true) {
        Value v;
        v.type = Value::Type::scalar;
        v.text = std::move(t);
        v.plain = plain;
        return v;
    };
    m.items = {scalar("n"), scalar("12"), scalar("q"), scalar("12", false), scalar("b"),
               scalar("true"), scalar("z"), scalar("010"), scalar("e"), Value{}};
    JsonWriter j(false);
    j.value(m);
    CHECK(j.str() == "{\"n\":12,\"q\":\"12\",\"b\":true,\"z\":\"010\",\"e\":null}");
}

TEST_CASE("json writer streamed: the same text in pieces, never ending inside the buffer's last value") {
    auto build = [](JsonWriter& w) {
        w.begin_object();
        w.key("rows").begin_array();
        for (int i = 0; i < 5000; ++i) {
            w.begin_array();  // arrays end by rewriting '}' to ']': must survive a flush
            w.integer(i).string("row " + std::to_string(i));
            w.begin_object().end_object();
            w.begin_array().end_array();
            w.end_array();
        }
        w.end_array();
        w.end_object();
    };
    JsonWriter whole;
    build(whole);
    std::string expected = whole.take();
    std::string streamed;
    int pieces = 0;
    JsonWriter w(true, [&](std::string_view piece) {
        streamed += piece;
        ++pieces;
    });
    build(w);
    w.finish();
    CHECK(expected.size() > 3 * 65536);
    CHECK(pieces >= 3);
    CHECK(streamed == expected);
}

TEST_CASE("StreamedText: pieces of about 64 KiB whose concatenation is the text, the rest at finish") {
    std::vector<std::size_t> sizes;
    std::string all;
    StreamedText out([&](std::string_view piece) {
        sizes.push_back(piece.size());
        all += piece;
    });
    std::string expected;
    for (int i = 0; i < 20000; ++i) {
        std::string line = "line " + std::to_string(i) + '\n';
        out += line;
        expected += line;
    }
    out += 'x';
    expected += 'x';
    CHECK(sizes.size() >= 2);  // before finish: full pieces only
    for (std::size_t n : sizes) CHECK(n >= (1u << 16));
    out.finish();
    CHECK(all == expected);
    CHECK(whole_text([&](const auto& flush) { flush("a"), flush("bc"); }) == "abc");
}
