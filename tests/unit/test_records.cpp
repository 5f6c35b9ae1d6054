// Record types of model/records.h: the compact Extras list, the file list, the repository's indexes.
#include <doctest/doctest.h>

#include "model/records.h"

#include "support.h"

using namespace wijk;

TEST_CASE("Extras: empty costs one pointer; copies are deep; order is kept") {
    Extras none;
    CHECK(none.empty());
    CHECK(none.size() == 0);
    CHECK(none.begin() == none.end());
    CHECK(sizeof(Extras) == sizeof(void*));
    Extras x;
    Value v;
    v.type = Value::Type::scalar;
    v.text = "1";
    x.emplace_back("x_b", v);
    v.text = "2";
    x.push_back({"x_a", v});
    CHECK(x.size() == 2);
    CHECK(x[0].first == "x_b");
    CHECK(x[1].second.text == "2");
    CHECK(x.at(1).first == "x_a");
    CHECK_THROWS_AS((void)none.at(0), std::out_of_range);
    Extras copy = x;
    x.emplace_back("x_c", v);
    CHECK(copy.size() == 2);  // the copy does not share the list
    CHECK(x.size() == 3);
    Extras moved = std::move(x);
    CHECK(moved.size() == 3);
    std::string keys;
    for (const auto& [k, val] : moved) keys += k;
    CHECK(keys == "x_bx_ax_c");
    copy = moved;
    CHECK(copy.size() == 3);
    copy = none;
    CHECK(copy.empty());
}

TEST_CASE("FileList: paths as pushed, folders shared, in any order") {
    FileList f{"wijk.yaml", "a/x.yaml", "b/y.yaml", "a/z.yaml", "b/w.yml", "a/deep/v.yaml", "top.yaml", ""};
    REQUIRE(f.size() == 8);
    CHECK(f[0] == "wijk.yaml");
    CHECK(f[1] == "a/x.yaml");
    CHECK(f[2] == "b/y.yaml");
    CHECK(f[3] == "a/z.yaml");
    CHECK(f[4] == "b/w.yml");
    CHECK(f[5] == "a/deep/v.yaml");
    CHECK(f[6] == "top.yaml");
    CHECK(f[7] == "");
    f.push_back("problem folder/");  // an unreadable folder is listed with its slash
    CHECK(f[8] == "problem folder/");
}

TEST_CASE("release_liveability frees the records and their index, and nothing else") {
    Repository repo;
    Liveability l;
    l.neighbourhood = testing::FT(repo, "oost", Loc{1});
    l.year = Field<int>(2024, Loc{2});
    repo.liveability.push_back(l);
    Neighbourhood n;
    n.id = testing::FT(repo, "oost", Loc{1});
    repo.neighbourhoods.push_back(n);
    repo.index();
    REQUIRE(repo.liveability_of("oost").size() == 1);
    repo.release_liveability();
    CHECK(repo.liveability.empty());
    CHECK(repo.liveability_of("oost").empty());
    CHECK(repo.neighbourhood("oost") != nullptr);
}

TEST_CASE("the indexes by agreement and by neighbourhood: in reading order, an agreement once per neighbourhood however often it names it") {
    Repository repo;
    auto agreement = [&](const char* id, std::vector<const char*> hoods) {
        Agreement a;
        a.id = testing::FT(repo, id, Loc{1});
        for (const char* h : hoods) a.neighbourhoods.push_back(testing::FT(repo, h, Loc{2}));
        repo.agreements.push_back(a);
    };
    agreement("a", {"noord", "zuid", "noord"});  // noord twice
    agreement("b", {"zuid"});
    agreement("c", {});
    auto evaluation = [&](const char* agreement_id, int year) {
        Evaluation e;
        if (agreement_id) e.agreement = testing::FT(repo, agreement_id, Loc{3});
        e.year = Field<int>(year, Loc{4});
        repo.evaluations.push_back(e);
    };
    evaluation("b", 2024);
    evaluation(nullptr, 2024);  // no agreement named: in no list
    evaluation("b", 2025);
    evaluation("a", 2025);
    Liveability l;
    l.neighbourhood = testing::FT(repo, "zuid", Loc{5});
    repo.liveability.push_back(l);
    repo.liveability.push_back(Liveability{});  // no neighbourhood named
    for (int pass = 0; pass < 2; ++pass) {  // made again (a reload): the same lists, not doubled
        repo.index();
        auto noord = repo.agreements_in("noord");
        REQUIRE(noord.size() == 1);
        CHECK(noord[0] == &repo.agreements[0]);
        auto zuid = repo.agreements_in("zuid");
        REQUIRE(zuid.size() == 2);
        CHECK(zuid[0] == &repo.agreements[0]);
        CHECK(zuid[1] == &repo.agreements[1]);
        auto of_b = repo.evaluations_of("b");
        REQUIRE(of_b.size() == 2);
        CHECK(of_b[0] == &repo.evaluations[0]);
        CHECK(of_b[1] == &repo.evaluations[2]);
        CHECK(repo.evaluation_for("b", 2025) == &repo.evaluations[2]);
        CHECK(repo.evaluations_of("a").size() == 1);
        CHECK(repo.evaluations_of("c").empty());
        CHECK(repo.liveability_of("zuid").size() == 1);
        CHECK(repo.liveability_of("noord").empty());
    }
}
