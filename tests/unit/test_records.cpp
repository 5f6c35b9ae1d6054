// Record types of model/records.h: the compact Extras list.
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
