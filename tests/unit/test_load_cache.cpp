// The parse cache (load/unit_cache.h, load/unit_codec.h): units round-trip whole; a garbled,
// truncated or foreign pack is ignored, never trusted; an unwritable folder means no cache;
// two writers at once leave a whole pack.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <chrono>
#include <thread>

#include "load/unit_cache.h"
#include "load/unit_codec.h"
#include "support.h"

using namespace wijk;
using wijk::testing::TempDir;
namespace fs = std::filesystem;

namespace {
const char* data = R"(neighbourhoods:
  - {id: noord, name: Noord, municipality: Amsterdam, codes: [BU03630001], homes: 120,
     approach: [{year: 2026, level: focus}], x_cost_centre: {a: [1, "two"]}}
liveability:
  - {neighbourhood: noord, year: 2024, class: 3, score: 3.9, deviation: -0.2,
     dimensions: {housing: -0.1, physical: 0, amenities: 0.1, cohesion: -0.1, safety: -0.1}}
partners:
  - {id: dock, name: "Stichting Dock", kind: welfare, since: 2020-02-29, kvk: "12345678",
     contacts: [{name: Anouk, email: a@example.nl}]}
agreements:
  - {id: a, partner: dock, title: "Buurtkamer één", neighbourhoods: [noord], start: 2024-01-01,
     end: 2025-12-31, renewal: tacit, renewal_term: 1 year, notice: 3 months, evaluation_due: 1 oktober,
     terminated: {end: 2026-12-31, notice_given: 2026-05-01, reason: moved},
     we_provide: [{kind: space, address: X 1, area_m2: 40.5, lease: 230a, rent_per_year: 12000.50},
                  {kind: rent_discount, percent: 25, justification: ok}],
     partner_provides: [{id: meals, description: Meals, target: 40, unit: meals, per: term}]}
evaluations:
  - {agreement: a, year: 2025, date: 2025-01-15, decision: adjust, participants: [P],
     results: [{commitment: meals, achieved: 38}, {commitment: meals, achieved: true}], provisions_delivered: false}
strategies:
  - {id: s, title: S, neighbourhoods: [noord], start: 2024-01-01, end: 2027-12-31, focus: [safety], goals: [G]}
bogus: 1
)";

FileUnit unit_of(std::string_view text, TextPool& pool) { return parse_data_unit(text, 3, pool); }
std::string blob_of(const FileUnit& u) {
    std::string b;
    encode_unit(u, b);
    return b;
}
}  // namespace

TEST_CASE("a unit round-trips whole: records, places, texts, diagnostics in both languages") {
    TextPool a, b;
    FileUnit u = unit_of(data, a);
    REQUIRE(u.records.agreements.size() == 1);
    REQUIRE(u.diags.items.size() == 1);  // the unknown collection
    std::string blob = blob_of(u);
    auto back = decode_unit(blob, b);
    REQUIRE(back);
    CHECK(blob_of(*back) == blob);  // every field, as encoded, the same
    const Agreement& x = back->records.agreements[0];
    CHECK(*x.title == "Buurtkamer één");
    CHECK(x.terminated);
    CHECK(*x.terminated->reason == "moved");
    CHECK(x.we_provide[0].rent_per_year.has());
    CHECK((*x.we_provide[0].rent_per_year).cents == 1200050);
    CHECK(x.evaluation_due.has());
    CHECK(back->diags.items[0].message.nl == u.diags.items[0].message.nl);
    CHECK(back->records.neighbourhoods[0].extras.size() == 1);
    CHECK(b.find("Buurtkamer één"));  // interned into the reading pool
}

TEST_CASE("a blob cut short or changed anywhere is refused, never half read") {
    TextPool a, b;
    std::string blob = blob_of(unit_of(data, a));
    for (std::size_t cut = 0; cut < blob.size(); cut += 7) CHECK_FALSE(decode_unit(std::string_view(blob).substr(0, cut), b));
    std::string foreign = blob;
    foreign[4] ^= 0x7F;  // the version
    CHECK_FALSE(decode_unit(foreign, b));
    // flipped bytes: refused or decoded as something, never a crash (the pack's checksum refuses them first)
    for (std::size_t i = 8; i < blob.size(); i += 13) {
        std::string g = blob;
        g[i] = char(~g[i]);
        (void)decode_unit(g, b);
    }
}

TEST_CASE("a pack written and read again gives the units; an unused entry stays until many are") {
    TempDir d;
    TextPool a, b;
    FileUnit u = unit_of(data, a);
    {
        UnitCache c((d.path / "c").string());
        CHECK_FALSE(c.get(u.hash, b));
        c.put(u);
        c.save({u.hash});
    }
    UnitCache c((d.path / "c").string());
    CHECK(c.has(u.hash));
    auto got = c.get(u.hash, b);
    REQUIRE(got);
    CHECK(blob_of(*got) == blob_of(u));
    CHECK_FALSE(c.get(u.hash + 1, b));
}

TEST_CASE("units are written in pieces while loading: more than a piece, and the same bytes twice, read back once each") {
    TempDir d;
    TextPool a, b;
    const std::string folder = (d.path / "c").string();
    std::vector<FileUnit> units;
    std::size_t bytes = 0;
    for (int i = 0; bytes < (3u << 20) / 2; ++i) {  // past several pieces of pending writes
        units.push_back(unit_of(std::string(data) + "# " + std::to_string(i) + "\n", a));
        bytes += blob_of(units.back()).size();
    }
    std::vector<std::uint64_t> live;
    {
        UnitCache c(folder);
        for (const auto& u : units) c.put(u), live.push_back(u.hash);
        c.put(units[0]);  // two files with the same bytes
        CHECK(c.size() == units.size());
        c.save(live);
    }
    UnitCache c(folder);
    CHECK(c.size() == units.size());
    for (const auto& u : units) {
        auto got = c.get(u.hash, b);
        REQUIRE(got);
        CHECK(blob_of(*got) == blob_of(u));
    }
}

TEST_CASE("an index of several pieces, a unit larger than a piece, and the pack written again with old units, kept and dropped") {
    TempDir d;
    TextPool a, b;
    const std::string folder = (d.path / "c").string();
    std::vector<FileUnit> units;
    for (int i = 0; i < 2500; ++i)  // the index is written 2,048 entries at a time
        units.push_back(unit_of("partners:\n  - {id: p" + std::to_string(i) + ", name: P, kind: welfare}\n", a));
    // a unit far larger than a piece of pending writes (64 KiB) is written on its own
    FileUnit big = unit_of("partners:\n  - {id: big, name: \"" + std::string(1200 * 1024, 'x') + "\", kind: welfare}\n", a);
    REQUIRE(blob_of(big).size() > (1u << 20));
    std::vector<std::uint64_t> live;
    {
        UnitCache c(folder);
        c.expect(100);  // fewer than come: the list still grows
        for (std::size_t i = 0; i < units.size(); ++i) {
            c.put(units[i]);
            live.push_back(units[i].hash);
            if (i == 1000) c.put(big), live.push_back(big.hash);
        }
        c.save(live);
    }
    auto all_read_back = [&](UnitCache& c, const std::vector<FileUnit>& want) {
        for (const auto& u : want) {
            auto got = c.get(u.hash, b);
            REQUIRE(got);
            CHECK(blob_of(*got) == blob_of(u));
        }
    };
    {
        UnitCache c(folder);
        CHECK(c.size() == units.size() + 1);
        all_read_back(c, units);
        all_read_back(c, {big});
    }
    // a new unit beside the old ones, all still in use: the old blobs are copied as one block
    FileUnit extra = unit_of(std::string(data) + "# extra\n", a);
    {
        UnitCache c(folder);
        c.put(extra);
        live.push_back(extra.hash);
        c.save(live);
    }
    {
        UnitCache c(folder);
        CHECK(c.size() == units.size() + 2);
        all_read_back(c, units);
        all_read_back(c, {big, extra});
    }
    // most bytes no longer in use (the big unit among them): only the used ones are written
    // again, each where it now lies
    const std::vector<FileUnit> kept = {units[7], units[2400], extra};
    {
        UnitCache c(folder);
        FileUnit another = unit_of(std::string(data) + "# another\n", a);
        c.put(another);
        c.save({units[7].hash, units[2400].hash, extra.hash, another.hash});
    }
    UnitCache c(folder);
    CHECK(c.size() == 4);
    all_read_back(c, kept);
    CHECK_FALSE(c.get(units[8].hash, b));
    CHECK_FALSE(c.get(big.hash, b));
}

TEST_CASE("a garbled, truncated or foreign pack is ignored and written anew") {
    TempDir d;
    TextPool a, b;
    FileUnit u = unit_of(data, a);
    const std::string folder = (d.path / "c").string(), pack = folder + "/units.pack";
    {
        UnitCache c(folder);
        c.put(u);
        c.save({u.hash});
    }
    const auto size = fs::file_size(pack);
    SUBCASE("a byte of a blob changed: that unit is not used") {
        std::fstream f(pack, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(std::streamoff(size / 2));
        char x;
        f.seekg(std::streamoff(size / 2));
        f.get(x);
        f.seekp(std::streamoff(size / 2));
        f.put(char(~x));
        f.close();
        UnitCache c(folder);
        CHECK_FALSE(c.get(u.hash, b));
    }
    SUBCASE("cut short: nothing in it is used") {
        fs::resize_file(pack, size - 10);
        UnitCache c(folder);
        CHECK_FALSE(c.has(u.hash));
        c.put(u);  // and it is replaced by a whole one
        c.save({u.hash});
        UnitCache again(folder);
        CHECK(again.get(u.hash, b));
    }
    SUBCASE("another wijk's pack: not read") {
        std::fstream f(pack, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(8);
        f.put(char(99));  // the pack version
        f.close();
        UnitCache c(folder);
        CHECK_FALSE(c.has(u.hash));
    }
    SUBCASE("not a pack at all") {
        std::ofstream(pack, std::ios::binary | std::ios::trunc) << "hello";
        UnitCache c(folder);
        CHECK(c.size() == 0);
    }
}

TEST_CASE("a folder that cannot be written: no cache, no error") {
    TempDir d;
    TextPool a;
    FileUnit u = unit_of(data, a);
    std::ofstream(d.path / "file") << "x";
    UnitCache c((d.path / "file" / "c").string());  // a folder below a file cannot be made
    c.put(u);
    c.save({u.hash});
    CHECK_FALSE(fs::exists(d.path / "file" / "c"));
    c.put_result(1, "r");
    CHECK_FALSE(c.result(1));
}

TEST_CASE("two writers at once leave one whole pack; neither leaves a temporary file") {
    TempDir d;
    TextPool a;
    FileUnit u = unit_of(data, a);
    FileUnit v = unit_of("partners:\n  - {id: other, name: O, kind: other}\n", a);
    const std::string folder = (d.path / "c").string();
    std::thread t1([&] {
        for (int i = 0; i < 20; ++i) {
            UnitCache c(folder);
            c.put(u);
            c.save({u.hash});
        }
    });
    std::thread t2([&] {
        for (int i = 0; i < 20; ++i) {
            UnitCache c(folder);
            c.put(v);
            c.save({v.hash});
        }
    });
    t1.join();
    t2.join();
    UnitCache c(folder);
    TextPool b;
    CHECK((c.get(u.hash, b) || c.get(v.hash, b)));
    int files = 0;
    for (const auto& e : fs::directory_iterator(folder)) files += e.path().filename() != "units.pack";
    CHECK(files == 0);
}

TEST_CASE("validate's result: under its key only, and only when whole") {
    TempDir d;
    UnitCache c((d.path / "c").string());
    CHECK_FALSE(c.has_any_result());
    c.put_result(42, "the result");
    CHECK(c.has_any_result());
    CHECK(c.result(42) == std::optional<std::string>("the result"));
    CHECK_FALSE(c.result(43));
    fs::resize_file(d.path / "c" / "validate.result", fs::file_size(d.path / "c" / "validate.result") - 1);
    CHECK_FALSE(c.result(42));
    Diagnostics diags;
    diags.error("x", Mark{1, 2, 3}, Text("e", "n"), Text("h", "t"));
    std::string bytes;
    encode_diagnostics(diags, bytes);
    auto back = decode_diagnostics(bytes);
    REQUIRE(back);
    REQUIRE(back->items.size() == 1);
    CHECK(back->items[0].hint.nl == "t");
    CHECK(back->items[0].at == Mark{1, 2, 3});
}

TEST_CASE("a workspace with a cache: the second load parses nothing and gives the same repository") {
    TempDir d;
    const std::string folder = (d.path / "c").string();
    auto load = [&](int& parsed_texts) {
        WorkspaceOptions o;
        o.cache = std::make_shared<UnitCache>(folder);
        testing::InMemory m({{"a.yaml", data}, {"b.yaml", "partners:\n  - {id: b, name: B, kind: other}\n"}}, o);
        parsed_texts = int(m.repo().texts->size());
        std::string all;
        for (const auto& a : m.repo().agreements) all += std::string(*a.id) + std::string(*a.title);
        for (const auto& x : m.diags().items) all += x.rule + x.message.en;
        return all + std::to_string(m.repo().partners.size());
    };
    int first_texts = 0, second_texts = 0;
    std::string first = load(first_texts), second = load(second_texts);
    CHECK(first == second);
    CHECK(UnitCache(folder).size() == 2);
    CHECK(second_texts <= first_texts);  // only the texts the records hold (no parse leftovers)
}

TEST_CASE("a new cache folder removes wijk's folders unused for 90 days, and nothing else") {
    TempDir d;
    auto folder = [&](const std::string& name, std::initializer_list<const char*> files, int days_old) {
        fs::create_directories(d.path / name);
        for (const char* f : files) std::ofstream(d.path / name / f) << "x";
        auto t = fs::file_time_type::clock::now() - std::chrono::hours(24) * days_old;
        fs::last_write_time(d.path / name, t);
    };
    folder("gone-0123456789abcdef", {"units.pack", "validate.result"}, 100);
    folder("recent-0123456789abcdef", {"units.pack"}, 10);
    folder("mine-0123456789abcdef", {"units.pack", "notes.txt"}, 100);  // not only wijk's files
    folder("photos", {"a.jpg"}, 400);                                    // not a cache folder's name
    TextPool a;
    FileUnit u = unit_of(data, a);
    UnitCache c(UnitCache::folder_for(d.path.string(), "/some/new/root"));
    c.put(u);
    c.save({u.hash});
    CHECK(fs::exists(fs::path(c.folder()) / "units.pack"));
    CHECK_FALSE(fs::exists(d.path / "gone-0123456789abcdef"));
    CHECK(fs::exists(d.path / "recent-0123456789abcdef" / "units.pack"));
    CHECK(fs::exists(d.path / "mine-0123456789abcdef" / "notes.txt"));
    CHECK(fs::exists(d.path / "photos" / "a.jpg"));
}

TEST_CASE("a cache folder in use is marked so when its pack or its result is read") {
    TempDir d;
    TextPool a;
    FileUnit u = unit_of(data, a);
    const std::string dir = UnitCache::folder_for(d.path.string(), "/root");
    {
        UnitCache c(dir);
        c.put(u);
        c.save({u.hash});
    }
    const auto long_ago = fs::file_time_type::clock::now() - std::chrono::hours(24) * 200;
    const auto recent = [&] { return fs::file_time_type::clock::now() - fs::last_write_time(dir) < std::chrono::hours(1); };
    fs::last_write_time(dir, long_ago);
    { UnitCache c(dir); }  // opened only: the pack is read when a unit is asked for
    CHECK_FALSE(recent());
    {
        UnitCache c(dir);
        TextPool b;
        CHECK(c.get(u.hash, b));
    }
    CHECK(recent());
    // validate of a state seen before reads only its result: the folder is in use all the same
    { UnitCache c(dir); c.put_result(7, "r"); }
    fs::last_write_time(dir, long_ago);
    {
        UnitCache c(dir);
        CHECK(c.result(7));
    }
    CHECK(recent());
}
