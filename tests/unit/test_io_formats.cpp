#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <set>
#include <string>

#include "io/formats.h"

using namespace wijk;

TEST_CASE("format from the output file's extension") {
    CHECK(format_from_extension("a/b.JSON") == Format::json);
    CHECK(format_from_extension("x.md") == Format::markdown);
    CHECK(format_from_extension("x.markdown") == Format::markdown);
    CHECK(format_from_extension("x.ics") == Format::ics);
    CHECK(format_from_extension("x.htm") == Format::html);
    CHECK(format_from_extension("x.csv") == Format::csv);
    CHECK(format_from_extension("x.yml") == Format::yaml);
    CHECK(format_from_extension("x.xlsx") == Format::xlsx);
    CHECK(format_from_extension("notes.txt") == Format::text);
    CHECK_FALSE(format_from_extension("x").has_value());
    CHECK_FALSE(format_from_extension("x.out").has_value());
    CHECK_FALSE(format_from_extension(".md").has_value());  // a hidden file named .md has no extension
}

TEST_CASE("format names and aliases") {
    CHECK(format_named("markdown") == Format::markdown);
    CHECK(format_named("md") == Format::markdown);
    CHECK(format_named("yml") == Format::yaml);
    CHECK(format_named("email") == Format::email);
    CHECK_FALSE(format_named("Markdown").has_value());
    CHECK_FALSE(format_named("").has_value());
    CHECK_FALSE(format_named("pdf").has_value());
}

TEST_CASE("the format table is consistent") {
    std::set<std::string> names, extensions;
    for (const FormatInfo& f : all_formats()) {
        CHECK(format_name(f.format) == f.name);
        CHECK(names.insert(std::string(f.name)).second);  // every name once
        for (auto a : f.aliases) CHECK(names.insert(std::string(a)).second);
        for (auto e : f.extensions) {
            CHECK(e.front() == '.');
            CHECK(extensions.insert(std::string(e)).second);  // an extension picks one format
            CHECK(format_from_extension("x" + std::string(e)) == f.format);
        }
    }
    for (std::string_view command : {"validate", "summary", "reminders", "checklist", "diff", "log"}) {
        const CommandFormats* c = formats_of(command);
        REQUIRE(c != nullptr);
        CHECK(writes(*c, c->fallback));
        CHECK_FALSE(c->formats.empty());
    }
    CHECK(formats_of("schema") == nullptr);
    CHECK(format_list(*formats_of("diff")) == "text, markdown, json");
    CHECK(format_list(*formats_of("checklist")) == "markdown, html, yaml, json");
    CHECK(formats_of("checklist")->fallback == Format::markdown);
    CHECK_FALSE(writes(*formats_of("summary"), Format::ics));
}

// wijk(1) lists the extensions that pick a format under -o and the other names --format takes:
// a row added to the table and not to the page fails here.
TEST_CASE("wijk(1) names every extension and alias of the format table") {
    for (const char* page : {"/man/wijk.1", "/man/nl/wijk.1"}) {
        std::ifstream in(std::string(WIJK_SOURCE_DIR) + page);
        REQUIRE(in.good());
        const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        for (const FormatInfo& f : all_formats()) {
            for (auto e : f.extensions) {
                INFO(page << ": " << e);
                CHECK(text.find("\n.B " + std::string(e) + "\n") != std::string::npos);
            }
            for (auto a : f.aliases) {
                INFO(page << ": alias " << a);
                CHECK(text.find("\n.B " + std::string(a) + "\n") != std::string::npos);
            }
        }
    }
}
