// duplicate-id, dangling-ref, unknown-owner
#include <optional>
#include <unordered_map>

#include "check/check.h"
#include "load/sources.h"
#include "load/reader.h"
#include "model/i18n.h"
#include "model/suggest.h"

namespace wijk {

namespace {

std::string where(const Repository& repo, const Mark& m) {
    return fmt::format("{}:{}", repo.files[m.file], m.line);
}

template <class Records>
void duplicate_ids(const Repository& repo, const Records& records, std::string_view what,
                   Diagnostics& diags) {
    using R = typename Records::value_type;
    std::unordered_map<std::string_view, const R*> seen;
    seen.reserve(records.size());
    for (const auto& r : records) {
        if (!r.id) continue;
        auto [it, fresh] = seen.emplace(*r.id, &r);
        if (fresh) continue;
        diags.error("duplicate-id", locate(repo, r, r.id),
                    say("duplicate {} id '{}' (first defined at {})", "{}-id '{}' komt twee keer voor (eerst in {})",
                        what, *r.id, where(repo, locate(repo, *it->second, it->second->id))),
                    Text("give one of them another id", "geef een van beide een andere id"));
    }
}

// Reports references to records that do not exist, with the closest id (the list of ids is
// made at the first dangling reference only).
template <class Records>
class RefChecker {
public:
    using Find = const typename Records::value_type* (Repository::*)(std::string_view) const;
    RefChecker(const Repository& repo, std::string_view collection, const Records& records, Find find,
               Diagnostics& diags)
        : repo_(repo), collection_(collection), records_(records), find_(find), diags_(diags) {}

    // `ref`, a value of a record in file `file`
    void operator()(std::uint32_t file, const Field<std::string>& ref) {
        if (!ref || (repo_.*find_)(*ref)) return;
        if (!ids_) ids_ = ids_of(records_);
        std::size_t dist = std::max<std::size_t>(2, ref->size() / 3);
        auto s = suggest(*ref, *ids_, dist);
        diags_.error("dangling-ref", locate(repo_, file, ref.at),
                     say("no {} with id '{}'", "geen {} met id '{}'", collection_, *ref),
                     s ? did_you_mean(*s) : Text());
    }

private:
    const Repository& repo_;
    std::string_view collection_;
    const Records& records_;
    Find find_;
    std::optional<std::vector<std::string>> ids_;
    Diagnostics& diags_;
};

}  // namespace

void check_ids(const Repository& repo, Diagnostics& diags) {
    duplicate_ids(repo, repo.neighbourhoods, "neighbourhood", diags);
    duplicate_ids(repo, repo.partners, "partner", diags);
    duplicate_ids(repo, repo.agreements, "agreement", diags);
    duplicate_ids(repo, repo.strategies, "strategy", diags);
    duplicate_ids(repo, repo.config.staff, "staff", diags);
}

void check_references(const Repository& repo, Diagnostics& diags) {
    RefChecker hood(repo, "neighbourhoods", repo.neighbourhoods, &Repository::neighbourhood, diags);
    RefChecker partner(repo, "partners", repo.partners, &Repository::partner, diags);
    RefChecker agreement(repo, "agreements", repo.agreements, &Repository::agreement, diags);
    RefChecker strategy(repo, "strategies", repo.strategies, &Repository::strategy, diags);
    for (const auto& l : repo.liveability) hood(l.at.file, l.neighbourhood);
    for (const auto& p : repo.partners)
        for (const auto& n : p.neighbourhoods) hood(p.at.file, n);
    for (const auto& a : repo.agreements) {
        partner(a.at.file, a.partner);
        for (const auto& n : a.neighbourhoods) hood(a.at.file, n);
        strategy(a.at.file, a.strategy);
    }
    for (const auto& e : repo.evaluations) agreement(e.at.file, e.agreement);
    for (const auto& s : repo.strategies) {
        for (const auto& n : s.neighbourhoods) hood(s.at.file, n);
        for (const auto& p : s.partners) partner(s.at.file, p);
    }
    if (repo.config.staff_listed) {
        std::vector<std::string> staff = ids_of(repo.config.staff);
        for (const auto& a : repo.agreements) {
            if (!a.owner || repo.staff(*a.owner)) continue;
            auto s = suggest(*a.owner, staff, std::max<std::size_t>(2, a.owner->size() / 3));
            diags.error("unknown-owner", locate(repo, a, a.owner),
                        say("owner '{}' is not among the staff in wijk.yaml",
                            "eigenaar '{}' staat niet bij de medewerkers (staff) in wijk.yaml", *a.owner),
                        s ? did_you_mean(*s) : Text());
        }
    }
}

void check_repository(const Repository& repo, const CheckOptions& opt, Diagnostics& diags) {
    check_ids(repo, diags);
    check_references(repo, diags);
    check_neighbourhoods(repo, diags);
    check_liveability(repo, diags);
    check_agreements(repo, diags);
    check_evaluations(repo, opt, diags);
    check_strategies(repo, diags);
}

}  // namespace wijk
