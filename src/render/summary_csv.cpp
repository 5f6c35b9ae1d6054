// wijk summary as CSV: one table per invocation (--table), RFC 4180 or Dutch Excel.
#include <algorithm>

#include "render/escape.h"
#include "render/json.h"
#include "render/summary.h"

namespace wijk {

namespace {

std::string number_text(double d, bool comma) {
    std::string s = format_number(d);
    if (comma)
        for (auto& c : s)
            if (c == '.') c = ',';
    return s;
}

// A user's own x_ value as written: numbers stay numbers (decimal comma for Excel), else text.
std::string extra_cell(const Value& v, char sep, bool comma) {
    if (v.is_scalar()) {
        if (v.plain) {
            JsonWriter w(false);
            w.value(v);
            const std::string& j = w.str();
            if (!j.empty() && j[0] != '"') {
                if (j == "true" || j == "false") return j;
                // as written: only the decimal point becomes a comma (no float round trip)
                std::string out = j;
                if (comma)
                    for (auto& ch : out)
                        if (ch == '.') ch = ',';
                return out;
            }
        }
        return csv_cell(v.text, sep);
    }
    if (v.is_null()) return "";
    JsonWriter w(false);  // sequences and mappings: their JSON, as text
    w.value(v);
    return csv_cell(w.str(), sep);
}

}  // namespace

std::optional<std::string> render_summary_csv(const SummaryDocument& d, const SummaryOptions& o,
                                              std::vector<std::string>& names) {
    const Table* table = nullptr;
    for (const auto& s : d.sections)
        for (const auto& t : s.tables) {
            names.push_back(t.name);
            if (!table && (!o.table || *o.table == t.name)) table = &t;
        }
    if (!table) return std::nullopt;
    const bool excel = o.csv == CsvDialect::excel_nl;
    const char sep = excel ? ';' : ',';
    const std::string eol = "\r\n";  // RFC 4180 section 2.1, and what Excel writes
    std::vector<std::size_t> cols;
    for (std::size_t i = 0; i < table->columns.size(); ++i)
        if (table->columns[i].machine) cols.push_back(i);
    // x_ keys of the rows' records, in order of first appearance
    std::vector<std::string> extra_keys;
    for (const Extras* e : table->extras)
        if (e)
            for (const auto& [k, v] : *e)
                if (std::find(extra_keys.begin(), extra_keys.end(), k) == extra_keys.end()) extra_keys.push_back(k);

    std::string out = excel ? "\xEF\xBB\xBF" : "";
    std::string line;
    for (auto i : cols) line += (line.empty() ? "" : std::string(1, sep)) + csv_cell(table->columns[i].key, sep);
    for (const auto& k : extra_keys) line += std::string(1, sep) + csv_cell(k, sep);
    out += line + eol;
    // a totals row is for people: a script sums the rows itself
    const std::size_t rows = table->total_row && !table->rows.empty() ? table->rows.size() - 1 : table->rows.size();
    for (std::size_t r = 0; r < rows; ++r) {
        const auto& row = table->rows[r];
        line.clear();
        bool first = true;
        for (auto i : cols) {
            if (!first) line += sep;
            first = false;
            const Cell& c = row[i];
            switch (c.kind) {
                case Cell::Kind::empty: break;
                case Cell::Kind::text:
                case Cell::Kind::date:
                case Cell::Kind::duration: line += csv_cell(c.text, sep); break;
                case Cell::Kind::integer: line += std::to_string(c.integer); break;
                case Cell::Kind::number:
                case Cell::Kind::percent: line += number_text(c.number, excel); break;
                case Cell::Kind::money: line += to_plain(c.money(), excel); break;
            }
        }
        const Extras* e = table->extras.size() > r ? table->extras[r] : nullptr;
        for (const auto& k : extra_keys) {
            line += sep;
            if (!e) continue;
            for (const auto& [ek, ev] : *e)
                if (ek == k) {
                    line += extra_cell(ev, sep, excel);
                    break;
                }
        }
        out += line + eol;
    }
    return out;
}

}  // namespace wijk
