// exclude: globs of wijk.yaml, and finding the data root.
#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "source/disk_source.h"
#include "source/listing.h"

using namespace wijk;

TEST_CASE("glob_match: ** spans folders, * and ? stay within one") {
    CHECK(glob_match("drafts/**", "drafts/a.yaml"));
    CHECK(glob_match("drafts/**", "drafts/2026/b/a.yaml"));
    CHECK(glob_match("drafts/**", "drafts"));  // the folder itself
    CHECK_FALSE(glob_match("drafts/**", "drafts2/a.yaml"));
    CHECK_FALSE(glob_match("drafts/**", "x/drafts/a.yaml"));
    CHECK(glob_match("*.yaml", "a.yaml"));
    CHECK_FALSE(glob_match("*.yaml", "a.yml"));
    CHECK_FALSE(glob_match("*.yaml", "sub/a.yaml"));  // relative to the root, one level
    CHECK(glob_match("**/x.yaml", "x.yaml"));
    CHECK(glob_match("**/x.yaml", "a/b/x.yaml"));
    CHECK_FALSE(glob_match("**/x.yaml", "a/b/xx.yaml"));
    CHECK(glob_match("a/*/c.yaml", "a/b/c.yaml"));
    CHECK_FALSE(glob_match("a/*/c.yaml", "a/b/b/c.yaml"));
    CHECK(glob_match("a/**/c.yaml", "a/c.yaml"));
    CHECK(glob_match("a/**/c.yaml", "a/b/b/c.yaml"));
    CHECK(glob_match("old-?.yaml", "old-1.yaml"));
    CHECK_FALSE(glob_match("old-?.yaml", "old-12.yaml"));
    CHECK(glob_match("*draft*", "my-draft-1.yaml"));
    CHECK(glob_match("**", "anything/at/all.yaml"));
    CHECK_FALSE(glob_match("", "a.yaml"));
}

TEST_CASE("glob_match: a pattern that matches a folder excludes everything below it") {
    CHECK(glob_match("drafts", "drafts/a.yaml"));
    CHECK(glob_match("drafts/", "drafts/a/b.yaml"));
    CHECK(glob_match("./drafts", "drafts/a.yaml"));
    CHECK(glob_match("archive/20*", "archive/2019/x.yaml"));
    CHECK_FALSE(glob_match("archive/20*", "archive/19/x.yaml"));
    CHECK_FALSE(glob_match("drafts", "drafts.yaml"));
}

TEST_CASE("glob_match: many ** in a hostile pattern stay fast") {
    std::string pattern, path;
    for (int i = 0; i < 40; ++i) pattern += "**/a*/";
    pattern += "z";
    for (int i = 0; i < 60; ++i) path += "aaaa/";
    path += "y.yaml";
    auto t0 = std::chrono::steady_clock::now();
    CHECK_FALSE(glob_match(pattern, path));
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(1));
}

TEST_CASE("find_data_root: --data, then WIJK_DATA, then none without a wijk.yaml above") {
    CHECK(find_data_root(std::string("/some/where"), "/env/root", "/") == "/some/where");
    CHECK(find_data_root(std::nullopt, "/env/root/", "/") == "/env/root/");
    CHECK(find_data_root(std::string("/a/b/../c"), nullptr, "/") == "/a/c");
    CHECK_FALSE(find_data_root(std::nullopt, "", "/proc"));
}
