// render/reminders_ics: the iCalendar of `wijk reminders` (commands.md, formats of `reminders`).
#include <doctest/doctest.h>

#include "support.h"
#include "model/i18n.h"
#include "render/reminders_ics.h"

using namespace wijk;
using namespace wijk::testing;

namespace {

Reminder reminder(ReminderKind kind, const char* date, const char* as_of, std::string_view id) {
    Reminder r;
    r.kind = kind;
    r.date = D(date);
    r.days = days_between(D(as_of), r.date);
    r.overdue = r.days < 0;
    if (kind == ReminderKind::strategy_end) r.strategy = id;
    else r.agreement = id, r.partner = "dock", r.partner_name = "Stichting Dock";
    r.title = "Buurtkamer; \"de Schakel\", een heel lange titel met \xc3\xa9\xc3\xa9n \xc3\xa9 en nog wat meer tekst";
    return r;
}

struct Fixture {
    Config config;
    Reminders list;
    ReminderReport report;
    Fixture(const char* as_of, const char* organisation = "Testcorporatie") {
        if (organisation) config.organisation = F(std::string(organisation));
        report.as_of = D(as_of);
        report.config = &config;
        report.reminders = &list;
        report.root_name = "data";
    }
};

std::vector<std::string> lines_of(const std::string& s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < s.size()) {
        std::size_t end = s.find("\r\n", start);
        REQUIRE(end != std::string::npos);
        out.push_back(s.substr(start, end - start));
        start = end + 2;
    }
    return out;
}

// The unfolded content lines.
std::vector<std::string> unfolded(const std::string& ics) {
    std::vector<std::string> out;
    for (const auto& l : lines_of(ics)) {
        CHECK(l.size() <= 75);
        if (!l.empty() && l[0] == ' ') out.back() += l.substr(1);
        else out.push_back(l);
    }
    return out;
}

bool has(const std::vector<std::string>& lines, const std::string& line) {
    return std::find(lines.begin(), lines.end(), line) != lines.end();
}

}  // namespace

TEST_CASE("ics: an empty list is a calendar with Europe/Amsterdam, named the same every day") {
    Fixture f("2026-11-26");
    auto lines = unfolded(render_reminders_ics(f.report, Lang::en));
    CHECK(lines.front() == "BEGIN:VCALENDAR");
    CHECK(lines.back() == "END:VCALENDAR");
    CHECK(has(lines, "BEGIN:VTIMEZONE"));
    CHECK(has(lines, "TZID:Europe/Amsterdam"));
    CHECK(has(lines, "X-WR-CALNAME:Testcorporatie: reminders"));
    Fixture later("2027-03-01");
    CHECK(has(unfolded(render_reminders_ics(later.report, Lang::en)), "X-WR-CALNAME:Testcorporatie: reminders"));
    CHECK(has(unfolded(render_reminders_ics(later.report, Lang::nl)), "X-WR-CALNAME:Testcorporatie: herinneringen"));
}

TEST_CASE("ics: an overdue reminder is on the as-of date, same UID every day, SEQUENCE the days overdue") {
    Fixture day1("2026-11-26"), day2("2026-11-27");
    day1.list.push_back(reminder(ReminderKind::evaluation, "2026-06-01", "2026-11-26", "a"));
    day1.list.back().evaluation_year = 2026;
    day2.list.push_back(reminder(ReminderKind::evaluation, "2026-06-01", "2026-11-27", "a"));
    day2.list.back().evaluation_year = 2026;
    auto l1 = unfolded(render_reminders_ics(day1.report, Lang::en));
    auto l2 = unfolded(render_reminders_ics(day2.report, Lang::nl));
    CHECK(has(l1, "DTSTART;VALUE=DATE:20261126"));
    CHECK(has(l1, "DTEND;VALUE=DATE:20261127"));
    CHECK(has(l1, "SEQUENCE:178"));
    CHECK(has(l1, "TRIGGER:PT9H"));  // alarms 30 and 7 days before would lie in the past
    CHECK_FALSE(has(l1, "TRIGGER:-P30D"));
    CHECK(has(l2, "DTSTART;VALUE=DATE:20261127"));
    CHECK(has(l2, "SEQUENCE:179"));
    CHECK(has(l1, "UID:evaluation-a-2026@testcorporatie.wijk"));
    CHECK(has(l2, "UID:evaluation-a-2026@testcorporatie.wijk"));
    bool titled = false;
    for (const auto& l : l1) titled = titled || l.rfind("SUMMARY:Overdue since 2026-06-01: Evaluation 2026: Buurtkamer", 0) == 0;
    CHECK(titled);
    titled = false;
    for (const auto& l : l2) titled = titled || l.rfind("SUMMARY:Te laat sinds 2026-06-01: Evaluatie 2026: Buurtkamer", 0) == 0;
    CHECK(titled);
    CHECK(has(l1, "DTSTAMP:20261126T000000Z"));
}

TEST_CASE("ics: a reminder ahead keeps its day, SEQUENCE 0 and alarms 30 and 7 days before") {
    Fixture f("2026-11-26");
    f.list.push_back(reminder(ReminderKind::notice, "2026-12-01", "2026-11-26", "a"));
    f.list.back().term_end = D("2026-12-31");
    auto lines = unfolded(render_reminders_ics(f.report, Lang::en));
    CHECK(has(lines, "DTSTART;VALUE=DATE:20261201"));
    CHECK(has(lines, "SEQUENCE:0"));
    CHECK(has(lines, "TRIGGER:-P30D"));
    CHECK(has(lines, "TRIGGER:-P7D"));
    CHECK(has(lines, "UID:notice-a-2026-12-31@testcorporatie.wijk"));
    // escaped per RFC 5545 3.3.11
    bool escaped = false;
    for (const auto& l : lines) escaped = escaped || l.find("SUMMARY:Notice deadline: Buurtkamer\\; \"de Schakel\"\\,") == 0;
    CHECK(escaped);
}

TEST_CASE("ics: UIDs differ per term, kind and repository; the root's name, never its path") {
    Fixture a("2026-11-26"), b("2026-11-26", "Woonstichting \xc3\x89\xc3\xa9ndracht"), c("2026-11-26", nullptr),
        d("2026-11-26", nullptr);
    c.report.root_name = "wijkdata";
    d.report.root_name = "andere-data";
    Reminder r = reminder(ReminderKind::notice, "2026-12-01", "2026-11-26", "a");
    r.term_end = D("2026-12-31");
    Reminder next = r;
    next.date = D("2027-03-01");
    next.term_end = D("2027-03-31");
    Reminder renewal = r;
    renewal.kind = ReminderKind::renewal;
    CHECK(reminder_uid(a.report, r) != reminder_uid(a.report, next));
    CHECK(reminder_uid(a.report, r) != reminder_uid(a.report, renewal));
    CHECK(reminder_uid(a.report, r) != reminder_uid(b.report, r));
    CHECK(reminder_uid(c.report, r) != reminder_uid(d.report, r));
    CHECK(reminder_uid(c.report, r) == "notice-a-2026-12-31@wijkdata.wijk");
    CHECK(reminder_uid(b.report, r).rfind("notice-a-2026-12-31@woonstichting-eendracht-", 0) == 0);
    // a name outside ASCII keeps its hash: "Ééndracht" and "Eendracht" are two organisations
    Fixture e("2026-11-26", "Woonstichting Eendracht");
    CHECK(reminder_uid(b.report, r) != reminder_uid(e.report, r));
    // the same reminder on another day (or overdue) keeps its UID
    Fixture later("2027-01-05");
    Reminder late = r;
    late.days = -35;
    late.overdue = true;
    CHECK(reminder_uid(later.report, late) == reminder_uid(a.report, r));
}

TEST_CASE("ics: a title with a line break stays one line; lines are folded at 75 octets, not inside UTF-8") {
    Fixture f("2026-11-26");
    f.list.push_back(reminder(ReminderKind::expiry, "2026-12-10", "2026-11-26", "a"));
    f.list.back().title = "Eerste regel\nBEGIN:VEVENT\r\nSUMMARY:nep \xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
                          "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9";
    std::string ics = render_reminders_ics(f.report, Lang::en);
    std::size_t events = 0;
    for (const auto& l : lines_of(ics)) {
        CHECK(l.size() <= 75);
        events += l == "BEGIN:VEVENT" ? 1 : 0;
        // a continuation never starts with a UTF-8 continuation byte
        if (l.size() > 1 && l[0] == ' ') CHECK((static_cast<unsigned char>(l[1]) & 0xC0) != 0x80);
    }
    CHECK(events == 1);
    for (const auto& l : unfolded(ics))
        if (l.rfind("SUMMARY:", 0) == 0) CHECK(l.find("\\n") == std::string::npos);
}
