// The files `wijk init` writes: a commented wijk.yaml, one example file per collection, a README
// for the staff who edit the data, a pre-commit hook, a CI workflow, a .gitignore and the JSON
// Schemas the `# yaml-language-server: $schema=` lines point at.
#pragma once

#include <string>
#include <vector>

#include "model/records.h"

namespace wijk {

struct InitFile {
    std::string path;     // relative, '/'-separated
    std::string content;
    bool executable = false;
};

std::vector<InitFile> init_files(Lang lang);
// `wijk init --vscode`: VS Code's workspace settings for YAML that wijk reads (spaces, never
// tabs; UTF-8) and the recommendation of the wijk extension (editors/vscode), which runs `wijk lsp`.
std::vector<InitFile> vscode_files();

}  // namespace wijk
