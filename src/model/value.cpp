#include "model/value.h"

namespace wijk {

bool looks_like_number(std::string_view t) {
    std::size_t i = 0;
    if (i < t.size() && (t[i] == '-' || t[i] == '+')) ++i;
    std::size_t d0 = i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
    std::size_t int_digits = i - d0;
    if (int_digits == 0) return false;
    if (int_digits > 1 && t[d0] == '0') return false;
    if (i < t.size() && t[i] == '.') {
        ++i;
        std::size_t f0 = i;
        while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
        if (i == f0) return false;
    }
    if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
        ++i;
        if (i < t.size() && (t[i] == '-' || t[i] == '+')) ++i;
        std::size_t e0 = i;
        while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
        if (i == e0) return false;
    }
    return i == t.size();
}

}  // namespace wijk
