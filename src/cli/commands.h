// The table of commands: each registers its options on CLI11 and runs from them.
#pragma once

namespace CLI {
class App;
}

namespace wijk {

struct Context;

void add_validate(CLI::App& app, Context& cx, int& status);
void add_summary(CLI::App& app, Context& cx, int& status);
void add_reminders(CLI::App& app, Context& cx, int& status);
void add_checklist(CLI::App& app, Context& cx, int& status);
void add_init(CLI::App& app, Context& cx, int& status);
void add_import(CLI::App& app, Context& cx, int& status);
void add_schema(CLI::App& app, Context& cx, int& status);
void add_completion(CLI::App& app, Context& cx, int& status);
void add_lsp(CLI::App& app, Context& cx, int& status);
void add_diff(CLI::App& app, Context& cx, int& status);
void add_log(CLI::App& app, Context& cx, int& status);

}  // namespace wijk
