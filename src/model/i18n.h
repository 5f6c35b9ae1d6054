// Human-readable text in English and Dutch. The language is a parameter of whoever shows a
// text: a renderer is given it, and a diagnostic keeps both wordings (Text) so that it can be
// shown in either language, whenever and wherever it is output.
#pragma once

#include <fmt/format.h>

#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "model/lang.h"

namespace wijk {

// One text in both languages.
struct Text {
    std::string en, nl;

    Text() = default;
    Text(std::string_view en_text, std::string_view nl_text) : en(en_text), nl(nl_text) {}
    bool empty() const { return en.empty() && nl.empty(); }
    const std::string& in(Lang lang) const { return lang == Lang::nl && !nl.empty() ? nl : en; }
    friend bool operator==(const Text&, const Text&) = default;
};

inline std::string_view tr(Lang lang, std::string_view en, std::string_view nl) {
    return lang == Lang::nl ? nl : en;
}

namespace i18n_detail {
template <class A>
decltype(auto) in(const A& a, Lang lang) {
    if constexpr (std::is_same_v<std::decay_t<A>, Text>) return std::string_view(a.in(lang));
    else return (a);
}
}  // namespace i18n_detail

// A message in one language: msg(lang, "unknown key '{}'", "onbekende sleutel '{}'", key).
// An argument that is a Text is shown in that language.
template <class... Args>
std::string msg(Lang lang, std::string_view en, std::string_view nl, const Args&... args) {
    return fmt::format(fmt::runtime(tr(lang, en, nl)), i18n_detail::in(args, lang)...);
}

// A message in both languages, for a diagnostic: say("unknown key '{}'", "onbekende sleutel '{}'", key).
template <class... Args>
Text say(std::string_view en, std::string_view nl, const Args&... args) {
    Text t;
    t.en = fmt::format(fmt::runtime(en), i18n_detail::in(args, Lang::en)...);
    t.nl = fmt::format(fmt::runtime(nl), i18n_detail::in(args, Lang::nl)...);
    return t;
}

}  // namespace wijk
