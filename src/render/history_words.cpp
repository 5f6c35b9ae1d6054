// The words `wijk diff` and `wijk log` share in every human format.
#include "render/history.h"

#include "model/i18n.h"

namespace wijk {

namespace {

struct CollectionWords {
    std::string_view collection, one_en, one_nl, title_en, title_nl;
};
constexpr CollectionWords collection_words[] = {
    {"neighbourhoods", "neighbourhood", "buurt", "Neighbourhoods", "Buurten"},
    {"liveability", "liveability", "leefbaarheid", "Liveability", "Leefbaarheid"},
    {"partners", "partner", "partner", "Partners", "Partners"},
    {"agreements", "agreement", "afspraak", "Agreements", "Afspraken"},
    {"evaluations", "evaluation", "evaluatie", "Evaluations", "Evaluaties"},
    {"strategies", "strategy", "buurtstrategie", "Strategies", "Buurtstrategieën"},
};

const CollectionWords* words_of(std::string_view collection) {
    for (const auto& w : collection_words)
        if (w.collection == collection) return &w;
    return nullptr;
}

// A scalar inside a flow sequence or mapping, quoted when it would read as structure.
std::string flow_scalar(const std::string& text) {
    bool plain = !text.empty() && text.find_first_of(",[]{}:#\"'\n\\") == std::string::npos &&
                 text.front() != ' ' && text.back() != ' ';
    if (plain) return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') out += '\\', out += c;
        else if (c == '\n') out += "\\n";
        else out += c;
    }
    return out + "\"";
}

void flow(const Value& v, std::string& out, bool top) {
    switch (v.type) {
        case Value::Type::null:
        case Value::Type::decoded: out += "~"; return;
        case Value::Type::scalar: out += top ? v.text : flow_scalar(v.text); return;
        case Value::Type::sequence:
            out += '[';
            for (std::size_t i = 0; i < v.items.size(); ++i) {
                if (i) out += ", ";
                flow(v.items[i], out, false);
            }
            out += ']';
            return;
        case Value::Type::mapping:
            out += '{';
            for (std::size_t i = 0; i + 1 < v.items.size(); i += 2) {
                if (i) out += ", ";
                flow(v.items[i], out, false);
                out += ": ";
                flow(v.items[i + 1], out, false);
            }
            out += '}';
            return;
    }
}

std::string field_text(const Value& record, std::string_view key) {
    if (!record.is_mapping()) return {};
    for (std::size_t i = 0; i + 1 < record.items.size(); i += 2)
        if (record.items[i].is_scalar() && record.items[i].text == key && record.items[i + 1].is_scalar())
            return record.items[i + 1].text;
    return {};
}

}  // namespace

std::string side_label(const DiffSide& side, Lang lang) {
    switch (side.kind) {
        case DiffSide::Kind::index: return std::string(tr(lang, "the index", "de index"));
        case DiffSide::Kind::working_tree: return std::string(tr(lang, "the working tree", "de werkmap"));
        case DiffSide::Kind::commit: break;
    }
    if (side.commit.empty()) return msg(lang, "{} (no commits yet)", "{} (nog geen commits)", side.revision);
    std::string short_id = side.commit.substr(0, 7);
    if (side.revision.size() >= 4 && side.commit.rfind(side.revision, 0) == 0) return short_id;
    return side.revision + " (" + short_id + ")";
}

std::string_view collection_title(std::string_view collection, Lang lang) {
    const CollectionWords* w = words_of(collection);
    if (!w) return collection;
    return tr(lang, w->title_en, w->title_nl);
}

std::string key_label(std::string_view collection, std::string_view key, Lang lang) {
    if (collection == "liveability") {
        // neighbourhood/year/source/code: the source only when not the default, the code when given
        std::vector<std::string_view> parts;
        std::size_t start = 0;
        for (int i = 0; i < 3; ++i) {
            std::size_t slash = key.find('/', start);
            if (slash == std::string_view::npos) break;
            parts.push_back(key.substr(start, slash - start));
            start = slash + 1;
        }
        parts.push_back(key.substr(start));
        if (parts.size() != 4) return std::string(key);
        std::string out = std::string(parts[0]) + " " + std::string(parts[1]);
        if (parts[2] != "leefbaarometer") out += " " + std::string(parts[2]);
        if (!parts[3].empty()) out += " " + std::string(parts[3]);
        return out;
    }
    if (collection == "evaluations") {
        std::size_t slash = key.rfind('/');
        if (slash != std::string_view::npos) return std::string(key.substr(0, slash)) + " " + std::string(key.substr(slash + 1));
        return std::string(key);
    }
    if (key.empty()) return std::string(tr(lang, "(no id)", "(geen id)"));
    return std::string(key);
}

std::string record_label(std::string_view collection, std::string_view key, int occurrence, Lang lang) {
    const CollectionWords* w = words_of(collection);
    std::string out = std::string(w ? tr(lang, w->one_en, w->one_nl) : collection) + " " + key_label(collection, key, lang);
    if (occurrence > 1) out += msg(lang, " (written {} times: number {})", " ({} keer geschreven: nummer {})", occurrence, occurrence);
    return out;
}

std::string record_title(const RecordChange& c) {
    if (!c.record) return {};
    std::string t = field_text(*c.record, "title");
    if (t.empty()) t = field_text(*c.record, "name");
    for (char& ch : t)
        if (ch == '\n') ch = ' ';
    while (!t.empty() && t.back() == ' ') t.pop_back();
    return t;
}

std::string value_text(const std::optional<Value>& v, Lang lang) {
    if (!v) return std::string(tr(lang, "(none)", "(geen)"));
    if (v->is_null()) return std::string(tr(lang, "(empty)", "(leeg)"));
    std::string out;
    flow(*v, out, true);
    // the line break a block scalar (`notes: |`) ends with is not part of what it says
    if (v->is_scalar())
        while (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
}

std::string moved_note(const RecordChange& c, Lang lang) {
    if (c.kind != RecordChange::Kind::changed || c.file_before.empty() || c.file_after.empty() ||
        c.file_before == c.file_after)
        return {};
    return msg(lang, "(moved from {} to {})", "(verplaatst van {} naar {})", c.file_before, c.file_after);
}

std::string change_counts(const RecordDiff& d, Lang lang) {
    std::vector<std::string> parts;
    if (auto n = d.count(RecordChange::Kind::added)) parts.push_back(msg(lang, "{} added", "{} toegevoegd", n));
    if (auto n = d.count(RecordChange::Kind::changed)) parts.push_back(msg(lang, "{} changed", "{} gewijzigd", n));
    if (auto n = d.count(RecordChange::Kind::removed)) parts.push_back(msg(lang, "{} removed", "{} verwijderd", n));
    if (parts.empty()) return std::string(tr(lang, "no record differs", "geen record verschilt"));
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
    return out;
}

}  // namespace wijk
