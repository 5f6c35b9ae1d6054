#include "report/record_diff.h"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace wijk {

namespace {

const Value* child(const Value& mapping, std::string_view key) {
    if (!mapping.is_mapping()) return nullptr;
    for (std::size_t i = 0; i + 1 < mapping.items.size(); i += 2)
        if (mapping.items[i].is_scalar() && mapping.items[i].text == key) return &mapping.items[i + 1];
    return nullptr;
}

std::string scalar_text(const Value* v) { return v && v->is_scalar() ? v->text : std::string(); }

std::string key_text(const Value& k) { return k.is_scalar() ? k.text : std::string(); }

std::size_t collection_rank(std::string_view c) {
    for (std::size_t i = 0; i < diff_collections.size(); ++i)
        if (diff_collections[i] == c) return i;
    return diff_collections.size();
}

// A text that two values share exactly when same_value holds, for matching renamed records;
// `skip` keys of the top mapping are left out.
void canonical(const Value& v, std::string& out, const std::vector<std::string_view>* skip = nullptr) {
    switch (v.type) {
        case Value::Type::null:
        case Value::Type::decoded: out += 'n'; return;
        case Value::Type::scalar:
            out += 's';
            out += std::to_string(v.text.size());
            out += ':';
            out += v.text;
            return;
        case Value::Type::sequence:
            out += '[';
            for (const Value& item : v.items) canonical(item, out);
            out += ']';
            return;
        case Value::Type::mapping: {
            std::vector<std::pair<std::string, const Value*>> pairs;
            for (std::size_t i = 0; i + 1 < v.items.size(); i += 2) {
                std::string k = key_text(v.items[i]);
                if (skip && std::find(skip->begin(), skip->end(), k) != skip->end()) continue;
                pairs.emplace_back(std::move(k), &v.items[i + 1]);
            }
            std::stable_sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
            out += '{';
            for (const auto& [k, val] : pairs) {
                out += std::to_string(k.size());
                out += ':';
                out += k;
                canonical(*val, out);
            }
            out += '}';
            return;
        }
    }
}

std::string child_path(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
}
std::string item_path(const std::string& path, std::size_t index) { return path + "[" + std::to_string(index) + "]"; }

void diff_sequences(const Value& a, const Value& b, const std::string& path, std::vector<FieldChange>& out) {
    const std::size_t n = a.items.size(), m = b.items.size();
    // items matched unchanged, by a longest common subsequence (positionally when very long)
    std::vector<std::pair<std::size_t, std::size_t>> kept;
    if (n * m <= 250000) {
        std::vector<std::uint32_t> len((n + 1) * (m + 1), 0);
        auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return len[i * (m + 1) + j]; };
        for (std::size_t i = n; i-- > 0;)
            for (std::size_t j = m; j-- > 0;)
                at(i, j) = same_value(a.items[i], b.items[j]) ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
        for (std::size_t i = 0, j = 0; i < n && j < m;) {
            if (same_value(a.items[i], b.items[j])) kept.emplace_back(i++, j++);
            else if (at(i + 1, j) >= at(i, j + 1)) ++i;
            else ++j;
        }
    } else {
        for (std::size_t i = 0; i < std::min(n, m); ++i)
            if (same_value(a.items[i], b.items[i])) kept.emplace_back(i, i);
    }
    kept.emplace_back(n, m);  // the end closes the last gap
    std::size_t i = 0, j = 0;
    for (const auto& [ki, kj] : kept) {
        // the gap a[i, ki) against b[j, kj): items side by side changed, the rest added or removed
        std::size_t paired = std::min(ki - i, kj - j);
        for (std::size_t k = 0; k < paired; ++k) diff_values(a.items[i + k], b.items[j + k], item_path(path, j + k), out);
        for (std::size_t k = i + paired; k < ki; ++k) out.push_back({item_path(path, k), a.items[k], std::nullopt});
        for (std::size_t k = j + paired; k < kj; ++k) out.push_back({item_path(path, k), std::nullopt, b.items[k]});
        i = ki + 1, j = kj + 1;
    }
}

}  // namespace

std::vector<std::string_view> key_fields(std::string_view collection) {
    if (collection == "liveability") return {"neighbourhood", "year", "source", "code"};
    if (collection == "evaluations") return {"agreement", "year"};
    return {"id"};
}

std::string record_key(std::string_view collection, const Value& record) {
    if (collection == "liveability") {
        std::string source = scalar_text(child(record, "source"));
        return scalar_text(child(record, "neighbourhood")) + "/" + scalar_text(child(record, "year")) + "/" +
               (source.empty() ? "leefbaarometer" : source) + "/" + scalar_text(child(record, "code"));
    }
    if (collection == "evaluations")
        return scalar_text(child(record, "agreement")) + "/" + scalar_text(child(record, "year"));
    return scalar_text(child(record, "id"));
}

void take_records(Value&& root, std::string_view file, std::vector<WrittenRecord>& out) {
    if (!root.is_mapping()) return;
    for (std::size_t i = 0; i + 1 < root.items.size(); i += 2) {
        std::string collection = key_text(root.items[i]);
        Value& list = root.items[i + 1];
        if (collection_rank(collection) == diff_collections.size() || !list.is_sequence()) continue;
        for (Value& item : list.items) {
            if (!item.is_mapping()) continue;
            std::string key = record_key(collection, item);
            out.push_back({collection, std::move(key), std::string(file), std::move(item)});
        }
    }
}

bool same_value(const Value& a, const Value& b) {
    auto kind = [](const Value& v) { return v.type == Value::Type::decoded ? Value::Type::null : v.type; };
    if (kind(a) != kind(b)) return false;
    switch (kind(a)) {
        case Value::Type::null:
        case Value::Type::decoded: return true;
        case Value::Type::scalar: return a.text == b.text;
        case Value::Type::sequence:
            if (a.items.size() != b.items.size()) return false;
            for (std::size_t i = 0; i < a.items.size(); ++i)
                if (!same_value(a.items[i], b.items[i])) return false;
            return true;
        case Value::Type::mapping:
            if (a.items.size() != b.items.size()) return false;
            for (std::size_t i = 0; i + 1 < a.items.size(); i += 2) {
                const Value* other = child(b, key_text(a.items[i]));
                if (!other || !same_value(a.items[i + 1], *other)) return false;
            }
            return true;
    }
    return false;
}

void diff_values(const Value& a, const Value& b, const std::string& path, std::vector<FieldChange>& out) {
    if (a.is_mapping() && b.is_mapping()) {
        for (std::size_t i = 0; i + 1 < b.items.size(); i += 2) {
            std::string k = key_text(b.items[i]);
            if (const Value* before = child(a, k)) {
                // a key written twice (an error) is compared once, by its first value
                if (child(b, k) == &b.items[i + 1]) diff_values(*before, b.items[i + 1], child_path(path, k), out);
            } else {
                out.push_back({child_path(path, k), std::nullopt, b.items[i + 1]});
            }
        }
        for (std::size_t i = 0; i + 1 < a.items.size(); i += 2) {
            std::string k = key_text(a.items[i]);
            if (!child(b, k) && child(a, k) == &a.items[i + 1])
                out.push_back({child_path(path, k), a.items[i + 1], std::nullopt});
        }
        return;
    }
    if (a.is_sequence() && b.is_sequence()) {
        diff_sequences(a, b, path, out);
        return;
    }
    if (!same_value(a, b)) out.push_back({path, a, b});
}

std::vector<RecordChange> diff_records(std::vector<WrittenRecord> before, std::vector<WrittenRecord> after) {
    // a key written twice in one state: the n-th before is matched with the n-th after
    auto occurrences = [](const std::vector<WrittenRecord>& records) {
        std::unordered_map<std::string, int> seen;
        std::vector<int> occ(records.size());
        for (std::size_t i = 0; i < records.size(); ++i)
            occ[i] = ++seen[records[i].collection + '\n' + records[i].key];
        return occ;
    };
    const std::vector<int> occ_before = occurrences(before), occ_after = occurrences(after);
    auto id_of = [](const WrittenRecord& r, int occ) { return r.collection + '\n' + r.key + '\n' + std::to_string(occ); };
    std::unordered_map<std::string, std::size_t> after_at;
    for (std::size_t i = 0; i < after.size(); ++i) after_at.emplace(id_of(after[i], occ_after[i]), i);

    std::vector<RecordChange> out;
    std::vector<char> matched(after.size(), 0);
    std::vector<std::size_t> removed_at, added_at;  // indexes into `out`
    for (std::size_t i = 0; i < before.size(); ++i) {
        WrittenRecord& b = before[i];
        auto it = after_at.find(id_of(b, occ_before[i]));
        if (it == after_at.end()) {
            RecordChange c;
            c.kind = RecordChange::Kind::removed;
            c.collection = b.collection;
            c.key = b.key;
            c.occurrence = occ_before[i];
            c.file_before = b.file;
            c.record = std::move(b.value);
            removed_at.push_back(out.size());
            out.push_back(std::move(c));
            continue;
        }
        matched[it->second] = 1;
        WrittenRecord& a = after[it->second];
        if (same_value(b.value, a.value)) continue;  // unchanged, wherever it now lives
        RecordChange c;
        c.kind = RecordChange::Kind::changed;
        c.collection = b.collection;
        c.key = b.key;
        c.occurrence = occ_before[i];
        c.file_before = b.file;
        c.file_after = a.file;
        diff_values(b.value, a.value, "", c.fields);
        out.push_back(std::move(c));
    }
    for (std::size_t i = 0; i < after.size(); ++i) {
        if (matched[i]) continue;
        RecordChange c;
        c.kind = RecordChange::Kind::added;
        c.collection = after[i].collection;
        c.key = after[i].key;
        c.occurrence = occ_after[i];
        c.file_after = after[i].file;
        c.record = std::move(after[i].value);
        added_at.push_back(out.size());
        out.push_back(std::move(c));
    }
    // "renamed?": a removal and an addition of one collection equal but for their keys
    if (!removed_at.empty() && !added_at.empty()) {
        std::multimap<std::string, std::size_t> added_by_body;
        for (std::size_t k : added_at) {
            std::string body = out[k].collection + '\n';
            auto skip = key_fields(out[k].collection);
            canonical(*out[k].record, body, &skip);
            added_by_body.emplace(std::move(body), k);
        }
        for (std::size_t k : removed_at) {
            std::string body = out[k].collection + '\n';
            auto skip = key_fields(out[k].collection);
            canonical(*out[k].record, body, &skip);
            auto it = added_by_body.find(body);
            if (it == added_by_body.end()) continue;
            out[k].renamed = out[it->second].key;
            out[it->second].renamed = out[k].key;
            added_by_body.erase(it);
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const RecordChange& x, const RecordChange& y) {
        std::size_t rx = collection_rank(x.collection), ry = collection_rank(y.collection);
        if (rx != ry) return rx < ry;
        if (x.key != y.key) return x.key < y.key;
        return x.occurrence < y.occurrence;
    });
    return out;
}

std::size_t RecordDiff::count(RecordChange::Kind kind) const {
    return static_cast<std::size_t>(
        std::count_if(records.begin(), records.end(), [&](const RecordChange& c) { return c.kind == kind; }));
}

}  // namespace wijk
