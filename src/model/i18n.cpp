#include "model/i18n.h"

#include <atomic>

namespace wijk {

namespace {
std::atomic<Lang> current{Lang::en};
}

Lang output_language() { return current.load(std::memory_order_relaxed); }
void set_output_language(Lang lang) { current.store(lang, std::memory_order_relaxed); }

}  // namespace wijk
