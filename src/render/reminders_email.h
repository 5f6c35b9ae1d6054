// `wijk reminders --format email`: one RFC 5322 message per owner with reminders (commands.md,
// "E-mail per owner"): text and HTML in UTF-8, the owner's reminders attached as a calendar.
// Pure: the report in, the messages out; writing and sending them is cli/reminders_email.cpp.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/lang.h"
#include "render/mime.h"
#include "render/reminders.h"

namespace wijk {

struct MailSetup {
    mime::Mailbox from;                     // reminders.from
    std::optional<mime::Mailbox> fallback;  // reminders.fallback
};

struct ReminderEmail {
    std::string name;    // the file's name without .eml: the owner's staff id, or "_fallback"
    std::string owner;   // the staff id; empty for the fallback message
    mime::Mailbox to;
    std::size_t count = 0, overdue = 0;
    std::string message;  // the whole message, CRLF line ends
};

// An owner whose reminders could not go to them: not in staff, no e-mail, or one that is not
// an address wijk can write (then `address` is it).
struct UnreachableOwner {
    std::string owner;
    std::string address;
};

struct ReminderEmails {
    std::vector<ReminderEmail> messages;        // by owner id; the fallback message last
    std::vector<const Reminder*> undelivered;   // for no one: no owner's e-mail and no fallback
    std::vector<UnreachableOwner> unreachable;  // owners whose reminders went to the fallback (or nowhere)
};

// The name of the header field that marks a message wijk wrote (so that --out DIR removes only
// its own old files).
inline constexpr std::string_view wijk_message_field = "X-Wijk-Reminders";

ReminderEmails render_reminder_emails(const ReminderReport& report, const MailSetup& setup, Lang lang);

// "Thu, 26 Nov 2026 00:00:00 +0100": the start of `day` in Europe/Amsterdam (RFC 5322 3.3).
std::string mail_date(const Date& day);

}  // namespace wijk
