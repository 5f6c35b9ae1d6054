#include "import/leefbaarometer.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "model/value.h"
#include "model/enums.h"
#include "model/i18n.h"
#include "render/escape.h"

namespace wijk {

namespace {

constexpr std::size_t read_chunk = 64 * 1024;

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

void to_upper(std::string& s) {
    for (auto& c : s) c = char(std::toupper(static_cast<unsigned char>(c)));
}

std::string_view trim(std::string_view s) {
    std::size_t b = 0, e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
    return s.substr(b, e - b);
}

// A value from the file, for a message: terminal-safe, and at most 60 bytes of it.
std::string shown(std::string_view s) {
    if (s.size() <= 60) return terminal_safe(s);
    std::size_t keep = 60;
    while (keep > 0 && (static_cast<unsigned char>(s[keep]) & 0xC0) == 0x80) --keep;
    return terminal_safe(s.substr(0, keep)) + "…";
}

bool digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

// A number from a cell, with a decimal point or comma, as the loader reads numbers
// (model/value.h): into `text` what to write (the comma turned into a point, ".5" given its 0,
// no '+'), or the reason it cannot be one. No allocation for the cells of a national file.
enum class NumberProblem { none, not_a_number, too_large, too_small };

NumberProblem number_text(std::string_view cell, std::string& text) {
    text.clear();
    auto comma = cell.find(',');
    if (comma != std::string_view::npos && (cell.find('.') != std::string_view::npos ||
                                            cell.find(',', comma + 1) != std::string_view::npos))
        return NumberProblem::not_a_number;
    std::size_t i = 0;
    if (i < cell.size() && (cell[i] == '-' || cell[i] == '+')) {
        if (cell[i] == '-') text += '-';
        ++i;
    }
    if (i < cell.size() && (cell[i] == '.' || cell[i] == ',')) text += '0';
    text.append(cell.substr(i));
    if (comma != std::string_view::npos) text[text.find(',')] = '.';
    if (!looks_like_number(text)) return NumberProblem::not_a_number;
    // without an exponent, fewer than 300 digits are always a finite number within 1e300
    if (text.size() < 300 && text.find_first_of("eE") == std::string::npos)
        return NumberProblem::none;
    errno = 0;
    double d = std::strtod(text.c_str(), nullptr);
    if (!std::isfinite(d) || std::fabs(d) > 1e300) return NumberProblem::too_large;
    if (errno == ERANGE)
        return std::fabs(d) < 1 ? NumberProblem::too_small : NumberProblem::too_large;
    return NumberProblem::none;
}

}  // namespace

LbmCsvReader::LbmCsvReader(std::istream& in) : in_(in) {}

bool LbmCsvReader::fail(int line, Text message) {
    if (!error_) error_ = LbmError{line, std::move(message)};
    return false;
}

bool LbmCsvReader::refill() {
    if (eof_ || error_) return false;
    if (pos_ > 0) {
        buf_.erase(0, pos_);
        pos_ = 0;
    }
    std::size_t old = buf_.size();
    buf_.resize(old + read_chunk);
    in_.read(buf_.data() + old, std::streamsize(read_chunk));
    auto got = std::size_t(in_.gcount());
    buf_.resize(old + got);
    if (in_.bad()) {
        error_ = LbmError{0, Text("reading failed", "lezen mislukt"), true};
        return false;
    }
    if (got < read_chunk) eof_ = true;
    return got > 0;
}

LbmCsvReader::Got LbmCsvReader::read_record() {
    const char sep = separator_;
    for (;;) {
        if (error_) return Got::error;
        if (pos_ >= buf_.size() && !refill()) return error_ ? Got::error : Got::end;
        const std::size_t n = buf_.size();
        const char* b = buf_.data();  // plain bytes in the loops below (this is the hot path)
        std::size_t i = pos_;
        int lines = 0;  // line breaks inside quoted fields
        field_count_ = 0;
        bool more = false;  // the buffer ends inside the record
        auto error = [&](int line, Text message) {
            fail(line, std::move(message));
            return Got::error;
        };
        auto nul = [&] {
            return error(
                line_ + lines,
                Text(
                    "NUL bytes: this looks like UTF-16 text or not like text at all; save the file "
                    "as "
                    "CSV UTF-8 (in Excel: Save as, \"CSV UTF-8 (comma delimited)\")",
                    "NUL-bytes: dit lijkt UTF-16-tekst of helemaal geen tekst; sla het bestand op "
                    "als "
                    "CSV UTF-8 (in Excel: Opslaan als, \"CSV UTF-8 (door komma's gescheiden)\")"));
        };
        // One field per turn; the record ends at a line end outside quotes or at the end.
        bool done = false;
        while (!done && !more) {
            if (field_count_ == max_fields)
                return error(
                    line_,
                    say("more than {} fields in one record: is this a Leefbaarometer CSV file?",
                        "meer dan {} velden in een record: is dit een Leefbaarometer-CSV-bestand?",
                        max_fields));
            if (field_count_ == fields_.size()) fields_.emplace_back();
            std::string& f = fields_[field_count_++];
            f.clear();
            std::size_t s = i;
            while (s < n && (b[s] == ' ' || b[s] == '\t')) ++s;
            if (s < n && b[s] == '"') {
                i = s + 1;
                for (;;) {
                    if (i >= n) {
                        if (!eof_) {
                            more = true;
                            break;
                        }
                        return error(
                            line_, Text("a quoted field is not closed (a \" is missing)",
                                                  "een veld tussen aanhalingstekens wordt niet "
                                                  "gesloten (er mist een \")"));
                    }
                    char c = b[i];
                    if (c == '"') {
                        if (i + 1 >= n && !eof_) {
                            more = true;
                            break;
                        }
                        if (i + 1 < n && b[i + 1] == '"') {
                            f += '"';
                            i += 2;
                            continue;
                        }
                        ++i;
                        break;
                    }
                    std::size_t run = i;  // up to the next quote, NUL or line break
                    while (run < n && b[run] != '"' && b[run] != '\0' && b[run] != '\n') ++run;
                    if (run > i) {
                        f.append(b + i, run - i);
                        i = run;
                        continue;
                    }
                    if (c == '\0') return nul();
                    ++lines;  // '\n'
                    f += c;
                    ++i;
                }
                if (more) break;
                while (i < n && (b[i] == ' ' || b[i] == '\t')) ++i;
                if (i < n && b[i] != sep && b[i] != '\n' && b[i] != '\r')
                    return error(line_ + lines,
                                 say("text after the closing quote of a field: '{}'",
                                     "tekst na het sluitende aanhalingsteken van een veld: '{}'",
                                     shown(std::string_view(&b[i], 1))));
            } else {
                std::size_t e = i;
                for (char c; e < n && (c = b[e]) != sep && c != '\n' && c != '\r'; ++e) {
                    if (c == '"')
                        return error(
                            line_ + lines,
                            Text(
                                "a quote inside an unquoted field",
                                "een aanhalingsteken midden in een veld zonder aanhalingstekens"));
                    if (c == '\0') return nul();
                }
                if (e >= n && !eof_) {
                    more = true;
                    break;
                }
                f.assign(trim(std::string_view(b + i, e - i)));
                i = e;
            }
            // after the field: a separator, a line end, or the end of the file
            if (i >= n) {
                if (!eof_)
                    more = true;
                else
                    done = true;
            } else if (b[i] == sep) {
                ++i;
            } else if (b[i] == '\r') {
                if (i + 1 >= n && !eof_)
                    more = true;
                else
                    i += (i + 1 < n && b[i + 1] == '\n') ? 2 : 1, ++lines, done = true;
            } else {  // '\n'
                ++i, ++lines, done = true;
            }
        }
        if (more) {
            if (n - pos_ >= max_record_bytes)
                return error(line_, say("a line longer than {} MiB: is this a Leefbaarometer CSV "
                                        "file (with line ends)?",
                                        "een regel langer dan {} MiB: is dit een "
                                        "Leefbaarometer-CSV-bestand (met regeleinden)?",
                                        max_record_bytes >> 20));
            if (!refill() && error_) return Got::error;
            continue;  // parse the record again, now whole
        }
        record_line_ = line_;
        line_ += lines;
        pos_ = i;
        bool blank = field_count_ == 1 && fields_[0].empty();
        if (!blank) return Got::record;
    }
}

std::optional<LbmError> LbmCsvReader::read_header() {
    while (buf_.size() < 3 && refill()) {
    }
    if (error_) return error_;
    std::string_view start(buf_);
    if (start.substr(0, 2) == "\xFF\xFE" || start.substr(0, 2) == "\xFE\xFF") {
        error_ = LbmError{
            0, say("the file is UTF-16 text (byte order mark {}); wijk reads UTF-8: save it as "
                   "CSV UTF-8 (in Excel: Save as, \"CSV UTF-8 (comma delimited)\")",
                   "het bestand is UTF-16-tekst (byte order mark {}); wijk leest UTF-8: sla het op "
                   "als CSV UTF-8 (in Excel: Opslaan als, \"CSV UTF-8 (door komma's gescheiden)\")",
                   start[0] == '\xFF' ? "FF FE" : "FE FF")};
        return error_;
    }
    if (start.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
    // The separator: ';' when the header (outside quotes) has more semicolons than commas.
    for (;;) {
        int commas = 0, semicolons = 0;
        bool quoted = false, ended = false;
        for (std::size_t i = pos_; i < buf_.size() && !ended; ++i) {
            char c = buf_[i];
            if (c == '"')
                quoted = !quoted;
            else if (c == '\0')
                ended = true;  // read_record says what is wrong
            else if (!quoted && (c == '\n' || c == '\r'))
                ended = true;
            else if (!quoted && c == ',')
                ++commas;
            else if (!quoted && c == ';')
                ++semicolons;
        }
        if (ended || eof_ || buf_.size() - pos_ >= max_record_bytes) {
            separator_ = semicolons > commas ? ';' : ',';
            break;
        }
        if (!refill() && error_) return error_;
    }
    Got got = read_record();
    if (got == Got::error) return error_;
    if (got == Got::end)
        return error_ = LbmError{
                   0, Text(
                          "the file is empty: expected a header line (bu_code, jaar, lbm, ...)",
                          "het bestand is leeg: verwacht een kopregel (bu_code, jaar, lbm, ...)")};
    header_fields_ = field_count_;
    auto column = [&](std::string_view name) -> std::optional<std::size_t> {
        for (std::size_t i = 0; i < header_fields_; ++i)
            if (lower(trim(fields_[i])) == name) return i;
        return std::nullopt;
    };
    for (std::string_view name : {"bu_code", "wk_code", "gm_code"})
        if (auto c = column(name)) {
            code_columns_.push_back(*c);
            if (code_column_.empty()) code_column_ = name;
        }
    jaar_ = column("jaar");
    if (code_columns_.empty() || !jaar_)
        return error_ = LbmError{
                   record_line_,
                   say("the header has no {} column: is this a Leefbaarometer 3.0 file "
                       "(bu_code or wk_code or gm_code, jaar, lbm, afw, fys, onv, soc, vrz, won)?",
                       "de kopregel heeft geen kolom {}: is dit een Leefbaarometer 3.0-bestand "
                       "(bu_code of wk_code of gm_code, jaar, lbm, afw, fys, onv, soc, vrz, won)?",
                       code_columns_.empty() ? "bu_code/wk_code/gm_code" : "jaar")};
    lbm_ = column("lbm");
    afw_ = column("afw");
    for (std::string_view name : {"kscore", "klasse", "class"})
        if (!klass_)
            if ((klass_ = column(name))) class_column_ = name;
    if (!lbm_ && !klass_)
        return error_ = LbmError{
                   record_line_,
                   Text(
                       "the header has neither an lbm (score) nor a kscore (class) column",
                       "de kopregel heeft geen kolom lbm (score) en geen kolom kscore (klasse)")};
    for (std::size_t d = 0; d < dimension_count; ++d) dimensions_[d] = column(dimension_codes[d]);
    return std::nullopt;
}

bool LbmCsvReader::next(LbmRow& row) {
    if (header_fields_ == 0) return false;
    Got got = read_record();
    if (got != Got::record) return false;
    const int line = record_line_;
    if (field_count_ != header_fields_)
        return fail(line, say("{} fields where the header has {} (separator '{}')",
                              "{} velden waar de kopregel er {} heeft (scheidingsteken '{}')",
                              field_count_, header_fields_, std::string(1, separator_)));
    row.line = line;
    row.code.clear();
    for (auto c : code_columns_)
        if (row.code.empty()) row.code = fields_[c];
    to_upper(row.code);
    if (row.code.empty())
        return fail(line, say("no area code in {}", "geen gebiedscode in {}", code_column_));
    const std::string& y = fields_[*jaar_];
    if (!digits(y) || y.size() != 4 || std::stoi(y) < 1900 || std::stoi(y) > 2200)
        return fail(line, say("jaar: '{}' is not a year from 1900 to 2200",
                              "jaar: '{}' is geen jaartal van 1900 tot en met 2200", shown(y)));
    row.year = std::stoi(y);
    auto number = [&](std::optional<std::size_t> col, std::string_view name,
                      std::optional<std::string>& out) {
        if (!col || fields_[*col].empty()) {
            out.reset();
            return true;
        }
        if (!out) out.emplace();
        NumberProblem problem = number_text(fields_[*col], *out);
        if (problem == NumberProblem::none) return true;
        out.reset();
        const std::string value = shown(fields_[*col]);
        switch (problem) {
            case NumberProblem::not_a_number:
                return fail(line,
                            say("{}: '{}' is not a number", "{}: '{}' is geen getal", name, value));
            case NumberProblem::too_large:
                return fail(
                    line,
                    say("{}: '{}' is too large a number (the data format takes at most 1e300)",
                        "{}: '{}' is een te groot getal (het gegevensformaat neemt hoogstens "
                        "1e300)",
                        name, value));
            default:
                return fail(line,
                            say("{}: '{}' is too close to 0 to be kept as a number: write 0",
                                "{}: '{}' ligt te dicht bij 0 om als getal te bewaren: schrijf 0",
                                name, value));
        }
    };
    if (!number(lbm_, "lbm", row.score) || !number(afw_, "afw", row.deviation)) return false;
    for (std::size_t d = 0; d < dimension_count; ++d)
        if (!number(dimensions_[d], dimension_codes[d], row.dimensions[d])) return false;
    row.klass.reset();
    if (klass_ && !fields_[*klass_].empty()) {
        const std::string& k = fields_[*klass_];
        if (k.size() != 1 || k[0] < '1' || k[0] > '9')
            return fail(line,
                        say("{}: '{}' is not a class from 1 to 9",
                            "{}: '{}' is geen klasse van 1 tot en met 9", class_column_, shown(k)));
        row.klass = k[0] - '0';
    }
    if (!row.klass && !row.score)
        return fail(line, Text("neither a score (lbm) nor a class (kscore)",
                                         "geen score (lbm) en geen klasse (kscore)"));
    return true;
}

std::variant<LbmMatching, LbmError> import_leefbaarometer(
    std::istream& in, const std::deque<Neighbourhood>& neighbourhoods) {
    LbmCsvReader csv(in);
    if (auto e = csv.read_header()) return *e;
    struct Owner {
        std::size_t neighbourhood, code_index;
        bool several;
    };
    std::unordered_map<std::string, Owner> owners;
    for (std::size_t n = 0; n < neighbourhoods.size(); ++n) {
        const auto& codes = neighbourhoods[n].codes;
        for (std::size_t c = 0; c < codes.size(); ++c) {
            std::string code(*codes[c]);
            to_upper(code);
            owners.emplace(std::move(code), Owner{n, c, codes.size() > 1});
        }
    }
    LbmMatching out;
    std::map<std::pair<std::string, int>, int> seen;      // code, year -> line, of matched rows
    std::unordered_map<std::string, std::size_t> listed;  // code -> index in first_unmatched
    std::unordered_set<std::string> counted;              // the other unmatched codes
    struct Key {
        std::size_t n, code_index;
        int year;
        std::size_t index;
    };
    std::vector<Key> keys;
    LbmRow row;
    while (csv.next(row)) {
        auto o = owners.find(row.code);
        if (o == owners.end()) {
            ++out.unmatched_rows;
            if (auto l = listed.find(row.code); l != listed.end()) {
                ++out.first_unmatched[l->second].rows;
            } else if (out.first_unmatched.size() < LbmMatching::listed) {
                listed.emplace(row.code, out.first_unmatched.size());
                out.first_unmatched.push_back({row.code, 1});
                ++out.unmatched_codes;
            } else if (!counted.count(row.code)) {
                if (counted.size() < LbmMatching::counted) {
                    counted.insert(row.code);
                    ++out.unmatched_codes;
                } else {
                    out.unmatched_capped = true;
                }
            }
            continue;
        }
        auto [it, fresh] = seen.emplace(std::pair{row.code, row.year}, row.line);
        if (!fresh)
            return LbmError{row.line,
                            say("a second row for {} in {} (the first is on line {})",
                                "een tweede regel voor {} in {} (de eerste staat op regel {})",
                                shown(row.code), row.year, it->second)};
        const Owner& owner = o->second;
        keys.push_back({owner.neighbourhood, owner.code_index, row.year, out.matches.size()});
        out.matches.push_back(
            LbmMatch{row, std::string(*neighbourhoods[owner.neighbourhood].id), owner.several});
    }
    if (csv.error()) return *csv.error();
    std::stable_sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
        return std::tie(a.n, a.year, a.code_index) < std::tie(b.n, b.year, b.code_index);
    });
    std::vector<LbmMatch> sorted;
    sorted.reserve(keys.size());
    for (const auto& k : keys) sorted.push_back(std::move(out.matches[k.index]));
    out.matches = std::move(sorted);
    return out;
}

namespace {

// A YAML scalar that reads back as the same text: plain when safe, else double-quoted.
std::string yaml_text(std::string_view s) {
    bool plain = !s.empty() && (std::isalnum(static_cast<unsigned char>(s[0])) != 0);
    for (char c : s)
        plain = plain && (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ||
                          c == '.' || c == '/');
    std::string l = lower(s);
    if (l == "true" || l == "false" || l == "null" || l == "yes" || l == "no" || l == "on" ||
        l == "off")
        plain = false;
    if (plain && looks_like_number(s))
        plain = false;  // a number would still be text to wijk, but be clear
    if (plain) return std::string(s);
    std::string out = "\"";
    for (unsigned char c : s) {
        if (c == '"' || c == '\\')
            out += '\\', out += char(c);
        else if (c == '\n')
            out += "\\n";
        else if (c == '\t')
            out += "\\t";
        else if (c < 0x20 || c == 0x7F)
            out += fmt::format("\\x{:02X}", c);
        else
            out += char(c);
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

std::string liveability_yaml(const LbmMatching& m, const std::string& source,
                             const std::string& file_name) {
    std::string out;
    out += std::string(lbm_import_marker) + " from " + comment_safe(file_name) + ".\n";
    out +=
        "# Leefbaarometer 3.0 open data: lbm -> score, afw -> deviation, won/fys/vrz/soc/onv ->\n";
    out += "# dimensions housing/physical/amenities/cohesion/safety, kscore -> class.\n";
    out += "# Generated: import again rather than editing; wijk never edits hand-written files.\n";
    std::size_t neighbourhoods = 0;  // matches are grouped by neighbourhood
    for (std::size_t i = 0; i < m.matches.size(); ++i)
        if (i == 0 || m.matches[i].neighbourhood != m.matches[i - 1].neighbourhood)
            ++neighbourhoods;
    out += fmt::format(
        "# {} record(s) for {} neighbourhood(s); {} row(s) with {}{} code(s) matched no "
        "neighbourhood.\n\n",
        m.matches.size(), neighbourhoods, m.unmatched_rows, m.unmatched_capped ? "more than " : "",
        m.unmatched_codes);
    if (m.matches.empty()) return out + "liveability: []\n";
    out += "liveability:\n";
    std::string src = yaml_text(source);
    for (const auto& x : m.matches) {
        const LbmRow& r = x.row;
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
                dims += (dims.empty() ? "" : ", ") + std::string(dimension_names[d]) + ": " +
                        *r.dimensions[d];
        if (!dims.empty()) out += "    dimensions: {" + dims + "}\n";
    }
    return out;
}

}  // namespace wijk
