// `wijk import leefbaarometer`: reading a Leefbaarometer 3.0 open-data CSV (one row per area
// per year) and matching its rows to neighbourhoods by their CBS codes. The CSV is read as a
// stream, one record in memory at a time (a national file is 200 MB); what is kept is what
// will be written (the matched rows) and at most 20 codes that matched nothing.
#pragma once

#include <array>
#include <deque>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "model/i18n.h"
#include "model/records.h"

namespace wijk {

// One row of the CSV, numbers kept as written (a decimal comma turned into a point).
struct LbmRow {
    int line = 0;              // physical line where the row starts (the header is line 1)
    std::string code;          // bu_code, else wk_code, else gm_code of the row, upper case
    int year = 0;              // jaar
    std::optional<int> klass;  // kscore (or klasse), only when the file has such a column
    std::optional<std::string> score, deviation;                         // lbm, afw
    std::array<std::optional<std::string>, dimension_count> dimensions;  // won, fys, vrz, soc, onv
};

struct LbmError {
    int line = 0;              // 0: not about one line
    Text message;              // values from the file in it are terminal-safe (render/escape.h)
    bool read_failed = false;  // the file could not be read (I/O), not what it says
};

// Reads the CSV record by record: RFC 4180 quoting, ',' or ';' (from the header), a UTF-8 BOM,
// CRLF, decimal points or commas. A record longer than 1 MiB, NUL bytes (UTF-16, or not text),
// or a UTF-16 byte order mark end the reading with an error, so that no input makes it hold
// more than one bounded record.
class LbmCsvReader {
  public:
    explicit LbmCsvReader(std::istream& in);
    // Reads the header line; an error when it is not that of a Leefbaarometer file.
    std::optional<LbmError> read_header();
    // The next row: true with `row` filled; false at the end of the file or at the first
    // malformed row (then error()).
    bool next(LbmRow& row);
    const std::optional<LbmError>& error() const { return error_; }

    char separator() const { return separator_; }
    const std::string& code_column() const { return code_column_; }
    bool has_class() const { return klass_.has_value(); }

    static constexpr std::size_t max_record_bytes = 1 << 20;
    static constexpr std::size_t max_fields = 1000;

  private:
    enum class Got { record, end, error };
    Got read_record();
    bool refill();
    bool fail(int line, Text message);

    std::istream& in_;
    std::string buf_;  // bytes read and not yet parsed start at pos_
    std::size_t pos_ = 0;
    bool eof_ = false;
    int line_ = 1;                     // the line at pos_
    int record_line_ = 0;              // the line where the last record read starts
    std::vector<std::string> fields_;  // the last record's fields (kept, to reuse their memory)
    std::size_t field_count_ = 0;
    std::optional<LbmError> error_;

    char separator_ = ',';
    std::size_t header_fields_ = 0;
    std::string code_column_;
    std::string class_column_;
    std::vector<std::size_t> code_columns_;
    std::optional<std::size_t> jaar_, lbm_, afw_, klass_;
    std::array<std::optional<std::size_t>, dimension_count> dimensions_;
};

// A record to write: the row and the neighbourhood it belongs to.
struct LbmMatch {
    LbmRow row;
    std::string neighbourhood;
    bool write_code = false;  // the neighbourhood has several codes
};

struct LbmMatching {
    std::vector<LbmMatch> matches;  // by neighbourhood (in repository order), year, code
    struct Unmatched {
        std::string code;
        std::size_t rows = 0;
    };
    std::vector<Unmatched> first_unmatched;  // the first codes no neighbourhood has, in file order
    std::size_t unmatched_codes = 0;  // how many such codes (counted exactly up to the cap below)
    bool unmatched_capped = false;    // more than unmatched_codes
    std::size_t unmatched_rows = 0;   // rows with such a code

    static constexpr std::size_t listed = 20;
    static constexpr std::size_t counted = 200000;
};

// Reads the CSV from `in` to its end and matches its rows to neighbourhoods by `codes`
// (case-insensitive). The first malformed row is an error with its line; so are two rows for
// one code and year that match a neighbourhood (they would be duplicate records).
std::variant<LbmMatching, LbmError> import_leefbaarometer(
    std::istream& in, const std::deque<Neighbourhood>& neighbourhoods);

// The liveability data file: a header comment, then `liveability:` with one record per match.
std::string liveability_yaml(const LbmMatching& matching, const std::string& source,
                             const std::string& file_name);

// The first line of every file written by the import, to recognise one before replacing it.
inline constexpr std::string_view lbm_import_marker = "# Imported by `wijk import leefbaarometer`";

}  // namespace wijk
