#include "lsp/features.h"

#include <algorithm>
#include <cctype>

#include "lsp/yaml_context.h"
#include "model/enums.h"
#include "model/i18n.h"
#include "model/key_docs.h"
#include "model/key_table.h"
#include "model/terms.h"
#include "render/escape.h"
#include "render/labels.h"
#include "render/reminders.h"
#include "report/checklist.h"
#include "report/reminders.h"

namespace wijk::lsp {

namespace {

// LSP's CompletionItemKind and SymbolKind numbers.
namespace item_kind {
constexpr int property = 10, value = 12, enum_member = 20, reference = 18, module = 9;
}
namespace symbol_kind {
constexpr int namespace_ = 3, object = 19;
}

// More candidates than this (14,000 neighbourhoods) are filtered by what was typed, and the
// list says it is incomplete so that the editor asks again as the user types.
constexpr std::size_t max_items = 200;

struct Place {
    Cursor cursor;
    Resolved resolved;
    Outline outline;
    const OutlineRecord* record = nullptr;
};

Place place_at(const Snapshot& s, Position pos) {
    Place p;
    p.cursor = cursor_at(s.doc.text(), s.doc.lines(), pos);
    p.resolved = resolve(p.cursor.path, s.config_file);
    p.outline = outline_of(s.doc.text(), s.doc.lines());
    p.record = p.outline.record_at(pos.line);
    return p;
}

// What a value names, when it names a record.
enum class Ref { none, neighbourhood, partner, agreement, strategy, staff, commitment };

Ref ref_of(const Resolved& r) {
    if (!r.value) return Ref::none;
    const KeySpec& k = *r.value;
    if (k.kind == KeyKind::ref || k.kind == KeyKind::ref_list) {
        if (k.target == "neighbourhoods") return Ref::neighbourhood;
        if (k.target == "partners") return Ref::partner;
        if (k.target == "agreements") return Ref::agreement;
        if (k.target == "strategies") return Ref::strategy;
    }
    if (r.owner == &agreement_spec() && k.name == "owner") return Ref::staff;
    if (r.owner == &result_spec() && k.name == "commitment") return Ref::commitment;
    return Ref::none;
}

// A record's own id: what it stands for (for hover).
Ref self_of(const Resolved& r) {
    if (!r.value || r.value->kind != KeyKind::id) return Ref::none;
    if (r.owner == &neighbourhood_spec()) return Ref::neighbourhood;
    if (r.owner == &partner_spec()) return Ref::partner;
    if (r.owner == &agreement_spec()) return Ref::agreement;
    if (r.owner == &strategy_spec()) return Ref::strategy;
    if (r.owner == &staff_spec()) return Ref::staff;
    if (r.owner == &commitment_spec()) return Ref::commitment;
    return Ref::none;
}

// Is the cursor on a value (or a list item) rather than a key?
bool on_value(const Place& p) {
    return (p.cursor.at == Cursor::At::value && p.resolved.value) ||
           (p.cursor.at == Cursor::At::bare && p.resolved.value && p.resolved.element);
}

// The agreement a commitment belongs to: of the evaluation the cursor is in (results), or the
// agreement itself (partner_provides).
std::string agreement_of(const Place& p) {
    if (!p.record) return {};
    if (p.record->collection == "evaluations") {
        if (const auto* e = p.record->find("agreement")) return e->value;
    }
    if (p.record->collection == "agreements") {
        if (const auto* e = p.record->find("id")) return e->value;
    }
    return {};
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string md(std::string_view s) { return markdown_text(one_line_text(s)); }

// ---- completion ------------------------------------------------------------------------------

struct Candidate {
    std::string label, detail, documentation, sort;
    int kind = item_kind::value;
    std::string insert;  // the text that replaces the word (label when empty)
};

json item_json(const Candidate& c, const Range& word) {
    json item{{"label", c.label}, {"kind", c.kind}};
    if (!c.detail.empty()) item["detail"] = c.detail;
    if (!c.documentation.empty()) item["documentation"] = json{{"kind", "markdown"}, {"value", c.documentation}};
    if (!c.sort.empty()) item["sortText"] = c.sort;
    item["filterText"] = c.label;
    item["textEdit"] = json{{"range", to_json(word)}, {"newText", c.insert.empty() ? c.label : c.insert}};
    return item;
}

void key_candidates(const RecordSpec& spec, const Cursor& c, Lang lang, std::vector<Candidate>& out) {
    // a provision offers the keys of its kind only, once the kind is written
    std::vector<std::string_view> only;
    if (&spec == &provision_spec()) {
        for (const auto& [k, v] : c.sibling_values)
            if (k == "kind" && !v.empty()) {
                only = {"kind", "description", "value_per_year"};
                for (auto extra : provision_keys_for(v)) only.push_back(extra);
            }
    }
    for (std::size_t i = 0; i < spec.keys.size(); ++i) {
        const KeySpec& k = spec.keys[i];
        if (std::find(c.siblings.begin(), c.siblings.end(), k.name) != c.siblings.end()) continue;
        if (!only.empty() && std::find(only.begin(), only.end(), k.name) == only.end()) continue;
        Candidate cand;
        cand.label = std::string(k.name);
        cand.kind = item_kind::property;
        cand.detail = key_kind_text(k).in(lang);
        if (k.required) cand.detail += tr(lang, " · required", " · verplicht");
        cand.documentation = md(key_doc(spec, k.name).in(lang));
        cand.sort = fmt::format("{}{:03}", k.required ? 0 : 1, i);
        const bool container = k.kind == KeyKind::record || k.kind == KeyKind::record_list;
        cand.insert = c.colon_follows ? cand.label : cand.label + (container ? ":" : ": ");
        out.push_back(std::move(cand));
    }
}

void id_candidates(const Snapshot& s, const Place& p, Ref ref, std::vector<Candidate>& out) {
    const Repository* repo = s.repo;
    if (!repo) return;
    const Lang lang = s.lang;
    auto add = [&](std::string_view id, std::string detail) {
        Candidate c;
        c.label = std::string(id);
        c.kind = item_kind::reference;
        c.detail = std::move(detail);
        out.push_back(std::move(c));
    };
    switch (ref) {
        case Ref::neighbourhood:
            for (const auto& n : repo->neighbourhoods)
                if (n.id) {
                    std::string d(text_or_empty(n.name));
                    if (n.municipality) d += " · " + std::string(*n.municipality);
                    add(*n.id, d);
                }
            break;
        case Ref::partner:
            for (const auto& x : repo->partners)
                if (x.id) {
                    std::string d(text_or_empty(x.name));
                    if (x.kind) d += " · " + std::string(partner_kind_label(*x.kind, lang));
                    add(*x.id, d);
                }
            break;
        case Ref::agreement:
            for (const auto& a : repo->agreements)
                if (a.id) add(*a.id, std::string(text_or_empty(a.title)));
            break;
        case Ref::strategy:
            for (const auto& x : repo->strategies)
                if (x.id) add(*x.id, std::string(text_or_empty(x.title)));
            break;
        case Ref::staff:
            for (const auto& m : repo->config.staff)
                if (m.id) add(*m.id, std::string(text_or_empty(m.name)));
            break;
        case Ref::commitment: {
            std::string of = agreement_of(p);
            if (const Agreement* a = of.empty() ? nullptr : repo->agreement(of))
                for (const auto& cm : a->partner_provides)
                    if (cm.id) add(*cm.id, std::string(text_or_empty(cm.description)));
            break;
        }
        case Ref::none: break;
    }
    // one entry per id (a duplicate id is a diagnostic of its own)
    std::stable_sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) { return a.label < b.label; });
    out.erase(std::unique(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) { return a.label == b.label; }),
              out.end());
}

std::string_view enum_detail(const KeySpec& k, std::string_view v, Lang lang) {
    if (k.values.data() == partner_kind_names.data())
        if (auto i = index_of(v, partner_kind_names)) return partner_kind_label(PartnerKind(*i), lang);
    if (k.values.data() == decision_names.data())
        if (auto i = index_of(v, decision_names)) return decision_label(Decision(*i), lang);
    if (k.values.data() == renewal_names.data()) {
        if (v == "none") return tr(lang, "ends on end", "eindigt op end");
        if (v == "tacit") return tr(lang, "tacit renewal", "stilzwijgende verlenging");
        if (v == "indefinite") return tr(lang, "then for an indefinite period", "daarna voor onbepaalde tijd");
    }
    return {};
}

void value_candidates(const Snapshot& s, const Place& p, std::vector<Candidate>& out) {
    const KeySpec& k = *p.resolved.value;
    if (k.kind == KeyKind::enumeration || k.kind == KeyKind::enum_list) {
        for (auto v : k.values) {
            Candidate c;
            c.label = std::string(v);
            c.kind = item_kind::enum_member;
            c.detail = std::string(enum_detail(k, v, s.lang));
            out.push_back(std::move(c));
        }
    } else if (k.kind == KeyKind::boolean) {
        for (std::string_view v : {"true", "false"}) {
            Candidate c;
            c.label = std::string(v);
            c.kind = item_kind::value;
            out.push_back(std::move(c));
        }
    } else {
        id_candidates(s, p, ref_of(p.resolved), out);
    }
    // items the list already holds are not offered again
    const auto& have = p.cursor.list_items;
    std::erase_if(out, [&](const Candidate& c) { return std::find(have.begin(), have.end(), c.label) != have.end(); });
    if (p.resolved.list)
        for (auto& c : out) c.insert = "[" + c.label + "]";
}

// ---- hover -------------------------------------------------------------------------------------

std::string neighbourhood_hover(const Repository& repo, const Neighbourhood& n, Lang lang) {
    std::string out = fmt::format("**{}** — {} `{}`", md(text_or_empty(n.name)), tr(lang, "neighbourhood", "buurt"), md(*n.id));
    std::string where;
    if (n.municipality) where = md(*n.municipality);
    if (n.district) where += (where.empty() ? "" : ", ") + md(*n.district);
    if (!where.empty()) out += "  \n" + where;
    LiveabilityTrend t = liveability_trend(repo, n, std::nullopt);
    if (t.latest && t.latest->klass) {
        out += "  \n" + msg(lang, "Latest class: {} ({}, {})", "Laatste klasse: {} ({}, {})", *t.latest->klass,
                            class_name(*t.latest->klass, lang), t.latest->year);
        std::string trend;
        std::size_t from = t.years.size() > 5 ? t.years.size() - 5 : 0;
        for (std::size_t i = from; i < t.years.size(); ++i) {
            if (!t.years[i].klass) continue;
            if (!trend.empty()) trend += " → ";
            trend += fmt::format("{} ({})", *t.years[i].klass, t.years[i].year);
        }
        if (t.years.size() > 1) out += "  \n" + msg(lang, "Trend: {}", "Verloop: {}", trend);
    } else {
        out += "  \n" + std::string(tr(lang, "No liveability class recorded.", "Geen leefbaarheidsklasse vastgelegd."));
    }
    return out;
}

std::string partner_hover(const Partner& x, Lang lang) {
    std::string out = fmt::format("**{}** — {} `{}`", md(text_or_empty(x.name)), tr(lang, "partner", "partner"), md(*x.id));
    if (x.kind) {
        std::string_view label = partner_kind_label(*x.kind, lang);
        out += "  \n" + (label == name(*x.kind) ? msg(lang, "Kind: {}", "Soort: {}", label)
                                                 : msg(lang, "Kind: {} ({})", "Soort: {} ({})", label, name(*x.kind)));
    }
    std::string hoods;
    for (const auto& h : x.neighbourhoods)
        if (h) hoods += (hoods.empty() ? "" : ", ") + md(*h);
    if (!hoods.empty()) out += "  \n" + msg(lang, "Neighbourhoods: {}", "Buurten: {}", hoods);
    if (x.since) out += "  \n" + msg(lang, "Partner since {}", "Partner sinds {}", to_string(*x.since));
    return out;
}

std::string agreement_hover(const Repository& repo, const Agreement& a, Lang lang, const Date& t) {
    std::string out = fmt::format("**{}** — {} `{}`", md(text_or_empty(a.title)), tr(lang, "agreement", "afspraak"), md(*a.id));
    if (a.partner) {
        const Partner* p = repo.partner(*a.partner);
        out += "  \n" + msg(lang, "Partner: {} (`{}`)", "Partner: {} (`{}`)", p && p->name ? md(*p->name) : "?", md(*a.partner));
    }
    if (!a.start) return out;
    const Status st = status_on(a, t);
    out += "  \n" + msg(lang, "Status on {}: {}", "Status op {}: {}", to_string(t), status_label(st, lang));
    if (st == Status::ended) {
        if (auto last = final_day(a, t)) out += "  \n" + msg(lang, "Ended on {}", "Beëindigd op {}", to_string(*last));
    } else if (auto e = current_term_end(a, t)) {
        out += "  \n" + msg(lang, "Current term ends on {}", "Huidige termijn eindigt op {}", to_string(*e));
        if (renews_tacitly(a, t) || runs_on_indefinitely(a, t)) {
            Date d = notice_deadline_of(a, *e);
            if (a.notice)
                out += "  \n" + msg(lang, "Notice deadline: {} (notice period {})", "Uiterste opzegdatum: {} (opzegtermijn {})",
                                    to_string(d), duration_text(*a.notice, lang));
            else
                out += "  \n" + msg(lang, "Notice deadline: {} (no notice period)", "Uiterste opzegdatum: {} (geen opzegtermijn)",
                                    to_string(d));
        } else if (auto last = final_day(a, t)) {
            out += "  \n" + msg(lang, "Ends on {} without notice", "Eindigt op {} zonder opzegging", to_string(*last));
        }
    } else if (runs_on_indefinitely(a, t) || !a.end) {
        out += "  \n" + std::string(tr(lang, "Runs on until notice is given", "Loopt door tot er wordt opgezegd"));
        if (a.notice) out += msg(lang, " (notice period {})", " (opzegtermijn {})", duration_text(*a.notice, lang));
    }
    if (auto r = next_reminder(repo, a, t))
        out += "  \n" + msg(lang, "Next reminder: {}: {}", "Volgende herinnering: {}: {}", to_string(r->date),
                            md(reminder_summary(*r, lang)));
    return out;
}

std::string strategy_hover(const Strategy& x, Lang lang) {
    std::string out = fmt::format("**{}** — {} `{}`", md(text_or_empty(x.title)), tr(lang, "strategy", "buurtstrategie"), md(*x.id));
    if (x.start && x.end) out += "  \n" + fmt::format("{} – {}", to_string(*x.start), to_string(*x.end));
    std::string hoods;
    for (const auto& h : x.neighbourhoods)
        if (h) hoods += (hoods.empty() ? "" : ", ") + md(*h);
    if (!hoods.empty()) out += "  \n" + msg(lang, "Neighbourhoods: {}", "Buurten: {}", hoods);
    return out;
}

std::string staff_hover(const StaffMember& m, Lang lang) {
    std::string out = fmt::format("**{}** — {} `{}`", md(text_or_empty(m.name)), tr(lang, "staff", "medewerker"), md(*m.id));
    if (m.email) out += "  \n" + md(*m.email);
    return out;
}

std::string commitment_hover(const Agreement& a, const Commitment& c, Lang lang) {
    std::string out = fmt::format("**{}** — {} `{}`", md(text_or_empty(c.description)), tr(lang, "commitment", "toezegging"),
                                  md(*c.id));
    out += "  \n" + msg(lang, "Of agreement `{}`", "Van afspraak `{}`", md(*a.id));
    if (c.target) {
        std::string unit = c.unit ? " " + md(*c.unit) : "";
        bool per_term = c.per && *c.per == Per::term;
        out += "  \n" + msg(lang, "Target: {}{} {}", "Doel: {}{} {}", fmt::format("{}", *c.target), unit,
                            per_term ? tr(lang, "for the whole term", "voor de hele termijn") : tr(lang, "a year", "per jaar"));
    }
    return out;
}

std::string referent_hover(const Snapshot& s, const Place& p, Ref ref, const std::string& id) {
    const Repository& repo = *s.repo;
    const Lang lang = s.lang;
    auto missing = [&](Text what) { return msg(lang, "No {} with id '{}'", "Geen {} met id '{}'", what, md(id)); };
    switch (ref) {
        case Ref::neighbourhood:
            if (const auto* n = repo.neighbourhood(id)) return neighbourhood_hover(repo, *n, lang);
            return missing(Text("neighbourhood", "buurt"));
        case Ref::partner:
            if (const auto* x = repo.partner(id)) return partner_hover(*x, lang);
            return missing(Text("partner", "partner"));
        case Ref::agreement:
            if (const auto* a = repo.agreement(id)) return agreement_hover(repo, *a, lang, s.as_of);
            return missing(Text("agreement", "afspraak"));
        case Ref::strategy:
            if (const auto* x = repo.strategy(id)) return strategy_hover(*x, lang);
            return missing(Text("strategy", "buurtstrategie"));
        case Ref::staff:
            if (const auto* m = repo.staff(id)) return staff_hover(*m, lang);
            if (repo.config.staff.empty()) return {};
            return missing(Text("staff member", "medewerker"));
        case Ref::commitment: {
            std::string of = agreement_of(p);
            const Agreement* a = of.empty() ? nullptr : repo.agreement(of);
            if (!a) return {};
            for (const auto& c : a->partner_provides)
                if (c.id && *c.id == id) return commitment_hover(*a, c, lang);
            return msg(lang, "Agreement `{}` has no commitment '{}'", "Afspraak `{}` heeft geen toezegging '{}'", md(of), md(id));
        }
        case Ref::none: break;
    }
    return {};
}

Range word_range(const Snapshot& s, Position pos, const Cursor& c) {
    std::string_view line = s.doc.line(pos.line);
    return Range{{pos.line, utf16_length(line.substr(0, c.word_start))}, {pos.line, utf16_length(line.substr(0, c.word_end))}};
}

// ---- symbols -----------------------------------------------------------------------------------

std::string record_name(const OutlineRecord& r) {
    auto value = [&](std::string_view key) {
        const OutlineEntry* e = r.find(key);
        return e ? e->value : std::string();
    };
    if (r.collection == "liveability") {
        std::string n = value("neighbourhood"), y = value("year");
        std::string out = n.empty() ? "?" : n;
        if (!y.empty()) out += " " + y;
        std::string src = value("source");
        if (!src.empty()) out += " (" + src + ")";
        return out;
    }
    if (r.collection == "evaluations") {
        std::string a = value("agreement"), y = value("year");
        return (a.empty() ? "?" : a) + (y.empty() ? "" : " " + y);
    }
    return value("id");
}

std::string record_detail(const OutlineRecord& r) {
    for (std::string_view key : {"title", "name", "decision"})
        if (const OutlineEntry* e = r.find(key)) {
            if (key == "decision") return "decision: " + e->value;
            return e->value;
        }
    if (const OutlineEntry* e = r.find("class")) return "class " + e->value;
    return {};
}

}  // namespace

json complete(const Snapshot& s, Position pos) {
    json list{{"isIncomplete", false}, {"items", json::array()}};
    Place p = place_at(s, pos);
    const Cursor& c = p.cursor;
    const Resolved& r = p.resolved;
    std::vector<Candidate> cands;
    if (c.at == Cursor::At::bare && r.collections) {
        for (auto name : collection_names) {
            if (std::find(c.siblings.begin(), c.siblings.end(), name) != c.siblings.end()) continue;
            Candidate cand;
            cand.label = std::string(name);
            cand.kind = item_kind::module;
            cand.documentation = md(collection_doc(name).in(s.lang));
            cand.insert = c.colon_follows ? cand.label : cand.label + ":";
            cands.push_back(std::move(cand));
        }
    } else if (c.at == Cursor::At::bare && r.mapping) {
        key_candidates(*r.mapping, c, s.lang, cands);
    } else if (c.at == Cursor::At::bare && r.horizon) {
        std::vector<std::string_view> kinds{"default"};
        for (auto k : reminder_kind_names) kinds.push_back(k);
        for (auto k : kinds) {
            if (std::find(c.siblings.begin(), c.siblings.end(), k) != c.siblings.end()) continue;
            Candidate cand;
            cand.label = std::string(k);
            cand.kind = item_kind::property;
            cand.insert = c.colon_follows ? cand.label : cand.label + ": ";
            cands.push_back(std::move(cand));
        }
    } else if (on_value(p)) {
        value_candidates(s, p, cands);
    }
    if (cands.size() > max_items) {
        const std::string typed = lower(c.typed);
        std::vector<Candidate> kept;
        for (auto& cand : cands)
            if (lower(cand.label).find(typed) != std::string::npos) kept.push_back(std::move(cand));
        // those that start with what was typed first
        std::stable_partition(kept.begin(), kept.end(), [&](const Candidate& x) { return lower(x.label).rfind(typed, 0) == 0; });
        if (kept.size() > max_items) kept.resize(max_items);
        list["isIncomplete"] = true;
        cands = std::move(kept);
    }
    const Range word = word_range(s, pos, c);
    for (const auto& cand : cands) list["items"].push_back(item_json(cand, word));
    return list;
}

json hover(const Snapshot& s, Position pos) {
    Place p = place_at(s, pos);
    const Cursor& c = p.cursor;
    const Resolved& r = p.resolved;
    if (c.word.empty()) return nullptr;
    std::string text;
    if (c.at == Cursor::At::bare && r.mapping) {
        if (const KeySpec* k = r.mapping->find(c.word)) {
            text = fmt::format("**{}** — {}", c.word, key_kind_text(*k).in(s.lang));
            if (k->required) text += tr(s.lang, " · required", " · verplicht");
            Text doc = key_doc(*r.mapping, c.word);
            if (!doc.empty()) text += "\n\n" + md(doc.in(s.lang));
        }
    } else if (c.at == Cursor::At::bare && r.collections) {
        Text doc = collection_doc(c.word);
        if (!doc.empty()) text = fmt::format("**{}**\n\n{}", c.word, md(doc.in(s.lang)));
    } else if (on_value(p) && s.repo) {
        Ref ref = ref_of(r);
        if (ref == Ref::none) ref = self_of(r);
        if (ref != Ref::none) text = referent_hover(s, p, ref, c.word);
    }
    if (text.empty()) return nullptr;
    return json{{"contents", json{{"kind", "markdown"}, {"value", text}}}, {"range", to_json(word_range(s, pos, c))}};
}

std::optional<Target> definition(const Snapshot& s, Position pos) {
    if (!s.repo) return std::nullopt;
    Place p = place_at(s, pos);
    if (!on_value(p) || p.cursor.word.empty()) return std::nullopt;
    const Repository& repo = *s.repo;
    const std::string& id = p.cursor.word;
    auto of = [](const auto* rec) -> std::optional<Target> {
        if (!rec) return std::nullopt;
        return Target{rec->at.file, rec->id.at, rec->at};
    };
    switch (ref_of(p.resolved)) {
        case Ref::neighbourhood: return of(repo.neighbourhood(id));
        case Ref::partner: return of(repo.partner(id));
        case Ref::agreement: return of(repo.agreement(id));
        case Ref::strategy: return of(repo.strategy(id));
        case Ref::staff: return of(repo.staff(id));
        case Ref::commitment: {
            std::string a_id = agreement_of(p);
            const Agreement* a = a_id.empty() ? nullptr : repo.agreement(a_id);
            if (!a) return std::nullopt;
            for (const auto& c : a->partner_provides)
                if (c.id && *c.id == id) return Target{a->at.file, c.id.at, a->at};
            return std::nullopt;
        }
        case Ref::none: break;
    }
    return std::nullopt;
}

json document_symbols(const Snapshot& s, bool hierarchical, const std::string& uri) {
    const Outline o = outline_of(s.doc.text(), s.doc.lines());
    auto line_range = [&](std::size_t first, std::size_t last, std::size_t from_col) {
        std::string_view f = s.doc.line(first), l = s.doc.line(last);
        return Range{{std::uint32_t(first), utf16_length(f.substr(0, std::min(from_col, f.size())))},
                     {std::uint32_t(last), utf16_length(l)}};
    };
    json out = json::array();
    for (const auto& sec : o.sections) {
        Range whole = line_range(sec.first_line, sec.last_line, 0);
        Range name = line_range(sec.first_line, sec.first_line, 0);
        name.end.character = utf16_length(s.doc.line(sec.first_line).substr(0, sec.key_end));
        json children = json::array();
        const std::size_t section_at = out.size();
        for (const auto& r : o.records) {
            if (r.first_line < sec.first_line || r.first_line > sec.last_line) continue;
            std::string nm = record_name(r);
            if (nm.empty()) nm = tr(s.lang, "(no id)", "(geen id)");
            Range rr = line_range(r.first_line, r.last_line, r.column);
            Range sel = line_range(r.first_line, r.first_line, r.column);
            const OutlineEntry* id = r.find(r.collection == "evaluations" ? "agreement"
                                            : r.collection == "liveability" ? "neighbourhood"
                                                                            : "id");
            if (id) {
                std::string_view l = s.doc.line(id->line);
                sel = Range{{std::uint32_t(id->line), utf16_length(l.substr(0, id->value_col))},
                            {std::uint32_t(id->line), utf16_length(l.substr(0, id->value_end))}};
            }
            if (hierarchical) {
                json sym{{"name", nm}, {"kind", symbol_kind::object}, {"range", to_json(rr)}, {"selectionRange", to_json(sel)}};
                std::string detail = record_detail(r);
                if (!detail.empty()) sym["detail"] = detail;
                children.push_back(std::move(sym));
            } else {
                out.push_back(json{{"name", nm},
                                   {"kind", symbol_kind::object},
                                   {"location", json{{"uri", uri}, {"range", to_json(rr)}}},
                                   {"containerName", sec.key}});
            }
        }
        if (hierarchical) {
            json sym{{"name", sec.key}, {"kind", symbol_kind::namespace_}, {"range", to_json(whole)},
                     {"selectionRange", to_json(name)}, {"children", std::move(children)}};
            out.push_back(std::move(sym));
        } else {
            out.insert(out.begin() + std::ptrdiff_t(section_at),
                       json{{"name", sec.key},
                            {"kind", symbol_kind::namespace_},
                            {"location", json{{"uri", uri}, {"range", to_json(whole)}}}});
        }
    }
    return out;
}

std::vector<Fix> fixes_for(const Document& doc, const Diagnostic& d, Range at, Lang lang) {
    std::vector<Fix> out;
    const std::string_view line = doc.line(at.start.line);
    const std::size_t from = utf16_to_byte(line, at.start.character), to = utf16_to_byte(line, at.end.character);
    const std::string old(line.substr(from, to > from ? to - from : 0));
    auto replace = [&](std::string by) {
        if (by.empty() || by == old) return;
        Fix f;
        f.title = msg(lang, "Replace '{}' by '{}'", "Vervang '{}' door '{}'", old, by);
        f.range = at;
        f.new_text = std::move(by);
        f.preferred = true;
        out.push_back(std::move(f));
    };
    const std::string& hint = d.hint.en;
    // "did you mean 'x'?" (model/suggest.cpp: the one wording)
    if (auto a = hint.find("did you mean '"); a != std::string::npos) {
        a += 14;
        auto b = hint.find("'?", a);
        if (b != std::string::npos) replace(hint.substr(a, b - a));
    }
    // "write x": the value as it should be written, one word ("write `tacit` (stilzwijgend)" too)
    if (hint.rfind("write ", 0) == 0) {
        std::string_view v = std::string_view(hint).substr(6);
        if (auto paren = v.find(" ("); paren != std::string_view::npos) v = v.substr(0, paren);
        if (v.size() >= 2 && v.front() == '`' && v.back() == '`') v = v.substr(1, v.size() - 2);
        if (!v.empty() && v.find(' ') == std::string_view::npos) replace(std::string(v));
    }
    if (d.rule == "renewal-missing" && d.at.line > 0) {
        // after the `end:` value: on a line of its own in a block, after a comma in `{...}`
        int depth = 0;
        for (std::size_t j = 0; j < from && j < line.size(); ++j) {
            if (line[j] == '{' || line[j] == '[') ++depth;
            if ((line[j] == '}' || line[j] == ']') && depth > 0) --depth;
        }
        std::size_t indent = 0;
        while (indent < line.size() && (line[indent] == ' ' || line[indent] == '-')) ++indent;
        for (std::string_view value : renewal_names) {
            Fix f;
            f.title = msg(lang, "Add renewal: {}", "Voeg renewal: {} toe", value);
            if (depth > 0) {
                f.range = Range{at.end, at.end};
                f.new_text = fmt::format(", renewal: {}", value);
            } else {
                Position eol{at.start.line, utf16_length(line)};
                f.range = Range{eol, eol};
                const bool crlf = doc.text().find("\r\n") != std::string::npos;
                f.new_text = (crlf ? "\r\n" : "\n") + std::string(indent, ' ') + fmt::format("renewal: {}", value);
            }
            out.push_back(std::move(f));
        }
    }
    return out;
}

}  // namespace wijk::lsp
