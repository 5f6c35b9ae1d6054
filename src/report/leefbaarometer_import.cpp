#include "report/leefbaarometer_import.h"

#include <algorithm>
#include <cctype>

#include "model/enums.h"
#include "model/i18n.h"

namespace wijk {

namespace {

struct CsvRecord {
    int line = 0;
    std::vector<std::string> fields;
};

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string upper(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = char(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

std::string trim(std::string_view s) {
    std::size_t b = 0, e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
    return std::string(s.substr(b, e - b));
}

// The separator: ';' when the header (outside quotes) has more semicolons than commas.
char detect_separator(std::string_view text) {
    int commas = 0, semicolons = 0;
    bool quoted = false;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r')) break;
        else if (!quoted && c == ',') ++commas;
        else if (!quoted && c == ';') ++semicolons;
    }
    return semicolons > commas ? ';' : ',';
}

// RFC 4180 records; a quoted field may hold separators, "" and line breaks. Blank lines are skipped.
std::variant<std::vector<CsvRecord>, LbmError> split_records(std::string_view text, char sep) {
    std::vector<CsvRecord> out;
    int line = 1;
    std::size_t i = 0;
    while (i < text.size()) {
        CsvRecord rec;
        rec.line = line;
        std::string field;
        bool quoted_field = false, in_quotes = false, end = false;
        while (!end) {
            if (i >= text.size()) {
                if (in_quotes)
                    return LbmError{rec.line, std::string(tr("a quoted field is not closed (a \" is missing)",
                                                             "een veld tussen aanhalingstekens wordt niet gesloten (er mist een \")"))};
                end = true;
                break;
            }
            char c = text[i];
            if (in_quotes) {
                if (c == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"') {
                        field += '"';
                        i += 2;
                    } else {
                        in_quotes = false;
                        ++i;
                    }
                } else {
                    if (c == '\n') ++line;
                    field += c;
                    ++i;
                }
                continue;
            }
            if (c == '"' && trim(field).empty() && !quoted_field) {
                field.clear();
                quoted_field = in_quotes = true;
                ++i;
            } else if (c == sep) {
                rec.fields.push_back(quoted_field ? field : trim(field));
                field.clear();
                quoted_field = false;
                ++i;
            } else if (c == '\r' || c == '\n') {
                i += (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
                ++line;
                end = true;
            } else if (quoted_field) {
                if (c != ' ' && c != '\t')
                    return LbmError{line, msg("text after the closing quote of a field: '{}'",
                                              "tekst na het sluitende aanhalingsteken van een veld: '{}'",
                                              std::string(1, c))};
                ++i;
            } else if (c == '"') {
                return LbmError{line, std::string(tr("a quote inside an unquoted field", "een aanhalingsteken midden in een veld zonder aanhalingstekens"))};
            } else {
                field += c;
                ++i;
            }
        }
        rec.fields.push_back(quoted_field ? field : trim(field));
        bool blank = rec.fields.size() == 1 && rec.fields[0].empty();
        if (!blank) out.push_back(std::move(rec));
    }
    return out;
}

bool digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

// A number as the loader reads it, from a cell with a decimal point or comma: the text to
// write (comma turned into a point, ".5" given its 0), or nullopt.
std::optional<std::string> number_text(std::string_view cell) {
    std::string t(cell);
    auto comma = t.find(',');
    if (comma != std::string::npos) {
        if (t.find('.') != std::string::npos || t.find(',', comma + 1) != std::string::npos) return std::nullopt;
        t[comma] = '.';
    }
    std::size_t i = 0;
    std::string sign;
    if (i < t.size() && (t[i] == '-' || t[i] == '+')) sign = t[i] == '-' ? "-" : "", ++i;
    std::string body = t.substr(i);
    if (!body.empty() && body[0] == '.') body = "0" + body;
    auto dot = body.find('.');
    std::string whole = body.substr(0, dot);
    std::string rest = dot == std::string::npos ? "" : body.substr(dot + 1);
    std::string exponent;
    auto e = rest.find_first_of("eE");
    if (dot == std::string::npos) {
        e = whole.find_first_of("eE");
        if (e != std::string::npos) exponent = whole.substr(e + 1), whole = whole.substr(0, e);
    } else if (e != std::string::npos) {
        exponent = rest.substr(e + 1);
        rest = rest.substr(0, e);
    }
    if (!digits(whole) || (whole.size() > 1 && whole[0] == '0')) return std::nullopt;
    if (dot != std::string::npos && !digits(rest)) return std::nullopt;
    if (e != std::string::npos) {
        std::string_view ex = exponent;
        if (!ex.empty() && (ex[0] == '-' || ex[0] == '+')) ex.remove_prefix(1);
        if (!digits(ex)) return std::nullopt;
    }
    return sign + body;
}

}  // namespace

std::variant<LbmTable, LbmError> parse_leefbaarometer_csv(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    LbmTable table;
    table.separator = detect_separator(text);
    auto split = split_records(text, table.separator);
    if (auto* err = std::get_if<LbmError>(&split)) return *err;
    auto& records = std::get<std::vector<CsvRecord>>(split);
    if (records.empty())
        return LbmError{0, std::string(tr("the file is empty: expected a header line (bu_code, jaar, lbm, ...)",
                                          "het bestand is leeg: verwacht een kopregel (bu_code, jaar, lbm, ...)"))};
    const CsvRecord& header = records.front();
    auto column = [&](std::string_view name) -> std::optional<std::size_t> {
        for (std::size_t i = 0; i < header.fields.size(); ++i)
            if (lower(trim(header.fields[i])) == name) return i;
        return std::nullopt;
    };
    std::vector<std::size_t> code_columns;
    for (std::string_view name : {"bu_code", "wk_code", "gm_code"})
        if (auto c = column(name)) {
            code_columns.push_back(*c);
            if (table.code_column.empty()) table.code_column = name;
        }
    auto jaar = column("jaar");
    if (code_columns.empty() || !jaar)
        return LbmError{header.line, msg("the header has no {} column: is this a Leefbaarometer 3.0 file "
                                         "(bu_code or wk_code or gm_code, jaar, lbm, afw, fys, onv, soc, vrz, won)?",
                                         "de kopregel heeft geen kolom {}: is dit een Leefbaarometer 3.0-bestand "
                                         "(bu_code of wk_code of gm_code, jaar, lbm, afw, fys, onv, soc, vrz, won)?",
                                         code_columns.empty() ? "bu_code/wk_code/gm_code" : "jaar")};
    auto lbm = column("lbm"), afw = column("afw");
    std::optional<std::size_t> klass;
    for (std::string_view name : {"kscore", "klasse", "class"})
        if (!klass) klass = column(name);
    table.has_class = klass.has_value();
    if (!lbm && !klass)
        return LbmError{header.line, std::string(tr("the header has neither an lbm (score) nor a kscore (class) column",
                                                    "de kopregel heeft geen kolom lbm (score) en geen kolom kscore (klasse)"))};
    std::array<std::optional<std::size_t>, dimension_count> dims;
    for (std::size_t d = 0; d < dimension_count; ++d) dims[d] = column(dimension_codes[d]);

    for (std::size_t r = 1; r < records.size(); ++r) {
        const CsvRecord& rec = records[r];
        if (rec.fields.size() != header.fields.size())
            return LbmError{rec.line, msg("{} fields where the header has {} (separator '{}')",
                                          "{} velden waar de kopregel er {} heeft (scheidingsteken '{}')",
                                          rec.fields.size(), header.fields.size(), std::string(1, table.separator))};
        LbmRow row;
        row.line = rec.line;
        for (auto c : code_columns)
            if (row.code.empty()) row.code = upper(rec.fields[c]);
        if (row.code.empty())
            return LbmError{rec.line, msg("no area code in {}", "geen gebiedscode in {}", table.code_column)};
        const std::string& y = rec.fields[*jaar];
        if (!digits(y) || y.size() != 4 || std::stoi(y) < 1900 || std::stoi(y) > 2200)
            return LbmError{rec.line, msg("jaar: '{}' is not a year", "jaar: '{}' is geen jaartal", y)};
        row.year = std::stoi(y);
        auto num = [&](std::optional<std::size_t> col, std::string_view name,
                       std::optional<std::string>& out) -> std::optional<LbmError> {
            if (!col || rec.fields[*col].empty()) return std::nullopt;
            out = number_text(rec.fields[*col]);
            if (!out)
                return LbmError{rec.line, msg("{}: '{}' is not a number", "{}: '{}' is geen getal", name,
                                              rec.fields[*col])};
            return std::nullopt;
        };
        if (auto e = num(lbm, "lbm", row.score)) return *e;
        if (auto e = num(afw, "afw", row.deviation)) return *e;
        for (std::size_t d = 0; d < dimension_count; ++d)
            if (auto e = num(dims[d], dimension_codes[d], row.dimensions[d])) return *e;
        if (klass && !rec.fields[*klass].empty()) {
            const std::string& k = rec.fields[*klass];
            if (k.size() != 1 || k[0] < '1' || k[0] > '9')
                return LbmError{rec.line, msg("{}: '{}' is not a class from 1 to 9",
                                              "{}: '{}' is geen klasse van 1 tot en met 9",
                                              lower(trim(header.fields[*klass])), k)};
            row.klass = k[0] - '0';
        }
        if (!row.klass && !row.score)
            return LbmError{rec.line, std::string(tr("neither a score (lbm) nor a class (kscore)",
                                                     "geen score (lbm) en geen klasse (kscore)"))};
        table.rows.push_back(std::move(row));
    }
    return table;
}

std::variant<LbmMatching, LbmError> match_leefbaarometer(const LbmTable& table,
                                                         const std::deque<Neighbourhood>& neighbourhoods) {
    struct Owner {
        std::size_t neighbourhood, code_index;
        bool several;
    };
    std::map<std::string, Owner> owners;
    for (std::size_t n = 0; n < neighbourhoods.size(); ++n) {
        const auto& codes = neighbourhoods[n].codes;
        for (std::size_t c = 0; c < codes.size(); ++c)
            owners.emplace(upper(*codes[c]), Owner{n, c, codes.size() > 1});
    }
    LbmMatching out;
    std::map<std::pair<std::string, int>, int> seen;  // code, year -> line
    struct Keyed {
        std::size_t n, code_index;
        int year;
        LbmMatch match;
    };
    std::vector<Keyed> keyed;
    for (const auto& row : table.rows) {
        auto [it, fresh] = seen.emplace(std::pair{row.code, row.year}, row.line);
        if (!fresh)
            return LbmError{row.line, msg("a second row for {} in {} (the first is on line {})",
                                          "een tweede regel voor {} in {} (de eerste staat op regel {})",
                                          row.code, row.year, it->second)};
        auto o = owners.find(row.code);
        if (o == owners.end()) {
            ++out.unmatched[row.code];
            continue;
        }
        const auto& nb = neighbourhoods[o->second.neighbourhood];
        keyed.push_back({o->second.neighbourhood, o->second.code_index, row.year,
                         LbmMatch{&row, std::string(*nb.id), o->second.several}});
    }
    std::stable_sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
        return std::tie(a.n, a.year, a.code_index) < std::tie(b.n, b.year, b.code_index);
    });
    for (auto& k : keyed) out.matches.push_back(k.match);
    return out;
}

namespace {

// A YAML scalar that reads back as the same text: plain when safe, else double-quoted.
std::string yaml_text(std::string_view s) {
    bool plain = !s.empty() && (std::isalnum(static_cast<unsigned char>(s[0])) != 0);
    for (char c : s)
        plain = plain && (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' || c == '/');
    std::string l = lower(s);
    if (l == "true" || l == "false" || l == "null" || l == "yes" || l == "no" || l == "on" || l == "off")
        plain = false;
    if (plain && number_text(s)) plain = false;  // a number would still be text to wijk, but be clear
    if (plain) return std::string(s);
    std::string out = "\"";
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') out += '\\', out += char(c);
        else if (c == '\n') out += "\\n";
        else if (c == '\t') out += "\\t";
        else if (c < 0x20 || c == 0x7F) out += fmt::format("\\x{:02X}", c);
        else out += char(c);
    }
    return out + "\"";
}

// One line of a comment: no line breaks may escape it.
std::string comment_safe(std::string_view s) {
    std::string out;
    for (unsigned char c : s) out += (c < 0x20 || c == 0x7F) ? '?' : char(c);
    return out;
}

}  // namespace

std::string liveability_yaml(const LbmMatching& m, const std::string& source, const std::string& file_name) {
    std::string out;
    out += std::string(lbm_import_marker) + " from " + comment_safe(file_name) + ".\n";
    out += "# Leefbaarometer 3.0 open data: lbm -> score, afw -> deviation, won/fys/vrz/soc/onv ->\n";
    out += "# dimensions housing/physical/amenities/cohesion/safety, kscore -> class.\n";
    out += "# Generated: import again rather than editing; wijk never edits hand-written files.\n";
    std::size_t neighbourhoods = 0;
    {
        std::vector<std::string> ids;
        for (const auto& x : m.matches)
            if (std::find(ids.begin(), ids.end(), x.neighbourhood) == ids.end()) ids.push_back(x.neighbourhood);
        neighbourhoods = ids.size();
    }
    int unmatched_rows = 0;
    for (const auto& [code, n] : m.unmatched) unmatched_rows += n;
    out += fmt::format("# {} record(s) for {} neighbourhood(s); {} row(s) with {} code(s) matched no neighbourhood.\n\n",
                       m.matches.size(), neighbourhoods, unmatched_rows, m.unmatched.size());
    if (m.matches.empty()) return out + "liveability: []\n";
    out += "liveability:\n";
    std::string src = yaml_text(source);
    for (const auto& x : m.matches) {
        const LbmRow& r = *x.row;
        out += "  - neighbourhood: " + x.neighbourhood + "\n";
        out += fmt::format("    year: {}\n", r.year);
        out += "    source: " + src + "\n";
        if (x.write_code) out += "    code: " + yaml_text(r.code) + "\n";
        if (r.klass) out += fmt::format("    class: {}\n", *r.klass);
        if (r.score) out += "    score: " + *r.score + "\n";
        if (r.deviation) out += "    deviation: " + *r.deviation + "\n";
        std::string dims;
        for (std::size_t d = 0; d < dimension_count; ++d)
            if (r.dimensions[d])
                dims += (dims.empty() ? "" : ", ") + std::string(dimension_names[d]) + ": " + *r.dimensions[d];
        if (!dims.empty()) out += "    dimensions: {" + dims + "}\n";
    }
    return out;
}

}  // namespace wijk
