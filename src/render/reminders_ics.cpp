#include "render/reminders_ics.h"

#include <fmt/format.h>

#include <cstdint>

#include "model/enums.h"
#include "model/i18n.h"
#include "render/escape.h"
#include "render/json.h"

namespace wijk {

namespace {

// The basic form of a date for iCalendar: 20261231.
std::string ical_date(const Date& d) {
    return fmt::format("{:04}{:02}{:02}", int(d.year()), unsigned(d.month()), unsigned(d.day()));
}

std::string_view id_of(const Reminder& r) {
    return r.kind == ReminderKind::strategy_end ? r.strategy : r.agreement;
}

// FNV-1a: short, and the same on every platform (std::hash is not).
std::uint32_t fnv1a(std::string_view s) {
    std::uint32_t h = 2166136261u;
    for (unsigned char c : s) h = (h ^ c) * 16777619u;
    return h;
}

// The ASCII letter(s) of a Latin-1 letter with a diacritic (U+00C0..U+00FF, two bytes in
// UTF-8), lower-case; "" for other characters.
std::string_view latin_base(unsigned char lead, unsigned char next) {
    if (lead != 0xC3) return "";
    static constexpr std::string_view table[64] = {
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   // U+00C0
        "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss",  // U+00D0
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   // U+00E0
        "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",   // U+00F0
    };
    return next >= 0x80 && next <= 0xBF ? table[next - 0x80] : "";
}

// Europe/Amsterdam, which RFC 5545 wants for an otherwise empty calendar; the events themselves
// are all-day dates, which no time zone moves.
constexpr std::string_view amsterdam[] = {
    "BEGIN:VTIMEZONE",        "TZID:Europe/Amsterdam",
    "BEGIN:DAYLIGHT",         "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",       "TZNAME:CEST",
    "DTSTART:19700329T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",           "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",     "TZOFFSETTO:+0100",
    "TZNAME:CET",             "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
    "END:VTIMEZONE",
};

void write_calendar(const ReminderReport& rep, std::span<const Reminder* const> items, Lang lang, StreamedText& out) {
    auto line = [&out](std::string_view s) { out += ical_fold(s); };
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//wijk//wijk reminders//EN");
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    // the same name every day: a calendar program that subscribes keeps one calendar
    line("X-WR-CALNAME:" + ical_text(msg(lang, "{}: reminders", "{}: herinneringen", repository_name(rep))));
    for (std::string_view tz : amsterdam) line(tz);
    const std::string stamp = ical_date(rep.as_of) + "T000000Z";
    for (const Reminder* r : items) {
        std::string summary = single_line(reminder_summary(*r, lang));
        std::string description = reminder_message(*r, lang);
        if (r->overdue) {
            // "Overdue since" says it once: not "Overdue since ...: Evaluation 2026 overdue: ..."
            Reminder plain = *r;
            plain.overdue = false;
            summary = msg(lang, "Overdue since {}: {}", "Te laat sinds {}: {}", to_string(r->date),
                          single_line(reminder_summary(plain, lang)));
            description = msg(lang, "Overdue since {} ({}).", "Te laat sinds {} ({}).", to_string(r->date),
                              reminder_days_text(r->days, lang)) +
                          "\n" + description;
        }
        std::string ctx = reminder_context(*r, lang);
        if (!ctx.empty()) description += "\n" + ctx;
        summary = ical_text(summary);
        // An overdue reminder is shown today, not on a past day where no one looks and no alarm
        // fires: the same UID moves to the as-of date, and SEQUENCE (the days overdue) tells a
        // subscribed calendar that today's version replaces yesterday's.
        const Date day = r->overdue ? rep.as_of : r->date;
        line("BEGIN:VEVENT");
        line("UID:" + ical_text(reminder_uid(rep, *r)));
        line("DTSTAMP:" + stamp);
        line(fmt::format("SEQUENCE:{}", r->overdue ? -r->days : 0));
        line("DTSTART;VALUE=DATE:" + ical_date(day));
        line("DTEND;VALUE=DATE:" + ical_date(add_days(day, 1)));
        line("SUMMARY:" + summary);
        line("DESCRIPTION:" + ical_text(description));
        line("CATEGORIES:" + ical_text(name(r->kind)));
        line("TRANSP:TRANSPARENT");
        // alarms 30 and 7 days before; an overdue one has both behind it, so it rings at 09:00
        // on the day it is shown instead
        const std::initializer_list<std::string_view> ahead = {"-P30D", "-P7D"};
        const std::initializer_list<std::string_view> today = {"PT9H"};
        for (std::string_view trigger : r->overdue ? today : ahead) {
            line("BEGIN:VALARM");
            line("ACTION:DISPLAY");
            line(fmt::format("TRIGGER:{}", trigger));
            line("DESCRIPTION:" + summary);
            line("END:VALARM");
        }
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
}

}  // namespace

std::string repository_name(const ReminderReport& rep) {
    if (rep.config && rep.config->organisation) {
        std::string org = single_line(*rep.config->organisation);
        if (org.find_first_not_of(' ') != std::string::npos) return org;
    }
    return rep.root_name.empty() ? std::string("wijk") : single_line(rep.root_name);
}

std::string repository_key(const ReminderReport& rep) {
    const std::string name = repository_name(rep);
    std::string key;
    bool lossy = false;
    for (std::size_t i = 0; i < name.size() && key.size() < 48;) {
        auto c = static_cast<unsigned char>(name[i]);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) key += char(c);
        else if (c >= 'A' && c <= 'Z') key += char(c - 'A' + 'a');
        else if (c >= 0x80) {
            lossy = true;
            // Latin letters with accents as their letter ("Ééndracht" -> "eendracht")
            std::size_t n = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
            std::string_view base = n == 2 && i + 1 < name.size() ? latin_base(c, static_cast<unsigned char>(name[i + 1])) : "";
            if (!base.empty()) key += base;
            else if (!key.empty() && key.back() != '-') key += '-';
            i += n;
            continue;
        } else if (!key.empty() && key.back() != '-') {
            key += '-';
        }
        ++i;
    }
    while (!key.empty() && key.back() == '-') key.pop_back();
    if (lossy || key.empty()) key += fmt::format("{}{:08x}", key.empty() ? "" : "-", fnv1a(name));
    return key;
}

std::string reminder_uid(const ReminderReport& rep, const Reminder& r) {
    // what the reminder is about: the term (its end) or the evaluation year, never the
    // reminder's own date, which for one term may differ between runs (a changed lead time)
    const std::string about = r.kind == ReminderKind::evaluation ? std::to_string(r.evaluation_year)
                                                                 : to_string(r.term_end.value_or(r.date));
    return fmt::format("{}-{}-{}@{}.wijk", name(r.kind), id_of(r), about, repository_key(rep));
}

void stream_reminders_ics(const ReminderReport& rep, Lang lang, const std::function<void(std::string_view)>& flush) {
    std::vector<const Reminder*> items;
    items.reserve(rep.reminders->size());
    for (const auto& r : *rep.reminders) items.push_back(&r);
    StreamedText out(flush);
    write_calendar(rep, items, lang, out);
    out.finish();
}

std::string render_reminders_ics(const ReminderReport& rep, Lang lang) {
    return whole_text([&](const auto& flush) { stream_reminders_ics(rep, lang, flush); });
}

std::string render_reminders_ics(const ReminderReport& rep, std::span<const Reminder* const> items, Lang lang) {
    return whole_text([&](const auto& flush) {
        StreamedText out(flush);
        write_calendar(rep, items, lang, out);
        out.finish();
    });
}

}  // namespace wijk
