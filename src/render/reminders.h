// The outputs of `wijk reminders`: text, Markdown, JSON and iCalendar (RFC 5545).
#pragma once

#include <functional>
#include <string_view>

#include <array>
#include <string>
#include <vector>

#include "model/lang.h"
#include "model/records.h"
#include "report/reminders.h"

namespace wijk {

struct ReminderReport {
    Date as_of{};
    Duration horizon{};  // the default horizon (JSON horizon_days)
    std::array<Duration, reminder_kind_count> horizons{};
    const Config* config = nullptr;  // organisation, staff (owner names and e-mail)
    const Reminders* reminders = nullptr;
    bool group_by_owner = false;  // text and Markdown: one section per owner
    Lang lang = Lang::en;         // of every human-readable text (text, Markdown, JSON)
    std::size_t width = 80;       // text: the terminal's columns (details wrap within them)
};

// Human-readable parts, in `lang`; every one a single line (a line break in the data shown as
// a space).
std::string reminder_summary(const Reminder& r, Lang lang);  // "Notice deadline: TITLE (ID)"
std::string reminder_message(const Reminder& r, Lang lang);  // what it means and what to do
std::string duration_text(const Duration& d, Lang lang);     // "3 months" / "3 maanden"
std::string month_name(unsigned month, Lang lang);           // "December" / "december"
// `s` on one line: each line break (LF, CR, CRLF, NEL, LS, PS) and tab a space, trailing ones dropped.
std::string one_line_text(std::string_view s);

std::string render_reminders_text(const ReminderReport& report, bool color);
std::string render_reminders_markdown(const ReminderReport& report);
std::string render_reminders_json(const ReminderReport& report);
// The same, handed to `flush` piece by piece (a long list is megabytes).
void stream_reminders_json(const ReminderReport& report, const std::function<void(std::string_view)>& flush);
void stream_reminders_text(const ReminderReport& report, bool color, const std::function<void(std::string_view)>& flush);
void stream_reminders_markdown(const ReminderReport& report, const std::function<void(std::string_view)>& flush);
void stream_reminders_ics(const ReminderReport& report, const std::function<void(std::string_view)>& flush);
std::string render_reminders_ics(const ReminderReport& report);

// The iCalendar UID of a reminder: stable across runs ("notice-dock-geuzenveld-2026-12-31@wijk").
std::string reminder_uid(const Reminder& r);

}  // namespace wijk
