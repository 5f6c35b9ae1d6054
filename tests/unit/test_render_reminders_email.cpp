// render/reminders_email: one message per owner (commands.md, "E-mail per owner").
#include <doctest/doctest.h>

#include "support.h"
#include "model/i18n.h"
#include "render/reminders_email.h"

using namespace wijk;
using namespace wijk::testing;

namespace {

Reminder owned(const char* date, const char* as_of, std::string_view id, std::string_view owner,
               std::optional<std::string_view> email) {
    Reminder r;
    r.kind = ReminderKind::expiry;
    r.date = D(date);
    r.days = days_between(D(as_of), r.date);
    r.overdue = r.days < 0;
    r.agreement = id;
    r.partner = "dock";
    r.title = id;
    r.owner = owner;
    r.owner_email = email;
    return r;
}

struct Fixture {
    Config config;
    Reminders list;
    ReminderReport report;
    MailSetup setup;
    Fixture() {
        config.organisation = F(std::string("Testcorporatie"));
        StaffMember anouk;
        anouk.id = F(std::string("anouk"));
        anouk.name = F(std::string("Anouk de Vries-\xc3\x87" "elik"));
        anouk.email = F(std::string("a@example.nl"));
        config.staff.push_back(anouk);
        config.staff_listed = true;
        report.as_of = D("2026-11-26");
        report.config = &config;
        report.reminders = &list;
        setup.from = {"", "wijk@example.nl"};
    }
};

std::string header_block(const std::string& message) { return message.substr(0, message.find("\r\n\r\n") + 2); }

}  // namespace

TEST_CASE("mail_date: midnight in Europe/Amsterdam, winter and summer time") {
    CHECK(mail_date(D("2026-11-26")) == "Thu, 26 Nov 2026 00:00:00 +0100");
    CHECK(mail_date(D("2026-07-01")) == "Wed, 1 Jul 2026 00:00:00 +0200");
    // summer time starts on 29 March 2026 at 02:00 and ends on 25 October 2026 at 03:00
    CHECK(mail_date(D("2026-03-29")) == "Sun, 29 Mar 2026 00:00:00 +0100");
    CHECK(mail_date(D("2026-03-30")) == "Mon, 30 Mar 2026 00:00:00 +0200");
    CHECK(mail_date(D("2026-10-25")) == "Sun, 25 Oct 2026 00:00:00 +0200");
    CHECK(mail_date(D("2026-10-26")) == "Mon, 26 Oct 2026 00:00:00 +0100");
}

TEST_CASE("email: one message per owner with an e-mail, the rest to the fallback") {
    Fixture f;
    f.list.push_back(owned("2026-10-01", "2026-11-26", "late", "anouk", "a@example.nl"));
    f.list.push_back(owned("2026-12-01", "2026-11-26", "soon", "anouk", "a@example.nl"));
    f.list.push_back(owned("2026-12-02", "2026-11-26", "kees-one", "kees", std::nullopt));
    f.list.push_back(owned("2026-12-03", "2026-11-26", "nobody", "", std::nullopt));
    f.list.push_back(owned("2026-12-04", "2026-11-26", "bad", "lisa", "lisa at example"));

    auto none = render_reminder_emails(f.report, f.setup, Lang::en);
    REQUIRE(none.messages.size() == 1);
    CHECK(none.messages[0].name == "anouk");
    CHECK(none.messages[0].count == 2);
    CHECK(none.messages[0].overdue == 1);
    CHECK(none.undelivered.size() == 3);
    REQUIRE(none.unreachable.size() == 2);
    CHECK(none.unreachable[0].owner == "kees");
    CHECK(none.unreachable[1].address == "lisa at example");

    f.setup.fallback = mime::Mailbox{"Wijkteam", "team@example.nl"};
    auto all = render_reminder_emails(f.report, f.setup, Lang::en);
    REQUIRE(all.messages.size() == 2);
    CHECK(all.undelivered.empty());
    const auto& fb = all.messages[1];
    CHECK(fb.name == "_fallback");
    CHECK(fb.owner.empty());
    CHECK(fb.count == 3);
    CHECK(header_block(fb.message).find("To: Wijkteam <team@example.nl>\r\n") != std::string::npos);

    const std::string head = header_block(all.messages[0].message);
    CHECK(head.find("To: =?UTF-8?Q?Anouk_de_Vries-=C3=87elik?= <a@example.nl>\r\n") != std::string::npos);
    CHECK(head.find("From: Testcorporatie <wijk@example.nl>\r\n") != std::string::npos);
    CHECK(head.find("Subject: Testcorporatie: 2 reminders, 1 overdue\r\n") != std::string::npos);
    CHECK(head.find("Date: Thu, 26 Nov 2026 00:00:00 +0100\r\n") != std::string::npos);
    CHECK(head.find("Message-ID: <reminders.2026-11-26.anouk.testcorporatie@example.nl>\r\n") != std::string::npos);
    CHECK(head.find("X-Wijk-Reminders: as of 2026-11-26\r\n") != std::string::npos);
    CHECK(all.messages[0].message.find("filename=\"reminders-2026-11-26.ics\"") != std::string::npos);

    auto nl = render_reminder_emails(f.report, f.setup, Lang::nl);
    CHECK(header_block(nl.messages[0].message).find("Subject: Testcorporatie: 2 herinneringen, waarvan 1 te laat\r\n") !=
          std::string::npos);
    CHECK(header_block(nl.messages[0].message).find("Content-Language: nl\r\n") != std::string::npos);
}

TEST_CASE("email: the same report gives the same bytes; every line within 78 characters") {
    Fixture f;
    f.list.push_back(owned("2026-12-01", "2026-11-26", "soon", "anouk", "a@example.nl"));
    auto a = render_reminder_emails(f.report, f.setup, Lang::en);
    auto b = render_reminder_emails(f.report, f.setup, Lang::en);
    REQUIRE(a.messages.size() == 1);
    CHECK(a.messages[0].message == b.messages[0].message);
    const std::string& m = a.messages[0].message;
    std::size_t start = 0;
    while (start < m.size()) {
        std::size_t end = m.find("\r\n", start);
        REQUIRE(end != std::string::npos);
        CHECK(end - start <= 78);
        CHECK(m.substr(start, end - start).find('\n') == std::string::npos);
        start = end + 2;
    }
}

TEST_CASE("email: an owner with no reminders gets no message; no owner shaped like a path gets a file") {
    Fixture f;
    auto empty = render_reminder_emails(f.report, f.setup, Lang::en);
    CHECK(empty.messages.empty());
    f.list.push_back(owned("2026-12-01", "2026-11-26", "x", "../etc/passwd", "a@example.nl"));
    f.setup.fallback = mime::Mailbox{"", "team@example.nl"};
    auto r = render_reminder_emails(f.report, f.setup, Lang::en);
    REQUIRE(r.messages.size() == 1);
    CHECK(r.messages[0].name == "_fallback");
}
