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
