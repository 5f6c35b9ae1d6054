// The files `wijk init` writes: a commented wijk.yaml, one example file per collection, a README
// for the staff who edit the data, a pre-commit hook, CI samples for GitHub and GitLab with the
// install script they share, a cron sample that mails the owners, a .gitignore and the JSON
// Schemas the `# yaml-language-server: $schema=` lines point at. All in the repository's
// language (comments, README, example records; keys and values stay those of the data format).
#pragma once

#include <string>
#include <vector>

#include "model/records.h"

namespace wijk {

struct InitFile {
    std::string path;     // relative to the new data root, '/'-separated
    std::string content;
    bool executable = false;
};

// What the files depend on besides the language.
struct InitPlan {
    Lang lang = Lang::en;
    // The data root relative to the top of the git work tree ("." when it is the top, or when
    // there is no repository yet): the hook and the CI samples run wijk -C on it from there.
    std::string data_path = ".";
    std::string readme = "README.md";  // WIJK.md when a repository has its own README.md
    bool gitignore = true;             // false: the repository has one; gitignore_lines() are printed
};

std::vector<InitFile> init_files(const InitPlan& plan);
// `wijk init --vscode`: VS Code's workspace settings for YAML that wijk reads (spaces, never
// tabs; UTF-8) and the recommendation of the wijk extension (editors/vscode), which runs `wijk lsp`.
std::vector<InitFile> vscode_files();

// What .gitignore holds (one entry a line, with comment lines), for printing when it exists.
std::vector<std::string> gitignore_lines(Lang lang);

// The setting the CI samples install wijk from.
inline constexpr const char* ci_setting = "WIJK_URL";

}  // namespace wijk
