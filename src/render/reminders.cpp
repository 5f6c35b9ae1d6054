#include "render/reminders.h"

#include <fmt/format.h>

#include <map>

#include "model/enums.h"
#include "model/i18n.h"
#include "render/escape.h"
#include "render/json.h"
#include "render/labels.h"
#include "render/summary.h"  // display_width

namespace wijk {

namespace {

std::string date_text(const Date& d) { return to_string(d); }

std::string_view partner_text(const Reminder& r) { return r.partner_name.empty() ? r.partner : r.partner_name; }

std::string_view id_of(const Reminder& r) {
    return r.kind == ReminderKind::strategy_end ? r.strategy : r.agreement;
}

std::string lease_sentences(const Reminder& r, Lang lang) {
    std::string out;
    for (const auto& l : r.leases) {
        std::string article = fmt::format("art. 7:{} BW", name(l.lease));
        if (!l.lease_ref.empty()) article += fmt::format(", {}", l.lease_ref);
        if (l.address.empty())
            out += msg(lang, " The lease ({}) does not end with the agreement: end or continue it separately.",
                       " De huurovereenkomst ({}) eindigt niet met de afspraak: zeg die apart op of laat die doorlopen.",
                       article);
        else
            out += msg(lang, " The lease of {} ({}) does not end with the agreement: end or continue it separately.",
                       " De huurovereenkomst van {} ({}) eindigt niet met de afspraak: zeg die apart op of laat die doorlopen.",
                       l.address, article);
    }
    return out;
}

std::string days_text(long days, Lang lang) {
    if (days == 0) return std::string(tr(lang, "today", "vandaag"));
    if (days == 1) return std::string(tr(lang, "tomorrow", "morgen"));
    if (days == -1) return std::string(tr(lang, "yesterday", "gisteren"));
    if (days < 0) return msg(lang, "{} days ago", "{} dagen geleden", -days);
    return msg(lang, "in {} days", "over {} dagen", days);
}

std::string horizon_line(const ReminderReport& rep) {
    std::string extra;
    for (int k = 0; k < reminder_kind_count; ++k) {
        const Duration& h = rep.horizons[static_cast<std::size_t>(k)];
        if (h == rep.horizon) continue;
        // decide reminders exist only with reminders.lead
        if (static_cast<ReminderKind>(k) == ReminderKind::decide && !(rep.config && rep.config->reminders_lead))
            continue;
        if (!extra.empty()) extra += ", ";
        extra += std::string(reminder_kind_label(static_cast<ReminderKind>(k), rep.lang)) + ": " +
                 duration_text(h, rep.lang);
    }
    std::string line = msg(rep.lang, "Looking ahead {}", "Vooruitkijken: {}", duration_text(rep.horizon, rep.lang));
    if (!extra.empty()) line += " (" + extra + ")";
    return line;
}

std::string title_line(const ReminderReport& rep) {
    std::string t = msg(rep.lang, "Reminders as of {}", "Herinneringen per {}", date_text(rep.as_of));
    if (rep.config && rep.config->organisation) t = std::string(*rep.config->organisation) + ": " + t;
    return one_line_text(t);
}

std::string count_line(const std::vector<const Reminder*>& list, Lang lang) {
    std::size_t overdue = 0;
    for (const Reminder* r : list) overdue += r->overdue ? 1 : 0;
    if (list.empty()) return std::string(tr(lang, "Nothing needs attention.", "Niets vraagt aandacht."));
    std::string line = list.size() == 1 ? std::string(tr(lang, "1 reminder", "1 herinnering"))
                                        : msg(lang, "{} reminders", "{} herinneringen", list.size());
    if (overdue > 0) line += msg(lang, ", {} overdue", ", waarvan {} te laat", overdue);
    return line + ".";
}

// Groups in display order: overdue first, then one per month.
struct Group {
    std::string heading;
    bool overdue = false;
    std::vector<const Reminder*> items;
};

std::vector<Group> by_month(const std::vector<const Reminder*>& list, Lang lang) {
    std::vector<Group> groups;
    Group overdue{std::string(tr(lang, "Overdue", "Te laat")), true, {}};
    for (const Reminder* r : list)
        if (r->overdue) overdue.items.push_back(r);
    if (!overdue.items.empty()) groups.push_back(std::move(overdue));
    for (const Reminder* r : list) {
        if (r->overdue) continue;
        std::string heading = month_heading(r->date, lang);
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

std::string owner_heading(std::string_view owner, const Config* config, Lang lang) {
    if (owner.empty()) return std::string(tr(lang, "No owner", "Zonder eigenaar"));
    std::string h = msg(lang, "Owner: {}", "Eigenaar: {}", owner);
    if (config)
        for (const auto& s : config->staff)
            if (s.id && *s.id == owner) {
                if (s.name) h += " (" + std::string(*s.name) + ")";
                if (s.email) h += " <" + std::string(*s.email) + ">";
            }
    return one_line_text(h);
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
    for (auto& [owner, items] : owners) out.push_back({owner_heading(owner, rep.config, rep.lang), std::move(items)});
    if (!none.empty()) out.push_back({owner_heading("", rep.config, rep.lang), std::move(none)});
    return out;
}

std::string context_line(const Reminder& r, Lang lang) {
    std::vector<std::string> parts;
    if (!r.partner.empty()) parts.push_back(msg(lang, "partner: {}", "partner: {}", partner_text(r)));
    if (!r.owner.empty()) parts.push_back(msg(lang, "owner: {}", "eigenaar: {}", r.owner));
    if (!r.neighbourhoods.empty())
        parts.push_back(msg(lang, "neighbourhoods: {}", "buurten: {}", fmt::join(r.neighbourhoods, ", ")));
    if (r.kind != ReminderKind::strategy_end && !r.strategy.empty())
        parts.push_back(msg(lang, "strategy: {}", "buurtstrategie: {}", r.strategy));
    return one_line_text(fmt::format("{}", fmt::join(parts, "; ")));
}

// `text` in lines of at most `width` columns, each after `indent` spaces (the first after
// `first_indent`, already written by the caller), broken only between words, a label ending
// in ':' kept with the word after it: a word longer than the room (an id, a path) gets a
// line of its own, whole.
std::vector<std::string> wrap_words(std::string_view text, std::size_t width, std::size_t first_indent,
                                    std::size_t indent) {
    std::vector<std::string> lines{std::string()};
    std::size_t used = first_indent;
    std::size_t start = 0;
    while (start < text.size()) {
        while (start < text.size() && text[start] == ' ') ++start;
        if (start >= text.size()) break;
        std::size_t end = text.find(' ', start);
        if (end == std::string_view::npos) end = text.size();
        // "owner: anouk", "decision: stop": a label never ends a line without its value
        while (end < text.size() && end > start && text[end - 1] == ':') {
            std::size_t next = text.find(' ', end + 1);
            end = next == std::string_view::npos ? text.size() : next;
        }
        const std::string_view word = text.substr(start, end - start);
        const std::size_t w = display_width(word);
        if (!lines.back().empty() && used + 1 + w > width) {
            lines.emplace_back();
            used = indent;
        }
        if (!lines.back().empty()) {
            lines.back() += ' ';
            ++used;
        }
        lines.back() += word;
        used += w;
        start = end;
    }
    return lines;
}

// The decision a notice or decide reminder found, or that it needs one.
std::string evaluation_sentence(const Reminder& r, Lang lang) {
    if (r.evaluated)
        return msg(lang, " Last evaluated on {} (year {}, decision: {}).",
                   " Laatst geëvalueerd op {} (jaar {}, besluit: {}).", date_text(r.evaluated->date),
                   r.evaluated->year, decision_label(r.evaluated->decision, lang));
    return std::string(tr(lang, " No evaluation in the twelve months before the deadline: a decision needs one.",
                          " Geen evaluatie in de twaalf maanden vóór deze datum; evalueer eerst en besluit dan."));
}

// What happens at E when nothing is done.
std::string if_nothing_is_done(const Reminder& r, const Date& e, Lang lang) {
    if (r.indefinite)
        return msg(lang, " If nothing is done, it goes on without an end date after {}.",
                   " Gebeurt er niets, dan loopt de afspraak na {} voor onbepaalde tijd door.", date_text(e));
    if (r.renewal_term && r.next_term_end)
        return msg(lang, " If nothing is done, it renews on {} for {} (to {}).",
                   " Gebeurt er niets, dan wordt de afspraak op {} verlengd met {} (tot en met {}).",
                   date_text(add_days(e, 1)), duration_text(*r.renewal_term, lang), date_text(*r.next_term_end));
    return {};
}

std::string missed_message(const Reminder& r, Lang lang) {
    const Date e = r.term_end.value_or(r.date);
    std::string m;
    if (r.evaluated)
        m = msg(lang, "The evaluation for {} ({}) decided to stop, but no notice is recorded and ",
                "Bij de evaluatie over {} ({}) is besloten te stoppen, maar er is geen opzegging vastgelegd en ",
                r.evaluated->year, date_text(r.evaluated->date));
    m += msg(lang, "the notice deadline {} for an end on {} has passed.",
             "de uiterste opzegdatum {} voor een einde per {} is verstreken.", date_text(r.date), date_text(e));
    if (r.indefinite) {
        m += msg(lang,
                 " After {} it goes on without an end date, unless the partner agrees to end it sooner (record "
                 "that as terminated with by: mutual).",
                 " Na {} loopt de afspraak voor onbepaalde tijd door, tenzij de partner instemt met een eerder einde "
                 "(leg dat vast als terminated met by: mutual).",
                 date_text(e));
        if (r.earliest_end && r.notice)
            m += msg(lang, " Notice can then be given at any time: given today, with a notice period of {}, it ends on {}.",
                     " Opzeggen kan daarna altijd: een opzegging vandaag, met {} opzegtermijn, beëindigt de afspraak "
                     "per {}.",
                     duration_text(*r.notice, lang), date_text(*r.earliest_end));
    } else {
        m += msg(lang,
                 " It renews on {} for {} unless the partner agrees to end it sooner (record that as terminated "
                 "with by: mutual).",
                 " De afspraak wordt op {} verlengd met {}, tenzij de partner instemt met een eerder einde (leg dat "
                 "vast als terminated met by: mutual).",
                 date_text(add_days(e, 1)),
                 r.renewal_term ? duration_text(*r.renewal_term, lang) : std::string("?"));
        if (r.next_deadline && r.earliest_end)
            m += msg(lang, " The next deadline is {}, for an end on {}.",
                     " De volgende uiterste opzegdatum is {}, voor een einde per {}.", date_text(*r.next_deadline),
                     date_text(*r.earliest_end));
    }
    m += std::string(tr(lang, " Once notice is given, add a 'terminated' block.",
                        " Voeg een blok 'terminated' toe zodra is opgezegd."));
    return m + lease_sentences(r, lang);
}

std::string decide_message(const Reminder& r, Lang lang) {
    const Date e = r.term_end.value_or(r.date);
    const Date deadline = r.notice_deadline.value_or(e);
    std::string m;
    if (r.overdue)
        m = msg(lang,
                "The decision whether to end it on {} was due on {}: notice can still be given, and must have "
                "reached {} by {}.",
                "Het besluit of de afspraak per {} eindigt, was op {} aan de beurt: opzeggen kan nog, en de "
                "opzegging moet {} uiterlijk op {} hebben bereikt.",
                date_text(e), date_text(r.date), partner_text(r), date_text(deadline));
    else
        m = msg(lang,
                "Decide by {} whether to end it on {}, so that notice can reach {} by {}{}.",
                "Besluit uiterlijk {} of de afspraak per {} eindigt, zodat een opzegging {} uiterlijk op {} kan "
                "bereiken{}.",
                date_text(r.date), date_text(e), partner_text(r), date_text(deadline),
                r.lead ? msg(lang, " ({} later)", " ({} later)", duration_text(*r.lead, lang)) : std::string());
    m += if_nothing_is_done(r, e, lang);
    m += evaluation_sentence(r, lang);
    return m + lease_sentences(r, lang);
}

std::string message_of(const Reminder& r, Lang lang) {
    switch (r.kind) {
        case ReminderKind::decide: return decide_message(r, lang);
        case ReminderKind::notice: {
            if (r.missed) return missed_message(r, lang);
            const Date e = r.term_end.value_or(r.date);
            std::string m = msg(lang, "Notice to end it on {} must have reached {} by {}.",
                                "Een opzegging per {} moet {} uiterlijk op {} hebben bereikt.", date_text(e),
                                partner_text(r), date_text(r.date));
            m += if_nothing_is_done(r, e, lang);
            m += evaluation_sentence(r, lang);
            return m + lease_sentences(r, lang);
        }
        case ReminderKind::renewal:
            if (r.indefinite)
                return msg(lang,
                           "The fixed term ends on {}; unless notice was given, it then goes on without an end date.",
                           "De vaste looptijd eindigt op {}; tenzij er is opgezegd, loopt de afspraak daarna voor "
                           "onbepaalde tijd door.",
                           date_text(r.date));
            return msg(lang, "The current term ends on {}; unless notice was given, it renews on {} for {} (to {}).",
                       "De huidige termijn eindigt op {}; tenzij er is opgezegd, wordt de afspraak op {} verlengd met "
                       "{} (tot en met {}).",
                       date_text(r.date), date_text(add_days(r.date, 1)),
                       r.renewal_term ? duration_text(*r.renewal_term, lang) : std::string("?"),
                       r.next_term_end ? date_text(*r.next_term_end) : std::string("?"));
        case ReminderKind::expiry: {
            std::string m;
            if (!r.terminated)
                m = msg(lang, "It ends on {} and does not renew.", "De afspraak eindigt op {} en wordt niet verlengd.",
                        date_text(r.date));
            else if (r.terminated_by == TerminatedBy::partner)
                m = msg(lang, "It ends on {}: terminated by the partner.",
                        "De afspraak eindigt op {}: opgezegd door de partner.", date_text(r.date));
            else if (r.terminated_by == TerminatedBy::mutual)
                m = msg(lang, "It ends on {}: ended by mutual consent.",
                        "De afspraak eindigt op {}: in onderling overleg beëindigd.", date_text(r.date));
            else
                m = msg(lang, "It ends on {}: terminated by the association.",
                        "De afspraak eindigt op {}: opgezegd door de corporatie.", date_text(r.date));
            return m + lease_sentences(r, lang);
        }
        case ReminderKind::evaluation:
            if (r.overdue)
                return msg(lang, "The evaluation for {} was due on {} and has not been recorded.",
                           "De evaluatie over {} was op {} aan de beurt en is niet vastgelegd.", r.evaluation_year,
                           date_text(r.date));
            return msg(lang, "The evaluation for {} is due on {}.", "De evaluatie over {} is op {} aan de beurt.",
                       r.evaluation_year, date_text(r.date));
        case ReminderKind::strategy_end:
            return msg(lang, "The neighbourhood strategy ends on {}: prepare what follows it.",
                       "De buurtstrategie loopt af op {}: bereid de opvolger voor.", date_text(r.date));
    }
    return {};
}

void opt_date(JsonWriter& w, std::string_view key, const std::optional<Date>& d) {
    if (d) w.key(key).string(date_text(*d));
    else w.key(key).null();
}

}  // namespace

std::string one_line_text(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') continue;  // CRLF: one break
        if (c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == '\t') {
            out += ' ';
        } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x85) {
            out += ' ', ++i;  // NEL
        } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
                   (static_cast<unsigned char>(s[i + 2]) == 0xA8 || static_cast<unsigned char>(s[i + 2]) == 0xA9)) {
            out += ' ', i += 2;  // LS, PS
        } else {
            out += char(c);
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}


std::string duration_text(const Duration& d, Lang lang) {
    const bool one = d.count == 1;
    switch (d.unit) {
        case DurationUnit::days:
            return one ? msg(lang, "{} day", "{} dag", d.count) : msg(lang, "{} days", "{} dagen", d.count);
        case DurationUnit::weeks:
            return one ? msg(lang, "{} week", "{} week", d.count) : msg(lang, "{} weeks", "{} weken", d.count);
        case DurationUnit::months:
            return one ? msg(lang, "{} month", "{} maand", d.count) : msg(lang, "{} months", "{} maanden", d.count);
        case DurationUnit::years:
            return one ? msg(lang, "{} year", "{} jaar", d.count) : msg(lang, "{} years", "{} jaar", d.count);
    }
    return {};
}


std::string month_name(unsigned month, Lang lang) {
    static constexpr std::string_view en[] = {"January", "February", "March",     "April",   "May",      "June",
                                              "July",    "August",   "September", "October", "November", "December"};
    static constexpr std::string_view nl[] = {"januari", "februari", "maart",     "april",   "mei",      "juni",
                                              "juli",    "augustus", "september", "oktober", "november", "december"};
    if (month < 1 || month > 12) return {};
    return std::string(tr(lang, en[month - 1], nl[month - 1]));
}

std::string month_heading(const Date& d, Lang lang) {
    std::string h = fmt::format("{} {}", month_name(unsigned(d.month()), lang), int(d.year()));
    // a heading starts with a capital, also where a Dutch month name in running text has none
    if (!h.empty() && h[0] >= 'a' && h[0] <= 'z') h[0] = char(h[0] - 'a' + 'A');
    return h;
}


std::string reminder_summary(const Reminder& r, Lang lang) {
    const std::string what = fmt::format("{} ({})", r.title, id_of(r));
    std::string s;
    switch (r.kind) {
        case ReminderKind::decide:
            s = r.overdue ? msg(lang, "Decision on notice overdue: {}", "Besluit over opzegging te laat: {}", what)
                          : msg(lang, "Decide on notice: {}", "Besluit over opzegging: {}", what);
            break;
        case ReminderKind::notice:
            s = r.missed ? msg(lang, "Notice deadline missed: {}", "Uiterste opzegdatum gemist: {}", what)
                         : msg(lang, "Notice deadline: {}", "Uiterste opzegdatum: {}", what);
            break;
        case ReminderKind::renewal:
            s = r.indefinite ? msg(lang, "Goes on indefinitely: {}", "Loopt voor onbepaalde tijd door: {}", what)
                             : msg(lang, "Renewal: {}", "Verlenging: {}", what);
            break;
        case ReminderKind::expiry: s = msg(lang, "Ends: {}", "Loopt af: {}", what); break;
        case ReminderKind::evaluation:
            s = r.overdue ? msg(lang, "Evaluation {} overdue: {}", "Evaluatie {} te laat: {}", r.evaluation_year, what)
                          : msg(lang, "Evaluation {}: {}", "Evaluatie {}: {}", r.evaluation_year, what);
            break;
        case ReminderKind::strategy_end: s = msg(lang, "Strategy ends: {}", "Buurtstrategie loopt af: {}", what); break;
    }
    return one_line_text(s);
}


std::string reminder_message(const Reminder& r, Lang lang) { return one_line_text(message_of(r, lang)); }

std::string reminder_context(const Reminder& r, Lang lang) { return context_line(r, lang); }

std::string reminder_days_text(long days, Lang lang) { return days_text(days, lang); }

std::string render_reminders_text(const ReminderReport& rep, bool color) {
    return whole_text([&](const auto& flush) { stream_reminders_text(rep, color, flush); });
}

void stream_reminders_text(const ReminderReport& rep, bool color, const std::function<void(std::string_view)>& flush) {
    auto paint = [color](std::string_view code, const std::string& s) {
        return color ? fmt::format("\x1b[{}m{}\x1b[0m", code, s) : s;
    };
    const Lang lang = rep.lang;
    const std::size_t width = std::max<std::size_t>(rep.width, 40);
    constexpr std::size_t detail_indent = 6;
    // "  2026-12-31  in 35 days          ": the summary starts in column 34, and wraps under
    // itself while the terminal leaves it room, else under the details.
    constexpr std::size_t summary_column = 2 + 10 + 2 + 18 + 2;
    const std::size_t summary_indent = width >= summary_column + 30 ? summary_column : detail_indent;
    StreamedText out(flush);
    // Each wrapped line painted on its own, so that no colour runs into the indent.
    auto block = [&](const std::string& text, std::size_t first, std::size_t indent, std::string_view code) {
        const auto lines = wrap_words(text, width, first, indent);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            if (i > 0) out += std::string(indent, ' ');
            out += code.empty() ? lines[i] : paint(code, lines[i]);
            out += "\n";
        }
    };
    block(terminal_safe(title_line(rep)), 0, 0, "1");
    block(horizon_line(rep), 0, 0, "");
    for (const auto& og : owner_groups(rep)) {
        if (rep.group_by_owner) out += "\n" + paint("1;4", terminal_safe(og.heading)) + "\n";
        for (const auto& g : by_month(og.items, lang)) {
            out += "\n" + paint(g.overdue ? "1;31" : "1", g.heading) + "\n";
            for (const Reminder* r : g.items) {
                std::string when = fmt::format("{:<18}", days_text(r->days, lang));
                if (r->overdue) when = paint("31", when);
                else if (r->days <= 7) when = paint("33", when);
                if (summary_indent == summary_column) {
                    out += fmt::format("  {}  {}  ", date_text(r->date), when);
                } else {  // a narrow terminal: the summary on a line of its own
                    out += fmt::format("  {}  {}\n", date_text(r->date), r->overdue || r->days <= 7
                                                                              ? paint(r->overdue ? "31" : "33", days_text(r->days, lang))
                                                                              : days_text(r->days, lang));
                    out += std::string(summary_indent, ' ');
                }
                block(terminal_safe(reminder_summary(*r, lang)), summary_indent, summary_indent, "");
                out += std::string(detail_indent, ' ');
                block(terminal_safe(reminder_message(*r, lang)), detail_indent, detail_indent, "");
                std::string ctx = context_line(*r, lang);
                if (!ctx.empty()) {
                    out += std::string(detail_indent, ' ');
                    block(terminal_safe(ctx), detail_indent, detail_indent, "2");
                }
            }
        }
        if (rep.group_by_owner) out += "\n" + count_line(og.items, lang) + "\n";
    }
    out += "\n" + count_line(all_of(rep), lang) + "\n";
    out.finish();
}

std::string render_reminders_markdown(const ReminderReport& rep) {
    return whole_text([&](const auto& flush) { stream_reminders_markdown(rep, flush); });
}

void stream_reminders_markdown(const ReminderReport& rep, const std::function<void(std::string_view)>& flush) {
    const Lang lang = rep.lang;
    StreamedText out(flush);
    out += "# " + markdown_text(title_line(rep)) + "\n\n" + markdown_text(horizon_line(rep)) + ".\n";
    const std::string head = fmt::format("| {} | {} | {} | {} |\n| --- | ---: | --- | --- |\n",
                                         tr(lang, "Date", "Datum"), tr(lang, "Days", "Dagen"),
                                         tr(lang, "Reminder", "Herinnering"), tr(lang, "Details", "Details"));
    for (const auto& og : owner_groups(rep)) {
        std::string level = "##";
        if (rep.group_by_owner) {
            out += "\n## " + markdown_text(og.heading) + "\n";
            level = "###";
        }
        for (const auto& g : by_month(og.items, lang)) {
            out += "\n" + level + " " + markdown_text(g.heading) + "\n\n" + head;
            for (const Reminder* r : g.items) {
                std::string details = reminder_message(*r, lang);
                std::string ctx = context_line(*r, lang);
                if (!ctx.empty()) details += "\n" + ctx;
                out += fmt::format("| {} | {} | {} | {} |\n", date_text(r->date), r->days,
                                   markdown_cell(reminder_summary(*r, lang)), markdown_cell(details));
            }
        }
    }
    out += "\n" + markdown_text(count_line(all_of(rep), lang)) + "\n";
    out.finish();
}

std::string render_reminders_json(const ReminderReport& rep) {
    return whole_text([&](const auto& flush) { stream_reminders_json(rep, flush); });
}

void stream_reminders_json(const ReminderReport& rep, const std::function<void(std::string_view)>& flush) {
    const Lang lang = rep.lang;
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
        opt_date(w, "term_end", r.term_end);
        opt_date(w, "notice_deadline", r.notice_deadline);
        w.key("missed").boolean(r.missed);
        if (r.missed) {  // what a stop can still reach
            opt_date(w, "next_deadline", r.next_deadline);
            opt_date(w, "earliest_end", r.earliest_end);
        }
        w.key("title").string(r.title);
        w.key("summary").string(reminder_summary(r, lang));
        w.key("message").string(reminder_message(r, lang));
        w.end_object();
    }
    w.end_array();
    w.end_object();
    w.finish();
}

}  // namespace wijk
