#include "render/labels.h"

#include <array>

#include "model/enums.h"
#include "model/i18n.h"

namespace wijk {

std::string_view status_label(Status s, Lang lang) {
    switch (s) {
        case Status::upcoming: return tr(lang, "upcoming", "nog niet begonnen");
        case Status::active: return tr(lang, "active", "lopend");
        case Status::terminating: return tr(lang, "terminating", "opgezegd");
        case Status::ended: return tr(lang, "ended", "beëindigd");
    }
    return "?";
}

std::string_view decision_label(Decision d, Lang lang) {
    switch (d) {
        case Decision::continue_: return tr(lang, "continue", "doorgaan");
        case Decision::adjust: return tr(lang, "adjust", "bijstellen");
        case Decision::stop: return tr(lang, "stop", "stoppen");
    }
    return "?";
}

std::string_view reminder_kind_label(ReminderKind k, Lang lang) {
    switch (k) {
        case ReminderKind::decide: return tr(lang, "decide", "besluit");
        case ReminderKind::notice: return tr(lang, "notice", "opzegging");
        case ReminderKind::renewal: return tr(lang, "renewal", "verlenging");
        case ReminderKind::expiry: return tr(lang, "expiry", "einde");
        case ReminderKind::evaluation: return tr(lang, "evaluation", "evaluatie");
        case ReminderKind::strategy_end: return tr(lang, "strategy end", "einde buurtstrategie");
    }
    return "?";
}

std::string_view partner_kind_label(PartnerKind k, Lang lang) {
    static constexpr std::array<std::string_view, 13> nl{
        "bewoners",      "huurders",  "welzijn", "gemeente", "politie",
        "vrijwilligers", "onderwijs", "zorg",    "cultuur",  "sport",
        "levensbeschouwing", "ondernemers", "overig"};
    return lang == Lang::nl ? nl[std::size_t(k)] : name(k);
}

std::string_view provision_kind_label(ProvisionKind k, Lang lang) {
    static constexpr std::array<std::string_view, 6> en{"Space",   "Rent discount", "Funding",
                                                        "Support", "Advice",        "Other"};
    static constexpr std::array<std::string_view, 6> nl{
        "Ruimte", "Huurkorting", "Financiering", "Ondersteuning", "Advies", "Overig"};
    return lang == Lang::nl ? nl[std::size_t(k)] : en[std::size_t(k)];
}

std::string_view lease_label(Lease l, Lang lang) {
    switch (l) {
        case Lease::art290: return tr(lang, "lease art. 7:290", "huur art. 7:290");
        case Lease::art230a: return tr(lang, "lease art. 7:230a", "huur art. 7:230a");
        case Lease::loan: return tr(lang, "loan (free of charge)", "bruikleen");
    }
    return "?";
}

std::string_view renewal_label(Renewal r, Lang lang) {
    switch (r) {
        case Renewal::none: return tr(lang, "none (ends)", "geen (eindigt)");
        case Renewal::tacit: return tr(lang, "tacit", "stilzwijgend");
        case Renewal::indefinite: return tr(lang, "indefinite", "onbepaalde tijd");
    }
    return "?";
}

std::string_view terminated_by_label(TerminatedBy b, Lang lang) {
    switch (b) {
        case TerminatedBy::association: return tr(lang, "the association", "de corporatie");
        case TerminatedBy::partner: return tr(lang, "the partner", "de partner");
        case TerminatedBy::mutual: return tr(lang, "mutual consent", "wederzijds goedvinden");
    }
    return "?";
}

std::string_view approach_level_label(ApproachLevel a, Lang lang) {
    switch (a) {
        case ApproachLevel::regular: return tr(lang, "regular", "regulier");
        case ApproachLevel::focus: return tr(lang, "focus", "focus");
        case ApproachLevel::intervention: return tr(lang, "intervention", "interventie");
    }
    return "?";
}

// The Leefbaarometer's own names of its five dimensions.
std::string_view dimension_label(Dimension d, Lang lang) {
    switch (d) {
        case Dimension::housing: return tr(lang, "housing", "woningvoorraad");
        case Dimension::physical: return tr(lang, "physical", "fysieke omgeving");
        case Dimension::amenities: return tr(lang, "amenities", "voorzieningen");
        case Dimension::cohesion: return tr(lang, "cohesion", "sociale samenhang");
        case Dimension::safety: return tr(lang, "safety", "overlast en onveiligheid");
    }
    return "?";
}

}  // namespace wijk
