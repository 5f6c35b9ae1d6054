#include "model/records.h"

namespace wijk {

namespace {
template <class R>
void index_by_id(const std::vector<R>& records, std::unordered_map<std::string, std::size_t>& idx) {
    idx.clear();
    idx.reserve(records.size());
    for (std::size_t i = 0; i < records.size(); ++i)
        if (records[i].id) idx.emplace(*records[i].id, i);  // first one wins
}

template <class R>
const R* find(const std::vector<R>& records,
              const std::unordered_map<std::string, std::size_t>& idx, const std::string& id) {
    auto it = idx.find(id);
    return it == idx.end() ? nullptr : &records[it->second];
}
}  // namespace

void Repository::index() {
    index_by_id(neighbourhoods, neighbourhood_index);
    index_by_id(partners, partner_index);
    index_by_id(agreements, agreement_index);
    index_by_id(strategies, strategy_index);
    evaluations_by_agreement_.clear();
    liveability_by_neighbourhood_.clear();
    agreements_by_neighbourhood_.clear();
    for (std::size_t i = 0; i < evaluations.size(); ++i)
        if (evaluations[i].agreement) evaluations_by_agreement_[*evaluations[i].agreement].push_back(std::uint32_t(i));
    for (std::size_t i = 0; i < liveability.size(); ++i)
        if (liveability[i].neighbourhood)
            liveability_by_neighbourhood_[*liveability[i].neighbourhood].push_back(std::uint32_t(i));
    for (std::size_t i = 0; i < agreements.size(); ++i) {
        const auto& hoods = agreements[i].neighbourhoods;
        for (std::size_t k = 0; k < hoods.size(); ++k) {
            bool repeated = false;  // listed twice: count the agreement once
            for (std::size_t j = 0; j < k; ++j) repeated = repeated || *hoods[j] == *hoods[k];
            if (!repeated) agreements_by_neighbourhood_[*hoods[k]].push_back(std::uint32_t(i));
        }
    }
}

namespace {
template <class R>
std::vector<const R*> pick(const std::vector<R>& records,
                           const std::unordered_map<std::string, std::vector<std::uint32_t>>& idx,
                           const std::string& key) {
    std::vector<const R*> out;
    auto it = idx.find(key);
    if (it == idx.end()) return out;
    out.reserve(it->second.size());
    for (auto i : it->second) out.push_back(&records[i]);
    return out;
}
}  // namespace

std::vector<const Evaluation*> Repository::evaluations_of(const std::string& agreement) const {
    return pick(evaluations, evaluations_by_agreement_, agreement);
}

const Evaluation* Repository::evaluation_for(const std::string& agreement, int year) const {
    auto it = evaluations_by_agreement_.find(agreement);
    if (it == evaluations_by_agreement_.end()) return nullptr;
    for (auto i : it->second)
        if (evaluations[i].year && *evaluations[i].year == year) return &evaluations[i];
    return nullptr;
}

std::vector<const Liveability*> Repository::liveability_of(const std::string& neighbourhood) const {
    return pick(liveability, liveability_by_neighbourhood_, neighbourhood);
}

std::vector<const Agreement*> Repository::agreements_in(const std::string& neighbourhood) const {
    return pick(agreements, agreements_by_neighbourhood_, neighbourhood);
}

const Neighbourhood* Repository::neighbourhood(const std::string& id) const {
    return find(neighbourhoods, neighbourhood_index, id);
}
const Partner* Repository::partner(const std::string& id) const {
    return find(partners, partner_index, id);
}
const Agreement* Repository::agreement(const std::string& id) const {
    return find(agreements, agreement_index, id);
}
const Strategy* Repository::strategy(const std::string& id) const {
    return find(strategies, strategy_index, id);
}
const StaffMember* Repository::staff(const std::string& id) const {
    for (const auto& s : config.staff)
        if (s.id && *s.id == id) return &s;
    return nullptr;
}

}  // namespace wijk
