// invalid-code, duplicate-code, duplicate-liveability, unknown-area-code, deviation-sum
#include <cmath>
#include <tuple>
#include <vector>
#include <algorithm>
#include <unordered_map>

#include "check/check.h"
#include "model/locator.h"
#include "model/i18n.h"

namespace wijk {

namespace {

// BU + 8, WK + 6, GM + 4; the first 4 after the prefix digits, the rest digits or capitals.
bool valid_cbs_code(std::string_view c) {
    std::size_t len;
    if (c.substr(0, 2) == "BU") len = 10;
    else if (c.substr(0, 2) == "WK") len = 8;
    else if (c.substr(0, 2) == "GM") len = 6;
    else return false;
    if (c.size() != len) return false;
    for (std::size_t i = 2; i < len; ++i) {
        char ch = c[i];
        bool digit = ch >= '0' && ch <= '9';
        if (i < 6 ? !digit : !(digit || (ch >= 'A' && ch <= 'Z'))) return false;
    }
    return true;
}

}  // namespace

void check_neighbourhoods(const Repository& repo, Diagnostics& diags) {
    std::unordered_map<std::string, const Neighbourhood*> owner;
    for (const auto& n : repo.neighbourhoods) {
        for (const auto& code : n.codes) {
            if (!valid_cbs_code(*code)) {
                diags.error("invalid-code", locate(repo, n.at.file, code.at),
                            say("'{}' is not a CBS area code (BU + 8, WK + 6 or GM + 4 characters, e.g. BU03630000)",
                                "'{}' is geen CBS-gebiedscode (BU + 8, WK + 6 of GM + 4 tekens, bijv. BU03630000)", *code));
                continue;
            }
            auto [it, fresh] = owner.emplace(*code, &n);
            if (!fresh && it->second != &n)
                diags.error("duplicate-code", locate(repo, n.at.file, code.at),
                            say("code {} already belongs to neighbourhood '{}' ({}:{})",
                                "code {} hoort al bij buurt '{}' ({}:{})", *code,
                                it->second->id.value_or("?"), repo.files[it->second->at.file], it->second->at.line));
            else if (!fresh)
                diags.error("duplicate-code", locate(repo, n.at.file, code.at),
                            say("code {} is listed twice", "code {} staat er twee keer", *code));
        }
    }
}

void check_liveability(const Repository& repo, Diagnostics& diags) {
    // Duplicates by sorting record numbers on (neighbourhood, source, code, year) as text-pool
    // handles (equal texts, equal handles): 4 bytes a record, not a tree of copied strings.
    // absent source means "leefbaarometer": the same key as a record that writes it (when none
    // does, find() gives the null handle for both)
    const TextRef default_source = repo.texts->find("leefbaarometer");
    auto key = [&](std::uint32_t i) {
        const Liveability& l = repo.liveability[i];
        return std::tuple(l.neighbourhood.handle(), l.source ? l.source.handle() : default_source, l.code.handle(), *l.year);
    };
    std::vector<std::uint32_t> order;
    order.reserve(repo.liveability.size());
    for (std::uint32_t i = 0; i < repo.liveability.size(); ++i)
        if (repo.liveability[i].neighbourhood && repo.liveability[i].year) order.push_back(i);
    // equal keys stay in reading order: the first is the original
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) { return key(x) < key(y); });
    for (std::size_t k = 1, first = 0; k < order.size(); ++k) {
        if (key(order[first]) != key(order[k])) {
            first = k;
            continue;
        }
        const Liveability &orig = repo.liveability[order[first]], &l = repo.liveability[order[k]];
        diags.error("duplicate-liveability", l.at,
                    say("a second liveability record for '{}' in {} (source {}) (first at {}:{})",
                        "een tweede leefbaarheidsrecord voor '{}' in {} (bron {}) (eerst in {}:{})",
                        *l.neighbourhood, *l.year, l.source_or_default(),
                        repo.files[orig.at.file], orig.at.line),
                    Text("give each record its own year, source or code",
                                   "geef elk record een eigen jaar, bron of code"));
    }
    for (const auto& l : repo.liveability) {
        if (l.code && l.neighbourhood) {
            if (const Neighbourhood* n = repo.neighbourhood(*l.neighbourhood)) {
                bool found = false;
                std::string list;
                for (const auto& c : n->codes) {
                    found = found || *c == *l.code;
                    list += (list.empty() ? "" : ", ") + std::string(*c);
                }
                if (!found)
                    diags.error("unknown-area-code", locate(repo, l, l.code),
                                say("'{}' is not one of the codes of neighbourhood '{}'{}",
                                    "'{}' is niet een van de codes van buurt '{}'{}", *l.code, *l.neighbourhood,
                                    list.empty() ? Text(" (it lists none)", " (die heeft er geen)") : Text(" (" + list + ")", " (" + list + ")")));
            }
        }
        bool all = l.deviation.has();
        double sum = 0;
        for (const auto& d : l.dimensions) {
            all = all && d.has();
            if (d) sum += *d;
        }
        if (all && std::fabs(*l.deviation - sum) > 0.01 + 1e-9)
            diags.warning("deviation-sum", locate(repo, l, l.deviation),
                          say("deviation {} differs from the sum of the five dimensions ({:.2f})",
                              "afwijking {} verschilt van de som van de vijf dimensies ({:.2f})", *l.deviation, sum),
                          Text("the Leefbaarometer's total deviation is the sum of its dimensions",
                                         "de totale afwijking van de Leefbaarometer is de som van de dimensies"));
    }
}

}  // namespace wijk
