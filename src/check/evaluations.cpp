// duplicate-evaluation, evaluation-before-start, evaluation-year, unknown-commitment,
// stop-without-notice
#include <algorithm>
#include <vector>

#include "check/check.h"
#include "model/locator.h"
#include "model/i18n.h"
#include "model/suggest.h"
#include "model/terms.h"

namespace wijk {

void check_evaluations(const Repository& repo, const CheckOptions& opt, Diagnostics& diags) {
    // Duplicates, by sorting compact keys (equal ids have equal text-pool handles): 16 bytes
    // an evaluation instead of a hash map.
    struct Key {
        TextRef agreement;
        int year;
        std::uint32_t index;  // reading order
        auto operator<=>(const Key&) const = default;
    };
    std::vector<Key> keys;
    keys.reserve(repo.evaluations.size());
    for (std::uint32_t i = 0; i < repo.evaluations.size(); ++i) {
        const auto& e = repo.evaluations[i];
        if (e.agreement && e.year) keys.push_back({e.agreement.handle(), *e.year, i});
    }
    std::sort(keys.begin(), keys.end());
    for (std::size_t k = 0, first = 0; k < keys.size(); ++k) {
        if (k > 0 && keys[k].agreement == keys[first].agreement && keys[k].year == keys[first].year) {
            const Evaluation &orig = repo.evaluations[keys[first].index], &e = repo.evaluations[keys[k].index];
            diags.error("duplicate-evaluation", e.at,
                        say("a second evaluation of '{}' for {} (first at {}:{})",
                            "een tweede evaluatie van '{}' voor {} (eerst in {}:{})", *e.agreement, *e.year,
                            repo.files[orig.at.file], orig.at.line));
        } else {
            first = k;
        }
    }
    for (const auto& e : repo.evaluations) {
        if (!e.agreement) continue;
        const Agreement* a = repo.agreement(*e.agreement);
        if (!a) continue;
        if (e.date && a->start && *e.date < *a->start)
            diags.error("evaluation-before-start", locate(repo, e, e.date),
                        say("evaluated on {}, before the agreement started ({})", "geëvalueerd op {}, vóór het begin van de afspraak ({})",
                            to_string(*e.date), to_string(*a->start)));
        if (e.date && e.year && a->start) {
            Date due = in_year(evaluation_month_day(*a, repo.config), *e.year);
            if (*e.date > add_months(due, 6) || *e.date < add_months(due, -6))
                diags.warning("evaluation-year", locate(repo, e, e.year),
                              say("evaluated on {}, more than six months from the due date {} of year {}: is 'year' right?",
                                  "geëvalueerd op {}, meer dan zes maanden vóór of na de evaluatiedatum {} van {}: klopt 'year'?",
                                  to_string(*e.date), to_string(due), *e.year));
        }
        std::vector<std::string> ids;
        for (const auto& c : a->partner_provides)
            if (c.id) ids.emplace_back(*c.id);
        for (const auto& r : e.results) {
            if (!r.commitment) continue;
            bool found = false;
            for (const auto& id : ids) found = found || id == *r.commitment;
            if (found) continue;
            auto s = suggest(*r.commitment, ids, std::max<std::size_t>(2, r.commitment->size() / 3));
            diags.error("unknown-commitment", locate(repo, e.at.file, r.commitment.at),
                        say("agreement '{}' has no commitment '{}'", "afspraak '{}' heeft geen toezegging '{}'", *e.agreement, *r.commitment),
                        s ? did_you_mean(*s) : Text());
        }
    }
    // A decision to stop needs notice, when the agreement would otherwise go on: judged on the
    // latest evaluation of each agreement (data-format [1.1]), whatever the time left; one with
    // renewal: none ends by itself.
    for (const auto& a : repo.agreements) {
        if (!a.id || a.terminated) continue;
        const Evaluation* e = latest_evaluation(repo, *a.id);
        if (!e || !e->decision || *e->decision != Decision::stop) continue;
        const bool goes_on = renews_tacitly(a) ||
                             ((!a.end || (a.renewal && *a.renewal == Renewal::indefinite)) &&
                              status_on(a, opt.as_of) != Status::ended);
        if (goes_on)
            diags.warning("stop-without-notice", locate(repo, *e, e->decision),
                          Text("decided to stop, but no notice is recorded and the agreement runs on: add a 'terminated' block once notice is given",
                                         "besloten te stoppen, maar er is geen opzegging vastgelegd en de afspraak loopt door: voeg een blok 'terminated' toe zodra is opgezegd"));
    }
}

void check_strategies(const Repository& repo, Diagnostics& diags) {
    (void)repo;
    for (const auto& s : repo.strategies) {
        if (!s.start || !s.end) continue;
        if (*s.end < *s.start) {
            diags.error("end-before-start", locate(repo, s, s.end),
                        say("end {} is before start {}", "einde {} ligt vóór begin {}", to_string(*s.end), to_string(*s.start)));
            continue;
        }
        Date after = add_days(*s.end, 1);
        if (after < add_months(*s.start, 36) || after > add_months(*s.start, 60))
            diags.warning("strategy-length", locate(repo, s, s.end),
                          say("a neighbourhood strategy runs three to five years; this one runs {} to {}",
                              "een buurtstrategie loopt drie tot vijf jaar; deze loopt van {} tot en met {}",
                              to_string(*s.start), to_string(*s.end)));
    }
}

}  // namespace wijk
