// `wijk reminders -f ics`: the reminders as an iCalendar file (RFC 5545), for a calendar program
// to import or subscribe to, and as the attachment of each owner's e-mail.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <string_view>

#include "model/lang.h"
#include "render/reminders.h"

namespace wijk {

// Who the reminders are of: wijk.yaml's organisation, else the data root's folder name.
std::string repository_name(const ReminderReport& report);
// repository_name as a token for UIDs and Message-IDs: lower-case ASCII letters, digits and '-',
// with a short hash of the name added when that loses part of it (letters outside ASCII).
std::string repository_key(const ReminderReport& report);

// The UID of a reminder: the same in every run, on every day, overdue or not, and different for
// every kind, agreement or strategy, term (or evaluation year) and repository:
// "notice-dock-geuzenveld-2026-12-31@testcorporatie.wijk".
std::string reminder_uid(const ReminderReport& report, const Reminder& r);

void stream_reminders_ics(const ReminderReport& report, Lang lang, const std::function<void(std::string_view)>& flush);
std::string render_reminders_ics(const ReminderReport& report, Lang lang);
// The calendar of some of the report's reminders (one owner's, for their e-mail).
std::string render_reminders_ics(const ReminderReport& report, std::span<const Reminder* const> items, Lang lang);

}  // namespace wijk
