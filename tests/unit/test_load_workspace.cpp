// The workspace: one repository state from a source; problems located from the bytes the source
// gives again; units kept by content hash; long lines in bounded time.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "check/check.h"
#include "load/workspace.h"
#include "model/line_index.h"
#include "source/disk_source.h"
#include "support.h"

using namespace wijk;
using wijk::testing::InMemory;
using wijk::testing::TempDir;
using wijk::testing::write;

namespace {
const Diagnostic* find(const Diagnostics& d, std::string_view rule) {
    for (const auto& x : d.items)
        if (x.rule == rule) return &x;
    return nullptr;
}
Diagnostics checked(Workspace& ws) {
    Diagnostics d = ws.diagnostics();
    CheckOptions opt;
    opt.as_of = *parse_date("2026-11-26");
    opt.unread_files = ws.unread_files();
    check_repository(ws.repository(), opt, d);
    d.sort();
    return d;
}
}  // namespace

TEST_CASE("a problem found after loading is located in a file with a BOM, CRLF and accents") {
    InMemory m({{"wijk.yaml", "format: 1\n"},
                {"a.yaml", "\xEF\xBB\xBF# Caf\xC3\xA9\r\nneighbourhoods:\r\n  - {id: n, name: N, municipality: M}\r"
                           "agreements:\r\n  - {id: a, title: \"\xC3\xA9\xC3\xA9n\", partner: nobody, neighbourhoods: [n], "
                           "start: 2026-01-01}\r\n"}});
    auto d = checked(*m.workspace);
    const Diagnostic* dr = find(d, "dangling-ref");
    REQUIRE(dr != nullptr);
    CHECK(dr->at.file == 1);
    CHECK(dr->at.line == 5);
    CHECK(dr->at.column == 36);  // characters, not bytes (38): "één" is 3 characters, 6 bytes
    auto ex = m.workspace->excerpt(dr->at);
    REQUIRE(ex);
    CHECK(ex->text.find("partner: nobody") != std::string::npos);
    CHECK(m.workspace->place(dr->at).record == "agreements:a");
    CHECK(m.workspace->place(dr->at).path == "partner");
}

TEST_CASE("a file changed or gone after loading is reported as a whole, never at a wrong line") {
    TempDir d;
    write(d.path / "wijk.yaml", "format: 1\n");
    write(d.path / "a.yaml", "agreements:\n  - {id: a, title: T, partner: nobody, neighbourhoods: [n], start: 2026-01-01}\n");
    Workspace ws(std::make_shared<DiskSource>(d.path.string()));
    ws.load();
    REQUIRE(ws.repository().agreements.size() == 1);
    const Agreement& a = ws.repository().agreements[0];
    write(d.path / "a.yaml", "# a new first line\nagreements:\n  - {id: a, title: T, partner: nobody}\n");
    CHECK(locate(ws.repository(), a, a.partner).line == 0);  // the bytes are not those loaded
    std::filesystem::remove(d.path / "a.yaml");
    CHECK(locate(ws.repository(), a, a.partner).line == 0);
    CHECK(a.at.line == 2);  // the record's own mark was made while reading
}

TEST_CASE("skipped look-alikes and links out of the root are diagnostics that name them") {
    TempDir d, elsewhere;
    write(elsewhere.path / "shadow.yaml", "root:$6$secret\n");
    write(d.path / "wijk.yaml", "format: 1\n");
    write(d.path / "B.YAML", "partners: []\n");
    std::filesystem::create_symlink(elsewhere.path / "shadow.yaml", d.path / "x.yaml");
    Workspace ws(std::make_shared<DiskSource>(d.path.string()));
    ws.load();
    auto diags = checked(ws);
    REQUIRE(diags.items.size() == 2);
    CHECK(diags.items[0].rule == "skipped-file");
    CHECK(ws.repository().files[diags.items[0].at.file] == "B.YAML");
    CHECK(diags.items[1].rule == "link-outside-root");
    CHECK(ws.repository().files[diags.items[1].at.file] == "x.yaml");
    CHECK_FALSE(ws.excerpt(Mark{diags.items[1].at.file, 1, 1}));  // its content is never shown
    CHECK(ws.counts().files == 1);                                 // wijk.yaml only
}

TEST_CASE("stray characters that make YAML read nothing are an error, never an empty file") {
    InMemory m({{"a.yaml", ",\npartners:\n  - {id: a, name: A, kind: other}\n"},
                {"b.yaml", "{partners: [{id: b, name: B, kind: other}]}\n{x: 1}\n"},
                {"c.yaml", "# only a comment\n---\n~\n...\n"},
                {"wijk.yaml", "]\nlanguage: nl\n"}});
    auto d = checked(*m.workspace);
    std::vector<std::string> got;
    for (const auto& x : d.items) got.push_back(m.repo().files[x.at.file] + ":" + std::to_string(x.at.line) + ":" + x.rule);
    CHECK(got == std::vector<std::string>{"wijk.yaml:1:yaml-syntax", "a.yaml:1:yaml-syntax", "b.yaml:2:yaml-syntax",
                                          "c.yaml:0:empty-file"});
}

TEST_CASE("refs into a file that could not be read are not reported one by one") {
    InMemory m({{"a.yaml", "agreements:\n  - {id: a, title: T, partner: p, neighbourhoods: [n], start: 2026-01-01,\n"
                           "     strategy: s}\n"},
                {"strategies.yaml", "strategies:\n  - {id: s, title: [unclosed\n"}});
    auto d = checked(*m.workspace);
    CHECK(find(d, "dangling-ref") == nullptr);
    const Diagnostic* note = find(d, "refs-not-checked");
    REQUIRE(note != nullptr);
    CHECK(m.repo().files[note->at.file] == "strategies.yaml");
    CHECK(note->message.en.find("3 references") == 0);
}

TEST_CASE("keep_units: a file whose bytes did not change is not parsed again") {
    WorkspaceOptions keep;
    keep.keep_units = true;
    InMemory m({{"a.yaml", "partners:\n  - {id: a, name: A, kind: other}\n"},
                {"b.yaml", "partners:\n  - {id: b, name: B, kind: other}\n"}},
               keep);
    const std::size_t texts = m.repo().texts->size();
    m.source->set("b.yaml", "partners:\n  - {id: b2, name: B, kind: other}\n");
    m.workspace->load();
    REQUIRE(m.repo().partners.size() == 2);
    CHECK(*m.repo().partners[0].id == "a");
    CHECK(*m.repo().partners[1].id == "b2");
    CHECK(m.repo().partner("b2") != nullptr);
    CHECK(m.repo().texts->size() == texts + 1);  // only b2 is new: a.yaml was not parsed again
}

TEST_CASE("keep_units: a kept unit moves with its file when a file before it comes or goes; twins keep their own") {
    WorkspaceOptions keep;
    keep.keep_units = true;
    // b.yaml and c.yaml hold the same bytes: one kept unit, two files
    const std::string twin = "partners:\n  - {id: p, name: P, kind: other, neighbourhoods: [nowhere]}\n";
    InMemory m({{"b.yaml", twin}, {"c.yaml", twin}}, keep);
    auto files_of = [&](std::string_view rule) {
        std::vector<std::string> out;
        for (const auto& d : checked(*m.workspace).items)
            if (d.rule == rule) out.push_back(std::string(m.repo().files[d.at.file]) + ":" + std::to_string(d.at.line));
        return out;
    };
    CHECK(files_of("dangling-ref") == std::vector<std::string>{"b.yaml:2", "c.yaml:2"});
    // a file that sorts first shifts every file index by one
    m.source->set("a.yaml", "partners:\n  - {id: a, name: A, kind: other}\n");
    m.workspace->load();
    CHECK(files_of("dangling-ref") == std::vector<std::string>{"b.yaml:2", "c.yaml:2"});
    REQUIRE(m.repo().partners.size() == 3);
    CHECK(m.repo().files[m.repo().partners[1].at.file] == "b.yaml");
    CHECK(m.repo().files[m.repo().partners[2].at.file] == "c.yaml");
    // and back again
    m.source->drop("a.yaml");
    m.workspace->load();
    CHECK(files_of("dangling-ref") == std::vector<std::string>{"b.yaml:2", "c.yaml:2"});
    CHECK(m.repo().files[m.repo().partners[0].at.file] == "b.yaml");
}

namespace {
// What a check of the workspace says, each problem with its file, line and column: the same
// after reload() as after a fresh load of the same texts.
std::vector<std::string> outcome(Workspace& ws) {
    std::vector<std::string> out;
    const Repository& repo = ws.repository();
    for (const auto& d : checked(ws).items)
        out.push_back(fmt::format("{}:{}:{} {} {}", repo.files[d.at.file], d.at.line, d.at.column, d.rule, d.message.en));
    for (const auto& p : repo.partners) out.push_back(fmt::format("partner {} in {}", p.id ? *p.id : "-", repo.files[p.at.file]));
    for (const auto& a : repo.agreements) out.push_back(fmt::format("agreement {} in {}", a.id ? *a.id : "-", repo.files[a.at.file]));
    out.push_back(fmt::format("files {} partners {} agreements {} unread {}", ws.counts().files, ws.counts().partners,
                              ws.counts().agreements, ws.unread_files().size()));
    return out;
}
std::vector<std::string> fresh_outcome(const std::shared_ptr<OverlaySource>& source) {
    Workspace ws(source);
    ws.load();
    return outcome(ws);
}
}  // namespace

TEST_CASE("reload: only the files named are read again, and the repository is that of a fresh load") {
    WorkspaceOptions keep;
    keep.keep_units = true;
    InMemory m({{"wijk.yaml", "format: 1\n"},
                {"a.yaml", "partners:\n  - {id: a, name: A, kind: other}\n"},
                {"b.yaml", "agreements:\n  - {id: x, title: X, partner: a, neighbourhoods: [n], start: 2026-01-01}\n"},
                {"c.yaml", "partners:\n  - {id: c, name: C, kind: other}\n"}},
               keep);
    Workspace& ws = *m.workspace;
    CHECK(outcome(ws) == fresh_outcome(m.source));
    SUBCASE("a changed value: a reference in another file dangles") {
        m.source->set("a.yaml", "partners:\n  - {id: a2, name: A, kind: other}\n");
        REQUIRE(ws.reload({"a.yaml"}));
        CHECK(ws.repository().partner("a2") != nullptr);
        CHECK(find(checked(ws), "dangling-ref") != nullptr);
        CHECK(outcome(ws) == fresh_outcome(m.source));
    }
    SUBCASE("records come and go: those of the files after it move") {
        m.source->set("a.yaml", "partners:\n  - {id: a, name: A, kind: other}\n  - {id: a, name: A2, kind: other}\n  - {id: z, name: Z, kind: other}\n");
        REQUIRE(ws.reload({"a.yaml"}));
        CHECK(ws.repository().partners.size() == 4);
        CHECK(outcome(ws) == fresh_outcome(m.source));
        m.source->set("a.yaml", "partners: []\n");
        m.source->set("c.yaml", "partners:\n  - {id: c, name: C, kind: other}\n  - {id: a, name: A, kind: other}\n");
        REQUIRE(ws.reload({"c.yaml", "a.yaml", "c.yaml"}));
        CHECK(ws.repository().partners.size() == 2);
        CHECK(outcome(ws) == fresh_outcome(m.source));
    }
    SUBCASE("a file broken and mended: its records are dropped and come back") {
        m.source->set("a.yaml", "partners: [a, {id: x\n");
        REQUIRE(ws.reload({"a.yaml"}));
        CHECK(ws.unread_files().size() == 1);
        CHECK(find(checked(ws), "refs-not-checked") != nullptr);
        CHECK(outcome(ws) == fresh_outcome(m.source));
        m.source->set("a.yaml", "partners:\n  - {id: a, name: A, kind: other}\n");
        REQUIRE(ws.reload({"a.yaml"}));
        CHECK(ws.unread_files().empty());
        CHECK(outcome(ws) == fresh_outcome(m.source));
    }
    SUBCASE("a file not named is not read again") {
        m.source->set("c.yaml", "partners:\n  - {id: c2, name: C, kind: other}\n");
        REQUIRE(ws.reload({"a.yaml"}));
        CHECK(ws.repository().partner("c") != nullptr);
        CHECK(ws.repository().partner("c2") == nullptr);
        REQUIRE(ws.reload({"c.yaml"}));
        CHECK(ws.repository().partner("c2") != nullptr);
    }
    SUBCASE("what changes the listing needs load(): nothing changes until then") {
        const auto before = outcome(ws);
        m.source->set("wijk.yaml", "format: 1\nexclude: [c.yaml]\n");
        CHECK_FALSE(ws.reload({"wijk.yaml"}));
        m.source->set("d.yaml", "partners:\n  - {id: d, name: D, kind: other}\n");
        CHECK_FALSE(ws.reload({"a.yaml", "d.yaml"}));  // a new data file
        m.source->drop("c.yaml");
        CHECK_FALSE(ws.reload({"c.yaml"}));  // gone
        CHECK(outcome(ws) == before);
        CHECK(ws.reload({".hidden/x.yaml", "notes.txt", "../outside.yaml"}));  // never data: nothing to do
        CHECK(outcome(ws) == before);
        ws.load();
        CHECK(outcome(ws) == fresh_outcome(m.source));
    }
}

TEST_CASE("one long line: columns and excerpts in bounded time, excerpts short") {
    std::string line = "partners: [";
    for (int i = 0; i < 20000; ++i)
        line += "{id: p" + std::to_string(i) + ", name: \xC3\xA9" + std::to_string(i) + ", kind: " +
                (i == 19999 ? "nope" : "other") + "}, ";
    line += "]\n";
    InMemory m({{"one-line.yaml", line}});
    auto d = checked(*m.workspace);
    const Diagnostic* bad = find(d, "invalid-enum");
    REQUIRE(bad != nullptr);
    CHECK(bad->at.line == 1);
    LineIndex idx(line);
    std::size_t byte = line.find("nope");
    CHECK(bad->at.column == char_column(line, byte));  // the kept counts agree with a full scan
    auto ex = m.workspace->excerpt(bad->at);
    REQUIRE(ex);
    CHECK(ex->text.size() < 400);
    CHECK(ex->cut_before);
    CHECK(ex->text.substr(0, 0).empty());
    CHECK(ex->text.find("nope") != std::string::npos);
    CHECK(m.workspace->place(bad->at).record == "partners:p19999");
    CHECK(m.workspace->place(bad->at).path == "kind");
}
