// Every key of the key tables has a meaning in both languages: the language server's hover and
// completion texts never come up empty for a key wijk accepts.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "model/key_docs.h"
#include "model/key_table.h"

using namespace wijk;

namespace {
void every_key(const RecordSpec& spec, std::set<const RecordSpec*>& seen) {
    if (!seen.insert(&spec).second) return;
    for (const auto& k : spec.keys) {
        Text doc = key_doc(spec, k.name);
        const std::string where = std::string(spec.name) + "." + std::string(k.name);
        INFO(where);
        CHECK(!doc.en.empty());
        CHECK(!doc.nl.empty());
        CHECK(doc.en != doc.nl);
        CHECK(!key_kind_text(k).en.empty());
        if (k.record) every_key(*k.record, seen);
    }
}
}  // namespace

TEST_CASE("key docs: every key of every record spec and of wijk.yaml, in English and Dutch") {
    std::set<const RecordSpec*> seen;
    for (auto c : collection_names) {
        every_key(collection_spec(c), seen);
        CHECK(!collection_doc(c).nl.empty());
    }
    every_key(config_spec(), seen);
    CHECK(seen.size() >= 15);
    CHECK(key_doc(agreement_spec(), "no-such-key").empty());
    CHECK(collection_doc("partner").empty());
}

TEST_CASE("key docs: a key's kind in words names its values or its target") {
    CHECK(key_kind_text(*agreement_spec().find("renewal")).en == "one of: none, tacit, indefinite");
    CHECK(key_kind_text(*agreement_spec().find("partner")).nl == "verwijzing naar partners");
    CHECK(key_kind_text(*agreement_spec().find("notice")).nl == "duur, zoals 3 maanden");
}
