// "Did you mean": edit distance with swaps, ties, prefixes, and nothing when nothing is close.
#include <doctest/doctest.h>

#include <array>

#include "model/suggest.h"

using namespace wijk;

TEST_CASE("edit_distance counts a swap of neighbours as one edit") {
    CHECK(edit_distance("", "") == 0);
    CHECK(edit_distance("abc", "") == 3);
    CHECK(edit_distance("", "abc") == 3);
    CHECK(edit_distance("tenant", "tenants") == 1);
    CHECK(edit_distance("neigbourhoods", "neighbourhoods") == 1);
    CHECK(edit_distance("parnters", "partners") == 1);  // swap
    CHECK(edit_distance("kitten", "sitting") == 3);
    CHECK(edit_distance("same", "same") == 0);
}

TEST_CASE("suggest: the closest within the distance, ties to the first") {
    constexpr std::array<std::string_view, 6> collections{
        "neighbourhoods", "liveability", "partners", "agreements", "evaluations", "strategies"};
    CHECK(suggest("neigbourhoods", collections) == "neighbourhoods");
    CHECK(suggest("partner", collections) == "partners");
    CHECK(suggest("agreement", collections) == "agreements");
    CHECK(suggest("parnters", collections) == "partners");
    CHECK_FALSE(suggest("zzzzzz", collections));
    CHECK_FALSE(suggest("", collections));
    // an exact match is not a suggestion
    CHECK_FALSE(suggest("x", std::vector<std::string>{"x"}));
    constexpr std::array<std::string_view, 13> kinds{
        "residents", "tenants", "welfare", "municipality", "police", "volunteers", "education",
        "health", "culture", "sports", "faith", "business", "other"};
    CHECK(suggest("tenant", kinds) == "tenants");
    CHECK(suggest("sport", kinds) == "sports");
    CHECK(suggest("gemeente", kinds) == std::nullopt);
    // ties: the first candidate at the smallest distance
    CHECK(suggest("ab", std::vector<std::string>{"ax", "ay"}) == "ax");
    CHECK(suggest("abc", std::vector<std::string>{"abx", "ab"}) == "abx");
}

TEST_CASE("suggest: prefixes when nothing is within the distance") {
    std::vector<std::string> ids{"dock-geuzenveld", "eigen-haard", "stichting-wijkwerk"};
    CHECK(suggest("dock", ids) == "dock-geuzenveld");        // a clear prefix of an id
    CHECK_FALSE(suggest("do", ids));                          // too short to be clear
    CHECK(suggest("eigen-haard-2024", ids) == "eigen-haard");  // an id is a prefix of the word
    CHECK(suggest("stichting-wijkwerx", ids, 1) == "stichting-wijkwerk");
    CHECK(suggest("stichting-wijkwxrx", ids, 1) == std::nullopt);
    CHECK(suggest("stichting-wijkwxrx", ids, 2) == "stichting-wijkwerk");
}

TEST_CASE("the same word in other capitals is the suggestion, before any closer spelling") {
    std::vector<std::string_view> langs{"en", "nl"};
    CHECK(suggest("NL", langs) == std::string("nl"));
    std::vector<std::string_view> kinds{"residents", "tenants"};
    CHECK(suggest("Tenants", kinds) == std::string("tenants"));
}

TEST_CASE("Suggester: the same answers as suggest(), for random ids and words, asked twice") {
    std::uint32_t seed = 12345;
    auto next = [&] { return seed = seed * 1103515245u + 12345u, (seed >> 16) & 0x7fff; };
    const std::string letters = "abcde-01";
    auto word = [&](std::size_t len) {
        std::string w;
        for (std::size_t i = 0; i < len; ++i) w += letters[next() % letters.size()];
        return w;
    };
    for (int round = 0; round < 20; ++round) {
        std::vector<std::string> ids;
        for (int i = 0; i < 60; ++i) ids.push_back(word(2 + next() % 9));
        ids.push_back(ids[3]);  // a repeated id: the first one counts
        ids.push_back("Abc");   // capitals
        Suggester s(ids);
        for (int q = 0; q < 60; ++q) {
            std::string w = q % 7 == 0 ? "abc" : word(1 + next() % 11);
            for (std::size_t d : {std::size_t(1), std::size_t(2), std::size_t(3), w.size() / 3 + 2}) {
                CHECK(s.suggest(w, d) == suggest(w, ids, d));
                CHECK(s.suggest(w, d) == suggest(w, ids, d));  // remembered
            }
        }
    }
}
