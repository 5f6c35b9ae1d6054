// What the server answers about one open document: completion, hover, definition, symbols and
// the fixes a diagnostic's hint names. Each reads the document's text (which may not parse) and
// the repository of the last analysis of its data root.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "lsp/convert.h"
#include "lsp/text.h"
#include "model/calendar.h"
#include "model/diagnostic.h"
#include "model/lang.h"
#include "model/records.h"

namespace wijk::lsp {

struct Snapshot {
    const Document& doc;
    bool config_file = false;          // the document is wijk.yaml
    const Repository* repo = nullptr;  // nullptr: no data root, or not loaded yet
    Lang lang = Lang::en;
    Date as_of{};
};

// A CompletionList.
json complete(const Snapshot& s, Position pos);
// A Hover, or null.
json hover(const Snapshot& s, Position pos);

// Where the record that the reference at `pos` names is defined: its file and the place of
// its id (or the record's own mark when it has no id).
struct Target {
    std::uint32_t file = 0;
    Loc id;     // the id's place; empty: use `record`
    Mark record;
};
std::optional<Target> definition(const Snapshot& s, Position pos);

// DocumentSymbol[] (hierarchical) or SymbolInformation[] for `uri`.
json document_symbols(const Snapshot& s, bool hierarchical, const std::string& uri);

// The edits a diagnostic's hint names: "did you mean 'x'?" and "write x" replace the value or
// key at the diagnostic by x; renewal-missing adds each `renewal:` value. `at` is the
// diagnostic's range in the document.
struct Fix {
    std::string title;
    Range range;
    std::string new_text;
    bool preferred = false;
};
std::vector<Fix> fixes_for(const Document& doc, const Diagnostic& d, Range at, Lang lang);

}  // namespace wijk::lsp
