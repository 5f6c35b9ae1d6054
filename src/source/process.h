// Running a program without a shell, feeding it bytes and collecting what it prints: for the
// git command line (the index of --staged).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace wijk {

struct ProcessResult {
    bool started = false;   // false: the program could not be run at all
    int status = -1;        // its exit status (128 + N when killed by signal N)
    std::string out;        // what it wrote to stdout
    std::string err;        // what it wrote to stderr (at most 64 KiB kept)
};

// Runs argv[0] (looked up on PATH) with `input` on its stdin. Never blocks on a full pipe in
// either direction. Environment variables that name paths relative to the current folder
// (GIT_DIR, GIT_INDEX_FILE, GIT_WORK_TREE, GIT_OBJECT_DIRECTORY) are made absolute, so that
// `git -C DIR` inside a git hook still finds the repository git gave the hook.
ProcessResult run_process(const std::vector<std::string>& argv, std::string_view input = {});

}  // namespace wijk
