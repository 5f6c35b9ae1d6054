// wijk summary as text: facts and aligned tables within 80 columns, all data terminal-safe.
#include <algorithm>

#include "model/i18n.h"
#include "render/escape.h"
#include "render/summary.h"

namespace wijk {

namespace {

constexpr std::size_t page_width = 80;
constexpr std::size_t indent = 2, gap = 2, min_column = 6;

// One line of data text: no newlines, no controls or bidi overrides.
std::string one_line(std::string_view s) {
    std::string flat(s);
    for (auto& c : flat)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';  // a tab would break the columns
    while (!flat.empty() && flat.back() == ' ') flat.pop_back();
    return terminal_safe(flat);
}

// The first `width` columns of s, with "…" when cut.
std::string fit(const std::string& s, std::size_t width) {
    if (display_width(s) <= width) return s;
    std::string out;
    std::size_t w = 0;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t n = 1;
        auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0xF0) n = 4;
        else if (c >= 0xE0) n = 3;
        else if (c >= 0xC0) n = 2;
        std::string cp = s.substr(i, n);
        std::size_t cw = display_width(cp);
        if (w + cw + 1 > width) break;
        out += cp;
        w += cw;
        i += n;
    }
    return out + "…";
}

std::string pad(const std::string& s, std::size_t width, bool right) {
    std::size_t w = display_width(s);
    std::string fill(w < width ? width - w : 0, ' ');
    return right ? fill + s : s + fill;
}

bool numeric(const Cell& c) {
    return c.kind == Cell::Kind::integer || c.kind == Cell::Kind::number || c.kind == Cell::Kind::money;
}

void render_table(std::string& out, const Table& t, Lang lang) {
    if (t.rows.empty()) {
        out += std::string(indent, ' ') + one_line(t.empty) + "\n";
        return;
    }
    std::vector<std::size_t> cols;
    for (std::size_t i = 0; i < t.columns.size(); ++i)
        if (t.columns[i].human) cols.push_back(i);
    std::vector<std::vector<std::string>> cells;
    std::vector<std::size_t> width(cols.size());
    std::vector<bool> right(cols.size(), false);
    for (std::size_t k = 0; k < cols.size(); ++k) width[k] = display_width(t.columns[cols[k]].header);
    for (const auto& row : t.rows) {
        std::vector<std::string> line;
        for (std::size_t k = 0; k < cols.size(); ++k) {
            const Cell& c = row[cols[k]];
            line.push_back(one_line(human_cell(c, lang)));
            width[k] = std::max(width[k], display_width(line.back()));
            if (numeric(c)) right[k] = true;
        }
        cells.push_back(std::move(line));
    }
    auto total = [&] {
        std::size_t sum = indent;
        for (auto w : width) sum += w;
        return sum + gap * (width.empty() ? 0 : width.size() - 1);
    };
    // Too wide: take a column from the widest until it fits (numbers are never cut).
    while (total() > page_width) {
        std::size_t widest = width.size();
        for (std::size_t k = 0; k < width.size(); ++k)
            if (!right[k] && width[k] > min_column && (widest == width.size() || width[k] > width[widest])) widest = k;
        if (widest == width.size()) break;
        --width[widest];
    }
    auto emit = [&](const std::vector<std::string>& line, bool header) {
        std::string text(indent, ' ');
        for (std::size_t k = 0; k < line.size(); ++k) {
            if (k) text += std::string(gap, ' ');
            text += pad(fit(line[k], width[k]), width[k], right[k] && !header ? true : right[k]);
        }
        while (!text.empty() && text.back() == ' ') text.pop_back();
        out += text + "\n";
    };
    std::vector<std::string> head;
    for (auto i : cols) head.push_back(one_line(t.columns[i].header));
    emit(head, true);
    std::vector<std::string> rule;
    for (auto w : width) rule.push_back(std::string(w, '-'));
    emit(rule, true);
    for (const auto& line : cells) emit(line, false);
}

}  // namespace

std::string render_summary_text(const SummaryDocument& d, const SummaryOptions& o) {
    std::string out = one_line(d.title) + "\n" + one_line(d.subtitle) + "\n";
    for (const auto& s : d.sections) {
        out += "\n" + one_line(s.title) + "\n";
        std::size_t label_width = 0;
        for (const auto& f : s.facts) label_width = std::max(label_width, display_width(one_line(f.label)));
        label_width = std::min<std::size_t>(label_width, 40);
        for (const auto& f : s.facts) {
            std::string label = fit(one_line(f.label), label_width);
            std::string value = one_line(human_cell(f.value, o.lang));
            // Long values wrap at word boundaries, under the value column.
            std::string lead = std::string(indent, ' ') + pad(label + ":", label_width + 1, false) + "  ";
            std::size_t room = page_width > display_width(lead) + 20 ? page_width - display_width(lead) : 40;
            std::string line;
            std::size_t start = 0;
            while (start <= value.size()) {
                auto sp = value.find(' ', start);
                std::string word = value.substr(start, sp == std::string::npos ? std::string::npos : sp - start);
                if (!line.empty() && display_width(line) + 1 + display_width(word) > room) {
                    out += lead + line + "\n";
                    lead = std::string(display_width(lead), ' ');
                    line.clear();
                }
                line += (line.empty() ? "" : " ") + word;
                if (sp == std::string::npos) break;
                start = sp + 1;
            }
            out += lead + line + "\n";
        }
        for (const auto& l : s.lines) {
            // Paragraphs keep their own line breaks, each line indented.
            std::string text = terminal_safe(l, true);
            while (!text.empty() && text.back() == '\n') text.pop_back();
            std::size_t start = 0;
            for (;;) {
                auto nl = text.find('\n', start);
                out += std::string(indent, ' ') + text.substr(start, nl == std::string::npos ? std::string::npos : nl - start) + "\n";
                if (nl == std::string::npos) break;
                start = nl + 1;
            }
        }
        for (const auto& t : s.tables) {
            if (!s.facts.empty() || !s.lines.empty() || s.tables.size() > 1) out += "\n";
            if (s.tables.size() > 1 || t.title != s.title) {
                if (t.title != s.title) out += std::string(indent, ' ') + one_line(t.title) + "\n";
            }
            render_table(out, t, o.lang);
        }
    }
    return out;
}

}  // namespace wijk
