// wijk summary as one self-contained HTML page: no external resources, print-friendly CSS,
// inline SVG charts (liveability class per year per neighbourhood; a timeline of agreements
// with their notice deadlines and the as-of date). All data goes through html_escape.
#include <algorithm>
#include <fmt/format.h>

#include "model/enums.h"
#include "model/i18n.h"
#include "render/escape.h"
#include "render/summary.h"
#include "render/json.h"
#include "render/labels.h"

namespace wijk {

namespace {

constexpr std::string_view css = R"(
:root { --ink: #1d2433; --muted: #5b6474; --line: #d5d9e0; --accent: #1f5fa8; --warn: #b3261e; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
  max-width: 1100px; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0; }
h2 { font-size: 1.2rem; margin: 2rem 0 .6rem; border-bottom: 2px solid var(--accent); padding-bottom: .2rem; }
h3 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
.subtitle { color: var(--muted); margin: .2rem 0 1rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; font-size: .9rem; }
th, td { border-bottom: 1px solid var(--line); padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #f2f4f7; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
div.table { overflow-x: auto; }
p.empty { color: var(--muted); font-style: italic; }
p.text { white-space: pre-line; }
.charts { display: flex; flex-wrap: wrap; gap: 1rem; }
figure { margin: 0; }
figcaption { font-size: .85rem; color: var(--muted); }
svg text { font: 11px system-ui, sans-serif; fill: var(--muted); }
svg.timeline { max-width: 100%; height: auto; }
svg.timeline text { font-size: 12px; }
svg.timeline text.id { fill: var(--ink); }
td.id { white-space: nowrap; }  /* ids and dates are never broken */
tr.total td { font-weight: 600; border-top: 2px solid var(--line); }
p.note { color: var(--muted); font-size: .85rem; max-width: 60rem; }
ul.legend { list-style: none; padding: 0; margin: .4rem 0 1rem; display: flex; flex-wrap: wrap; gap: .3rem 1.2rem;
  font-size: .85rem; color: var(--muted); }
ul.legend li { display: flex; align-items: center; gap: .35rem; }
ul.legend .bar { display: inline-block; width: 1.6rem; height: .7rem; border-radius: 2px; }
ul.legend .dot { display: inline-block; width: .6rem; height: .6rem; border-radius: 50%; }
ul.legend .diamond { font-size: .9rem; line-height: 1; }
ul.legend .dash { display: inline-block; width: 0; height: .9rem; border-left: 2px dashed; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2 { break-after: avoid; }
  table, figure, ul.legend { break-inside: avoid; }
  th { background: none; }
}
)";

bool numeric(const Cell& c) {
    return c.kind == Cell::Kind::integer || c.kind == Cell::Kind::number || c.kind == Cell::Kind::money ||
           c.kind == Cell::Kind::percent;
}

long day_number(const Date& d) { return std::chrono::sys_days(d).time_since_epoch().count(); }
Date date_of(long day) { return Date{std::chrono::sys_days{std::chrono::days{day}}}; }

// The colours of the page, one place: the charts and their legends use the same.
constexpr std::string_view colour_active = "#1f5fa8", colour_terminating = "#c77700", colour_upcoming = "#8a63c2",
                           colour_ended = "#9aa1ad", colour_warn = "#b3261e";

std::string_view status_colour(Status s) {
    switch (s) {
        case Status::upcoming: return colour_upcoming;
        case Status::active: return colour_active;
        case Status::terminating: return colour_terminating;
        case Status::ended: return colour_ended;
    }
    return colour_active;
}

// Estimated width in pixels of `s` at `px` (system-ui; digits and most letters are narrower
// than 0.6 em, so this errs on the wide side: labels are placed with room to spare).
double text_width(std::string_view s, double px) { return double(display_width(s)) * px * 0.62; }

void render_table(StreamedText& out, const Table& t, Lang lang) {
    if (t.rows.empty()) {
        out += "<p class=\"empty\">" + html_escape(t.empty) + "</p>\n";
        return;
    }
    // a wide table scrolls on its own in a narrow window, not the whole page
    out += "<div class=\"table\"><table data-table=\"" + html_escape(t.name) + "\">\n<thead><tr>";
    for (const auto& c : t.columns)
        if (c.human()) out += "<th>" + html_escape(c.header) + "</th>";
    out += "</tr></thead>\n<tbody>\n";
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const auto& row = t.rows[r];
        out += t.total_row && r + 1 == t.rows.size() ? "<tr class=\"total\">" : "<tr>";
        for (std::size_t i = 0; i < t.columns.size(); ++i) {
            if (!t.columns[i].human()) continue;
            out += numeric(row[i]) ? "<td class=\"num\">"
                   : t.columns[i].ids || row[i].kind == Cell::Kind::date ? "<td class=\"id\">"
                                                                           : "<td>";
            out += html_escape(human_cell(row[i], lang)) + "</td>";
        }
        out += "</tr>\n";
    }
    out += "</tbody>\n</table></div>\n";
    for (const auto& n : t.notes) out += "<p class=\"note\">" + html_escape(n) + "</p>\n";
}

// One small chart per neighbourhood: class (1..9, higher is better) per year, on a shared
// year axis so that the charts compare.
void liveability_charts(StreamedText& out, const SummaryDocument& d, Lang lang) {
    int y0 = 0, y1 = 0;
    bool any = false;
    for (const auto& s : d.liveability)
        for (const auto& p : s.points)
            if (p.klass) {
                y0 = any ? std::min(y0, p.year) : p.year;
                y1 = any ? std::max(y1, p.year) : p.year;
                any = true;
            }
    if (!any) return;
    if (y1 == y0) --y0, ++y1;
    out += "<h2>" + html_escape(tr(lang, "Liveability class per year", "Leefbaarheidsklasse per jaar")) +
           "</h2>\n<div class=\"charts\">\n";
    const double w = 260, h = 140, left = 28, right = 16, top = 10, bottom = 22;
    auto x = [&](int year) { return left + (w - left - right) * double(year - y0) / double(y1 - y0); };
    auto y = [&](int klass) { return top + (h - top - bottom) * double(9 - klass) / 8.0; };
    for (const auto& s : d.liveability) {
        out += "<figure>\n";
        out += fmt::format("<svg class=\"liveability\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\">\n",
                           w, h, w, h, html_escape(s.label));
        for (int k : {1, 3, 5, 7, 9})
            out += fmt::format("<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#e3e6eb\"/><text x=\"4\" y=\"{:.1f}\">{}</text>\n",
                               left, y(k), w - right, y(k), y(k) + 4, k);
        out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text><text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>\n",
                           x(y0), h - 6, y0, x(y1), h - 6, y1);
        std::string points;
        for (const auto& p : s.points)
            if (p.klass) points += fmt::format("{:.1f},{:.1f} ", x(p.year), y(*p.klass));
        if (!points.empty())
            out += fmt::format("<polyline fill=\"none\" stroke=\"{}\" stroke-width=\"2\" points=\"{}\"/>\n", colour_active, points);
        for (const auto& p : s.points)
            if (p.klass)
                out += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3.5\" fill=\"{}\"><title>{}: {} ({})</title></circle>\n",
                                   x(p.year), y(*p.klass), *p.klass <= 3 ? colour_warn : colour_active, p.year, *p.klass,
                                   html_escape(class_name(*p.klass, lang)));
        out += "</svg>\n<figcaption>" + html_escape(s.label) + "</figcaption>\n</figure>\n";
    }
    out += "</div>\n<ul class=\"legend\">";
    out += fmt::format("<li><span class=\"dot\" style=\"background:{}\"></span>{}</li>", colour_warn,
                       html_escape(tr(lang, "class 3 or lower (insufficient or worse)", "klasse 3 of lager (onvoldoende of slechter)")));
    out += fmt::format("<li><span class=\"dot\" style=\"background:{}\"></span>{}</li>", colour_active,
                       html_escape(tr(lang, "class 4 or higher", "klasse 4 of hoger")));
    out += "<li>" + html_escape(tr(lang, "1 = very insufficient … 9 = excellent; the lowest class of the year's records",
                                   "1 = zeer onvoldoende … 9 = uitstekend; de laagste klasse van de metingen van dat jaar")) +
           "</li></ul>\n";
}

// One row per agreement, in the order of the agreements table: its whole id above a bar from
// start to its current term end (no end: to the edge, faded), the notice deadline as a red
// diamond, the as-of date as a dashed line. Drawn at its size in pixels (no scaling, so the
// text stays at 12 px in an 800-pixel window), a tick at every 1 January, year labels centred
// in their year where they fit, and a legend for every colour and mark.
void timeline_chart(StreamedText& out, const SummaryDocument& d, Lang lang) {
    std::vector<const TimelineBar*> bars;
    for (const auto& b : d.timeline)
        if (b.start) bars.push_back(&b);
    if (bars.empty()) return;
    const long t = day_number(d.as_of);
    long from = t, to = t + 365;
    for (const TimelineBar* b : bars) {
        from = std::min(from, day_number(*b->start));
        to = std::max(to, day_number(*b->start) + 30);
        if (b->end) to = std::max(to, day_number(*b->end));
        if (b->notice) to = std::max(to, day_number(*b->notice));
    }
    // whole years: the first and the last year the bars cover get their label and ticks
    from = day_number(Date{date_of(from).year(), std::chrono::January, std::chrono::day{1}});
    to = day_number(Date{date_of(to).year() + std::chrono::years{1}, std::chrono::January, std::chrono::day{1}});
    const double font = 12, w = 760, left = 8, right = 8, axis = 22, row = 34, bottom = 26;
    const double h = axis + row * double(bars.size()) + bottom;
    auto x = [&](long day) { return left + (w - left - right) * double(day - from) / double(to - from); };
    const std::string title(tr(lang, "Timeline of agreements", "Tijdlijn van de afspraken"));
    out += "<h2>" + html_escape(title) + "</h2>\n<figure class=\"timeline\">\n";
    out += fmt::format("<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1:.0f}\" viewBox=\"0 0 {0} {1:.0f}\" role=\"img\" aria-label=\"{2}\">\n",
                       w, h, html_escape(title));
    // Year labels: every year when there is room, else every 2nd, 5th, 10th ... year.
    const int first_year = int(date_of(from).year()), last_year = int(date_of(to).year()) - 1;
    const double year_px = (w - left - right) / double(last_year - first_year + 1);
    int step = 1;
    for (int s : {1, 2, 5, 10, 20, 50, 100}) {
        step = s;
        if (year_px * s >= text_width("2000", font) + 8) break;
    }
    for (int yr = first_year; yr <= last_year + 1; ++yr) {
        long jan1 = day_number(Date{std::chrono::year{yr}, std::chrono::January, std::chrono::day{1}});
        out += fmt::format("<line class=\"tick\" data-year=\"{3}\" x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2:.0f}\" stroke=\"#d5d9e0\"/>\n",
                           x(jan1), axis - 6, h - bottom, yr);
        if (yr <= last_year && yr % step == 0) {
            long next = day_number(Date{std::chrono::year{yr + 1}, std::chrono::January, std::chrono::day{1}});
            out += fmt::format("<text class=\"year\" x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
                               (x(jan1) + x(next)) / 2, axis - 9, yr);
        }
    }
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const TimelineBar& b = *bars[i];
        const double y = axis + row * double(i);
        const double x0 = x(day_number(*b.start));
        const double x1 = b.end ? x(day_number(*b.end)) : w - right;
        // the whole id, squeezed to the width only when it would not fit (never cut)
        const double room = w - left - right;
        std::string squeeze = text_width(b.id, font) > room
                                  ? fmt::format(" textLength=\"{:.0f}\" lengthAdjust=\"spacingAndGlyphs\"", room)
                                  : std::string();
        out += fmt::format("<text class=\"id\" x=\"{:.1f}\" y=\"{:.1f}\"{}>{}</text>\n", left, y + 13, squeeze, html_escape(b.id));
        out += fmt::format("<rect data-id=\"{}\" data-start=\"{}\" data-end=\"{}\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"12\" rx=\"2\" fill=\"{}\"{}><title>{}: {} – {}</title></rect>\n",
                           html_escape(b.id), to_string(*b.start), b.end ? to_string(*b.end) : std::string(), x0, y + 17, std::max(1.0, x1 - x0), status_colour(b.status), b.end ? "" : " fill-opacity=\"0.4\"",
                           html_escape(b.label.empty() ? b.id : b.label), to_string(*b.start),
                           b.end ? to_string(*b.end) : std::string(tr(lang, "no end date", "geen einddatum")));
        if (b.notice) {
            double xn = x(day_number(*b.notice));
            out += fmt::format("<path d=\"M{0:.1f} {1:.1f} l6 7 l-6 7 l-6 -7 z\" fill=\"{2}\" stroke=\"#fff\" stroke-width=\"1\"><title>{3} {4}</title></path>\n",
                               xn, y + 16, colour_warn, html_escape(tr(lang, "notice deadline", "uiterste opzegdatum")),
                               to_string(*b.notice));
        }
    }
    // the as-of date: a dashed line, labelled under the rows (not among the year labels)
    const double xt = x(t);
    const std::string as_of = msg(lang, "as of {}", "peildatum {}", to_string(d.as_of));
    const double label_w = text_width(as_of, font);
    std::string anchor = "middle";
    double lx = xt;
    if (xt - label_w / 2 < left) anchor = "start", lx = std::max(left, xt - 2);
    else if (xt + label_w / 2 > w - right) anchor = "end", lx = std::min(w - right, xt + 2);
    out += fmt::format("<line class=\"as-of\" x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2:.0f}\" stroke=\"{3}\" stroke-dasharray=\"4 3\"/>"
                       "<text class=\"as-of\" x=\"{4:.1f}\" y=\"{5:.0f}\" text-anchor=\"{6}\" fill=\"{3}\">{7}</text>\n",
                       xt, axis - 6, h - bottom + 4, colour_warn, lx, h - 8, anchor, html_escape(as_of));
    out += "</svg>\n</figure>\n<ul class=\"legend\">";
    for (Status s : {Status::active, Status::terminating, Status::upcoming, Status::ended})
        out += fmt::format("<li><span class=\"bar\" style=\"background:{}\"></span>{}</li>", status_colour(s),
                           html_escape(status_label(s, lang)));
    out += fmt::format("<li><span class=\"bar\" style=\"background:{};opacity:.4\"></span>{}</li>", colour_active,
                       html_escape(tr(lang, "faded: no end date (runs on)", "lichter: geen einddatum (loopt door)")));
    out += fmt::format("<li><span class=\"diamond\" style=\"color:{}\">◆</span>{}</li>", colour_warn,
                       html_escape(tr(lang, "notice deadline", "uiterste opzegdatum")));
    out += fmt::format("<li><span class=\"dash\" style=\"border-color:{}\"></span>{}</li>", colour_warn,
                       html_escape(tr(lang, "as-of date", "peildatum")));
    out += "<li>" + html_escape(tr(lang, "bars run from the start to the end of the current term (ended: to the last day)",
                                   "balken lopen van het begin tot het einde van de huidige termijn (beëindigd: tot de laatste dag)")) +
           "</li></ul>\n";
}

}  // namespace

std::string render_summary_html(const SummaryDocument& d, const SummaryOptions& o) {
    return whole_text([&](const auto& flush) { stream_summary_html(d, o, flush); });
}

void stream_summary_html(const SummaryDocument& d, const SummaryOptions&,
                         const std::function<void(std::string_view)>& flush) {
    StreamedText out(flush);
    const Lang lang = d.lang;
    out += "<!DOCTYPE html>\n<html lang=\"" + std::string(lang == Lang::nl ? "nl" : "en") + "\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<title>" + html_escape(d.title) + "</title>\n<style>" + std::string(css) + "</style>\n</head>\n<body>\n";
    out += "<h1>" + html_escape(d.title) + "</h1>\n<p class=\"subtitle\">" + html_escape(d.subtitle) + "</p>\n";
    for (const auto& s : d.sections) {
        bool shown = !s.facts.empty() || !s.lines.empty();
        for (const auto& t : s.tables) shown = shown || t.audience != Table::Audience::workbook;
        if (!shown) continue;
        out += "<h2>" + html_escape(s.title) + "</h2>\n";
        if (!s.facts.empty()) {
            out += "<dl class=\"facts\">\n";
            for (const auto& f : s.facts)
                out += "<dt>" + html_escape(f.label) + "</dt><dd>" + html_escape(human_cell(f.value, lang)) + "</dd>\n";
            out += "</dl>\n";
        }
        for (const auto& l : s.lines) out += "<p class=\"text\">" + html_escape(l) + "</p>\n";
        for (const auto& t : s.tables) {
            if (t.audience == Table::Audience::workbook) continue;
            if (t.title != s.title) out += "<h3>" + html_escape(t.title) + "</h3>\n";
            render_table(out, t, lang);
        }
    }
    liveability_charts(out, d, lang);
    timeline_chart(out, d, lang);
    out += "</body>\n</html>\n";
    out.finish();
}

}  // namespace wijk
