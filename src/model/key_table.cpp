#include "model/key_table.h"

#include "model/enums.h"

namespace wijk {

const KeySpec* RecordSpec::find(std::string_view key) const {
    for (const auto& k : keys)
        if (k.name == key) return &k;
    return nullptr;
}

std::vector<std::string_view> RecordSpec::names() const {
    std::vector<std::string_view> out;
    for (const auto& k : keys) out.push_back(k.name);
    return out;
}

namespace {
using K = KeyKind;
constexpr bool req = true;

KeySpec key(std::string_view name, K kind, bool required = false) {
    return KeySpec{name, kind, required};
}
KeySpec ref(std::string_view name, std::string_view collection, bool required = false,
            K kind = K::ref) {
    KeySpec k{name, kind, required};
    k.target = collection;
    return k;
}
KeySpec enumeration(std::string_view name, std::span<const std::string_view> values,
                    bool required = false, K kind = K::enumeration) {
    KeySpec k{name, kind, required};
    k.values = values;
    return k;
}
KeySpec sub(std::string_view name, const RecordSpec& spec, K kind, bool required = false) {
    KeySpec k{name, kind, required};
    k.record = &spec;
    k.target = spec.name;
    return k;
}
KeySpec number(std::string_view name, K kind, double min, double max = 1e300) {
    KeySpec k{name, kind, false};
    k.min = min;
    k.max = max;
    return k;
}
constexpr std::string_view bools[] = {"true", "false"};
}  // namespace

const RecordSpec& approach_spec() {
    static const RecordSpec s{"approach",
                              {key("year", K::year, req),
                               enumeration("level", approach_level_names, req)}};
    return s;
}

const RecordSpec& neighbourhood_spec() {
    static const RecordSpec s{"neighbourhood",
                              {key("id", K::id, req), key("name", K::text, req),
                               key("municipality", K::text, req), key("district", K::text),
                               key("codes", K::text_list), key("code_year", K::year),
                               number("homes", K::integer, 0),
                               sub("approach", approach_spec(), K::record_list),
                               key("notes", K::text)}};
    return s;
}

const RecordSpec& dimensions_spec() {
    static const RecordSpec s{"dimensions",
                              {key("housing", K::number), key("physical", K::number),
                               key("amenities", K::number), key("cohesion", K::number),
                               key("safety", K::number)}};
    return s;
}

const RecordSpec& liveability_spec() {
    static const RecordSpec s{"liveability",
                              {ref("neighbourhood", "neighbourhoods", req),
                               key("year", K::year, req), number("class", K::integer, 1, 9),
                               key("score", K::number), key("deviation", K::number),
                               sub("dimensions", dimensions_spec(), K::record),
                               key("source", K::text), key("code", K::text)}};
    return s;
}

const RecordSpec& contact_spec() {
    static const RecordSpec s{"contact",
                              {key("name", K::text, req), key("role", K::text),
                               key("email", K::text), key("phone", K::text)}};
    return s;
}

const RecordSpec& partner_spec() {
    static const RecordSpec s{"partner",
                              {key("id", K::id, req), key("name", K::text, req),
                               enumeration("kind", partner_kind_names, req),
                               ref("neighbourhoods", "neighbourhoods", false, K::ref_list),
                               key("since", K::date), key("kvk", K::text),
                               sub("contacts", contact_spec(), K::record_list),
                               key("notes", K::text)}};
    return s;
}

const RecordSpec& termination_spec() {
    static const RecordSpec s{"terminated",
                              {key("end", K::date, req),
                               enumeration("by", terminated_by_names),
                               key("notice_given", K::date), key("reason", K::text)}};
    return s;
}

const RecordSpec& provision_spec() {
    static const RecordSpec s{"provision",
                              {enumeration("kind", provision_kind_names, req),
                               key("description", K::text), key("value_per_year", K::money),
                               key("address", K::text), number("area_m2", K::number, 0),
                               enumeration("lease", lease_names), key("lease_ref", K::text),
                               key("rent_per_year", K::money), key("percent", K::percent),
                               key("amount_per_year", K::money), key("justification", K::text),
                               number("hours_per_year", K::number, 0)}};
    return s;
}

std::span<const std::string_view> provision_keys_for(std::string_view kind) {
    static constexpr std::string_view space[] = {"address", "area_m2", "lease", "lease_ref",
                                                 "rent_per_year"};
    static constexpr std::string_view discount[] = {"percent", "amount_per_year", "justification"};
    static constexpr std::string_view funding[] = {"amount_per_year"};
    static constexpr std::string_view hours[] = {"hours_per_year"};
    if (kind == "space") return space;
    if (kind == "rent_discount") return discount;
    if (kind == "funding") return funding;
    if (kind == "support" || kind == "advice" || kind == "other") return hours;
    return {};
}

const RecordSpec& commitment_spec() {
    static const RecordSpec s{"commitment",
                              {key("id", K::id, req), key("description", K::text, req),
                               number("target", K::number, 0), key("unit", K::text),
                               enumeration("per", per_names)}};
    return s;
}

const RecordSpec& agreement_spec() {
    static const RecordSpec s{
        "agreement",
        {key("id", K::id, req), ref("partner", "partners", req), key("title", K::text, req),
         ref("neighbourhoods", "neighbourhoods", req, K::ref_list), key("start", K::date, req),
         key("end", K::date), key("signed", K::date), key("notice", K::duration),
         enumeration("renewal", renewal_names), key("renewal_term", K::duration),
         key("owner", K::text), ref("strategy", "strategies"), key("document", K::text),
         key("evaluation_due", K::month_day), sub("terminated", termination_spec(), K::record),
         sub("we_provide", provision_spec(), K::record_list),
         sub("partner_provides", commitment_spec(), K::record_list), key("notes", K::text)}};
    return s;
}

const RecordSpec& result_spec() {
    static const RecordSpec s{"result",
                              {key("commitment", K::id, req), key("achieved", K::achieved),
                               key("note", K::text)}};
    return s;
}

const RecordSpec& evaluation_spec() {
    static const RecordSpec s{"evaluation",
                              {ref("agreement", "agreements", req), key("year", K::year, req),
                               key("date", K::date, req),
                               enumeration("decision", decision_names, req),
                               key("participants", K::text_list),
                               sub("results", result_spec(), K::record_list),
                               key("provisions_delivered", K::boolean), key("notes", K::text)}};
    return s;
}

const RecordSpec& strategy_spec() {
    static const RecordSpec s{"strategy",
                              {key("id", K::id, req), key("title", K::text, req),
                               ref("neighbourhoods", "neighbourhoods", req, K::ref_list),
                               key("start", K::date, req), key("end", K::date, req),
                               enumeration("focus", dimension_names, false, K::enum_list),
                               ref("partners", "partners", false, K::ref_list),
                               key("goals", K::text_list), key("notes", K::text)}};
    return s;
}

const RecordSpec& staff_spec() {
    static const RecordSpec s{"staff",
                              {key("id", K::id, req), key("name", K::text),
                               key("email", K::text)}};
    return s;
}

namespace {
const RecordSpec& reminders_config_spec() {
    static const RecordSpec s{"reminders",
                              {key("horizon", K::horizon), key("lead", K::duration), key("from", K::text),
                               key("fallback", K::text)}};
    return s;
}
const RecordSpec& evaluations_config_spec() {
    static const RecordSpec s{"evaluations", {key("due", K::month_day), key("since", K::year)}};
    return s;
}
const RecordSpec& watch_spec() {
    static const RecordSpec s{"watch",
                              {number("max_class", K::integer, 1, 9), key("max_score", K::number)}};
    return s;
}
const RecordSpec& privacy_spec() {
    static const RecordSpec s{"privacy", {key("contacts_in_reports", K::boolean)}};
    return s;
}
}  // namespace

const RecordSpec& config_spec() {
    static const RecordSpec s{"wijk.yaml",
                              {number("format", K::integer, 1, 1), key("organisation", K::text),
                               enumeration("language", lang_names), key("exclude", K::glob_list),
                               sub("reminders", reminders_config_spec(), K::record),
                               sub("evaluations", evaluations_config_spec(), K::record),
                               sub("staff", staff_spec(), K::record_list),
                               enumeration("csv", csv_dialect_names),
                               sub("watch", watch_spec(), K::record),
                               sub("privacy", privacy_spec(), K::record)}};
    (void)bools;
    return s;
}

const RecordSpec& collection_spec(std::string_view c) {
    if (c == "neighbourhoods") return neighbourhood_spec();
    if (c == "liveability") return liveability_spec();
    if (c == "partners") return partner_spec();
    if (c == "agreements") return agreement_spec();
    if (c == "evaluations") return evaluation_spec();
    return strategy_spec();
}

}  // namespace wijk
