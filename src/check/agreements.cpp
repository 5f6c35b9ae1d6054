// Rules on agreements: terms, renewal, notice, termination, provisions, commitments.
#include <fmt/format.h>

#include <algorithm>
#include <unordered_set>

#include "check/check.h"
#include "model/locator.h"
#include "model/enums.h"
#include "model/i18n.h"
#include "model/terms.h"

namespace wijk {

namespace {

const Duration one_year{1, DurationUnit::years};

void check_term(const Repository& repo, const Agreement& a, Diagnostics& diags) {
    if (a.start && a.end && *a.end < *a.start)
        diags.error("end-before-start", locate(repo, a, a.end),
                    say("end {} is before start {}", "einde {} ligt vóór begin {}", to_string(*a.end), to_string(*a.start)));
    if (a.end && !written(a.renewal))
        diags.error("renewal-missing", locate(repo, a, a.end),
                    Text("'end' is given without 'renewal': say whether it ends (none), renews (tacit) or goes on (indefinite)",
                                   "'end' staat er zonder 'renewal': zeg of het eindigt (none), stilzwijgend verlengt (tacit) of doorloopt (indefinite)"),
                    Text("add renewal: none, renewal: tacit (with renewal_term) or renewal: indefinite",
                                   "voeg renewal: none, renewal: tacit (met renewal_term) of renewal: indefinite toe"));
    if (a.renewal && *a.renewal != Renewal::none && !written(a.end))
        diags.error("renewal-without-end", locate(repo, a, a.renewal),
                    say("renewal: {} without an 'end': there is no term to renew", "renewal: {} zonder 'end': er is geen termijn om te verlengen", name(*a.renewal)));
    bool tacit = a.renewal && *a.renewal == Renewal::tacit;
    if (tacit && !written(a.renewal_term))
        diags.error("renewal-term-missing", locate(repo, a, a.renewal),
                    Text("renewal: tacit needs a 'renewal_term' (how long each renewal lasts)",
                                   "renewal: tacit heeft een 'renewal_term' nodig (hoe lang elke verlenging duurt)"));
    if (!tacit && a.renewal && a.renewal_term)
        diags.error("renewal-term-unexpected", locate(repo, a, a.renewal_term),
                    Text("'renewal_term' only applies to renewal: tacit", "'renewal_term' hoort alleen bij renewal: tacit"));
    if (a.renewal_term && (*a.renewal_term).count == 0)
        diags.error("out-of-range", locate(repo, a, a.renewal_term),
                    Text("renewal_term must be longer than 0", "renewal_term moet langer zijn dan 0"));
    bool open_ended = !written(a.end) || (a.renewal && *a.renewal == Renewal::indefinite);
    if (open_ended && !written(a.notice) && !a.terminated)
        diags.warning("notice-missing", a.at,
                      Text("an open-ended agreement needs a notice period (otherwise the law imposes a reasonable one)",
                                     "een afspraak zonder einddatum heeft een opzegtermijn nodig (anders geldt een redelijke termijn volgens de wet)"),
                      Text("add e.g. notice: 3 months", "voeg bijv. notice: 3 maanden toe"));
    if (a.notice && a.start && a.end && *a.end >= *a.start &&
        add(*a.start, *a.notice) > add_days(*a.end, 1))
        diags.warning("notice-too-long", locate(repo, a, a.notice),
                      say("notice {} is longer than the term ({} to {})", "opzegtermijn {} is langer dan de looptijd ({} tot en met {})",
                          duration_words(*a.notice), to_string(*a.start), to_string(*a.end)));
    else if (a.notice && tacit && a.renewal_term && is_longer(*a.notice, *a.renewal_term))
        diags.warning("notice-too-long", locate(repo, a, a.notice),
                      say("notice {} is longer than the renewal term {}", "opzegtermijn {} is langer dan de verlengingstermijn {}",
                          duration_words(*a.notice), duration_words(*a.renewal_term)));
}

// "3 months'" / "1 month's", and the Dutch "3 maanden", for the notice-too-late wording.
std::string notice_en(const Duration& d) {
    std::string s = to_string(d);
    return s + (d.count == 1 ? "'s" : "'");
}
std::string notice_nl(const Duration& d) { return duration_words(d).nl; }

// The end that notice given on `given` reaches, had it been given in time for nothing
// earlier: the end of the first term whose deadline it meets (tacit), its `end` (renewal
// none, when sooner), else a notice period later.
Date end_reached_by(const Agreement& a, const Date& given) {
    const Duration& notice = *a.notice;
    const Date by_notice = add_days(add(add_days(given, 1), notice), -1);
    if (a.end && a.renewal && *a.renewal == Renewal::tacit && a.renewal_term && (*a.renewal_term).count > 0)
        return term_end_of(a, first_term_with_deadline_from(a, given));
    if (a.end && a.renewal && *a.renewal == Renewal::none) return std::min(*a.end, by_notice);
    if (a.end && by_notice < *a.end) return *a.end;
    return by_notice;
}

void check_termination(const Repository& repo, const Agreement& a, Diagnostics& diags) {
    if (!a.terminated) return;
    const Termination& t = *a.terminated;
    // Notice that reached the partner after the deadline of the end it names: that end holds
    // only when the partner agreed (by: mutual); otherwise the agreement runs on.
    if (t.end && t.notice_given && a.notice && t.by.value_or(TerminatedBy::association) != TerminatedBy::mutual &&
        (!a.start || *t.end >= *a.start) && *t.notice_given <= *t.end) {
        const Date deadline = notice_deadline(*t.end, *a.notice);
        if (*t.notice_given > deadline)
            diags.warning("notice-too-late", locate(repo, t, t.notice_given),
                          say("notice given on {} is after {}, the last day for an end on {} with {} notice: unless "
                              "the partner agreed to it (by: mutual), the agreement runs on",
                              "opgezegd op {}, na {}, de laatste dag voor een einde per {} met {} opzegtermijn: tenzij "
                              "de partner ermee instemde (by: mutual), loopt de afspraak door",
                              to_string(*t.notice_given), to_string(deadline), to_string(*t.end),
                              Text(notice_en(*a.notice), notice_nl(*a.notice))),
                          say("if the partner agreed to end it then, write by: mutual; otherwise notice given on {} "
                              "ends it on {} at the earliest",
                              "stemde de partner in met dit einde, schrijf dan by: mutual; anders beëindigt een "
                              "opzegging op {} de afspraak op zijn vroegst per {}",
                              to_string(*t.notice_given), to_string(end_reached_by(a, *t.notice_given))));
    }
    if (t.end && a.start && *t.end < *a.start)
        diags.error("terminated-before-start", locate(repo, t, t.end),
                    say("terminated.end {} is before start {}", "terminated.end {} ligt vóór begin {}", to_string(*t.end), to_string(*a.start)));
    if (t.end && t.notice_given && *t.notice_given > *t.end)
        diags.error("notice-after-termination", locate(repo, t, t.notice_given),
                    say("notice_given {} is after terminated.end {}", "notice_given {} ligt na terminated.end {}",
                        to_string(*t.notice_given), to_string(*t.end)));
}

void check_provisions(const Repository& repo, const Agreement& a, Diagnostics& diags) {
    bool any_rent = false, loan = false;
    const Provision* lease290 = nullptr;
    for (const auto& p : a.we_provide) {
        if (!p.kind || *p.kind != ProvisionKind::space) continue;
        if (p.rent_per_year) any_rent = true;
        if (p.lease && *p.lease == Lease::loan) loan = true;
        if (p.lease && *p.lease == Lease::art290 && !lease290) lease290 = &p;
    }
    if (lease290 && ((!a.notice && !written(a.notice)) || (a.notice && is_longer(one_year, *a.notice))))
        diags.warning("lease-notice", a.notice ? locate(repo, a, a.notice) : locate(repo, *lease290, lease290->lease),
                      Text("a space under art. 7:290 BW needs at least a year's notice (art. 7:293): ending the agreement sooner does not free the space",
                                     "een ruimte onder art. 7:290 BW vraagt minstens een jaar opzegging (art. 7:293): de afspraak eerder beëindigen maakt de ruimte niet vrij"));
    for (const auto& p : a.we_provide) {
        if (!p.kind || *p.kind != ProvisionKind::rent_discount) continue;
        if (!p.justification)
            diags.warning("rent-discount-justification", p.at,
                          Text("a rent discount without 'justification': record why, a below-market rent is support to account for",
                                         "een huurkorting zonder 'justification': leg vast waarom: een huur onder de markthuur is steun waarover je verantwoording aflegt"));
        if (p.percent && !p.value_per_year && !any_rent)
            diags.warning("rent-discount-unvalued", locate(repo, p, p.percent),
                          Text("a percent discount with neither value_per_year nor a space with rent_per_year: its worth in euros is unknown, so totals understate it",
                                         "een kortingspercentage zonder value_per_year en zonder ruimte met rent_per_year: de waarde in euro is onbekend, dus totalen vallen te laag uit"));
        if (loan)
            diags.warning("rent-discount-loan", p.at,
                          Text("a rent discount beside a space on loan (bruikleen): there is no rent",
                                         "een huurkorting naast een ruimte in bruikleen: er is geen huur"));
    }
}

void check_commitments(const Repository& repo, const Agreement& a, Diagnostics& diags) {
    std::unordered_set<std::string_view> seen;
    for (const auto& c : a.partner_provides) {
        if (!c.id) continue;
        if (!seen.insert(*c.id).second)
            diags.error("duplicate-commitment", locate(repo, a.at.file, c.id.at),
                        say("commitment id '{}' is used twice in this agreement", "toezegging-id '{}' komt twee keer voor in deze afspraak", *c.id));
    }
}

void check_partner_neighbourhoods(const Repository& repo, const Agreement& a, Diagnostics& diags) {
    if (!a.partner) return;
    const Partner* p = repo.partner(*a.partner);
    if (!p || p->neighbourhoods.empty()) return;
    for (const auto& n : a.neighbourhoods) {
        if (!repo.neighbourhood(*n)) continue;  // a dangling ref: reported as such
        bool found = false;
        for (const auto& pn : p->neighbourhoods) found = found || *pn == *n;
        if (!found)
            diags.warning("partner-neighbourhood", locate(repo, a.at.file, n.at),
                          say("neighbourhood '{}' is not among the neighbourhoods of partner '{}'",
                              "buurt '{}' staat niet bij de buurten van partner '{}'", *n, *a.partner),
                          say("add it to the partner's neighbourhoods", "voeg hem toe aan de buurten van de partner"));
    }
}

void check_document(const Repository& repo, const Agreement& a, const CheckOptions& opt, Diagnostics& diags) {
    if (!a.document) return;
    std::string_view doc = *a.document;
    // A path that leaves the data root is never looked up: a committed record must not make
    // wijk probe the machine it runs on (whether /etc/shadow exists says something too).
    bool outside = doc.empty() || doc[0] == '/' || doc[0] == '~' || (doc.size() > 1 && doc[1] == ':');
    int depth = 0;
    for (std::size_t i = 0; i <= doc.size() && !outside;) {
        std::size_t j = doc.find_first_of("/\\", i);
        if (j == std::string_view::npos) j = doc.size();
        std::string_view part = doc.substr(i, j - i);
        if (part == "..") outside = --depth < 0;
        else if (!part.empty() && part != ".") ++depth;
        i = j + 1;
    }
    if (outside) {
        diags.warning("document-outside-root", locate(repo, a, a.document),
                      say("document '{}' is outside the data folder: it is not looked up",
                          "document '{}' ligt buiten de gegevensmap: er wordt niet naar gezocht", doc),
                      Text("keep the signed agreement in the repository and write its path relative to the data folder, e.g. documents/agreement.pdf",
                           "bewaar de getekende afspraak in de repository en schrijf het pad vanaf de gegevensmap, bijv. documenten/afspraak.pdf"));
        return;
    }
    if (opt.document_exists && !opt.document_exists(doc))
        diags.warning("document-missing", locate(repo, a, a.document),
                      say("document '{}' does not exist (relative to the data root)",
                          "document '{}' bestaat niet (gezocht vanaf de gegevensmap)", doc));
}

}  // namespace

void check_agreements(const Repository& repo, const CheckOptions& opt, Diagnostics& diags) {
    for (const auto& a : repo.agreements) {
        check_term(repo, a, diags);
        check_termination(repo, a, diags);
        check_provisions(repo, a, diags);
        check_commitments(repo, a, diags);
        check_partner_neighbourhoods(repo, a, diags);
        check_document(repo, a, opt, diags);
    }
}

}  // namespace wijk
