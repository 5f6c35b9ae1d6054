// The evaluation checklist: which agreements are due, what each checklist says, and its
// renderings (report/checklist, render/checklist).
#include <doctest/doctest.h>

#include "support.h"
#include "model/i18n.h"
#include "render/checklist.h"
#include "report/checklist.h"

using namespace wijk;
using namespace wijk::testing;

namespace {

constexpr std::string_view data = R"(
neighbourhoods:
  - {id: noord, name: Noord, municipality: Amsterdam}
  - {id: zuid, name: Zuid, municipality: Amsterdam}
liveability:
  - {neighbourhood: noord, year: 2020, class: 3}
  - {neighbourhood: noord, year: 2022, class: 5}
  - {neighbourhood: noord, year: 2022, class: 4, source: other}
  - {neighbourhood: noord, year: 2024, class: 6}
  - {neighbourhood: zuid, year: 2024, score: 4.1}
partners:
  - id: p
    name: Partner
    kind: residents
    contacts: [{name: Secret Person, email: s@example.nl}]
strategies:
  - {id: s, title: Noord 2023, neighbourhoods: [noord], start: 2023-01-01, end: 2027-12-31}
agreements:
  - {id: active-oct, partner: p, title: A, neighbourhoods: [noord, zuid], start: 2021-10-01, notice: 3 months,
     strategy: s, we_provide: [{kind: funding, description: "Budget", amount_per_year: 1000}],
     partner_provides: [{id: meetings, description: "Meetings", target: 10, unit: meetings}]}
  - {id: due-dec, partner: p, title: B, neighbourhoods: [noord], start: 2024-12-15, notice: 1 month}
  - {id: terminating, partner: p, title: C, neighbourhoods: [noord], start: 2020-03-01, notice: 1 month,
     terminated: {end: 2026-06-30, notice_given: 2026-01-10}}
  - {id: ended, partner: p, title: D, neighbourhoods: [noord], start: 2020-05-01, end: 2026-04-30, renewal: none}
  - {id: upcoming, partner: p, title: E, neighbourhoods: [noord], start: 2026-02-01, notice: 1 month}
  - {id: evaluated, partner: p, title: F, neighbourhoods: [noord], start: 2020-01-10, notice: 1 month}
  - {id: leap, partner: p, title: G, neighbourhoods: [noord], start: 2023-01-01, notice: 1 month,
     evaluation_due: "02-29"}
  - {id: tacit, partner: p, title: H, neighbourhoods: [noord], start: 2024-01-01, end: 2024-12-31,
     renewal: tacit, renewal_term: 1 year, notice: 3 months, evaluation_due: "11-15"}
evaluations:
  - {agreement: evaluated, year: 2026, date: 2026-01-15, decision: continue}
  - {agreement: active-oct, year: 2025, date: 2025-10-05, decision: adjust, notes: Fewer meetings,
     participants: [Secret Participant], results: [{commitment: meetings, achieved: 8}]}
)";

Repository repository() {
    Diagnostics diags;
    Repository repo = testing::load_text(data, &diags);
    REQUIRE(diags.errors() == 0);
    return repo;
}

std::vector<std::string> ids(const std::vector<const Agreement*>& as) {
    std::vector<std::string> out;
    for (const auto* a : as) out.emplace_back(*a->id);
    return out;
}
std::vector<std::string> ids(const Checklist& c) {
    std::vector<std::string> out;
    for (const auto& it : c.items) out.emplace_back(*it.agreement->id);
    return out;
}
bool has(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}
}  // namespace

TEST_CASE(
    "due agreements: active or terminating on their due date, not yet evaluated, by due date") {
    auto repo = repository();
    // ended (2026-04-30, before its due date 05-01), upcoming (no due date before start + 1 year)
    // and evaluated (a 2026 record) are left out; due-dec is due later in the year
    std::vector<std::string> want{"leap", "terminating", "active-oct", "tacit", "due-dec"};
    std::vector<UnknownAgreement> unknown;
    auto c = build_checklist(repo, {2026, D("2026-01-05"), {}, false}, unknown);
    CHECK(ids(c) == want);
    CHECK(unknown.empty());
    CHECK(c.items[0].due == D("2026-02-28"));  // 02-29 in a common year
    CHECK(c.items[1].status == Status::terminating);
    CHECK(ids(select_due_agreements(repo, 2027)) ==
          std::vector<std::string>{"active-oct", "due-dec", "upcoming", "evaluated", "leap",
                                   "tacit"});
    // the upcoming agreement's first due date is 2027-02-01, the ended one's is gone by 2027
    auto y27 = build_checklist(repo, {2027, D("2027-01-01"), {}, false}, unknown);
    CHECK(ids(y27) == std::vector<std::string>{"evaluated", "upcoming", "leap", "active-oct",
                                               "tacit", "due-dec"});
    CHECK(y27.items[1].due == D("2027-02-01"));
    CHECK(y27.items[2].due == D("2027-02-28"));
    auto y28 = build_checklist(repo, {2028, D("2028-01-01"), {"leap"}, false}, unknown);
    CHECK(y28.items[0].due == D("2028-02-29"));
}

TEST_CASE("selection by id: any agreement, unknown ids with the closest suggested") {
    auto repo = repository();
    std::vector<UnknownAgreement> unknown;
    auto c = build_checklist(
        repo, {2026, D("2026-11-26"), {"evaluated", "ended", "tacti", "evaluated"}, false},
        unknown);
    CHECK(ids(c) == std::vector<std::string>{"evaluated", "ended"});  // by due date, once each
    REQUIRE(unknown.size() == 1);
    CHECK(unknown[0].id == "tacti");
    CHECK(unknown[0].suggestion == std::string("tacit"));
    CHECK(c.items[0].this_year != nullptr);
    CHECK(c.items[1].status == Status::ended);
}

TEST_CASE("decide by: the due date, or the notice deadline when that comes first") {
    auto repo = repository();
    auto tacit = checklist_item(repo, *repo.agreement("tacit"), 2026, D("2026-01-01"), false);
    CHECK(tacit.due == D("2026-11-15"));
    CHECK(tacit.term_end == D("2026-12-31"));
    CHECK(tacit.notice_deadline == D("2026-09-30"));
    CHECK(tacit.decide_by == D("2026-09-30"));
    CHECK(tacit.decide_by_reason == DecideBy::notice_deadline);
    auto open = checklist_item(repo, *repo.agreement("active-oct"), 2026, D("2026-01-01"), false);
    CHECK(open.due == D("2026-10-01"));
    CHECK_FALSE(open.term_end.has_value());  // no end: no term, no notice deadline
    CHECK_FALSE(open.notice_deadline.has_value());
    CHECK(open.decide_by == D("2026-10-01"));
    CHECK(open.decide_by_reason == DecideBy::due_date);
    auto term = checklist_item(repo, *repo.agreement("terminating"), 2026, D("2026-01-01"), false);
    CHECK(term.term_end == D("2026-06-30"));
    CHECK_FALSE(term.notice_deadline.has_value());  // notice has been given
    CHECK(open.last_year != nullptr);
    CHECK(open.strategy == repo.strategy("s"));
}

TEST_CASE("decide by: a notice deadline already passed when the checklist is made gives way to the next term's") {
    auto repo = repository();
    // prepared on 2026-10-15: the deadline 2026-09-30 (term ending 2026-12-31) has passed, so
    // the decision can only end the term ending 2027-12-31, deadline 2027-09-30: after the due date
    auto late = checklist_item(repo, *repo.agreement("tacit"), 2026, D("2026-10-15"), false);
    CHECK(late.notice_deadline == D("2026-09-30"));
    CHECK(late.decide_by == D("2026-11-15"));
    CHECK(late.decide_by_reason == DecideBy::due_date);
    // prepared on the deadline itself: still in time
    auto on_time = checklist_item(repo, *repo.agreement("tacit"), 2026, D("2026-09-30"), false);
    CHECK(on_time.decide_by == D("2026-09-30"));
    CHECK(on_time.decide_by_reason == DecideBy::notice_deadline);
}

TEST_CASE(
    "liveability: lowest class per year, change from the latest class at or before the start") {
    auto repo = repository();
    auto t = liveability_trend(repo, *repo.neighbourhood("noord"), D("2021-10-01"));
    REQUIRE(t.years.size() == 3);
    CHECK(*t.years[1].klass == 4);  // two records in 2022: the lowest counts
    REQUIRE(t.base.has_value());
    CHECK(t.base->year == 2020);
    CHECK(t.latest->year == 2024);
    CHECK(t.change == 3);
    auto at_start = liveability_trend(repo, *repo.neighbourhood("noord"), D("2022-03-01"));
    CHECK(at_start.base->year == 2022);
    CHECK(at_start.change == 2);
    auto before = liveability_trend(repo, *repo.neighbourhood("noord"), D("2019-03-01"));
    CHECK_FALSE(before.base.has_value());
    CHECK_FALSE(before.change.has_value());
    auto score_only = liveability_trend(repo, *repo.neighbourhood("zuid"), D("2021-10-01"));
    CHECK(score_only.years.size() == 1);
    CHECK_FALSE(score_only.latest.has_value());
}

TEST_CASE("markdown: a task per provision and commitment, no personal data unless asked") {
    auto repo = repository();
    std::vector<UnknownAgreement> unknown;
    auto c = build_checklist(repo, {2026, D("2026-09-01"), {"active-oct"}, false}, unknown);
    std::string md = render_checklist(c, c.items, ChecklistFormat::markdown, Lang::en);
    CHECK(has(md, "# Evaluation 2026: A\n"));
    CHECK(has(md, "- [ ] Funding: Budget; €1,000.00 a year\n"));
    CHECK(
        has(md, "- [ ] Meetings (meetings): target 10 meetings a year; last year: 8 — achieved: "));
    CHECK(has(md, "* **Decision:** adjust\n"));
    CHECK(has(md, "* **Notes:** Fewer meetings\n"));
    CHECK(has(md, "| Noord | 3 | 4 | 6 | +3: 3 insufficient (2020) → 6 amply sufficient (2024) |"));
    CHECK(has(md, "| Zuid |  |  | score 4.1 | no class recorded |"));
    CHECK(has(md, "Noord 2023 (s)"));
    CHECK(has(md, "- [ ] Stop"));
    CHECK_FALSE(has(md, "Secret"));
    auto with = build_checklist(repo, {2026, D("2026-09-01"), {"active-oct"}, true}, unknown);
    std::string md2 = render_checklist(with, with.items, ChecklistFormat::markdown, Lang::en);
    CHECK(has(md2, "Secret Person, s@example.nl"));
    CHECK(has(md2, "Secret Participant"));
    repo.config.contacts_in_reports = Field<bool>(true, Loc{});
    auto cfg = build_checklist(repo, {2026, D("2026-09-01"), {"active-oct"}, false}, unknown);
    CHECK(has(render_checklist(cfg, cfg.items, ChecklistFormat::markdown, Lang::en), "Secret Person"));
}

TEST_CASE("markdown and html escape data; html has one page per agreement; Dutch") {
    auto repo = repository();
    repo.agreements[0].title = testing::FT(repo, "<b>*x*</b>\n# y");
    std::vector<UnknownAgreement> unknown;
    auto c =
        build_checklist(repo, {2026, D("2026-09-01"), {"active-oct", "tacit"}, false}, unknown);
    std::string md = render_checklist(c, c.items, ChecklistFormat::markdown, Lang::en);
    CHECK(has(md, "# Evaluation 2026: &lt;b&gt;\\*x\\*&lt;/b&gt; \\# y\n"));
    CHECK(has(md, "\n---\n\n# Evaluation 2026: H\n"));
    std::string html = render_checklist(c, c.items, ChecklistFormat::html, Lang::en);
    CHECK(has(html, "<h1>Evaluation 2026: &lt;b&gt;*x*&lt;/b&gt;\n# y</h1>"));
    CHECK(has(html, "page-break-after:always"));
    CHECK(has(html, "<input type=\"checkbox\">Meetings (meetings)"));
    std::size_t sections = 0;
    for (std::size_t at = html.find("<section"); at != std::string::npos;
         at = html.find("<section", at + 1))
        ++sections;
    CHECK(sections == 2);
    std::string nl = render_checklist(c, c.items, ChecklistFormat::markdown, Lang::nl);
    CHECK(has(nl, "# Evaluatie 2026: H\n"));
    CHECK(has(nl, "Besluit uiterlijk 2026-09-30: de uiterste opzegdatum"));
    CHECK(has(nl, "doel 10 meetings per jaar"));
}

TEST_CASE("yaml: an evaluation record with blanks, comments kept on one line") {
    auto repo = repository();
    repo.agreements[0].partner_provides[0].description =
        testing::FT(repo, "two\nlines\xe2\x80\xa8here");
    std::vector<UnknownAgreement> unknown;
    auto c =
        build_checklist(repo, {2026, D("2026-09-01"), {"active-oct", "due-dec"}, false}, unknown);
    std::string y = render_checklist(c, c.items, ChecklistFormat::yaml, Lang::en);
    CHECK(has(y, "\nevaluations:\n"));
    CHECK(has(y, "  - agreement: active-oct\n    year: 2026\n    date:  "));
    CHECK(has(y, "    decision:              # continue, adjust or stop"));
    CHECK(has(y,
              "      # two lines here (meetings): target 10 meetings a year\n      - commitment: "
              "meetings\n"));
    CHECK(has(y, "  - agreement: due-dec\n"));
    CHECK(has(y, "    results: []"));
    // it reads back: one record per agreement, date and decision missing
    Diagnostics diags;
    Repository back = testing::load_text(y, &diags, "new.yaml");
    REQUIRE(back.evaluations.size() == 2);
    CHECK_FALSE(back.evaluations[0].date.has());
    CHECK_FALSE(back.evaluations[0].decision.has());
    CHECK(back.evaluations[0].results.size() == 1);
    CHECK(diags.errors() == 4);  // date and decision, twice
}
