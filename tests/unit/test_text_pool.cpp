// The text pool and the compact Field<std::string> and Field<double> (model/mark.h).
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>
#include <thread>
#include <vector>

#include "model/calendar.h"
#include "model/mark.h"
#include "model/records.h"
#include "model/text_pool.h"

using namespace wijk;

TEST_CASE("text pool: equal texts share one handle, different texts do not") {
    TextPool pool;
    auto a = pool.intern("buurtconcierges-beukenbuurt-west-3");
    auto b = pool.intern(std::string("buurtconcierges-beukenbuurt-") + "west-3");
    auto c = pool.intern("buurtconcierges-beukenbuurt-west-4");
    CHECK(bool(a));
    CHECK(a == b);
    CHECK(a != c);
    CHECK(a.view() == "buurtconcierges-beukenbuurt-west-3");
    CHECK(c.view() == "buurtconcierges-beukenbuurt-west-4");
    auto empty = pool.intern("");
    CHECK(bool(empty));  // an empty text is a text
    CHECK(empty.view().empty());
    std::string with_nul("a\0b", 3);
    auto n = pool.intern(with_nul);
    CHECK(n != pool.intern("a"));
    CHECK(n.view() == with_nul);
    CHECK(pool.size() == 5);
}

TEST_CASE("text pool: two pools live side by side and do not share texts") {
    TextPool one, two;
    auto a = one.intern("geuzenveld");
    CHECK_FALSE(two.find("geuzenveld"));
    auto b = two.intern("geuzenveld");
    CHECK(a != b);  // identity is per pool
    CHECK(a.view() == b.view());
    CHECK(one.find("geuzenveld") == a);
}

TEST_CASE("text pool: texts stay put while the pool grows, from several threads") {
    TextPool pool;
    auto first = pool.intern("pool-growth-first");
    const char* where = first.view().data();
    std::vector<std::vector<TextRef>> got(2);
    auto work = [&](int t) {
        for (int i = 0; i < 40000; ++i) got[t].push_back(pool.intern("pool-growth-" + std::to_string(i)));
    };
    std::thread other(work, 1);
    work(0);
    other.join();
    CHECK(first.view().data() == where);
    CHECK(got[0] == got[1]);  // both threads got the same handle for each text
    for (int i = 0; i < 40000; i += 997) CHECK(got[0][i].view() == "pool-growth-" + std::to_string(i));
}

TEST_CASE("Field<std::string>: absent, present, empty, value_or, copies") {
    TextPool pool;
    Field<std::string> absent;
    CHECK_FALSE(absent);
    CHECK_FALSE(absent.has());
    CHECK(absent.value_or("leefbaarometer") == "leefbaarometer");
    Field<std::string> f(pool.intern("gm0363"), Loc{345});
    CHECK(f);
    CHECK(*f == "gm0363");
    CHECK(f->size() == 6);
    CHECK(f.value_or("x") == "gm0363");
    CHECK(f.at == Loc{345});
    Field<std::string> e(pool.intern(""), Loc{111});
    CHECK(e.has());  // an empty text is present
    CHECK(e->empty());
    Field<std::string> copy = f;
    CHECK(*copy == "gm0363");
    CHECK(copy.handle() == f.handle());
    // a pointer in two 4-byte words beside the Loc: 12 bytes (an aligned pointer would make 16)
    CHECK(sizeof(Field<std::string>) == 12);
}

TEST_CASE("Field<double>: every number is kept, NaN and infinities included; absent is absent") {
    Field<double> absent;
    CHECK_FALSE(absent);
    CHECK(absent.value_or(2.5) == 2.5);
    for (double v : {0.0, -0.0, 1.0, -3.25, 1e308, 5e-324, std::numeric_limits<double>::infinity()}) {
        Field<double> f(v, Loc{123});
        CHECK(f.has());
        CHECK(*f == v);
        CHECK(std::signbit(*f) == std::signbit(v));
        CHECK(f.at == Loc{123});
    }
    Field<double> nan(std::numeric_limits<double>::quiet_NaN(), Loc{});
    CHECK(nan.has());
    CHECK(std::isnan(*nan));
    CHECK(sizeof(Field<double>) == 12);
}

TEST_CASE("Field<int> and enum fields: absent, every parsed value present, 8 bytes") {
    Field<int> absent;
    CHECK_FALSE(absent);
    CHECK(absent.value_or(7) == 7);
    for (int v : {0, 1, -1, 1900, 2200, std::numeric_limits<int>::max()}) {
        Field<int> f(v, Loc{123});
        CHECK(f.has());
        CHECK(*f == v);
    }
    enum class Colour { red, green };
    Field<Colour> none;
    CHECK_FALSE(none.has());
    CHECK(none.value_or(Colour::green) == Colour::green);
    Field<Colour> red(Colour::red, Loc{456});  // the first enumerator (0) is present
    CHECK(red.has());
    CHECK(*red == Colour::red);
    CHECK(red.at == Loc{456});
    CHECK(sizeof(Field<int>) == 8);
    CHECK(sizeof(Field<Colour>) == 8);
}

TEST_CASE("Opt<T>: the value of a Field without its place, absent stays absent, and smaller") {
    TextPool pool;
    CHECK_FALSE(Opt<std::string>(Field<std::string>()).has());
    Opt<std::string> s = Field<std::string>(pool.intern("Geuzenveld"), Loc{7});
    CHECK(*s == "Geuzenveld");
    CHECK(sizeof(Opt<std::string>) == 8);
    Opt<int> i = Field<int>(0, Loc{1});
    CHECK(i.has());
    CHECK(*i == 0);
    CHECK_FALSE(Opt<int>().has());
    CHECK(sizeof(Opt<int>) == 4);
    Opt<double> d = Field<double>(-0.0, Loc{1});
    CHECK(d.has());
    CHECK(std::signbit(*d));
    CHECK_FALSE(Opt<double>(Field<double>()).has());
    CHECK(sizeof(Opt<double>) == 8);
    Opt<Date> date = Field<Date>(*parse_date("2026-02-28"), Loc{3});
    CHECK(*date == *parse_date("2026-02-28"));
    CHECK_FALSE(Opt<Date>().has());
}

TEST_CASE("Opt<Achieved>: numbers (0, negative, NaN bits) and booleans present; absent is absent") {
    CHECK_FALSE(Opt<Achieved>().has());
    CHECK_FALSE(Opt<Achieved>(Field<Achieved>()).has());
    for (double v : {0.0, -1.5, 36.0, 1e300}) {
        Opt<Achieved> a = Field<Achieved>(Achieved(v), Loc{2});
        REQUIRE(a.has());
        CHECK(std::get<double>(*a) == v);
    }
    for (bool b : {false, true}) {
        Opt<Achieved> a = Field<Achieved>(Achieved(b), Loc{2});
        REQUIRE(a.has());
        CHECK(std::get<bool>(*a) == b);
    }
    CHECK(sizeof(Opt<Achieved>) == 12);
}

TEST_CASE("text pool: texts across block ends and longer than a block keep every byte") {
    TextPool pool;
    std::string big(300 * 1024, 'x');
    big[0] = 'a';
    big.back() = 'z';
    std::vector<std::pair<TextRef, std::string>> kept;
    for (int i = 0; i < 3000; ++i) {  // about 300 KB of small texts: at least one block end
        std::string t = "block-end-" + std::to_string(i) + std::string(std::size_t(i % 150), '-');
        kept.emplace_back(pool.intern(t), t);
    }
    auto h = pool.intern(big);
    CHECK(h.view() == big);
    CHECK(pool.intern(big) == h);
    CHECK(pool.find(big) == h);
    CHECK_FALSE(pool.find("never-interned-text"));
    for (const auto& [handle, text] : kept) CHECK(handle.view() == text);
}

TEST_CASE("Opt<Money>: zero and large amounts present, absent absent, 8 bytes") {
    CHECK_FALSE(Opt<Money>().has());
    CHECK_FALSE(Opt<Money>(Field<Money>()).has());
    for (std::int64_t c : {std::int64_t(0), std::int64_t(1), std::int64_t(1250050), std::int64_t(9'000'000'000'000'000'000)}) {
        Opt<Money> m = Field<Money>(Money{c}, Loc{1});
        REQUIRE(m.has());
        CHECK((*m).cents == c);
    }
    CHECK(sizeof(Opt<Money>) == 8);
}

TEST_CASE("Field<Duration>: every unit and count kept, 0 present, absent absent, 16 bytes") {
    CHECK_FALSE(Field<Duration>().has());
    CHECK_FALSE(written(Field<Duration>()));
    for (auto unit : {DurationUnit::days, DurationUnit::weeks, DurationUnit::months, DurationUnit::years})
        for (long n : {0L, 1L, 36500L, 5'000'000'000L}) {
            Field<Duration> f(Duration{n, unit}, Loc{9});
            REQUIRE(f.has());
            CHECK(*f == Duration{n, unit});
            CHECK(f.at == Loc{9});
        }
    CHECK(sizeof(Field<Duration>) == 16);
}

TEST_CASE("Box: absent, set, copied deeply with its owner") {
    Box<Termination> a;
    CHECK_FALSE(a);
    Termination t;
    TextPool pool;
    t.reason = Field<std::string>(pool.intern("moved"), Loc{1});
    a = t;
    REQUIRE(a);
    Box<Termination> b = a;  // a copy, not a shared block
    REQUIRE(b);
    CHECK(&*a != &*b);
    CHECK(*b->reason == "moved");
    CHECK(sizeof(Box<Termination>) == sizeof(void*));
}
