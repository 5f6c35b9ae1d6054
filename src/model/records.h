// The records of a data repository (data-format.md section 3) and wijk.yaml (section 4).
// Plain structs: no I/O, no YAML.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <deque>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

#include "model/calendar.h"
#include "model/lang.h"
#include "model/file_list.h"
#include "model/mark.h"
#include "model/money.h"
#include "model/value.h"

namespace wijk {

class Locator;  // model/locator.h: turns a Loc into a line and column

// An optional value behind a pointer, copied with its owner: most agreements have no
// `terminated` block and most records no x_ keys, so 8 bytes instead of the value's size.
template <class T>
class Box {
public:
    Box() = default;
    Box(const Box& o) : p_(o.p_ ? std::make_unique<T>(*o.p_) : nullptr) {}
    Box(Box&&) noexcept = default;
    Box& operator=(const Box& o) {
        if (this != &o) p_ = o.p_ ? std::make_unique<T>(*o.p_) : nullptr;
        return *this;
    }
    Box& operator=(Box&&) noexcept = default;
    Box& operator=(T v) {
        p_ = std::make_unique<T>(std::move(v));
        return *this;
    }
    explicit operator bool() const { return p_ != nullptr; }
    bool has_value() const { return p_ != nullptr; }
    const T& operator*() const { return *p_; }
    const T* operator->() const { return p_.get(); }
    T& operator*() { return *p_; }
    T* operator->() { return p_.get(); }

private:
    std::unique_ptr<T> p_;
};

// Users' own keys (x_...): carried into JSON and CSV as written. Most records have none, so
// the list lives behind one pointer: 8 bytes per record instead of an empty vector's 24.
class Extras {
public:
    using value_type = std::pair<std::string, Value>;
    using List = std::vector<value_type>;
    using const_iterator = List::const_iterator;

    bool empty() const { return !list_ || list_->empty(); }
    std::size_t size() const { return list_ ? list_->size() : 0; }
    const_iterator begin() const { return list().begin(); }
    const_iterator end() const { return list().end(); }
    const value_type& operator[](std::size_t i) const { return list()[i]; }
    const value_type& at(std::size_t i) const { return list().at(i); }  // throws out of range
    template <class... A>
    value_type& emplace_back(A&&... args) {
        if (!list_) list_ = List();
        return list_->emplace_back(std::forward<A>(args)...);
    }
    void push_back(value_type v) { emplace_back(std::move(v)); }

private:
    const List& list() const {
        static const List none;
        return list_ ? *list_ : none;
    }
    Box<List> list_;
};

// Money: absent is a number of cents no parse gives (money is never negative): 8 bytes with a
// 4-byte alignment instead of optional's 16.
template <>
struct Opt<Money> {
    static constexpr std::int64_t absent_cents = std::numeric_limits<std::int64_t>::min();
    std::uint32_t bits[2];

    Opt() { set(absent_cents); }
    Opt(const Field<Money>& f) { set(f.value ? f.value->cents : absent_cents); }
    explicit operator bool() const { return has(); }
    bool has() const { return cents() != absent_cents; }
    Money operator*() const { return Money{cents()}; }
    Money value_or(Money fallback) const { return has() ? **this : fallback; }

private:
    void set(std::int64_t c) { std::memcpy(bits, &c, sizeof c); }
    std::int64_t cents() const {
        std::int64_t c;
        std::memcpy(&c, bits, sizeof c);
        return c;
    }
};

enum class ApproachLevel { regular, focus, intervention };
enum class Dimension { housing, physical, amenities, cohesion, safety };
inline constexpr int dimension_count = 5;
enum class PartnerKind {
    residents, tenants, welfare, municipality, police, volunteers, education, health, culture,
    sports, faith, business, other
};
enum class Renewal { none, tacit, indefinite };
enum class TerminatedBy { association, partner, mutual };
enum class ProvisionKind { space, rent_discount, funding, support, advice, other };
enum class Lease { art290, art230a, loan };
enum class Per { year, term };
enum class Decision { continue_, adjust, stop };

// Nested records without a Mark of their own lie in their parent record's file.
struct Approach {
    Opt<int> year;
    Opt<ApproachLevel> level;
};

struct Neighbourhood {
    Mark at;
    Field<std::string> id;
    Opt<std::string> name, municipality, district;
    std::vector<Field<std::string>> codes;
    Opt<int> code_year;
    Opt<long long> homes;
    std::vector<Approach> approach;
    Opt<std::string> notes;
    Extras extras;
};

struct Liveability {
    Mark at;
    Field<std::string> neighbourhood;
    Opt<int> year;
    Opt<int> klass;  // 1..9
    Opt<double> score;
    Field<double> deviation;
    std::array<Opt<double>, dimension_count> dimensions;
    Opt<std::string> source;  // absent: "leefbaarometer"
    Field<std::string> code;
    Extras extras;
    std::string source_or_default() const { return source.value_or("leefbaarometer"); }
};

struct Contact {
    Opt<std::string> name, role, email, phone;
    Extras extras;
};

struct Partner {
    Mark at;
    Field<std::string> id;
    Opt<std::string> name;
    Opt<PartnerKind> kind;
    std::vector<Field<std::string>> neighbourhoods;
    Opt<Date> since;
    Opt<std::string> kvk;
    std::vector<Contact> contacts;
    Opt<std::string> notes;
    Extras extras;
};

struct Termination {
    Mark at;
    Field<Date> end;
    Opt<TerminatedBy> by;  // absent: association
    Field<Date> notice_given;
    Opt<std::string> reason;
    Extras extras;
};

struct Provision {
    Mark at;
    Opt<ProvisionKind> kind;
    Opt<std::string> description;
    Opt<Money> value_per_year;
    // space
    Opt<std::string> address;
    Opt<double> area_m2;
    Field<Lease> lease;
    Opt<std::string> lease_ref;
    Opt<Money> rent_per_year;
    // rent_discount
    Field<double> percent;
    Opt<Money> amount_per_year;  // rent_discount, funding
    Opt<std::string> justification;
    // support, advice, other
    Opt<double> hours_per_year;
    Extras extras;
};

struct Commitment {
    Field<std::string> id;
    Opt<std::string> description;
    Opt<double> target;
    Opt<std::string> unit;
    Opt<Per> per;  // absent: year
    Extras extras;
};

struct Agreement {
    Mark at;
    Field<std::string> id, partner;
    Opt<std::string> title;
    std::vector<Field<std::string>> neighbourhoods;
    Field<Date> start, end;
    Opt<Date> signed_on;
    Field<Duration> notice;
    Field<Renewal> renewal;
    Field<Duration> renewal_term;
    Field<std::string> owner, strategy, document;
    Opt<MonthDay> evaluation_due;
    Box<Termination> terminated;
    std::vector<Provision> we_provide;
    std::vector<Commitment> partner_provides;
    Opt<std::string> notes;
    Extras extras;
};

// achieved: a number or a boolean
using Achieved = std::variant<double, bool>;

// A number's bits and what it is (0 absent, 1 a number, 2 a boolean): 12 bytes instead of
// optional's 24; `*` gives a copy.
template <>
struct Opt<Achieved> {
    std::uint32_t bits[2] = {0, 0};
    std::uint8_t kind = 0;

    Opt() = default;
    Opt(const Field<Achieved>& f) {
        if (!f.value) return;
        if (const bool* b = std::get_if<bool>(&*f.value)) {
            kind = 2;
            bits[0] = *b ? 1 : 0;
        } else {
            kind = 1;
            double d = std::get<double>(*f.value);
            std::memcpy(bits, &d, sizeof d);
        }
    }
    explicit operator bool() const { return has(); }
    bool has() const { return kind != 0; }
    Achieved operator*() const {
        if (kind == 2) return Achieved(bits[0] != 0);
        double d;
        std::memcpy(&d, bits, sizeof d);
        return Achieved(d);
    }
};

struct Result {
    Field<std::string> commitment;
    Opt<Achieved> achieved;
    Opt<std::string> note;
    Extras extras;
};

struct Evaluation {
    Mark at;
    Field<std::string> agreement;
    Field<int> year;
    Field<Date> date;
    Field<Decision> decision;
    std::vector<Field<std::string>> participants;
    std::vector<Result> results;
    Opt<bool> provisions_delivered;
    Opt<std::string> notes;
    Extras extras;
};

struct Strategy {
    Mark at;
    Field<std::string> id;
    Opt<std::string> title;
    std::vector<Field<std::string>> neighbourhoods;
    Field<Date> start, end;
    std::vector<Field<Dimension>> focus;
    std::vector<Field<std::string>> partners;
    std::vector<Field<std::string>> goals;
    Opt<std::string> notes;
    Extras extras;
};

// The ids of records in reading order (for "did you mean" hints).
template <class Records>
std::vector<std::string> ids_of(const Records& records) {
    std::vector<std::string> out;
    out.reserve(records.size());
    for (const auto& r : records)
        if (r.id) out.emplace_back(*r.id);
    return out;
}

enum class CsvDialect { rfc4180, excel_nl };
// In the order reminders of one day are listed: decide before notice (commands.md).
enum class ReminderKind { decide, notice, renewal, expiry, evaluation, strategy_end };
inline constexpr int reminder_kind_count = 6;

struct StaffMember {
    Mark at;
    Field<std::string> id, name, email;
};

struct Config {
    bool present = false;  // wijk.yaml was read
    Field<int> format;
    Field<std::string> organisation;
    Field<Lang> language;
    std::vector<Field<std::string>> exclude;
    Field<Duration> horizon_default;
    std::array<Field<Duration>, reminder_kind_count> horizon_by_kind;
    Field<Duration> reminders_lead;         // decide this long before each notice deadline
    Field<std::string> reminders_from;      // sender of reminders by e-mail
    Field<std::string> reminders_fallback;  // gets reminders without an owner's e-mail
    Field<MonthDay> evaluations_due;
    Field<int> evaluations_since;
    std::vector<StaffMember> staff;
    bool staff_listed = false;
    Field<CsvDialect> csv;
    Field<int> watch_max_class;
    Field<double> watch_max_score;
    Field<bool> contacts_in_reports;

    // `exclude:` as the listing takes it (an entry that did not read as text is left out)
    std::vector<std::string> exclude_globs() const {
        std::vector<std::string> globs;
        for (const auto& g : exclude)
            if (g) globs.emplace_back(*g);
        return globs;
    }
};

// Records of the six collections, in reading order: of one file, or of a whole repository.
// Deques, not vectors: loading appends file by file, and a vector of 100,000 records would be
// copied each time it grows, holding the old and the new copy at once, with up to half its
// capacity unused (bench scale 1: 10 MB of peak memory).
struct RecordSet {
    std::deque<Neighbourhood> neighbourhoods;
    std::deque<Liveability> liveability;
    std::deque<Partner> partners;
    std::deque<Agreement> agreements;
    std::deque<Evaluation> evaluations;
    std::deque<Strategy> strategies;
};

// What was read: files (wijk.yaml included) and records per collection (counted also when
// they have errors), so that a missing file or collection shows at a glance.
struct RecordCounts {
    std::size_t files = 0;
    std::size_t neighbourhoods = 0, liveability = 0, partners = 0, agreements = 0, evaluations = 0, strategies = 0;
};

// All the records of one data repository, in reading order.
struct Repository : RecordSet {
    std::string root;                // absolute path of the data root
    FileList files;                  // relative, '/'-separated; index 0 is wijk.yaml
    const Locator* locator = nullptr;  // set by the workspace that loaded it (model/locator.h)
    // Every text of the records points into this pool: it lives as long as they do.
    std::shared_ptr<TextPool> texts = std::make_shared<TextPool>();
    Config config;

    // Lookup by id (first record with that id), built by index().
    void index();
    const Neighbourhood* neighbourhood(std::string_view id) const;
    const Partner* partner(std::string_view id) const;
    const Agreement* agreement(std::string_view id) const;
    const Strategy* strategy(std::string_view id) const;
    const StaffMember* staff(std::string_view id) const;

    // Related records, in reading order, by id (built by index(); no report scans a whole
    // collection per record).
    std::vector<const Evaluation*> evaluations_of(std::string_view agreement) const;
    const Evaluation* evaluation_for(std::string_view agreement, int year) const;
    std::vector<const Liveability*> liveability_of(std::string_view neighbourhood) const;
    std::vector<const Agreement*> agreements_in(std::string_view neighbourhood) const;

    // Frees the liveability records once they are checked, for a command that never shows them
    // (reminders: 12.5 MB at bench scale 1); liveability_of() is empty after it.
    void release_liveability();

    // (pooled id, record index), sorted: looked up by binary search, 12 bytes an entry (a hash
    // map of copied ids took about 40).
    using Pairs = std::vector<std::pair<TextRef, std::uint32_t>>;

private:
    Pairs neighbourhood_ids_, partner_ids_, agreement_ids_, strategy_ids_;
    Pairs evaluations_by_agreement_, liveability_by_neighbourhood_, agreements_by_neighbourhood_;
};

}  // namespace wijk
