// The table of commands: each registers its options on CLI11 and runs from them.
#pragma once

namespace CLI {
class App;
}

namespace wijk {

struct Context;

void add_validate(CLI::App& app, Context& cx, int& status);

}  // namespace wijk
