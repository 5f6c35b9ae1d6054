// Rendering wijk summary: JSON straight from the report data; text, Markdown, CSV, HTML and
// xlsx from one neutral document (sections of facts and tables, plus the chart data), so that
// every format shows the same things and each renderer only decides how.
#pragma once

#include "render/json.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/records.h"
#include "report/spending.h"
#include "report/summary.h"

namespace wijk {

struct SummaryOptions {
    bool contacts = false;  // show contacts and evaluation participants (personal data)
    Lang lang = Lang::en;
    CsvDialect csv = CsvDialect::rfc4180;
    std::optional<std::string> table;  // which table (csv: one; others: only that one)
    std::size_t width = 80;            // text: the terminal's columns
    // Build the tables only a workbook or CSV shows (the portfolio's provisions, commitments,
    // evaluations and liveability history): at scale they are most of the document.
    bool workbook_tables = false;
};

// One cell of a document table: 72 bytes (a portfolio at bench scale 1 has about 400,000).
struct Cell {
    enum class Kind : std::uint8_t { empty, text, integer, number, money, date, percent, duration };
    Kind kind = Kind::empty;
    // number: shown to people with this many decimals (a score: 2, so that 4, 3.9 and 3.94 line up
    // as 4.00, 3.90, 3.94); -1 as written. CSV, JSON and workbooks keep the value as it is.
    std::int8_t decimals = -1;
    union {  // by kind
        long long integer = 0;
        double number;       // number; percent: 0..100 as written
        std::int64_t cents;  // money
    };
    std::string text;  // text, the date as YYYY-MM-DD, the duration as written in the data ("3 months")
    // Text for people when it differs from the value (enum values): words of the vocabulary
    // (labels.cpp, tr()), which live as long as the program.
    std::optional<std::string_view> label;

    static Cell of(std::string s) {
        Cell c;
        c.kind = Kind::text;
        c.text = std::move(s);
        return c;
    }
    static Cell labelled(std::string s, std::string_view label) {
        Cell c = of(std::move(s));
        c.label = label;
        return c;
    }
    // A label made on the spot would be gone before it is shown: only the vocabulary's words.
    static Cell labelled(std::string s, std::string&& label) = delete;
    static Cell of_int(long long n) {
        Cell c;
        c.kind = Kind::integer;
        c.integer = n;
        return c;
    }
    static Cell of_number(double d) {
        Cell c;
        c.kind = Kind::number;
        c.number = d;
        return c;
    }
    static Cell of_score(double d) {
        Cell c = of_number(d);
        c.decimals = 2;
        return c;
    }
    static Cell of_percent(double d) {
        Cell c;
        c.kind = Kind::percent;
        c.number = d;
        return c;
    }
    static Cell of_money(Money m) {
        Cell c;
        c.kind = Kind::money;
        c.cents = m.cents;
        return c;
    }
    static Cell of_date(const std::optional<Date>& d);
    // CSV: "3 months"; people: in their language ("3 maanden")
    static Cell of_duration(const Duration& d) {
        Cell c;
        c.kind = Kind::duration;
        c.text = to_string(d);
        return c;
    }
    Money money() const { return Money{cents}; }
};

struct Column {
    // Shown in text, Markdown and HTML: always, only where the terminal leaves room for it
    // (Markdown and HTML always), or never (CSV and xlsx only).
    enum class Show : std::uint8_t { always, when_room, never };
    std::string key;     // stable English name: CSV header
    std::string header;  // for people, in the output language
    Show show = Show::always;
    bool machine = true; // written to CSV and xlsx
    bool ids = false;    // ids (one, or several between spaces): never cut or broken in text
    std::uint8_t keep = 0;  // when_room: the lowest goes first when the terminal is narrow
    bool human() const { return show != Show::never; }
};

struct Table {
    // Who shows it: every format; the page, the workbook and CSV (text and Markdown with
    // --table); only the workbook and CSV (also --table).
    enum class Audience : std::uint8_t { all, page, workbook };
    std::string name;   // for --table
    std::string title;  // for people
    std::string sheet;  // xlsx sheet name when the title is too long for one (31 characters)
    std::vector<Column> columns;
    std::vector<std::vector<Cell>> rows;
    std::vector<const Extras*> extras;  // per row (may be null): x_ keys, carried into CSV
    std::string empty;                  // shown for people when there are no rows
    Audience audience = Audience::all;
    std::vector<std::string> notes;     // said under the table (how it was computed)
    bool total_row = false;             // the last row sums the others (not in CSV)
};

struct Fact {
    std::string label;
    Cell value;
};

struct Section {
    std::string title;
    std::vector<Fact> facts;
    std::vector<std::string> lines;  // paragraphs or list items (goals, notes)
    std::vector<Table> tables;
};

struct ChartSeries {
    std::string id, label;
    std::vector<LiveabilityYear> points;
};

struct TimelineBar {
    std::string id, label;
    std::optional<Date> start;
    std::optional<Date> end;  // current term end; nullopt: runs on
    std::optional<Date> notice;
    Status status = Status::active;
};

struct SummaryDocument {
    Lang lang = Lang::en;
    std::string title;
    std::string subtitle;
    Date as_of;
    std::vector<Section> sections;
    std::vector<ChartSeries> liveability;
    std::vector<TimelineBar> timeline;
};

// With p.spending, the spending table (html, xlsx, csv, or --table spending).
SummaryDocument portfolio_document(const Repository& repo, const Portfolio& p, const SummaryOptions& o);
// Only the tables --table names (all when it names none): what text, Markdown, HTML and xlsx
// show with --table. False when it names a table the document lacks (names: the ones it has).
bool keep_only_table(SummaryDocument& d, const std::string& table, std::vector<std::string>& names);
SummaryDocument neighbourhood_document(const Repository& repo, const NeighbourhoodDetail& d, const SummaryOptions& o);
SummaryDocument partner_document(const Repository& repo, const PartnerDetail& d, const SummaryOptions& o);
SummaryDocument agreement_document(const Repository& repo, const AgreementDetail& d, const SummaryOptions& o);
SummaryDocument strategy_document(const Repository& repo, const StrategyDetail& d, const SummaryOptions& o);

// A cell for people: money as "€1,234.50" / "€ 1.234,50", numbers with a decimal comma in Dutch.
std::string human_cell(const Cell& c, Lang lang);
// The spending table and the rule under it (commands.md --table spending).
Table spending_table(const Spending& s, Lang lang);
// The class per year as a sequence, the last `last` years: "4→3→3" ("·" for a year with only a score).
std::string class_trend(const std::vector<LiveabilityYear>& history, std::size_t last);
// Display width in terminal columns (code points; combining marks count zero).
std::size_t display_width(std::string_view s);

// Text at o.width columns: ids whole, other text wrapped inside its column; a table too wide
// for the width even so is shown as one block per row.
std::string render_summary_text(const SummaryDocument& d, const SummaryOptions& o);
std::string render_summary_markdown(const SummaryDocument& d, const SummaryOptions& o);
std::string render_summary_html(const SummaryDocument& d, const SummaryOptions& o);
// The same, handed to `flush` piece by piece (at scale the page is tens of megabytes).
void stream_summary_html(const SummaryDocument& d, const SummaryOptions& o,
                         const std::function<void(std::string_view)>& flush);
// One table; nullopt when `o.table` names none of the document's tables (names in `names`).
std::optional<std::string> render_summary_csv(const SummaryDocument& d, const SummaryOptions& o,
                                              std::vector<std::string>& names);

// The workbook (commands.md -f xlsx): one sheet per table, written to `path` (a private
// temporary file of the caller's). Returns an error text, empty when it worked.
std::string write_summary_xlsx(const SummaryDocument& d, const SummaryOptions& o, const std::string& path);

std::string render_portfolio_json(const Repository& repo, const Portfolio& p, const SummaryOptions& o);
// The same, handed to `flush` piece by piece: at scale the portfolio is tens of megabytes.
void stream_portfolio_json(const Repository& repo, const Portfolio& p, const SummaryOptions& o,
                           const JsonWriter::Flush& flush);
// The spending table alone (--table spending -f json).
std::string render_spending_json(const Repository& repo, const Spending& s, const Date& as_of);
std::string render_neighbourhood_json(const Repository& repo, const NeighbourhoodDetail& d, const SummaryOptions& o);
std::string render_partner_json(const Repository& repo, const PartnerDetail& d, const SummaryOptions& o);
std::string render_agreement_json(const Repository& repo, const AgreementDetail& d, const SummaryOptions& o);
std::string render_strategy_json(const Repository& repo, const StrategyDetail& d, const SummaryOptions& o);

}  // namespace wijk
