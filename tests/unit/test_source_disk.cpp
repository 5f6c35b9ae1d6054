// The disk source: the selection rules of data-format.md section 1 on a real folder, links that
// lead out of the root, and safe reading.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "source/disk_source.h"
#include "source/listing.h"
#include "support.h"

using namespace wijk;
using wijk::testing::TempDir;
using wijk::testing::write;
namespace fs = std::filesystem;

namespace {
using V = std::vector<std::string>;
}  // namespace

TEST_CASE("classify: data, look-alikes, and everything else") {
    CHECK(classify("a.yaml") == PathKind::data);
    CHECK(classify("sub/b.yml") == PathKind::data);
    CHECK(classify("wijk.yaml") == PathKind::other);
    CHECK(classify("sub/wijk.yaml") == PathKind::data);  // only the root's is the settings file
    CHECK(classify("B.YAML") == PathKind::lookalike);
    CHECK(classify("c.Yml") == PathKind::lookalike);
    CHECK(classify("agreements.yaml.txt") == PathKind::lookalike);
    CHECK(classify("partners.yml.bak") == PathKind::lookalike);
    CHECK(classify("notes.txt") == PathKind::other);
    CHECK(classify("yaml") == PathKind::other);
    CHECK(is_hidden(".git/x.yaml"));
    CHECK(is_hidden("a/.drafts/x.yaml"));
    CHECK_FALSE(is_hidden("a/b.yaml"));
    std::string n;
    CHECK(normalise_relative("a/./b/../c.yaml", n));
    CHECK(n == "a/c.yaml");
    CHECK_FALSE(normalise_relative("../x", n));
    CHECK_FALSE(normalise_relative("a/../../x", n));
    CHECK_FALSE(normalise_relative("/etc/passwd", n));
}

TEST_CASE("disk: data files in byte order; hidden and excluded never listed; look-alikes listed apart") {
    TempDir d;
    for (const char* p : {"b.yaml", "a.yml", "Z.yaml", "sub/c.yaml", ".hidden/x.yaml", "sub/.y.yaml", "drafts/d.yaml",
                          "B.YAML", "agreements.yaml.txt", ".git/e.yaml", "drafts/F.YAML", "wijk.yaml", "readme.md"})
        write(d.path / p, "x: 1\n");
    DiskSource src(d.path.string());
    Listing l = src.list({"drafts/**"});
    CHECK(l.files == V{"Z.yaml", "a.yml", "b.yaml", "sub/c.yaml"});
    CHECK(l.lookalikes == V{"B.YAML", "agreements.yaml.txt"});
    CHECK(l.links_outside.empty());
    CHECK(l.problems.empty());
}

TEST_CASE("disk: a link to a file outside the root, or into a hidden folder, is never read") {
    TempDir d, elsewhere;
    write(elsewhere.path / "secret.yaml", "token: 123\n");
    write(d.path / ".git/config.yaml", "token: 456\n");
    write(d.path / "real/agreements.yaml", "agreements: []\n");
    fs::create_symlink(elsewhere.path / "secret.yaml", d.path / "out.yaml");
    fs::create_symlink(".git/config.yaml", d.path / "sub-link.yaml");  // relative, into .git
    fs::create_directories(d.path / "sub");
    fs::create_symlink("../real/agreements.yaml", d.path / "sub/in.yaml");  // inside: followed
    fs::create_symlink(elsewhere.path, d.path / "folder-link");              // folders: never followed
    fs::create_symlink(d.path / "nowhere.yaml", d.path / "dangling.yaml");
    DiskSource src(d.path.string());
    Listing l = src.list({});
    CHECK(l.files == V{"dangling.yaml", "real/agreements.yaml", "sub/in.yaml"});
    CHECK(l.links_outside == V{"out.yaml", "sub-link.yaml"});
    std::string bytes = "unchanged";
    CHECK(src.read("out.yaml", bytes).status == ReadResult::Status::link_outside);
    CHECK(bytes.empty());
    CHECK(src.read("sub-link.yaml", bytes).status == ReadResult::Status::link_outside);
    CHECK(src.read("../outside.yaml", bytes).status == ReadResult::Status::link_outside);
    REQUIRE(src.read("sub/in.yaml", bytes).ok());
    CHECK(bytes == "agreements: []\n");
    CHECK(src.read("dangling.yaml", bytes).status == ReadResult::Status::error);
    CHECK(src.exists("real/agreements.yaml"));
    CHECK_FALSE(src.exists("out.yaml"));
    CHECK_FALSE(src.exists("../" + elsewhere.path.filename().string() + "/secret.yaml"));
}

TEST_CASE("disk: a FIFO is not read (never blocks); a file over 16 MiB is too large, unread") {
    TempDir d;
    REQUIRE(::mkfifo((d.path / "pipe.yaml").c_str(), 0600) == 0);
    {
        std::ofstream big(d.path / "big.yaml", std::ios::binary);
        std::string line(1024, '#');
        line += '\n';
        for (int i = 0; i < 16 * 1024 + 1; ++i) big << line;
    }
    DiskSource src(d.path.string());
    std::string bytes;
    CHECK(src.read("pipe.yaml", bytes).status == ReadResult::Status::error);
    CHECK(src.read("big.yaml", bytes).status == ReadResult::Status::too_large);
    CHECK(src.read("none.yaml", bytes).status == ReadResult::Status::missing);
}

TEST_CASE("find_work_tree: the nearest folder with .git at or above, or none") {
    TempDir d;
    fs::create_directories(d.path / "repo/.git");
    fs::create_directories(d.path / "repo/data/sub");
    CHECK(find_work_tree((d.path / "repo/data/sub").string()) == fs::weakly_canonical(d.path / "repo").string());
    CHECK(find_work_tree((d.path / "repo").string()) == fs::weakly_canonical(d.path / "repo").string());
}
