#include "load/loader.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <mutex>
#include <thread>
#include <filesystem>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "load/decode.h"
#include "load/sources.h"
#include "load/yaml_reader.h"
#include "model/i18n.h"

namespace fs = std::filesystem;

namespace wijk {

std::optional<std::string> find_data_root(const std::optional<std::string>& option, const char* env,
                                          const std::string& cwd) {
    std::error_code ec;
    if (option) return fs::absolute(*option, ec).lexically_normal().string();
    if (env && *env) return fs::absolute(env, ec).lexically_normal().string();
    fs::path dir = fs::path(cwd);
    for (int guard = 0; guard < 4096; ++guard) {
        if (fs::is_regular_file(dir / "wijk.yaml", ec)) return dir.string();
        if (fs::exists(dir / ".git", ec)) return std::nullopt;
        if (!dir.has_parent_path() || dir.parent_path() == dir) return std::nullopt;
        dir = dir.parent_path();
    }
    return std::nullopt;
}

namespace {

bool match_segment(std::string_view p, std::string_view s) {
    // iterative wildcard match with backtracking on the last '*'
    std::size_t pi = 0, si = 0, star = std::string_view::npos, mark = 0;
    while (si < s.size()) {
        if (pi < p.size() && (p[pi] == '?' || p[pi] == s[si])) {
            ++pi, ++si;
        } else if (pi < p.size() && p[pi] == '*') {
            star = pi++;
            mark = si;
        } else if (star != std::string_view::npos) {
            pi = star + 1;
            si = ++mark;
        } else {
            return false;
        }
    }
    while (pi < p.size() && p[pi] == '*') ++pi;
    return pi == p.size();
}

std::vector<std::string_view> split(std::string_view s) {
    std::vector<std::string_view> out;
    while (!s.empty()) {
        auto pos = s.find('/');
        auto part = s.substr(0, pos);
        if (!part.empty() && part != ".") out.push_back(part);
        if (pos == std::string_view::npos) break;
        s.remove_prefix(pos + 1);
    }
    return out;
}

// Does the pattern match the path or one of its parent folders? `memo` holds the answer for
// each (pattern part, path part) pair once known, so that many `**` stay polynomial.
bool match_parts(const std::vector<std::string_view>& p, std::size_t pi,
                 const std::vector<std::string_view>& s, std::size_t si,
                 std::vector<signed char>& memo) {
    if (pi == p.size()) return true;  // matched a prefix: a folder of the path
    signed char& known = memo[pi * (s.size() + 1) + si];
    if (known >= 0) return known != 0;
    bool ok = false;
    if (p[pi] == "**") {
        for (std::size_t k = si; k <= s.size() && !ok; ++k) ok = match_parts(p, pi + 1, s, k, memo);
    } else if (si < s.size()) {
        ok = match_segment(p[pi], s[si]) && match_parts(p, pi + 1, s, si + 1, memo);
    }
    known = ok ? 1 : 0;
    return ok;
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
    auto p = split(pattern);
    auto s = split(path);
    if (p.empty()) return false;
    std::vector<signed char> memo(p.size() * (s.size() + 1), -1);
    return match_parts(p, 0, s, 0, memo);
}

namespace {

void report_read_error(Diagnostics& diags, std::uint32_t file, const Text& why) {
    diags.io_error = true;
    diags.error("read-error", Mark{file, 0, 0},
                say("cannot read the file: {}", "kan het bestand niet lezen: {}", why));
}

struct Found {
    std::vector<std::string> files;  // relative paths, byte order
    struct Problem {
        std::string folder;  // relative path ("." for the root)
        Text why;
    };
    std::vector<Problem> problems;  // folders that could not be listed
};

// Lists one folder at a time, so that an unreadable folder is reported and the others are
// still read. Links to folders are not followed (no loops); links to files are.
void list_folder(const fs::path& root, const fs::path& dir,
                 const std::vector<Field<std::string>>& exclude, Found& found, int depth) {
    std::error_code ec;
    std::string dir_rel = dir == root ? "." : dir.lexically_relative(root).generic_string();
    if (depth > 256) {
        found.problems.push_back({dir_rel, Text("folders nested too deeply", "mappen te diep genest")});
        return;
    }
    fs::directory_iterator it(dir, ec), end;
    if (ec) {
        found.problems.push_back({dir_rel, Text(ec.message(), ec.message())});
        return;
    }
    auto excluded = [&](const std::string& rel) {
        for (const auto& g : exclude)
            if (g && glob_match(*g, rel)) return true;
        return false;
    };
    std::vector<fs::path> folders;
    for (; it != end; it.increment(ec)) {
        const fs::directory_entry& e = *it;
        std::string name = e.path().filename().string();
        if (name.empty() || name[0] == '.') continue;
        std::string rel = e.path().lexically_relative(root).generic_string();
        std::error_code sec;
        bool link = e.is_symlink(sec);
        if (!link && e.is_directory(sec)) {
            if (!excluded(rel)) folders.push_back(e.path());
            continue;
        }
        if (link && fs::is_directory(e.path(), sec)) continue;
        auto ext = e.path().extension().string();
        if ((ext == ".yaml" || ext == ".yml") && rel != "wijk.yaml" && !excluded(rel))
            found.files.push_back(rel);
    }
    if (ec) found.problems.push_back({dir_rel, Text(ec.message(), ec.message())});
    for (const auto& f : folders) list_folder(root, f, exclude, found, depth + 1);
}

Found list_data_files(const fs::path& root, const std::vector<Field<std::string>>& exclude) {
    Found found;
    list_folder(root, root, exclude, found, 0);
    std::sort(found.files.begin(), found.files.end());  // byte order
    return found;
}

}  // namespace

namespace {

// What one data file holds, read by any thread, merged in file order.
struct FilePart {
    RecordSet records;
    Diagnostics diags;
};

// Records are decoded as the parser finishes each one, so that no file's whole tree is ever
// kept (a 1.6 MB liveability file makes a 16 MB tree). When the file turns out to be broken
// (a syntax error further on, an alias), what was decoded from it is dropped again, as if it
// had never been read: the tree would not say what the file means.
void decode_text(std::string_view bytes, std::uint32_t file, TextPool& texts, FilePart& part) {
    Diagnostics decoded;
    RecordSink sink = [&](std::string_view key, const Value& record) {
        return decode_record(key, record, part.records, texts, decoded);
    };
    if (auto root = read_yaml(bytes, file, part.diags, &sink)) {
        decode_data_file(*root, part.records, texts, decoded);
        part.diags.items.insert(part.diags.items.end(), std::make_move_iterator(decoded.items.begin()),
                                std::make_move_iterator(decoded.items.end()));
    } else {
        part.records = RecordSet{};
    }
}

void read_one(const fs::path& root, std::string_view rel, std::uint32_t file, TextPool& texts, FilePart& part,
              std::string& bytes) {
    Text why;
    bool too_large = false;
    bytes.clear();
    if (read_file(root / rel, bytes, why, too_large) == ReadStatus::error) {
        report_read_error(part.diags, file, why);
        return;
    }
    if (too_large) {
        part.diags.error("file-too-large", Mark{file, 0, 0},
                         say("the file is larger than {} MiB", "het bestand is groter dan {} MiB", max_file_bytes >> 20),
                         Text("split it into smaller files", "splits het in kleinere bestanden"));
        return;
    }
    decode_text(bytes, file, texts, part);
}

template <class Records>
void append(Records& to, Records& from) {
    if (to.empty()) {
        to = std::move(from);
        return;
    }
    to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

void merge(Repository& repo, Diagnostics& diags, FilePart& part) {
    append(repo.neighbourhoods, part.records.neighbourhoods);
    append(repo.liveability, part.records.liveability);
    append(repo.partners, part.records.partners);
    append(repo.agreements, part.records.agreements);
    append(repo.evaluations, part.records.evaluations);
    append(repo.strategies, part.records.strategies);
    append(diags.items, part.diags.items);
    diags.io_error = diags.io_error || part.diags.io_error;
}

}  // namespace

void load_data_text(std::string_view bytes, std::uint32_t file, Repository& repo, Diagnostics& diags) {
    if (!repo.sources) repo.sources = std::make_shared<Sources>(repo.root);
    repo.sources->keep(file, bytes);
    FilePart part;
    decode_text(bytes, file, *repo.texts, part);
    merge(repo, diags, part);
}

namespace {

// Files 1..n-1 of repo.files, read and decoded on several threads. Each file's records are
// merged as soon as all files before it are done, so that parse trees never pile up.
void read_data_files(const fs::path& root, Repository& repo, Diagnostics& diags, const LoadOptions& options) {
    const std::size_t first = 1, total = repo.files.size() - first;
    unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    threads = std::min<unsigned>({threads, 16u, static_cast<unsigned>(total / 32 + 1)});
    std::vector<std::unique_ptr<FilePart>> parts(total);  // alive from read to merge only
    std::vector<char> done(total, 0);
    std::mutex mutex;
    std::size_t merged = 0, finished = 0;
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        std::string bytes;
        for (;;) {
            std::size_t i = next.fetch_add(1);
            if (i >= total) return;
            auto part = std::make_unique<FilePart>();
            read_one(root, repo.files[first + i], static_cast<std::uint32_t>(first + i), *repo.texts, *part, bytes);
            // one large file must not keep its buffer while thousands of small ones follow
            if (bytes.capacity() > (std::size_t(1) << 18)) std::string().swap(bytes);
            std::lock_guard<std::mutex> lock(mutex);
            parts[i] = std::move(part);
            done[i] = 1;
            ++finished;
            while (merged < total && done[merged]) {
                merge(repo, diags, *parts[merged]);
                parts[merged++].reset();
            }
            if (options.progress && (finished % 256 == 0 || finished == total)) options.progress(finished, total);
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
}

}  // namespace

Loaded load_repository(const std::string& root_dir, const LoadOptions& options) {
#if defined(__GLIBC__)
    // glibc raises its mmap threshold each time a large block is freed (up to 32 MiB), after
    // which the record vectors grow inside the heap and every outgrown copy stays there as a
    // hole. A fixed threshold keeps large blocks in their own mappings, returned on free
    // (bench scale 1: 20 MB less peak RSS).
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
#endif
    Loaded out;
    Repository& repo = out.repo;
    Diagnostics& diags = out.diags;
    fs::path root(root_dir);
    repo.root = root_dir;
    repo.sources = std::make_shared<Sources>(root_dir);
    repo.files.push_back("wijk.yaml");

    auto read_config = [&] {
        std::string bytes;
        Text why;
        bool too_large = false;
        std::error_code ec;
        if (!fs::exists(root / "wijk.yaml", ec)) return;
        if (read_file(root / "wijk.yaml", bytes, why, too_large) == ReadStatus::error) {
            report_read_error(diags, 0, why);
        } else if (too_large) {
            diags.error("file-too-large", Mark{0, 0, 0},
                        say("the file is larger than {} MiB", "het bestand is groter dan {} MiB", max_file_bytes >> 20));
        } else if (auto v = read_yaml(bytes, 0, diags)) {
            decode_config(*v, repo.config, *repo.texts, diags);
        } else {
            repo.config.present = true;
        }
        // an empty wijk.yaml is fine: all keys are optional
        std::erase_if(diags.items, [](const Diagnostic& d) { return d.rule == "empty-file" && d.at.file == 0; });
    };
    read_config();
    if (options.on_config) options.on_config(repo.config);

    Found found = list_data_files(root, repo.config.exclude);
    std::size_t bytes_of_names = 9;  // wijk.yaml
    for (const auto& rel : found.files) bytes_of_names += rel.size() - (rel.rfind('/') + 1);
    repo.files.reserve(found.files.size() + 1 + found.problems.size(), bytes_of_names);
    for (const auto& rel : found.files) repo.files.push_back(rel);
    std::vector<std::string>().swap(found.files);  // one list of paths while files are read
    read_data_files(root, repo, diags, options);
    // Folders that could not be listed stand at the end of the file list, so that their
    // diagnostic names them.
    for (const auto& p : found.problems) {
        auto file = static_cast<std::uint32_t>(repo.files.size());
        repo.files.push_back(p.folder == "." ? p.folder : p.folder + "/");
        diags.io_error = true;
        diags.error("read-error", Mark{file, 0, 0},
                    say("cannot read the folder: {}", "kan de map niet lezen: {}", p.why));
    }
    repo.index();
    return out;
}

}  // namespace wijk
