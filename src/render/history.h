// `wijk diff` and `wijk log` for people (text, markdown) and for scripts (json): one renderer
// per format (history_text.cpp, history_markdown.cpp, history_json.cpp); the words they share
// are here (history_words.cpp).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "model/lang.h"
#include "model/value.h"
#include "report/record_diff.h"

namespace wijk {

// One of the two states a diff compares.
struct DiffSide {
    std::string revision;  // as the user named it ("HEAD", "v2025-12"); "" for the index or the working tree
    std::string commit;    // its full id; "" for the index or the working tree
    enum class Kind { commit, index, working_tree } kind = Kind::commit;
};

struct DiffReport {
    const RecordDiff* diff = nullptr;
    DiffSide before, after;
};

struct LogReport {
    std::string collection;  // "agreements"
    std::string id;
    const std::vector<RecordHistoryEntry>* entries = nullptr;
    std::optional<std::string> since, until;
};

struct HistoryStyle {
    Lang lang = Lang::en;
    bool color = false;
    std::size_t width = 80;  // text: the terminal's columns
};

std::string render_diff_text(const DiffReport& r, const HistoryStyle& s);
std::string render_diff_markdown(const DiffReport& r, const HistoryStyle& s);
std::string render_diff_json(const DiffReport& r, const HistoryStyle& s);
std::string render_log_text(const LogReport& r, const HistoryStyle& s);
std::string render_log_markdown(const LogReport& r, const HistoryStyle& s);
std::string render_log_json(const LogReport& r, const HistoryStyle& s);

// --- the words the renderers share (history_words.cpp) ---

// "HEAD (1a2b3c4)", "the working tree", "the index"
std::string side_label(const DiffSide& side, Lang lang);
// "Agreements" / "Afspraken"
std::string_view collection_title(std::string_view collection, Lang lang);
// "agreement buurthuis-wildeman", "liveability geuzenveld 2024", "evaluation a-1 2025"
std::string record_label(std::string_view collection, std::string_view key, int occurrence, Lang lang);
// The record's key as people read it, without the collection: "geuzenveld 2024", "(no id)"
std::string key_label(std::string_view collection, std::string_view key, Lang lang);
// The record's title or name, when it has one (for an added or removed record).
std::string record_title(const RecordChange& c);
// A value in YAML's one-line (flow) form: `6 months`, `[a, b]`, `{kind: funding, amount_per_year: 5000}`;
// "(none)" for a side where the field is absent, "(empty)" for a null.
std::string value_text(const std::optional<Value>& v, Lang lang);
// "(moved from a.yaml to b.yaml)" when a changed record now lives in another file; "" otherwise.
std::string moved_note(const RecordChange& c, Lang lang);
// "1 added, 2 changed, 1 removed" (only the kinds there are), "no record differs"
std::string change_counts(const RecordDiff& d, Lang lang);

}  // namespace wijk
