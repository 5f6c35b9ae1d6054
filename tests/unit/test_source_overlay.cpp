// The overlay source: texts in memory over another source (an editor's buffers over the disk).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "source/disk_source.h"
#include "source/overlay_source.h"
#include "support.h"

using namespace wijk;
using wijk::testing::TempDir;

TEST_CASE("overlay: a buffer hides the file under it; a new buffer is a new data file; drop goes back") {
    TempDir d;
    std::ofstream(d.path / "a.yaml") << "on disk\n";
    std::ofstream(d.path / "b.yaml") << "b\n";
    auto disk = std::make_shared<DiskSource>(d.path.string());
    OverlaySource o(disk, "");
    CHECK(o.root() == d.path.string());
    o.set("a.yaml", "in the editor\n");
    o.set("new/c.yaml", "c\n");
    o.set(".hidden/x.yaml", "x\n");  // never a data file
    o.set("notes.txt", "n\n");
    Listing l = o.list({});
    CHECK(l.files == std::vector<std::string>{"a.yaml", "b.yaml", "new/c.yaml"});
    std::string bytes;
    REQUIRE(o.read("a.yaml", bytes).ok());
    CHECK(bytes == "in the editor\n");
    REQUIRE(o.read("b.yaml", bytes).ok());
    CHECK(bytes == "b\n");
    CHECK(o.exists("new/c.yaml"));
    o.drop("a.yaml");
    REQUIRE(o.read("a.yaml", bytes).ok());
    CHECK(bytes == "on disk\n");
}

TEST_CASE("overlay without a base: only its own texts; exclude globs apply") {
    OverlaySource o(nullptr, "/mem");
    o.set("wijk.yaml", "format: 1\n");
    o.set("a.yaml", "a\n");
    o.set("drafts/b.yaml", "b\n");
    CHECK(o.list({"drafts/**"}).files == std::vector<std::string>{"a.yaml"});
    std::string bytes;
    CHECK(o.read("wijk.yaml", bytes).ok());
    CHECK(o.read("z.yaml", bytes).status == ReadResult::Status::missing);
}
