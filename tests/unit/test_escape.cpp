// The one place hostile text is neutralised, per output format.
#include <doctest/doctest.h>

#include "render/escape.h"

using namespace wijk;

TEST_CASE("terminal: controls and bidi overrides are shown, never sent") {
    CHECK(terminal_safe("a\x1b[31mb") == "a<U+001B>[31mb");
    CHECK(terminal_safe("x\xE2\x80\xAEy") == "x<U+202E>y");         // RIGHT-TO-LEFT OVERRIDE
    CHECK(terminal_safe("x\xE2\x81\xA6y") == "x<U+2066>y");         // LEFT-TO-RIGHT ISOLATE
    CHECK(terminal_safe("line\nnext") == "line<U+000A>next");
    CHECK(terminal_safe("line\nnext", true) == "line\nnext");
    CHECK(terminal_safe("\xC0\xAF") == "<0xC0><0xAF>");              // overlong '/'
    CHECK(terminal_safe("tab\tkept, é kept") == "tab\tkept, é kept");
}

TEST_CASE("html: markup and quotes escaped, controls as character references") {
    CHECK(html_escape("<script>alert('x')</script>") ==
          "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    CHECK(html_escape("a & \"b\"") == "a &amp; &quot;b&quot;");
    CHECK(html_escape("\xE2\x80\xAE") == "&#x202E;");
}

TEST_CASE("markdown: table cells keep to their cell") {
    CHECK(markdown_cell("a|b") == "a\\|b");
    CHECK(markdown_cell("one\ntwo") == "one<br>two");
    CHECK(markdown_cell("<b>") == "&lt;b&gt;");
    CHECK(markdown_text("*not bold* [link](x)") == "\\*not bold\\* \\[link\\](x)");
}

TEST_CASE("csv: formula injection guarded, quoting per RFC 4180") {
    CHECK(csv_cell("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"");
    CHECK(csv_cell("+31 20 123") == "'+31 20 123");
    CHECK(csv_cell("-x") == "'-x");
    CHECK(csv_cell("@SUM(A1)") == "'@SUM(A1)");
    CHECK(csv_cell("\tx") == "'\tx");
    CHECK(csv_cell("a,b") == "\"a,b\"");
    CHECK(csv_cell("a;b", ';') == "\"a;b\"");
    CHECK(csv_cell("a;b", ',') == "a;b");
    CHECK(csv_cell("two\nlines") == "\"two\nlines\"");
    CHECK(csv_cell("plain") == "plain");
}

TEST_CASE("icalendar: text escaped per RFC 5545 3.3.11") {
    CHECK(ical_text("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne");
    CHECK(ical_text("cr\r\nlf") == "cr\\nlf");
}

TEST_CASE("icalendar: lines folded at 75 octets with CRLF, never inside a UTF-8 sequence") {
    std::string line = "SUMMARY:" + std::string(100, 'x');
    std::string folded = ical_fold(line);
    CHECK(folded.substr(0, 75) == line.substr(0, 75));
    CHECK(folded.substr(75, 3) == "\r\n ");
    CHECK(folded.size() == line.size() + 3 + 2);
    CHECK(folded.substr(folded.size() - 2) == "\r\n");
    std::string accents = "SUMMARY:";
    for (int i = 0; i < 60; ++i) accents += "é";  // 2 octets each
    std::string f = ical_fold(accents);
    std::size_t start = 0;
    while (start < f.size()) {
        auto end = f.find("\r\n", start);
        REQUIRE(end != std::string::npos);
        CHECK(end - start <= 75);
        // a continuation never starts with a UTF-8 continuation byte
        if (start > 0) CHECK((static_cast<unsigned char>(f[start + 1]) & 0xC0) != 0x80);
        start = end + 2;
    }
}

TEST_CASE("github workflow commands: data and properties escaped") {
    CHECK(github_data("50%\r\nnext") == "50%25%0D%0Anext");
    CHECK(github_property("a:b,c") == "a%3Ab%2Cc");
}

TEST_CASE("markdown: a backslash before a pipe cannot end the cell; & kept literal") {
    CHECK(markdown_cell("a \\| b") == "a \\\\\\| b");
    CHECK(markdown_cell("R&amp;D") == "R&amp;amp;D");
    CHECK(markdown_text("R&D") == "R&amp;D");
}
