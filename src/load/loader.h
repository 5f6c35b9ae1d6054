// Finding the data root and its files, and loading them into a Repository.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"
#include "model/records.h"

namespace wijk {

// --data, else WIJK_DATA, else walking up from `cwd` to the first folder with wijk.yaml
// (stopping at a folder with .git, or at /). nullopt: no root.
std::optional<std::string> find_data_root(const std::optional<std::string>& option,
                                          const char* env, const std::string& cwd);

// `*`, `?` within a path segment; `**` any number of segments; a pattern that matches a
// folder also excludes everything below it.
bool glob_match(std::string_view pattern, std::string_view path);

struct Loaded {
    Repository repo;
    Diagnostics diags;
};

struct LoadOptions {
    // Threads that read and decode files (0: one per core). Records and diagnostics come out
    // in file order whatever the number.
    unsigned threads = 0;
    // Called now and then with (files read, files in all), from any thread, never concurrently.
    std::function<void(std::size_t, std::size_t)> progress;
    // Called once wijk.yaml is read, before the data files.
    std::function<void(const Config&)> on_config;
};

// Reads wijk.yaml and every data file below `root`, in byte order of their relative path.
// Shape errors are in diags; rules across records are check/'s.
Loaded load_repository(const std::string& root, const LoadOptions& options = {});

// Reads and decodes one data file's bytes (exposed for tests and the fuzzer).
void load_data_text(std::string_view bytes, std::uint32_t file, Repository& repo, Diagnostics& diags);

}  // namespace wijk
