// A git tree as a source (--rev, wijk diff): the files of a commit, not of the disk.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "source/git_index_source.h"
#include "source/git_tree_source.h"
#include "source/process.h"
#include "support.h"

using namespace wijk;
using wijk::testing::TempDir;
using wijk::testing::write;
using wijk::testing::git;
namespace fs = std::filesystem;

namespace {
std::unique_ptr<GitTreeSource> tree_at(const fs::path& root, std::string_view rev) {
    Text why;
    GitTreeSource::Failure f;
    return GitTreeSource::open(root.string(), rev, why, f);
}
}  // namespace

TEST_CASE("git tree: a commit's files are listed and read, whatever the working tree holds") {
    TempDir d;
    REQUIRE(git(d.path, {"init", "-q"}));
    write(d.path / "data/wijk.yaml", "format: 1\nexclude: [\"drafts/**\"]\n");
    write(d.path / "data/a.yaml", "first\n");
    write(d.path / "data/sub/b.yml", "b\n");
    write(d.path / "data/B.YAML", "x\n");
    write(d.path / "data/drafts/c.yaml", "draft\n");
    write(d.path / "data/.hidden/h.yaml", "hidden\n");
    write(d.path / "outside.yaml", "outside\n");
    REQUIRE(git(d.path, {"add", "."}));
    REQUIRE(git(d.path, {"commit", "-qm", "one"}));
    write(d.path / "data/a.yaml", "second\n");
    write(d.path / "data/new.yaml", "new\n");
    REQUIRE(git(d.path, {"add", "."}));
    REQUIRE(git(d.path, {"commit", "-qm", "two"}));
    write(d.path / "data/a.yaml", "on disk only\n");

    auto first = tree_at(d.path / "data", "HEAD~1");
    REQUIRE(first);
    CHECK(first->has_root());
    Listing l = first->list({"drafts/**"});
    CHECK(l.files == std::vector<std::string>{"a.yaml", "sub/b.yml"});
    CHECK(l.lookalikes == std::vector<std::string>{"B.YAML"});
    std::string bytes;
    REQUIRE(first->read("a.yaml", bytes).ok());
    CHECK(bytes == "first\n");
    REQUIRE(first->read("wijk.yaml", bytes).ok());
    CHECK(bytes.rfind("format: 1", 0) == 0);
    CHECK(first->read("new.yaml", bytes).status == ReadResult::Status::missing);
    CHECK(first->read("../outside.yaml", bytes).status == ReadResult::Status::link_outside);
    CHECK(first->exists("sub/b.yml"));
    CHECK_FALSE(first->exists("new.yaml"));

    auto head = tree_at(d.path / "data", "HEAD");
    REQUIRE(head);
    REQUIRE(head->read("a.yaml", bytes).ok());
    CHECK(bytes == "second\n");
    // the blob id is git's id of the bytes: equal ids, equal bytes, without reading
    CHECK(head->blob_id("a.yaml") == git_blob_id("second\n"));
    CHECK(head->blob_id("sub/b.yml") == first->blob_id("sub/b.yml"));
    CHECK(head->blob_id("a.yaml") != first->blob_id("a.yaml"));
    CHECK(head->describe().rfind("HEAD (", 0) == 0);
    CHECK(head->commit().hex().size() == 40);
}

TEST_CASE("git tree: links follow the disk's rule, inside the root and not into a hidden folder") {
    TempDir d;
    REQUIRE(git(d.path, {"init", "-q"}));
    write(d.path / "data/wijk.yaml", "format: 1\n");
    write(d.path / "data/real/agreements.yaml", "agreements: []\n");
    write(d.path / "data/.git-like/secret.yaml", "secret\n");
    write(d.path / "outside.yaml", "outside\n");
    fs::create_symlink("real/agreements.yaml", d.path / "data/inside.yaml");
    fs::create_symlink("../outside.yaml", d.path / "data/out.yaml");
    fs::create_symlink(".git-like/secret.yaml", d.path / "data/hidden.yaml");
    fs::create_symlink("/etc/passwd", d.path / "data/absolute.yaml");
    fs::create_symlink("loop2.yaml", d.path / "data/loop1.yaml");
    fs::create_symlink("loop1.yaml", d.path / "data/loop2.yaml");
    REQUIRE(git(d.path, {"add", "."}));
    REQUIRE(git(d.path, {"commit", "-qm", "links"}));
    // the working tree no longer has them: the commit's links are what counts
    fs::remove(d.path / "data/inside.yaml");

    auto src = tree_at(d.path / "data", "HEAD");
    REQUIRE(src);
    Listing l = src->list({});
    CHECK(l.files == std::vector<std::string>{"inside.yaml", "real/agreements.yaml"});
    CHECK(l.links_outside ==
          std::vector<std::string>{"absolute.yaml", "hidden.yaml", "loop1.yaml", "loop2.yaml", "out.yaml"});
    std::string bytes;
    REQUIRE(src->read("inside.yaml", bytes).ok());
    CHECK(bytes == "agreements: []\n");
    CHECK(src->read("out.yaml", bytes).status == ReadResult::Status::link_outside);
    CHECK(bytes.empty());
    CHECK(src->read("hidden.yaml", bytes).status == ReadResult::Status::link_outside);
    CHECK(src->read("absolute.yaml", bytes).status == ReadResult::Status::link_outside);
    CHECK(src->read("loop1.yaml", bytes).status == ReadResult::Status::link_outside);
    CHECK_FALSE(src->exists("out.yaml"));
}

TEST_CASE("git tree: an unknown revision, a repository without commits, no repository, a root not there yet") {
    TempDir d;
    Text why;
    GitTreeSource::Failure f = GitTreeSource::Failure::none;
    CHECK_FALSE(GitTreeSource::open(d.path.string(), "HEAD", why, f));
    CHECK(f == GitTreeSource::Failure::no_repository);

    REQUIRE(git(d.path, {"init", "-q"}));
    CHECK_FALSE(GitTreeSource::open(d.path.string(), "HEAD", why, f));
    CHECK(f == GitTreeSource::Failure::unborn);

    write(d.path / "README", "hi\n");
    REQUIRE(git(d.path, {"add", "."}));
    REQUIRE(git(d.path, {"commit", "-qm", "readme"}));
    REQUIRE(git(d.path, {"tag", "v1"}));
    CHECK_FALSE(GitTreeSource::open(d.path.string(), "v2", why, f));
    CHECK(f == GitTreeSource::Failure::unknown_revision);
    CHECK(why.en.find("no branch, tag or commit") != std::string::npos);
    CHECK_FALSE(GitTreeSource::open(d.path.string(), "HEAD:README", why, f));
    CHECK(f == GitTreeSource::Failure::unknown_revision);  // a blob, not a commit
    CHECK_FALSE(GitTreeSource::open(d.path.string(), "--output=x", why, f));
    CHECK(f == GitTreeSource::Failure::unknown_revision);

    fs::create_directories(d.path / "data");
    auto src = tree_at(d.path / "data", "v1");
    REQUIRE(src);
    CHECK_FALSE(src->has_root());
    CHECK(src->list({}).files.empty());
    CHECK_FALSE(src->exists("wijk.yaml"));
}

TEST_CASE("git index through libgit2: conflicted entries are an error to read, not a file") {
    TempDir d;
    REQUIRE(git(d.path, {"init", "-q", "-b", "main"}));
    write(d.path / "wijk.yaml", "format: 1\n");
    write(d.path / "a.yaml", "base\n");
    REQUIRE(git(d.path, {"add", "."}));
    REQUIRE(git(d.path, {"commit", "-qm", "base"}));
    REQUIRE(git(d.path, {"checkout", "-qb", "side"}));
    write(d.path / "a.yaml", "side\n");
    REQUIRE(git(d.path, {"commit", "-qam", "side"}));
    REQUIRE(git(d.path, {"checkout", "-q", "main"}));
    write(d.path / "a.yaml", "main\n");
    REQUIRE(git(d.path, {"commit", "-qam", "main"}));
    CHECK_FALSE(git(d.path, {"merge", "-q", "side"}));  // a conflict
    Text why;
    auto src = GitIndexSource::open(d.path.string(), why);
    REQUIRE(src);
    CHECK(src->list({}).files == std::vector<std::string>{"a.yaml"});
    std::string bytes;
    ReadResult r = src->read("a.yaml", bytes);
    CHECK(r.status == ReadResult::Status::error);
    CHECK(r.why.en.find("merge conflicts") != std::string::npos);
    CHECK_FALSE(src->blob_id("a.yaml"));
}
