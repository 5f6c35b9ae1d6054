// `wijk diff -f json` and `wijk log -f json`, for scripts. Values are given as written: numbers
// and true/false as such, other scalars as text, nested values as arrays and objects; a field
// absent on one side has no `before` (or `after`) key, a YAML null is null.
#include "model/i18n.h"
#include "render/history.h"
#include "render/json.h"

namespace wijk {

namespace {

std::string_view change_name(RecordChange::Kind k) {
    switch (k) {
        case RecordChange::Kind::added: return "added";
        case RecordChange::Kind::removed: return "removed";
        case RecordChange::Kind::changed: return "changed";
    }
    return {};
}

void fields(JsonWriter& j, const std::vector<FieldChange>& list) {
    j.begin_array();
    for (const FieldChange& f : list) {
        j.begin_object();
        j.key("path").string(f.path);
        j.key("change").string(!f.before ? "added" : !f.after ? "removed" : "changed");
        if (f.before) j.key("before").value(*f.before);
        if (f.after) j.key("after").value(*f.after);
        j.end_object();
    }
    j.end_array();
}

// The key's parts by name: {"id": ...}, {"neighbourhood", "year", "source", "code"}, ...
void key_fields_object(JsonWriter& j, const RecordChange& c) {
    auto names = key_fields(c.collection);
    j.begin_object();
    std::string_view key = c.key;
    for (std::size_t i = 0; i < names.size(); ++i) {
        std::size_t slash = i + 1 < names.size() ? key.find('/') : std::string_view::npos;
        j.key(names[i]).string(key.substr(0, slash));
        key = slash == std::string_view::npos ? std::string_view() : key.substr(slash + 1);
    }
    j.end_object();
}

void optional_text(JsonWriter& j, std::string_view k, const std::string& v) {
    j.key(k);
    if (v.empty()) j.null();
    else j.string(v);
}

// The members of one record change (inside an object the caller opened).
void change_members(JsonWriter& j, const RecordChange& c) {
    j.key("collection").string(c.collection);
    j.key("key").string(c.key);
    j.key("key_fields");
    key_fields_object(j, c);
    if (c.occurrence > 1) j.key("occurrence").integer(c.occurrence);
    j.key("change").string(change_name(c.kind));
    optional_text(j, "file_before", c.file_before);
    optional_text(j, "file_after", c.file_after);
    optional_text(j, "renamed", c.renamed);
    j.key("fields");
    fields(j, c.fields);
    if (c.record) j.key("record").value(*c.record);
}

void unread_object(JsonWriter& j, const UnreadFile& u, Lang lang) {
    j.begin_object();
    j.key("file").string(u.file);
    j.key("side").string(u.before ? "before" : "after");
    j.key("line");
    if (u.line) j.integer(u.line);
    else j.null();
    j.key("message").string(u.why.in(lang));
    j.end_object();
}

void side_object(JsonWriter& j, const DiffSide& s) {
    j.begin_object();
    j.key("state").string(s.kind == DiffSide::Kind::commit ? "commit"
                          : s.kind == DiffSide::Kind::index ? "index"
                                                            : "working_tree");
    optional_text(j, "revision", s.revision);
    optional_text(j, "commit", s.commit);
    j.end_object();
}

}  // namespace

std::string render_diff_json(const DiffReport& r, const HistoryStyle& s) {
    const RecordDiff& d = *r.diff;
    JsonWriter j;
    j.begin_object();
    j.key("before");
    side_object(j, r.before);
    j.key("after");
    side_object(j, r.after);
    j.key("counts").begin_object();
    j.key("added").integer(static_cast<long long>(d.count(RecordChange::Kind::added)));
    j.key("changed").integer(static_cast<long long>(d.count(RecordChange::Kind::changed)));
    j.key("removed").integer(static_cast<long long>(d.count(RecordChange::Kind::removed)));
    j.key("files_compared").integer(static_cast<long long>(d.files_compared));
    j.end_object();
    j.key("records").begin_array();
    for (const RecordChange& c : d.records) {
        j.begin_object();
        change_members(j, c);
        j.end_object();
    }
    j.end_array();
    j.key("settings");
    fields(j, d.settings);
    j.key("unread").begin_array();
    for (const UnreadFile& u : d.unread) unread_object(j, u, s.lang);
    j.end_array();
    j.end_object();
    return j.take();
}

std::string render_log_json(const LogReport& r, const HistoryStyle& s) {
    JsonWriter j;
    j.begin_object();
    j.key("collection").string(r.collection);
    j.key("id").string(r.id);
    j.key("since").optional_string(r.since);
    j.key("until").optional_string(r.until);
    j.key("commits").begin_array();
    for (const RecordHistoryEntry& e : *r.entries) {
        j.begin_object();
        j.key("commit").string(e.commit.id);
        j.key("short_id").string(e.commit.short_id);
        j.key("author").string(e.commit.author);
        j.key("email").string(e.commit.email);
        j.key("date").string(e.commit.date);
        j.key("time").string(e.commit.time);
        j.key("subject").string(e.commit.subject);
        j.key("merge").boolean(e.commit.merge);
        change_members(j, e.change);
        j.key("unread");
        if (e.unread) unread_object(j, *e.unread, s.lang);
        else j.null();
        j.end_object();
    }
    j.end_array();
    j.end_object();
    return j.take();
}

}  // namespace wijk
