// An agreement's life as of a date: status, current term end, notice and evaluation due dates.
#include <doctest/doctest.h>

#include "support.h"
#include "model/terms.h"

using namespace wijk;
using namespace wijk::testing;

namespace {

const Duration months3{3, DurationUnit::months}, year1{1, DurationUnit::years};
}  // namespace

TEST_CASE("status_on and current_term_end: renewal none") {
    auto a = agreement_with_terms("2025-01-01", "2026-12-31", Renewal::none, {}, months3);
    CHECK(status_on(a, D("2024-12-31")) == Status::upcoming);
    CHECK(status_on(a, D("2025-01-01")) == Status::active);
    CHECK(status_on(a, D("2026-12-31")) == Status::active);
    CHECK(status_on(a, D("2027-01-01")) == Status::ended);
    CHECK(current_term_end(a, D("2026-06-01")) == D("2026-12-31"));
    CHECK(current_term_end(a, D("2027-06-01")) == D("2026-12-31"));  // ended: its last day
    CHECK(final_day(a) == D("2026-12-31"));
    CHECK_FALSE(renews_tacitly(a));
    CHECK(notice_deadline_of(a, D("2026-12-31")) == D("2026-09-30"));
    CHECK(runs_on(a, D("2026-12-31")));
    CHECK_FALSE(runs_on(a, D("2027-01-01")));
}

TEST_CASE("current_term_end: tacit renewal, the first term end on or after T") {
    auto a = agreement_with_terms("2025-05-01", "2026-04-30", Renewal::tacit, months3, Duration{1, DurationUnit::months});
    CHECK(renews_tacitly(a));
    CHECK_FALSE(final_day(a));
    CHECK(current_term_end(a, D("2026-01-01")) == D("2026-04-30"));
    CHECK(current_term_end(a, D("2026-04-30")) == D("2026-04-30"));
    CHECK(current_term_end(a, D("2026-05-01")) == D("2026-07-31"));
    CHECK(current_term_end(a, D("2026-07-31")) == D("2026-07-31"));
    CHECK(current_term_end(a, D("2026-08-01")) == D("2026-10-31"));
    CHECK(current_term_end(a, D("2036-04-30")) == D("2036-04-30"));
    CHECK(current_term_end(a, D("2036-05-01")) == D("2036-07-31"));
    CHECK(status_on(a, D("2040-01-01")) == Status::active);
    CHECK(notice_deadline_of(a, D("2026-07-31")) == D("2026-06-30"));

    auto leap = agreement_with_terms("2024-03-01", "2025-02-28", Renewal::tacit, year1);
    CHECK(current_term_end(leap, D("2025-03-01")) == D("2026-02-28"));
    CHECK(current_term_end(leap, D("2027-03-01")) == D("2028-02-29"));
    CHECK(current_term_end(leap, D("2028-02-29")) == D("2028-02-29"));
    CHECK(current_term_end(leap, D("2028-03-01")) == D("2029-02-28"));

    // day terms: every step lands exactly
    auto daily = agreement_with_terms("2026-01-01", "2026-01-10", Renewal::tacit, Duration{10, DurationUnit::days});
    CHECK(current_term_end(daily, D("2026-01-11")) == D("2026-01-20"));
    CHECK(current_term_end(daily, D("2026-01-20")) == D("2026-01-20"));
    CHECK(current_term_end(daily, D("2026-12-31")) == D("2027-01-05"));
}

TEST_CASE("current_term_end: indefinite runs on without a term after end") {
    auto a = agreement_with_terms("2025-01-01", "2026-12-31", Renewal::indefinite, {}, months3);
    CHECK(current_term_end(a, D("2026-12-31")) == D("2026-12-31"));
    CHECK_FALSE(current_term_end(a, D("2027-01-01")));
    CHECK(status_on(a, D("2030-01-01")) == Status::active);
    CHECK_FALSE(final_day(a));
    CHECK_FALSE(renews_tacitly(a));
}

TEST_CASE("current_term_end: no end at all") {
    auto a = agreement_with_terms("2025-01-01", nullptr, std::nullopt, {}, months3);
    CHECK_FALSE(current_term_end(a, D("2026-01-01")));
    CHECK(status_on(a, D("2026-01-01")) == Status::active);
    CHECK(notice_deadline_of(agreement_with_terms("2025-01-01", nullptr, std::nullopt), D("2026-12-31")) == D("2026-12-31"));
}

TEST_CASE("terminated: E is terminated.end and there is no renewal") {
    auto a = agreement_with_terms("2025-05-01", "2026-04-30", Renewal::tacit, months3, months3);
    Termination t;
    t.end = FD("2026-10-31");
    t.notice_given = FD("2026-07-15");
    a.terminated = t;
    CHECK_FALSE(renews_tacitly(a));
    CHECK(final_day(a) == D("2026-10-31"));
    CHECK(current_term_end(a, D("2026-07-15")) == D("2026-10-31"));
    CHECK(current_term_end(a, D("2027-06-01")) == D("2026-10-31"));
    CHECK(status_on(a, D("2025-04-30")) == Status::upcoming);
    CHECK(status_on(a, D("2026-07-15")) == Status::terminating);
    CHECK(status_on(a, D("2026-10-31")) == Status::terminating);
    CHECK(status_on(a, D("2026-11-01")) == Status::ended);
    CHECK(final_day(a, D("2026-07-15")) == D("2026-10-31"));
    CHECK_FALSE(earliest_end_by_notice(a, D("2026-07-15")));  // it ends by itself
}

TEST_CASE("before terminated.notice_given the agreement is what it would be without the block") {
    auto a = agreement_with_terms("2025-05-01", "2026-04-30", Renewal::tacit, months3, months3);
    Termination t;
    t.end = FD("2026-10-31");
    t.notice_given = FD("2026-07-15");
    a.terminated = t;
    CHECK(termination_on(a, D("2026-07-14")) == nullptr);
    CHECK(termination_on(a, D("2026-07-15")) == &*a.terminated);
    // on 2026-06-01 nobody had given notice yet: active, in the term ending 2026-07-31
    CHECK(status_on(a, D("2026-06-01")) == Status::active);
    CHECK(current_term_end(a, D("2026-06-01")) == D("2026-07-31"));
    CHECK(renews_tacitly(a, D("2026-06-01")));
    CHECK_FALSE(renews_tacitly(a, D("2026-07-15")));
    CHECK_FALSE(final_day(a, D("2026-06-01")));
    // the undated forms take the block as recorded
    CHECK_FALSE(renews_tacitly(a));
    CHECK(final_day(a) == D("2026-10-31"));
    // by: mutual without notice_given holds from the start
    Termination m;
    m.end = FD("2026-10-31");
    m.by = F(TerminatedBy::mutual);
    a.terminated = m;
    CHECK(status_on(a, D("2026-06-01")) == Status::terminating);
}

TEST_CASE("terms found by bisection: first term ending from t, first deadline from t") {
    // 3-month terms from 2025-04-30, notice 1 month: ends 07-31, 10-31, 2026-01-31, ...
    auto a = agreement_with_terms("2025-02-01", "2025-04-30", Renewal::tacit, months3, Duration{1, DurationUnit::months});
    CHECK(first_term_ending_from(a, D("2025-01-01")) == 0);
    CHECK(first_term_ending_from(a, D("2025-04-30")) == 0);
    CHECK(first_term_ending_from(a, D("2025-05-01")) == 1);
    CHECK(term_end_of(a, first_term_ending_from(a, D("2026-11-26"))) == D("2027-01-31"));
    // the deadline of the term ending 2027-01-31 is 2026-12-31
    CHECK(term_end_of(a, first_term_with_deadline_from(a, D("2026-12-31"))) == D("2027-01-31"));
    CHECK(term_end_of(a, first_term_with_deadline_from(a, D("2027-01-01"))) == D("2027-04-30"));
    // far ahead, with daily terms: the same as walking every term, without walking them
    auto daily = agreement_with_terms("2000-01-01", "2000-01-10", Renewal::tacit, Duration{1, DurationUnit::days},
                                      Duration{30, DurationUnit::days});
    const long k = first_term_with_deadline_from(daily, D("2199-06-01"));
    CHECK(notice_deadline_of(daily, term_end_of(daily, k)) == D("2199-06-01"));
    CHECK(notice_deadline_of(daily, term_end_of(daily, k - 1)) == D("2199-05-31"));
    // notice longer than the term: several terms' deadlines lie before t
    auto long_notice = agreement_with_terms("2025-01-01", "2025-01-31", Renewal::tacit, Duration{1, DurationUnit::months},
                                            Duration{3, DurationUnit::months});
    CHECK(first_term_ending_from(long_notice, D("2026-01-15")) == 12);         // ends 2026-01-31
    CHECK(term_end_of(long_notice, first_term_with_deadline_from(long_notice, D("2026-01-15"))) ==
          D("2026-04-30"));                                                    // deadline 2026-01-31
}

TEST_CASE("earliest_end_by_notice") {
    auto a = agreement_with_terms("2025-01-01", "2025-12-31", Renewal::tacit, year1, months3);
    CHECK(earliest_end_by_notice(a, D("2026-09-30")) == D("2026-12-31"));  // deadline today
    CHECK(earliest_end_by_notice(a, D("2026-10-01")) == D("2027-12-31"));  // passed: the next term
    auto ind = agreement_with_terms("2025-01-01", "2026-12-31", Renewal::indefinite, std::nullopt, months3);
    CHECK(earliest_end_by_notice(ind, D("2026-09-30")) == D("2026-12-31"));
    CHECK(earliest_end_by_notice(ind, D("2026-10-15")) == D("2027-01-15"));  // a notice period from today
    auto open = agreement_with_terms("2025-01-01", nullptr, std::nullopt, std::nullopt, months3);
    CHECK(earliest_end_by_notice(open, D("2026-05-31")) == D("2026-08-31"));
    CHECK_FALSE(earliest_end_by_notice(agreement_with_terms("2025-01-01", "2026-12-31", Renewal::none), D("2026-01-01")));
}

TEST_CASE("latest_evaluation: the highest year, on a tie the latest date") {
    Repository repo;
    repo.texts = test_pool();
    auto add = [&](const char* agreement, int year, const char* date, Decision d) {
        Evaluation e;
        e.agreement = F(std::string(agreement));
        e.year = F(year);
        e.date = FD(date);
        e.decision = F(d);
        repo.evaluations.push_back(std::move(e));
    };
    add("a", 2026, "2026-03-01", Decision::stop);
    add("a", 2025, "2026-06-01", Decision::continue_);  // a later date, but an earlier year
    add("b", 2026, "2026-05-01", Decision::stop);
    add("b", 2026, "2026-04-01", Decision::continue_);
    repo.index();
    REQUIRE(latest_evaluation(repo, "a"));
    CHECK(*latest_evaluation(repo, "a")->decision == Decision::stop);
    CHECK(*latest_evaluation(repo, "b")->date == D("2026-05-01"));
    CHECK(latest_evaluation(repo, "c") == nullptr);
}

TEST_CASE("evaluation due dates") {
    Config none;
    SUBCASE("anniversary of start; the first one on or after start + 1 year") {
        auto a = agreement_with_terms("2025-03-15", nullptr, std::nullopt);
        CHECK(evaluation_month_day(a, none) == MonthDay{3, 15});
        CHECK_FALSE(evaluation_due(a, none, 2025));
        CHECK(evaluation_due(a, none, 2026) == D("2026-03-15"));
        CHECK(evaluation_due(a, none, 2030) == D("2030-03-15"));
        CHECK_FALSE(evaluation_due_before(a, none, D("2026-03-15")));
        CHECK(evaluation_due_before(a, none, D("2026-03-16")) == D("2026-03-15"));
        CHECK(evaluation_due_before(a, none, D("2027-01-01")) == D("2026-03-15"));
        CHECK(evaluation_due_from(a, none, D("2025-03-15")) == D("2026-03-15"));
        CHECK(evaluation_due_from(a, none, D("2026-03-15")) == D("2026-03-15"));
        CHECK(evaluation_due_from(a, none, D("2026-03-16")) == D("2027-03-15"));
        // an upcoming agreement: its first due date lies years ahead
        CHECK(evaluation_due_from(agreement_with_terms("2028-06-01", nullptr, std::nullopt), none, D("2026-01-01")) ==
              D("2029-06-01"));
    }
    SUBCASE("02-29 start: due on 02-28 in common years") {
        auto a = agreement_with_terms("2024-02-29", nullptr, std::nullopt);
        CHECK(evaluation_due(a, none, 2025) == D("2025-02-28"));
        CHECK(evaluation_due(a, none, 2028) == D("2028-02-29"));
        CHECK_FALSE(evaluation_due(a, none, 2024));
    }
    SUBCASE("evaluations.due of wijk.yaml; the agreement's evaluation_due wins") {
        Config c;
        c.evaluations_due = F(MonthDay{10, 1});
        auto a = agreement_with_terms("2025-03-15", nullptr, std::nullopt);
        CHECK(evaluation_month_day(a, c) == MonthDay{10, 1});
        CHECK_FALSE(evaluation_due(a, c, 2025));  // 2025-10-01 is before 2026-03-15
        CHECK(evaluation_due(a, c, 2026) == D("2026-10-01"));
        a.evaluation_due = F(MonthDay{2, 29});
        CHECK(evaluation_month_day(a, c) == MonthDay{2, 29});
        CHECK_FALSE(evaluation_due(a, c, 2026));  // 2026-02-28 < 2026-03-15
        CHECK(evaluation_due(a, c, 2027) == D("2027-02-28"));
        CHECK(evaluation_due(a, c, 2028) == D("2028-02-29"));
    }
    SUBCASE("the first due date is exactly start + 1 year") {
        auto a = agreement_with_terms("2025-10-01", nullptr, std::nullopt);
        Config c;
        c.evaluations_due = F(MonthDay{10, 1});
        CHECK(evaluation_due(a, c, 2026) == D("2026-10-01"));
        CHECK_FALSE(evaluation_due(a, c, 2025));
    }
    SUBCASE("evaluations.since: none in years before it") {
        Config c;
        c.evaluations_since = F(2027);
        auto a = agreement_with_terms("2020-05-01", nullptr, std::nullopt);
        CHECK_FALSE(evaluation_due(a, c, 2026));
        CHECK(evaluation_due(a, c, 2027) == D("2027-05-01"));
        CHECK_FALSE(evaluation_due_before(a, c, D("2026-12-31")));
        CHECK(evaluation_due_from(a, c, D("2025-06-01")) == D("2027-05-01"));
        CHECK(evaluation_due_before(a, c, D("2027-05-02")) == D("2027-05-01"));
    }
    SUBCASE("no start: no due dates") {
        Agreement a;
        CHECK_FALSE(evaluation_due(a, none, 2026));
        CHECK_FALSE(evaluation_due_from(a, none, D("2026-01-01")));
    }
}
