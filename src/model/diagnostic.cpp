#include "model/diagnostic.h"

#include <algorithm>

namespace wijk {

std::size_t Diagnostics::errors() const {
    return std::count_if(items.begin(), items.end(),
                         [](const Diagnostic& d) { return d.severity == Severity::error; });
}

std::size_t Diagnostics::warnings() const { return items.size() - errors(); }

void Diagnostics::sort() {
    std::stable_sort(items.begin(), items.end(),
                     [](const Diagnostic& a, const Diagnostic& b) { return a.at < b.at; });
}

}  // namespace wijk
