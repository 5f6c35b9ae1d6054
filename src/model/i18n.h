// The language of human-readable text, chosen once at start-up (--lang, wijk.yaml, else en).
#pragma once

#include <fmt/format.h>

#include <string>
#include <string_view>

#include "model/records.h"

namespace wijk {

Lang output_language();
void set_output_language(Lang lang);

inline std::string_view tr(std::string_view en, std::string_view nl) {
    return output_language() == Lang::nl ? nl : en;
}

// A message in the output language: msg("unknown key '{}'", "onbekende sleutel '{}'", key)
template <class... Args>
std::string msg(std::string_view en, std::string_view nl, Args&&... args) {
    return fmt::format(fmt::runtime(tr(en, nl)), std::forward<Args>(args)...);
}

}  // namespace wijk
