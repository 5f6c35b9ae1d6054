// render/mime: header fields, addresses, quoted-printable and base64 (RFC 5322, 2045, 2047).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "render/mime.h"

using namespace wijk;

namespace {

std::vector<std::string> lines_of(const std::string& s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < s.size()) {
        std::size_t end = s.find("\r\n", start);
        REQUIRE(end != std::string::npos);  // every line ends in CRLF
        out.push_back(s.substr(start, end - start));
        start = end + 2;
    }
    return out;
}

// A header field: its first line starts with the name, every other line with a space, none
// longer than 78 and none holding a bare CR or LF.
void check_field(const std::string& field, const std::string& name) {
    auto lines = lines_of(field);
    REQUIRE(!lines.empty());
    CHECK(lines[0].rfind(name + ":", 0) == 0);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        CHECK(lines[i].size() <= 78);
        CHECK(lines[i].find_first_of("\r\n") == std::string::npos);
        if (i > 0) CHECK(lines[i][0] == ' ');
        CHECK(lines[i].find_first_not_of(' ') != std::string::npos);  // no line of only white space
    }
}

}  // namespace

TEST_CASE("valid_address: a dot-atom on each side, nothing a header could be broken with") {
    CHECK(mime::valid_address("a.devries@example.nl"));
    CHECK(mime::valid_address("wijk+reminders@mail.example-corp.nl"));
    CHECK_FALSE(mime::valid_address(""));
    CHECK_FALSE(mime::valid_address("anouk"));
    CHECK_FALSE(mime::valid_address("@example.nl"));
    CHECK_FALSE(mime::valid_address("a@"));
    CHECK_FALSE(mime::valid_address("a b@example.nl"));
    CHECK_FALSE(mime::valid_address("a@example.nl\r\nBcc: x@evil.example"));
    CHECK_FALSE(mime::valid_address("a@example.nl, b@example.nl"));
    CHECK_FALSE(mime::valid_address("a..b@example.nl"));
    CHECK_FALSE(mime::valid_address("a@-example.nl"));
    CHECK_FALSE(mime::valid_address("jos\xc3\xa9@example.nl"));  // no SMTPUTF8
    CHECK_FALSE(mime::valid_address("<a@example.nl>"));
    CHECK_FALSE(mime::valid_address(std::string(65, 'a') + "@example.nl"));
}

TEST_CASE("parse_mailbox: a bare address or Name <address>") {
    auto m = mime::parse_mailbox("  wijk@example.nl ");
    REQUIRE(m);
    CHECK(m->address == "wijk@example.nl");
    CHECK(m->name.empty());
    m = mime::parse_mailbox("Wijkteam Noord <team@example.nl>");
    REQUIRE(m);
    CHECK(m->name == "Wijkteam Noord");
    CHECK(m->address == "team@example.nl");
    m = mime::parse_mailbox("\"Team, \\\"Noord\\\"\" <team@example.nl>");
    REQUIRE(m);
    CHECK(m->name == "Team, \"Noord\"");
    CHECK_FALSE(mime::parse_mailbox("Team <team@example.nl"));
    CHECK_FALSE(mime::parse_mailbox("a@example.nl, b@example.nl"));
    CHECK_FALSE(mime::parse_mailbox("Team <not an address>"));
}

TEST_CASE("text_field: ASCII folded at spaces, anything else as RFC 2047 encoded-words") {
    CHECK(mime::text_field("Subject", "Testcorporatie: 3 reminders, 1 overdue") ==
          "Subject: Testcorporatie: 3 reminders, 1 overdue\r\n");
    const std::string long_ascii(
        "Woningstichting Noordelijke Buurten en Omstreken: 1234 reminders, 56 overdue, and more words to fold");
    std::string f = mime::text_field("Subject", long_ascii);
    check_field(f, "Subject");
    CHECK(f.find("=?") == std::string::npos);
    CHECK(lines_of(f).size() == 2);

    f = mime::text_field("Subject", "Woonstichting \xc3\x89\xc3\xa9ndracht: 3 herinneringen, waarvan 1 te laat");
    check_field(f, "Subject");
    CHECK(f.rfind("Subject: =?UTF-8?Q?Woonstichting_=C3=89=C3=A9ndracht=3A_3_herinneringen", 0) == 0);
    for (const auto& line : lines_of(f)) {
        // every line is one encoded-word of at most 75 characters
        auto word = line.substr(line.find("=?"));
        CHECK(word.size() <= 75);
        CHECK(word.substr(word.size() - 2) == "?=");
    }

    // a UTF-8 sequence is never split between two encoded-words
    std::string many;
    for (int i = 0; i < 40; ++i) many += "\xc3\xa9";
    f = mime::text_field("Subject", many);
    check_field(f, "Subject");
    for (const auto& line : lines_of(f)) {
        auto payload = line.substr(line.find("?Q?") + 3);
        CHECK(payload.rfind("=C3=A9", 0) == 0);
    }
}

TEST_CASE("text_field: a line break in the data never starts a header field of its own") {
    std::string f = mime::text_field("Subject", "Hello\r\nBcc: victim@example.nl\nX-Evil: 1");
    check_field(f, "Subject");
    CHECK(f == "Subject: Hello Bcc: victim@example.nl X-Evil: 1\r\n");
    f = mime::text_field("Subject", "=?UTF-8?Q?forged?= text");  // looks like an encoded-word: encoded itself
    check_field(f, "Subject");
    CHECK(f.find("=?UTF-8?Q?=3D=3FUTF-8") != std::string::npos);
}

TEST_CASE("address_field: display names as atoms, quoted, or encoded") {
    CHECK(mime::address_field("To", {"", "a@example.nl"}) == "To: a@example.nl\r\n");
    CHECK(mime::address_field("To", {"Anouk de Vries", "a@example.nl"}) == "To: Anouk de Vries <a@example.nl>\r\n");
    CHECK(mime::address_field("To", {"Vries, Anouk \"AdV\"", "a@example.nl"}) ==
          "To: \"Vries, Anouk \\\"AdV\\\"\" <a@example.nl>\r\n");
    CHECK(mime::address_field("To", {"Anouk de Vries-\xc3\x87" "elik", "a.devries@example.nl"}) ==
          "To: =?UTF-8?Q?Anouk_de_Vries-=C3=87elik?= <a.devries@example.nl>\r\n");
    // a name with a line break and a header after it stays one display name
    std::string f = mime::address_field("To", {"Jos\xc3\xa9\r\nBcc: victim@example.nl", "j@example.nl"});
    check_field(f, "To");
    CHECK(f.find("\r\nBcc") == std::string::npos);
    CHECK(f.find("<j@example.nl>\r\n") != std::string::npos);
    // a name that fits one encoded-word stays one (decoders disagree on the space between two),
    // on a line of its own when the field's name leaves no room
    f = mime::address_field("Disposition-Notification-To", {"Anouk Wilhelmina Johanna de Vries-\xc3\x87" "elik", "a@example.nl"});
    check_field(f, "Disposition-Notification-To");
    CHECK(f == "Disposition-Notification-To:\r\n =?UTF-8?Q?Anouk_Wilhelmina_Johanna_de_Vries-=C3=87elik?= <a@example.nl>\r\n");
    // long names fold, and the address goes on a line of its own when it must
    f = mime::address_field("To", {std::string(70, 'x') + " \xc3\xa9", "someone.with.a.long.address@example.nl"});
    check_field(f, "To");
}

TEST_CASE("quoted_printable: lines of at most 76, CRLF, trailing white space and risky starts encoded") {
    CHECK(mime::quoted_printable("caf\xc3\xa9 = 1\n") == "caf=C3=A9 =3D 1\r\n");
    CHECK(mime::quoted_printable("end with space \nand tab\t\n") == "end with space=20\r\nand tab=09\r\n");
    CHECK(mime::quoted_printable(".\nFrom here\nFromage\n") == "=2E\r\n=46rom here\r\nFromage\r\n");
    CHECK(mime::quoted_printable("no newline at the end") == "no newline at the end");
    std::string long_line;
    for (int i = 0; i < 50; ++i) long_line += "\xc3\xa9 ab ";
    std::string qp = mime::quoted_printable(long_line + "\n");
    for (const auto& line : lines_of(qp)) {
        CHECK(line.size() <= 76);
        // a soft break never splits an escape
        auto eq = line.rfind('=');
        if (eq != std::string::npos && eq + 1 == line.size()) continue;
        if (eq != std::string::npos) CHECK(eq + 3 <= line.size());
    }
    CHECK(qp.find("\n") == qp.find("\r\n") + 1);
}

TEST_CASE("base64: RFC 4648 vectors, lines of 76") {
    CHECK(mime::base64("") == "");
    CHECK(mime::base64("f") == "Zg==\r\n");
    CHECK(mime::base64("fo") == "Zm8=\r\n");
    CHECK(mime::base64("foo") == "Zm9v\r\n");
    CHECK(mime::base64("foobar") == "Zm9vYmFy\r\n");
    std::string b = mime::base64(std::string(100, 'x'));
    auto lines = lines_of(b);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].size() == 76);
}
