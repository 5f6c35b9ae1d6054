// The outputs of `wijk reminders`: text, Markdown and JSON, and the wording every format of
// reminders shares. iCalendar: render/reminders_ics.h; e-mail: render/reminders_email.h.
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
    // The data root's folder name (never its path): names the calendar and keeps its UIDs apart
    // from other repositories' when wijk.yaml has no organisation.
    std::string root_name;
};

// Human-readable parts, in `lang`; every one a single line (a line break in the data shown as
// a space).
std::string reminder_summary(const Reminder& r, Lang lang);  // "Notice deadline: TITLE (ID)"
std::string reminder_message(const Reminder& r, Lang lang);  // what it means and what to do
std::string duration_text(const Duration& d, Lang lang);     // "3 months" / "3 maanden"
std::string month_name(unsigned month, Lang lang);           // "December" / "december"
std::string month_heading(const Date& d, Lang lang);         // "December 2026", in both languages
std::string reminder_context(const Reminder& r, Lang lang);  // "partner: ...; owner: ...; neighbourhoods: ..."
std::string reminder_days_text(long days, Lang lang);        // "in 3 days", "yesterday", "today"
// `s` on one line: each line break (LF, CR, CRLF, NEL, LS, PS) and tab a space, trailing ones dropped.
std::string one_line_text(std::string_view s);

std::string render_reminders_text(const ReminderReport& report, bool color);
std::string render_reminders_markdown(const ReminderReport& report);
std::string render_reminders_json(const ReminderReport& report);
// The same, handed to `flush` piece by piece (a long list is megabytes).
void stream_reminders_json(const ReminderReport& report, const std::function<void(std::string_view)>& flush);
void stream_reminders_text(const ReminderReport& report, bool color, const std::function<void(std::string_view)>& flush);
void stream_reminders_markdown(const ReminderReport& report, const std::function<void(std::string_view)>& flush);

}  // namespace wijk
