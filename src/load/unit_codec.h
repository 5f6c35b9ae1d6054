// A file's unit in a compact binary form, for the parse cache: its records (every field, with
// its place), its diagnostics (both languages), and its texts once each. Decoding interns the
// texts into the pool of the workspace that reads it. The form is checked as it is read: a
// truncated or garbled blob gives nullopt, never a crash or a half-filled unit.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "load/unit.h"

namespace wijk {

// The version of the form; a blob of another version is not read (changes with every change of
// the records' layout, which unit_codec.cpp pins with static_asserts on their sizes).
inline constexpr std::uint32_t unit_codec_version = 1;

// Appends the unit's blob to `out`.
void encode_unit(const FileUnit& unit, std::string& out);
// The unit a blob holds, its texts interned into `texts`; nullopt when the blob is not whole.
std::optional<FileUnit> decode_unit(std::string_view blob, TextPool& texts);

// Diagnostics alone (the cached result of `validate`), in the same form.
void encode_diagnostics(const Diagnostics& diags, std::string& out);
std::optional<Diagnostics> decode_diagnostics(std::string_view blob);

}  // namespace wijk
