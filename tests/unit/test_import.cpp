#include <doctest/doctest.h>

#include "report/leefbaarometer_import.h"

#include "support.h"

using namespace wijk;

namespace {

LbmTable parse_ok(std::string_view text) {
    auto r = parse_leefbaarometer_csv(text);
    if (auto* e = std::get_if<LbmError>(&r)) FAIL("line " << e->line << ": " << e->message);
    return std::get<LbmTable>(r);
}

LbmError parse_error(std::string_view text) {
    auto r = parse_leefbaarometer_csv(text);
    REQUIRE(std::holds_alternative<LbmError>(r));
    return std::get<LbmError>(r);
}

Neighbourhood neighbourhood(const std::string& id, std::vector<std::string> codes) {
    Neighbourhood n;
    n.id = testing::FT(id);
    for (auto& c : codes) n.codes.push_back(testing::FT(c));
    return n;
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
    auto t = parse_ok(
        "bu_code,jaar,lbm\nBU0001BB02,2024,3.8\nbu0001aa01,2024,4.0\nBU0001BB01,2024,4.1\nBU0009ZZ01,2024,4\n"
        "BU0009ZZ01,2022,4\nBU0001AA01,2022,3.9\n");
    std::deque<Neighbourhood> ns{neighbourhood("een", {"BU0001AA01"}),
                                  neighbourhood("twee", {"BU0001BB01", "BU0001BB02"})};
    auto m = std::get<LbmMatching>(match_leefbaarometer(t, ns));
    REQUIRE(m.matches.size() == 4);
    CHECK(m.matches[0].neighbourhood == "een");
    CHECK(m.matches[0].row->year == 2022);
    CHECK_FALSE(m.matches[0].write_code);
    CHECK(m.matches[1].row->year == 2024);
    CHECK(m.matches[2].row->code == "BU0001BB01");  // in the order of the neighbourhood's codes
    CHECK(m.matches[2].write_code);
    CHECK(m.matches[3].row->code == "BU0001BB02");
    CHECK(m.unmatched.size() == 1);
    CHECK(m.unmatched.at("BU0009ZZ01") == 2);

    std::string yaml = liveability_yaml(m, "leefbaarometer-2024", "lbm.csv");
    CHECK(yaml.rfind(std::string(lbm_import_marker), 0) == 0);
    CHECK(yaml.find("  - neighbourhood: twee\n    year: 2024\n    source: leefbaarometer-2024\n    code: BU0001BB01\n    score: 4.1\n") != std::string::npos);
    CHECK(yaml.find("class:") == std::string::npos);  // never guessed
    CHECK(liveability_yaml(m, "a: b", "x.csv").find("source: \"a: b\"") != std::string::npos);
}

TEST_CASE("leefbaarometer matching: two rows for one code and year") {
    auto t = parse_ok("bu_code,jaar,lbm\nBU0001AA01,2024,4\nBU0001AA01,2024,4.1\n");
    auto r = match_leefbaarometer(t, {neighbourhood("een", {"BU0001AA01"})});
    REQUIRE(std::holds_alternative<LbmError>(r));
    CHECK(std::get<LbmError>(r).line == 3);
}
