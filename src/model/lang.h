// The languages of human-readable text.
#pragma once

namespace wijk {

enum class Lang { en, nl };

}  // namespace wijk
