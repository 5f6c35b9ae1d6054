#include "render/checklist.h"

#include <fmt/format.h>

#include <optional>
#include <set>
#include <vector>

#include "model/enums.h"
#include "model/i18n.h"
#include "render/escape.h"
#include "render/json.h"
#include "render/labels.h"

namespace wijk {

namespace {

// The checklist in one language: every helper below writes the words of `lang_`.
class ChecklistWriter {
public:
explicit ChecklistWriter(Lang lang) : lang_(lang) {}
void stream(const Checklist& c, std::span<const ChecklistItem> items, ChecklistFormat f,
            const std::function<void(std::string_view)>& flush);

private:


// ---- words --------------------------------------------------------------------------------

Lang lang_;

bool dutch() const { return lang_ == Lang::nl; }
std::string_view tr(std::string_view en, std::string_view nl) const { return wijk::tr(lang_, en, nl); }
template <class... Args>
std::string msg(std::string_view en, std::string_view nl, const Args&... args) const {
    return wijk::msg(lang_, en, nl, args...);
}

std::string duration_text(const Duration& d) {
    bool one = d.count == 1;
    std::string_view unit;
    switch (d.unit) {
        case DurationUnit::days:
            unit = one ? tr("day", "dag") : tr("days", "dagen");
            break;
        case DurationUnit::weeks:
            unit = one ? tr("week", "week") : tr("weeks", "weken");
            break;
        case DurationUnit::months:
            unit = one ? tr("month", "maand") : tr("months", "maanden");
            break;
        case DurationUnit::years:
            unit = one ? tr("year", "jaar") : tr("years", "jaar");
            break;
    }
    return fmt::format("{} {}", d.count, unit);
}

std::string money_text(Money m) {
    return to_display(m, dutch());
}

std::string number_text(double d) {
    std::string s = format_number(d);
    if (dutch())
        for (auto& c : s)
            if (c == '.') c = ',';
    return s;
}

std::string date_text(const Date& d) {
    return to_string(d);
}

// "2026-10-01 (in 35 days)", "2026-03-01 (270 days ago)", "2026-11-26 (today)"
std::string date_relative(const Date& d, const Date& as_of) {
    long days = days_between(as_of, d);
    if (days == 0) return msg("{} (today)", "{} (vandaag)", date_text(d));
    if (days > 0)
        return days == 1 ? msg("{} (tomorrow)", "{} (morgen)", date_text(d))
                         : msg("{} (in {} days)", "{} (over {} dagen)", date_text(d), days);
    return days == -1 ? msg("{} (yesterday, passed)", "{} (gisteren, verstreken)", date_text(d))
                      : msg("{} ({} days ago, passed)", "{} ({} dagen geleden, verstreken)",
                            date_text(d), -days);
}

std::string renewal_text(const Agreement& a) {
    if (!a.end)
        return std::string(
            tr("none: it runs without an end date", "geen: looptijd zonder einddatum"));
    switch (a.renewal.value_or(Renewal::none)) {
        case Renewal::none:
            return std::string(
                tr("none: it ends on its end date", "geen: eindigt op de einddatum"));
        case Renewal::tacit:
            return a.renewal_term ? msg("tacit, by {} each time", "stilzwijgend, telkens met {}",
                                        duration_text(*a.renewal_term))
                                  : std::string(tr("tacit", "stilzwijgend"));
        case Renewal::indefinite:
            return std::string(tr("indefinite: after its end it runs on until notice is given",
                                  "daarna voor onbepaalde tijd, tot opzegging"));
    }
    return "?";
}

std::string achieved_text(const Achieved& a) {
    if (const bool* b = std::get_if<bool>(&a))
        return std::string(*b ? tr("yes", "ja") : tr("no", "nee"));
    return number_text(std::get<double>(a));
}

// ---- a small document model shared by Markdown and HTML -----------------------------------

struct Fact {
    std::string label, value;
};
struct Box {
    std::string text;
    std::string blank;  // label of a line to write on, or empty
};
struct Table {
    std::vector<std::string> head;
    std::vector<std::vector<std::string>> rows;
};
struct Section {
    std::string title;
    std::vector<std::string> paragraphs;  // before the facts
    std::vector<Fact> facts;
    std::optional<Table> table;
    std::vector<Box> boxes;
    std::vector<std::string> closing;  // after everything else
};
struct Sheet {
    std::string title;
    std::vector<Section> sections;
};

std::string provision_text(const Agreement& a, const Provision& p) {
    std::vector<std::string> parts;
    if (p.description) parts.emplace_back(*p.description);
    if (p.address) parts.emplace_back(*p.address);
    if (p.area_m2) parts.push_back(number_text(*p.area_m2) + " m²");
    if (p.lease) parts.push_back(std::string(lease_label(*p.lease, lang_)));
    if (p.lease_ref) parts.push_back(msg("ref. {}", "kenmerk {}", *p.lease_ref));
    if (p.rent_per_year)
        parts.push_back(msg("rent {} a year", "huur {} per jaar", money_text(*p.rent_per_year)));
    if (p.percent) parts.push_back(msg("{}% discount", "{}% korting", number_text(*p.percent)));
    if (p.amount_per_year)
        parts.push_back(msg("{} a year", "{} per jaar", money_text(*p.amount_per_year)));
    if (p.hours_per_year)
        parts.push_back(msg("{} hours a year", "{} uur per jaar", number_text(*p.hours_per_year)));
    if (p.value_per_year)
        parts.push_back(
            msg("worth {} a year", "waarde {} per jaar", money_text(*p.value_per_year)));
    (void)a;
    std::string text = p.kind ? std::string(provision_kind_label(*p.kind, lang_)) : std::string("?");
    for (std::size_t i = 0; i < parts.size(); ++i) text += (i == 0 ? ": " : "; ") + parts[i];
    return text;
}

std::string commitment_text(const Commitment& c) {
    std::string text = fmt::format("{} ({})", c.description.value_or(""), c.id.value_or(""));
    if (c.target) {
        std::string unit = c.unit ? " " + std::string(*c.unit) : "";
        bool per_term = c.per && *c.per == Per::term;
        text += per_term ? msg(": target {}{} per term", ": doel {}{} per termijn",
                               number_text(*c.target), unit)
                         : msg(": target {}{} a year", ": doel {}{} per jaar",
                               number_text(*c.target), unit);
    } else {
        text += std::string(tr(": no target set", ": geen doel vastgelegd"));
    }
    return text;
}

std::string class_cell(const ClassInYear& c) {
    if (c.klass) return std::to_string(*c.klass);
    if (c.score) return msg("score {}", "score {}", number_text(*c.score));
    return "";
}

std::string change_text(const LiveabilityTrend& t, const Agreement& a) {
    if (!t.latest) return std::string(tr("no class recorded", "geen klasse bekend"));
    if (!t.base)
        return a.start ? msg("no class at or before the start ({})",
                             "geen klasse bij of vóór de start ({})", int(a.start->year()))
                       : std::string(tr("unknown", "onbekend"));
    auto cls = [this](const ClassInYear& y) {
        return fmt::format("{} {} ({})", *y.klass, class_name(*y.klass, lang_), y.year);
    };
    if (t.base->year == t.latest->year)
        return msg("no newer class than at the start: {}",
                   "geen nieuwere klasse dan bij de start: {}", cls(*t.base));
    int ch = *t.change;
    std::string sign = ch > 0 ? fmt::format("+{}", ch) : ch < 0 ? fmt::format("−{}", -ch) : "0";
    return fmt::format("{}: {} → {}", sign, cls(*t.base), cls(*t.latest));
}

Sheet build_sheet(const Checklist& c, const ChecklistItem& it) {
    const Agreement& a = *it.agreement;
    Sheet s;
    s.title =
        msg("Evaluation {}: {}", "Evaluatie {}: {}", c.year, a.title.value_or(a.id.value_or("")));

    Section head;
    head.facts.push_back({std::string(tr("Agreement", "Afspraak")), a.id.value_or("")});
    if (!c.organisation.empty())
        head.facts.push_back({std::string(tr("Organisation", "Organisatie")), c.organisation});
    if (it.owner && it.owner->name)
        head.facts.push_back({std::string(tr("Owner", "Eigenaar")), std::string(*it.owner->name)});
    else if (a.owner)
        head.facts.push_back({std::string(tr("Owner", "Eigenaar")), std::string(*a.owner)});
    head.facts.push_back({std::string(tr("Evaluation due", "Evaluatie gepland")),
                          it.due ? date_relative(*it.due, c.as_of)
                                 : msg("no due date in {}", "geen evaluatiedatum in {}", c.year)});
    if (it.decide_by)
        head.facts.push_back({std::string(tr("Decide by", "Besluiten uiterlijk")),
                              date_relative(*it.decide_by, c.as_of)});
    head.facts.push_back({std::string(tr("Prepared on", "Opgesteld op")), date_text(c.as_of)});
    if (it.this_year) {
        const Evaluation& e = *it.this_year;
        head.paragraphs.push_back(msg("Already evaluated for {} on {} (decision: {}).",
                                      "Al geëvalueerd voor {} op {} (besluit: {}).", c.year,
                                      e.date ? date_text(*e.date) : "?",
                                      e.decision ? decision_label(*e.decision, lang_) : "?"));
    }
    s.sections.push_back(std::move(head));

    Section who;
    who.title = std::string(tr("Partner and neighbourhoods", "Partner en buurten"));
    if (it.partner) {
        std::string p = it.partner->name.value_or(a.partner.value_or(""));
        if (it.partner->kind) p += fmt::format(" ({})", partner_kind_label(*it.partner->kind, lang_));
        who.facts.push_back({std::string(tr("Partner", "Partner")), p});
        if (it.contacts)
            for (const auto& ct : it.partner->contacts) {
                std::string v = ct.name.value_or("");
                for (const auto* f : {&ct.role, &ct.email, &ct.phone})
                    if (*f) v += ", " + std::string(**f);
                who.facts.push_back({std::string(tr("Contact", "Contactpersoon")), v});
            }
    }
    std::string hoods;
    for (const auto* n : it.neighbourhoods) {
        if (!hoods.empty()) hoods += ", ";
        hoods += n->name.value_or(n->id.value_or(""));
        if (n->municipality) hoods += " (" + std::string(*n->municipality) + ")";
    }
    who.facts.push_back({std::string(tr("Neighbourhoods", "Buurten")), hoods});
    s.sections.push_back(std::move(who));

    Section term;
    term.title = std::string(tr("Term", "Looptijd"));
    if (a.start) term.facts.push_back({std::string(tr("Start", "Begin")), date_text(*a.start)});
    term.facts.push_back({std::string(tr("End of the first term", "Einde eerste termijn")),
                          a.end ? date_text(*a.end)
                                : std::string(tr("none (indefinite)", "geen (onbepaalde tijd)"))});
    term.facts.push_back({std::string(tr("Renewal", "Verlenging")), renewal_text(a)});
    term.facts.push_back({std::string(tr("Notice period", "Opzegtermijn")),
                          a.notice ? duration_text(*a.notice) : std::string(tr("none", "geen"))});
    if (a.terminated && a.terminated->end) {
        const Termination& t = *a.terminated;
        std::string by{t.by ? name(*t.by) : "association"};
        std::string v = msg("ends on {} (by {})", "eindigt op {} (door {})", date_text(*t.end), by);
        if (t.notice_given)
            v += msg("; notice given on {}", "; opgezegd op {}", date_text(*t.notice_given));
        term.facts.push_back({std::string(tr("Terminated", "Opgezegd")), v});
    }
    term.facts.push_back({msg("Status on {}", "Status op {}", date_text(it.reference)),
                          std::string(status_label(it.status, lang_))});
    term.facts.push_back({std::string(tr("Current term ends", "Huidige termijn eindigt")),
                          it.term_end
                              ? date_text(*it.term_end)
                              : std::string(tr("no end date: runs on until notice is given",
                                               "geen einddatum: loopt door tot opzegging"))});
    if (it.notice_deadline)
        term.facts.push_back({std::string(tr("Notice deadline", "Uiterste opzegdatum")),
                              date_relative(*it.notice_deadline, c.as_of)});
    else if (it.term_end)
        term.facts.push_back(
            {std::string(tr("Notice deadline", "Uiterste opzegdatum")),
             std::string(tr("none: it ends at the end of this term without notice",
                            "geen: eindigt zonder opzegging aan het eind van deze termijn"))});
    if (it.deadline_passed && it.notice_deadline && it.term_end) {
        // Plainly: the deadline is gone, and what a stop can still reach.
        std::string p = msg("The notice deadline for an end on {} has passed ({}).",
                            "De uiterste opzegdatum voor een einde per {} is verstreken ({}).",
                            date_text(*it.term_end), date_text(*it.notice_deadline));
        if (it.earliest_end && it.earliest_end_deadline)
            p += msg(" A stop now ends it on {} at the earliest: notice must reach the partner by {}.",
                     " Stoppen kan nu op zijn vroegst per {}: de opzegging moet uiterlijk op {} bij de partner zijn.",
                     date_text(*it.earliest_end), date_text(*it.earliest_end_deadline));
        else if (it.earliest_end)
            p += msg(" A stop now ends it on {} at the earliest, with notice given on {}.",
                     " Stoppen kan nu op zijn vroegst per {}, met een opzegging op {}.",
                     date_text(*it.earliest_end), date_text(c.as_of));
        if (it.ends_on)
            p += msg(" Notice has been given since: it ends on {}.", " Inmiddels is opgezegd: de afspraak eindigt op {}.",
                     date_text(*it.ends_on));
        if (it.mutual_end)
            p += msg(" It can end on {} only if the partner agrees (record that as terminated with by: mutual).",
                     " Per {} kan het alleen als de partner ermee instemt (leg dat vast als terminated met by: mutual).",
                     date_text(*it.mutual_end));
        term.closing.push_back(std::move(p));
    }
    s.sections.push_back(std::move(term));

    Section last;
    last.title = msg("Last year's evaluation ({})", "Evaluatie vorig jaar ({})", c.year - 1);
    if (const Evaluation* e = it.last_year) {
        if (e->date) last.facts.push_back({std::string(tr("Date", "Datum")), date_text(*e->date)});
        if (e->decision)
            last.facts.push_back(
                {std::string(tr("Decision", "Besluit")), std::string(decision_label(*e->decision, lang_))});
        if (e->provisions_delivered)
            last.facts.push_back(
                {std::string(tr("We delivered what we promised", "Wij leverden wat we beloofden")),
                 std::string(*e->provisions_delivered ? tr("yes", "ja") : tr("no", "nee"))});
        if (it.contacts && !e->participants.empty()) {
            std::string v;
            for (const auto& p : e->participants) v += (v.empty() ? "" : ", ") + std::string(*p);
            last.facts.push_back({std::string(tr("Participants", "Deelnemers")), v});
        }
        last.facts.push_back({std::string(tr("Notes", "Notities")),
                              e->notes.value_or(std::string(tr("none", "geen")))});
    } else {
        last.paragraphs.push_back(msg("No evaluation recorded for {}.",
                                      "Geen evaluatie vastgelegd voor {}.", c.year - 1));
    }
    s.sections.push_back(std::move(last));

    Section give;
    give.title = std::string(
        tr("What we provide: did we deliver it?", "Wat wij leveren: hebben we het geleverd?"));
    for (const auto& p : a.we_provide) give.boxes.push_back({provision_text(a, p), ""});
    if (a.we_provide.empty())
        give.paragraphs.push_back(std::string(
            tr("The agreement lists no provisions.", "De afspraak noemt geen bijdragen van ons.")));
    s.sections.push_back(std::move(give));

    Section get;
    get.title = std::string(
        tr("What the partner provides: was it achieved?", "Wat de partner levert: is het gehaald?"));
    for (const auto& cm : a.partner_provides) {
        std::string text = commitment_text(cm);
        if (it.last_year && cm.id)
            for (const auto& r : it.last_year->results)
                if (r.commitment && *r.commitment == *cm.id && r.achieved)
                    text += msg("; last year: {}", "; vorig jaar: {}", achieved_text(*r.achieved));
        get.boxes.push_back({text, std::string(tr("achieved", "behaald"))});
    }
    if (a.partner_provides.empty())
        get.paragraphs.push_back(std::string(
            tr("The agreement lists no commitments.", "De afspraak noemt geen toezeggingen.")));
    s.sections.push_back(std::move(get));

    Section live;
    live.title = std::string(
        tr("Liveability (Leefbaarometer class, 1-9)", "Leefbaarheid (Leefbaarometer-klasse, 1-9)"));
    std::set<int> years;
    for (const auto& t : it.liveability)
        for (const auto& y : t.years) years.insert(y.year);
    if (years.empty()) {
        live.paragraphs.push_back(
            std::string(tr("No liveability scores recorded for its neighbourhoods.",
                           "Geen leefbaarheidsscores bekend voor de buurten.")));
    } else {
        Table tb;
        tb.head.push_back(std::string(tr("Neighbourhood", "Buurt")));
        for (int y : years) tb.head.push_back(std::to_string(y));
        tb.head.push_back(std::string(tr("Change since the start", "Verandering sinds de start")));
        for (const auto& t : it.liveability) {
            std::vector<std::string> row{
                t.neighbourhood->name.value_or(t.neighbourhood->id.value_or(""))};
            for (int y : years) {
                std::string cell;
                for (const auto& cy : t.years)
                    if (cy.year == y) cell = class_cell(cy);
                row.push_back(cell);
            }
            row.push_back(change_text(t, a));
            tb.rows.push_back(std::move(row));
        }
        live.table = std::move(tb);
    }
    s.sections.push_back(std::move(live));

    Section strat;
    strat.title = std::string(tr("Strategy", "Buurtstrategie"));
    if (it.strategy) {
        strat.facts.push_back({std::string(tr("Serves", "Draagt bij aan")),
                               fmt::format("{} ({})", it.strategy->title.value_or(""),
                                           it.strategy->id.value_or(""))});
        if (it.strategy->start && it.strategy->end)
            strat.facts.push_back({std::string(tr("Period", "Periode")),
                                   fmt::format("{} – {}", date_text(*it.strategy->start),
                                               date_text(*it.strategy->end))});
    } else {
        strat.paragraphs.push_back(std::string(
            tr("The agreement names no strategy.", "De afspraak noemt geen buurtstrategie.")));
    }
    s.sections.push_back(std::move(strat));

    Section dec;
    dec.title = std::string(tr("Decision", "Besluit"));
    if (it.decide_by) {
        if (it.decide_by_reason == DecideBy::notice_deadline && it.deadline_passed && it.earliest_end)
            dec.paragraphs.push_back(
                msg("Decide by {}: the notice deadline for an end on {}, the earliest end a stop can still "
                    "reach. To end the agreement then, notice must reach the partner by that day.",
                    "Besluit uiterlijk {}: de uiterste opzegdatum voor een einde per {}, het vroegste einde dat "
                    "nog mogelijk is. Om de afspraak dan te beëindigen moet de opzegging die dag bij de partner "
                    "zijn.",
                    date_text(*it.decide_by), date_text(*it.earliest_end)));
        else if (it.decide_by_reason == DecideBy::notice_deadline)
            dec.paragraphs.push_back(
                msg("Decide by {}: the notice deadline of the term ending {}, which comes before "
                    "the due date. "
                    "To end the agreement then, notice must reach the partner by that day.",
                    "Besluit uiterlijk {}: de uiterste opzegdatum voor de termijn die eindigt op "
                    "{}, vóór de "
                    "evaluatiedatum. Om de afspraak dan te beëindigen moet de opzegging die dag "
                    "bij de partner zijn.",
                    date_text(*it.decide_by), date_text(*it.term_end)));
        else
            dec.paragraphs.push_back(msg("Decide by {}: the due date of the evaluation.",
                                         "Besluit uiterlijk {}: de evaluatiedatum.",
                                         date_text(*it.decide_by)));
    }
    dec.boxes.push_back({std::string(tr("Continue as agreed", "Doorgaan zoals afgesproken")), ""});
    dec.boxes.push_back({std::string(tr("Adjust", "Bijstellen")),
                         std::string(tr("what changes", "wat verandert"))});
    dec.boxes.push_back(
        {std::string(tr("Stop", "Stoppen")), std::string(tr("notice given on", "opgezegd op"))});
    dec.facts.push_back({std::string(tr("Date of the evaluation", "Datum van de evaluatie")), ""});
    dec.facts.push_back({std::string(tr("Participants", "Deelnemers")), ""});
    dec.facts.push_back({std::string(tr("Notes", "Notities")), ""});
    s.sections.push_back(std::move(dec));
    return s;
}

// ---- Markdown -----------------------------------------------------------------------------

static constexpr std::string_view md_blank = "\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_";

std::string markdown_sheet(const Sheet& s) {
    // blocks (a heading, a paragraph, a list, a table) are separated by one blank line
    std::vector<std::string> blocks{"# " + markdown_text(s.title)};
    for (const auto& sec : s.sections) {
        if (!sec.title.empty()) blocks.push_back("## " + markdown_text(sec.title));
        for (const auto& p : sec.paragraphs) blocks.push_back(markdown_text(p));
        if (sec.table) {
            const Table& t = *sec.table;
            auto row = [&](const std::vector<std::string>& cells) {
                std::string line = "|";
                for (const auto& c : cells) {
                    line += ' ';
                    line += markdown_cell(c);
                    line += " |";
                }
                return line;
            };
            std::string table = row(t.head) + "\n|";
            // years are right-aligned numbers; the neighbourhood and the change are text
            for (std::size_t i = 0; i < t.head.size(); ++i)
                table += i == 0 || i + 1 == t.head.size() ? " --- |" : " ---: |";
            for (const auto& r : t.rows) table += "\n" + row(r);
            blocks.push_back(std::move(table));
        }
        if (!sec.boxes.empty()) {
            std::string list;
            for (const auto& b : sec.boxes) {
                list += "- [ ] " + markdown_text(b.text);
                if (!b.blank.empty())
                    list += " — " + markdown_text(b.blank) + ": " + std::string(md_blank);
                list += "\n";
            }
            list.pop_back();
            blocks.push_back(std::move(list));
        }
        if (!sec.facts.empty()) {
            std::string list;
            for (const auto& f : sec.facts)
                list += "* **" + markdown_text(f.label) + ":** " +
                        (f.value.empty() ? std::string(md_blank) : markdown_text(f.value)) + "\n";
            list.pop_back();
            blocks.push_back(std::move(list));
        }
        for (const auto& p : sec.closing) blocks.push_back(markdown_text(p));
    }
    std::string out;
    for (const auto& b : blocks) out += (out.empty() ? "" : "\n") + b + "\n";
    return out;
}

// ---- HTML ---------------------------------------------------------------------------------

static constexpr std::string_view html_style =
    R"(body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.4}
h1{font-size:1.5rem;margin:0 0 .5rem}h2{font-size:1.1rem;margin:1.2rem 0 .4rem;border-bottom:1px solid #bbb}
ul{margin:.2rem 0;padding-left:1.2rem}ul.boxes{list-style:none;padding-left:0}ul.boxes li{margin:.3rem 0}
input[type=checkbox]{width:1rem;height:1rem;vertical-align:-.15rem;margin-right:.4rem}
.blank{display:inline-block;min-width:10rem;border-bottom:1px solid #555;height:1rem}
table{border-collapse:collapse;margin:.3rem 0}th,td{border:1px solid #bbb;padding:.2rem .5rem;text-align:left}
td.num{text-align:right}
p.passed{border-left:4px solid #b00020;padding-left:.5rem}
section.checklist{break-after:page;page-break-after:always}
section.checklist:last-of-type{break-after:auto;page-break-after:auto}
@media print{body{margin:0;max-width:none}@page{size:A4;margin:15mm}}
)";

std::string html_sheet(const Sheet& s) {
    std::string out = "<section class=\"checklist\">\n<h1>" + html_escape(s.title) + "</h1>\n";
    auto blank = std::string("<span class=\"blank\"></span>");
    for (const auto& sec : s.sections) {
        if (!sec.title.empty()) out += "<h2>" + html_escape(sec.title) + "</h2>\n";
        for (const auto& p : sec.paragraphs) out += "<p>" + html_escape(p) + "</p>\n";
        if (sec.table) {
            out += "<table>\n<tr>";
            for (const auto& h : sec.table->head) out += "<th>" + html_escape(h) + "</th>";
            out += "</tr>\n";
            for (const auto& r : sec.table->rows) {
                out += "<tr>";
                for (std::size_t i = 0; i < r.size(); ++i)
                    out += (i == 0 || i + 1 == r.size() ? "<td>" : "<td class=\"num\">") +
                           html_escape(r[i]) + "</td>";
                out += "</tr>\n";
            }
            out += "</table>\n";
        }
        if (!sec.boxes.empty()) {
            out += "<ul class=\"boxes\">\n";
            for (const auto& b : sec.boxes) {
                out += "<li><label><input type=\"checkbox\">" + html_escape(b.text) + "</label>";
                if (!b.blank.empty()) out += " — " + html_escape(b.blank) + ": " + blank;
                out += "</li>\n";
            }
            out += "</ul>\n";
        }
        if (!sec.facts.empty()) {
            out += "<ul class=\"facts\">\n";
            for (const auto& f : sec.facts)
                out += "<li><b>" + html_escape(f.label) + ":</b> " +
                       (f.value.empty() ? blank : html_escape(f.value)) + "</li>\n";
            out += "</ul>\n";
        }
        for (const auto& p : sec.closing) out += "<p class=\"passed\">" + html_escape(p) + "</p>\n";
    }
    return out + "</section>\n";
}

// ---- YAML ---------------------------------------------------------------------------------

// Text for a YAML comment: one line, no control or line-breaking characters.
std::string comment_text(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 || c == 0x7F) {
            out += ' ';
        } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x85) {
            out += ' ', ++i;  // NEL
        } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
                   (static_cast<unsigned char>(s[i + 2]) == 0xA8 ||
                    static_cast<unsigned char>(s[i + 2]) == 0xA9)) {
            out += ' ', i += 2;  // LS, PS
        } else {
            out += char(c);
        }
    }
    return terminal_safe(out);
}

std::string yaml_record(const Checklist& c, const ChecklistItem& it) {
    const Agreement& a = *it.agreement;
    std::string out;
    auto comment = [&](std::string_view indent, const std::string& text) {
        out += std::string(indent) + "# " + comment_text(text) + "\n";
    };
    comment("  ", fmt::format("{}: {}", a.id.value_or(""), a.title.value_or("")));
    if (it.partner) comment("  ", msg("Partner: {}", "Partner: {}", it.partner->name.value_or("")));
    if (it.due) {
        std::string when = msg("Due {}", "Gepland {}", date_text(*it.due));
        if (it.decide_by && it.decide_by_reason == DecideBy::notice_deadline)
            when += msg("; decide by {} (the notice deadline)",
                        "; besluit uiterlijk {} (uiterste opzegdatum)", date_text(*it.decide_by));
        comment("  ", when);
    }
    out += "  - agreement: " + a.id.value_or("") + "\n";
    out += fmt::format("    year: {}\n", c.year);
    out += fmt::format("    date:                  # {}\n",
                       comment_text(tr("when the evaluation took place: YYYY-MM-DD (required)",
                                       "wanneer de evaluatie plaatsvond: JJJJ-MM-DD (verplicht)")));
    out += fmt::format("    decision:              # {}\n",
                       comment_text(tr("continue, adjust or stop (required)",
                                       "continue, adjust of stop (verplicht)")));
    out += fmt::format("    participants: []       # {}\n",
                       comment_text(tr("who took part, e.g. [Name, Name] (personal data)",
                                       "wie deelnamen, bijv. [Naam, Naam] (persoonsgegevens)")));
    if (a.partner_provides.empty()) {
        out += fmt::format("    results: []            # {}\n",
                           comment_text(tr("the agreement lists no commitments",
                                           "de afspraak noemt geen toezeggingen")));
    } else {
        out += fmt::format("    results:               # {}\n",
                           comment_text(tr("one per commitment of the partner",
                                           "één per toezegging van de partner")));
        for (const auto& cm : a.partner_provides) {
            comment("      ", commitment_text(cm));
            out += "      - commitment: " + cm.id.value_or("") + "\n";
            out += fmt::format(
                "        achieved:          # {}\n",
                comment_text(tr("a number, or true or false", "een getal, of true of false")));
            out += fmt::format("        note:              # {}\n",
                               comment_text(tr("optional", "optioneel")));
        }
    }
    out += fmt::format("    provisions_delivered:  # {}\n",
                       comment_text(tr("true or false: did we deliver what we promised?",
                                       "true of false: leverden wij wat we beloofden?")));
    out += fmt::format("    notes:                 # {}\n",
                       comment_text(tr("what went well, what must change (optional)",
                                       "wat ging goed, wat moet anders (optioneel)")));
    return out;
}

std::string yaml_document(const Checklist& c, std::span<const ChecklistItem> items) {
    std::string out;
    out += "# " +
           comment_text(msg(
               "Evaluation {}{}: fill in the blanks, then put this in a data file of the",
               "Evaluatie {}{}: vul de lege plekken in, zet dit in een gegevensbestand in de",
               c.year, c.organisation.empty() ? "" : ", " + c.organisation)) +
           "\n";
    out += "# " +
           comment_text(
               tr("repository (evaluations/YEAR.yaml, for instance) and run `wijk validate`.",
                  "gegevensmap (bijvoorbeeld evaluations/JAAR.yaml) en voer `wijk validate` uit.")) +
           "\n";
    out += "# " +
           comment_text(tr("It is not valid until date and decision are filled in.",
                           "Pas geldig als date en decision zijn ingevuld.")) +
           "\n";
    out += "evaluations:\n";
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += "\n";
        out += yaml_record(c, items[i]);
    }
    return out;
}

// ---- JSON ---------------------------------------------------------------------------------

void opt_date(JsonWriter& w, std::string_view key, const std::optional<Date>& d) {
    if (d) w.key(key).string(date_text(*d));
    else w.key(key).null();
}

void opt_text(JsonWriter& w, std::string_view key, const Opt<std::string>& t) {
    if (t) w.key(key).string(*t);
    else w.key(key).null();
}

void evaluation_json(JsonWriter& w, const Evaluation* e, bool contacts) {
    if (!e) {
        w.null();
        return;
    }
    w.begin_object();
    if (e->year) w.key("year").integer(*e->year);
    else w.key("year").null();
    opt_date(w, "date", e->date.value);
    if (e->decision) w.key("decision").string(name(*e->decision));
    else w.key("decision").null();
    if (e->provisions_delivered) w.key("provisions_delivered").boolean(*e->provisions_delivered);
    else w.key("provisions_delivered").null();
    if (contacts) {
        w.key("participants").begin_array();
        for (const auto& p : e->participants) w.string(*p);
        w.end_array();
    }
    w.key("results").begin_array();
    for (const auto& r : e->results) {
        w.begin_object();
        w.key("commitment").string(r.commitment ? *r.commitment : std::string_view());
        if (!r.achieved) {
            w.key("achieved").null();
        } else {
            const Achieved v = *r.achieved;
            if (const bool* b = std::get_if<bool>(&v)) w.key("achieved").boolean(*b);
            else w.key("achieved").number(std::get<double>(v));
        }
        opt_text(w, "note", r.note);
        w.end_object();
    }
    w.end_array();
    opt_text(w, "notes", e->notes);
    w.end_object();
}

void item_json(JsonWriter& w, const Checklist& c, const ChecklistItem& it) {
    const Agreement& a = *it.agreement;
    w.begin_object();
    w.key("agreement").string(a.id ? *a.id : std::string_view());
    opt_text(w, "title", a.title);
    w.key("year").integer(c.year);
    opt_date(w, "due", it.due);
    w.key("status").string(name_of(it.status, status_names));
    w.key("status_on").string(date_text(it.reference));
    w.key("partner").string(a.partner ? *a.partner : std::string_view());
    if (it.partner && it.partner->name) w.key("partner_name").string(*it.partner->name);
    else w.key("partner_name").null();
    if (it.contacts && it.partner) {
        w.key("contacts").begin_array();
        for (const auto& ct : it.partner->contacts) {
            w.begin_object();
            opt_text(w, "name", ct.name);
            opt_text(w, "role", ct.role);
            opt_text(w, "email", ct.email);
            opt_text(w, "phone", ct.phone);
            w.end_object();
        }
        w.end_array();
    }
    w.key("neighbourhoods").begin_array();
    for (const auto& n : a.neighbourhoods) w.string(*n);
    w.end_array();
    if (a.owner) w.key("owner").string(*a.owner);
    else w.key("owner").null();
    opt_date(w, "start", a.start.value);
    opt_date(w, "end", a.end.value);
    if (a.renewal) w.key("renewal").string(name(*a.renewal));
    else w.key("renewal").null();
    if (a.notice) w.key("notice").string(to_string(*a.notice));
    else w.key("notice").null();
    opt_date(w, "term_end", it.term_end);
    opt_date(w, "notice_deadline", it.notice_deadline);
    w.key("deadline_passed").boolean(it.deadline_passed);
    opt_date(w, "earliest_end", it.earliest_end);
    opt_date(w, "earliest_end_deadline", it.earliest_end_deadline);
    opt_date(w, "mutual_end", it.mutual_end);
    opt_date(w, "ends_on", it.ends_on);
    opt_date(w, "decide_by", it.decide_by);
    w.key("decide_by_reason").string(it.decide_by_reason == DecideBy::notice_deadline ? "notice_deadline" : "due_date");
    w.key("provisions").begin_array();
    for (const auto& p : a.we_provide) {
        w.begin_object();
        if (p.kind) w.key("kind").string(name(*p.kind));
        else w.key("kind").null();
        opt_text(w, "description", p.description);
        if (p.value_per_year) w.key("value_per_year").money(*p.value_per_year);
        if (p.address) w.key("address").string(*p.address);
        if (p.area_m2) w.key("area_m2").number(*p.area_m2);
        if (p.lease) w.key("lease").string(name(*p.lease));
        if (p.lease_ref) w.key("lease_ref").string(*p.lease_ref);
        if (p.rent_per_year) w.key("rent_per_year").money(*p.rent_per_year);
        if (p.percent) w.key("percent").number(*p.percent);
        if (p.amount_per_year) w.key("amount_per_year").money(*p.amount_per_year);
        if (p.justification) w.key("justification").string(*p.justification);
        if (p.hours_per_year) w.key("hours_per_year").number(*p.hours_per_year);
        w.key("delivered").null();  // the question the evaluation answers
        w.end_object();
    }
    w.end_array();
    w.key("commitments").begin_array();
    for (const auto& cm : a.partner_provides) {
        w.begin_object();
        w.key("id").string(cm.id ? *cm.id : std::string_view());
        opt_text(w, "description", cm.description);
        if (cm.target) w.key("target").number(*cm.target);
        else w.key("target").null();
        opt_text(w, "unit", cm.unit);
        w.key("per").string(cm.per ? name(*cm.per) : "year");
        w.key("achieved").null();  // the blank to fill in
        w.end_object();
    }
    w.end_array();
    w.key("last_evaluation");
    evaluation_json(w, it.latest_before, it.contacts);
    w.key("evaluation");  // one for the year itself (asked for by id), else null
    evaluation_json(w, it.this_year, it.contacts);
    w.key("liveability").begin_array();
    for (const auto& t : it.liveability) {
        w.begin_object();
        w.key("neighbourhood").string(t.neighbourhood->id ? *t.neighbourhood->id : std::string_view());
        w.key("years").begin_array();
        for (const auto& y : t.years) {
            w.begin_object();
            w.key("year").integer(y.year);
            if (y.klass) w.key("class").integer(*y.klass);
            else w.key("class").null();
            if (y.score) w.key("score").number(*y.score);
            else w.key("score").null();
            w.end_object();
        }
        w.end_array();
        if (t.change) w.key("change").integer(*t.change);
        else w.key("change").null();
        w.end_object();
    }
    w.end_array();
    if (it.strategy && it.strategy->id) w.key("strategy").string(*it.strategy->id);
    else w.key("strategy").null();
    w.end_object();
}

// A list of checklists, one object per agreement (for scripts).
void json_checklists(const Checklist& c, std::span<const ChecklistItem> items,
                     const std::function<void(std::string_view)>& flush) {
    JsonWriter w(true, flush);
    w.begin_array();
    for (const auto& it : items) item_json(w, c, it);
    w.end_array();
    w.finish();
}

};

}  // namespace

std::string_view checklist_extension(ChecklistFormat f) {
    switch (f) {
        case ChecklistFormat::markdown:
            return ".md";
        case ChecklistFormat::html:
            return ".html";
        case ChecklistFormat::yaml:
            return ".yaml";
        case ChecklistFormat::json:
            return ".json";
    }
    return "";
}

std::string render_checklist(const Checklist& c, std::span<const ChecklistItem> items,
                             ChecklistFormat f, Lang lang) {
    return whole_text([&](const auto& flush) { stream_checklist(c, items, f, lang, flush); });
}

void stream_checklist(const Checklist& c, std::span<const ChecklistItem> items, ChecklistFormat f, Lang lang,
                      const std::function<void(std::string_view)>& flush) {
    ChecklistWriter(lang).stream(c, items, f, flush);
}

void ChecklistWriter::stream(const Checklist& c, std::span<const ChecklistItem> items, ChecklistFormat f,
                             const std::function<void(std::string_view)>& flush) {
    if (f == ChecklistFormat::json) {
        json_checklists(c, items, flush);
        return;
    }
    StreamedText out(flush);
    if (f == ChecklistFormat::yaml) {
        out += yaml_document(c, items);
    } else if (f == ChecklistFormat::html) {
        std::string title = items.size() == 1 ? msg("Evaluation {}: {}", "Evaluatie {}: {}", c.year,
                                                    items[0].agreement->id.value_or(""))
                                              : msg("Evaluations {}", "Evaluaties {}", c.year);
        out += fmt::format(
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            "<title>{}</title>\n<style>\n{}</style>\n</head>\n<body>\n",
            dutch() ? "nl" : "en", html_escape(title), html_style);
        for (const auto& it : items) out += html_sheet(build_sheet(c, it));
        out += "</body>\n</html>\n";
    } else {
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (i > 0) out += "\n---\n\n";
            out += markdown_sheet(build_sheet(c, items[i]));
        }
    }
    out.finish();
}

}  // namespace wijk
