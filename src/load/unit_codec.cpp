#include "load/unit_codec.h"

#include <chrono>
#include <cstring>
#include <type_traits>
#include <unordered_map>
#include <vector>

namespace wijk {

// Every field of every record is listed once, in fields() below, for both directions. A field
// added to a record changes its size: these fail the build until fields() lists it too (and
// unit_codec_version is raised).
static_assert(sizeof(void*) == 8, "the sizes below are those of a 64-bit build");
static_assert(sizeof(Neighbourhood) == 136, "Neighbourhood changed: update fields() and unit_codec_version");
static_assert(sizeof(Liveability) == 120, "Liveability changed: update fields() and unit_codec_version");
static_assert(sizeof(Partner) == 120, "Partner changed: update fields() and unit_codec_version");
static_assert(sizeof(Agreement) == 264, "Agreement changed: update fields() and unit_codec_version");
static_assert(sizeof(Evaluation) == 128, "Evaluation changed: update fields() and unit_codec_version");
static_assert(sizeof(Strategy) == 168, "Strategy changed: update fields() and unit_codec_version");
static_assert(sizeof(Provision) == 120, "Provision changed: update fields() and unit_codec_version");
static_assert(sizeof(Termination) == 56, "Termination changed: update fields() and unit_codec_version");
static_assert(sizeof(Commitment) == 48, "Commitment changed: update fields() and unit_codec_version");
static_assert(sizeof(Result) == 40, "Result changed: update fields() and unit_codec_version");
static_assert(sizeof(Contact) == 40, "Contact changed: update fields() and unit_codec_version");
static_assert(sizeof(Approach) == 8, "Approach changed: update fields() and unit_codec_version");

namespace {

constexpr std::uint32_t unit_magic = 0x544e5557;  // "WUNT"
constexpr std::uint32_t diags_magic = 0x47445557;  // "WUDG"

// Writing: fields append to `out`; texts go to a table written before them.
class Writer {
public:
    static constexpr bool reading = false;
    bool bad = false;  // never: writing cannot fail
    std::string out;

    // The texts are views of the unit being written (its pool, its trees): no copies.
    std::uint32_t text_index(std::string_view t) {
        auto [it, fresh] = index_.emplace(t, std::uint32_t(texts_.size()));
        if (fresh) texts_.push_back(t);
        return it->second;
    }
    void table(std::string& to) const {
        u32(to, std::uint32_t(texts_.size()));
        for (std::string_view t : texts_) {
            u32(to, std::uint32_t(t.size()));
            to.append(t);
        }
    }
    static void u32(std::string& to, std::uint32_t v) { to.append(reinterpret_cast<const char*>(&v), 4); }

    void raw(const void* p, std::size_t n) { out.append(static_cast<const char*>(p), n); }
    template <class I>
        requires std::is_arithmetic_v<I>
    void num(I& v) {
        raw(&v, sizeof v);
    }
    void text(std::string_view t, bool present) {
        std::uint32_t i = present ? text_index(t) + 1 : 0;
        num(i);
    }

private:
    std::unordered_map<std::string_view, std::uint32_t> index_;
    std::vector<std::string_view> texts_;
};

// Reading: every read is checked against the end; a blob that is not whole sets `bad`.
class Reader {
public:
    static constexpr bool reading = true;
    Reader(std::string_view blob, TextPool* texts_to) : at(blob.data()), end(blob.data() + blob.size()), pool(texts_to) {}
    const char* at;
    const char* end;
    bool bad = false;
    std::vector<std::string_view> texts;
    std::vector<TextRef> refs;  // texts[i] interned, made on first use
    TextPool* pool;

    void raw(void* p, std::size_t n) {
        if (bad || std::size_t(end - at) < n) {
            bad = true;
            std::memset(p, 0, n);
            return;
        }
        std::memcpy(p, at, n);
        at += n;
    }
    template <class I>
        requires std::is_arithmetic_v<I>
    void num(I& v) {
        raw(&v, sizeof v);
    }
    bool read_table() {
        std::uint32_t n = 0;
        num(n);
        if (bad || n > std::size_t(end - at) / 4) return !(bad = true);
        texts.reserve(n);
        for (std::uint32_t i = 0; i < n && !bad; ++i) {
            std::uint32_t len = 0;
            num(len);
            if (bad || std::size_t(end - at) < len) return !(bad = true);
            texts.emplace_back(at, len);
            at += len;
        }
        refs.assign(texts.size(), TextRef());
        return !bad;
    }
    // index + 1 of a text; 0: absent. nullopt when the index is out of the table.
    std::optional<std::string_view> text(std::uint32_t i) {
        if (i == 0) return std::nullopt;
        if (i > texts.size()) {
            bad = true;
            return std::nullopt;
        }
        return texts[i - 1];
    }
    TextRef ref(std::uint32_t i) {
        if (i == 0 || i > texts.size()) {
            if (i) bad = true;
            return TextRef();
        }
        if (!refs[i - 1]) refs[i - 1] = pool->intern(texts[i - 1]);
        return refs[i - 1];
    }
};

// ---- values ----

template <class IO>
void value(IO& io, std::string& s) {  // a text of a Value tree, a diagnostic
    if constexpr (IO::reading) {
        std::uint32_t i = 0;
        io.num(i);
        auto t = io.text(i);
        s = t ? std::string(*t) : std::string();
    } else {
        io.text(s, true);
    }
}
template <class IO>
void value(IO& io, Date& d) {
    std::int32_t days = std::int32_t(std::chrono::sys_days(d).time_since_epoch().count());
    io.num(days);
    if constexpr (IO::reading) d = Date(std::chrono::sys_days(std::chrono::days(days)));
}
template <class IO>
void value(IO& io, Duration& d) {
    std::int64_t count = d.count;
    std::uint8_t unit = std::uint8_t(d.unit);
    io.num(count);
    io.num(unit);
    if constexpr (IO::reading) {
        if (unit > std::uint8_t(DurationUnit::years)) io.bad = true;
        d = Duration{long(count), static_cast<DurationUnit>(unit)};
    }
}
template <class IO>
void value(IO& io, Money& m) {
    std::int64_t c = m.cents;
    io.num(c);
    m.cents = c;
}
template <class IO>
void value(IO& io, MonthDay& md) {
    std::uint8_t m = std::uint8_t(md.month), d = std::uint8_t(md.day);
    io.num(m);
    io.num(d);
    md = MonthDay{m, d};
}
template <class IO>
void value(IO& io, Achieved& a) {
    std::uint8_t kind = std::holds_alternative<bool>(a) ? 1 : 0;
    io.num(kind);
    if (kind == 1) {
        std::uint8_t b = std::holds_alternative<bool>(a) && std::get<bool>(a);
        io.num(b);
        a = Achieved(b != 0);
    } else {
        double d = std::holds_alternative<double>(a) ? std::get<double>(a) : 0;
        io.num(d);
        a = Achieved(d);
    }
}
template <class IO, class T>
    requires(std::is_arithmetic_v<T>)
void value(IO& io, T& v) {
    io.num(v);
}
template <class IO, class E>
    requires(std::is_enum_v<E>)
void value(IO& io, E& e) {
    auto raw = static_cast<std::int32_t>(e);
    io.num(raw);
    e = static_cast<E>(raw);
}

// ---- fields ----

template <class IO>
void loc(IO& io, Loc& l) {
    io.num(l.pos);
}
template <class IO>
void item(IO& io, Mark& m) {
    io.num(m.file);
    io.num(m.line);
    io.num(m.column);
}

template <class IO>
void item(IO& io, Field<std::string>& f) {
    if constexpr (IO::reading) {
        std::uint32_t i = 0;
        Loc at;
        io.num(i);
        loc(io, at);
        f = Field<std::string>(io.ref(i), at);
    } else {
        io.text(*f, f.has());
        Loc at = f.at;
        loc(io, at);
    }
}
template <class IO>
void item(IO& io, Opt<std::string>& o) {
    if constexpr (IO::reading) {
        std::uint32_t i = 0;
        io.num(i);
        o = Opt<std::string>(Field<std::string>(io.ref(i), Loc{}));
    } else {
        io.text(*o, o.has());
    }
}

// Any other Field<T> and Opt<T>, through their common interface: has(), *f, at, and the
// constructor from a value and a place.
template <class IO, class T>
void item(IO& io, Field<T>& f) {
    std::uint8_t has = f.has();
    io.num(has);
    T v{};
    if (has) {
        if constexpr (!IO::reading) v = *f;
        value(io, v);
    }
    Loc at = f.at;
    loc(io, at);
    if constexpr (IO::reading) {
        f = has ? Field<T>(v, at) : Field<T>();
        f.at = at;
    }
}
template <class IO, class T>
void item(IO& io, Opt<T>& o) {
    std::uint8_t has = o.has();
    io.num(has);
    T v{};
    if (has) {
        if constexpr (!IO::reading) v = *o;
        value(io, v);
    }
    if constexpr (IO::reading) o = has ? Opt<T>(Field<T>(v, Loc{})) : Opt<T>();
}

template <class IO>
void item(IO& io, Value& v);
template <class IO>
void item(IO& io, Extras& e);

template <class IO, class T>
void item(IO& io, std::vector<T>& list) {
    std::uint32_t n = std::uint32_t(list.size());
    io.num(n);
    if constexpr (IO::reading) {
        if (io.bad || n > std::size_t(io.end - io.at)) {  // every item takes at least a byte
            io.bad = true;
            return;
        }
        list.resize(n);
        list.shrink_to_fit();
    }
    for (auto& x : list) {
        if (io.bad) return;
        item(io, x);
    }
}
template <class IO, class T, std::size_t N>
void item(IO& io, std::array<T, N>& a) {
    for (auto& x : a) item(io, x);
}

template <class IO>
void item(IO& io, Value& v) {
    auto type = static_cast<std::uint8_t>(v.type);
    std::uint8_t plain = v.plain;
    io.num(type);
    io.num(plain);
    if constexpr (IO::reading) {
        if (type > static_cast<std::uint8_t>(Value::Type::decoded)) io.bad = true;
        v.type = static_cast<Value::Type>(type);
        v.plain = plain != 0;
    }
    value(io, v.text);
    item(io, v.at);
    loc(io, v.loc);
    item(io, v.items);
}
template <class IO>
void item(IO& io, Extras& e) {
    std::uint32_t n = std::uint32_t(e.size());
    io.num(n);
    if constexpr (IO::reading) {
        if (io.bad || n > std::size_t(io.end - io.at)) {
            io.bad = true;
            return;
        }
        for (std::uint32_t i = 0; i < n && !io.bad; ++i) {
            std::string key;
            Value v;
            value(io, key);
            item(io, v);
            e.emplace_back(std::move(key), std::move(v));
        }
    } else {
        for (const auto& [key, v] : e) {
            value(io, const_cast<std::string&>(key));  // a Writer only reads it (and keeps a view)
            item(io, const_cast<Value&>(v));
        }
    }
}

// ---- records ----

template <class IO>
void item(IO& io, Approach& a) {
    item(io, a.year), item(io, a.level);
}
template <class IO>
void item(IO& io, Contact& c) {
    item(io, c.name), item(io, c.role), item(io, c.email), item(io, c.phone), item(io, c.extras);
}
template <class IO>
void item(IO& io, Termination& t) {
    item(io, t.at), item(io, t.end), item(io, t.by), item(io, t.notice_given), item(io, t.reason), item(io, t.extras);
}
template <class IO>
void item(IO& io, Provision& p) {
    item(io, p.at), item(io, p.kind), item(io, p.description), item(io, p.value_per_year), item(io, p.address);
    item(io, p.area_m2), item(io, p.lease), item(io, p.lease_ref), item(io, p.rent_per_year), item(io, p.percent);
    item(io, p.amount_per_year), item(io, p.justification), item(io, p.hours_per_year), item(io, p.extras);
}
template <class IO>
void item(IO& io, Commitment& c) {
    item(io, c.id), item(io, c.description), item(io, c.target), item(io, c.unit), item(io, c.per), item(io, c.extras);
}
template <class IO>
void item(IO& io, Result& r) {
    item(io, r.commitment), item(io, r.achieved), item(io, r.note), item(io, r.extras);
}
template <class IO>
void item(IO& io, Neighbourhood& n) {
    item(io, n.at), item(io, n.id), item(io, n.name), item(io, n.municipality), item(io, n.district);
    item(io, n.codes), item(io, n.code_year), item(io, n.homes), item(io, n.approach), item(io, n.notes);
    item(io, n.extras);
}
template <class IO>
void item(IO& io, Liveability& l) {
    item(io, l.at), item(io, l.neighbourhood), item(io, l.year), item(io, l.klass), item(io, l.score);
    item(io, l.deviation), item(io, l.dimensions), item(io, l.source), item(io, l.code), item(io, l.extras);
}
template <class IO>
void item(IO& io, Partner& p) {
    item(io, p.at), item(io, p.id), item(io, p.name), item(io, p.kind), item(io, p.neighbourhoods);
    item(io, p.since), item(io, p.kvk), item(io, p.contacts), item(io, p.notes), item(io, p.extras);
}
template <class IO>
void item(IO& io, Agreement& a) {
    item(io, a.at), item(io, a.id), item(io, a.partner), item(io, a.title), item(io, a.neighbourhoods);
    item(io, a.start), item(io, a.end), item(io, a.signed_on), item(io, a.notice), item(io, a.renewal);
    item(io, a.renewal_term), item(io, a.owner), item(io, a.strategy), item(io, a.document);
    item(io, a.evaluation_due);
    std::uint8_t terminated = a.terminated.has_value();
    io.num(terminated);
    if (terminated) {
        if constexpr (IO::reading) a.terminated = Termination{};
        item(io, *a.terminated);
    }
    item(io, a.we_provide), item(io, a.partner_provides), item(io, a.notes), item(io, a.extras);
}
template <class IO>
void item(IO& io, Evaluation& e) {
    item(io, e.at), item(io, e.agreement), item(io, e.year), item(io, e.date), item(io, e.decision);
    item(io, e.participants), item(io, e.results), item(io, e.provisions_delivered), item(io, e.notes);
    item(io, e.extras);
}
template <class IO>
void item(IO& io, Strategy& s) {
    item(io, s.at), item(io, s.id), item(io, s.title), item(io, s.neighbourhoods), item(io, s.start);
    item(io, s.end), item(io, s.focus), item(io, s.partners), item(io, s.goals), item(io, s.notes), item(io, s.extras);
}

template <class IO, class Records>
void collection(IO& io, Records& records) {
    std::uint32_t n = std::uint32_t(records.size());
    io.num(n);
    if constexpr (IO::reading) {
        if (io.bad || n > std::size_t(io.end - io.at)) {
            io.bad = true;
            return;
        }
        records.resize(n);
    }
    for (auto& r : records) {
        if (io.bad) return;
        item(io, r);
    }
}

template <class IO>
void item(IO& io, Diagnostic& d) {
    auto severity = static_cast<std::uint8_t>(d.severity);
    io.num(severity);
    if constexpr (IO::reading) {
        if (severity > 1) io.bad = true;
        d.severity = static_cast<Severity>(severity);
    }
    value(io, d.rule);
    item(io, d.at);
    value(io, d.message.en), value(io, d.message.nl), value(io, d.hint.en), value(io, d.hint.nl);
}

template <class IO>
void diagnostics(IO& io, Diagnostics& d) {
    std::uint8_t io_error = d.io_error;
    io.num(io_error);
    d.io_error = io_error != 0;
    item(io, d.items);
}

template <class IO>
void unit_body(IO& io, FileUnit& u) {
    io.num(u.hash);
    io.num(u.file);
    std::uint8_t dropped = u.dropped;
    io.num(dropped);
    u.dropped = dropped != 0;
    collection(io, u.records.neighbourhoods);
    collection(io, u.records.liveability);
    collection(io, u.records.partners);
    collection(io, u.records.agreements);
    collection(io, u.records.evaluations);
    collection(io, u.records.strategies);
    diagnostics(io, u.diags);
}

// magic, version, text table, body
void finish(std::string& out, std::uint32_t magic, const Writer& w) {
    Writer::u32(out, magic);
    Writer::u32(out, unit_codec_version);
    w.table(out);
    out.append(w.out);
}

bool start(Reader& r, std::uint32_t magic) {
    std::uint32_t m = 0, version = 0;
    r.num(m);
    r.num(version);
    return !r.bad && m == magic && version == unit_codec_version && r.read_table();
}

}  // namespace

void encode_unit(const FileUnit& unit, std::string& out) {
    Writer w;
    unit_body(w, const_cast<FileUnit&>(unit));  // a Writer only reads the unit
    finish(out, unit_magic, w);
}

std::optional<FileUnit> decode_unit(std::string_view blob, TextPool& texts) {
    Reader r(blob, &texts);
    if (!start(r, unit_magic)) return std::nullopt;
    FileUnit u;
    unit_body(r, u);
    if (r.bad || r.at != r.end) return std::nullopt;
    return u;
}

void encode_diagnostics(const Diagnostics& d, std::string& out) {
    Writer w;
    diagnostics(w, const_cast<Diagnostics&>(d));
    finish(out, diags_magic, w);
}

std::optional<Diagnostics> decode_diagnostics(std::string_view blob) {
    Reader r(blob, nullptr);
    if (!start(r, diags_magic)) return std::nullopt;
    Diagnostics d;
    diagnostics(r, d);
    if (r.bad || r.at != r.end) return std::nullopt;
    return d;
}

}  // namespace wijk
