#include "cli/context.h"

#include <chrono>
#include <cstdio>
#include <memory>
#include <cstdlib>
#include <filesystem>
#include <unistd.h>

#include "check/check.h"
#include "io/output.h"
#include "model/enums.h"
#include "model/i18n.h"
#include "render/diagnostics.h"

namespace wijk {

void print_error(const std::string& message) {
    std::string line = "wijk: " + message + "\n";
    std::fwrite(line.data(), 1, line.size(), stderr);
}

bool Context::resolve_globals() {
    if (global.lang) {
        auto i = index_of(*global.lang, lang_names);
        if (!i) {
            print_error(fmt::format("--lang: '{}' is not one of: en, nl", *global.lang));
            return false;
        }
        forced_lang = static_cast<Lang>(*i);
        set_output_language(*forced_lang);
    }
    if (global.as_of) {
        auto d = parse_date(*global.as_of);
        if (!d) {
            print_error(msg("--as-of: '{}' is not a date in the form YYYY-MM-DD",
                            "--as-of: '{}' is geen datum in de vorm JJJJ-MM-DD", *global.as_of));
            return false;
        }
        if (int(d->year()) < 1900 || int(d->year()) > 2200) {
            // the data's years are 1900..2200; far outside, terms would roll past year 9999
            print_error(msg("--as-of: {} is outside the years 1900 to 2200",
                            "--as-of: {} valt buiten de jaren 1900 tot en met 2200", *global.as_of));
            return false;
        }
        as_of = *d;
    } else {
        as_of = today_local();
    }
    if (global.color != "auto" && global.color != "always" && global.color != "never") {
        print_error(fmt::format("--color: '{}' is not one of: auto, always, never", global.color));
        return false;
    }
    return true;
}

bool Context::color_for(int fd) const {
    if (global.color == "always") return true;
    if (global.color == "never") return false;
    auto set = [](const char* name) {
        const char* v = std::getenv(name);
        return v && *v && std::string_view(v) != "0";
    };
    const char* no_color = std::getenv("NO_COLOR");
    if (no_color && *no_color) return false;
    if (set("CLICOLOR_FORCE") || set("FORCE_COLOR")) return true;
    const char* term = std::getenv("TERM");
    if (term && std::string_view(term) == "dumb") return false;
    return ::isatty(fd) != 0;
}

std::optional<std::string> Context::data_root() const {
    std::error_code ec;
    auto cwd = std::filesystem::current_path(ec).string();
    auto root = find_data_root(global.data, std::getenv("WIJK_DATA"), cwd);
    if (!root) {
        print_error(std::string(tr(
            "no data repository found: give one with -C/--data DIR, set WIJK_DATA, or run wijk in a "
            "folder (or below one) that holds wijk.yaml",
            "geen gegevensmap gevonden: geef er een met -C/--data MAP, zet WIJK_DATA, of start wijk "
            "in een map (of daaronder) met wijk.yaml")));
        return std::nullopt;
    }
    if (!std::filesystem::is_directory(*root, ec)) {
        print_error(msg("data folder '{}' does not exist or is not a folder",
                        "gegevensmap '{}' bestaat niet of is geen map", *root));
        return std::nullopt;
    }
    if (!std::filesystem::exists(std::filesystem::path(*root) / "wijk.yaml", ec)) {
        print_error(msg("'{}' holds no wijk.yaml: is it a wijk data repository? (wijk init creates one)",
                        "'{}' bevat geen wijk.yaml: is het een wijk-gegevensmap? (wijk init maakt er een)", *root));
        return std::nullopt;
    }
    return root;
}

namespace {

// "reading files 1234 of 85702" on a terminal once loading has taken more than a second.
struct Progress {
    std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
    // WIJK_PROGRESS_DELAY_MS: after how long the line appears (default 1000; for tests)
    std::chrono::milliseconds delay{[] {
        const char* v = std::getenv("WIJK_PROGRESS_DELAY_MS");
        return v && *v ? std::atol(v) : 1000L;
    }()};
    bool shown = false;
    void operator()(std::size_t done, std::size_t total) {
        using namespace std::chrono;
        if (!shown && steady_clock::now() - start < delay) return;
        shown = true;
        std::string line = "\r" + msg("wijk: reading files {} of {}", "wijk: bestanden lezen {} van {}", done, total);
        if (done == total) line += "\r\x1b[K";
        std::fwrite(line.data(), 1, line.size(), stderr);
        std::fflush(stderr);
    }
};

}  // namespace

Loaded Context::load(const std::string& root) const {
    if (forced_lang) set_output_language(*forced_lang);
    LoadOptions options;
    auto progress = std::make_shared<Progress>();
    if (!global.quiet && ::isatty(STDERR_FILENO)) options.progress = [progress](std::size_t d, std::size_t t) { (*progress)(d, t); };
    // wijk.yaml picks the language unless --lang did: every message, its own included, speaks it
    options.on_config = [this](const Config& config) {
        if (!forced_lang && config.language) set_output_language(*config.language);
    };
    Loaded loaded = load_repository(root, options);
    CheckOptions opt{as_of};
    check_repository(loaded.repo, opt, loaded.diags);
    loaded.diags.sort();
    return loaded;
}

std::optional<int> Context::load_valid(Loaded& out) const {
    auto root = data_root();
    if (!root) return exit_code::io;
    out = load(*root);
    if (out.diags.errors() > 0) {
        Diagnostics errors;
        for (const auto& d : out.diags.items)
            if (d.severity == Severity::error) errors.items.push_back(d);
        DiagnosticReport report{out.repo.root, &out.repo.files, color_for(STDERR_FILENO), true, false,
                                output_language()};
        std::string text = render_diagnostics(errors, DiagnosticFormat::text, report);
        std::fwrite(text.data(), 1, text.size(), stderr);
        return out.diags.io_error ? exit_code::io : exit_code::data_errors;
    }
    if (out.diags.warnings() > 0 && !global.quiet)
        print_error(msg("{} warning(s) in the data; run 'wijk validate' to see them",
                        "{} waarschuwing(en) in de gegevens; 'wijk validate' toont ze", out.diags.warnings()));
    return std::nullopt;
}

int Context::emit(const std::optional<std::string>& path, const std::string& content) const {
    return emit_streamed(path, [&](const auto& write) { write(content); });
}

int Context::emit_streamed(const std::optional<std::string>& path,
                           const std::function<void(const std::function<void(std::string_view)>&)>& produce) const {
    std::optional<OutputFile> file;
    if (path && *path != "-") file.emplace(*path);
    else file.emplace(OutputFile::StandardOutput{});
    produce([&](std::string_view piece) { file->write(piece); });
    WriteResult r = file->finish();
    if (r.ok) return exit_code::ok;
    print_error(msg("cannot write {}", "kan {} niet schrijven", r.error));
    return exit_code::io;
}

std::string Context::pick_format(const std::optional<std::string>& format,
                                 const std::optional<std::string>& output,
                                 const std::string& fallback) const {
    if (format) return *format;
    if (output)
        if (auto f = format_from_extension(*output)) return *f;
    return fallback;
}

}  // namespace wijk
