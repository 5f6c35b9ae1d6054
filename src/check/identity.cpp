// duplicate-id, dangling-ref, unknown-owner
#include <utility>
#include <optional>
#include <unordered_map>

#include "check/check.h"
#include "model/locator.h"
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
// Dangling references are not reported one by one when some file could not be read: the ids
// may stand in it. They are counted, and said once.
struct Unchecked {
    bool any_unread = false;
    std::size_t references = 0;
};

template <class Records>
class RefChecker {
public:
    using Find = const typename Records::value_type* (Repository::*)(std::string_view) const;
    RefChecker(const Repository& repo, Text collection, const Records& records, Find find,
               Diagnostics& diags, Unchecked& unchecked)
        : repo_(repo), collection_(std::move(collection)), records_(records), find_(find), diags_(diags), unchecked_(unchecked) {}

    // `ref`, a value of a record in file `file`
    void operator()(std::uint32_t file, const Field<std::string>& ref) {
        if (!ref || (repo_.*find_)(*ref)) return;
        if (unchecked_.any_unread) {
            ++unchecked_.references;
            return;
        }
        // the ids are indexed at the first dangling reference only; each missing id is looked up once
        if (!ids_) ids_.emplace(ids_of(records_));
        std::size_t dist = std::max<std::size_t>(2, ref->size() / 3);
        auto s = ids_->suggest(*ref, dist);
        diags_.error("dangling-ref", locate(repo_, file, ref.at),
                     say("no {} with id '{}'", "geen {} met id '{}'", collection_, *ref),
                     s ? did_you_mean(*s) : Text());
    }

private:
    const Repository& repo_;
    Text collection_;  // the collection's key in English, a record of it in Dutch
    const Records& records_;
    Find find_;
    std::optional<Suggester> ids_;
    Diagnostics& diags_;
    Unchecked& unchecked_;
};

}  // namespace

void check_ids(const Repository& repo, Diagnostics& diags) {
    duplicate_ids(repo, repo.neighbourhoods, "neighbourhood", diags);
    duplicate_ids(repo, repo.partners, "partner", diags);
    duplicate_ids(repo, repo.agreements, "agreement", diags);
    duplicate_ids(repo, repo.strategies, "strategy", diags);
    duplicate_ids(repo, repo.config.staff, "staff", diags);
}

void check_references(const Repository& repo, Diagnostics& diags, const std::vector<std::uint32_t>& unread_files) {
    Unchecked unchecked{!unread_files.empty(), 0};
    RefChecker hood(repo, Text("neighbourhoods", "buurt"), repo.neighbourhoods, &Repository::neighbourhood, diags, unchecked);
    RefChecker partner(repo, Text("partners", "partner"), repo.partners, &Repository::partner, diags, unchecked);
    RefChecker agreement(repo, Text("agreements", "afspraak"), repo.agreements, &Repository::agreement, diags, unchecked);
    RefChecker strategy(repo, Text("strategies", "buurtstrategie"), repo.strategies, &Repository::strategy, diags, unchecked);
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
    if (unchecked.references > 0) {
        const std::uint32_t first = unread_files.front();
        diags.warning("refs-not-checked", Mark{first, 0, 0},
                      unchecked.references == 1
                          ? Text("1 reference to an id that was not found is not checked: it may stand in this file, which could not be read",
                                 "1 verwijzing is niet gecontroleerd: de id waarnaar ze verwijst, staat misschien in dit bestand, dat niet gelezen kon worden")
                          : say("{} references to ids that were not found are not checked: they may stand in this file, which could not be read",
                                "{} verwijzingen zijn niet gecontroleerd: de id's waarnaar ze verwijzen, staan misschien in dit bestand, dat niet gelezen kon worden",
                                unchecked.references),
                      Text("fix the problem with this file first; the references are checked again then",
                           "los eerst het probleem met dit bestand op; daarna worden de verwijzingen weer gecontroleerd"));
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
    check_references(repo, diags, opt.unread_files);
    check_neighbourhoods(repo, diags);
    check_liveability(repo, diags);
    check_agreements(repo, opt, diags);
    check_evaluations(repo, opt, diags);
    check_strategies(repo, diags);
}

}  // namespace wijk
