#include "render/xlsx.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <set>

namespace wijk {

namespace {

constexpr std::size_t max_cell_chars = 32767;  // Excel's limit for the text of one cell
constexpr double min_width = 6, max_width = 60;

std::size_t utf8_chars(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

// The first `chars` characters of s (never half a UTF-8 sequence).
std::string_view utf8_prefix(std::string_view s, std::size_t chars) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size(); ++i)
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && n++ == chars) return s.substr(0, i);
    return s;
}

// Text a cell can hold: valid XML 1.0 (C0 controls other than tab and line breaks have no
// place in it; libxlsxwriter would write them as _xHHHH_ escapes that not every program reads
// back), and at most Excel's 32,767 characters.
std::string cell_text(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (unsigned char c : s) {
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') out += ' ';
        else if (c == 0x7F) out += ' ';
        else out += char(c);
    }
    if (utf8_chars(out) > max_cell_chars) out = std::string(utf8_prefix(out, max_cell_chars - 1)) + "…";
    return out;
}

std::string sheet_name(std::string_view wanted, std::set<std::string>& used) {
    std::string name;
    for (char c : wanted) name += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : ' ';
    for (auto& c : name)
        if (static_cast<unsigned char>(c) < 0x20) c = ' ';
    while (!name.empty() && (name.front() == '\'' || name.front() == ' ')) name.erase(name.begin());
    if (name.empty()) name = "Sheet";
    std::string base(utf8_prefix(name, 31));
    auto key = [](std::string s) {
        for (auto& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
        return s;
    };
    std::string candidate = base;
    for (int n = 2; used.count(key(candidate)); ++n) {
        std::string suffix = " (" + std::to_string(n) + ")";
        candidate = std::string(utf8_prefix(base, 31 - suffix.size())) + suffix;
    }
    while (!candidate.empty() && (candidate.back() == '\'' || candidate.back() == ' ')) candidate.pop_back();
    used.insert(key(candidate));
    return candidate;
}

}  // namespace

struct XlsxWorkbook::State {
    lxw_workbook* wb = nullptr;
    lxw_worksheet* ws = nullptr;
    std::string title, error;
    std::set<std::string> sheet_names;
    // formats by kind, plain and bold
    lxw_format *header = nullptr, *bold = nullptr, *money[2]{}, *date[2]{}, *integer[2]{}, *percent[2]{},
               *percent_decimals[2]{}, *number_bold = nullptr;
    long row = -1;
    lxw_col_t col = 0;
    bool has_header = false, in_totals = false, in_notes = false;
    std::vector<double> widths;
    void check(lxw_error e) {
        if (e != LXW_NO_ERROR && error.empty()) error = lxw_strerror(e);
    }
    lxw_format* pick(lxw_format* const (&f)[2]) const { return f[in_totals ? 1 : 0]; }
};

XlsxWorkbook::XlsxWorkbook(const std::string& path, Lang lang, const std::string& title, const Date& created)
    : s_(std::make_unique<State>()) {
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;  // rows go to disk as written: a portfolio at scale stays small
    s_->wb = workbook_new_opt(path.c_str(), &options);
    s_->title = cell_text(title);
    if (!s_->wb) {
        s_->error = "cannot create the workbook";
        return;
    }
    const bool nl = lang == Lang::nl;
    auto format = [&](const char* num, bool bold) {
        lxw_format* f = workbook_add_format(s_->wb);
        if (num) format_set_num_format(f, num);
        if (bold) format_set_bold(f);
        return f;
    };
    s_->header = format(nullptr, true);
    format_set_bottom(s_->header, LXW_BORDER_THIN);
    s_->bold = format(nullptr, true);
    s_->number_bold = s_->bold;
    // The euro before the amount with the language's separators (the file stores the code;
    // the program shows it with the reader's separators).
    const char* money_code = nl ? "[$\xE2\x82\xAC-413] #,##0.00;[$\xE2\x82\xAC-413] -#,##0.00"
                                : "[$\xE2\x82\xAC-1809]#,##0.00;-[$\xE2\x82\xAC-1809]#,##0.00";
    const char* date_code = nl ? "dd-mm-yyyy" : "yyyy-mm-dd";
    for (int b = 0; b < 2; ++b) {
        s_->money[b] = format(money_code, b);
        s_->date[b] = format(date_code, b);
        s_->integer[b] = format("0", b);
        s_->percent[b] = format("0%", b);
        s_->percent_decimals[b] = format("0.00%", b);
    }
    lxw_doc_properties props{};
    props.title = s_->title.data();
    props.created = std::chrono::system_clock::to_time_t(std::chrono::sys_days{created});
    s_->check(workbook_set_properties(s_->wb, &props));
}

XlsxWorkbook::~XlsxWorkbook() {
    if (s_ && s_->wb) {
        // not closed: nothing was asked for; the caller removes the file
        (void)close();
    }
}

void XlsxWorkbook::finish_sheet() {
    auto& s = *s_;
    if (!s.ws) return;
    for (std::size_t c = 0; c < s.widths.size(); ++c)
        s.check(worksheet_set_column(s.ws, lxw_col_t(c), lxw_col_t(c), std::clamp(s.widths[c] + 2, min_width, max_width), nullptr));
    s.ws = nullptr;
}

void XlsxWorkbook::sheet(std::string_view name) {
    auto& s = *s_;
    if (!s.wb) return;
    finish_sheet();
    std::string valid = sheet_name(name, s.sheet_names);
    s.ws = workbook_add_worksheet(s.wb, valid.c_str());
    if (!s.ws && s.error.empty()) s.error = "cannot add the sheet " + valid;
    s.row = -1;
    s.col = 0;
    s.has_header = s.in_totals = s.in_notes = false;
    s.widths.clear();
}

void XlsxWorkbook::fit(std::size_t width) {
    auto& s = *s_;
    if (s.in_notes) return;  // a note runs on past its cell
    if (s.widths.size() <= s.col) s.widths.resize(s.col + 1, 0);
    s.widths[s.col] = std::max(s.widths[s.col], double(width));
}

void XlsxWorkbook::header(const std::vector<std::string>& names, std::size_t rows) {
    auto& s = *s_;
    if (!s.ws) return;
    // Before any row is written: rows go to disk as they come (constant_memory), and the
    // library then refuses anything about rows above the last one.
    if (!names.empty()) {
        worksheet_freeze_panes(s.ws, 1, 0);
        s.check(worksheet_autofilter(s.ws, 0, 0, lxw_row_t(rows), lxw_col_t(names.size() - 1)));
    }
    row();
    for (const auto& n : names) {
        std::string t = cell_text(n);
        if (!t.empty()) s.check(worksheet_write_string(s.ws, lxw_row_t(s.row), s.col, t.c_str(), s.header));
        fit(utf8_chars(t) + 3);  // room for the filter's button
        ++s.col;
    }
    s.has_header = true;
}

void XlsxWorkbook::row() {
    auto& s = *s_;
    ++s.row;
    s.col = 0;
}

void XlsxWorkbook::blank() { ++s_->col; }

void XlsxWorkbook::text(std::string_view v) {
    auto& s = *s_;
    if (!s.ws) return;
    std::string t = cell_text(v);
    // worksheet_write_string: a string cell whatever it holds (never a formula)
    if (!t.empty()) s.check(worksheet_write_string(s.ws, lxw_row_t(s.row), s.col, t.c_str(), s.in_totals ? s.bold : nullptr));
    fit(utf8_chars(t));
    ++s.col;
}

void XlsxWorkbook::bold(std::string_view v) {
    auto& s = *s_;
    if (!s.ws) return;
    std::string t = cell_text(v);
    if (!t.empty()) s.check(worksheet_write_string(s.ws, lxw_row_t(s.row), s.col, t.c_str(), s.bold));
    fit(utf8_chars(t));
    ++s.col;
}

void XlsxWorkbook::integer(long long n) {
    auto& s = *s_;
    if (!s.ws) return;
    s.check(worksheet_write_number(s.ws, lxw_row_t(s.row), s.col, double(n), s.pick(s.integer)));
    fit(std::to_string(n).size());
    ++s.col;
}

void XlsxWorkbook::number(double d) {
    auto& s = *s_;
    if (!s.ws) return;
    s.check(worksheet_write_number(s.ws, lxw_row_t(s.row), s.col, d, s.in_totals ? s.number_bold : nullptr));
    fit(std::to_string(std::llround(d)).size() + 3);
    ++s.col;
}

void XlsxWorkbook::money(Money m) {
    auto& s = *s_;
    if (!s.ws) return;
    // cents / 100 is the nearest double to the amount; Excel shows it rounded to the cent
    s.check(worksheet_write_number(s.ws, lxw_row_t(s.row), s.col, double(m.cents) / 100.0, s.pick(s.money)));
    std::size_t digits = std::to_string(std::llabs(m.cents / 100)).size();
    fit(digits + (digits - 1) / 3 + 6);  // € , separators, ,00
    ++s.col;
}

void XlsxWorkbook::percent(double p) {
    auto& s = *s_;
    if (!s.ws) return;
    const bool whole = std::fabs(p - std::round(p)) < 1e-9;
    s.check(worksheet_write_number(s.ws, lxw_row_t(s.row), s.col, p / 100.0, whole ? s.pick(s.percent) : s.pick(s.percent_decimals)));
    fit(whole ? 5 : 8);
    ++s.col;
}

void XlsxWorkbook::date(const Date& d) {
    auto& s = *s_;
    if (!s.ws) return;
    lxw_datetime dt{int(d.year()), int(unsigned(d.month())), int(unsigned(d.day())), 0, 0, 0};
    s.check(worksheet_write_datetime(s.ws, lxw_row_t(s.row), s.col, &dt, s.pick(s.date)));
    fit(10);
    ++s.col;
}

void XlsxWorkbook::totals() {
    auto& s = *s_;
    s.in_totals = true;
}

void XlsxWorkbook::note(std::string_view v) {
    auto& s = *s_;
    if (!s.ws) return;
    if (!s.in_notes) ++s.row;  // an empty row between the table and what is said under it
    s.in_notes = true;
    s.in_totals = false;
    row();
    std::string t = cell_text(v);
    if (!t.empty()) s.check(worksheet_write_string(s.ws, lxw_row_t(s.row), 0, t.c_str(), nullptr));
}

std::string XlsxWorkbook::close() {
    auto& s = *s_;
    if (!s.wb) return s.error.empty() ? "cannot create the workbook" : s.error;
    if (s.sheet_names.empty()) sheet("-");  // a workbook needs a sheet
    finish_sheet();
    lxw_error e = workbook_close(s.wb);
    s.wb = nullptr;
    if (e != LXW_NO_ERROR && s.error.empty()) s.error = lxw_strerror(e);
    return s.error;
}

}  // namespace wijk
