#include <algorithm>

#include "model/records.h"

namespace wijk {

namespace {

void sort_pairs(Repository::Pairs& pairs) {
    std::sort(pairs.begin(), pairs.end());
    pairs.shrink_to_fit();
}

template <class Records>
void index_by_id(const Records& records, Repository::Pairs& idx) {
    idx.clear();
    idx.reserve(records.size());
    for (std::size_t i = 0; i < records.size(); ++i)
        if (records[i].id) idx.emplace_back(records[i].id.handle(), std::uint32_t(i));
    sort_pairs(idx);  // equal ids: the first record comes first
}

// The record indexes stored under `key`, in reading order.
std::pair<Repository::Pairs::const_iterator, Repository::Pairs::const_iterator> range(
    const TextPool& texts, const Repository::Pairs& idx, std::string_view key) {
    TextRef h = texts.find(key);
    if (!h) return {idx.end(), idx.end()};
    auto lo = std::lower_bound(idx.begin(), idx.end(), std::make_pair(h, std::uint32_t(0)));
    auto hi = lo;
    while (hi != idx.end() && hi->first == h) ++hi;
    return {lo, hi};
}

template <class Records>
const typename Records::value_type* find(const TextPool& texts, const Records& records,
                                         const Repository::Pairs& idx, std::string_view id) {
    auto [lo, hi] = range(texts, idx, id);
    return lo == hi ? nullptr : &records[lo->second];
}

template <class Records>
std::vector<const typename Records::value_type*> pick(const TextPool& texts, const Records& records,
                                                      const Repository::Pairs& idx, std::string_view key) {
    std::vector<const typename Records::value_type*> out;
    auto [lo, hi] = range(texts, idx, key);
    out.reserve(std::size_t(hi - lo));
    for (auto it = lo; it != hi; ++it) out.push_back(&records[it->second]);
    return out;
}

}  // namespace

void Repository::index() {
    index_by_id(neighbourhoods, neighbourhood_ids_);
    index_by_id(partners, partner_ids_);
    index_by_id(agreements, agreement_ids_);
    index_by_id(strategies, strategy_ids_);
    // Each list is counted, then made at its length: grown by doubling and then shrunk, the
    // largest one and its copy were both alive at the first run's peak (1.8 MB at bench scale 1).
    evaluations_by_agreement_.clear();
    liveability_by_neighbourhood_.clear();
    agreements_by_neighbourhood_.clear();
    auto listed_before = [](const auto& hoods, std::size_t k) {  // listed twice: count the agreement once
        for (std::size_t j = 0; j < k; ++j)
            if (hoods[j].handle() == hoods[k].handle()) return true;
        return false;
    };
    std::size_t by_agreement = 0, by_neighbourhood = 0, agreements_listed = 0;
    for (const auto& e : evaluations) by_agreement += e.agreement ? 1 : 0;
    for (const auto& l : liveability) by_neighbourhood += l.neighbourhood ? 1 : 0;
    for (const auto& a : agreements)
        for (std::size_t k = 0; k < a.neighbourhoods.size(); ++k) agreements_listed += listed_before(a.neighbourhoods, k) ? 0 : 1;
    evaluations_by_agreement_.reserve(by_agreement);
    liveability_by_neighbourhood_.reserve(by_neighbourhood);
    agreements_by_neighbourhood_.reserve(agreements_listed);
    for (std::size_t i = 0; i < evaluations.size(); ++i)
        if (evaluations[i].agreement)
            evaluations_by_agreement_.emplace_back(evaluations[i].agreement.handle(), std::uint32_t(i));
    for (std::size_t i = 0; i < liveability.size(); ++i)
        if (liveability[i].neighbourhood)
            liveability_by_neighbourhood_.emplace_back(liveability[i].neighbourhood.handle(), std::uint32_t(i));
    for (std::size_t i = 0; i < agreements.size(); ++i) {
        const auto& hoods = agreements[i].neighbourhoods;
        for (std::size_t k = 0; k < hoods.size(); ++k)
            if (!listed_before(hoods, k)) agreements_by_neighbourhood_.emplace_back(hoods[k].handle(), std::uint32_t(i));
    }
    sort_pairs(evaluations_by_agreement_);
    sort_pairs(liveability_by_neighbourhood_);
    sort_pairs(agreements_by_neighbourhood_);
}

void Repository::release_liveability() {
    std::deque<Liveability>().swap(liveability);
    Pairs().swap(liveability_by_neighbourhood_);
}

std::vector<const Evaluation*> Repository::evaluations_of(std::string_view agreement) const {
    return pick(*texts, evaluations, evaluations_by_agreement_, agreement);
}

const Evaluation* Repository::evaluation_for(std::string_view agreement, int year) const {
    auto [lo, hi] = range(*texts, evaluations_by_agreement_, agreement);
    for (auto it = lo; it != hi; ++it)
        if (evaluations[it->second].year && *evaluations[it->second].year == year) return &evaluations[it->second];
    return nullptr;
}

std::vector<const Liveability*> Repository::liveability_of(std::string_view neighbourhood) const {
    return pick(*texts, liveability, liveability_by_neighbourhood_, neighbourhood);
}

std::vector<const Agreement*> Repository::agreements_in(std::string_view neighbourhood) const {
    return pick(*texts, agreements, agreements_by_neighbourhood_, neighbourhood);
}

const Neighbourhood* Repository::neighbourhood(std::string_view id) const {
    return find(*texts, neighbourhoods, neighbourhood_ids_, id);
}
const Partner* Repository::partner(std::string_view id) const {
    return find(*texts, partners, partner_ids_, id);
}
const Agreement* Repository::agreement(std::string_view id) const {
    return find(*texts, agreements, agreement_ids_, id);
}
const Strategy* Repository::strategy(std::string_view id) const {
    return find(*texts, strategies, strategy_ids_, id);
}
const StaffMember* Repository::staff(std::string_view id) const {
    for (const auto& s : config.staff)
        if (s.id && *s.id == id) return &s;
    return nullptr;
}

}  // namespace wijk
