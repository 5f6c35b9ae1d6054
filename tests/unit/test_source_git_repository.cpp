// GitRepository's tree diff, as `wijk log` uses it commit after commit: the trees it keeps
// between calls (libgit2 caches no tree over 4 KiB) must never give one commit's folder for
// another's. Each commit's changes are compared with what `git diff-tree` says.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "source/git_repository.h"
#include "source/process.h"
#include "support.h"

using namespace wijk;
using wijk::testing::git;
using wijk::testing::TempDir;
using wijk::testing::write;
namespace fs = std::filesystem;

namespace {
std::string git_output(const fs::path& dir, std::vector<std::string> args) {
    std::vector<std::string> argv{"git", "-C", dir.string()};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_process(argv).out;
}
GitId id_of(const fs::path& dir, const std::string& rev) {
    std::string hex = git_output(dir, {"rev-parse", rev}).substr(0, 40);
    GitId id;
    for (std::size_t i = 0; i < id.bytes.size(); ++i) id.bytes[i] = std::stoi(hex.substr(2 * i, 2), nullptr, 16);
    return id;
}
// "M\tpath" lines of git diff-tree between two commits, sorted
std::vector<std::string> git_changes(const fs::path& dir, const std::string& a, const std::string& b) {
    std::istringstream in(git_output(dir, {"diff-tree", "-r", "--no-renames", "--name-status", a, b}));
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) lines.push_back(line);
    std::sort(lines.begin(), lines.end());
    return lines;
}
std::vector<std::string> wijk_changes(const GitRepository& repo, const GitId& a, const GitId& b) {
    std::vector<GitChange> changes;
    Text why;
    REQUIRE(repo.changed_files(repo.commit(a)->tree, repo.commit(b)->tree, changes, why));
    std::vector<std::string> lines;
    for (const GitChange& c : changes)
        lines.push_back(std::string(!c.old_mode ? "A" : !c.new_mode ? "D" : "M") + "\t" + c.path);
    std::sort(lines.begin(), lines.end());
    return lines;
}
}  // namespace

TEST_CASE("git repository: tree diffs over a history, newest first and again, agree with git diff-tree") {
    TempDir d;
    REQUIRE(git(d.path, {"init", "-q"}));
    // three folders, one large enough (over 4 KiB of tree) that libgit2 itself does not keep it
    for (int i = 0; i < 150; ++i) write(d.path / "agreements" / ("a" + std::to_string(i) + ".yaml"), "v0\n");
    for (int i = 0; i < 5; ++i) write(d.path / "partners" / ("p" + std::to_string(i) + ".yaml"), "v0\n");
    write(d.path / "evaluations/2025/e.yaml", "v0\n");
    REQUIRE(git(d.path, {"add", "."}));
    REQUIRE(git(d.path, {"commit", "-qm", "c0"}));
    const int commits = 12;
    for (int n = 1; n < commits; ++n) {
        // each commit changes one or two folders; some change the same file back
        write(d.path / "agreements" / ("a" + std::to_string(n * 7 % 150) + ".yaml"), n % 3 ? "v1\n" : "v0\n");
        if (n % 2) write(d.path / "partners" / ("p" + std::to_string(n % 5) + ".yaml"), "v" + std::to_string(n) + "\n");
        if (n % 4 == 0) write(d.path / "evaluations" / std::to_string(2025 + n / 4) / "e.yaml", "new\n");
        if (n == 5) fs::remove(d.path / "agreements/a1.yaml");
        REQUIRE(git(d.path, {"add", "-A"}));
        REQUIRE(git(d.path, {"commit", "-qm", "c" + std::to_string(n), "--allow-empty"}));
    }
    Text why;
    auto repo = GitRepository::discover(d.path.string(), why);
    REQUIRE(repo);
    for (int pass = 0; pass < 2; ++pass) {  // the second pass reads the kept trees
        for (int n = commits - 1; n >= 1; --n) {
            std::string a = "HEAD~" + std::to_string(commits - n), b = "HEAD~" + std::to_string(commits - 1 - n);
            CAPTURE(pass);
            CAPTURE(n);
            CHECK(wijk_changes(*repo, id_of(d.path, a), id_of(d.path, b)) == git_changes(d.path, a, b));
        }
        // far apart, and backwards: trees of other commits than the neighbours
        CHECK(wijk_changes(*repo, id_of(d.path, "HEAD"), id_of(d.path, "HEAD~9")) ==
              git_changes(d.path, "HEAD", "HEAD~9"));
    }
    // a whole tree listed after the diffs: every file of the commit
    std::vector<GitEntry> all;
    REQUIRE(repo->list_tree(repo->commit(id_of(d.path, "HEAD~6"))->tree, all, why));
    std::istringstream in(git_output(d.path, {"ls-tree", "-r", "--name-only", "HEAD~6"}));
    std::vector<std::string> want, got;
    for (std::string line; std::getline(in, line);) want.push_back(line);
    for (const GitEntry& e : all) got.push_back(e.path);
    CHECK(got == want);
}
