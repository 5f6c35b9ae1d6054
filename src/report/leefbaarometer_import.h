// `wijk import leefbaarometer`: reading a Leefbaarometer 3.0 open-data CSV (one row per area
// per year) and matching its rows to neighbourhoods by their CBS codes. Pure: text in, records
// out; the command does the file I/O.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "model/records.h"

namespace wijk {

// One row of the CSV, numbers kept as written (a decimal comma turned into a point).
struct LbmRow {
    int line = 0;               // physical line where the row starts (the header is line 1)
    std::string code;           // bu_code, else wk_code, else gm_code of the row
    int year = 0;               // jaar
    std::optional<int> klass;   // kscore (or klasse), only when the file has such a column
    std::optional<std::string> score, deviation;                   // lbm, afw
    std::array<std::optional<std::string>, dimension_count> dimensions;  // won, fys, vrz, soc, onv
};

struct LbmTable {
    char separator = ',';
    std::string code_column;   // the most specific code column present
    bool has_class = false;
    std::vector<LbmRow> rows;
};

struct LbmError {
    int line = 0;  // 0: not about one line
    std::string message;
};

// Parses the CSV: RFC 4180 quoting, ',' or ';' (from the header), a UTF-8 BOM, CRLF, decimal
// points or commas. The first malformed row is an error with its line number.
std::variant<LbmTable, LbmError> parse_leefbaarometer_csv(std::string_view text);

// A record to write: the row and the neighbourhood it belongs to.
struct LbmMatch {
    const LbmRow* row = nullptr;
    std::string neighbourhood;
    bool write_code = false;  // the neighbourhood has several codes
};

struct LbmMatching {
    std::vector<LbmMatch> matches;           // by neighbourhood (in repository order), year, code
    std::map<std::string, int> unmatched;    // code -> rows, codes no neighbourhood has
};

// Matches rows to neighbourhoods by `codes` (case-insensitive). Two rows for one code and year
// are an error (they would be duplicate records).
std::variant<LbmMatching, LbmError> match_leefbaarometer(const LbmTable& table,
                                                         const std::deque<Neighbourhood>& neighbourhoods);

// The liveability data file: a header comment, then `liveability:` with one record per match.
std::string liveability_yaml(const LbmMatching& matching, const std::string& source,
                             const std::string& file_name);

// The first line of every file written by the import, to recognise one before replacing it.
inline constexpr std::string_view lbm_import_marker = "# Imported by `wijk import leefbaarometer`";

}  // namespace wijk
