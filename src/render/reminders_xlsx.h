// `wijk reminders -f xlsx`: one sheet, one row per reminder, cells typed (render/xlsx.h).
#pragma once

#include <string>

#include "render/reminders.h"

namespace wijk {

// Writes the workbook to `path`; an error text, empty when it was written.
std::string write_reminders_xlsx(const ReminderReport& report, Lang lang, const std::string& path);

}  // namespace wijk
