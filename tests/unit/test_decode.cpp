// Value -> records: scalar types as written, keys, collections.
#include <doctest/doctest.h>

#include "load/reader.h"
#include "support.h"
#include "load/yaml_reader.h"

using namespace wijk;

namespace {
// A file's text loaded in memory; its workspace kept, so that values are located.
struct Loaded1 {
    std::unique_ptr<testing::InMemory> m;
    Repository& repo;
    const Diagnostics& diags;
    explicit Loaded1(std::unique_ptr<testing::InMemory> mem) : m(std::move(mem)), repo(m->repo()), diags(m->diags()) {}
};
Loaded1 load(std::string_view text) {
    return Loaded1(std::make_unique<testing::InMemory>(std::vector<std::pair<std::string, std::string>>{{"x.yaml", std::string(text)}}));
}
std::vector<std::string> rules(const Loaded1& l) {
    std::vector<std::string> out;
    for (const auto& d : l.diags.items) out.push_back(d.rule);
    return out;
}
using V = std::vector<std::string>;
const char* hood = "neighbourhoods:\n  - {id: oost, name: Oost, municipality: Amsterdam, ";
std::string with(const char* rest) { return std::string(hood) + rest + "}\n"; }
}  // namespace

TEST_CASE("a valid record decodes without diagnostics, x_ keys kept") {
    auto l = load(with("homes: 1200, code_year: 2022, x_cost: KP-1"));
    CHECK(l.diags.items.empty());
    REQUIRE(l.repo.neighbourhoods.size() == 1);
    CHECK(*l.repo.neighbourhoods[0].homes == 1200);
    CHECK(l.repo.neighbourhoods[0].extras.at(0).first == "x_cost");
}

TEST_CASE("integers: decimal only") {
    CHECK(rules(load(with("homes: 010"))) == V{"invalid-integer"});
    CHECK(rules(load(with("homes: 0x10"))) == V{"invalid-integer"});
    CHECK(rules(load(with("homes: 1e3"))) == V{"invalid-integer"});
    CHECK(rules(load(with("homes: -1"))) == V{"out-of-range"});
    CHECK(rules(load(with("homes: 99999999999999999999"))) == V{"out-of-range"});
    CHECK(load(with("homes: -0")).diags.items.empty());
    CHECK(load(with("homes: 0")).diags.items.empty());
}

TEST_CASE("years, numbers, booleans, dates") {
    CHECK(rules(load(with("code_year: 1899"))) == V{"invalid-year"});
    CHECK(rules(load(with("code_year: 2201"))) == V{"invalid-year"});
    CHECK(rules(load(with("code_year: 02022"))) == V{"invalid-year"});
    const char* live = "liveability:\n  - {neighbourhood: oost, year: 2024, ";
    CHECK(rules(load(std::string(live) + "score: 1e309}\n")) == V{"invalid-number"});
    CHECK(rules(load(std::string(live) + "score: .nan}\n")) == V{"invalid-number"});
    CHECK(rules(load(std::string(live) + "score: .inf}\n")) == V{"invalid-number"});
    CHECK(rules(load(std::string(live) + "class: 0}\n")) == V{"out-of-range"});
    CHECK(load(std::string(live) + "score: -0.35}\n").diags.items.empty());
    const char* ev = "evaluations:\n  - {agreement: a, year: 2026, date: ";
    CHECK(rules(load(std::string(ev) + "2026-02-29, decision: stop}\n")) == V{"invalid-date"});
    CHECK(rules(load(std::string(ev) + "'2026-03-01', decision: stop, provisions_delivered: yes}\n")) ==
          V{"invalid-boolean"});
    auto dutch = load(std::string(ev) + "1-3-2026, decision: stop}\n");
    REQUIRE(dutch.diags.items.size() == 1);
    CHECK(dutch.diags.items[0].hint.en == "write 2026-03-01");
}

TEST_CASE("keys: unknown with a suggestion, missing, top-level collections") {
    auto u = load(with("distict: x"));
    REQUIRE(u.diags.items.size() == 1);
    CHECK(u.diags.items[0].rule == "unknown-key");
    CHECK(u.diags.items[0].hint.en == "did you mean 'district'?");
    auto c = load("neigbourhoods: []\n");
    REQUIRE(c.diags.items.size() == 1);
    CHECK(c.diags.items[0].rule == "unknown-collection");
    CHECK(c.diags.items[0].hint.en == "did you mean 'neighbourhoods'?");
    CHECK(rules(load("neighbourhoods:\n  - {id: oost, name: Oost, municipality: ~}\n")) == V{"missing-key"});
    CHECK(rules(load("neighbourhoods: {id: oost}\n")) == V{"wrong-type"});
    CHECK(rules(load("neighbourhoods:\n  - oost\n")) == V{"wrong-type"});
    CHECK(rules(load("- a\n")) == V{"wrong-type"});
    CHECK(rules(load("neighbourhoods:\n")).empty());  // an empty collection
}

TEST_CASE("money and percent as written") {
    const char* ag = "agreements:\n  - {id: a, partner: p, title: T, neighbourhoods: [n], start: 2026-01-01, "
                     "we_provide: [{kind: funding, amount_per_year: ";
    auto m = load(std::string(ag) + "12.500}]}\n");
    REQUIRE(m.diags.items.size() == 1);
    CHECK(m.diags.items[0].rule == "invalid-money");
    CHECK(m.diags.items[0].hint.en == "write 12500");
    auto ok = load(std::string(ag) + "12500.50}]}\n");
    CHECK(ok.diags.items.empty());
    CHECK(ok.repo.agreements.at(0).we_provide.at(0).amount_per_year.value_or(Money{}).cents == 1250050);
}

TEST_CASE("records stay where they are while files are appended (no copies of all records so far)") {
    // One agreement per file is the usual layout; a vector would be copied each time it grows,
    // holding two copies at once (bench/run, issue 8). Records live in deques and never move.
    std::vector<std::pair<std::string, std::string>> files;
    for (int i = 0; i < 2000; ++i)
        files.emplace_back("agreements/a" + std::to_string(10000 + i) + ".yaml",
                           "agreements:\n  - {id: a" + std::to_string(i) +
                               ", partner: p, title: T, neighbourhoods: [n], start: 2024-01-01}\n");
    WorkspaceOptions one_thread;
    one_thread.threads = 1;
    // the first record's address, noted when the first file is merged, must hold when all are
    const Agreement* first = nullptr;
    const Repository* loading = nullptr;
    one_thread.progress = [&](std::size_t, std::size_t) {
        if (!first && loading && !loading->agreements.empty()) first = &loading->agreements.front();
    };
    testing::InMemory m({}, one_thread);
    loading = &m.repo();
    for (auto& [path, text] : files) m.source->set(path, text);
    m.workspace->load();
    Repository& repo = m.repo();
    REQUIRE(first != nullptr);  // noted after 256 of the 2000 files were merged
    REQUIRE(repo.agreements.size() == 2000);
    CHECK(first == &repo.agreements.front());
    CHECK(*first->id == "a0");
    CHECK(*repo.agreements.back().id == "a1999");
}

TEST_CASE("a provision key of other kinds is one error naming every kind it belongs to") {
    auto l = load(
        "agreements:\n  - {id: a, partner: p, title: T, neighbourhoods: [n], start: 2026-01-01,\n"
        "     we_provide: [{kind: space, address: X, amount_per_year: 10}]}\n");
    REQUIRE(rules(l) == V{"unknown-key"});
    CHECK(l.diags.items[0].hint.en.find("rent_discount, funding") != std::string::npos);
}

TEST_CASE("a key written with an invalid value keeps its mark: written, not missing") {
    auto l = load(
        "agreements:\n  - {id: a, partner: p, title: T, neighbourhoods: [n], start: 2026-01-01,\n"
        "     end: 2026-12-31, renewal: tacitly, renewal_term: 1y}\n");
    REQUIRE(l.repo.agreements.size() == 1);
    const Agreement& a = l.repo.agreements[0];
    CHECK_FALSE(a.renewal.has());
    CHECK(written(a.renewal));
    CHECK(locate(l.repo, a, a.renewal).line == 3);
    CHECK(locate(l.repo, a, a.renewal).column == 32);  // the value, as written
    CHECK_FALSE(written(a.notice));
}

TEST_CASE("records are decoded while parsing: the tree keeps a placeholder, not the record") {
    Diagnostics diags;
    std::vector<std::string> taken;
    RecordSink sink = [&](std::string_view key, const Value& record) {
        if (key != "partners") return false;
        taken.push_back(record.items.at(1).text);
        return true;
    };
    auto root = read_yaml("partners:\n  - {id: a}\n  - {id: b}\nbogus:\n  - {id: c}\n", 1, diags, &sink);
    REQUIRE(root);
    CHECK(taken == V{"a", "b"});
    const Value& partners = root->items.at(1);
    REQUIRE(partners.items.size() == 2);
    CHECK(partners.items[0].type == Value::Type::decoded);
    CHECK(partners.items[1].at.line == 3);
    // a key the sink does not take stays in the tree, for decode_data_file to report
    CHECK(root->items.at(3).items.at(0).is_mapping());
}

TEST_CASE("a file broken further on gives no records and none of their problems") {
    // the first record alone would be read, with a dangling date; the unclosed quote at the
    // end makes the whole file unreadable, as before records were decoded while parsing
    auto l = load("agreements:\n  - {id: a, partner: p, title: T, neighbourhoods: [n], start: 2026-02-30}\n"
                  "  - {id: b, title: \"never closed\n");
    CHECK(l.repo.agreements.empty());
    // the quote only: where yaml-cpp gave up because of it is not a second mistake
    CHECK(rules(l) == V{"yaml-syntax"});
    auto ok = load("agreements:\n  - {id: a, partner: p, title: T, neighbourhoods: [n], start: 2026-02-30}\n");
    CHECK(ok.repo.agreements.size() == 1);
    CHECK(rules(ok) == V{"invalid-date"});
}
