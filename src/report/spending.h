// What the association provides per neighbourhood in the as-of year (commands.md, `wijk summary
// --table spending`): the value per year of the agreements active or terminating on the as-of
// date, by provision kind, with hours and homes. Pure: repository + date -> table data.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "model/records.h"

namespace wijk {

inline constexpr std::size_t provision_kind_count = 6;  // space, rent_discount, funding, support, advice, other

struct SpendingRow {
    const Neighbourhood* neighbourhood = nullptr;  // nullptr: the totals row
    std::array<Money, provision_kind_count> by_kind{};
    Money total;
    std::int64_t centihours = 0;        // hours per year x 100, split like the cents
    std::optional<long long> homes;     // as written (absent: unknown)
    std::optional<Money> per_home;      // total / homes rounded to a cent; none when homes is 0 or absent
    int agreements = 0;                 // counted agreements with a share here
    double hours() const { return double(centihours) / 100.0; }
};

struct Spending {
    Date as_of{};
    int year = 0;
    std::vector<SpendingRow> rows;  // every neighbourhood, reading order
    SpendingRow totals;             // sums of the rows; totals.total == portfolio value_per_year
};

// Splits `amount` over weights in proportion, in whole units, by largest remainder: each part
// gets floor(amount x w / W), then the units left over go one each to the largest remainders,
// ties to the lower index. All weights 0 (or none given): equal parts. amount >= 0.
std::vector<std::int64_t> split_largest_remainder(std::int64_t amount, const std::vector<long long>& weights);

// An agreement over several neighbourhoods is divided in proportion to their `homes`, equally
// when any of them has no `homes` or `homes: 0`; each provision's cents (and hours x 100) are
// split by largest remainder, ties in neighbourhood id order.
Spending compute_spending(const Repository& repo, const Date& as_of);

}  // namespace wijk
