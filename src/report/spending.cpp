#include "report/spending.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "model/terms.h"
#include "report/summary.h"

namespace wijk {

namespace {
// amount x weight can pass 2^63 (a million euros in cents x a million homes)
__extension__ typedef __int128 wide;
}  // namespace

std::vector<std::int64_t> split_largest_remainder(std::int64_t amount, const std::vector<long long>& weights) {
    const std::size_t n = weights.size();
    std::vector<std::int64_t> parts(n, 0);
    if (n == 0) return parts;
    std::vector<long long> w = weights;
    // A negative weight has no meaning here; all zero means no proportion to follow: equal parts.
    for (auto& x : w) x = std::max(x, 0LL);
    if (std::all_of(w.begin(), w.end(), [](long long x) { return x == 0; })) std::fill(w.begin(), w.end(), 1LL);
    const wide total = std::accumulate(w.begin(), w.end(), wide{0});
    std::vector<wide> remainder(n);
    std::int64_t given = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const wide product = wide{amount} * w[i];
        parts[i] = static_cast<std::int64_t>(product / total);
        remainder[i] = product % total;
        given += parts[i];
    }
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return remainder[a] > remainder[b]; });
    // amount - given < n: at most one unit more for each of the largest remainders
    for (std::size_t k = 0; given < amount && k < n; ++k, ++given) ++parts[order[k]];
    return parts;
}

namespace {

std::size_t kind_index(const Provision& p) {
    return static_cast<std::size_t>(p.kind ? *p.kind : ProvisionKind::other);
}

}  // namespace

Spending compute_spending(const Repository& repo, const Date& as_of) {
    Spending s;
    s.as_of = as_of;
    s.year = int(as_of.year());
    s.rows.reserve(repo.neighbourhoods.size());
    for (const auto& n : repo.neighbourhoods) {
        SpendingRow row;
        row.neighbourhood = &n;
        if (n.homes) row.homes = *n.homes;
        s.rows.push_back(row);
    }
    // neighbourhood id -> row, sorted for lookup
    std::vector<std::pair<std::string_view, std::size_t>> by_id;
    by_id.reserve(s.rows.size());
    for (std::size_t i = 0; i < s.rows.size(); ++i)
        if (s.rows[i].neighbourhood->id) by_id.emplace_back(*s.rows[i].neighbourhood->id, i);
    std::sort(by_id.begin(), by_id.end());
    by_id.erase(std::unique(by_id.begin(), by_id.end(), [](const auto& a, const auto& b) { return a.first == b.first; }),
                by_id.end());  // a duplicated id: the first record counts, as everywhere
    auto row_of = [&](std::string_view id) -> std::optional<std::size_t> {
        auto it = std::lower_bound(by_id.begin(), by_id.end(), std::pair<std::string_view, std::size_t>{id, 0},
                                   [](const auto& a, const auto& b) { return a.first < b.first; });
        if (it == by_id.end() || it->first != id) return std::nullopt;
        return it->second;
    };

    std::vector<std::size_t> targets;  // rows of one agreement, in neighbourhood id order
    std::vector<long long> weights;
    for (const auto& a : repo.agreements) {
        const Status st = status_on(a, as_of);
        if (st != Status::active && st != Status::terminating) continue;
        targets.clear();
        for (const auto& nid : a.neighbourhoods)
            if (nid)
                if (auto r = row_of(*nid)) targets.push_back(*r);
        std::sort(targets.begin(), targets.end(), [&](std::size_t x, std::size_t y) {
            return *s.rows[x].neighbourhood->id < *s.rows[y].neighbourhood->id;
        });
        targets.erase(std::unique(targets.begin(), targets.end()), targets.end());
        if (targets.empty()) continue;  // validate refuses such data (neighbourhoods: at least one, refs exist)
        weights.clear();
        bool every_home_known = true;
        for (std::size_t r : targets) {
            const auto& homes = s.rows[r].homes;
            if (!homes || *homes <= 0) every_home_known = false;
            weights.push_back(homes ? *homes : 0);
        }
        if (!every_home_known) std::fill(weights.begin(), weights.end(), 1LL);
        for (std::size_t r : targets) ++s.rows[r].agreements;
        for (const auto& p : a.we_provide) {
            const Money value = provision_value(p, a);
            const std::size_t k = kind_index(p);
            if (value.cents != 0) {
                auto parts = split_largest_remainder(value.cents, weights);
                for (std::size_t i = 0; i < targets.size(); ++i) s.rows[targets[i]].by_kind[k] += Money{parts[i]};
            }
            if (p.hours_per_year && *p.hours_per_year > 0) {
                auto parts = split_largest_remainder(std::llround(*p.hours_per_year * 100.0), weights);
                for (std::size_t i = 0; i < targets.size(); ++i) s.rows[targets[i]].centihours += parts[i];
            }
        }
    }
    long long homes_total = 0;
    bool any_homes = false, every_home_known = !s.rows.empty();
    for (auto& row : s.rows) {
        for (const Money& m : row.by_kind) row.total += m;
        if (row.homes && *row.homes > 0) {
            // half away from zero, as percent_of rounds
            row.per_home = Money{(row.total.cents * 2 + *row.homes) / (2 * *row.homes)};
        }
        for (std::size_t k = 0; k < provision_kind_count; ++k) s.totals.by_kind[k] += row.by_kind[k];
        s.totals.total += row.total;
        s.totals.centihours += row.centihours;
        if (row.homes) {
            homes_total += *row.homes;
            any_homes = true;
        }
        if (!row.homes || *row.homes <= 0) every_home_known = false;
    }
    int counted = 0;
    for (const auto& a : repo.agreements) {
        const Status st = status_on(a, as_of);
        if (st == Status::active || st == Status::terminating) ++counted;
    }
    s.totals.agreements = counted;
    if (any_homes) s.totals.homes = homes_total;
    // per home over all: only when every neighbourhood's homes are known (else the value of
    // neighbourhoods without homes would be spread over the homes of the others)
    if (every_home_known && homes_total > 0) s.totals.per_home = Money{(s.totals.total.cents * 2 + homes_total) / (2 * homes_total)};
    return s;
}

}  // namespace wijk
