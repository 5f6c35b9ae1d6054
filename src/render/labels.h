// The words people read for the model's enums, in the output language: one vocabulary for
// every command and format (JSON and CSV keep the English enum names of model/enums.h).
#pragma once

#include <string_view>

#include "model/lang.h"
#include "model/records.h"
#include "model/terms.h"

namespace wijk {

// Each in the language given, or (transitional) in the process-wide output language.
std::string_view status_label(Status s, Lang lang);
std::string_view decision_label(Decision d, Lang lang);
std::string_view reminder_kind_label(ReminderKind k, Lang lang);
std::string_view partner_kind_label(PartnerKind k, Lang lang);
std::string_view provision_kind_label(ProvisionKind k, Lang lang);
std::string_view lease_label(Lease l, Lang lang);
std::string_view renewal_label(Renewal r, Lang lang);
std::string_view terminated_by_label(TerminatedBy b, Lang lang);
std::string_view approach_level_label(ApproachLevel a, Lang lang);
std::string_view dimension_label(Dimension d, Lang lang);

}  // namespace wijk
