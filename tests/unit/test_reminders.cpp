// wijk reminders: the rules of commands.md (`wijk reminders`) and data-format.md section 5.
#include <doctest/doctest.h>

#include "support.h"
#include "model/i18n.h"
#include "render/escape.h"
#include "render/reminders.h"
#include "report/reminders.h"

using namespace wijk;
using namespace wijk::testing;

namespace {
const Duration days90{90, DurationUnit::days}, month1{1, DurationUnit::months},
    months3{3, DurationUnit::months}, year1{1, DurationUnit::years};

Agreement agreement(const char* id, const char* start, const char* end, std::optional<Renewal> renewal,
                    std::optional<Duration> term = {}, std::optional<Duration> notice = {}) {
    Agreement a = agreement_with_terms(start, end, renewal, term, notice);
    a.id = F(std::string(id));
    a.partner = F(std::string("dock"));
    a.title = F(std::string("Title of ") + id);
    a.neighbourhoods.push_back(F(std::string("noord")));
    return a;
}

Evaluation evaluation(const char* agreement, int year, const char* date) {
    Evaluation e;
    e.agreement = F(std::string(agreement));
    e.year = F(year);
    e.date = FD(date);
    e.decision = F(Decision::continue_);
    return e;
}

// Evaluations are due only from 2100 on, unless `with_evaluations`: most tests look at other kinds.
Repository repo_of(std::vector<Agreement> agreements, std::vector<Evaluation> evaluations = {},
                   bool with_evaluations = false) {
    Repository r;
    r.texts = test_pool();
    if (!with_evaluations) r.config.evaluations_since = F(2100);
    Partner p;
    p.id = F(std::string("dock"));
    p.name = F(std::string("Stichting Dock"));
    r.partners.push_back(p);
    r.agreements.assign(agreements.begin(), agreements.end());
    r.evaluations.assign(evaluations.begin(), evaluations.end());
    r.index();
    return r;
}

ReminderOptions options(const char* as_of, Duration horizon = days90) {
    ReminderOptions o;
    o.as_of = D(as_of);
    o.horizon.fill(horizon);
    return o;
}

std::vector<Reminder> of_kind(const Reminders& all, ReminderKind k) {
    std::vector<Reminder> out;
    for (const auto& r : all)
        if (r.kind == k) out.push_back(r);
    return out;
}
}  // namespace

TEST_CASE("notice: the deadline of the current term, both window edges included") {
    // E 2026-12-26, deadline 2026-11-26; E 2027-05-24, deadline 2027-02-24 (T + 90 days)
    auto on_t = agreement("on-t", "2024-12-27", "2025-12-26", Renewal::tacit, year1, month1);
    auto before_t = agreement("before-t", "2024-12-26", "2025-12-25", Renewal::tacit, year1, month1);
    auto on_h = agreement("on-h", "2025-05-25", "2026-05-24", Renewal::tacit, year1, months3);
    auto after_h = agreement("after-h", "2025-05-26", "2026-05-25", Renewal::tacit, year1, months3);
    auto all = compute_reminders(repo_of({on_t, before_t, on_h, after_h}), options("2026-11-26"));
    auto notices = of_kind(all, ReminderKind::notice);
    REQUIRE(notices.size() == 2);
    CHECK(notices[0].agreement == "on-t");
    CHECK(notices[0].date == D("2026-11-26"));
    CHECK(notices[0].days == 0);
    CHECK(notices[0].term_end == D("2026-12-26"));
    CHECK(notices[0].next_term_end == D("2027-12-26"));
    CHECK(notices[1].agreement == "on-h");
    CHECK(notices[1].date == D("2027-02-24"));
    CHECK(notices[1].days == 90);
    CHECK_FALSE(notices[0].overdue);
}

TEST_CASE("renewal: term ends computed from end, never step by step") {
    // 3-month terms from 2025-04-30: ..., 2026-10-31, 2027-01-31 (seventh renewal), then 2027-04-30
    auto q = agreement("q", "2025-02-01", "2025-04-30", Renewal::tacit, months3, month1);
    auto all = compute_reminders(repo_of({q}), options("2026-11-26"));
    auto renewals = of_kind(all, ReminderKind::renewal);
    REQUIRE(renewals.size() == 1);
    CHECK(renewals[0].date == D("2027-01-31"));
    CHECK(renewals[0].next_term_end == D("2027-04-30"));
    auto notices = of_kind(all, ReminderKind::notice);
    REQUIRE(notices.size() == 1);
    CHECK(notices[0].date == D("2026-12-31"));

    // yearly from 2025-02-28: 2026-02-28, 2027-02-28, 2028-02-29
    auto leap = agreement("leap", "2024-03-01", "2025-02-28", Renewal::tacit, year1, Duration{2, DurationUnit::months});
    all = compute_reminders(repo_of({leap}), options("2027-12-15"));
    renewals = of_kind(all, ReminderKind::renewal);
    REQUIRE(renewals.size() == 1);
    CHECK(renewals[0].date == D("2028-02-29"));
    CHECK(renewals[0].next_term_end == D("2029-02-28"));
    CHECK(of_kind(all, ReminderKind::notice).at(0).date == D("2027-12-31"));

    // monthly from 2026-01-31: 2026-02-28, ..., as of 2026-02-10 the term ends 2026-02-28
    auto monthly = agreement("monthly", "2026-01-01", "2026-01-31", Renewal::tacit, month1, Duration{7, DurationUnit::days});
    all = compute_reminders(repo_of({monthly}), options("2026-02-10", Duration{30, DurationUnit::days}));
    renewals = of_kind(all, ReminderKind::renewal);
    REQUIRE(renewals.size() == 1);
    CHECK(renewals[0].date == D("2026-02-28"));
    CHECK(renewals[0].next_term_end == D("2026-03-31"));
    CHECK(of_kind(all, ReminderKind::notice).at(0).date == D("2026-02-21"));
}

TEST_CASE("indefinite: notice and renewal up to its end, nothing after") {
    auto a = agreement("ind", "2024-01-01", "2026-12-31", Renewal::indefinite, {}, month1);
    auto all = compute_reminders(repo_of({a}), options("2026-11-26"));
    REQUIRE(all.size() == 2);
    CHECK(all[0].kind == ReminderKind::notice);
    CHECK(all[0].date == D("2026-11-30"));
    CHECK(all[0].indefinite);
    CHECK(all[1].kind == ReminderKind::renewal);
    CHECK(all[1].date == D("2026-12-31"));
    CHECK(all[1].indefinite);
    CHECK(compute_reminders(repo_of({a}), options("2027-01-01")).empty());
}

TEST_CASE("expiry: renewal none or terminated; leases named; terminated agreements neither renew nor need notice") {
    auto none = agreement("none", "2024-01-01", "2027-01-10", Renewal::none);
    auto term = agreement("term", "2023-01-01", "2025-12-31", Renewal::tacit, year1, months3);
    Termination ended;
    ended.end = FD("2027-01-15");
    ended.by = F(TerminatedBy::partner);
    term.terminated = ended;
    Provision space;
    space.kind = F(ProvisionKind::space);
    space.address = F(std::string("Dorpsstraat 1"));
    space.lease = F(Lease::art290);
    Provision loan = space;
    loan.lease = F(Lease::loan);
    term.we_provide = {space, loan};
    auto all = compute_reminders(repo_of({none, term}), options("2026-11-26"));
    REQUIRE(all.size() == 2);
    CHECK(all[0].agreement == "none");
    CHECK(all[0].kind == ReminderKind::expiry);
    CHECK_FALSE(all[0].terminated);
    CHECK(all[1].agreement == "term");
    CHECK(all[1].kind == ReminderKind::expiry);
    CHECK(all[1].terminated);
    CHECK(all[1].terminated_by == TerminatedBy::partner);
    REQUIRE(all[1].leases.size() == 1);  // a loan is no lease
    CHECK(all[1].leases[0].lease == Lease::art290);
    // the day after: ended, nothing
    CHECK(compute_reminders(repo_of({none}), options("2027-01-11")).empty());
}

TEST_CASE("evaluation: D0 overdue however long ago, D1 within the horizon, only while it runs") {
    auto a = agreement("a", "2020-01-01", nullptr, {}, {}, months3);
    a.evaluation_due = F(MonthDay{1, 15});
    // D0 2026-01-15 (not evaluated: overdue), D1 2027-01-15 (within 90 days of 2026-11-26)
    auto all = compute_reminders(repo_of({a}, {}, true), options("2026-11-26"));
    REQUIRE(all.size() == 2);
    CHECK(all[0].overdue);
    CHECK(all[0].date == D("2026-01-15"));
    CHECK(all[0].days == -315);
    CHECK(all[0].evaluation_year == 2026);
    CHECK_FALSE(all[1].overdue);
    CHECK(all[1].date == D("2027-01-15"));
    CHECK(any_overdue(all));
    // evaluated for 2026: only D1
    all = compute_reminders(repo_of({a}, {evaluation("a", 2026, "2026-01-20")}, true), options("2026-11-26"));
    REQUIRE(all.size() == 1);
    CHECK(all[0].date == D("2027-01-15"));
    CHECK_FALSE(any_overdue(all));
    // D1 past the horizon: nothing
    CHECK(compute_reminders(repo_of({a}, {evaluation("a", 2026, "2026-01-20")}, true), options("2026-10-01")).empty());
    // a due date after the agreement ended gives nothing
    auto ended = agreement("ended", "2022-01-01", "2025-06-30", Renewal::none);
    CHECK(compute_reminders(repo_of({ended}, {}, true), options("2026-11-26")).empty());
    // a leap-day start: due 02-28 in common years, 02-29 in leap years
    auto leap = agreement("leap", "2024-02-29", "2028-12-31", Renewal::none, {}, months3);
    leap.evaluation_due = {};
    all = compute_reminders(repo_of({leap}, {}, true), options("2027-12-15"));
    REQUIRE(all.size() == 2);
    CHECK(all[0].date == D("2027-02-28"));
    CHECK(all[1].date == D("2028-02-29"));
}

TEST_CASE("evaluation: D1 found when evaluations.since lies years ahead") {
    auto a = agreement("a", "2020-01-01", nullptr, {}, {}, months3);
    a.evaluation_due = F(MonthDay{1, 15});
    auto repo = repo_of({a}, {}, true);
    repo.config.evaluations_since = F(2030);
    auto all = compute_reminders(repo, options("2026-11-26", Duration{5, DurationUnit::years}));
    REQUIRE(all.size() == 1);
    CHECK(all[0].date == D("2030-01-15"));
}

TEST_CASE("notice: an evaluation in the twelve months before the deadline") {
    auto a = agreement("a", "2024-12-27", "2025-12-26", Renewal::tacit, year1, month1);  // deadline 2026-11-26
    auto with = [&](const char* date) {
        auto all = compute_reminders(repo_of({a}, {evaluation("a", 2026, date)}), options("2026-11-26"));
        return of_kind(all, ReminderKind::notice).at(0).evaluated;
    };
    CHECK_FALSE(with("2025-11-26").has_value());  // exactly twelve months before: outside
    CHECK(with("2025-11-27").has_value());
    CHECK(with("2026-11-26").has_value());  // on the deadline itself
    CHECK(with("2026-11-26")->date == D("2026-11-26"));
}

TEST_CASE("sorting and filters") {
    auto a = agreement("b-agr", "2024-12-27", "2025-12-26", Renewal::tacit, year1, Duration{0, DurationUnit::days});
    a.owner = F(std::string("anouk"));
    auto b = agreement("a-agr", "2024-01-01", "2026-12-26", Renewal::none);
    b.owner = F(std::string("bram"));
    auto repo = repo_of({a, b});
    Strategy s;
    s.id = F(std::string("strat"));
    s.title = F(std::string("Strategy"));
    s.neighbourhoods.push_back(F(std::string("zuid")));
    s.end = FD("2026-12-26");
    repo.strategies.push_back(s);
    auto all = compute_reminders(repo, options("2026-11-26"));
    // same date: notice, renewal, expiry, strategy-end
    REQUIRE(all.size() == 4);
    CHECK(all[0].kind == ReminderKind::notice);
    CHECK(all[1].kind == ReminderKind::renewal);
    CHECK(all[2].kind == ReminderKind::expiry);
    CHECK(all[3].kind == ReminderKind::strategy_end);
    CHECK(all[3].agreement.empty());
    CHECK(all[3].strategy == "strat");

    auto o = options("2026-11-26");
    o.owners = {"anouk"};
    all = compute_reminders(repo, o);
    REQUIRE(all.size() == 2);  // strategies have no owner
    CHECK(all[0].agreement == "b-agr");
    o = options("2026-11-26");
    o.neighbourhoods = {"zuid"};
    all = compute_reminders(repo, o);
    REQUIRE(all.size() == 1);
    CHECK(all[0].kind == ReminderKind::strategy_end);
    o = options("2026-11-26");
    o.kinds = {ReminderKind::expiry, ReminderKind::renewal};
    all = compute_reminders(repo, o);
    REQUIRE(all.size() == 2);
    CHECK(all[0].kind == ReminderKind::renewal);
}

TEST_CASE("horizons: --within, then per kind, then default, then 90 days") {
    Config c;
    auto h = reminder_horizons(c, std::nullopt);
    CHECK(h[0] == days90);
    CHECK(default_horizon(c, std::nullopt) == days90);
    c.horizon_default = F(Duration{30, DurationUnit::days});
    c.horizon_by_kind[static_cast<std::size_t>(ReminderKind::notice)] = F(Duration{6, DurationUnit::months});
    h = reminder_horizons(c, std::nullopt);
    CHECK(h[static_cast<std::size_t>(ReminderKind::notice)] == Duration{6, DurationUnit::months});
    CHECK(h[static_cast<std::size_t>(ReminderKind::renewal)] == Duration{30, DurationUnit::days});
    h = reminder_horizons(c, Duration{2, DurationUnit::weeks});
    for (const auto& d : h) CHECK(d == Duration{2, DurationUnit::weeks});
    CHECK(default_horizon(c, Duration{2, DurationUnit::weeks}) == Duration{2, DurationUnit::weeks});
}

TEST_CASE("rendering: messages in both languages, JSON contract") {
    auto a = agreement("a", "2024-12-27", "2025-12-26", Renewal::tacit, year1, month1);
    a.title = F(std::string("Buurtkamer; \"de Schakel\", een heel lange titel met één é en nog wat meer tekst\x7f"));
    auto repo = repo_of({a});
    repo.config.staff_listed = true;
    auto all = compute_reminders(repo, options("2026-11-26"));
    REQUIRE(all.size() == 2);
    CHECK(reminder_message(all[1], Lang::nl).find("verlengd met 1 jaar (tot en met 2027-12-26)") != std::string::npos);
    CHECK(duration_text(Duration{3, DurationUnit::months}, Lang::nl) == "3 maanden");
    CHECK(month_name(3, Lang::nl) == "maart");
    CHECK(reminder_message(all[0], Lang::en).find("renews on 2026-12-27 for 1 year (to 2027-12-26)") != std::string::npos);
    CHECK(reminder_message(all[0], Lang::en).find("No evaluation in the twelve months") != std::string::npos);

    ReminderReport rep;
    rep.as_of = D("2026-11-26");
    rep.horizon = days90;
    rep.horizons.fill(days90);
    rep.config = &repo.config;
    rep.reminders = &all;
    std::string json = render_reminders_json(rep);
    CHECK(json.find("\"horizon_days\": 90") != std::string::npos);
    CHECK(json.find("\"owner\": null") != std::string::npos);
    CHECK(json.find("\"owner_email\": null") != std::string::npos);  // staff listed
    CHECK(json.find("\"agreement\": \"a\"") != std::string::npos);
}

TEST_CASE("ical_text: RFC 5545 TEXT escaping drops control characters") {
    CHECK(ical_text("a;b,c\\d\ne\r") == "a\\;b\\,c\\\\d\\ne");
    CHECK(ical_text(std::string("x\x7fy\x01z")) == "xyz");
}

TEST_CASE("notice and renewal for every term in the window, each with its term end") {
    // 3-month terms ending 2027-01-31, 04-30, 07-31, 10-31, 2028-01-31; notice 1 month
    auto a = agreement("q", "2025-02-01", "2025-04-30", Renewal::tacit, months3, month1);
    auto repo = repo_of({a});
    auto all = compute_reminders(repo, options("2026-11-26", year1));
    auto notices = of_kind(all, ReminderKind::notice);
    REQUIRE(notices.size() == 4);
    CHECK(notices[0].date == D("2026-12-31"));
    CHECK(notices[0].term_end == D("2027-01-31"));
    CHECK(notices[1].date == D("2027-03-31"));
    CHECK(notices[1].term_end == D("2027-04-30"));
    CHECK(notices[2].date == D("2027-06-30"));
    CHECK(notices[3].date == D("2027-09-30"));
    CHECK(notices[3].term_end == D("2027-10-31"));
    CHECK(notices[3].next_term_end == D("2028-01-31"));
    for (const auto& n : notices) CHECK(n.notice_deadline == n.date);
    auto renewals = of_kind(all, ReminderKind::renewal);
    REQUIRE(renewals.size() == 4);  // 2027-01-31 .. 2027-10-31; 2028-01-31 is past 2027-11-26
    CHECK(renewals[3].term_end == D("2027-10-31"));
    for (std::size_t i = 1; i < all.size(); ++i) CHECK_FALSE(all[i].date < all[i - 1].date);
}

TEST_CASE("a missed stop decision: overdue notice on the deadline until the term ends or notice is recorded") {
    // yearly terms ending 2026-12-31, 3 months' notice: deadline 2026-09-30
    auto a = agreement("s", "2024-01-01", "2025-12-31", Renewal::tacit, year1, months3);
    auto stop = evaluation("s", 2026, "2026-06-01");
    stop.decision = F(Decision::stop);
    auto repo = repo_of({a}, {stop});
    auto all = compute_reminders(repo, options("2026-11-26"));
    auto notices = of_kind(all, ReminderKind::notice);
    REQUIRE(notices.size() == 1);
    const Reminder& m = notices[0];
    CHECK(m.date == D("2026-09-30"));
    CHECK(m.overdue);
    CHECK(m.missed);
    CHECK(m.days == -57);
    CHECK(m.term_end == D("2026-12-31"));
    CHECK(m.next_deadline == D("2027-09-30"));
    CHECK(m.earliest_end == D("2027-12-31"));
    CHECK(any_overdue(all));
    const std::string text = reminder_message(m, Lang::en);
    CHECK(text.find("the notice deadline 2026-09-30 for an end on 2026-12-31 has passed") != std::string::npos);
    CHECK(text.find("renews on 2027-01-01 for 1 year unless the partner agrees to end it sooner") != std::string::npos);
    CHECK(text.find("(record that as terminated with by: mutual)") != std::string::npos);
    CHECK(text.find("The next deadline is 2027-09-30, for an end on 2027-12-31.") != std::string::npos);
    CHECK(reminder_summary(m, Lang::nl).rfind("Uiterste opzegdatum gemist:", 0) == 0);
    // on the term end itself it is still there; the day after, the next term's deadline lies ahead
    CHECK(of_kind(compute_reminders(repo, options("2026-12-31")), ReminderKind::notice).at(0).missed);
    CHECK(of_kind(compute_reminders(repo, options("2027-01-01")), ReminderKind::notice).empty());
    // on the deadline itself it is an ordinary notice reminder
    auto on = of_kind(compute_reminders(repo, options("2026-09-30")), ReminderKind::notice);
    REQUIRE(on.size() == 1);
    CHECK_FALSE(on[0].overdue);
    // a later evaluation that decides to continue: nothing missed
    auto later = evaluation("s", 2027, "2026-11-01");
    CHECK(of_kind(compute_reminders(repo_of({a}, {stop, later}), options("2026-11-26")), ReminderKind::notice).empty());
    // notice recorded: only the expiry; recorded with notice_given after T: as if not yet
    Termination t;
    t.end = FD("2027-12-31");
    t.notice_given = FD("2026-12-01");
    a.terminated = t;
    auto before = compute_reminders(repo_of({a}, {stop}), options("2026-11-26"));
    CHECK(of_kind(before, ReminderKind::notice).size() == 1);
    auto after = compute_reminders(repo_of({a}, {stop}), options("2026-12-01", Duration{400, DurationUnit::days}));
    CHECK(of_kind(after, ReminderKind::notice).empty());
    CHECK(of_kind(after, ReminderKind::renewal).empty());
    REQUIRE(of_kind(after, ReminderKind::expiry).size() == 1);
    CHECK(of_kind(after, ReminderKind::expiry)[0].term_end == D("2027-12-31"));
}

TEST_CASE("a missed stop decision: indefinite up to its end, never for renewal: none") {
    auto ind = agreement("i", "2024-01-01", "2026-12-31", Renewal::indefinite, std::nullopt, months3);
    auto none = agreement("n", "2024-01-01", "2026-12-31", Renewal::none, std::nullopt, months3);
    auto si = evaluation("i", 2026, "2026-06-01");
    si.decision = F(Decision::stop);
    auto sn = evaluation("n", 2026, "2026-06-01");
    sn.decision = F(Decision::stop);
    auto repo = repo_of({ind, none}, {si, sn});
    auto notices = of_kind(compute_reminders(repo, options("2026-11-26")), ReminderKind::notice);
    REQUIRE(notices.size() == 1);
    CHECK(notices[0].agreement == "i");
    CHECK(notices[0].missed);
    CHECK(notices[0].earliest_end == D("2027-02-26"));  // notice reaching the partner today
    CHECK_FALSE(notices[0].next_deadline);
    CHECK(reminder_message(notices[0], Lang::en).find("given today, with a notice period of 3 months, it ends on 2027-02-26") !=
          std::string::npos);
    // after its end there is no term to miss
    CHECK(of_kind(compute_reminders(repo, options("2027-01-01")), ReminderKind::notice).empty());
}

TEST_CASE("decide: reminders.lead before each notice deadline ahead") {
    // yearly terms ending 2026-12-31, 3 months' notice: deadlines 2026-09-30, 2027-09-30
    auto a = agreement("d", "2024-01-01", "2025-12-31", Renewal::tacit, year1, months3);
    auto repo = repo_of({a});
    repo.config.reminders_lead = F(Duration{6, DurationUnit::weeks});
    // 6 weeks before 2026-09-30 is 2026-08-19
    auto all = compute_reminders(repo, options("2026-08-01"));
    auto decide = of_kind(all, ReminderKind::decide);
    REQUIRE(decide.size() == 1);
    CHECK(decide[0].date == D("2026-08-19"));
    CHECK_FALSE(decide[0].overdue);
    CHECK(decide[0].notice_deadline == D("2026-09-30"));
    CHECK(decide[0].term_end == D("2026-12-31"));
    CHECK(reminder_message(decide[0], Lang::en)
              .rfind("Decide by 2026-08-19 whether to end it on 2026-12-31, so that notice can reach Stichting Dock by "
                     "2026-09-30 (6 weeks later).", 0) == 0);
    // its day has passed, the deadline not yet: overdue, and --check catches it
    all = compute_reminders(repo, options("2026-09-01"));
    decide = of_kind(all, ReminderKind::decide);
    REQUIRE(decide.size() == 1);
    CHECK(decide[0].overdue);
    CHECK(decide[0].days == -13);
    CHECK(any_overdue(all));
    CHECK(reminder_summary(decide[0], Lang::en).rfind("Decision on notice overdue:", 0) == 0);
    // on the deadline itself still overdue; the day after, the deadline is missed: no decide
    CHECK(of_kind(compute_reminders(repo, options("2026-09-30")), ReminderKind::decide).size() == 1);
    CHECK(of_kind(compute_reminders(repo, options("2026-10-01")), ReminderKind::decide).empty());
    // the decide horizon: its own, else notice's; a deadline whose decide day lies past it: none
    ReminderOptions o = options("2026-06-01", Duration{60, DurationUnit::days});
    CHECK(of_kind(compute_reminders(repo, o), ReminderKind::decide).empty());  // 2026-08-19 is 79 days on
    o.horizon[static_cast<std::size_t>(ReminderKind::decide)] = Duration{80, DurationUnit::days};
    CHECK(of_kind(compute_reminders(repo, o), ReminderKind::decide).size() == 1);
    Config c;
    c.horizon_by_kind[static_cast<std::size_t>(ReminderKind::notice)] = F(Duration{6, DurationUnit::months});
    CHECK(reminder_horizons(c, std::nullopt)[static_cast<std::size_t>(ReminderKind::decide)] ==
          Duration{6, DurationUnit::months});
    c.horizon_by_kind[static_cast<std::size_t>(ReminderKind::decide)] = F(Duration{1, DurationUnit::years});
    CHECK(reminder_horizons(c, std::nullopt)[static_cast<std::size_t>(ReminderKind::decide)] == year1);
    // no lead: no decide reminders
    repo.config.reminders_lead = Field<Duration>();
    CHECK(of_kind(compute_reminders(repo, options("2026-08-01")), ReminderKind::decide).empty());
}

TEST_CASE("order: date, then decide before notice, then id, then term end") {
    // lead 0: the decide day is the deadline itself
    auto a = agreement("b", "2024-01-01", "2025-12-31", Renewal::tacit, year1, months3);
    auto b = agreement("a", "2024-01-01", "2025-12-31", Renewal::tacit, year1, months3);
    auto repo = repo_of({a, b});
    repo.config.reminders_lead = F(Duration{0, DurationUnit::days});
    auto all = compute_reminders(repo, options("2026-09-01"));
    REQUIRE(all.size() == 4);
    CHECK((all[0].kind == ReminderKind::decide && all[0].agreement == "a"));
    CHECK((all[1].kind == ReminderKind::decide && all[1].agreement == "b"));
    CHECK((all[2].kind == ReminderKind::notice && all[2].agreement == "a"));
    CHECK((all[3].kind == ReminderKind::notice && all[3].agreement == "b"));
}

TEST_CASE("next_reminder is the first reminder of the unlimited list, looking at two terms") {
    std::vector<Agreement> list{
        agreement("daily", "2000-01-01", "2000-01-10", Renewal::tacit, Duration{1, DurationUnit::days},
                  Duration{3, DurationUnit::weeks}),
        agreement("yearly", "2024-01-01", "2025-12-31", Renewal::tacit, year1, months3),
        agreement("quarterly", "2025-02-01", "2025-04-30", Renewal::tacit, months3, Duration{4, DurationUnit::months}),
        agreement("ind", "2024-01-01", "2026-12-31", Renewal::indefinite, std::nullopt, months3),
        agreement("none", "2024-01-01", "2030-12-31", Renewal::none),
        agreement("open", "2024-01-01", nullptr, std::nullopt, std::nullopt, months3),
    };
    auto stop = evaluation("yearly", 2026, "2026-06-01");
    stop.decision = F(Decision::stop);
    for (const char* as_of : {"2026-08-01", "2026-09-15", "2026-11-26", "2027-01-01"}) {
        for (bool lead : {false, true}) {
            auto repo = repo_of(list, {stop}, true);
            if (lead) repo.config.reminders_lead = F(Duration{6, DurationUnit::weeks});
            const long days = days_between(D(as_of), D("2200-12-31")) + 1;
            auto all = compute_reminders(repo, options(as_of, Duration{std::min(days, max_duration_days), DurationUnit::days}));
            for (const auto& a : repo.agreements) {
                CAPTURE(as_of);
                CAPTURE(*a.id);
                auto next = next_reminder(repo, a, D(as_of));
                const Reminder* first = nullptr;
                for (const auto& r : all)
                    if (r.agreement == *a.id) {
                        first = &r;
                        break;
                    }
                REQUIRE(next.has_value() == (first != nullptr));
                if (!first) continue;
                CHECK(next->date == first->date);
                CHECK(next->kind == first->kind);
                CHECK(next->term_end == first->term_end);
                CHECK(next->overdue == first->overdue);
            }
        }
    }
}

TEST_CASE("text: details wrap at the width with their indent, never inside a word") {
    auto a = agreement("buurtkamer-kolenkit-2027-met-een-heel-lang-id-dat-niet-past", "2024-12-27", "2025-12-26",
                       Renewal::tacit, year1, month1);
    a.title = F(std::string("A title\nwith a line break"));
    auto repo = repo_of({a});
    auto all = compute_reminders(repo, options("2026-11-26"));
    ReminderReport rep;
    rep.as_of = D("2026-11-26");
    rep.horizon = days90;
    rep.horizons.fill(days90);
    rep.config = &repo.config;
    rep.reminders = &all;
    for (std::size_t width : {40u, 80u, 200u}) {
        rep.width = width;
        const std::string text = render_reminders_text(rep, false);
        CAPTURE(width);
        if (width >= 80) CHECK(text.find("A title with a line break") != std::string::npos);
        std::size_t start = 0, longest = 0;
        while (start < text.size()) {
            std::size_t end = text.find('\n', start);
            const std::string line = text.substr(start, end - start);
            // only a line that holds the id alone may be longer than the width
            if (line.find("buurtkamer-kolenkit-2027-met") == std::string::npos) longest = std::max(longest, line.size());
            else CHECK(line.find("buurtkamer-kolenkit-2027-met-een-heel-lang-id-dat-niet-past") != std::string::npos);
            start = end + 1;
        }
        CHECK(longest <= width);
        if (width == 200) CHECK(text.find("Stichting Dock by 2026-11-26. If nothing is done") != std::string::npos);
    }
    rep.width = 80;
    rep.lang = Lang::nl;
    CHECK(render_reminders_text(rep, false).find("Uiterste opzegdatum: A title with a line break") != std::string::npos);
    const std::string json = render_reminders_json(rep);
    CHECK(json.find("\"term_end\": \"2026-12-26\"") != std::string::npos);
    CHECK(json.find("\"missed\": false") != std::string::npos);
    CHECK(json.find("\"summary\": \"Uiterste opzegdatum: A title with a line break") != std::string::npos);
}

TEST_CASE("one_line_text: every line break a space, trailing ones dropped") {
    CHECK(one_line_text("a\nb\r\nc\rd\te") == "a b c d e");
    CHECK(one_line_text("title\n") == "title");
    CHECK(one_line_text("x\u2028y\u0085z") == "x y z");
}
