// wijk summary as text: facts and aligned tables at the terminal's width, all data
// terminal-safe. Ids are never cut or broken (people type them back); other text wraps inside
// its column; a table that cannot fit even so is shown as one block per row.
#include <algorithm>

#include "model/i18n.h"
#include "render/escape.h"
#include "render/summary.h"

namespace wijk {

namespace {

constexpr std::size_t indent = 2, gap = 2;
// A text column is not squeezed below this (or its header's longest word) before the table
// is shown as blocks instead.
constexpr std::size_t min_text_column = 10;
// Words up to this long are not broken inside (a text column is never narrower than them).
constexpr std::size_t max_whole_word = 20;

// One line of data text: no newlines, no controls or bidi overrides.
std::string one_line(std::string_view s) {
    std::string flat(s);
    for (auto& c : flat)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';  // a tab would break the columns
    while (!flat.empty() && flat.back() == ' ') flat.pop_back();
    return terminal_safe(flat);
}

std::size_t utf8_length(unsigned char c) { return c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1; }

std::vector<std::string> words_of(const std::string& s) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && s[i] == ' ') ++i;
        std::size_t j = s.find(' ', i);
        if (j == std::string::npos) j = s.size();
        if (j > i) out.push_back(s.substr(i, j - i));
        i = j;
    }
    return out;
}

std::size_t longest_word(const std::string& s) {
    std::size_t w = 0;
    for (const auto& word : words_of(s)) w = std::max(w, display_width(word));
    return w;
}

// Lines of at most `width` columns, broken at spaces. A word longer than the width is broken
// inside only when `hard` (never an id).
std::vector<std::string> wrap(const std::string& s, std::size_t width, bool hard) {
    std::vector<std::string> lines;
    std::string line;
    std::size_t line_width = 0;
    auto push = [&] {
        lines.push_back(line);
        line.clear();
        line_width = 0;
    };
    for (std::string word : words_of(s)) {
        std::size_t w = display_width(word);
        if (line_width > 0 && line_width + 1 + w <= width) {
            line += ' ' + word;
            line_width += 1 + w;
            continue;
        }
        if (line_width > 0) push();
        while (hard && w > width && width > 0) {  // the part that fits, then the rest
            std::string head;
            std::size_t hw = 0, i = 0;
            while (i < word.size()) {
                std::size_t n = std::min(utf8_length(static_cast<unsigned char>(word[i])), word.size() - i);
                std::size_t cw = display_width(word.substr(i, n));
                if (hw + cw > width && hw > 0) break;
                head += word.substr(i, n);
                hw += cw;
                i += n;
            }
            line = head;
            push();
            word = word.substr(i);
            w = display_width(word);
        }
        if (!word.empty()) {
            line = word;
            line_width = w;
        }
    }
    if (line_width > 0 || lines.empty()) push();
    return lines;
}

std::string pad(const std::string& s, std::size_t width, bool right) {
    std::size_t w = display_width(s);
    std::string fill(w < width ? width - w : 0, ' ');
    return right ? fill + s : s + fill;
}

void trim_end(std::string& s) {
    while (!s.empty() && s.back() == ' ') s.pop_back();
}

bool numeric(const Cell& c) {
    return c.kind == Cell::Kind::integer || c.kind == Cell::Kind::number || c.kind == Cell::Kind::money ||
           c.kind == Cell::Kind::percent;
}

// Running text is easier to read in lines of at most this many columns, however wide the terminal.
constexpr std::size_t prose_width = 100;

// A paragraph at the width (at most prose_width), indented by `left`.
void paragraph(std::string& out, const std::string& text, std::size_t width, std::size_t left = indent) {
    width = std::min(width, prose_width);
    std::size_t room = width > left + 20 ? width - left : 20;
    for (const auto& l : wrap(text, room, false)) out += std::string(left, ' ') + l + "\n";
}

struct Layout {
    std::size_t column;       // index into the table's columns
    std::size_t natural = 0;  // widest cell or header
    std::size_t minimum = 0;  // narrowest it may be
    bool right = false;       // numbers
    bool hard = true;         // words may be broken (not ids, numbers, dates)
    std::size_t width = 0;
    std::vector<std::size_t> widths;  // of its cells, sorted
    // Cells that take more lines when the column loses a column at `width`.
    std::size_t cost() const {
        return std::size_t(widths.end() - std::lower_bound(widths.begin(), widths.end(), width));
    }
};

std::size_t total_width(const std::vector<Layout>& cols, std::size_t Layout::*w) {
    std::size_t sum = indent;
    for (const auto& c : cols) sum += c.*w;
    return sum + gap * (cols.empty() ? 0 : cols.size() - 1);
}

// The table as one block per row: the first column as its heading, then "Header: value".
void render_blocks(std::string& out, const Table& t, const std::vector<Layout>& cols,
                   const std::vector<std::vector<std::string>>& cells, std::size_t width) {
    std::size_t label_width = 0;
    for (std::size_t k = 1; k < cols.size(); ++k)
        label_width = std::max(label_width, display_width(one_line(t.columns[cols[k].column].header)) + 1);
    const std::size_t left = indent + 2, value_left = left + label_width + 1;
    const std::size_t room = width > value_left + 20 ? width - value_left : 20;
    for (std::size_t r = 0; r < cells.size(); ++r) {
        if (r > 0) out += "\n";
        const std::string& head = cells[r][0];
        if (!head.empty()) {
            for (const auto& l : wrap(head, width > indent + 20 ? width - indent : 20, cols[0].hard))
                out += std::string(indent, ' ') + l + "\n";
        }
        for (std::size_t k = head.empty() ? 0 : 1; k < cols.size(); ++k) {
            std::string value = cells[r][k];
            if (value.empty() || one_line(t.columns[cols[k].column].header).empty()) continue;
            // a column without a header says more about the one before it ("3" "insufficient")
            for (std::size_t j = k + 1; j < cols.size() && one_line(t.columns[cols[j].column].header).empty(); ++j)
                if (!cells[r][j].empty()) value += " " + cells[r][j];
            std::string lead = std::string(left, ' ') + pad(one_line(t.columns[cols[k].column].header) + ":", label_width, false) + " ";
            for (const auto& l : wrap(value, room, cols[k].hard)) {
                std::string line = lead + l;
                trim_end(line);
                out += line + "\n";
                lead = std::string(value_left, ' ');
            }
        }
    }
}

void render_table(std::string& out, const Table& t, Lang lang, std::size_t width) {
    if (t.rows.empty()) {
        paragraph(out, one_line(t.empty), width);
        return;
    }
    // The cells as people read them; a column empty in every row is left out.
    std::vector<Layout> cols;
    std::vector<std::vector<std::string>> cells(t.rows.size());
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
        const Column& c = t.columns[i];
        if (!c.human()) continue;
        Layout l;
        l.column = i;
        std::vector<std::string> texts;
        bool any = false, all_fixed = true;
        for (const auto& row : t.rows) {
            const Cell& cell = row[i];
            texts.push_back(one_line(human_cell(cell, lang)));
            if (texts.back().empty()) continue;
            any = true;
            if (numeric(cell)) l.right = true;
            if (!numeric(cell) && cell.kind != Cell::Kind::date) all_fixed = false;
        }
        if (!any) continue;
        const std::string header = one_line(c.header);
        std::size_t widest = 0, longest = 0;
        for (const auto& s : texts) {
            widest = std::max(widest, display_width(s));
            longest = std::max(longest, longest_word(s));
        }
        l.natural = std::max(display_width(header), widest);
        const std::size_t header_word = longest_word(header);
        if (all_fixed) {  // numbers and dates: whole; the header may wrap
            l.hard = false;
            l.minimum = std::max(widest, header_word);
        } else if (c.ids) {  // between ids only
            l.hard = false;
            l.minimum = std::max(longest, header_word);
        } else {  // words whole up to a point; a longer one may break
            l.minimum = std::min(l.natural, std::max({min_text_column, header_word, std::min(longest, max_whole_word)}));
        }
        for (const auto& x : texts) l.widths.push_back(display_width(x));
        l.widths.push_back(display_width(header));  // a header that wraps costs like a cell
        std::sort(l.widths.begin(), l.widths.end());
        for (std::size_t r = 0; r < texts.size(); ++r) cells[r].push_back(std::move(texts[r]));
        cols.push_back(l);
    }
    // Room for the columns shown when there is room? The lowest `keep` goes first, then the
    // last one.
    while (total_width(cols, &Layout::minimum) > width) {
        std::size_t drop = cols.size();
        for (std::size_t k = 0; k < cols.size(); ++k) {
            const Column& c = t.columns[cols[k].column];
            if (c.show != Column::Show::when_room) continue;
            if (drop == cols.size() || c.keep <= t.columns[cols[drop].column].keep) drop = k;
        }
        if (drop == cols.size()) break;
        cols.erase(cols.begin() + std::ptrdiff_t(drop));
        for (auto& row : cells) row.erase(row.begin() + std::ptrdiff_t(drop));
    }
    if (cols.empty()) return;
    if (total_width(cols, &Layout::minimum) > width) {
        render_blocks(out, t, cols, cells, width);
        return;
    }
    for (auto& c : cols) c.width = c.natural;
    // Too wide: narrow, one column at a time, the column where that wraps the fewest cells
    // (of those, the widest).
    while (total_width(cols, &Layout::width) > width) {
        Layout* best = nullptr;
        for (auto& c : cols)
            if (c.width > c.minimum &&
                (!best || c.cost() < best->cost() || (c.cost() == best->cost() && c.width > best->width)))
                best = &c;
        if (!best) break;
        --best->width;
    }
    auto emit = [&](const std::vector<std::string>& texts, bool header) {
        std::vector<std::vector<std::string>> lines(cols.size());
        std::size_t height = 1;
        for (std::size_t k = 0; k < cols.size(); ++k) {
            lines[k] = wrap(texts[k], cols[k].width, header || cols[k].hard);
            height = std::max(height, lines[k].size());
        }
        for (std::size_t h = 0; h < height; ++h) {
            std::string text(indent, ' ');
            for (std::size_t k = 0; k < cols.size(); ++k) {
                if (k) text += std::string(gap, ' ');
                // headers of number columns sit on their last line, over the numbers
                std::size_t offset = header ? height - lines[k].size() : 0;
                std::string piece = h >= offset && h - offset < lines[k].size() ? lines[k][h - offset] : "";
                text += pad(piece, cols[k].width, cols[k].right);
            }
            trim_end(text);
            out += text + "\n";
        }
    };
    std::vector<std::string> head, rule;
    for (const auto& c : cols) {
        head.push_back(one_line(t.columns[c.column].header));
        rule.push_back(std::string(c.width, '-'));
    }
    emit(head, true);
    emit(rule, true);
    for (std::size_t r = 0; r < cells.size(); ++r) {
        if (t.total_row && r + 1 == cells.size()) emit(rule, true);
        emit(cells[r], false);
    }
}

}  // namespace

std::string render_summary_text(const SummaryDocument& d, const SummaryOptions& o) {
    const std::size_t width = std::max<std::size_t>(o.width, 40);
    std::string out;
    paragraph(out, one_line(d.title), width, 0);
    paragraph(out, one_line(d.subtitle), width, 0);
    for (const auto& s : d.sections) {
        bool shown = !s.facts.empty() || !s.lines.empty();
        for (const auto& t : s.tables) shown = shown || t.audience == Table::Audience::all;
        if (!shown) continue;
        out += "\n";
        paragraph(out, one_line(s.title), width, 0);
        std::size_t label_width = 0;
        for (const auto& f : s.facts) label_width = std::max(label_width, display_width(one_line(f.label)));
        for (const auto& f : s.facts) {
            std::string lead = std::string(indent, ' ') + pad(one_line(f.label) + ":", label_width + 1, false) + "  ";
            const std::size_t lead_width = display_width(lead);
            // Long values wrap at spaces under the value column (ids in them are never broken).
            const std::size_t room = width > lead_width + 20 ? width - lead_width : 20;
            for (const auto& l : wrap(one_line(human_cell(f.value, o.lang)), room, false)) {
                std::string line = lead + l;
                trim_end(line);
                out += line + "\n";
                lead = std::string(lead_width, ' ');
            }
        }
        for (const auto& l : s.lines) {
            // Paragraphs (notes, goals) in full: their own line breaks kept, each line wrapped.
            std::string text = terminal_safe(l, true);
            while (!text.empty() && text.back() == '\n') text.pop_back();
            std::size_t start = 0;
            for (;;) {
                auto nl = text.find('\n', start);
                std::string line = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
                for (auto& c : line)
                    if (c == '\t' || c == '\r') c = ' ';
                if (line.find_first_not_of(' ') == std::string::npos) out += "\n";
                else paragraph(out, line, width);
                if (nl == std::string::npos) break;
                start = nl + 1;
            }
        }
        for (const auto& t : s.tables) {
            if (t.audience != Table::Audience::all) continue;
            if (!s.facts.empty() || !s.lines.empty() || s.tables.size() > 1) out += "\n";
            if (t.title != s.title) paragraph(out, one_line(t.title), width);
            render_table(out, t, o.lang, width);
            if (!t.rows.empty())
                for (const auto& n : t.notes) {
                    out += "\n";
                    paragraph(out, one_line(n), width);
                }
        }
    }
    return out;
}

}  // namespace wijk
