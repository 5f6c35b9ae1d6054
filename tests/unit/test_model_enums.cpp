// The Dutch words wijk prints for enum values lead back to the value (the hint of invalid-enum).
#include <doctest/doctest.h>

#include "model/enums.h"
#include "render/labels.h"

using namespace wijk;

namespace {

template <class E, std::size_t N, class Label>
void every_dutch_label_leads_back(const std::array<std::string_view, N>& names, Label label) {
    for (std::size_t i = 0; i < N; ++i) {
        std::string_view nl = label(static_cast<E>(i), Lang::nl);
        CAPTURE(nl);
        auto value = value_for_dutch_word(nl, names);
        REQUIRE(value);
        CHECK(*value == names[i]);
    }
}

}  // namespace

TEST_CASE("every Dutch label of an enum gives its value") {
    every_dutch_label_leads_back<Renewal>(renewal_names, [](Renewal r, Lang l) { return renewal_label(r, l); });
    every_dutch_label_leads_back<Decision>(decision_names, [](Decision d, Lang l) { return decision_label(d, l); });
    every_dutch_label_leads_back<PartnerKind>(partner_kind_names,
                                              [](PartnerKind k, Lang l) { return partner_kind_label(k, l); });
    every_dutch_label_leads_back<ProvisionKind>(provision_kind_names,
                                                [](ProvisionKind k, Lang l) { return provision_kind_label(k, l); });
    every_dutch_label_leads_back<Lease>(lease_names, [](Lease k, Lang l) { return lease_label(k, l); });
    every_dutch_label_leads_back<ReminderKind>(reminder_kind_names,
                                               [](ReminderKind k, Lang l) { return reminder_kind_label(k, l); });
    every_dutch_label_leads_back<ApproachLevel>(approach_level_names,
                                                [](ApproachLevel a, Lang l) { return approach_level_label(a, l); });
    every_dutch_label_leads_back<Dimension>(dimension_names, [](Dimension d, Lang l) { return dimension_label(d, l); });
    every_dutch_label_leads_back<TerminatedBy>(terminated_by_names,
                                               [](TerminatedBy b, Lang l) { return terminated_by_label(b, l); });
}

TEST_CASE("a Dutch word gives only a value of the key it is written for") {
    CHECK(value_for_dutch_word("Stilzwijgend", renewal_names) == std::optional<std::string_view>("tacit"));
    CHECK(value_for_dutch_word("geen (eindigt)", renewal_names) == std::optional<std::string_view>("none"));
    CHECK_FALSE(value_for_dutch_word("stilzwijgend", decision_names));
    CHECK_FALSE(value_for_dutch_word("tacit", renewal_names));
}
