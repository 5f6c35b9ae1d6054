// wijk summary as Markdown: headings, fact lists and pipe tables; every data cell escaped.
#include "render/escape.h"
#include "render/summary.h"

namespace wijk {

namespace {

bool numeric(const Cell& c) {
    return c.kind == Cell::Kind::integer || c.kind == Cell::Kind::number || c.kind == Cell::Kind::money;
}

void render_table(std::string& out, const Table& t, Lang lang) {
    if (t.rows.empty()) {
        out += "_" + markdown_text(t.empty) + "_\n\n";
        return;
    }
    std::vector<std::size_t> cols;
    for (std::size_t i = 0; i < t.columns.size(); ++i)
        if (t.columns[i].human) cols.push_back(i);
    std::string head = "|", rule = "|";
    for (auto i : cols) {
        bool right = false;
        for (const auto& row : t.rows) right = right || numeric(row[i]);
        head += " " + markdown_cell(t.columns[i].header) + " |";
        rule += right ? " ---: |" : " --- |";
    }
    out += head + "\n" + rule + "\n";
    for (const auto& row : t.rows) {
        std::string line = "|";
        for (auto i : cols) line += " " + markdown_cell(human_cell(row[i], lang)) + " |";
        out += line + "\n";
    }
    out += "\n";
}

}  // namespace

std::string render_summary_markdown(const SummaryDocument& d, const SummaryOptions& o) {
    std::string out = "# " + markdown_text(d.title) + "\n\n" + markdown_text(d.subtitle) + "\n\n";
    for (const auto& s : d.sections) {
        out += "## " + markdown_text(s.title) + "\n\n";
        for (const auto& f : s.facts)
            out += "- **" + markdown_text(f.label) + "**: " + markdown_text(human_cell(f.value, o.lang)) + "\n";
        if (!s.facts.empty()) out += "\n";
        for (const auto& l : s.lines) out += markdown_text(l) + "\n\n";
        for (const auto& t : s.tables) {
            if (t.title != s.title) out += "### " + markdown_text(t.title) + "\n\n";
            render_table(out, t, o.lang);
        }
    }
    while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
    return out;
}

}  // namespace wijk
