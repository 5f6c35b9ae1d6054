// Record by record comparison of two states' YAML trees (wijk diff, wijk log).
#include <doctest/doctest.h>

#include "history/state_diff.h"
#include "load/yaml_reader.h"
#include "report/record_diff.h"
#include "source/overlay_source.h"

using namespace wijk;

namespace {
Value yaml(std::string_view text) {
    Diagnostics d;
    auto v = read_yaml(text, 0, d);
    REQUIRE(v);
    return *v;
}
std::vector<WrittenRecord> records(std::string_view text, std::string_view file = "a.yaml") {
    std::vector<WrittenRecord> out;
    take_records(yaml(text), file, out);
    return out;
}
std::string paths(const std::vector<FieldChange>& changes) {
    std::string s;
    for (const auto& c : changes) {
        s += c.path + "=" + (c.before ? (c.before->is_scalar() ? c.before->text : "{..}") : "-") + ">" +
             (c.after ? (c.after->is_scalar() ? c.after->text : "{..}") : "-") + ";";
    }
    return s;
}
std::vector<FieldChange> field_diff(std::string_view a, std::string_view b) {
    std::vector<FieldChange> out;
    diff_values(yaml(a), yaml(b), "", out);
    return out;
}
}  // namespace

TEST_CASE("record keys are those of record_places: id, liveability's four, an evaluation's two") {
    CHECK(record_key("agreements", yaml("{id: a-1, title: x}")) == "a-1");
    CHECK(record_key("liveability", yaml("{neighbourhood: n, year: 2024, class: 4}")) == "n/2024/leefbaarometer/");
    CHECK(record_key("liveability", yaml("{neighbourhood: n, year: 2024, source: lbm-2024, code: BU1}")) ==
          "n/2024/lbm-2024/BU1");
    CHECK(record_key("evaluations", yaml("{agreement: a-1, year: 2025, decision: stop}")) == "a-1/2025");
    CHECK(record_key("partners", yaml("{name: no id}")).empty());
}

TEST_CASE("field changes: nested paths, added and removed keys, key order and quoting do not count") {
    CHECK(paths(field_diff("{a: 1, b: {c: 2}}", "{b: {c: 3}, a: '1'}")) == "b.c=2>3;");
    CHECK(paths(field_diff("{a: 1}", "{a: 1, n: x}")) == "n=->x;");
    CHECK(paths(field_diff("{a: 1, n: x}", "{a: 1}")) == "n=x>-;");
    CHECK(paths(field_diff("{a: 1}", "{a: [1]}")) == "a=1>{..};");
    CHECK(paths(field_diff("{a: ~}", "{a: ''}")).rfind("a=", 0) == 0);  // null and empty text differ
    CHECK(field_diff("{a: [x, y]}", "{a: [x, y]}").empty());
    CHECK(paths(field_diff("{p: [{v: 1}, {v: 2}, {v: 4500}]}", "{p: [{v: 1}, {v: 2}, {v: 5000}]}")) ==
          "p[2].v=4500>5000;");
}

TEST_CASE("field changes: an item inserted into a list is one change, not one per item after it") {
    CHECK(paths(field_diff("{n: [a, b, c]}", "{n: [x, a, b, c]}")) == "n[0]=->x;");
    CHECK(paths(field_diff("{n: [a, b, c]}", "{n: [a, c]}")) == "n[1]=b>-;");
    CHECK(paths(field_diff("{n: [a, b, c]}", "{n: [a, B, c]}")) == "n[1]=b>B;");
    CHECK(paths(field_diff("{w: [{k: space}, {k: funding, v: 1}]}", "{w: [{k: space}, {k: advice}, {k: funding, v: 2}]}")) ==
          "w[1].k=funding>advice;w[1].v=1>-;w[2]=->{..};");
}

TEST_CASE("records: moved to another file is unchanged; changed, added, removed, renamed") {
    auto before = records("agreements:\n  - {id: a, title: A, notice: 3 months}\n  - {id: m, title: M}\n"
                          "partners:\n  - {id: old, name: P, kind: welfare}\n  - {id: gone, name: G, kind: other}\n");
    auto after = records("agreements:\n  - {id: a, title: A, notice: 6 months}\n"
                         "partners:\n  - {id: new, name: P, kind: welfare}\n  - {id: fresh, name: F, kind: other}\n");
    auto moved = records("agreements:\n  - {title: M, id: m}\n", "b.yaml");
    after.insert(after.end(), moved.begin(), moved.end());
    auto changes = diff_records(std::move(before), std::move(after));
    REQUIRE(changes.size() == 5);
    // by collection (partners before agreements), then key
    CHECK(changes[0].key == "fresh");
    CHECK(changes[0].kind == RecordChange::Kind::added);
    CHECK(changes[0].renamed.empty());
    CHECK(changes[1].key == "gone");
    CHECK(changes[1].kind == RecordChange::Kind::removed);
    CHECK(changes[2].key == "new");
    CHECK(changes[2].renamed == "old");
    CHECK(changes[3].key == "old");
    CHECK(changes[3].renamed == "new");
    CHECK(changes[3].file_before == "a.yaml");
    CHECK(changes[4].key == "a");
    CHECK(changes[4].kind == RecordChange::Kind::changed);
    CHECK(paths(changes[4].fields) == "notice=3 months>6 months;");
}

TEST_CASE("records: a key written twice is matched by its place among its kind; entries that are no record are skipped") {
    auto before = records("agreements:\n  - {id: d, title: one}\n  - {id: d, title: two}\n  - just text\n"
                          "agreemnts:\n  - {id: typo}\n");
    auto after = records("agreements:\n  - {id: d, title: one}\n  - {id: d, title: three}\n");
    REQUIRE(before.size() == 2);
    auto changes = diff_records(std::move(before), std::move(after));
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].occurrence == 2);
    CHECK(paths(changes[0].fields) == "title=two>three;");
}

TEST_CASE("diff_states: only files that differ are read; a broken file hides no record as removed") {
    auto before = std::make_shared<OverlaySource>(nullptr, "/r");
    auto after = std::make_shared<OverlaySource>(nullptr, "/r");
    for (auto* s : {before.get(), after.get()}) {
        s->set("wijk.yaml", "format: 1\nexclude: [\"drafts/**\"]\n");
        s->set("same.yaml", "partners:\n  - {id: p, name: P, kind: other}\n");
    }
    before->set("agreements.yaml", "agreements:\n  - {id: a, title: A}\n  - {id: b, title: B}\n");
    after->set("agreements.yaml", "agreements:\n  - {id: a, title: A}\n  - {id: b, title: [broken\n");
    before->set("moved.yaml", "agreements:\n  - {id: m, title: M}\n");
    after->set("other.yaml", "agreements:\n  - {id: m, title: M}\n");
    after->set("drafts/x.yaml", "agreements:\n  - {id: x, title: excluded}\n");
    RecordDiff d = diff_states(*before, *after);
    CHECK(d.files_compared == 3);  // agreements.yaml, moved.yaml, other.yaml; not same.yaml, not drafts/
    CHECK(d.records.empty());      // m moved: unchanged; a and b: their file is unreadable after
    REQUIRE(d.unread.size() == 1);
    CHECK(d.unread[0].file == "agreements.yaml");
    CHECK_FALSE(d.unread[0].before);
    CHECK(d.unread[0].line == 3);  // where the unclosed [ opens
    CHECK(d.settings.empty());

    after->set("wijk.yaml", "format: 1\nlanguage: nl\n");
    d = diff_states(*before, *after);
    CHECK(paths(d.settings) == "language=->nl;exclude={..}>-;");
    REQUIRE(d.records.size() == 1);  // drafts/x.yaml is data now
    CHECK(d.records[0].key == "x");
}
