// wijk summary as Markdown: headings, fact lists and pipe tables; every data cell escaped.
#include "render/escape.h"
#include "render/summary.h"

namespace wijk {

namespace {

bool numeric(const Cell& c) {
    return c.kind == Cell::Kind::integer || c.kind == Cell::Kind::number || c.kind == Cell::Kind::money ||
           c.kind == Cell::Kind::percent;
}

void render_table(std::string& out, const Table& t, Lang lang) {
    if (t.rows.empty()) {
        out += "_" + markdown_text(t.empty) + "_\n\n";
        return;
    }
    std::vector<std::size_t> cols;
    for (std::size_t i = 0; i < t.columns.size(); ++i)
        if (t.columns[i].human()) cols.push_back(i);
    std::string head = "|", rule = "|";
    for (auto i : cols) {
        bool right = false;
        for (const auto& row : t.rows) right = right || numeric(row[i]);
        head += " " + markdown_cell(t.columns[i].header) + " |";
        rule += right ? " ---: |" : " --- |";
    }
    out += head + "\n" + rule + "\n";
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const bool total = t.total_row && r + 1 == t.rows.size();
        std::string line = "|";
        for (auto i : cols) {
            std::string cell = markdown_cell(human_cell(t.rows[r][i], lang));
            line += " " + (total && !cell.empty() ? "**" + cell + "**" : cell) + " |";
        }
        out += line + "\n";
    }
    out += "\n";
    for (const auto& n : t.notes) out += markdown_text(n) + "\n\n";
}

}  // namespace

std::string render_summary_markdown(const SummaryDocument& d, const SummaryOptions& o) {
    std::string out = "# " + markdown_text(d.title) + "\n\n" + markdown_text(d.subtitle) + "\n\n";
    for (const auto& s : d.sections) {
        bool shown = !s.facts.empty() || !s.lines.empty();
        for (const auto& t : s.tables) shown = shown || t.audience == Table::Audience::all;
        if (!shown) continue;
        out += "## " + markdown_text(s.title) + "\n\n";
        for (const auto& f : s.facts)
            out += "- **" + markdown_text(f.label) + "**: " + markdown_text(human_cell(f.value, o.lang)) + "\n";
        if (!s.facts.empty()) out += "\n";
        for (const auto& l : s.lines) out += markdown_text(l) + "\n\n";
        for (const auto& t : s.tables) {
            if (t.audience != Table::Audience::all) continue;
            if (t.title != s.title) out += "### " + markdown_text(t.title) + "\n\n";
            render_table(out, t, o.lang);
        }
    }
    while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
    return out;
}

}  // namespace wijk
