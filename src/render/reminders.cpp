#include "render/reminders.h"

#include <fmt/format.h>

#include <map>

#include "model/enums.h"
#include "model/i18n.h"
#include "render/escape.h"
#include "render/json.h"
#include "render/labels.h"

namespace wijk {

namespace {

std::string date_text(const Date& d) { return to_string(d); }

// The basic form of a date for iCalendar: 20261231.
std::string ical_date(const Date& d) {
    return fmt::format("{:04}{:02}{:02}", int(d.year()), unsigned(d.month()), unsigned(d.day()));
}

std::string_view partner_text(const Reminder& r) { return r.partner_name.empty() ? r.partner : r.partner_name; }

std::string_view id_of(const Reminder& r) {
    return r.kind == ReminderKind::strategy_end ? r.strategy : r.agreement;
}

std::string lease_sentences(const Reminder& r) {
    std::string out;
    for (const auto& l : r.leases) {
        std::string article = fmt::format("art. 7:{} BW", name(l.lease));
        if (!l.lease_ref.empty()) article += fmt::format(", {}", l.lease_ref);
        if (l.address.empty())
            out += msg(" The lease ({}) does not end with the agreement: end or continue it separately.",
                       " De huurovereenkomst ({}) eindigt niet met de afspraak: zeg die apart op of zet die voort.",
                       article);
        else
            out += msg(" The lease of {} ({}) does not end with the agreement: end or continue it separately.",
                       " De huurovereenkomst van {} ({}) eindigt niet met de afspraak: zeg die apart op of zet die voort.",
                       l.address, article);
    }
    return out;
}

std::string days_text(long days) {
    if (days == 0) return std::string(tr("today", "vandaag"));
    if (days == 1) return std::string(tr("tomorrow", "morgen"));
    if (days == -1) return std::string(tr("yesterday", "gisteren"));
    if (days < 0) return msg("{} days ago", "{} dagen geleden", -days);
    return msg("in {} days", "over {} dagen", days);
}

std::string horizon_line(const ReminderReport& rep) {
    std::string extra;
    for (int k = 0; k < reminder_kind_count; ++k) {
        const Duration& h = rep.horizons[static_cast<std::size_t>(k)];
        if (h == rep.horizon) continue;
        if (!extra.empty()) extra += ", ";
        extra += std::string(reminder_kind_label(static_cast<ReminderKind>(k))) + ": " + duration_text(h);
    }
    std::string line = msg("Looking ahead {}", "Vooruitkijken: {}", duration_text(rep.horizon));
    if (!extra.empty()) line += " (" + extra + ")";
    return line;
}

std::string title_line(const ReminderReport& rep) {
    std::string t = msg("Reminders as of {}", "Herinneringen per {}", date_text(rep.as_of));
    if (rep.config && rep.config->organisation) t = std::string(*rep.config->organisation) + ": " + t;
    return t;
}

std::string count_line(const std::vector<const Reminder*>& list) {
    std::size_t overdue = 0;
    for (const Reminder* r : list) overdue += r->overdue ? 1 : 0;
    if (list.empty()) return std::string(tr("Nothing needs attention.", "Niets vraagt aandacht."));
    std::string line = list.size() == 1 ? std::string(tr("1 reminder", "1 herinnering"))
                                        : msg("{} reminders", "{} herinneringen", list.size());
    if (overdue > 0) line += msg(", {} overdue", ", waarvan {} te laat", overdue);
    return line + ".";
}

// Groups in display order: overdue first, then one per month.
struct Group {
    std::string heading;
    bool overdue = false;
    std::vector<const Reminder*> items;
};

std::vector<Group> by_month(const std::vector<const Reminder*>& list) {
    std::vector<Group> groups;
    Group overdue{std::string(tr("Overdue", "Te laat")), true, {}};
    for (const Reminder* r : list)
        if (r->overdue) overdue.items.push_back(r);
    if (!overdue.items.empty()) groups.push_back(std::move(overdue));
    for (const Reminder* r : list) {
        if (r->overdue) continue;
        std::string heading = fmt::format("{} {}", month_name(unsigned(r->date.month())), int(r->date.year()));
        if (groups.empty() || groups.back().overdue || groups.back().heading != heading)
            groups.push_back(Group{heading, false, {}});
        groups.back().items.push_back(r);
    }
    return groups;
}

std::vector<const Reminder*> all_of(const ReminderReport& rep) {
    std::vector<const Reminder*> out;
    for (const auto& r : *rep.reminders) out.push_back(&r);
    return out;
}

struct OwnerGroup {
    std::string heading;
    std::vector<const Reminder*> items;
};

std::string owner_heading(std::string_view owner, const Config* config) {
    if (owner.empty()) return std::string(tr("No owner", "Zonder eigenaar"));
    std::string h = msg("Owner: {}", "Eigenaar: {}", owner);
    if (config)
        for (const auto& s : config->staff)
            if (s.id && *s.id == owner) {
                if (s.name) h += " (" + std::string(*s.name) + ")";
                if (s.email) h += " <" + std::string(*s.email) + ">";
            }
    return h;
}

// The reminders as one group, or one per owner (by owner id; those without an owner last).
std::vector<OwnerGroup> owner_groups(const ReminderReport& rep) {
    std::vector<OwnerGroup> out;
    if (!rep.group_by_owner) {
        out.push_back({std::string(), all_of(rep)});
        return out;
    }
    std::map<std::string_view, std::vector<const Reminder*>> owners;
    std::vector<const Reminder*> none;
    for (const auto& r : *rep.reminders) (r.owner.empty() ? none : owners[r.owner]).push_back(&r);
    for (auto& [owner, items] : owners) out.push_back({owner_heading(owner, rep.config), std::move(items)});
    if (!none.empty()) out.push_back({owner_heading("", rep.config), std::move(none)});
    return out;
}

std::string context_line(const Reminder& r) {
    std::vector<std::string> parts;
    if (!r.partner.empty()) parts.push_back(msg("partner: {}", "partner: {}", partner_text(r)));
    if (!r.owner.empty()) parts.push_back(msg("owner: {}", "eigenaar: {}", r.owner));
    if (!r.neighbourhoods.empty())
        parts.push_back(msg("neighbourhoods: {}", "buurten: {}", fmt::join(r.neighbourhoods, ", ")));
    if (r.kind != ReminderKind::strategy_end && !r.strategy.empty())
        parts.push_back(msg("strategy: {}", "strategie: {}", r.strategy));
    return fmt::format("{}", fmt::join(parts, "; "));
}

}  // namespace

std::string duration_text(const Duration& d) {
    const bool one = d.count == 1;
    switch (d.unit) {
        case DurationUnit::days:
            return one ? msg("{} day", "{} dag", d.count) : msg("{} days", "{} dagen", d.count);
        case DurationUnit::weeks:
            return one ? msg("{} week", "{} week", d.count) : msg("{} weeks", "{} weken", d.count);
        case DurationUnit::months:
            return one ? msg("{} month", "{} maand", d.count) : msg("{} months", "{} maanden", d.count);
        case DurationUnit::years:
            return one ? msg("{} year", "{} jaar", d.count) : msg("{} years", "{} jaar", d.count);
    }
    return {};
}

std::string month_name(unsigned month) {
    static constexpr std::string_view en[] = {"January", "February", "March",     "April",   "May",      "June",
                                              "July",    "August",   "September", "October", "November", "December"};
    static constexpr std::string_view nl[] = {"januari", "februari", "maart",     "april",   "mei",      "juni",
                                              "juli",    "augustus", "september", "oktober", "november", "december"};
    if (month < 1 || month > 12) return {};
    return std::string(tr(en[month - 1], nl[month - 1]));
}

std::string reminder_summary(const Reminder& r) {
    const std::string what = fmt::format("{} ({})", r.title, id_of(r));
    switch (r.kind) {
        case ReminderKind::notice: return msg("Notice deadline: {}", "Uiterste opzegdatum: {}", what);
        case ReminderKind::renewal:
            return r.indefinite ? msg("Goes on indefinitely: {}", "Loopt voor onbepaalde tijd door: {}", what)
                                : msg("Renewal: {}", "Verlenging: {}", what);
        case ReminderKind::expiry: return msg("Ends: {}", "Loopt af: {}", what);
        case ReminderKind::evaluation:
            return r.overdue ? msg("Evaluation {} overdue: {}", "Evaluatie {} te laat: {}", r.evaluation_year, what)
                             : msg("Evaluation {}: {}", "Evaluatie {}: {}", r.evaluation_year, what);
        case ReminderKind::strategy_end: return msg("Strategy ends: {}", "Buurtstrategie loopt af: {}", what);
    }
    return what;
}

std::string reminder_message(const Reminder& r) {
    switch (r.kind) {
        case ReminderKind::notice: {
            const Date e = r.term_end.value_or(r.date);
            std::string m = msg("Notice to end it on {} must have reached {} by {}.",
                                "Een opzegging per {} moet {} uiterlijk op {} hebben bereikt.", date_text(e),
                                partner_text(r), date_text(r.date));
            if (r.indefinite)
                m += msg(" If nothing is done, it goes on without an end date after {}.",
                         " Gebeurt er niets, dan loopt de afspraak na {} voor onbepaalde tijd door.", date_text(e));
            else if (r.renewal_term && r.next_term_end)
                m += msg(" If nothing is done, it renews on {} for {} (to {}).",
                         " Gebeurt er niets, dan wordt de afspraak op {} verlengd met {} (tot en met {}).",
                         date_text(add_days(e, 1)), duration_text(*r.renewal_term), date_text(*r.next_term_end));
            if (r.evaluated)
                m += msg(" Last evaluated on {} (year {}, decision: {}).",
                         " Laatst geëvalueerd op {} (jaar {}, besluit: {}).", date_text(r.evaluated->date),
                         r.evaluated->year, decision_label(r.evaluated->decision));
            else
                m += std::string(tr(" No evaluation in the twelve months before the deadline: a decision needs one.",
                                    " Geen evaluatie in de twaalf maanden voor deze datum: een besluit vraagt er een."));
            return m + lease_sentences(r);
        }
        case ReminderKind::renewal:
            if (r.indefinite)
                return msg("The fixed term ends on {}; unless notice was given, it then goes on without an end date.",
                           "De vaste looptijd eindigt op {}; tenzij er is opgezegd, loopt de afspraak daarna voor "
                           "onbepaalde tijd door.",
                           date_text(r.date));
            return msg("The current term ends on {}; unless notice was given, it renews on {} for {} (to {}).",
                       "De huidige termijn eindigt op {}; tenzij er is opgezegd, wordt de afspraak op {} verlengd met "
                       "{} (tot en met {}).",
                       date_text(r.date), date_text(add_days(r.date, 1)),
                       r.renewal_term ? duration_text(*r.renewal_term) : std::string("?"),
                       r.next_term_end ? date_text(*r.next_term_end) : std::string("?"));
        case ReminderKind::expiry: {
            std::string m;
            if (!r.terminated)
                m = msg("It ends on {} and does not renew.", "De afspraak eindigt op {} en wordt niet verlengd.",
                        date_text(r.date));
            else if (r.terminated_by == TerminatedBy::partner)
                m = msg("It ends on {}: terminated by the partner.", "De afspraak eindigt op {}: opgezegd door de partner.",
                        date_text(r.date));
            else if (r.terminated_by == TerminatedBy::mutual)
                m = msg("It ends on {}: ended by mutual consent.", "De afspraak eindigt op {}: in onderling overleg beëindigd.",
                        date_text(r.date));
            else
                m = msg("It ends on {}: terminated by the association.",
                        "De afspraak eindigt op {}: opgezegd door de corporatie.", date_text(r.date));
            return m + lease_sentences(r);
        }
        case ReminderKind::evaluation:
            if (r.overdue)
                return msg("The evaluation for {} was due on {} and has not been recorded.",
                           "De evaluatie over {} was op {} aan de beurt en is niet vastgelegd.", r.evaluation_year,
                           date_text(r.date));
            return msg("The evaluation for {} is due on {}.", "De evaluatie over {} is op {} aan de beurt.",
                       r.evaluation_year, date_text(r.date));
        case ReminderKind::strategy_end:
            return msg("The neighbourhood strategy ends on {}: prepare what follows it.",
                       "De buurtstrategie loopt af op {}: bereid de opvolger voor.", date_text(r.date));
    }
    return {};
}

std::string reminder_uid(const Reminder& r) {
    return fmt::format("{}-{}-{}@wijk", name(r.kind), id_of(r), date_text(r.date));
}

std::string render_reminders_text(const ReminderReport& rep, bool color) {
    return whole_text([&](const auto& flush) { stream_reminders_text(rep, color, flush); });
}

void stream_reminders_text(const ReminderReport& rep, bool color, const std::function<void(std::string_view)>& flush) {
    auto paint = [color](std::string_view code, const std::string& s) {
        return color ? fmt::format("\x1b[{}m{}\x1b[0m", code, s) : s;
    };
    StreamedText out(flush);
    out += paint("1", terminal_safe(title_line(rep))) + "\n";
    out += horizon_line(rep) + "\n";
    for (const auto& og : owner_groups(rep)) {
        if (rep.group_by_owner) out += "\n" + paint("1;4", terminal_safe(og.heading)) + "\n";
        for (const auto& g : by_month(og.items)) {
            out += "\n" + paint(g.overdue ? "1;31" : "1", g.heading) + "\n";
            for (const Reminder* r : g.items) {
                std::string when = fmt::format("{:<18}", days_text(r->days));
                if (r->overdue) when = paint("31", when);
                else if (r->days <= 7) when = paint("33", when);
                out += fmt::format("  {}  {}  {}\n", date_text(r->date), when, terminal_safe(reminder_summary(*r)));
                out += "      " + terminal_safe(reminder_message(*r)) + "\n";
                std::string ctx = context_line(*r);
                if (!ctx.empty()) out += "      " + paint("2", terminal_safe(ctx)) + "\n";
            }
        }
        if (rep.group_by_owner) out += "\n" + count_line(og.items) + "\n";
    }
    out += "\n" + count_line(all_of(rep)) + "\n";
    out.finish();
}

std::string render_reminders_markdown(const ReminderReport& rep) {
    return whole_text([&](const auto& flush) { stream_reminders_markdown(rep, flush); });
}

void stream_reminders_markdown(const ReminderReport& rep, const std::function<void(std::string_view)>& flush) {
    StreamedText out(flush);
    out += "# " + markdown_text(title_line(rep)) + "\n\n" + markdown_text(horizon_line(rep)) + ".\n";
    const std::string head = msg("| {} | {} | {} | {} |\n| --- | ---: | --- | --- |\n",
                                 "| {} | {} | {} | {} |\n| --- | ---: | --- | --- |\n",
                                 tr("Date", "Datum"), tr("Days", "Dagen"), tr("Reminder", "Herinnering"),
                                 tr("Details", "Details"));
    for (const auto& og : owner_groups(rep)) {
        std::string level = "##";
        if (rep.group_by_owner) {
            out += "\n## " + markdown_text(og.heading) + "\n";
            level = "###";
        }
        for (const auto& g : by_month(og.items)) {
            out += "\n" + level + " " + markdown_text(g.heading) + "\n\n" + head;
            for (const Reminder* r : g.items) {
                std::string details = reminder_message(*r);
                std::string ctx = context_line(*r);
                if (!ctx.empty()) details += "\n" + ctx;
                out += fmt::format("| {} | {} | {} | {} |\n", date_text(r->date), r->days,
                                   markdown_cell(reminder_summary(*r)), markdown_cell(details));
            }
        }
    }
    out += "\n" + markdown_text(count_line(all_of(rep))) + "\n";
    out.finish();
}

std::string render_reminders_json(const ReminderReport& rep) {
    return whole_text([&](const auto& flush) { stream_reminders_json(rep, flush); });
}

void stream_reminders_json(const ReminderReport& rep, const std::function<void(std::string_view)>& flush) {
    JsonWriter w(true, flush);
    w.begin_object();
    w.key("as_of").string(date_text(rep.as_of));
    w.key("horizon_days").integer(days_between(rep.as_of, add(rep.as_of, rep.horizon)));
    w.key("horizons").begin_object();
    for (int k = 0; k < reminder_kind_count; ++k)
        w.key(reminder_kind_names[static_cast<std::size_t>(k)])
            .integer(days_between(rep.as_of, add(rep.as_of, rep.horizons[static_cast<std::size_t>(k)])));
    w.end_object();
    const bool staff = rep.config && rep.config->staff_listed;
    w.key("reminders").begin_array();
    for (const auto& r : *rep.reminders) {
        w.begin_object();
        w.key("date").string(date_text(r.date));
        w.key("kind").string(name(r.kind));
        w.key("overdue").boolean(r.overdue);
        w.key("days").integer(r.days);
        if (r.agreement.empty()) w.key("agreement").null();
        else w.key("agreement").string(r.agreement);
        if (r.strategy.empty()) w.key("strategy").null();
        else w.key("strategy").string(r.strategy);
        if (r.partner.empty()) w.key("partner").null();
        else w.key("partner").string(r.partner);
        w.key("neighbourhoods").begin_array();
        for (const auto& n : r.neighbourhoods) w.string(n);
        w.end_array();
        if (r.owner.empty()) w.key("owner").null();
        else w.key("owner").string(r.owner);
        if (staff) w.key("owner_email").optional_string(r.owner_email);
        w.key("title").string(r.title);
        w.key("summary").string(reminder_summary(r));
        w.key("message").string(reminder_message(r));
        w.end_object();
    }
    w.end_array();
    w.end_object();
    w.finish();
}

std::string render_reminders_ics(const ReminderReport& rep) {
    return whole_text([&](const auto& flush) { stream_reminders_ics(rep, flush); });
}

void stream_reminders_ics(const ReminderReport& rep, const std::function<void(std::string_view)>& flush) {
    StreamedText out(flush);
    auto line = [&out](std::string_view s) { out += ical_fold(s); };
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//wijk//wijk reminders//EN");
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    line("X-WR-CALNAME:" + ical_text(title_line(rep)));
    const std::string stamp = ical_date(rep.as_of) + "T000000Z";
    for (const auto& r : *rep.reminders) {
        const std::string summary = ical_text(reminder_summary(r));
        std::string description = reminder_message(r);
        std::string ctx = context_line(r);
        if (!ctx.empty()) description += "\n" + ctx;
        line("BEGIN:VEVENT");
        line("UID:" + ical_text(reminder_uid(r)));
        line("DTSTAMP:" + stamp);
        line("DTSTART;VALUE=DATE:" + ical_date(r.date));
        line("DTEND;VALUE=DATE:" + ical_date(add_days(r.date, 1)));
        line("SUMMARY:" + summary);
        line("DESCRIPTION:" + ical_text(description));
        line("CATEGORIES:" + ical_text(name(r.kind)));
        line("TRANSP:TRANSPARENT");
        for (std::string_view trigger : {"-P30D", "-P7D"}) {
            line("BEGIN:VALARM");
            line("ACTION:DISPLAY");
            line(fmt::format("TRIGGER:{}", trigger));
            line("DESCRIPTION:" + summary);
            line("END:VALARM");
        }
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    out.finish();
}

}  // namespace wijk
