// What the unit tests share: readable dates in doctest failure messages, and short ways to
// write dates and fields, a temporary folder.
#pragma once

#include <doctest/doctest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "load/workspace.h"
#include "model/calendar.h"
#include "source/overlay_source.h"
#include "source/process.h"
#include "model/mark.h"
#include "model/records.h"

namespace doctest {
template <>
struct StringMaker<wijk::Date> {
    static String convert(const wijk::Date& d) { return wijk::to_string(d).c_str(); }
};
template <>
struct StringMaker<std::optional<wijk::Date>> {
    static String convert(const std::optional<wijk::Date>& d) {
        return d ? wijk::to_string(*d).c_str() : "nullopt";
    }
};
}  // namespace doctest

namespace wijk::testing {
inline Date D(const char* text) { return *parse_date(text); }
inline Field<std::string> F(const std::string& text);
template <class T>
Field<T> F(T v) {
    return Field<T>(std::move(v), Loc{});
}
inline Field<Date> FD(const char* text) { return F(D(text)); }
// A text field of a record made by hand, pooled where `repo` looks its ids up.
inline Field<std::string> FT(Repository& repo, std::string_view text, Loc at = {}) {
    return Field<std::string>(repo.texts->intern(text), at);
}
// The pool of texts made by hand in tests (F("...") below): a Repository of such records takes
// it as its own (repo.texts = test_pool()) so that its lookups find them.
inline const std::shared_ptr<TextPool>& test_pool() {
    static const auto pool = std::make_shared<TextPool>();
    return pool;
}
inline TextPool& test_texts() { return *test_pool(); }
inline Field<std::string> FT(std::string_view text, Loc at = {}) {
    return Field<std::string>(test_texts().intern(text), at);
}
inline Field<std::string> F(const std::string& text) { return FT(text); }

// An agreement with just its term: start, end (nullptr: none), renewal, renewal_term, notice.
inline Agreement agreement_with_terms(const char* start, const char* end, std::optional<Renewal> renewal,
                                      std::optional<Duration> term = {},
                                      std::optional<Duration> notice = {}) {
    Agreement a;
    a.start = FD(start);
    if (end) a.end = FD(end);
    if (renewal) a.renewal = F(*renewal);
    if (term) a.renewal_term = F(*term);
    if (notice) a.notice = F(*notice);
    return a;
}

// A repository of texts held in memory, loaded by a workspace as files are (path, text pairs;
// "wijk.yaml" among them or not). Keeps its workspace, so that problems are located.
struct InMemory {
    std::shared_ptr<OverlaySource> source = std::make_shared<OverlaySource>(nullptr, "/in-memory");
    std::unique_ptr<Workspace> workspace;
    explicit InMemory(const std::vector<std::pair<std::string, std::string>>& files, WorkspaceOptions options = {}) {
        for (const auto& [path, text] : files) source->set(path, text);
        workspace = std::make_unique<Workspace>(source, std::move(options));
        workspace->load();
    }
    Repository& repo() { return workspace->repository(); }
    const Diagnostics& diags() const { return workspace->diagnostics(); }
};

// The records of one data file's text, as a workspace loads them; the repository is moved out
// of its workspace (nothing can locate its values then). Its diagnostics go to `diags`.
inline Repository load_text(std::string_view text, Diagnostics* diags = nullptr, const char* path = "data.yaml") {
    InMemory m({{path, std::string(text)}});
    if (diags) *diags = m.diags();
    Repository repo = std::move(m.repo());
    repo.locator = nullptr;
    repo.index();
    return repo;
}

// A fresh folder under /tmp, removed with everything in it at the end of the scope.
struct TempDir {
    std::filesystem::path path;
    TempDir() {
        char tmpl[] = "/tmp/wijk-test-XXXXXX";
        path = ::mkdtemp(tmpl);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

// Writes a file, making its folders.
inline void write(const std::filesystem::path& p, std::string_view text) {
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}

// Runs git in `dir` as a fixed author that never signs (the tester's own git config may).
inline bool git(const std::filesystem::path& dir, std::vector<std::string> args) {
    std::vector<std::string> argv{"git", "-C", dir.string(), "-c", "user.name=t", "-c", "user.email=t@x", "-c",
                                  "commit.gpgsign=false"};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_process(argv).status == 0;
}
}  // namespace wijk::testing
