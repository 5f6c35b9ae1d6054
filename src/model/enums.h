// The written names of the model's enums, in enum order: the data format's words and the
// JSON values scripts rely on.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string_view>

#include "model/records.h"

namespace wijk {

inline constexpr std::array<std::string_view, 3> approach_level_names{"regular", "focus",
                                                                      "intervention"};
inline constexpr std::array<std::string_view, 5> dimension_names{"housing", "physical",
                                                                 "amenities", "cohesion", "safety"};
inline constexpr std::array<std::string_view, 13> partner_kind_names{
    "residents", "tenants", "welfare", "municipality", "police",   "volunteers", "education",
    "health",    "culture", "sports",  "faith",        "business", "other"};
inline constexpr std::array<std::string_view, 3> renewal_names{"none", "tacit", "indefinite"};
inline constexpr std::array<std::string_view, 3> terminated_by_names{"association", "partner",
                                                                     "mutual"};
inline constexpr std::array<std::string_view, 6> provision_kind_names{
    "space", "rent_discount", "funding", "support", "advice", "other"};
inline constexpr std::array<std::string_view, 3> lease_names{"290", "230a", "loan"};
inline constexpr std::array<std::string_view, 2> per_names{"year", "term"};
inline constexpr std::array<std::string_view, 3> decision_names{"continue", "adjust", "stop"};
inline constexpr std::array<std::string_view, 2> lang_names{"en", "nl"};
inline constexpr std::array<std::string_view, 2> csv_dialect_names{"rfc4180", "excel-nl"};
inline constexpr std::array<std::string_view, 6> reminder_kind_names{
    "decide", "notice", "renewal", "expiry", "evaluation", "strategy-end"};
inline constexpr std::array<std::string_view, 4> status_names{"upcoming", "active", "terminating",
                                                              "ended"};
inline constexpr std::array<std::string_view, 5> dimension_codes{"won", "fys", "vrz", "soc", "onv"};

template <class E, std::size_t N>
constexpr std::string_view name_of(E value, const std::array<std::string_view, N>& names) {
    return names[static_cast<std::size_t>(value)];
}

inline std::string_view name(ApproachLevel v) { return name_of(v, approach_level_names); }
inline std::string_view name(Dimension v) { return name_of(v, dimension_names); }
inline std::string_view name(PartnerKind v) { return name_of(v, partner_kind_names); }
inline std::string_view name(Renewal v) { return name_of(v, renewal_names); }
inline std::string_view name(TerminatedBy v) { return name_of(v, terminated_by_names); }
inline std::string_view name(ProvisionKind v) { return name_of(v, provision_kind_names); }
inline std::string_view name(Lease v) { return name_of(v, lease_names); }
inline std::string_view name(Per v) { return name_of(v, per_names); }
inline std::string_view name(Decision v) { return name_of(v, decision_names); }
inline std::string_view name(Lang v) { return name_of(v, lang_names); }
inline std::string_view name(CsvDialect v) { return name_of(v, csv_dialect_names); }
inline std::string_view name(ReminderKind v) { return name_of(v, reminder_kind_names); }

// The index of `text` among `names`, if it is one.
inline std::optional<std::size_t> index_of(std::string_view text,
                                           std::span<const std::string_view> names) {
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == text) return i;
    return std::nullopt;
}

// The Dutch words wijk prints for enum values (and the usual Dutch words for them) are not values:
// the data keeps one vocabulary. For such a word, the value among `names` it stands for, to give
// as the hint ("write tacit (stilzwijgend)"). Case and a trailing explanation in brackets
// ("geen (eindigt)") do not matter.
std::optional<std::string_view> value_for_dutch_word(std::string_view text, std::span<const std::string_view> names);

// Leefbaarometer class names (1..9).
std::string_view class_name(int klass, Lang lang);

}  // namespace wijk
