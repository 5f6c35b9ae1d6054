#include "model/enums.h"

namespace wijk {

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
