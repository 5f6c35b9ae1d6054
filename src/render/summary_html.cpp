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
td.num { text-align: right; font-variant-numeric: tabular-nums; }
p.empty { color: var(--muted); font-style: italic; }
p.text { white-space: pre-line; }
.charts { display: flex; flex-wrap: wrap; gap: 1rem; }
figure { margin: 0; }
figcaption { font-size: .85rem; color: var(--muted); }
svg text { font: 11px system-ui, sans-serif; fill: var(--muted); }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2 { break-after: avoid; }
  table, figure { break-inside: avoid; }
  th { background: none; }
}
)";

bool numeric(const Cell& c) {
    return c.kind == Cell::Kind::integer || c.kind == Cell::Kind::number || c.kind == Cell::Kind::money;
}

long day_number(const Date& d) { return std::chrono::sys_days(d).time_since_epoch().count(); }

void render_table(StreamedText& out, const Table& t, Lang lang) {
    if (t.rows.empty()) {
        out += "<p class=\"empty\">" + html_escape(t.empty) + "</p>\n";
        return;
    }
    out += "<table data-table=\"" + html_escape(t.name) + "\">\n<thead><tr>";
    for (const auto& c : t.columns)
        if (c.human) out += "<th>" + html_escape(c.header) + "</th>";
    out += "</tr></thead>\n<tbody>\n";
    for (const auto& row : t.rows) {
        out += "<tr>";
        for (std::size_t i = 0; i < t.columns.size(); ++i) {
            if (!t.columns[i].human) continue;
            out += numeric(row[i]) ? "<td class=\"num\">" : "<td>";
            out += html_escape(human_cell(row[i], lang)) + "</td>";
        }
        out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n";
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
    out += "<h2>" + html_escape(tr("Liveability class per year", "Leefbaarheidsklasse per jaar")) + "</h2>\n<div class=\"charts\">\n";
    const double w = 260, h = 140, left = 28, right = 12, top = 10, bottom = 22;
    auto x = [&](int year) { return left + (w - left - right) * double(year - y0) / double(y1 - y0); };
    auto y = [&](int klass) { return top + (h - top - bottom) * double(9 - klass) / 8.0; };
    for (const auto& s : d.liveability) {
        out += "<figure>\n";
        out += fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\">\n",
                           w, h, w, h, html_escape(s.label));
        for (int k : {1, 3, 5, 7, 9})
            out += fmt::format("<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#e3e6eb\"/><text x=\"4\" y=\"{:.1f}\">{}</text>\n",
                               left, y(k), w - right, y(k), y(k) + 4, k);
        out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\">{}</text><text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>\n",
                           left, h - 6, y0, w - right, h - 6, y1);
        std::string points;
        for (const auto& p : s.points)
            if (p.klass) points += fmt::format("{:.1f},{:.1f} ", x(p.year), y(*p.klass));
        if (!points.empty())
            out += "<polyline fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"2\" points=\"" + points + "\"/>\n";
        for (const auto& p : s.points)
            if (p.klass)
                out += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3.5\" fill=\"{}\"><title>{}: {} ({})</title></circle>\n",
                                   x(p.year), y(*p.klass), *p.klass <= 3 ? "#b3261e" : "#1f5fa8", p.year, *p.klass,
                                   html_escape(class_name(*p.klass, lang)));
        out += "</svg>\n<figcaption>" + html_escape(s.label) + "</figcaption>\n</figure>\n";
    }
    out += "</div>\n";
}

// One bar per agreement from start to its current term end (open-ended: to the edge, faded),
// the notice deadline as a red mark, the as-of date as a vertical line.
void timeline_chart(StreamedText& out, const SummaryDocument& d, Lang) {
    std::vector<const TimelineBar*> bars;
    for (const auto& b : d.timeline)
        if (b.start) bars.push_back(&b);
    if (bars.empty()) return;
    long t = day_number(d.as_of);
    long from = t, to = t + 365;
    for (const TimelineBar* b : bars) {
        from = std::min(from, day_number(*b->start));
        if (b->end) to = std::max(to, day_number(*b->end));
        if (b->notice) to = std::max(to, day_number(*b->notice));
    }
    to += 60;
    const double w = 1000, label = 260, row = 22, top = 24;
    const double h = top + row * double(bars.size()) + 8;
    auto x = [&](long day) { return label + (w - label - 10) * double(day - from) / double(to - from); };
    out += "<h2>" + html_escape(tr("Timeline of agreements", "Tijdlijn van de afspraken")) + "</h2>\n<figure>\n";
    out += fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\" viewBox=\"0 0 {} {:.0f}\" role=\"img\" aria-label=\"{}\">\n",
                       w, h, html_escape(tr("Timeline of agreements", "Tijdlijn van de afspraken")));
    // year ticks
    int first_year = int(Date{std::chrono::sys_days{std::chrono::days{from}}}.year()) + 1;
    int last_year = int(Date{std::chrono::sys_days{std::chrono::days{to}}}.year());
    for (int yr = first_year; yr <= last_year; ++yr) {
        long day = day_number(Date{std::chrono::year{yr}, std::chrono::January, std::chrono::day{1}});
        out += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2:.0f}\" stroke=\"#e3e6eb\"/><text x=\"{3:.1f}\" y=\"14\">{4}</text>\n",
                           x(day), top - 4, h, x(day) + 2, yr);
    }
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const TimelineBar& b = *bars[i];
        double y = top + row * double(i);
        double x0 = x(day_number(*b.start));
        double x1 = b.end ? x(day_number(*b.end)) : w - 10;
        const char* colour = b.status == Status::ended ? "#b8bec9" : b.status == Status::terminating ? "#d08a2c"
                             : b.status == Status::upcoming ? "#7fa7d6" : "#1f5fa8";
        out += fmt::format("<text x=\"4\" y=\"{:.1f}\">{}</text>\n", y + 14, html_escape(b.id.size() > 40 ? b.id.substr(0, 39) + "…" : b.id));
        out += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"12\" rx=\"2\" fill=\"{}\"{}><title>{}: {} – {}</title></rect>\n",
                           x0, y + 4, std::max(1.0, x1 - x0), colour, b.end ? "" : " fill-opacity=\"0.45\"",
                           html_escape(b.label), to_string(*b.start),
                           b.end ? to_string(*b.end) : std::string(tr("open-ended", "onbepaalde tijd")));
        if (b.notice) {
            double xn = x(day_number(*b.notice));
            out += fmt::format("<path d=\"M{0:.1f} {1:.1f} l5 7 l-5 7 l-5 -7 z\" fill=\"#b3261e\"><title>{2} {3}</title></path>\n",
                               xn, y + 3, html_escape(tr("notice deadline", "uiterste opzegdatum")), to_string(*b.notice));
        }
    }
    out += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2:.0f}\" stroke=\"#b3261e\" stroke-dasharray=\"4 3\"/>"
                       "<text x=\"{3:.1f}\" y=\"{1}\" fill=\"#b3261e\">{4}</text>\n",
                       x(t), top - 4, h, x(t) + 3, html_escape(to_string(d.as_of)));
    out += "</svg>\n<figcaption>" +
           html_escape(tr("Bars run from start to the current term end (faded: no end date); ◆ notice deadline; dashed line: as-of date.",
                          "Balken lopen van begin tot einde huidige termijn (vaag: geen einddatum); ◆ uiterste opzegdatum; stippellijn: peildatum.")) +
           "</figcaption>\n</figure>\n";
}

}  // namespace

std::string render_summary_html(const SummaryDocument& d, const SummaryOptions& o) {
    return whole_text([&](const auto& flush) { stream_summary_html(d, o, flush); });
}

void stream_summary_html(const SummaryDocument& d, const SummaryOptions& o,
                         const std::function<void(std::string_view)>& flush) {
    StreamedText out(flush);
    out += "<!DOCTYPE html>\n<html lang=\"" + std::string(o.lang == Lang::nl ? "nl" : "en") + "\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<title>" + html_escape(d.title) + "</title>\n<style>" + std::string(css) + "</style>\n</head>\n<body>\n";
    out += "<h1>" + html_escape(d.title) + "</h1>\n<p class=\"subtitle\">" + html_escape(d.subtitle) + "</p>\n";
    for (const auto& s : d.sections) {
        out += "<h2>" + html_escape(s.title) + "</h2>\n";
        if (!s.facts.empty()) {
            out += "<dl class=\"facts\">\n";
            for (const auto& f : s.facts)
                out += "<dt>" + html_escape(f.label) + "</dt><dd>" + html_escape(human_cell(f.value, o.lang)) + "</dd>\n";
            out += "</dl>\n";
        }
        for (const auto& l : s.lines) out += "<p class=\"text\">" + html_escape(l) + "</p>\n";
        for (const auto& t : s.tables) {
            if (t.title != s.title) out += "<h3>" + html_escape(t.title) + "</h3>\n";
            render_table(out, t, o.lang);
        }
    }
    liveability_charts(out, d, o.lang);
    timeline_chart(out, d, o.lang);
    out += "</body>\n</html>\n";
    out.finish();
}

}  // namespace wijk
