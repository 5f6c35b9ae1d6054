#include "model/enums.h"

#include <string>

namespace wijk {

namespace {

struct DutchWord {
    std::string_view word, value;
};

// Every Dutch label of render/labels.cpp (lower case, without its bracketed explanation), and
// the words a Dutch writer would use instead; tests/unit/test_model_enums.cpp checks the labels.
constexpr DutchWord dutch_words[] = {
    // renewal
    {"geen", "none"}, {"stilzwijgend", "tacit"}, {"stilzwijgende verlenging", "tacit"}, {"onbepaalde tijd", "indefinite"},
    {"onbepaald", "indefinite"}, {"voor onbepaalde tijd", "indefinite"},
    // decision
    {"doorgaan", "continue"}, {"voortzetten", "continue"}, {"bijstellen", "adjust"}, {"aanpassen", "adjust"},
    {"stoppen", "stop"},
    // partner kind
    {"bewoners", "residents"}, {"huurders", "tenants"}, {"welzijn", "welfare"}, {"gemeente", "municipality"},
    {"politie", "police"}, {"vrijwilligers", "volunteers"}, {"onderwijs", "education"}, {"school", "education"},
    {"zorg", "health"}, {"cultuur", "culture"}, {"sport", "sports"}, {"levensbeschouwing", "faith"},
    {"kerk", "faith"}, {"ondernemers", "business"}, {"bedrijf", "business"}, {"overig", "other"}, {"anders", "other"},
    // provision kind
    {"ruimte", "space"}, {"huurkorting", "rent_discount"}, {"financiering", "funding"}, {"subsidie", "funding"},
    {"ondersteuning", "support"}, {"advies", "advice"},
    // lease
    {"bruikleen", "loan"}, {"huur art. 7:290", "290"}, {"huur art. 7:230a", "230a"},
    // per
    {"jaar", "year"}, {"per jaar", "year"}, {"termijn", "term"}, {"looptijd", "term"},
    // terminated by
    {"corporatie", "association"}, {"de corporatie", "association"}, {"woningcorporatie", "association"},
    {"de partner", "partner"}, {"wederzijds", "mutual"}, {"wederzijds goedvinden", "mutual"},
    // approach level
    {"regulier", "regular"}, {"focus", "focus"}, {"interventie", "intervention"},
    // liveability dimensions
    {"wonen", "housing"}, {"woningvoorraad", "housing"}, {"fysieke omgeving", "physical"}, {"fysiek", "physical"},
    {"voorzieningen", "amenities"}, {"sociale samenhang", "cohesion"}, {"samenhang", "cohesion"},
    {"veiligheid", "safety"}, {"overlast en onveiligheid", "safety"},
    // reminder kinds
    {"besluit", "decide"}, {"opzegging", "notice"}, {"opzegtermijn", "notice"}, {"verlenging", "renewal"},
    {"einde", "expiry"}, {"evaluatie", "evaluation"}, {"einde buurtstrategie", "strategy-end"}, {"einde strategie", "strategy-end"},
    // languages
    {"nederlands", "nl"}, {"engels", "en"},
};

}  // namespace

std::optional<std::string_view> value_for_dutch_word(std::string_view text, std::span<const std::string_view> names) {
    std::string word;
    for (char c : text) word += (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
    if (auto bracket = word.find(" ("); bracket != std::string::npos && word.back() == ')') word.resize(bracket);
    while (!word.empty() && word.back() == ' ') word.pop_back();
    for (const DutchWord& d : dutch_words)
        if (d.word == word && index_of(d.value, names)) return d.value;
    return std::nullopt;
}

std::string_view class_name(int klass, Lang lang) {
    static constexpr std::array<std::string_view, 9> en{
        "very poor", "poor", "insufficient", "weak", "sufficient", "amply sufficient", "good",
        "very good", "excellent"};
    static constexpr std::array<std::string_view, 9> nl{
        "zeer onvoldoende", "ruim onvoldoende", "onvoldoende", "zwak", "voldoende",
        "ruim voldoende", "goed", "zeer goed", "uitstekend"};
    if (klass < 1 || klass > 9) return "?";
    return lang == Lang::nl ? nl[std::size_t(klass - 1)] : en[std::size_t(klass - 1)];
}

}  // namespace wijk
