// The outputs of `wijk reminders`: text, Markdown, JSON and iCalendar (RFC 5545).
#pragma once

#include <functional>
#include <string_view>

#include <array>
#include <string>
#include <vector>

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
};

// Human-readable parts, in the output language.
std::string reminder_summary(const Reminder& r);  // one line: "Notice deadline: TITLE (ID)"
std::string reminder_message(const Reminder& r);  // what it means and what to do
std::string duration_text(const Duration& d);     // "3 months" / "3 maanden"
std::string month_name(unsigned month);           // "December" / "december"

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
