#include "load/reader.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "model/enums.h"
#include "model/i18n.h"
#include "model/suggest.h"

namespace wijk {


namespace {

Text found_kind(const Value& v) {
    switch (v.type) {
        case Value::Type::null: return Text("nothing", "niets");
        case Value::Type::scalar: return Text("a single value", "een enkele waarde");
        case Value::Type::sequence: return Text("a list", "een lijst");
        case Value::Type::mapping:
        case Value::Type::decoded: return Text("a mapping", "een mapping");
    }
    return Text("?", "?");
}

bool expect_scalar(const Value& v, const Text& what, DecodeContext& cx) {
    if (v.is_scalar()) return true;
    cx.diags.error("wrong-type", v.at,
                   say("expected {}, found {}", "verwacht {}, gevonden {}", what, found_kind(v)));
    return false;
}

bool is_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

std::string slug(std::string_view text) {
    std::string out;
    for (unsigned char c : text) {
        if (c >= 'A' && c <= 'Z') out += char(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += char(c);
        else if (!out.empty() && out.back() != '-') out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    if (out.size() > 64) out.resize(64);
    return out;
}

}  // namespace

bool expect_mapping(const Value& v, const Text& what, DecodeContext& cx) {
    if (v.is_mapping()) return true;
    cx.diags.error("wrong-type", v.at,
                   say("expected {}, found {}", "verwacht {}, gevonden {}", what, found_kind(v)));
    return false;
}

std::optional<std::string> as_text(const Value& v, DecodeContext& cx) {
    if (!expect_scalar(v, Text("text", "tekst"), cx)) return std::nullopt;
    return v.text;
}

std::optional<std::string> as_id(const Value& v, DecodeContext& cx) {
    if (!expect_scalar(v, Text("an id", "een id"), cx)) return std::nullopt;
    const auto& t = v.text;
    bool ok = !t.empty() && t.size() <= 64;
    for (std::size_t i = 0; ok && i < t.size(); ++i) {
        char c = t[i];
        bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        ok = alnum || (i > 0 && c == '-');
    }
    if (ok) return t;
    std::string fixed = slug(t);
    cx.diags.error("invalid-id", v.at,
                   say("'{}' is not a valid id: use lowercase letters, digits and '-', at most "
                       "64, starting with a letter or digit",
                       "'{}' is geen geldige id: gebruik kleine letters, cijfers en '-', hoogstens "
                       "64, beginnend met een letter of cijfer",
                       t),
                   fixed.empty() || fixed == t ? Text() : did_you_mean(fixed));
    return std::nullopt;
}

std::optional<Date> as_date(const Value& v, DecodeContext& cx) {
    if (!expect_scalar(v, Text("a date (YYYY-MM-DD)", "een datum (JJJJ-MM-DD)"), cx))
        return std::nullopt;
    if (auto d = parse_date(v.text)) return d;
    Text hint;
    if (auto nl = parse_dutch_date(v.text))
        hint = say("write {}", "schrijf {}", to_string(*nl));
    else
        hint = Text("write the date as YYYY-MM-DD, e.g. 2026-03-01",
                              "schrijf de datum als JJJJ-MM-DD, bijv. 2026-03-01");
    bool shaped = v.text.size() == 10 && v.text[4] == '-' && v.text[7] == '-';
    cx.diags.error("invalid-date", v.at,
                   shaped ? say("'{}' is not a real calendar date", "'{}' is geen bestaande datum",
                                v.text)
                          : say("'{}' is not a date in the form YYYY-MM-DD",
                                "'{}' is geen datum in de vorm JJJJ-MM-DD", v.text),
                   hint);
    return std::nullopt;
}

std::optional<long long> as_integer(const Value& v, DecodeContext& cx, double min, double max) {
    if (!expect_scalar(v, Text("a whole number", "een geheel getal"), cx)) return std::nullopt;
    std::string_view t = v.text;
    std::string_view digits = t;
    if (!digits.empty() && (digits[0] == '-' || digits[0] == '+')) digits.remove_prefix(1);
    if (is_digits(digits) && digits.size() > 15) {
        cx.diags.error("out-of-range", v.at,
                       say("'{}' is too large a number", "'{}' is een te groot getal", t));
        return std::nullopt;
    }
    if (!is_digits(digits)) {
        cx.diags.error("invalid-integer", v.at,
                       say("'{}' is not a whole number", "'{}' is geen geheel getal", t));
        return std::nullopt;
    }
    if (digits.size() > 1 && digits[0] == '0') {
        std::string stripped(digits.substr(digits.find_first_not_of('0') == std::string_view::npos
                                               ? digits.size() - 1
                                               : digits.find_first_not_of('0')));
        cx.diags.error("invalid-integer", v.at,
                       say("'{}' has a leading zero (some YAML readers take it as octal)",
                           "'{}' begint met een nul (sommige YAML-lezers lezen dat octaal)", t),
                       say("write {}", "schrijf {}", (t[0] == '-' ? "-" : "") + stripped));
        return std::nullopt;
    }
    long long n = std::stoll(std::string(t[0] == '+' ? t.substr(1) : t));
    if (double(n) < min || double(n) > max) {
        cx.diags.error("out-of-range", v.at,
                       max < 1e299 ? say("{} is out of range ({} to {})", "{} valt buiten het bereik ({} tot en met {})", n, min, max)
                                   : say("{} is out of range (at least {})", "{} valt buiten het bereik (minstens {})", n, min));
        return std::nullopt;
    }
    return n;
}

std::optional<int> as_year(const Value& v, DecodeContext& cx) {
    if (!expect_scalar(v, Text("a year", "een jaartal"), cx)) return std::nullopt;
    if (!is_digits(v.text) || v.text.size() != 4 || v.text[0] == '0' ||
        std::stoi(v.text) < 1900 || std::stoi(v.text) > 2200) {
        cx.diags.error("invalid-year", v.at,
                       say("'{}' is not a year from 1900 to 2200",
                           "'{}' is geen jaartal van 1900 tot en met 2200", v.text));
        return std::nullopt;
    }
    return std::stoi(v.text);
}

std::optional<double> as_number(const Value& v, DecodeContext& cx, double min, double max) {
    if (!expect_scalar(v, Text("a number", "een getal"), cx)) return std::nullopt;
    const std::string& t = v.text;
    if (!looks_like_number(t)) {
        Text hint;
        auto comma = t.find(',');
        if (comma != std::string::npos && t.find(',', comma + 1) == std::string::npos) {
            std::string dotted = t;
            dotted[comma] = '.';
            if (looks_like_number(dotted)) hint = say("write {}", "schrijf {}", dotted);
        }
        cx.diags.error("invalid-number", v.at, say("'{}' is not a number", "'{}' is geen getal", t),
                       hint);
        return std::nullopt;
    }
    errno = 0;
    double d = std::strtod(t.c_str(), nullptr);
    if (!std::isfinite(d) || errno == ERANGE) {
        cx.diags.error("invalid-number", v.at,
                       say("'{}' is too large a number", "'{}' is een te groot getal", t));
        return std::nullopt;
    }
    if (d == 0) d = 0;  // -0 is 0
    if (d > max && max >= 1e299) {
        cx.diags.error("out-of-range", v.at, say("'{}' is too large a number", "'{}' is een te groot getal", t));
        return std::nullopt;
    }
    if (d < min || d > max) {
        cx.diags.error("out-of-range", v.at,
                       max < 1e299 ? say("{} is out of range ({} to {})", "{} valt buiten het bereik ({} tot en met {})", t, min, max)
                                   : say("{} is out of range (at least {})", "{} valt buiten het bereik (minstens {})", t, min));
        return std::nullopt;
    }
    return d;
}

std::optional<bool> as_boolean(const Value& v, DecodeContext& cx) {
    if (!expect_scalar(v, Text("true or false", "true of false"), cx)) return std::nullopt;
    if (v.text == "true") return true;
    if (v.text == "false") return false;
    cx.diags.error("invalid-boolean", v.at,
                   say("'{}' is not true or false", "'{}' is niet true of false", v.text),
                   Text("write true or false", "schrijf true of false"));
    return std::nullopt;
}

std::optional<Duration> as_duration(const Value& v, DecodeContext& cx) {
    if (!expect_scalar(v, Text("a duration", "een duur"), cx)) return std::nullopt;
    if (auto d = parse_duration(v.text)) {
        if (!too_long(*d)) return d;
        cx.diags.error("invalid-duration", v.at,
                       say("'{}' is longer than 100 years", "'{}' is langer dan 100 jaar", v.text));
        return std::nullopt;
    }
    // "drie maanden", "three months": the number in figures
    static constexpr std::string_view number_words[][2] = {
        {"een", "1"},  {"één", "1"},    {"twee", "2"},   {"drie", "3"},   {"vier", "4"},   {"vijf", "5"},
        {"zes", "6"},  {"zeven", "7"},  {"acht", "8"},   {"negen", "9"},  {"tien", "10"},  {"elf", "11"},
        {"twaalf", "12"}, {"one", "1"}, {"a", "1"},      {"an", "1"},     {"two", "2"},    {"three", "3"},
        {"four", "4"}, {"five", "5"},   {"six", "6"},    {"seven", "7"},  {"eight", "8"},  {"nine", "9"},
        {"ten", "10"}, {"eleven", "11"}, {"twelve", "12"}, {"half", ""}};
    Text hint("write e.g. '3 months', '1 year', '6 weeks', '30 days' or '3m'",
              "schrijf bijv. '3 maanden', '1 jaar', '6 weken', '30 dagen' of '3m'");
    if (auto space = v.text.find(' '); space != std::string::npos) {
        std::string first = v.text.substr(0, space);
        for (char& c : first) c = (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
        for (const auto& [word, figure] : number_words) {
            if (first != word || figure.empty()) continue;
            std::string fixed = std::string(figure) + v.text.substr(space);
            if (parse_duration(fixed)) hint = say("write the number in figures: '{}'", "schrijf het getal in cijfers: '{}'", fixed);
            break;
        }
    }
    cx.diags.error("invalid-duration", v.at, say("'{}' is not a duration", "'{}' is geen duur", v.text), hint);
    return std::nullopt;
}

std::optional<Money> as_money(const Value& v, DecodeContext& cx) {
    if (!expect_scalar(v, Text("an amount in euros", "een bedrag in euro"), cx)) return std::nullopt;
    auto r = parse_money(v.text);
    if (r.value) return r.value;
    Text message, hint;
    switch (r.problem) {
        case MoneyProblem::negative:
            message = say("'{}': an amount cannot be negative", "'{}': een bedrag kan niet negatief zijn", v.text);
            break;
        case MoneyProblem::too_many_decimals:
            message = say("'{}' has more than 2 decimals", "'{}' heeft meer dan 2 decimalen", v.text);
            break;
        case MoneyProblem::thousands_separator:
            message = say("'{}': a thousands separator is not allowed",
                          "'{}': een scheidingsteken voor duizendtallen is niet toegestaan", v.text);
            hint = say("write {}", "schrijf {}", r.hint);
            break;
        case MoneyProblem::decimal_comma:
            message = say("'{}': write decimals with a point", "'{}': schrijf decimalen met een punt", v.text);
            hint = say("write {}", "schrijf {}", r.hint);
            break;
        default: {
            // "€ 10.000", "12500 euro", "€10.000,-": the amount without the currency
            std::string_view t = v.text;
            auto strip = [&t] {
                bool any = false;
                for (std::string_view w : {"€", "EUR", "eur", "Euro", "euro"}) {
                    if (t.substr(0, w.size()) == w) t.remove_prefix(w.size()), any = true;
                    if (t.size() >= w.size() && t.substr(t.size() - w.size()) == w) t.remove_suffix(w.size()), any = true;
                    while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
                    while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
                }
                return any;
            };
            bool currency = strip();
            bool dash = t.size() > 2 && t.substr(t.size() - 2) == ",-";
            if (dash) t.remove_suffix(2);
            auto plain = parse_money(t);
            if ((currency || dash) && !t.empty() && (plain.value || !plain.hint.empty())) {
                message = say("'{}': write the amount as a plain number of euros, without € or 'euro'",
                              "'{}': schrijf het bedrag als kaal getal in euro, zonder € of 'euro'", v.text);
                hint = say("write {}", "schrijf {}", plain.value ? std::string(t) : plain.hint);
            } else {
                message = say("'{}' is not an amount in euros", "'{}' is geen bedrag in euro", v.text);
                hint = Text("write a plain number like 1250 or 1250.50", "schrijf een kaal getal zoals 1250 of 1250.50");
            }
        }
    }
    cx.diags.error("invalid-money", v.at, message, hint);
    return std::nullopt;
}

std::optional<double> as_percent(const Value& v, DecodeContext& cx) {
    if (!expect_scalar(v, Text("a percentage", "een percentage"), cx)) return std::nullopt;
    std::string t = v.text;
    if (!t.empty() && t.back() == '%') t.pop_back();
    bool in_range = false;
    if (looks_like_number(t)) {
        double d = std::strtod(t.c_str(), nullptr);
        in_range = d >= 0 && d <= 100;
        if (v.text.back() != '%' && in_range) return d == 0 ? 0.0 : d;
    }
    // "20%": the sign is the only problem; "120%": the hint would be out of range too
    cx.diags.error("invalid-percent", v.at,
                   say("'{}' is not a percentage from 0 to 100",
                       "'{}' is geen percentage van 0 tot en met 100", v.text),
                   !v.text.empty() && v.text.back() == '%' && in_range ? say("write {}", "schrijf {}", t)
                                                                       : Text());
    return std::nullopt;
}

std::optional<MonthDay> as_month_day(const Value& v, DecodeContext& cx) {
    if (!expect_scalar(v, Text("a month-day (MM-DD)", "een maand-dag (MM-DD)"), cx)) return std::nullopt;
    if (auto md = parse_month_day(v.text)) return md;
    // day first, as Dutch dates are written: 31-12 is 12-31
    const std::string& t = v.text;
    if (t.size() == 5 && t[2] == '-') {
        std::string swapped = t.substr(3, 2) + "-" + t.substr(0, 2);
        if (auto md = parse_month_day(swapped)) {
            static constexpr std::string_view en[] = {"January", "February", "March", "April", "May", "June", "July",
                                                      "August", "September", "October", "November", "December"};
            static constexpr std::string_view nl[] = {"januari", "februari", "maart", "april", "mei", "juni", "juli",
                                                      "augustus", "september", "oktober", "november", "december"};
            cx.diags.error("invalid-month-day", v.at,
                           say("'{}' is not a day of the year in the form MM-DD (month first)",
                               "'{}' is geen dag van het jaar in de vorm MM-DD (maand eerst)", t),
                           say("write \"{}\" for {} {}, or the day and month by name", "schrijf \"{}\" voor {} {}, of dag en maand voluit",
                               swapped, md->day, Text(en[md->month - 1], nl[md->month - 1])));
            return std::nullopt;
        }
    }
    cx.diags.error("invalid-month-day", v.at,
                   say("'{}' is not a day of the year in the form MM-DD or a day and a month",
                       "'{}' is geen dag van het jaar in de vorm MM-DD of een dag en een maand", v.text),
                   Text("write e.g. \"10-01\" or \"1 October\" for 1 October",
                        "schrijf bijv. \"10-01\" of \"1 oktober\" voor 1 oktober"));
    return std::nullopt;
}

std::optional<std::size_t> as_enum(const Value& v, std::span<const std::string_view> names,
                                   DecodeContext& cx) {
    std::string list;
    for (auto n : names) list += (list.empty() ? "" : ", ") + std::string(n);
    if (!expect_scalar(v, say("one of: {}", "een van: {}", list), cx)) return std::nullopt;
    if (auto i = index_of(v.text, names)) return i;
    // a word wijk prints in Dutch: the value it stands for
    Text hint;
    if (auto value = value_for_dutch_word(v.text, names))
        hint = say("write {} ({}): values are written in English", "schrijf {} ({}): waarden staan in het Engels in de gegevens",
                   *value, v.text);
    else if (auto s = suggest(v.text, names))
        hint = did_you_mean(*s);
    cx.diags.error("invalid-enum", v.at, say("'{}' is not one of: {}", "'{}' is niet een van: {}", v.text, list), hint);
    return std::nullopt;
}

namespace {

// A record's kind as a person reads it in a message.
Text record_kind(std::string_view name) {
    static constexpr std::string_view words[][2] = {
        {"approach", "aanpak"},         {"neighbourhood", "buurt"},      {"dimensions", "dimensies"},
        {"liveability", "leefbaarheidsrecord"}, {"contact", "contactpersoon"}, {"partner", "partner"},
        {"terminated", "beëindiging"},  {"provision", "voorziening"},    {"commitment", "toezegging"},
        {"result", "resultaat"},        {"evaluation", "evaluatie"},     {"strategy", "buurtstrategie"},
        {"agreement", "afspraak"},     {"staff", "medewerker"},        {"reminders", "herinneringen"},  {"evaluations", "evaluaties"}};
    for (const auto& [en, nl] : words)
        if (en == name) return Text(en, nl);
    return Text(name, name);
}

}  // namespace

RecordReader::RecordReader(const Value& map, const RecordSpec& spec, DecodeContext& cx)
    : map_(map), spec_(spec), cx_(cx) {
    auto names = spec.names();
    for (std::size_t i = 0; i + 1 < map.items.size(); i += 2) {
        const Value& k = map.items[i];
        const Value& v = map.items[i + 1];
        if (!k.is_scalar()) {
            cx.diags.error("wrong-type", k.at,
                           Text("a key must be a single word", "een sleutel moet één woord zijn"));
            continue;
        }
        if (k.text.rfind("x_", 0) == 0) {
            extras_.emplace_back(k.text, v);
            continue;
        }
        const KeySpec* ks = spec.find(k.text);
        if (!ks) {
            auto s = suggest(k.text, names);
            cx.diags.error("unknown-key", k.at,
                           say("unknown key '{}' in {}", "onbekende sleutel '{}' in {}", k.text, record_kind(spec.name)),
                           s ? did_you_mean(*s)
                             : Text("keys of your own start with x_", "eigen sleutels beginnen met x_"));
            continue;
        }
        known_.emplace_back(ks->name, &v);
        key_marks_.emplace_back(ks->name, k.at);
    }
    for (const auto& ks : spec.keys) {
        if (!ks.required) continue;
        const Value* v = get(ks.name);
        bool empty_list = v && (ks.kind == KeyKind::ref_list || ks.kind == KeyKind::text_list) &&
                          v->is_sequence() && v->items.empty();
        if (!v || empty_list)
            cx.diags.error("missing-key", v ? v->at : key_mark(ks.name),
                           empty_list ? say("'{}' needs at least one item", "'{}' heeft minstens één item nodig", ks.name)
                                      : say("required key '{}' is missing in {}",
                                            "verplichte sleutel '{}' ontbreekt in {}", ks.name, record_kind(spec.name)));
    }
}

const Value* RecordReader::get(std::string_view key) const {
    for (const auto& [k, v] : known_)
        if (k == key) return v->is_null() ? nullptr : v;
    return nullptr;
}

Mark RecordReader::key_mark(std::string_view key) const {
    for (const auto& [k, m] : key_marks_)
        if (k == key) return m;
    return map_.at;
}

#define WIJK_GETTER(Type, fn, conv)                    \
    Field<Type> RecordReader::fn(std::string_view key) { \
        Field<Type> f;                                  \
        if (const Value* v = get(key)) {                \
            f.at = v->loc; /* written, even if invalid */ \
            if (auto x = conv) f = Field<Type>(*x, v->loc); \
        }                                               \
        return f;                                       \
    }

WIJK_GETTER(Date, date, as_date(*v, cx_))
WIJK_GETTER(int, year, as_year(*v, cx_))
WIJK_GETTER(long long, integer, as_integer(*v, cx_, spec_.find(key)->min, spec_.find(key)->max))
WIJK_GETTER(double, number, as_number(*v, cx_, spec_.find(key)->min, spec_.find(key)->max))
WIJK_GETTER(bool, boolean, as_boolean(*v, cx_))
WIJK_GETTER(Duration, duration, as_duration(*v, cx_))
WIJK_GETTER(Money, money, as_money(*v, cx_))
WIJK_GETTER(double, percent, as_percent(*v, cx_))
WIJK_GETTER(MonthDay, month_day, as_month_day(*v, cx_))
#undef WIJK_GETTER

namespace {

// Texts that may hold line breaks (written with `|`); every other text is one line.
bool multi_line_key(std::string_view key) {
    return key == "notes" || key == "description" || key == "justification" || key == "reason" || key == "goals" ||
           key == "note";
}
// Texts a line break would break: an address or a number typed back somewhere else.
bool strict_line_key(std::string_view key) {
    return key == "email" || key == "phone" || key == "kvk" || key == "codes" || key == "code";
}

}  // namespace

std::optional<std::string> RecordReader::single_line(const Value& v, std::string_view key, std::string text) {
    if (multi_line_key(key)) return text;
    // `title: |` and `title: >` leave a final line break: it is not part of the title
    while (!text.empty() && text.back() == '\n') text.pop_back();
    if (text.find('\n') == std::string::npos) return text;
    if (strict_line_key(key)) {
        cx_.diags.error("multi-line-text", v.at,
                        say("'{}' holds a line break: it must be one line", "'{}' bevat een regeleinde: het moet één regel zijn", key),
                        Text("write it on one line", "schrijf het op één regel"));
        return std::nullopt;
    }
    cx_.diags.warning("multi-line-text", v.at,
                      say("'{}' holds a line break; one-line outputs (tables, calendar titles) show it as a space",
                          "'{}' bevat een regeleinde; uitvoer op één regel (tabellen, agendatitels) toont het als een spatie", key),
                      Text("write it on one line; only notes, descriptions, justifications, reasons and goals may have several lines",
                           "schrijf het op één regel; alleen notities, beschrijvingen, onderbouwingen, redenen en doelen mogen meer regels hebben"));
    return text;
}

Field<std::string> RecordReader::text(std::string_view key) {
    Field<std::string> f;
    if (const Value* v = get(key)) {
        f.at = v->loc;
        if (auto x = as_text(*v, cx_))
            if (auto line = single_line(*v, key, std::move(*x))) f = Field<std::string>(cx_.texts.intern(*line), v->loc);
    }
    return f;
}

Field<std::string> RecordReader::id(std::string_view key) {
    Field<std::string> f;
    if (const Value* v = get(key)) {
        f.at = v->loc;
        if (auto x = as_id(*v, cx_)) f = Field<std::string>(cx_.texts.intern(*x), v->loc);
    }
    return f;
}

std::vector<const Value*> RecordReader::items(std::string_view key) {
    std::vector<const Value*> out;
    const Value* v = get(key);
    if (!v) return out;
    if (!v->is_sequence()) {
        cx_.diags.error("wrong-type", v->at,
                        say("'{}' must be a list", "'{}' moet een lijst zijn", key),
                        v->is_scalar() ? say("write [{}]", "schrijf [{}]", v->text) : Text());
        return out;
    }
    for (const auto& item : v->items) {
        if (item.is_null()) {
            cx_.diags.error("wrong-type", item.at,
                            say("empty item in '{}'", "leeg item in '{}'", key));
            continue;
        }
        out.push_back(&item);
    }
    return out;
}

std::vector<Field<std::string>> RecordReader::texts(std::string_view key, bool ids) {
    std::vector<Field<std::string>> out;
    const auto list = items(key);
    out.reserve(list.size());
    for (const Value* item : list) {
        auto t = ids ? as_id(*item, cx_) : as_text(*item, cx_);
        if (t && !ids) t = single_line(*item, key, std::move(*t));
        if (t) out.emplace_back(cx_.texts.intern(*t), item->loc);
    }
    return out;
}

const Value* RecordReader::mapping(std::string_view key) {
    const Value* v = get(key);
    if (!v) return nullptr;
    if (!expect_mapping(*v, say("'{}' as a mapping", "'{}' als mapping", key), cx_)) return nullptr;
    return v;
}

}  // namespace wijk
