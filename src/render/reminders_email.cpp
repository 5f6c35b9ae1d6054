#include "render/reminders_email.h"

#include <fmt/format.h>

#include <chrono>
#include <cstdint>
#include <map>

#include "model/i18n.h"
#include "render/escape.h"
#include "render/reminders_ics.h"

namespace wijk {

namespace {

constexpr std::string_view mixed_boundary = "=_wijk-mixed";
constexpr std::string_view alternative_boundary = "=_wijk-alternative";
// "=_" never occurs in quoted-printable or base64, so these boundaries never occur in a part.
constexpr std::size_t text_width = 72;

bool staff_id_shaped(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    for (std::size_t i = 0; i < id.size(); ++i) {
        char c = id[i];
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && i > 0);
        if (!ok) return false;
    }
    return true;
}

std::string count_text(std::size_t count, std::size_t overdue, Lang lang) {
    std::string s = count == 1 ? std::string(tr(lang, "1 reminder", "1 herinnering"))
                               : msg(lang, "{} reminders", "{} herinneringen", count);
    if (overdue > 0) s += msg(lang, ", {} overdue", ", waarvan {} te laat", overdue);
    return s;
}

std::size_t width_of(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80 ? 1 : 0;
    return n;
}

// Words wrapped at text_width, each line after `indent`.
std::string wrap(std::string_view text, std::string_view indent) {
    std::string out, line;
    std::size_t start = 0;
    auto flush = [&] {
        if (!line.empty()) out += std::string(indent) + line + "\n";
        line.clear();
    };
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view word = text.substr(start, end - start);
        if (!word.empty()) {
            if (!line.empty() && width_of(indent) + width_of(line) + 1 + width_of(word) > text_width) flush();
            if (!line.empty()) line += ' ';
            line += word;
        }
        start = end + 1;
    }
    flush();
    return out;
}

// One reminder's words, worded once for the text and the HTML part.
struct Entry {
    std::string when;  // "2026-12-01"
    std::string days, summary, message, context;
};

Entry entry_of(const Reminder& r, Lang lang) {
    return {to_string(r.date), reminder_days_text(r.days, lang), single_line(reminder_summary(r, lang)),
            single_line(reminder_message(r, lang)), single_line(reminder_context(r, lang))};
}

// Overdue first, then one group per month (as the text output).
struct Group {
    std::string heading;
    bool overdue = false;
    std::vector<Entry> items;
};

std::vector<Group> groups_of(const std::vector<const Reminder*>& items, Lang lang) {
    std::vector<Group> groups;
    Group late{std::string(tr(lang, "Overdue", "Te laat")), true, {}};
    for (const Reminder* r : items)
        if (r->overdue) late.items.push_back(entry_of(*r, lang));
    if (!late.items.empty()) groups.push_back(std::move(late));
    for (const Reminder* r : items) {
        if (r->overdue) continue;
        std::string heading = month_heading(r->date, lang);
        if (groups.empty() || groups.back().overdue || groups.back().heading != heading)
            groups.push_back(Group{heading, false, {}});
        groups.back().items.push_back(entry_of(*r, lang));
    }
    return groups;
}

struct Letter {
    std::string title;     // the first line
    std::string sender;    // the second: whose reminders (the organisation)
    std::string intro;     // who it is for, what is in it
    std::vector<std::string> notes;  // e.g. the owners without e-mail (fallback)
    std::string attachment;  // the calendar's file name
};

std::string plain_body(const Letter& l, const std::vector<Group>& groups, const ReminderReport& rep, Lang lang) {
    std::string t = wrap(terminal_safe(single_line(l.title)), "") + wrap(terminal_safe(single_line(l.sender)), "") +
                    "\n" + wrap(terminal_safe(l.intro), "");
    for (const auto& n : l.notes) t += "\n" + wrap(terminal_safe(n), "");
    for (const auto& g : groups) {
        t += "\n" + g.heading + "\n" + std::string(width_of(g.heading), '-') + "\n";
        for (const Entry& e : g.items) {
            t += "\n" + wrap(fmt::format("{} ({})", e.when, e.days), "");
            t += wrap(terminal_safe(e.summary), "  ");
            t += wrap(terminal_safe(e.message), "    ");
            if (!e.context.empty()) t += wrap(terminal_safe(e.context), "    ");
        }
    }
    t += "\n" + wrap(msg(lang,
                         "The attached calendar ({}) holds these reminders; overdue ones are on {}, the day of "
                         "this list.",
                         "De bijgevoegde agenda ({}) bevat deze herinneringen; wat te laat is, staat op {}, de dag "
                         "van deze lijst.",
                         l.attachment, to_string(rep.as_of)),
                     "");
    t += "\n-- \n" + wrap(terminal_safe(msg(lang, "wijk reminders for {}", "wijk-herinneringen voor {}",
                                            repository_name(rep))),
                          "");
    return t;
}

std::string html_body(const Letter& l, const std::vector<Group>& groups, const ReminderReport& rep, Lang lang) {
    std::string h = fmt::format(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n</head>\n"
        "<body style=\"font-family: sans-serif; line-height: 1.4; max-width: 46em\">\n",
        lang == Lang::nl ? "nl" : "en", html_escape(single_line(l.title)));
    h += "<h1 style=\"font-size: 1.3em\">" + html_escape(single_line(l.title)) + "</h1>\n";
    h += "<p>" + html_escape(single_line(l.sender)) + "</p>\n<p>" + html_escape(l.intro) + "</p>\n";
    for (const auto& n : l.notes) h += "<p>" + html_escape(n) + "</p>\n";
    for (const auto& g : groups) {
        h += fmt::format("<h2 style=\"font-size: 1.1em{}\">{}</h2>\n<ul>\n", g.overdue ? "; color: #b00020" : "",
                         html_escape(g.heading));
        for (const Entry& e : g.items) {
            h += fmt::format("<li><p><strong>{}</strong> ({})<br>\n<strong>{}</strong><br>\n{}", e.when,
                             html_escape(e.days), html_escape(e.summary), html_escape(e.message));
            if (!e.context.empty()) h += "<br>\n<small>" + html_escape(e.context) + "</small>";
            h += "</p></li>\n";
        }
        h += "</ul>\n";
    }
    h += "<p>" +
         html_escape(msg(lang,
                         "The attached calendar ({}) holds these reminders; overdue ones are on {}, the day of "
                         "this list.",
                         "De bijgevoegde agenda ({}) bevat deze herinneringen; wat te laat is, staat op {}, de dag "
                         "van deze lijst.",
                         l.attachment, to_string(rep.as_of))) +
         "</p>\n";
    h += "<p style=\"color: #666\"><small>" +
         html_escape(msg(lang, "wijk reminders for {}", "wijk-herinneringen voor {}", repository_name(rep))) +
         "</small></p>\n</body>\n</html>\n";
    return h;
}

ReminderEmail compose(const ReminderReport& rep, const MailSetup& setup, Lang lang, std::string name,
                      std::string owner, const mime::Mailbox& to, const std::vector<const Reminder*>& items,
                      const std::vector<UnreachableOwner>& unreachable) {
    ReminderEmail m;
    m.name = std::move(name);
    m.owner = std::move(owner);
    m.to = to;
    m.count = items.size();
    for (const Reminder* r : items) m.overdue += r->overdue ? 1 : 0;
    const std::string repo = repository_name(rep);
    const std::string counts = count_text(m.count, m.overdue, lang);

    Letter l;
    // short, so that its header line fits in 78 characters
    l.attachment = fmt::format("{}-{}.ics", tr(lang, "reminders", "herinneringen"), to_string(rep.as_of));
    std::string subject = repo + ": " + counts;
    if (m.owner.empty()) {
        subject += std::string(tr(lang, " (no owner with e-mail)", " (zonder eigenaar met e-mail)"));
        l.title = msg(lang, "Reminders without an owner with an e-mail address, as of {}",
                      "Herinneringen zonder eigenaar met e-mailadres, per {}", to_string(rep.as_of));
        if (!unreachable.empty()) {
            std::string who;
            for (const auto& u : unreachable) {
                if (!who.empty()) who += ", ";
                who += u.owner;
                if (!u.address.empty()) who += " (" + single_line(u.address) + ")";
            }
            l.notes.push_back(msg(lang,
                                  "These owners have no usable e-mail address under staff in wijk.yaml: {}.",
                                  "Deze eigenaren hebben geen bruikbaar e-mailadres bij staff in wijk.yaml: {}.",
                                  who));
        }
    } else {
        const std::string who = to.name.empty() ? m.owner : single_line(to.name);
        l.title = msg(lang, "Reminders for {}, as of {}", "Herinneringen voor {}, per {}", who, to_string(rep.as_of));
    }
    l.sender = repo;
    l.intro = counts + ".";

    std::vector<Group> groups = groups_of(items, lang);
    const std::string text = plain_body(l, groups, rep, lang);
    const std::string html = html_body(l, groups, rep, lang);
    const std::string ics = render_reminders_ics(rep, items, lang);

    const std::string domain = setup.from.address.substr(setup.from.address.rfind('@') + 1);
    std::string& out = m.message;
    out += mime::plain_field("Date", mail_date(rep.as_of));
    mime::Mailbox from = setup.from;
    if (from.name.empty() && rep.config && rep.config->organisation) from.name = repo;
    out += mime::address_field("From", from);
    out += mime::address_field("To", to);
    out += mime::text_field("Subject", subject);
    // the same list of the same day has the same id: a second run of a cron job is recognisably
    // the same message
    std::string id = fmt::format("reminders.{}.{}.{}", to_string(rep.as_of), m.owner.empty() ? "_fallback" : m.owner,
                                 repository_key(rep));
    if (id.size() + domain.size() > 60) {
        // long ids: a hash of them, so that the line stays within 78 characters
        std::uint32_t h = 2166136261u;
        for (unsigned char c : id) h = (h ^ c) * 16777619u;
        id = fmt::format("reminders.{}.{:08x}", to_string(rep.as_of), h);
    }
    out += mime::plain_field("Message-ID", "<" + id + "@" + domain + ">");
    out += mime::plain_field("MIME-Version", "1.0");
    out += mime::plain_field("Content-Language", lang == Lang::nl ? "nl" : "en");
    out += mime::plain_field("Auto-Submitted", "auto-generated");  // RFC 3834: no vacation replies
    out += mime::plain_field(wijk_message_field, "as of " + to_string(rep.as_of));
    out += fmt::format("Content-Type: multipart/mixed; boundary=\"{}\"\r\n\r\n", mixed_boundary);
    out += fmt::format("--{}\r\nContent-Type: multipart/alternative; boundary=\"{}\"\r\n\r\n", mixed_boundary,
                       alternative_boundary);
    out += fmt::format("--{}\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                       "Content-Transfer-Encoding: quoted-printable\r\n\r\n",
                       alternative_boundary);
    out += mime::quoted_printable(text);
    out += fmt::format("\r\n--{}\r\nContent-Type: text/html; charset=UTF-8\r\n"
                       "Content-Transfer-Encoding: quoted-printable\r\n\r\n",
                       alternative_boundary);
    out += mime::quoted_printable(html);
    out += fmt::format("\r\n--{}--\r\n", alternative_boundary);
    out += fmt::format("--{}\r\nContent-Type: text/calendar; charset=UTF-8;\r\n name=\"{}\"\r\n"
                       "Content-Disposition: attachment; filename=\"{}\"\r\n"
                       "Content-Transfer-Encoding: base64\r\n\r\n",
                       mixed_boundary, l.attachment, l.attachment);
    out += mime::base64(ics);
    out += fmt::format("--{}--\r\n", mixed_boundary);
    return m;
}

}  // namespace

std::string mail_date(const Date& day) {
    using namespace std::chrono;
    static constexpr std::string_view weekdays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr std::string_view months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const sys_days d{day};
    // Summer time (CEST, +0200) starts on the last Sunday of March at 02:00 and ends on the last
    // Sunday of October at 03:00: at midnight it is still the offset of the day before.
    const sys_days summer_from{day.year() / March / Sunday[last]};
    const sys_days summer_to{day.year() / October / Sunday[last]};
    const bool summer = d > summer_from && d <= summer_to;
    return fmt::format("{}, {} {} {:04} 00:00:00 {}", weekdays[weekday(d).c_encoding()], unsigned(day.day()),
                       months[unsigned(day.month()) - 1], int(day.year()), summer ? "+0200" : "+0100");
}

ReminderEmails render_reminder_emails(const ReminderReport& rep, const MailSetup& setup, Lang lang) {
    ReminderEmails out;
    std::map<std::string_view, std::vector<const Reminder*>> owned;
    std::map<std::string_view, mime::Mailbox> mailbox;
    std::vector<const Reminder*> rest;
    std::map<std::string_view, UnreachableOwner> unreachable;
    for (const auto& r : *rep.reminders) {
        if (!r.owner.empty() && r.owner_email && staff_id_shaped(r.owner) && mime::valid_address(*r.owner_email)) {
            if (!mailbox.count(r.owner)) {
                mime::Mailbox m{std::string(), std::string(*r.owner_email)};
                if (rep.config)
                    for (const auto& s : rep.config->staff)
                        if (s.id && *s.id == r.owner && s.name) m.name = std::string(*s.name);
                mailbox.emplace(r.owner, std::move(m));
            }
            owned[r.owner].push_back(&r);
            continue;
        }
        rest.push_back(&r);
        if (!r.owner.empty() && !unreachable.count(r.owner))
            unreachable.emplace(r.owner, UnreachableOwner{std::string(r.owner),
                                                          r.owner_email ? std::string(*r.owner_email) : std::string()});
    }
    for (auto& [owner, u] : unreachable) out.unreachable.push_back(u);
    for (const auto& [owner, items] : owned)
        out.messages.push_back(compose(rep, setup, lang, std::string(owner), std::string(owner), mailbox[owner], items, {}));
    if (!rest.empty()) {
        if (setup.fallback)
            out.messages.push_back(compose(rep, setup, lang, "_fallback", "", *setup.fallback, rest, out.unreachable));
        else
            out.undelivered = std::move(rest);
    }
    return out;
}

}  // namespace wijk
