#include "load/decode.h"

#include <algorithm>

#include "load/reader.h"
#include "model/i18n.h"
#include "model/suggest.h"

namespace wijk {

namespace {

Neighbourhood decode_neighbourhood(const Value& v, DecodeContext& cx) {
    RecordReader r(v, neighbourhood_spec(), cx);
    Neighbourhood n;
    n.at = v.at;
    n.id = r.id("id");
    n.name = r.text("name");
    n.municipality = r.text("municipality");
    n.district = r.text("district");
    n.codes = r.texts("codes");
    n.code_year = r.year("code_year");
    n.homes = r.integer("homes");
    const auto approach_items = r.items("approach");
    n.approach.reserve(approach_items.size());  // exactly: most lists are never added to again
    for (const Value* item : approach_items) {
        if (!expect_mapping(*item, Text("a mapping {year, level}", "een mapping {year, level}"), cx)) continue;
        RecordReader a(*item, approach_spec(), cx);
        Approach ap;
        ap.year = a.year("year");
        ap.level = a.enumeration<ApproachLevel>("level");
        n.approach.push_back(std::move(ap));
    }
    n.notes = r.text("notes");
    n.extras = r.take_extras();
    return n;
}

Liveability decode_liveability(const Value& v, DecodeContext& cx) {
    RecordReader r(v, liveability_spec(), cx);
    Liveability l;
    l.at = v.at;
    l.neighbourhood = r.id("neighbourhood");
    l.year = r.year("year");
    if (auto c = r.integer("class")) l.klass = Field<int>(int(*c), c.at);
    l.score = r.number("score");
    l.deviation = r.number("deviation");
    if (const Value* d = r.mapping("dimensions")) {
        RecordReader dr(*d, dimensions_spec(), cx);
        for (std::size_t i = 0; i < dimension_count; ++i)
            l.dimensions[i] = dr.number(dimensions_spec().keys[i].name);
    }
    l.source = r.text("source");
    l.code = r.text("code");
    l.extras = r.take_extras();
    if (!r.get("class") && !r.get("score"))
        cx.diags.error("class-or-score", v.at,
                       Text("a liveability record needs a class or a score (or both)",
                                      "een leefbaarheidsrecord heeft een klasse of een score nodig (of beide)"));
    return l;
}

Partner decode_partner(const Value& v, DecodeContext& cx) {
    RecordReader r(v, partner_spec(), cx);
    Partner p;
    p.at = v.at;
    p.id = r.id("id");
    p.name = r.text("name");
    p.kind = r.enumeration<PartnerKind>("kind");
    p.neighbourhoods = r.texts("neighbourhoods", true);
    p.since = r.date("since");
    p.kvk = r.text("kvk");
    if (p.kvk) {
        const auto& k = *p.kvk;
        bool ok = k.size() == 8;
        for (char c : k) ok = ok && c >= '0' && c <= '9';
        if (!ok)
            cx.diags.error("invalid-kvk", r.get("kvk")->at,
                           say("'{}' is not a KvK number of 8 digits", "'{}' is geen KvK-nummer van 8 cijfers", k));
    }
    const auto contacts_items = r.items("contacts");
    p.contacts.reserve(contacts_items.size());  // exactly: most lists are never added to again
    for (const Value* item : contacts_items) {
        if (!expect_mapping(*item, Text("a contact {name, role, email, phone}", "een contact {name, role, email, phone}"), cx))
            continue;
        RecordReader c(*item, contact_spec(), cx);
        Contact ct;
        ct.name = c.text("name");
        ct.role = c.text("role");
        ct.email = c.text("email");
        ct.phone = c.text("phone");
        ct.extras = c.take_extras();
        p.contacts.push_back(std::move(ct));
    }
    p.notes = r.text("notes");
    p.extras = r.take_extras();
    return p;
}

Provision decode_provision(const Value& v, DecodeContext& cx) {
    RecordReader r(v, provision_spec(), cx);
    Provision p;
    p.at = v.at;
    p.kind = r.enumeration<ProvisionKind>("kind");
    p.description = r.text("description");
    p.value_per_year = r.money("value_per_year");
    p.address = r.text("address");
    p.area_m2 = r.number("area_m2");
    p.lease = r.enumeration<Lease>("lease");
    p.lease_ref = r.text("lease_ref");
    p.rent_per_year = r.money("rent_per_year");
    p.percent = r.percent("percent");
    p.amount_per_year = r.money("amount_per_year");
    p.justification = r.text("justification");
    p.hours_per_year = r.number("hours_per_year");
    p.extras = r.take_extras();
    if (p.area_m2 && *p.area_m2 <= 0)
        cx.diags.error("out-of-range", r.get("area_m2")->at,
                       Text("area_m2 must be more than 0", "area_m2 moet meer dan 0 zijn"));
    if (!p.kind) return p;
    // Keys that belong to another kind of provision.
    auto kind = name(*p.kind);
    auto own = provision_keys_for(kind);
    for (const auto& ks : provision_spec().keys) {
        std::string_view k = ks.name;
        std::string owners;  // the kinds this key belongs to, when not to this one
        bool mine = false, specific = false;
        for (std::string_view other : provision_kind_names)
            for (auto key : provision_keys_for(other))
                if (key == k) {
                    specific = true;
                    if (other == kind) mine = true;
                    else owners += (owners.empty() ? "" : ", ") + std::string(other);
                }
        if (!specific || mine || !r.get(k)) continue;
        cx.diags.error("unknown-key", r.key_mark(k),
                       say("'{}' does not belong in a {} provision", "'{}' hoort niet bij een voorziening van soort {}", k, kind),
                       say("it belongs to kind {}", "het hoort bij soort {}", owners));
    }
    if (*p.kind == ProvisionKind::space && !r.get("address"))
        cx.diags.error("missing-key", r.at(),
                       Text("a space provision needs an 'address'", "een voorziening 'space' heeft een 'address' nodig"));
    if (*p.kind == ProvisionKind::funding && !r.get("amount_per_year"))
        cx.diags.error("missing-key", r.at(),
                       Text("a funding provision needs an 'amount_per_year'",
                                      "een voorziening 'funding' heeft een 'amount_per_year' nodig"));
    if (*p.kind == ProvisionKind::rent_discount && ((r.get("percent") != nullptr) == (r.get("amount_per_year") != nullptr)))
        cx.diags.error("rent-discount-amount", r.at(),
                       Text("a rent discount needs exactly one of 'percent' and 'amount_per_year'",
                                      "een huurkorting heeft precies één van 'percent' en 'amount_per_year' nodig"));
    return p;
}

Agreement decode_agreement(const Value& v, DecodeContext& cx) {
    RecordReader r(v, agreement_spec(), cx);
    Agreement a;
    a.at = v.at;
    a.id = r.id("id");
    a.partner = r.id("partner");
    a.title = r.text("title");
    a.neighbourhoods = r.texts("neighbourhoods", true);
    a.start = r.date("start");
    a.end = r.date("end");
    a.signed_on = r.date("signed");
    a.notice = r.duration("notice");
    a.renewal = r.enumeration<Renewal>("renewal");
    a.renewal_term = r.duration("renewal_term");
    a.owner = r.text("owner");
    a.strategy = r.id("strategy");
    a.document = r.text("document");
    a.evaluation_due = r.month_day("evaluation_due");
    if (const Value* t = r.mapping("terminated")) {
        RecordReader tr_(*t, termination_spec(), cx);
        Termination term;
        term.at = t->at;
        term.end = tr_.date("end");
        term.by = tr_.enumeration<TerminatedBy>("by");
        term.notice_given = tr_.date("notice_given");
        term.reason = tr_.text("reason");
        term.extras = tr_.take_extras();
        bool mutual = term.by && *term.by == TerminatedBy::mutual;
        if (!mutual && !tr_.get("notice_given"))
            cx.diags.error("missing-key", t->at,
                           Text("'terminated' needs 'notice_given' (the day notice was given) unless 'by: mutual'",
                                          "'terminated' heeft 'notice_given' nodig (de dag van opzegging), tenzij 'by: mutual'"));
        a.terminated = std::move(term);
    }
    const auto we_provide_items = r.items("we_provide");
    a.we_provide.reserve(we_provide_items.size());  // exactly: most lists are never added to again
    for (const Value* item : we_provide_items)
        if (expect_mapping(*item, Text("a provision {kind, ...}", "een voorziening {kind, ...}"), cx))
            a.we_provide.push_back(decode_provision(*item, cx));
    const auto partner_provides_items = r.items("partner_provides");
    a.partner_provides.reserve(partner_provides_items.size());  // exactly: most lists are never added to again
    for (const Value* item : partner_provides_items) {
        if (!expect_mapping(*item, Text("a commitment {id, description, ...}", "een toezegging {id, description, ...}"), cx))
            continue;
        RecordReader c(*item, commitment_spec(), cx);
        Commitment cm;
        cm.id = c.id("id");
        cm.description = c.text("description");
        cm.target = c.number("target");
        cm.unit = c.text("unit");
        cm.per = c.enumeration<Per>("per");
        cm.extras = c.take_extras();
        a.partner_provides.push_back(std::move(cm));
    }
    a.notes = r.text("notes");
    a.extras = r.take_extras();
    return a;
}

Evaluation decode_evaluation(const Value& v, DecodeContext& cx) {
    RecordReader r(v, evaluation_spec(), cx);
    Evaluation e;
    e.at = v.at;
    e.agreement = r.id("agreement");
    e.year = r.year("year");
    e.date = r.date("date");
    e.decision = r.enumeration<Decision>("decision");
    e.participants = r.texts("participants");
    const auto results_items = r.items("results");
    e.results.reserve(results_items.size());  // exactly: most lists are never added to again
    for (const Value* item : results_items) {
        if (!expect_mapping(*item, Text("a result {commitment, achieved, note}", "een resultaat {commitment, achieved, note}"), cx))
            continue;
        RecordReader rr(*item, result_spec(), cx);
        Result res;
        res.commitment = rr.id("commitment");
        if (const Value* ach = rr.get("achieved")) {
            if (ach->is_scalar() && (ach->text == "true" || ach->text == "false"))
                res.achieved = Field<Achieved>(Achieved(ach->text == "true"), ach->loc);
            else if (ach->is_scalar() && !looks_like_number(ach->text))
                cx.diags.error("wrong-type", ach->at,
                               say("achieved: '{}' is not a number or true/false",
                                   "achieved: '{}' is geen getal of true/false", ach->text));
            else if (auto n = as_number(*ach, cx, 0))
                res.achieved = Field<Achieved>(Achieved(*n), ach->loc);
        }
        res.note = rr.text("note");
        res.extras = rr.take_extras();
        e.results.push_back(std::move(res));
    }
    e.provisions_delivered = r.boolean("provisions_delivered");
    e.notes = r.text("notes");
    e.extras = r.take_extras();
    return e;
}

Strategy decode_strategy(const Value& v, DecodeContext& cx) {
    RecordReader r(v, strategy_spec(), cx);
    Strategy s;
    s.at = v.at;
    s.id = r.id("id");
    s.title = r.text("title");
    s.neighbourhoods = r.texts("neighbourhoods", true);
    s.start = r.date("start");
    s.end = r.date("end");
    s.focus = r.enums<Dimension>("focus");
    s.partners = r.texts("partners", true);
    s.goals = r.texts("goals");
    s.notes = r.text("notes");
    s.extras = r.take_extras();
    return s;
}

template <class Records, class Decode>
void decode_one(const Value& item, Records& out, Decode decode, DecodeContext& cx) {
    if (item.type == Value::Type::decoded) return;  // taken while parsing
    if (!expect_mapping(item, Text("a record (a mapping of keys)", "een record (een mapping van sleutels)"), cx))
        return;
    out.push_back(decode(item, cx));
}

// Calls f(records vector, decode function) for a known collection; false for any other key.
template <class F>
bool with_collection(std::string_view key, RecordSet& repo, F f) {
    if (key == "neighbourhoods") f(repo.neighbourhoods, decode_neighbourhood);
    else if (key == "liveability") f(repo.liveability, decode_liveability);
    else if (key == "partners") f(repo.partners, decode_partner);
    else if (key == "agreements") f(repo.agreements, decode_agreement);
    else if (key == "evaluations") f(repo.evaluations, decode_evaluation);
    else if (key == "strategies") f(repo.strategies, decode_strategy);
    else return false;
    return true;
}

}  // namespace

bool decode_record(std::string_view collection, const Value& record, RecordSet& out, TextPool& texts,
                   Diagnostics& diags) {
    DecodeContext cx{diags, texts};
    return with_collection(collection, out, [&](auto& out, auto decode) { decode_one(record, out, decode, cx); });
}

void decode_data_file(const Value& root, RecordSet& out, TextPool& texts, Diagnostics& diags) {
    DecodeContext cx{diags, texts};
    if (!root.is_mapping()) {
        if (root.is_null()) {
            diags.warning("empty-file", root.at, Text("the file is empty", "het bestand is leeg"));
            return;
        }
        diags.error("wrong-type", root.at,
                    Text("a data file must be a mapping of collections (neighbourhoods:, partners:, ...)",
                                   "een gegevensbestand moet een mapping van verzamelingen zijn (neighbourhoods:, partners:, ...)"));
        return;
    }
    for (std::size_t i = 0; i + 1 < root.items.size(); i += 2) {
        const Value& k = root.items[i];
        const Value& v = root.items[i + 1];
        std::string_view key = k.text;
        if (!k.is_scalar()) {
            diags.error("wrong-type", k.at, Text("a key must be a single word", "een sleutel moet één woord zijn"));
        } else if (with_collection(key, out, [&](auto& records, auto decode) {
                       if (v.is_null()) return;
                       if (!v.is_sequence()) {
                           cx.diags.error("wrong-type", v.at,
                                          say("'{}' must be a list of records (items starting with '- ')",
                                              "'{}' moet een lijst van records zijn (items die beginnen met '- ')", key));
                           return;
                       }
                       for (const Value& item : v.items) decode_one(item, records, decode, cx);
                   })) {
        } else {
            auto s = suggest(key, collection_names);
            std::string list;
            for (auto n : collection_names) list += (list.empty() ? "" : ", ") + std::string(n);
            diags.error("unknown-collection", k.at,
                        say("unknown collection '{}' (known: {})", "onbekende verzameling '{}' (bekend: {})", key, list),
                        s ? did_you_mean(*s) : Text());
        }
    }
}

namespace {

// An e-mail address of wijk.yaml (reminders.from, reminders.fallback): one address as mail
// programs take it in a header, local@domain, without a display name, spaces or line breaks.
bool looks_like_email(std::string_view s) {
    const auto at = s.find('@');
    if (at == std::string_view::npos || at == 0 || at + 1 >= s.size() || s.find('@', at + 1) != std::string_view::npos)
        return false;
    const std::string_view domain = s.substr(at + 1);
    if (domain.front() == '.' || domain.back() == '.' || domain.find("..") != std::string_view::npos) return false;
    for (unsigned char ch : s)
        if (ch <= ' ' || ch == 0x7F || ch == '<' || ch == '>' || ch == '(' || ch == ')' || ch == ',' || ch == ';' ||
            ch == ':' || ch == '"' || ch == '[' || ch == ']' || ch == '\\')
            return false;
    return true;
}

Field<std::string> email_address(RecordReader& r, std::string_view key, DecodeContext& cx) {
    Field<std::string> f = r.text(key);
    const Value* v = r.get(key);
    if (!f || !v) return f;
    if (looks_like_email(*f)) return f;
    cx.diags.error("invalid-email", v->at,
                   say("reminders.{}: '{}' is not an e-mail address", "reminders.{}: '{}' is geen e-mailadres", key, *f),
                   Text("write one address, e.g. wijk@example.nl (no name, no spaces)",
                        "schrijf een adres, bijv. wijk@example.nl (geen naam, geen spaties)"));
    return Field<std::string>();
}

}  // namespace

void decode_config(const Value& root, Config& c, TextPool& texts, Diagnostics& diags) {
    DecodeContext cx{diags, texts};
    c.present = true;
    if (root.is_null()) return;
    if (!expect_mapping(root, Text("a mapping of settings", "een mapping van instellingen"), cx)) return;
    RecordReader r(root, config_spec(), cx);
    c.format = [&] {
        Field<int> f;
        if (const Value* v = r.get("format")) {
            if (v->is_scalar() && v->text != "1")
                diags.error("unsupported-format", v->at,
                            say("format {} is not supported; this wijk reads format 1",
                                "formaat {} wordt niet ondersteund; deze wijk leest formaat 1", v->text),
                            Text("upgrade wijk, or write format: 1", "werk wijk bij, of schrijf format: 1"));
            else if (auto n = as_integer(*v, cx)) f = Field<int>(int(*n), v->loc);
        }
        return f;
    }();
    c.organisation = r.text("organisation");
    c.language = r.enumeration<Lang>("language");
    c.exclude = r.texts("exclude");
    if (const Value* h = r.mapping("reminders")) {
        RecordReader rr(*h, config_spec().find("reminders")->record[0], cx);
        if (const Value* hz = rr.get("horizon")) {
            if (hz->is_mapping()) {
                for (std::size_t i = 0; i + 1 < hz->items.size(); i += 2) {
                    const Value& k = hz->items[i];
                    const Value& v = hz->items[i + 1];
                    auto d = as_duration(v, cx);
                    if (k.text == "default") {
                        if (d) c.horizon_default = Field<Duration>(*d, v.loc);
                    } else if (auto idx = index_of(k.text, reminder_kind_names)) {
                        if (d) c.horizon_by_kind[*idx] = Field<Duration>(*d, v.loc);
                    } else {
                        std::vector<std::string_view> names(reminder_kind_names.begin(), reminder_kind_names.end());
                        names.push_back("default");
                        auto s = suggest(k.text, names);
                        diags.error("unknown-key", k.at,
                                    say("unknown reminder kind '{}' in horizon", "onbekende soort herinnering '{}' in horizon", k.text),
                                    s ? did_you_mean(*s) : Text());
                    }
                }
            } else if (auto d = as_duration(*hz, cx)) {
                c.horizon_default = Field<Duration>(*d, hz->loc);
            }
        }
        c.reminders_lead = rr.duration("lead");
        c.reminders_from = email_address(rr, "from", cx);
        c.reminders_fallback = email_address(rr, "fallback", cx);
    }
    if (const Value* e = r.mapping("evaluations")) {
        RecordReader er(*e, config_spec().find("evaluations")->record[0], cx);
        c.evaluations_due = er.month_day("due");
        c.evaluations_since = er.year("since");
    }
    if (r.get("staff")) c.staff_listed = true;
    for (const Value* item : r.items("staff")) {
        if (!expect_mapping(*item, Text("a staff member {id, name, email}", "een medewerker {id, name, email}"), cx)) continue;
        RecordReader sr(*item, staff_spec(), cx);
        StaffMember s;
        s.at = item->at;
        s.id = sr.id("id");
        s.name = sr.text("name");
        s.email = sr.text("email");
        c.staff.push_back(std::move(s));
    }
    c.csv = r.enumeration<CsvDialect>("csv");
    if (const Value* w = r.mapping("watch")) {
        RecordReader wr(*w, config_spec().find("watch")->record[0], cx);
        if (auto m = wr.integer("max_class")) c.watch_max_class = Field<int>(int(*m), m.at);
        c.watch_max_score = wr.number("max_score");
    }
    if (const Value* p = r.mapping("privacy")) {
        RecordReader pr(*p, config_spec().find("privacy")->record[0], cx);
        c.contacts_in_reports = pr.boolean("contacts_in_reports");
    }
}

}  // namespace wijk
