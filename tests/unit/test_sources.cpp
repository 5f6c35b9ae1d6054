// Records keep each value's place as a byte offset (Loc); a problem found after loading turns it
// into a line and column by reading the file again (load/sources.h).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "check/check.h"
#include "load/loader.h"
#include "load/sources.h"
#include "load/yaml_reader.h"
#include "support.h"

using namespace wijk;
using wijk::testing::TempDir;

namespace {
void write(const std::filesystem::path& p, std::string_view text) {
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}
const Diagnostic* find(const Diagnostics& d, std::string_view rule) {
    for (const auto& x : d.items)
        if (x.rule == rule) return &x;
    return nullptr;
}
}  // namespace

TEST_CASE("a problem found after loading is located in a file with a BOM, CRLF and accents") {
    TempDir d;
    write(d.path / "wijk.yaml", "format: 1\n");
    // BOM, CRLF line ends, a lone CR, and two-byte characters before the bad reference
    write(d.path / "a.yaml",
          "\xEF\xBB\xBF# Caf\xC3\xA9\r\nneighbourhoods:\r\n  - {id: n, name: N, municipality: M}\r"
          "agreements:\r\n  - {id: a, title: \"\xC3\xA9\xC3\xA9n\", partner: nobody, neighbourhoods: [n], "
          "start: 2026-01-01}\r\n");
    Loaded l = load_repository(d.path.string());
    check_repository(l.repo, CheckOptions{*parse_date("2026-11-26")}, l.diags);
    const Diagnostic* dr = find(l.diags, "dangling-ref");
    REQUIRE(dr != nullptr);
    CHECK(dr->at.file == 1);
    CHECK(dr->at.line == 5);
    CHECK(dr->at.column == 36);  // characters, not bytes (38): "één" is 3 characters, 6 bytes
}

TEST_CASE("a file gone after loading is reported as a whole, never a wrong line or a crash") {
    TempDir d;
    write(d.path / "wijk.yaml", "format: 1\n");
    write(d.path / "a.yaml",
          "agreements:\n  - {id: a, title: T, partner: nobody, neighbourhoods: [n], start: 2026-01-01}\n");
    Loaded l = load_repository(d.path.string());
    std::filesystem::remove(d.path / "a.yaml");
    REQUIRE(l.repo.agreements.size() == 1);
    const Agreement& a = l.repo.agreements[0];
    Mark m = locate(l.repo, a, a.partner);
    CHECK(m.file == 1);
    CHECK(m.line == 0);
    // the record's own mark was made while reading
    CHECK(a.at.line == 2);
}

TEST_CASE("mark_at: offsets become lines and character columns; outside the text, line 0") {
    std::string t = normalise_text("\xEF\xBB\xBF" "ab\r\n\xC3\xA9x\ry");
    CHECK(t == "ab\n\xC3\xA9x\ny");
    CHECK(mark_at(t, 2, Loc{1}) == Mark{2, 1, 1});
    CHECK(mark_at(t, 2, Loc{6}) == Mark{2, 2, 2});  // after the two bytes of é
    CHECK(mark_at(t, 2, Loc{8}) == Mark{2, 3, 1});
    CHECK(mark_at(t, 2, Loc{0}).line == 0);
    CHECK(mark_at(t, 2, Loc{100}).line == 0);
}

TEST_CASE("a file read again for one problem is kept, with its line index, for the next ones") {
    // 20,000 dangling references in one file made 20,000 line indexes of it (8 s instead of
    // 0.15 s): the text and its line starts are made once per file
    TempDir d;
    write(d.path / "wijk.yaml", "format: 1\n");
    write(d.path / "a.yaml",
          "agreements:\n  - {id: a, title: T, partner: nobody, neighbourhoods: [n], start: 2026-01-01}\n"
          "  - {id: b, title: T, partner: nobody, neighbourhoods: [n], start: 2026-01-01}\n");
    Loaded l = load_repository(d.path.string());
    REQUIRE(l.repo.agreements.size() == 2);
    CHECK(locate(l.repo, l.repo.agreements[0], l.repo.agreements[0].partner).line == 2);
    std::filesystem::remove(d.path / "a.yaml");  // from now on only the kept copy can answer
    Mark second = locate(l.repo, l.repo.agreements[1], l.repo.agreements[1].partner);
    CHECK(second.line == 3);
    CHECK(second.column == 32);
}
