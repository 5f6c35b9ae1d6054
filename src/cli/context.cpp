#include "cli/context.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <memory>
#include <cstdlib>
#include <filesystem>
#include <sys/stat.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "check/check.h"
#include "source/disk_source.h"
#include "cli/common/revisions.h"
#include "source/git_index_source.h"
#include "source/listing.h"
#include "load/unit_cache.h"
#include "load/unit_codec.h"
#include <cstring>
#include "io/output.h"
#include "model/enums.h"
#include "model/i18n.h"
#include "model/suggest.h"
#include "render/diagnostics.h"
#include "render/escape.h"
#include "render/reminders.h"

namespace wijk {

void print_error(const std::string& message) {
    std::string line = "wijk: " + terminal_safe(message, true) + "\n";
    std::fwrite(line.data(), 1, line.size(), stderr);
}

namespace {

// Why a text that has the form YYYY-MM-DD is still no date: "February 2026 has 28 days".
std::string why_not_a_date(std::string_view text, Lang lang) {
    auto number = [&](std::size_t at, std::size_t n) {
        int v = 0;
        for (std::size_t i = at; i < at + n; ++i) {
            if (text[i] < '0' || text[i] > '9') return -1;
            v = v * 10 + (text[i] - '0');
        }
        return v;
    };
    int y = number(0, 4), m = number(5, 2);
    if (m < 1 || m > 12) return msg(lang, "there is no month {}", "er is geen maand {}", m);
    if (y < 1) return std::string(tr(lang, "there is no year 0", "er is geen jaar 0"));
    auto days = unsigned(std::chrono::year_month_day_last(std::chrono::year(y) / std::chrono::month(unsigned(m)) /
                                                          std::chrono::last)
                             .day());
    return msg(lang, "{} {} has {} days", "{} {} heeft {} dagen", month_name(unsigned(m), lang), y, days);
}

}  // namespace

bool Context::resolve_globals() {
    if (global.lang) {
        auto i = index_of(*global.lang, lang_names);
        if (!i) {
            print_error(fmt::format("--lang: '{}' is not one of: en, nl", *global.lang));
            return false;
        }
        forced_lang = static_cast<Lang>(*i);
    }
    if (global.as_of) {
        auto d = parse_date(*global.as_of);
        if (!d) {
            const std::string& t = *global.as_of;
            bool shaped = t.size() == 10 && t[4] == '-' && t[7] == '-' &&
                          std::all_of(t.begin(), t.end(), [](char c) { return c == '-' || (c >= '0' && c <= '9'); });
            if (shaped)
                print_error(msg(lang(), "--as-of: '{}' is not a real date ({})", "--as-of: '{}' is geen bestaande datum ({})",
                                t, why_not_a_date(t, lang())));
            else
                print_error(msg(lang(), "--as-of: '{}' is not a date in the form YYYY-MM-DD",
                                "--as-of: '{}' is geen datum in de vorm JJJJ-MM-DD", terminal_safe(t)));
            return false;
        }
        if (int(d->year()) < 1900 || int(d->year()) > 2200) {
            // the data's years are 1900..2200; far outside, terms would roll past year 9999
            print_error(msg(lang(), "--as-of: {} is outside the years 1900 to 2200",
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

std::size_t text_width(bool to_terminal) {
    // COLUMNS as a shell sets it; a value that is not a sensible width is ignored
    if (const char* c = std::getenv("COLUMNS"); c && *c) {
        char* end = nullptr;
        long n = std::strtol(c, &end, 10);
        if (end && *end == '\0' && n >= 20 && n <= 10000) return std::size_t(n);
    }
    winsize ws{};
    if (to_terminal && ::isatty(STDOUT_FILENO) && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
        return ws.ws_col;
    return 80;
}

std::optional<std::string> Context::data_root() const {
    std::error_code ec;
    auto cwd = std::filesystem::current_path(ec).string();
    auto root = find_data_root(global.data, std::getenv("WIJK_DATA"), cwd);
    if (!root) {
        print_error(std::string(tr(lang(),
            "no data repository found: give one with -C/--data DIR, set WIJK_DATA, or run wijk in a "
            "folder (or below one) that holds wijk.yaml",
            "geen gegevensmap gevonden: geef er een met -C/--data MAP, zet WIJK_DATA, of start wijk "
            "in een map (of daaronder) met wijk.yaml")));
        return std::nullopt;
    }
    if (!std::filesystem::is_directory(*root, ec)) {
        print_error(msg(lang(), "data folder '{}' does not exist or is not a folder",
                        "gegevensmap '{}' bestaat niet of is geen map", *root));
        return std::nullopt;
    }
    if (!std::filesystem::exists(std::filesystem::path(*root) / "wijk.yaml", ec)) {
        print_error(msg(lang(), "'{}' holds no wijk.yaml: is it a wijk data repository? (wijk init creates one)",
                        "'{}' bevat geen wijk.yaml: is het een wijk-gegevensmap? (wijk init maakt er een)", *root));
        return std::nullopt;
    }
    return root;
}

namespace {

// "reading files 1234 of 85702" on a terminal once loading has taken more than a second.
struct Progress {
    explicit Progress(Lang l) : lang(l) {}
    Lang lang;
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
        std::string line = "\r" + msg(lang, "wijk: reading files {} of {}", "wijk: bestand {} van {} lezen", done, total);
        if (done == total) line += "\r\x1b[K";
        std::fwrite(line.data(), 1, line.size(), stderr);
        std::fflush(stderr);
    }
};

}  // namespace

Lang Context::lang(const Config& config) const {
    if (forced_lang) return *forced_lang;
    if (config.language) return *config.language;
    return Lang::en;
}

Lang Context::lang() const {
    if (forced_lang) return *forced_lang;
    return loaded_lang_.value_or(Lang::en);
}

std::optional<Loaded> Context::load(const std::string& root) const {
    std::shared_ptr<const FileSource> source;
    load_failure_ = exit_code::io;
    const Lang early = forced_lang.value_or(Lang::en);
    if (global.rev) {
        if (staged) {
            print_error(msg(early, "--rev and --staged cannot be combined: one reads a commit, the other the index",
                            "--rev en --staged gaan niet samen: de ene leest een commit, de andere de index"));
            load_failure_ = exit_code::usage;
            return std::nullopt;
        }
        auto repo = open_repository(root, "--rev", early, load_failure_);
        if (!repo) return std::nullopt;
        auto tree = open_revision(repo, root, *global.rev, "--rev", early, load_failure_);
        if (!tree) return std::nullopt;
        if (!tree->exists("wijk.yaml")) {
            print_error(tree->has_root()
                            ? msg(early, "--rev {}: the data folder held no wijk.yaml then: {}",
                                  "--rev {}: de gegevensmap bevatte toen geen wijk.yaml: {}", tree->describe(), root)
                            : msg(early, "--rev {}: the data folder did not exist then: {}",
                                  "--rev {}: de gegevensmap bestond toen nog niet: {}", tree->describe(), root));
            return std::nullopt;
        }
        source = std::move(tree);
    } else if (staged) {
        Text why;
        auto index = GitIndexSource::open(root, why);
        if (!index) {
            print_error(msg(forced_lang.value_or(Lang::en), "--staged: {}: {}", "--staged: {}: {}", why, root));
            return std::nullopt;
        }
        source = std::move(index);
    } else {
        source = std::make_shared<DiskSource>(root);
    }
    WorkspaceOptions options;
    auto progress = std::make_shared<Progress>(lang());
    if (!global.quiet && ::isatty(STDERR_FILENO))
        options.progress = [progress](std::size_t d, std::size_t t) { (*progress)(d, t); };
    options.cache = open_cache(root);
    std::shared_ptr<UnitCache> cache = options.cache;
    Loaded loaded;
    loaded.workspace = std::make_unique<Workspace>(std::move(source), std::move(options));
    Workspace& work = *loaded.workspace;
    // validate of a state seen before: its result, without decoding a record. The key holds the
    // content hash of every file, the wijk version, and the as-of date (one rule depends on it).
    std::uint64_t key = 0;
    const bool use_result = diagnostics_only && cache && cache->has_any_result();
    if (use_result) {
        key = work.scan() ^ (std::uint64_t(std::chrono::sys_days(as_of).time_since_epoch().count()) * 0x9E3779B97F4A7C15ull);
        if (auto hit = cached_result(*cache, key, work)) {
            loaded_lang_ = lang(work.repository().config);
            loaded_root_ = LoadedRoot{root, work.repository().config.exclude_globs()};
            loaded.diags = std::move(*hit);
            return loaded;
        }
    }
    work.load();
    const Repository& repo = loaded.repo();
    loaded_lang_ = lang(repo.config);
    loaded_root_ = LoadedRoot{root, repo.config.exclude_globs()};
    loaded.diags = loaded.workspace->diagnostics();
    CheckOptions opt;
    opt.as_of = as_of;
    opt.unread_files = loaded.workspace->unread_files();
    const Workspace& ws = *loaded.workspace;
    std::vector<std::pair<std::string, bool>> documents;  // what was looked up, for the cached result
    opt.document_exists = [&ws, &documents](std::string_view path) {
        bool there = ws.source().exists(path);
        documents.emplace_back(std::string(path), there);
        return there;
    };
    check_repository(repo, opt, loaded.diags);
    loaded.diags.sort();
    if (diagnostics_only && cache) {
        if (!key) key = work.state_key() ^ (std::uint64_t(std::chrono::sys_days(as_of).time_since_epoch().count()) * 0x9E3779B97F4A7C15ull);
        store_result(*cache, key, work, documents, loaded.diags);
    }
    return loaded;
}

std::shared_ptr<UnitCache> Context::open_cache(const std::string& root) const {
    if (global.no_cache) return nullptr;
    if (const char* off = std::getenv("WIJK_NO_CACHE"); off && *off && std::string_view(off) != "0") return nullptr;
    std::string base;
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg == '/') base = std::string(xdg) + "/wijk";
    else if (const char* home = std::getenv("HOME"); home && *home == '/') base = std::string(home) + "/.cache/wijk";
    else return nullptr;
    return std::make_shared<UnitCache>(UnitCache::folder_for(base, root));
}

namespace {
// validate's cached result: the counts, the documents looked up (and whether they were
// there), then the diagnostics.
void put_u64(std::string& out, std::uint64_t v) { out.append(reinterpret_cast<const char*>(&v), 8); }
bool get_u64(std::string_view& in, std::uint64_t& v) {
    if (in.size() < 8) return false;
    std::memcpy(&v, in.data(), 8);
    in.remove_prefix(8);
    return true;
}
}  // namespace

void Context::store_result(UnitCache& cache, std::uint64_t key, const Workspace& work,
                           const std::vector<std::pair<std::string, bool>>& documents, const Diagnostics& diags) const {
    std::string out;
    const RecordCounts& c = work.counts();
    for (std::uint64_t v : {c.files, c.neighbourhoods, c.liveability, c.partners, c.agreements, c.evaluations, c.strategies})
        put_u64(out, v);
    put_u64(out, documents.size());
    for (const auto& [path, there] : documents) {
        put_u64(out, path.size());
        out += path;
        out += there ? '1' : '0';
    }
    encode_diagnostics(diags, out);
    cache.put_result(key, out);
}

std::optional<Diagnostics> Context::cached_result(const UnitCache& cache, std::uint64_t key, Workspace& work) const {
    auto bytes = cache.result(key);
    if (!bytes) return std::nullopt;
    std::string_view in = *bytes;
    RecordCounts c;
    std::uint64_t n = 0;
    for (std::size_t* v : {&c.files, &c.neighbourhoods, &c.liveability, &c.partners, &c.agreements, &c.evaluations, &c.strategies}) {
        std::uint64_t x;
        if (!get_u64(in, x)) return std::nullopt;
        *v = std::size_t(x);
    }
    if (!get_u64(in, n)) return std::nullopt;
    for (std::uint64_t i = 0; i < n; ++i) {
        std::uint64_t len;
        if (!get_u64(in, len) || in.size() < len + 1) return std::nullopt;
        std::string_view path = in.substr(0, len);
        bool there = in[len] == '1';
        in.remove_prefix(len + 1);
        // a signed agreement added or removed since: the result would be stale
        if (work.source().exists(path) != there) return std::nullopt;
    }
    auto diags = decode_diagnostics(in);
    if (!diags) return std::nullopt;
    work.set_counts(c);
    return diags;
}

DiagnosticReport Context::diagnostic_report(const Loaded& loaded, bool color) const {
    DiagnosticReport report;
    const Repository& repo = loaded.repo();
    report.files = &repo.files;
    report.locator = loaded.workspace.get();
    report.counts = &loaded.workspace->counts();
    report.color = color;
    report.summary_line = !global.quiet;
    report.lang = lang(repo.config);
    if (auto top = find_work_tree(repo.root)) {
        std::error_code ec;
        std::string rel = std::filesystem::relative(std::filesystem::weakly_canonical(repo.root, ec), *top, ec)
                              .generic_string();
        if (!ec && !rel.empty() && rel != ".") report.work_tree_prefix = rel + "/";
    }
    return report;
}

std::optional<int> Context::load_valid(Loaded& out, const Text& refused) const {
    auto root = data_root();
    if (!root) return exit_code::io;
    auto loaded = load(*root);
    if (!loaded) return load_failure_;
    out = std::move(*loaded);
    const Lang l = lang(out.repo().config);
    if (out.diags.errors() > 0) {
        Diagnostics errors;
        for (const auto& d : out.diags.items)
            if (d.severity == Severity::error) errors.items.push_back(d);
        DiagnosticReport report = diagnostic_report(out, color_for(STDERR_FILENO));
        report.summary_line = true;
        report.counts = nullptr;
        std::string text = render_diagnostics(errors, DiagnosticFormat::text, report);
        std::fwrite(text.data(), 1, text.size(), stderr);
        const std::size_t n = out.diags.errors();
        Text what = refused.empty() ? Text("no report made", "geen overzicht gemaakt") : refused;
        print_error(n == 1 ? msg(l, "{}: fix the error above first", "{}: herstel eerst de fout hierboven", what)
                           : msg(l, "{}: fix the {} errors above first", "{}: herstel eerst de {} fouten hierboven",
                                 what, n));
        return out.diags.io_error ? exit_code::io : exit_code::data_errors;
    }
    if (out.diags.warnings() > 0 && !global.quiet) {
        const std::size_t n = out.diags.warnings();
        print_error(n == 1 ? msg(l, "1 warning in the data; run 'wijk validate' to see it",
                                 "1 waarschuwing in de gegevens; 'wijk validate' toont hem")
                           : msg(l, "{} warnings in the data; run 'wijk validate' to see them",
                                 "{} waarschuwingen in de gegevens; 'wijk validate' toont ze", n));
    }
    return std::nullopt;
}

int Context::emit(const std::optional<std::string>& path, const std::string& content) const {
    return emit_streamed(path, [&](const auto& write) { write(content); });
}

int report_write_failure(const WriteResult& r, Lang lang) {
    if (r.errnum == EPIPE) return 128 + SIGPIPE;  // `| head`: the reader has all it wanted
    print_error(msg(lang, "cannot write {}", "kan {} niet schrijven", terminal_safe(r.error)));
    return exit_code::io;
}

std::optional<std::string> Context::data_file_refusal(const std::string& path) const {
    namespace fs = std::filesystem;
    struct stat lst {};
    if (::lstat(path.c_str(), &lst) != 0 || S_ISDIR(lst.st_mode)) return std::nullopt;  // new: fine
    std::error_code ec;
    fs::path given(path);
    fs::path folder =
        fs::canonical(given.parent_path().empty() ? fs::path(".") : given.parent_path(), ec);
    if (ec) return std::nullopt;  // the write itself will say what is wrong
    fs::path where = folder / given.filename();
    static const std::vector<std::string> no_exclude;
    // `own`: the repository this run reads, named only when the target lies in another one
    auto refuse_in = [&](const std::string& root, const std::vector<std::string>& exclude,
                         bool own) -> std::optional<std::string> {
        std::error_code rec;
        fs::path real_root = fs::canonical(root, rec);
        if (rec) return std::nullopt;
        std::string rel = where.lexically_relative(real_root).generic_string();
        if (rel.empty() || rel == "." || rel.rfind("..", 0) == 0) return std::nullopt;  // outside
        std::string shown_root = root;  // another repository: named, relative when below here
        auto here = fs::canonical(fs::current_path(rec), rec);
        if (!rec)
            if (auto r = real_root.lexically_relative(here).generic_string();
                !r.empty() && r.rfind("..", 0) != 0)
                shown_root = r;
        std::string of =
            own ? std::string(tr(lang(), "the repository", "de gegevensmap"))
                : msg(lang(), "the repository {}", "de gegevensmap {}", terminal_safe(shown_root));
        if (rel == "wijk.yaml") {
            return msg(
                lang(), "{} is the configuration (wijk.yaml) of {}: not replaced; choose another file name",
                "{} is het instellingenbestand (wijk.yaml) van {}: niet vervangen; kies een andere "
                "bestandsnaam",
                terminal_safe(path), of);
        }
        if (!is_data_file(rel, exclude)) return std::nullopt;
        return msg(
            lang(), "{} is a data file of {}: not replaced (a write never overwrites records); choose a "
            "new "
            "file name",
            "{} is een gegevensbestand van {}: niet vervangen (schrijven overschrijft nooit "
            "gegevens); "
            "kies een nieuwe bestandsnaam",
            terminal_safe(path), of);
    };
    // The repository this run reads (when it read none, as schema: the one it would find,
    // without its excludes, which can only protect more) ...
    std::optional<std::string> own;
    if (loaded_root_) {
        own = loaded_root_->root;
        if (auto r = refuse_in(own.value(), loaded_root_->exclude, true)) return r;
    } else {
        auto cwd = fs::current_path(ec).string();
        own = find_data_root(global.data, std::getenv("WIJK_DATA"), cwd);
        if (own)
            if (auto r = refuse_in(*own, no_exclude, true)) return r;
    }
    // ... and the one the target lies in, if another.
    if (auto around = find_data_root(std::nullopt, nullptr, folder.string())) {
        bool same = own && fs::equivalent(*own, *around, ec);
        if (!same)
            if (auto r = refuse_in(*around, no_exclude, false)) return r;
    }
    return std::nullopt;
}

std::optional<int> Context::refuse_replacing_data(const std::string& path) const {
    auto why = data_file_refusal(path);
    if (!why) return std::nullopt;
    print_error(*why);
    return exit_code::usage;
}

int Context::emit_streamed(
    const std::optional<std::string>& path,
    const std::function<void(const std::function<void(std::string_view)>&)>& produce) const {
    if (path && path->empty()) {
        print_error(std::string(tr(lang(), "-o/--output: the file name is empty; give a FILE, or - for standard output",
                                   "-o/--output: de bestandsnaam is leeg; geef een BESTAND, of - voor standaarduitvoer")));
        return exit_code::usage;
    }
    if (path && *path != "-")
        if (auto refused = refuse_replacing_data(*path)) return *refused;
    std::optional<OutputFile> file;
    if (path && *path != "-") file.emplace(*path);
    else file.emplace(OutputFile::StandardOutput{});
    produce([&](std::string_view piece) { file->write(piece); });
    WriteResult r = file->finish();
    if (r.ok) return exit_code::ok;
    return report_write_failure(r, lang());
}

std::optional<Format> Context::choose_format(const std::optional<std::string>& format,
                                             const std::optional<std::string>& output,
                                             std::string_view command) const {
    const CommandFormats* table = formats_of(command);
    if (!table) return std::nullopt;  // a command without --format asks for none
    std::optional<Format> picked;
    if (format) picked = format_named(*format);
    else if (output) picked = format_from_extension(*output).value_or(table->fallback);
    else picked = table->fallback;
    if (picked && writes(*table, *picked)) return picked;
    const std::string formats = format_list(*table);
    if (format) {
        std::vector<std::string_view> names;
        for (Format f : table->formats) names.push_back(format_name(f));
        // short names want a distance of 1 ('csv' is no typo of 'ics')
        print_error(msg(lang(), "--format: '{}' is not one of: {}{}", "--format: '{}' is niet een van: {}{}",
                        terminal_safe(*format), formats, did_you_mean_aside(suggest(*format, names, 1), lang())));
        return std::nullopt;
    }
    std::string ext = std::filesystem::path(*output).extension().string();
    print_error(msg(lang(), "-o {}: the extension {} stands for {}, which {} does not write; its formats are {}: "
                    "give one with --format",
                    "-o {}: de extensie {} staat voor {}, dat {} niet schrijft; de vormen zijn {}: "
                    "kies er een met --format",
                    terminal_safe(*output), terminal_safe(ext), format_name(*picked), command, formats));
    return std::nullopt;
}

}  // namespace wijk
