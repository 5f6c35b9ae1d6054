// Writing an xlsx workbook (libxlsxwriter, Debian's libxlsxwriter-dev): typed cells (dates as
// dates, money in a euro format, percentages, integers), a bold frozen header row with a filter
// per table sheet, column widths that fit, and never a formula: text is always written as text,
// so "=cmd|..." stays what it says. The library's heavy header stays in xlsx.cpp.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/calendar.h"
#include "model/lang.h"
#include "model/money.h"

namespace wijk {

class XlsxWorkbook {
public:
    // Writes to `path` when closed; `created` is the document's creation date (the as-of date,
    // so that the same data gives the same workbook).
    XlsxWorkbook(const std::string& path, Lang lang, const std::string& title, const Date& created);
    ~XlsxWorkbook();
    XlsxWorkbook(const XlsxWorkbook&) = delete;
    XlsxWorkbook& operator=(const XlsxWorkbook&) = delete;

    // A new sheet; its name is made valid (at most 31 characters, none of []:*?/\, unique).
    void sheet(std::string_view name);
    // The header row of the sheet's table, before its `rows` data rows: bold, frozen, with a
    // filter over it and them.
    void header(const std::vector<std::string>& names, std::size_t rows);
    // The next row; cells are written left to right.
    void row();
    void blank();
    void text(std::string_view s);
    void bold(std::string_view s);
    void integer(long long n);
    void number(double d);
    void money(Money m);
    void percent(double percent);  // 0..100, shown as a percentage
    void date(const Date& d);
    // From here on rows are totals: bold, after the data and outside the filter.
    void totals();
    // A line of text under the table, after an empty row.
    void note(std::string_view s);
    // Finishes the workbook; an error text, empty when it was written.
    std::string close();

private:
    struct State;
    std::unique_ptr<State> s_;
    void finish_sheet();
    void fit(std::size_t width);
};

}  // namespace wijk
