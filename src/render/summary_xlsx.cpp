// wijk summary as a workbook: an overview sheet with the facts, then one sheet per table (the
// columns of the CSV, headers and words in the output language, cells typed).
#include "model/i18n.h"
#include "render/summary.h"
#include "render/xlsx.h"

namespace wijk {

namespace {

void write_cell(XlsxWorkbook& wb, const Cell& c, Lang lang) {
    switch (c.kind) {
        case Cell::Kind::empty: wb.blank(); break;
        case Cell::Kind::text: wb.text(c.label ? std::string(*c.label) : c.text); break;
        case Cell::Kind::integer: wb.integer(c.integer); break;
        case Cell::Kind::number: wb.number(c.number); break;
        case Cell::Kind::money: wb.money(c.money()); break;
        case Cell::Kind::percent: wb.percent(c.number); break;
        case Cell::Kind::duration: wb.text(human_cell(c, lang)); break;
        case Cell::Kind::date:
            if (auto d = parse_date(c.text)) wb.date(*d);
            else wb.text(c.text);
            break;
    }
}

}  // namespace

std::string write_summary_xlsx(const SummaryDocument& d, const SummaryOptions&, const std::string& path) {
    const Lang lang = d.lang;
    XlsxWorkbook wb(path, lang, d.title, d.as_of);
    wb.sheet(tr(lang, "Overview", "Overzicht"));
    wb.row();
    wb.bold(d.title);
    wb.row();
    wb.text(d.subtitle);
    for (const auto& s : d.sections) {
        if (s.facts.empty() && s.lines.empty()) continue;
        wb.row();
        wb.row();
        wb.bold(s.title);
        for (const auto& f : s.facts) {
            wb.row();
            wb.text(f.label);
            write_cell(wb, f.value, lang);
        }
        for (const auto& l : s.lines) {
            wb.row();
            wb.text(l);
        }
    }
    for (const auto& s : d.sections)
        for (const auto& t : s.tables) {
            wb.sheet(t.sheet.empty() ? t.title : t.sheet);
            std::vector<std::size_t> cols;
            std::vector<std::string> headers;
            for (std::size_t i = 0; i < t.columns.size(); ++i)
                if (t.columns[i].machine) {
                    cols.push_back(i);
                    headers.push_back(t.columns[i].header.empty() ? t.columns[i].key : t.columns[i].header);
                }
            wb.header(headers, t.total_row && !t.rows.empty() ? t.rows.size() - 1 : t.rows.size());
            for (std::size_t r = 0; r < t.rows.size(); ++r) {
                if (t.total_row && r + 1 == t.rows.size()) wb.totals();
                wb.row();
                for (std::size_t i : cols) write_cell(wb, t.rows[r][i], lang);
            }
            for (const auto& n : t.notes) wb.note(n);
        }
    return wb.close();
}

}  // namespace wijk
