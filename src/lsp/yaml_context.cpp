#include "lsp/yaml_context.h"

#include <algorithm>
#include <cstring>
#include <optional>

namespace wijk::lsp {

namespace {

constexpr std::size_t npos = std::string_view::npos;

bool space(char c) { return c == ' ' || c == '\t'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && space(s.front())) s.remove_prefix(1);
    while (!s.empty() && space(s.back())) s.remove_suffix(1);
    return s;
}

// The end of a quoted scalar that starts at `from` (after its closing quote; the line's end
// when it is not closed).
std::size_t quoted_end(std::string_view line, std::size_t from) {
    const char q = line[from];
    for (std::size_t j = from + 1; j < line.size(); ++j) {
        if (q == '"' && line[j] == '\\') {
            ++j;
            continue;
        }
        if (line[j] != q) continue;
        if (q == '\'' && j + 1 < line.size() && line[j + 1] == '\'') {
            ++j;
            continue;
        }
        return j + 1;
    }
    return line.size();
}

// Where a comment starts on the line (a '#' after a space, outside quotes), or the line's end.
std::size_t comment_start(std::string_view line, std::size_t from = 0) {
    for (std::size_t j = from; j < line.size(); ++j) {
        char c = line[j];
        if ((c == '"' || c == '\'') && (j == from || space(line[j - 1]) || std::strchr("[{,:", line[j - 1]))) {
            j = quoted_end(line, j) - 1;
            continue;
        }
        if (c == '#' && (j == 0 || space(line[j - 1]))) return j;
    }
    return line.size();
}

std::string unquote(std::string_view v) {
    if (v.size() >= 2 && v.front() == '"' && v.back() == '"') {
        std::string out;
        for (std::size_t i = 1; i + 1 < v.size(); ++i) {
            if (v[i] == '\\' && i + 2 < v.size()) ++i;
            out += v[i];
        }
        return out;
    }
    if (v.size() >= 2 && v.front() == '\'' && v.back() == '\'') {
        std::string out;
        for (std::size_t i = 1; i + 1 < v.size(); ++i) {
            out += v[i];
            if (v[i] == '\'' && v[i + 1] == '\'') ++i;
        }
        return out;
    }
    return std::string(v);
}

// One line as a person indents it.
struct Shape {
    bool blank = true;                 // nothing but spaces or a comment
    std::vector<std::size_t> dashes;   // columns of the "- " that open it
    std::size_t content = 0;           // where its content starts
    bool keyed = false;                // the content is `key:` ...
    std::string key;
    std::size_t key_end = 0;           // the column of the key's ':'
    std::size_t value_col = 0;         // where the value starts (the line's end when none)
    std::size_t value_end = 0;         // where it ends (before a comment, spaces excluded)
    std::string_view value;
    std::size_t first() const { return dashes.empty() ? content : dashes.front(); }
};

Shape shape_of(std::string_view line) {
    Shape s;
    const std::size_t n = line.size();
    std::size_t i = 0;
    while (i < n && space(line[i])) ++i;
    if (i == 0 && (line.substr(0, 3) == "---" || line.substr(0, 3) == "...") && (n == 3 || space(line[3])))
        return s;  // a document marker
    while (i < n && line[i] == '-' && (i + 1 == n || space(line[i + 1]))) {
        s.dashes.push_back(i);
        ++i;
        while (i < n && space(line[i])) ++i;
    }
    s.content = i;
    if (i == n || line[i] == '#') {
        s.blank = s.dashes.empty();  // "  - " alone is an item still to be written
        s.value_col = s.value_end = n;
        return s;
    }
    s.blank = false;
    s.value_col = s.value_end = n;
    if (line[i] == '[' || line[i] == '{') return s;
    // the key: up to the first ':' that ends one (outside a quoted key)
    std::size_t j = i;
    if (line[j] == '"' || line[j] == '\'') j = quoted_end(line, j);
    for (; j < n; ++j) {
        if (line[j] == '#' && space(line[j - 1])) return s;
        if (line[j] == ':' && (j + 1 == n || space(line[j + 1]))) break;
    }
    if (j >= n) return s;
    s.keyed = true;
    s.key = unquote(trim(line.substr(i, j - i)));
    s.key_end = j;
    std::size_t v = j + 1;
    while (v < n && space(line[v])) ++v;
    std::size_t end = comment_start(line, v);
    while (end > v && space(line[end - 1])) --end;
    s.value_col = v;
    s.value_end = end;
    s.value = line.substr(v, end - v);
    return s;
}

// A flow collection being read: `{` or `[`.
struct Frame {
    char kind = '{';
    std::string key;          // mapping: the key whose value comes next
    bool after_colon = false;
    std::size_t token = 0;    // where the current key or item started
    std::vector<std::string> keys, items;
    std::vector<std::pair<std::string, std::string>> values;  // mapping: scalar values by key
};

// Reads the flow collection that opens at `from` up to the cursor `at` (a copy of the open
// frames there); the innermost frame's keys and items are those of the whole collection.
std::vector<Frame> flow_at(std::string_view line, std::size_t from, std::size_t at) {
    std::vector<Frame> stack, snapshot;
    bool taken = false;
    std::size_t watched = 0;  // the depth of the snapshot's innermost frame
    auto take = [&] {
        snapshot = stack;
        taken = true;
        watched = stack.size();
    };
    auto finish_token = [&](Frame& f, std::size_t j) {
        if (j < f.token) return;
        std::string t = unquote(trim(line.substr(f.token, j - f.token)));
        if (f.kind == '[' && !t.empty()) f.items.push_back(t);
        if (f.kind == '{' && f.after_colon) f.values.emplace_back(f.key, t);
    };
    auto closed = [&](const Frame& f) {
        if (taken && stack.size() == watched && !snapshot.empty()) {
            snapshot.back().keys = f.keys;
            snapshot.back().items = f.items;
            snapshot.back().values = f.values;
        }
    };
    const std::size_t end = comment_start(line, from);
    for (std::size_t j = from; j < end; ++j) {
        if (!taken && j >= at) take();
        char c = line[j];
        if (stack.empty() && j > from) break;
        if (c == '"' || c == '\'') {
            std::size_t q = quoted_end(line, j);
            if (!taken && at < q && at > j) take();  // inside the quotes: still this token
            j = q - 1;
            continue;
        }
        if (c == '{' || c == '[') {
            if (!stack.empty()) stack.back().token = line.size() + 1;  // a nested value: no scalar
            Frame f;
            f.kind = c;
            f.token = j + 1;
            stack.push_back(f);
            continue;
        }
        if (stack.empty()) continue;
        Frame& f = stack.back();
        if (c == '}' || c == ']') {
            finish_token(f, j);
            closed(f);
            stack.pop_back();
            if (!stack.empty()) stack.back().token = line.size() + 1;
            continue;
        }
        if (c == ',') {
            finish_token(f, j);
            f.after_colon = false;
            f.key.clear();
            f.token = j + 1;
            continue;
        }
        if (c == ':' && f.kind == '{' && !f.after_colon &&
            (j + 1 >= line.size() || space(line[j + 1]) || line[j + 1] == ',' || line[j + 1] == '}')) {
            f.key = unquote(trim(line.substr(f.token, j - f.token)));
            f.keys.push_back(f.key);
            f.after_colon = true;
            f.token = j + 1;
        }
    }
    if (!taken) take();
    // a collection not closed on this line: what was read counts
    if (!stack.empty() && stack.size() == watched && !snapshot.empty()) {
        finish_token(stack.back(), end);
        snapshot.back().keys = stack.back().keys;
        snapshot.back().items = stack.back().items;
        snapshot.back().values = stack.back().values;
    }
    return snapshot;
}

// Entries of the flow mapping that opens at `from` (its own keys only).
std::vector<OutlineEntry> flow_entries(std::string_view line, std::size_t from, std::size_t line_no) {
    std::vector<OutlineEntry> out;
    int depth = 0;
    std::size_t token = from + 1;
    std::optional<OutlineEntry> pending;  // a key whose value is being read
    bool nested = false;                   // ... and the value is a collection, not a scalar
    auto end_value = [&](std::size_t j) {
        if (!pending) return;
        if (nested) {
            pending->value_end = j;
            out.push_back(*pending);
            pending.reset();
            nested = false;
            return;
        }
        std::size_t a = pending->value_col, b = j;
        while (a < b && space(line[a])) ++a;
        while (b > a && space(line[b - 1])) --b;
        pending->value_col = a;
        pending->value_end = b;
        pending->value = unquote(line.substr(a, b - a));
        out.push_back(*pending);
        pending.reset();
    };
    const std::size_t end = comment_start(line, from);
    for (std::size_t j = from; j < end; ++j) {
        char c = line[j];
        if (c == '"' || c == '\'') {
            j = quoted_end(line, j) - 1;
            continue;
        }
        if (c == '{' || c == '[') {
            ++depth;
            if (depth == 2 && pending) {
                pending->value_col = j;
                nested = true;
            }
            continue;
        }
        if (c == '}' || c == ']') {
            if (depth == 1) {
                end_value(j);
                return out;
            }
            --depth;
            continue;
        }
        if (depth != 1) continue;
        if (c == ',') {
            end_value(j);
            token = j + 1;
            continue;
        }
        if (c == ':' && !pending && (j + 1 >= line.size() || space(line[j + 1]) || line[j + 1] == ',' || line[j + 1] == '}')) {
            std::size_t a = token, b = j;
            while (a < b && space(line[a])) ++a;
            while (b > a && space(line[b - 1])) --b;
            OutlineEntry e;
            e.key = unquote(line.substr(a, b - a));
            e.line = line_no;
            e.key_col = a;
            e.value_col = j + 1;
            pending = e;
        }
    }
    end_value(end);
    return out;
}

enum class Mode { mapping, sequence };

}  // namespace

bool word_byte(char c) {
    auto u = static_cast<unsigned char>(c);
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
           c == '.' || u >= 0x80;
}

std::size_t scalar_end(std::string_view line, std::size_t from) {
    const std::size_t n = line.size();
    if (from >= n) return n;
    if (line[from] == '"' || line[from] == '\'') return quoted_end(line, from);
    // inside a flow collection when one opened before `from` and has not closed
    int depth = 0;
    for (std::size_t j = 0; j < from; ++j) {
        char c = line[j];
        if ((c == '"' || c == '\'') && (j == 0 || !word_byte(line[j - 1]))) {
            j = quoted_end(line, j) - 1;
            continue;
        }
        if (c == '[' || c == '{') ++depth;
        if ((c == ']' || c == '}') && depth > 0) --depth;
    }
    std::size_t j = from;
    for (; j < n; ++j) {
        char c = line[j];
        if (c == ':' && (j + 1 == n || space(line[j + 1]))) break;
        if (c == '#' && j > from && space(line[j - 1])) break;
        if (depth > 0 && (c == ',' || c == ']' || c == '}')) break;
    }
    while (j > from && space(line[j - 1])) --j;
    if (j == from) {
        // one character at least, never half of one
        j = from + 1;
        while (j < n && (static_cast<unsigned char>(line[j]) & 0xC0) == 0x80) ++j;
    }
    return j;
}

Cursor cursor_at(std::string_view text, const LineTable& lines, Position pos) {
    Cursor c;
    if (pos.line >= lines.lines()) return c;
    const std::string_view line = lines.line(text, pos.line);
    const std::size_t n = line.size();
    const std::size_t cur = utf16_to_byte(line, pos.character);
    if (comment_start(line) < cur) return c;  // in a comment

    std::size_t ws = cur, we = cur;
    while (ws > 0 && word_byte(line[ws - 1])) --ws;
    while (we < n && word_byte(line[we])) ++we;
    c.word_start = ws, c.word_end = we;
    c.word = std::string(line.substr(ws, we - ws));
    c.typed = std::string(line.substr(ws, cur - ws));

    const Shape s = shape_of(line);
    std::vector<Step> inner;  // steps on this line, outermost first
    Mode mode = Mode::mapping;
    std::size_t col = 0;
    bool siblings_above = false;

    // The flow collection that opens at `from`: its frames give the steps and the place.
    auto in_flow = [&](std::size_t from) {
        std::vector<Frame> frames = flow_at(line, from, cur);
        if (frames.empty()) return false;
        c.flow = true;
        for (std::size_t i = 1; i < frames.size(); ++i) {
            const Frame& outer = frames[i - 1];
            if (outer.kind == '[') inner.push_back(Step{});
            else if (outer.after_colon) inner.push_back(Step{outer.key});
            else return false;
        }
        const Frame& f = frames.back();
        if (f.kind == '[') {
            inner.push_back(Step{});
            c.at = Cursor::At::bare;
            for (const auto& item : f.items)
                if (item != c.word) c.list_items.push_back(item);
        } else if (f.after_colon) {
            inner.push_back(Step{f.key});
            c.at = Cursor::At::value;
        } else {
            c.at = Cursor::At::bare;
            for (const auto& k : f.keys)
                if (k != c.word) c.siblings.push_back(k);
            c.sibling_values = f.values;
            // the word is a key being changed when a ':' follows it
            std::size_t j = we;
            while (j < n && space(line[j])) ++j;
            c.colon_follows = j < n && line[j] == ':';
        }
        return true;
    };

    if (s.blank) {
        // an empty line: a key or item is about to be written at the cursor's column
        if (cur < n && !space(line[cur]) && line[cur] != '#') return c;
        mode = Mode::mapping;
        col = cur;
        c.at = Cursor::At::bare;
        siblings_above = true;
    } else {
        if (cur < s.content) return c;  // in the indentation or on a dash
        for (std::size_t i = 0; i < s.dashes.size(); ++i) inner.push_back(Step{});
        if (!s.dashes.empty()) {
            mode = Mode::sequence;
            col = s.dashes.front();
        } else {
            mode = Mode::mapping;
            col = s.content;
            siblings_above = true;
        }
        if (s.keyed && cur > s.key_end) {
            inner.push_back(Step{s.key});
            const std::size_t vc = s.value_col;
            if (vc < n && (line[vc] == '[' || line[vc] == '{') && cur > vc) {
                if (!in_flow(vc)) return Cursor{};
            } else if (vc < n && (line[vc] == '|' || line[vc] == '>')) {
                return Cursor{};
            } else {
                c.at = Cursor::At::value;
            }
            siblings_above = false;
        } else if (s.content < n && (line[s.content] == '[' || line[s.content] == '{') && cur > s.content) {
            if (!in_flow(s.content)) return Cursor{};
            siblings_above = false;
        } else {
            c.at = Cursor::At::bare;
            c.colon_follows = s.keyed;
        }
    }
    // Keys of the mapping the cursor's word stands in, below the cursor's line.
    const bool block_mapping = c.at == Cursor::At::bare && !c.flow;
    const std::size_t node_col = s.blank ? cur : s.content;

    // Up from the line, to the root: each line less indented than the node holds it.
    std::vector<Step> outer;  // innermost first
    bool collect = siblings_above && block_mapping;
    for (std::size_t l = pos.line; l-- > 0;) {
        Shape up = shape_of(lines.line(text, l));
        if (up.blank) continue;
        if (mode == Mode::mapping) {
            if (up.content > col) continue;
            if (up.content == col) {
                if (collect && up.keyed) {
                    c.siblings.push_back(up.key);
                    c.sibling_values.emplace_back(up.key, unquote(up.value));
                }
                if (!up.dashes.empty()) {
                    for (std::size_t i = 0; i < up.dashes.size(); ++i) outer.push_back(Step{});
                    mode = Mode::sequence;
                    col = up.dashes.front();
                    collect = false;
                }
                continue;
            }
            // less indented: the key that holds the mapping
            collect = false;
            if (!up.keyed) return Cursor{};
            if (!up.value.empty() && (up.value[0] == '|' || up.value[0] == '>')) return Cursor{};  // in a block text
            outer.push_back(Step{up.key});
            if (!up.dashes.empty()) {
                for (std::size_t i = 0; i < up.dashes.size(); ++i) outer.push_back(Step{});
                mode = Mode::sequence;
                col = up.dashes.front();
            } else {
                col = up.content;
            }
            continue;
        }
        // a sequence whose dashes are at `col`: find the key that holds it
        if (up.first() > col) continue;
        if (up.first() == col && !up.dashes.empty()) continue;  // an earlier item
        if (!up.keyed || up.content > col) return Cursor{};
        if (!up.value.empty() && (up.value[0] == '|' || up.value[0] == '>')) return Cursor{};
        outer.push_back(Step{up.key});
        if (!up.dashes.empty()) {
            for (std::size_t i = 0; i < up.dashes.size(); ++i) outer.push_back(Step{});
            col = up.dashes.front();
        } else {
            mode = Mode::mapping;
            col = up.content;
        }
    }
    if (block_mapping && mode == Mode::mapping) {
        // keys below, in the same mapping
        const std::size_t kc = node_col;
        for (std::size_t l = pos.line + 1; l < lines.lines(); ++l) {
            Shape down = shape_of(lines.line(text, l));
            if (down.blank) continue;
            if (down.first() < kc) break;
            if (down.content == kc) {
                if (!down.dashes.empty()) break;
                if (down.keyed) {
                    c.siblings.push_back(down.key);
                    c.sibling_values.emplace_back(down.key, unquote(down.value));
                }
            }
        }
    } else if (block_mapping && !s.dashes.empty()) {
        // the item opened on this line: its keys below
        for (std::size_t l = pos.line + 1; l < lines.lines(); ++l) {
            Shape down = shape_of(lines.line(text, l));
            if (down.blank) continue;
            if (down.first() < node_col) break;
            if (down.content == node_col && down.dashes.empty() && down.keyed) {
                c.siblings.push_back(down.key);
                c.sibling_values.emplace_back(down.key, unquote(down.value));
            }
        }
    }
    std::erase(c.siblings, c.word);
    c.path.assign(outer.rbegin(), outer.rend());
    c.path.insert(c.path.end(), inner.begin(), inner.end());
    return c;
}

Resolved resolve(const std::vector<Step>& path, bool config_file) {
    Resolved r;
    enum class State { collections, collection_list, mapping, record_list, scalar_list, horizon, value, dead };
    State st = config_file ? State::mapping : State::collections;
    const RecordSpec* mapping = config_file ? &config_spec() : nullptr;
    const KeySpec* key = nullptr;
    std::string collection;
    for (const Step& step : path) {
        switch (st) {
            case State::collections:
                if (step.item() ||
                    std::find(std::begin(collection_names), std::end(collection_names), step.key) == std::end(collection_names)) {
                    st = State::dead;
                    break;
                }
                collection = step.key;
                st = State::collection_list;
                break;
            case State::collection_list:
                if (!step.item()) {
                    st = State::dead;
                    break;
                }
                mapping = &collection_spec(collection);
                st = State::mapping;
                break;
            case State::mapping: {
                const KeySpec* k = step.item() ? nullptr : mapping->find(step.key);
                if (!k) {
                    st = State::dead;
                    break;
                }
                r.owner = mapping;
                key = k;
                switch (k->kind) {
                    case KeyKind::record: mapping = k->record; break;
                    case KeyKind::record_list: st = State::record_list; break;
                    case KeyKind::text_list:
                    case KeyKind::ref_list:
                    case KeyKind::enum_list:
                    case KeyKind::glob_list: st = State::scalar_list; break;
                    case KeyKind::horizon: st = State::horizon; break;
                    default: st = State::value; break;
                }
                break;
            }
            case State::record_list:
                if (!step.item()) {
                    st = State::dead;
                    break;
                }
                mapping = key->record;
                st = State::mapping;
                break;
            case State::scalar_list:
                if (!step.item()) {
                    st = State::dead;
                    break;
                }
                r.element = true;
                st = State::value;
                break;
            case State::horizon:
                if (step.item()) {
                    st = State::dead;
                    break;
                }
                st = State::value;  // a duration
                break;
            case State::value:
            case State::dead: st = State::dead; break;
        }
        if (st == State::dead) return Resolved{};
    }
    r.collection = collection;
    switch (st) {
        case State::collections: r.collections = true; break;
        case State::mapping: r.mapping = mapping; break;
        case State::value: r.value = key; break;
        case State::horizon: r.horizon = true; break;
        case State::scalar_list:
            r.value = key;
            r.list = true;
            break;
        default: break;
    }
    return r;
}

const OutlineEntry* OutlineRecord::find(std::string_view key) const {
    for (const auto& e : entries)
        if (e.key == key) return &e;
    return nullptr;
}

const OutlineRecord* Outline::record_at(std::size_t line) const {
    for (const auto& r : records)
        if (line >= r.first_line && line <= r.last_line) return &r;
    return nullptr;
}

Outline outline_of(std::string_view text, const LineTable& lines) {
    Outline out;
    OutlineSection* section = nullptr;
    OutlineRecord* record = nullptr;
    std::size_t item_col = npos, record_col = 0;
    for (std::size_t l = 0; l < lines.lines(); ++l) {
        const std::string_view line = lines.line(text, l);
        Shape s = shape_of(line);
        if (s.blank) continue;
        if (s.dashes.empty() && s.content == 0) {
            record = nullptr;
            section = nullptr;
            if (!s.keyed) continue;
            out.sections.push_back(OutlineSection{s.key, l, l, s.key_end});
            section = &out.sections.back();
            item_col = npos;
            continue;
        }
        if (!section) continue;
        section->last_line = l;
        if (!s.dashes.empty() && (item_col == npos || s.dashes.front() == item_col)) {
            item_col = s.dashes.front();
            out.records.emplace_back();
            record = &out.records.back();
            record->collection = section->key;
            record->first_line = record->last_line = l;
            record->column = item_col;
            record_col = s.content;
            if (s.content < line.size() && line[s.content] == '{') {
                record->entries = flow_entries(line, s.content, l);
            } else if (s.keyed) {
                record->entries.push_back(OutlineEntry{s.key, unquote(s.value), l, s.content, s.value_col, s.value_end});
            }
            continue;
        }
        if (!record) continue;
        if (s.first() <= item_col) {  // less indented than its items: not in a record
            record = nullptr;
            continue;
        }
        record->last_line = l;
        if (s.dashes.empty() && s.content == record_col && s.keyed)
            record->entries.push_back(OutlineEntry{s.key, unquote(s.value), l, s.content, s.value_col, s.value_end});
    }
    return out;
}

}  // namespace wijk::lsp
