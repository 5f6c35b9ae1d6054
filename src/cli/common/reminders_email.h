// `wijk reminders --format email`: delivering each owner's message, to DIR/OWNER.eml (--out) or to
// a mail program (--sendmail). Kept apart from cli/reminders.cpp, which only calls these two.
#pragma once

#include <optional>
#include <string>

#include "model/lang.h"
#include "render/reminders.h"

namespace wijk {

struct EmailDelivery {
    std::optional<std::string> out_dir;   // --out DIR
    std::optional<std::string> sendmail;  // --sendmail CMD
};

// The usage errors of --out and --sendmail that need no data (printed): exit status 2, or
// nullopt to go on.
std::optional<int> check_email_options(bool email_format, const EmailDelivery& delivery, bool output_given, Lang lang);

// Renders every owner's message and delivers it; the exit status (0, 2 without a usable
// reminders.from, 3 when a file could not be written or a message not sent).
int deliver_reminder_emails(const ReminderReport& report, const EmailDelivery& delivery, bool quiet, Lang lang);

}  // namespace wijk
