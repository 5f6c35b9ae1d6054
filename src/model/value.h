// A YAML node as the loader read it, with its location. The loader decodes records from it;
// users' own x_ keys keep it as written.
#pragma once

#include <string>
#include <vector>

#include "model/mark.h"

namespace wijk {

struct Value {
    // decoded: a record the loader already turned into a record while parsing (and dropped)
    enum class Type { null, scalar, sequence, mapping, decoded };
    Type type = Type::null;
    bool plain = true;   // a plain (unquoted, non-block) scalar
    std::string text;    // scalar text
    Mark at;
    Loc loc;             // the same place, as records keep it
    // sequence: the items; mapping: key, value, key, value, ...
    std::vector<Value> items;

    bool is_null() const { return type == Type::null; }
    bool is_scalar() const { return type == Type::scalar; }
    bool is_sequence() const { return type == Type::sequence; }
    bool is_mapping() const { return type == Type::mapping; }
    std::size_t size() const { return type == Type::mapping ? items.size() / 2 : items.size(); }
};

// A plain scalar the way the YAML core schema reads a number (for users' own x_ keys in JSON,
// and for "is this a number at all" when a value is not of its key's type).
bool looks_like_number(std::string_view text);

}  // namespace wijk
