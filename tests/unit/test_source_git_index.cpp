// The git index as a source (validate --staged): what is staged, not what is on disk.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "source/git_index_source.h"
#include "source/process.h"
#include "support.h"

using namespace wijk;
using wijk::testing::TempDir;
using wijk::testing::write;
using wijk::testing::git;
namespace fs = std::filesystem;


TEST_CASE("git index: staged content is read, unstaged changes and untracked files are not") {
    REQUIRE(run_process({"git", "--version"}).started);  // git is a test dependency
    TempDir d;
    REQUIRE(git(d.path, {"init", "-q"}));
    write(d.path / "data/wijk.yaml", "format: 1\n");
    write(d.path / "data/a.yaml", "staged\n");
    write(d.path / "data/B.YAML", "x\n");
    fs::create_symlink("../../outside.yaml", d.path / "data/link.yaml");
    REQUIRE(git(d.path, {"add", "data"}));
    write(d.path / "data/a.yaml", "changed on disk\n");
    write(d.path / "data/untracked.yaml", "draft\n");
    Text why;
    auto src = GitIndexSource::open((d.path / "data").string(), why);
    REQUIRE(src);
    Listing l = src->list({});
    CHECK(l.files == std::vector<std::string>{"a.yaml"});
    CHECK(l.lookalikes == std::vector<std::string>{"B.YAML"});
    CHECK(l.links_outside == std::vector<std::string>{"link.yaml"});
    std::string bytes;
    REQUIRE(src->read("a.yaml", bytes).ok());
    CHECK(bytes == "staged\n");
    REQUIRE(src->read("wijk.yaml", bytes).ok());
    CHECK(bytes == "format: 1\n");
    CHECK(src->read("untracked.yaml", bytes).status == ReadResult::Status::missing);
    CHECK(src->read("link.yaml", bytes).status == ReadResult::Status::link_outside);
}

TEST_CASE("git index: outside a work tree there is no source, and it says why") {
    REQUIRE(run_process({"git", "--version"}).started);
    TempDir d;
    Text why;
    auto src = GitIndexSource::open(d.path.string(), why);
    CHECK_FALSE(src);
    CHECK(why.en.find("not inside a git work tree") != std::string::npos);
}
