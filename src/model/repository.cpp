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
