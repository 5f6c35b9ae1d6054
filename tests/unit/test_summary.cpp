#include <doctest/doctest.h>

#include "render/summary.h"
#include "support.h"
#include "report/summary.h"

using namespace wijk;

namespace {

template <class T>
Field<T> f(T v) {
    return Field<T>(std::move(v), Loc{});
}
Field<std::string> f(const std::string& v) { return testing::FT(v); }
Date d(int y, unsigned m, unsigned day) { return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{day}}; }

Provision funding(std::int64_t cents) {
    Provision p;
    p.kind = f(ProvisionKind::funding);
    p.amount_per_year = f(Money{cents});
    return p;
}

Agreement agreement(std::string id, Date start) {
    Agreement a;
    a.id = f(std::move(id));
    a.partner = f(std::string("p"));
    a.title = f(std::string("t"));
    a.neighbourhoods.push_back(f(std::string("n")));
    a.start = f(start);
    return a;
}

Liveability score(std::string n, int year, std::optional<int> klass, std::optional<double> s) {
    Liveability l;
    l.neighbourhood = f(std::move(n));
    l.year = f(year);
    if (klass) l.klass = f(*klass);
    if (s) l.score = f(*s);
    return l;
}

}  // namespace

TEST_CASE("value_per_year sums whole cents: a float sum of 0.10s would drift") {
    Agreement a = agreement("a", d(2025, 1, 1));
    for (int i = 0; i < 1000; ++i) a.we_provide.push_back(funding(10));  // 1000 x 0.10
    a.we_provide.push_back(funding(115));                               // 1.15: 114.999... as a double x 100
    CHECK(agreement_value(a).cents == 100 * 100 + 115);
    double naive = 0;
    for (int i = 0; i < 1000; ++i) naive += 0.10;
    naive += 1.15;
    CHECK(static_cast<long long>(naive * 100) != 10115);  // what wijk must not do
}

TEST_CASE("provision value: value_per_year, else amount, else percent of the space rent, else nothing") {
    Agreement a = agreement("a", d(2025, 1, 1));
    Provision space;
    space.kind = f(ProvisionKind::space);
    space.rent_per_year = f(Money{100000});
    space.area_m2 = f(12.5);
    Provision discount;
    discount.kind = f(ProvisionKind::rent_discount);
    discount.percent = f(12.5);
    Provision advice;
    advice.kind = f(ProvisionKind::advice);
    Provision valued;
    valued.kind = f(ProvisionKind::other);
    valued.value_per_year = f(Money{5});
    valued.amount_per_year = f(Money{99});
    a.we_provide = {space, discount, advice, valued};
    CHECK(provision_value(space, a).cents == 0);
    CHECK(provision_value(discount, a).cents == 12500);
    CHECK(provision_value(advice, a).cents == 0);
    CHECK(provision_value(valued, a).cents == 5);
    CHECK(agreement_value(a).cents == 12505);
    CHECK(agreement_space_m2(a) == doctest::Approx(12.5));
}

TEST_CASE("agreement row: without a notice period the notice deadline is the term end itself") {
    Repository repo;
    repo.texts = testing::test_pool();
    Agreement a = agreement("tacit", d(2025, 12, 31));
    a.end = f(d(2026, 12, 31));
    a.renewal = f(Renewal::tacit);
    a.renewal_term = f(Duration{1, DurationUnit::years});
    repo.agreements.push_back(a);
    repo.index();
    AgreementRow row = agreement_row(repo, repo.agreements[0], d(2026, 10, 5));
    CHECK(row.term_end == d(2026, 12, 31));
    CHECK(row.notice_deadline == d(2026, 12, 31));
    REQUIRE(row.next.has_value());
    CHECK(row.next->date == d(2026, 12, 31));
    CHECK(row.next->kind == ReminderKind::notice);
}

TEST_CASE("liveability: lowest class and score of a year, any source; gaps between years") {
    Repository repo;
    repo.texts = testing::test_pool();
    repo.liveability = {score("n", 2020, 4, 4.1), score("n", 2022, 3, 3.95), score("n", 2022, 2, 3.99),
                        score("n", 2024, std::nullopt, 3.7), score("other", 2026, 1, 1.0)};
    repo.index();
    auto h = liveability_history(repo, "n");
    REQUIRE(h.size() == 3);
    CHECK(h[1].year == 2022);
    CHECK(*h[1].klass == 2);
    CHECK(*h[1].score == doctest::Approx(3.95));
    CHECK(h[2].year == 2024);
    CHECK(!h[2].klass);
    CHECK(class_trend(h, 4) == "4→2→·");
    CHECK(class_trend(h, 2) == "…2→·");
}

TEST_CASE("watch rule: max_class 3 by default; max_score alone replaces it") {
    Config c;
    WatchRule r = watch_rule(c);
    CHECK(r.max_class == 3);
    CHECK(on_watch(r, LiveabilityYear{2024, 3, 9.0}));
    CHECK(!on_watch(r, LiveabilityYear{2024, 4, 1.0}));
    CHECK(!on_watch(r, std::nullopt));
    c.watch_max_score = f(3.9);
    r = watch_rule(c);
    CHECK(!r.max_class);
    CHECK(on_watch(r, LiveabilityYear{2024, 7, 3.9}));
    CHECK(!on_watch(r, LiveabilityYear{2024, 1, {}}));
}

TEST_CASE("portfolio: evaluations due in the as-of year on or before it, for agreements running on their due date") {
    Repository repo;
    repo.texts = testing::test_pool();
    repo.config.evaluations_due = f(MonthDay{3, 1});
    Neighbourhood n;
    n.id = f(std::string("n"));
    n.name = f(std::string("N"));
    repo.neighbourhoods.push_back(n);
    repo.agreements.push_back(agreement("due-done", d(2024, 1, 1)));
    repo.agreements.push_back(agreement("due-open", d(2024, 1, 1)));
    repo.agreements.push_back(agreement("too-new", d(2025, 6, 1)));  // first due 2027-03-01
    Agreement ended = agreement("ended", d(2020, 1, 1));
    ended.end = f(d(2026, 6, 30));
    ended.renewal = f(Renewal::none);
    repo.agreements.push_back(ended);
    Evaluation e;
    e.agreement = f(std::string("due-done"));
    e.year = f(2026);
    e.decision = f(Decision::adjust);
    repo.evaluations.push_back(e);
    repo.index();
    Portfolio p = summarise_portfolio(repo, d(2026, 11, 26));
    CHECK(p.evaluations.year == 2026);
    // due-done, due-open and ended (it ended on 2026-06-30, after its due date 2026-03-01):
    // an agreement that ran on its due date counts, even when it has ended since
    CHECK(p.evaluations.due == 3);
    CHECK(p.evaluations.done == 1);
    CHECK(p.evaluations.decisions[1] == 1);
    CHECK(p.totals.agreements[static_cast<int>(Status::active)] == 3);
    CHECK(p.totals.agreements[static_cast<int>(Status::ended)] == 1);
    CHECK(p.neighbourhoods[0].active_agreements == 3);
}

TEST_CASE("renderers neutralise bidi controls and markup in data") {
    SummaryDocument doc;
    doc.title = "T\u202Eevil";
    doc.subtitle = "s";
    Section s;
    s.title = "S";
    s.facts.push_back({"label", Cell::of("x\u2066y")});
    Table t;
    t.name = "t";
    t.title = "tt";
    t.columns = {Column{"a", "A"}};
    t.rows = {{Cell::of("a|b\n<script>\u202E")}};
    t.extras = {nullptr};
    s.tables.push_back(t);
    doc.sections.push_back(s);
    SummaryOptions o;
    std::string text = render_summary_text(doc, o);
    CHECK(text.find("\u202E") == std::string::npos);
    CHECK(text.find("\u2066") == std::string::npos);
    CHECK(text.find("<U+202E>") != std::string::npos);
    CHECK(text.find("<U+2066>") != std::string::npos);
    std::string md = render_summary_markdown(doc, o);
    CHECK(md.find("\u202E") == std::string::npos);
    CHECK(md.find("a\\|b<br>&lt;script&gt;") != std::string::npos);
    std::string html = render_summary_html(doc, o);
    CHECK(html.find("\u202E") == std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("&#x202E;") != std::string::npos);
    std::vector<std::string> names;
    o.table = "nope";
    CHECK(!render_summary_csv(doc, o, names));
    CHECK(names == std::vector<std::string>{"t"});
}

TEST_CASE("text tables stay within 80 columns") {
    SummaryDocument doc;
    Section s;
    Table t;
    t.name = "t";
    for (int i = 0; i < 6; ++i) t.columns.push_back(Column{"c", "Column " + std::to_string(i)});
    std::vector<Cell> row;
    for (int i = 0; i < 6; ++i) row.push_back(Cell::of(std::string(30, 'x') + "é"));
    t.rows = {row};
    t.extras = {nullptr};
    s.tables.push_back(t);
    doc.sections.push_back(s);
    std::string text = render_summary_text(doc, SummaryOptions{});
    std::size_t start = 0;
    while (start < text.size()) {
        auto nl = text.find('\n', start);
        CHECK(display_width(text.substr(start, nl - start)) <= 80);
        start = nl + 1;
    }
}

TEST_CASE("excel-nl CSV: BOM, semicolons, decimal commas, CRLF; numbers stay numbers") {
    SummaryDocument doc;
    Section s;
    Table t;
    t.name = "t";
    t.columns = {Column{"m", "M"}, Column{"n", "N"}, Column{"s", "S"}};
    t.rows = {{Cell::of_money(Money{123450}), Cell::of_number(-0.35), Cell::of("=1+1;x")}};
    t.extras = {nullptr};
    s.tables.push_back(t);
    doc.sections.push_back(s);
    SummaryOptions o;
    o.csv = CsvDialect::excel_nl;
    std::vector<std::string> names;
    auto csv = render_summary_csv(doc, o, names);
    REQUIRE(csv);
    CHECK(*csv == "\xEF\xBB\xBFm;n;s\r\n1234,50;-0,35;\"'=1+1;x\"\r\n");
}

TEST_CASE("display width: wide East Asian characters take two columns, combining marks none") {
    CHECK(display_width("abc") == 3);
    CHECK(display_width("日本") == 4);
    CHECK(display_width("Ｆｕ") == 4);
    CHECK(display_width("e\xCC\x81") == 1);  // e + combining acute
    CHECK(display_width("é") == 1);
}

namespace {
template <class T>
concept label_from = requires(T t) { Cell::labelled(std::string(), std::move(t)); };
}  // namespace

TEST_CASE("Cell: 72 bytes; labels only from the vocabulary (a std::string made on the spot is refused)") {
    static_assert(label_from<std::string_view>);
    static_assert(!label_from<std::string>);
    CHECK(sizeof(Cell) == 72);
    Cell m = Cell::of_money(Money{1250050});
    CHECK(m.money().cents == 1250050);
    CHECK(Cell::of_int(-3).integer == -3);
    CHECK(Cell::of_number(3.9).number == 3.9);
    Cell l = Cell::labelled("active", std::string_view("lopend"));
    CHECK(l.text == "active");
    REQUIRE(l.label);
    CHECK(*l.label == "lopend");
    CHECK_FALSE(Cell::of("x").label);
}
