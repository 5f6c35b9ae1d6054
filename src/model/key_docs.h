// What each key of the key tables (model/key_table.h) means, in English and Dutch, as
// wijk-format(5) explains it: the language server's hover and completion texts. Every key of
// every record spec has one (tests/unit/test_key_docs.cpp checks it).
#pragma once

#include <string_view>

#include "model/i18n.h"
#include "model/key_table.h"

namespace wijk {

// The meaning of `key` in the record spec `spec`; empty when the key is not in the tables.
Text key_doc(const RecordSpec& spec, std::string_view key);

// A key's kind of value in words ("date (YYYY-MM-DD)", "datum (JJJJ-MM-DD)").
Text key_kind_text(const KeySpec& key);

// The meaning of a collection (a top-level key of a data file); empty for another word.
Text collection_doc(std::string_view collection);

}  // namespace wijk
