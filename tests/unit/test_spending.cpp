// report/spending: largest-remainder splits and the spending table, with splits worked out by
// hand in the comments.
#include "support.h"

#include "report/spending.h"
#include "report/summary.h"

using namespace wijk;
using namespace wijk::testing;

namespace {

Neighbourhood hood(const char* id, std::optional<long long> homes) {
    Neighbourhood n;
    n.id = F(std::string(id));
    n.name = F(std::string(id));
    if (homes) n.homes = F(*homes);
    return n;
}

Provision provide(ProvisionKind kind, std::int64_t cents) {
    Provision p;
    p.kind = F(kind);
    if (kind == ProvisionKind::funding || kind == ProvisionKind::rent_discount) p.amount_per_year = F(Money{cents});
    else p.value_per_year = F(Money{cents});
    return p;
}

Agreement running(const char* id, std::vector<const char*> hoods, std::vector<Provision> provisions) {
    Agreement a = agreement_with_terms("2025-01-01", nullptr, std::nullopt);
    a.id = F(std::string(id));
    a.partner = F(std::string("p"));
    a.title = F(std::string(id));
    for (const char* h : hoods) a.neighbourhoods.push_back(F(std::string(h)));
    a.we_provide = std::move(provisions);
    return a;
}

const SpendingRow& row(const Spending& s, const char* id) {
    for (const auto& r : s.rows)
        if (*r.neighbourhood->id == id) return r;
    FAIL("no row " << id);
    return s.rows.front();
}

}  // namespace

TEST_CASE("largest remainder: floors first, the units left over to the largest remainders, ties to the lower index") {
    // 100 over 3 equal parts: 33 each, 1 left, all remainders equal: the first gets it
    CHECK(split_largest_remainder(100, {1, 1, 1}) == std::vector<std::int64_t>{34, 33, 33});
    // 1000 over 2140 and 1870 homes: 533.665... and 466.334...: the 0.665 gets the last cent
    CHECK(split_largest_remainder(1000, {2140, 1870}) == std::vector<std::int64_t>{534, 466});
    // 5 over 1:2:3:4 = 0.5, 1, 1.5, 2: floors 0+1+1+2 = 4, remainders .5 and .5 tie: the first
    CHECK(split_largest_remainder(5, {1, 2, 3, 4}) == std::vector<std::int64_t>{1, 1, 1, 2});
    // one cent over two: the first
    CHECK(split_largest_remainder(1, {1, 1}) == std::vector<std::int64_t>{1, 0});
    // weights all zero: equal parts
    CHECK(split_largest_remainder(7, {0, 0}) == std::vector<std::int64_t>{4, 3});
    CHECK(split_largest_remainder(0, {3, 4}) == std::vector<std::int64_t>{0, 0});
    // large: 10 million euros over 999,999 and 1 homes does not overflow, and adds up
    auto big = split_largest_remainder(1'000'000'000, {999'999, 1});
    CHECK(big[0] + big[1] == 1'000'000'000);
    CHECK(big[1] == 1000);
}

TEST_CASE("spending: in proportion to homes, by kind, hours too; the totals are the portfolio's value to the cent") {
    Repository repo;
    repo.neighbourhoods.push_back(hood("noord", 300));
    repo.neighbourhoods.push_back(hood("zuid", 100));
    repo.neighbourhoods.push_back(hood("oost", std::nullopt));
    repo.neighbourhoods.push_back(hood("west", 0));
    Provision advice = provide(ProvisionKind::advice, 0);
    advice.value_per_year = {};
    advice.hours_per_year = F(10.0);
    // noord 300, zuid 100 homes: 3/4 and 1/4
    repo.agreements.push_back(running("a", {"noord", "zuid"},
                                      {provide(ProvisionKind::funding, 100001),  // 750.0075 / 250.0025 euro
                                       provide(ProvisionKind::space, 3),         // 2.25 / 0.75 cent
                                       advice}));                                // 7.5 / 2.5 hours
    // oost has no homes: equal halves, whatever zuid has
    repo.agreements.push_back(running("b", {"zuid", "oost"}, {provide(ProvisionKind::rent_discount, 1001)}));
    // west has homes: 0: equal too
    repo.agreements.push_back(running("c", {"noord", "west"}, {provide(ProvisionKind::other, 3)}));
    // ended: not counted anywhere
    Agreement ended = running("d", {"noord"}, {provide(ProvisionKind::funding, 999999)});
    ended.end = FD("2025-12-31");
    ended.renewal = F(Renewal::none);
    repo.agreements.push_back(ended);
    repo.index();
    const Date t = D("2026-11-26");
    Spending s = compute_spending(repo, t);
    CHECK(s.year == 2026);
    REQUIRE(s.rows.size() == 4);
    const auto& noord = row(s, "noord");
    const auto& zuid = row(s, "zuid");
    const auto& oost = row(s, "oost");
    const auto& west = row(s, "west");
    const auto k = [](ProvisionKind k) { return static_cast<std::size_t>(k); };
    // funding 100001 cents: 75000.75 / 25000.25: floors 75000 + 25000, the cent to .75
    CHECK(noord.by_kind[k(ProvisionKind::funding)].cents == 75001);
    CHECK(zuid.by_kind[k(ProvisionKind::funding)].cents == 25000);
    // space 3 cents: 2.25 / 0.75: floors 2 + 0, the cent to .75 (zuid)
    CHECK(noord.by_kind[k(ProvisionKind::space)].cents == 2);
    CHECK(zuid.by_kind[k(ProvisionKind::space)].cents == 1);
    // 10 hours = 1000 hundredths: 750 / 250
    CHECK(noord.hours() == doctest::Approx(7.5));
    CHECK(zuid.hours() == doctest::Approx(2.5));
    // rent discount 1001 cents, equally (oost has no homes): 500.5 each: the cent to oost, the
    // lower id ("oost" < "zuid"), although zuid is listed first
    CHECK(oost.by_kind[k(ProvisionKind::rent_discount)].cents == 501);
    CHECK(zuid.by_kind[k(ProvisionKind::rent_discount)].cents == 500);
    // other 3 cents, equally (west has homes: 0): 1.5 each: the cent to noord ("noord" < "west")
    CHECK(noord.by_kind[k(ProvisionKind::other)].cents == 2);
    CHECK(west.by_kind[k(ProvisionKind::other)].cents == 1);
    // rows and their totals
    CHECK(noord.total.cents == 75001 + 2 + 2);
    CHECK(zuid.total.cents == 25000 + 1 + 500);
    CHECK(noord.agreements == 2);
    CHECK(zuid.agreements == 2);
    // per home: 750.05 / 300 = 2.500166 -> 2.50; 255.01 / 100 = 2.5501 -> 2.55; none without homes
    CHECK(noord.per_home->cents == 250);
    CHECK(zuid.per_home->cents == 255);
    CHECK(!oost.per_home);
    CHECK(!west.per_home);
    // totals: every cent of the counted agreements, and nothing of the ended one
    Portfolio p = summarise_portfolio(repo, t);
    CHECK(s.totals.total == p.totals.value_per_year);
    CHECK(s.totals.total.cents == 100001 + 3 + 1001 + 3);
    CHECK(s.totals.by_kind[k(ProvisionKind::funding)].cents == 100001);
    CHECK(s.totals.hours() == doctest::Approx(10.0));
    CHECK(s.totals.homes == 400);
    CHECK(!s.totals.per_home);  // oost's homes are unknown: no figure over all
}

TEST_CASE("spending: a percent rent discount is worth its percent of the space rent, as in the totals") {
    Repository repo;
    repo.neighbourhoods.push_back(hood("a", 1));
    repo.neighbourhoods.push_back(hood("b", 2));
    Provision space;
    space.kind = F(ProvisionKind::space);
    space.rent_per_year = F(Money{100000});
    Provision discount;
    discount.kind = F(ProvisionKind::rent_discount);
    discount.percent = F(12.5);
    repo.agreements.push_back(running("x", {"a", "b"}, {space, discount}));
    repo.index();
    Spending s = compute_spending(repo, D("2026-01-01"));
    // 12.5% of 1000.00 = 125.00: 12500 cents over 1:2 = 4166.67 / 8333.33: 4167 / 8333
    const auto k = static_cast<std::size_t>(ProvisionKind::rent_discount);
    CHECK(row(s, "a").by_kind[k].cents == 4167);
    CHECK(row(s, "b").by_kind[k].cents == 8333);
    // the space itself has no value_per_year: worth nothing in the totals, nothing here
    CHECK(s.totals.by_kind[static_cast<std::size_t>(ProvisionKind::space)].cents == 0);
    CHECK(s.totals.total == summarise_portfolio(repo, D("2026-01-01")).totals.value_per_year);
}
