#include <doctest/doctest.h>
#include <fmt/format.h>

#include <sstream>

#include "import/leefbaarometer.h"

#include "support.h"

using namespace wijk;
using namespace std::string_literals;

namespace {

struct Parsed {
    char separator = ',';
    std::string code_column;
    bool has_class = false;
    std::vector<LbmRow> rows;
};

std::optional<LbmError> parse(std::string_view text, Parsed& out) {
    std::istringstream in{std::string(text)};
    LbmCsvReader csv(in);
    if (auto e = csv.read_header()) return e;
    out.separator = csv.separator();
    out.code_column = csv.code_column();
    out.has_class = csv.has_class();
    LbmRow row;
    while (csv.next(row)) out.rows.push_back(row);
    return csv.error();
}

Parsed parse_ok(std::string_view text) {
    Parsed p;
    if (auto e = parse(text, p)) FAIL("line " << e->line << ": " << e->message.en);
    return p;
}

LbmError parse_error(std::string_view text) {
    Parsed p;
    auto e = parse(text, p);
    REQUIRE(e.has_value());
    return *e;
}

Neighbourhood neighbourhood(const std::string& id, std::vector<std::string> codes) {
    Neighbourhood n;
    n.id = testing::FT(id);
    for (auto& c : codes) n.codes.push_back(testing::FT(c));
    return n;
}

std::variant<LbmMatching, LbmError> import_text(std::string_view text, const std::deque<Neighbourhood>& ns) {
    std::istringstream in{std::string(text)};
    return import_leefbaarometer(in, ns);
}

}  // namespace

TEST_CASE("leefbaarometer csv: comma separated, decimal points, columns by name") {
    auto t = parse_ok("jaar,bu_code,lbm,afw,fys,onv,soc,vrz,won,kscore\n2024,BU0363FB01,3.94,-0.16,0.04,-0.12,-0.06,0.02,-0.04,3\n");
    CHECK(t.separator == ',');
    CHECK(t.code_column == "bu_code");
    CHECK(t.has_class);
    REQUIRE(t.rows.size() == 1);
    const auto& r = t.rows[0];
    CHECK(r.line == 2);
    CHECK(r.code == "BU0363FB01");
    CHECK(r.year == 2024);
    CHECK(r.klass == 3);
    CHECK(r.score == "3.94");
    CHECK(r.deviation == "-0.16");
    // dimension order: housing (won), physical (fys), amenities (vrz), cohesion (soc), safety (onv)
    CHECK(r.dimensions[0] == "-0.04");
    CHECK(r.dimensions[1] == "0.04");
    CHECK(r.dimensions[2] == "0.02");
    CHECK(r.dimensions[3] == "-0.06");
    CHECK(r.dimensions[4] == "-0.12");
}

TEST_CASE("leefbaarometer csv: semicolons, decimal commas, BOM, CRLF; numbers kept as written") {
    auto t = parse_ok("\xEF\xBB\xBFgm_code;jaar;lbm;afw\r\nGM0363;2022;4,10;0,00\r\n");
    CHECK(t.separator == ';');
    CHECK(t.code_column == "gm_code");
    CHECK_FALSE(t.has_class);
    REQUIRE(t.rows.size() == 1);
    CHECK(t.rows[0].score == "4.10");  // not rounded, not 4.1
    CHECK(t.rows[0].deviation == "0.00");
    CHECK_FALSE(t.rows[0].klass);
}

TEST_CASE("leefbaarometer csv: RFC 4180 quoting, line numbers across quoted line breaks") {
    auto t = parse_ok("bu_code,naam,jaar,lbm\n\"BU0001AA01\",\"a, \"\"b\"\"\nc\",2024,\"3,5\"\nBU0001AA02,x,2024,.5\n");
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[0].score == "3.5");
    CHECK(t.rows[1].line == 4);
    CHECK(t.rows[1].score == "0.5");
}

TEST_CASE("leefbaarometer csv: the most specific code column that has a value") {
    auto t = parse_ok("gm_code,wk_code,bu_code,jaar,lbm\nGM0001,WK000101,,2024,4\nGM0001,WK000101,BU00010101,2024,4\n");
    CHECK(t.rows[0].code == "WK000101");
    CHECK(t.rows[1].code == "BU00010101");
}

TEST_CASE("leefbaarometer csv: malformed rows are errors with their line") {
    CHECK(parse_error("bu_code,jaar,lbm\nBU0001AA01,2024,4.0\nBU0001AA01,2024\n").line == 3);
    CHECK(parse_error("bu_code,jaar,lbm\nBU0001AA01,24,4.0\n").line == 2);
    CHECK(parse_error("bu_code,jaar,lbm\nBU0001AA01,2024,4.0.1\n").line == 2);
    CHECK(parse_error("bu_code,jaar,lbm\nBU0001AA01,2024,1,5\n").line == 2);  // unquoted decimal comma
    CHECK(parse_error("bu_code,jaar,lbm,kscore\nBU0001AA01,2024,4.0,10\n").line == 2);
    CHECK(parse_error("bu_code,jaar,lbm\nBU0001AA01,2024,\"4.0\n").line == 2);
    CHECK(parse_error("bu_code,jaar,afw\nBU0001AA01,2024,0.1\n").line == 1);  // no lbm, no kscore
    CHECK(parse_error("code,jaar,lbm\nBU0001AA01,2024,4.0\n").line == 1);
    CHECK(parse_error("bu_code,jaar,lbm,kscore\nBU0001AA01,2024,,\n").line == 2);  // neither
    CHECK(parse_error("").line == 0);
}

TEST_CASE("leefbaarometer matching: by codes, code only when several, unmatched counted") {
    std::deque<Neighbourhood> ns{neighbourhood("een", {"BU0001AA01"}),
                                  neighbourhood("twee", {"BU0001BB01", "BU0001BB02"})};
    auto r = import_text(
        "bu_code,jaar,lbm\nBU0001BB02,2024,3.8\nbu0001aa01,2024,4.0\nBU0001BB01,2024,4.1\nBU0009ZZ01,2024,4\n"
        "BU0009ZZ01,2022,4\nBU0001AA01,2022,3.9\n",
        ns);
    auto m = std::get<LbmMatching>(r);
    REQUIRE(m.matches.size() == 4);
    CHECK(m.matches[0].neighbourhood == "een");
    CHECK(m.matches[0].row.year == 2022);
    CHECK_FALSE(m.matches[0].write_code);
    CHECK(m.matches[1].row.year == 2024);
    CHECK(m.matches[2].row.code == "BU0001BB01");  // in the order of the neighbourhood's codes
    CHECK(m.matches[2].write_code);
    CHECK(m.matches[3].row.code == "BU0001BB02");
    REQUIRE(m.first_unmatched.size() == 1);
    CHECK(m.first_unmatched[0].code == "BU0009ZZ01");
    CHECK(m.first_unmatched[0].rows == 2);
    CHECK(m.unmatched_codes == 1);
    CHECK(m.unmatched_rows == 2);

    std::string yaml = liveability_yaml(m, "leefbaarometer-2024", "lbm.csv");
    CHECK(yaml.rfind(std::string(lbm_import_marker), 0) == 0);
    CHECK(yaml.find("  - neighbourhood: twee\n    year: 2024\n    source: leefbaarometer-2024\n    code: BU0001BB01\n    score: 4.1\n") != std::string::npos);
    CHECK(yaml.find("# 4 record(s) for 2 neighbourhood(s); 2 row(s) with 1 code(s) matched no neighbourhood.") != std::string::npos);
    CHECK(yaml.find("class:") == std::string::npos);  // never guessed
    CHECK(liveability_yaml(m, "a: b", "x.csv").find("source: \"a: b\"") != std::string::npos);
}

TEST_CASE("leefbaarometer matching: two rows for one code and year of a neighbourhood") {
    auto r = import_text("bu_code,jaar,lbm\nBU0001AA01,2024,4\nBU0001AA01,2024,4.1\n", {neighbourhood("een", {"BU0001AA01"})});
    REQUIRE(std::holds_alternative<LbmError>(r));
    CHECK(std::get<LbmError>(r).line == 3);
    // rows that match no neighbourhood write nothing, so their repeats are no error
    r = import_text("bu_code,jaar,lbm\nBU0001AA01,2024,4\nBU0002,2024,4\nBU0002,2024,4\n", {neighbourhood("een", {"BU0001AA01"})});
    REQUIRE(std::holds_alternative<LbmMatching>(r));
    CHECK(std::get<LbmMatching>(r).unmatched_rows == 2);
}

TEST_CASE("leefbaarometer import: the first 20 unmatched codes are kept, the others only counted") {
    std::string csv = "bu_code,jaar,lbm\nBU0001AA01,2024,4\n";
    for (int i = 0; i < 5000; ++i) csv += fmt::format("BU9{:05},2024,4\nBU9{:05},2023,4\n", i, i);
    auto m = std::get<LbmMatching>(import_text(csv, {neighbourhood("een", {"BU0001AA01"})}));
    CHECK(m.matches.size() == 1);
    REQUIRE(m.first_unmatched.size() == LbmMatching::listed);
    CHECK(m.first_unmatched[0].code == "BU900000");  // in the order of the file
    CHECK(m.first_unmatched[19].code == "BU900019");
    CHECK(m.first_unmatched[19].rows == 2);
    CHECK(m.unmatched_codes == 5000);
    CHECK_FALSE(m.unmatched_capped);
    CHECK(m.unmatched_rows == 10000);
}

TEST_CASE("leefbaarometer import: numbers the data format would reject, at their line") {
    for (const char* bad : {"1e999", "1e999999", "-1e400", "1e301", "nan", "NaN", "inf", "-Infinity", "0x10", "1e", "5."}) {
        CAPTURE(bad);
        auto e = parse_error(fmt::format("bu_code,jaar,lbm,afw\nBU0001AA01,2024,4,0\nBU0001AA01,2023,4,{}\n", bad));
        CHECK(e.line == 3);
        CHECK(e.message.en.find("afw") == 0);
    }
    CHECK(parse_error("bu_code,jaar,lbm\nBU1,2024,1e999\n").message.en.find("too large") != std::string::npos);
    CHECK(parse_error("bu_code,jaar,lbm\nBU1,2024,1e-999\n").message.en.find("close to 0") != std::string::npos);
    CHECK(parse_error("bu_code,jaar,lbm\nBU1,2024,nan\n").message.en.find("not a number") != std::string::npos);
    // each message in both languages: the command shows the one asked for
    CHECK(parse_error("bu_code,jaar,lbm\nBU1,2024,nan\n").message.nl == "lbm: 'nan' is geen getal");
    // long numbers without an exponent: up to 1e300 as the loader takes them
    CHECK(parse_error("bu_code,jaar,lbm\nBU1,2024,1" + std::string(301, '0') + "\n").message.en.find("too large") != std::string::npos);
    CHECK(parse_ok("bu_code,jaar,lbm\nBU1,2024,1" + std::string(300, '0') + "\n").rows.size() == 1);
    CHECK(parse_ok("bu_code,jaar,lbm\nBU1,2024,0." + std::string(290, '0') + "1\n").rows.size() == 1);
    CHECK(parse_error("bu_code,jaar,lbm\nBU1,2024,0." + std::string(400, '0') + "1\n").message.en.find("close to 0") != std::string::npos);
    // what the loader takes passes, as written
    auto t = parse_ok("bu_code,jaar,lbm,afw\nBU1,2024,1e300,-2.5E-3\nBU2,2024,+4,\"-,5\"\n");
    CHECK(t.rows[0].score == "1e300");
    CHECK(t.rows[0].deviation == "-2.5E-3");
    CHECK(t.rows[1].score == "4");
    CHECK(t.rows[1].deviation == "-0.5");
}

TEST_CASE("leefbaarometer import: control characters of the file are escaped in messages") {
    auto e = parse_error("bu_code,jaar,lbm\nBU1,2024,\x1b[2J\x1b]0;pwned\x07\n");
    CHECK(e.message.en.find('\x1b') == std::string::npos);
    CHECK(e.message.en.find('\x07') == std::string::npos);
    CHECK(e.message.en.find("<U+001B>[2J") != std::string::npos);
    auto quoted = parse_error("bu_code,jaar,lbm\nBU1,\"20\n24\",4\n");
    CHECK(quoted.message.en.find('\n') == std::string::npos);  // a line break of a value stays in it
    std::string long_value(5000, 'x');
    CHECK(parse_error("bu_code,jaar,lbm\nBU1,2024," + long_value + "\n").message.en.size() < 200);
}

TEST_CASE("leefbaarometer import: UTF-16, NUL bytes, no line ends: clear errors, bounded reading") {
    auto e = parse_error("\xFF\xFE" "b\0u\0_\0c\0"s);
    CHECK(e.line == 0);
    CHECK(e.message.en.find("UTF-16") != std::string::npos);
    CHECK(e.message.en.find("FF FE") != std::string::npos);
    CHECK(parse_error("\xFE\xFF" "\0b\0u"s).message.en.find("FE FF") != std::string::npos);
    // UTF-16 without a byte order mark: NUL bytes in the header
    CHECK(parse_error("b\0u\0_\0c\0o\0d\0e\0\n\0"s).message.en.find("UTF-16") != std::string::npos);
    // /dev/zero's bytes: an error on line 1, not after reading them all
    auto zeros = parse_error(std::string(3 << 20, '\0'));
    CHECK(zeros.line == 1);
    CHECK(zeros.message.en.find("NUL") != std::string::npos);
    // NUL bytes in a later row, and in a quoted field
    CHECK(parse_error("bu_code,jaar,lbm\nBU1,2024,4\nBU2,20\0\0,4\n"s).line == 3);
    CHECK(parse_error("bu_code,jaar,lbm\nBU1,\"2\0\",4\n"s).line == 2);
    // no line end: a record longer than the bound
    auto one_line = parse_error("bu_code,jaar,lbm\nBU1,2024," + std::string(3 << 20, '4'));
    CHECK(one_line.line == 2);
    CHECK(one_line.message.en.find("longer than 1 MiB") != std::string::npos);
    CHECK(parse_error(std::string(3 << 20, 'a')).line == 1);
    // a record of separators only
    CHECK(parse_error(std::string(3 << 20, ',')).message.en.find("more than 1000 fields") != std::string::npos);
}

TEST_CASE("leefbaarometer import: records across the reader's 64 KiB chunks") {
    std::string csv = "bu_code,naam,jaar,lbm\r\n";
    int rows = 0;
    while (csv.size() < 300000) {
        csv += fmt::format("BU{:06},\"naam, met\r\neen regeleinde \"\"{}\"\"\",2024,{}.5\r\n", rows, rows, rows % 9);
        ++rows;
    }
    auto t = parse_ok(csv);
    REQUIRE(int(t.rows.size()) == rows);
    for (int i = 0; i < rows; ++i) {
        CHECK(t.rows[i].line == 2 + 2 * i);  // each record spans two lines
        CHECK(t.rows[i].code == fmt::format("BU{:06}", i));
        CHECK(t.rows[i].score == fmt::format("{}.5", i % 9));
    }
}
