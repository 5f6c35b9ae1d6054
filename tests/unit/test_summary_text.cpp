// render/summary_text: tables at the terminal's width, ids whole, text wrapped in its column.
#include <doctest/doctest.h>

#include <sstream>

#include "render/summary.h"

using namespace wijk;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
}

std::size_t widest(const std::string& text) {
    std::size_t w = 0;
    for (const auto& l : lines_of(text)) w = std::max(w, display_width(l));
    return w;
}

Column column(std::string key, std::string header, bool ids = false, Column::Show show = Column::Show::always) {
    Column c{std::move(key), std::move(header)};
    c.ids = ids;
    c.show = show;
    return c;
}

SummaryDocument one_table(Table t) {
    SummaryDocument d;
    d.title = "T";
    d.subtitle = "S";
    Section s;
    s.title = "Section";
    t.extras.assign(t.rows.size(), nullptr);
    s.tables.push_back(std::move(t));
    d.sections.push_back(std::move(s));
    return d;
}

std::string text_at(const SummaryDocument& d, std::size_t width) {
    SummaryOptions o;
    o.width = width;
    return render_summary_text(d, o);
}

Table agreements() {
    Table t;
    t.name = "agreements";
    t.title = "Section";
    t.columns = {column("id", "Agreement", true), column("title", "Title"), column("value", "Value")};
    t.rows = {{Cell::of("buurtkamer-kolenkit"), Cell::of("Buurtkamer Kolenkit in the plinth of block 4 with support"),
               Cell::of_money(Money{600000})},
              {Cell::of("buurtkamer-kolenkit-2027"), Cell::of("Buurtkamer Kolenkit from 2027"), Cell::of_money(Money{0})}};
    return t;
}

}  // namespace

TEST_CASE("text: ids stay whole and titles wrap inside their column, within the width") {
    const std::string text = text_at(one_table(agreements()), 60);
    CHECK(widest(text) <= 60);
    // both ids whole, each once: never cut to the same "buurtkamer-kolen…"
    CHECK(text.find("buurtkamer-kolenkit-2027") != std::string::npos);
    CHECK(text.find("…") == std::string::npos);
    // the title wrapped over lines, every word of it there
    for (const char* word : {"Buurtkamer", "plinth", "block", "support"}) CHECK(text.find(word) != std::string::npos);
    int title_lines = 0;
    for (const auto& l : lines_of(text))
        if (l.find("plinth") != std::string::npos || l.find("support") != std::string::npos) ++title_lines;
    CHECK(title_lines >= 1);
    // at 200 columns: each row on one line
    const std::string wide = text_at(one_table(agreements()), 200);
    bool one_line = false;
    for (const auto& l : lines_of(wide))
        if (l.find("buurtkamer-kolenkit ") != std::string::npos && l.find("support") != std::string::npos) one_line = true;
    CHECK(one_line);
}

TEST_CASE("text: a column shown when there is room goes first; a table that cannot fit becomes blocks") {
    Table t = agreements();
    t.columns[1].show = Column::Show::when_room;
    const std::string narrow = text_at(one_table(t), 40);
    CHECK(narrow.find("Title") == std::string::npos);
    CHECK(narrow.find("buurtkamer-kolenkit-2027") != std::string::npos);
    CHECK(widest(narrow) <= 40);
    CHECK(text_at(one_table(t), 120).find("Title") != std::string::npos);

    // ids longer than the width allows next to them: one block per row, ids whole
    Table wide;
    wide.name = "w";
    wide.title = "Section";
    wide.columns = {column("id", "Agreement", true), column("a", "Start"), column("b", "End"), column("c", "Value")};
    wide.rows = {{Cell::of("opbouwwerk-geuzenveld-slotermeer-en-osdorp"), Cell::of_date(Date{std::chrono::year{2026} / 1 / 1}),
                  Cell::of_date(Date{std::chrono::year{2027} / 12 / 31}), Cell::of_money(Money{4500000})}};
    const std::string blocks = text_at(one_table(wide), 40);
    CHECK(blocks.find("  opbouwwerk-geuzenveld-slotermeer-en-osdorp\n") != std::string::npos);
    CHECK(blocks.find("Start: 2026-01-01") != std::string::npos);
    CHECK(blocks.find("Value: €45,000.00") != std::string::npos);
}

TEST_CASE("text: a long word in a text column is broken only where it must be, never an id") {
    Table t;
    t.name = "t";
    t.title = "Section";
    t.columns = {column("id", "Id", true), column("note", "Note")};
    const std::string word(70, 'x');
    t.rows = {{Cell::of("an-id"), Cell::of(word)}};
    const std::string text = text_at(one_table(t), 40);
    CHECK(widest(text) <= 40);
    std::size_t xs = 0;
    for (char c : text) xs += c == 'x';
    CHECK(xs == 70);  // all of it, over several lines
}

TEST_CASE("text: paragraphs (notes) in full, wrapped at the width but never wider than 100 columns") {
    SummaryDocument d;
    d.title = "T";
    d.subtitle = "S";
    Section s;
    s.title = "Notes";
    std::string note;
    for (int i = 0; i < 60; ++i) note += "word" + std::to_string(i) + " ";
    s.lines.push_back(note + "\n\nsecond paragraph");
    d.sections.push_back(s);
    const std::string at80 = text_at(d, 80), at200 = text_at(d, 200);
    CHECK(widest(at80) <= 80);
    CHECK(widest(at200) <= 100);
    CHECK(at80.find("word59") != std::string::npos);
    CHECK(at80.find("\n\n  second paragraph\n") != std::string::npos);
}
