#include <doctest/doctest.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "io/output.h"
#include "support.h"

using namespace wijk;
using wijk::testing::TempDir;
namespace fs = std::filesystem;

namespace {
std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}
}  // namespace

TEST_CASE("write_file replaces a file atomically and leaves no temporary file") {
    TempDir d;
    auto target = d.path / "out.json";
    {
        std::ofstream(target) << "old";
    }
    ::chmod(target.c_str(), 0640);
    auto r = write_file(target.string(), "new content");
    CHECK(r.ok);
    CHECK(slurp(target) == "new content");
    CHECK((fs::status(target).permissions() & fs::perms::all) ==
          (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
    int entries = 0;
    for ([[maybe_unused]] auto& e : fs::directory_iterator(d.path)) ++entries;
    CHECK(entries == 1);
}

TEST_CASE("write_file into a missing folder fails and says where") {
    TempDir d;
    auto r = write_file((d.path / "nope" / "x.md").string(), "x");
    CHECK_FALSE(r.ok);
    CHECK(r.error.find("x.md") != std::string::npos);
}

TEST_CASE("write_file onto a FIFO writes in place and never replaces it") {
    TempDir d;
    auto fifo = d.path / "pipe";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    pid_t pid = ::fork();
    if (pid == 0) {
        std::ifstream in(fifo);
        std::string s((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        ::_exit(s == "through the pipe" ? 0 : 1);
    }
    auto r = write_file(fifo.string(), "through the pipe");
    int status = 0;
    ::waitpid(pid, &status, 0);
    CHECK(r.ok);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    CHECK(fs::is_fifo(fifo));
}

TEST_CASE("write_new_file refuses an existing file") {
    TempDir d;
    auto target = d.path / "a.yaml";
    {
        std::ofstream(target) << "mine";
    }
    bool exists = false;
    auto r = write_new_file(target.string(), "theirs", exists);
    CHECK_FALSE(r.ok);
    CHECK(exists);
    CHECK(slurp(target) == "mine");
}

TEST_CASE("write_new_file writes a new file whole, through link(2), and leaves no temporary file") {
    TempDir d;
    auto target = d.path / "2026";
    fs::create_directory(target);
    target /= "a.md";
    bool exists = true;
    auto r = write_new_file(target.string(), "checklist", exists);
    CHECK(r.ok);
    CHECK_FALSE(exists);
    CHECK(slurp(target) == "checklist");
    CHECK(fs::hard_link_count(target) == 1);  // the temporary name is gone
    int entries = 0;
    for ([[maybe_unused]] auto& e : fs::directory_iterator(target.parent_path())) ++entries;
    CHECK(entries == 1);
    // a second write of the same name is refused, the first content stays, no temporary file
    r = write_new_file(target.string(), "again", exists);
    CHECK_FALSE(r.ok);
    CHECK(exists);
    CHECK(slurp(target) == "checklist");
    entries = 0;
    for ([[maybe_unused]] auto& e : fs::directory_iterator(target.parent_path())) ++entries;
    CHECK(entries == 1);
}

TEST_CASE("write_new_file never follows a dangling symlink to create its target") {
    TempDir d;
    auto link = d.path / "a.md";
    fs::create_symlink(d.path / "elsewhere.md", link);
    bool exists = false;
    auto r = write_new_file(link.string(), "x", exists);
    CHECK_FALSE(r.ok);
    CHECK(exists);
    CHECK_FALSE(fs::exists(d.path / "elsewhere.md"));
}

TEST_CASE("write_file onto a symbolic link replaces the link and never writes through it") {
    TempDir d;
    auto real = d.path / "real.json";
    auto link = d.path / "link.json";
    {
        std::ofstream(real) << "old";
    }
    fs::create_symlink(real, link);
    auto r = write_file(link.string(), "new");
    CHECK(r.ok);
    CHECK_FALSE(fs::is_symlink(link));
    CHECK(slurp(link) == "new");
    CHECK(slurp(real) == "old");  // what the link led to is untouched
    // a dangling link is replaced too, and nothing is created where it pointed
    auto dangling = d.path / "dangling.md";
    fs::create_symlink(d.path / "nowhere.md", dangling);
    CHECK(write_file(dangling.string(), "x").ok);
    CHECK_FALSE(fs::is_symlink(dangling));
    CHECK_FALSE(fs::exists(d.path / "nowhere.md"));
}

TEST_CASE("write_file onto a link to a FIFO writes in place; a link to a folder is an error") {
    TempDir d;
    auto fifo = d.path / "pipe";
    auto link = d.path / "link";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    fs::create_symlink(fifo, link);
    pid_t pid = ::fork();
    if (pid == 0) {
        std::ifstream in(fifo);
        std::string s((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        ::_exit(s == "through the link" ? 0 : 1);
    }
    auto r = write_file(link.string(), "through the link");
    int status = 0;
    ::waitpid(pid, &status, 0);
    CHECK(r.ok);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    CHECK(fs::is_symlink(link));
    fs::create_directory(d.path / "folder");
    fs::create_symlink(d.path / "folder", d.path / "folder.md");
    r = write_file((d.path / "folder.md").string(), "x");
    CHECK_FALSE(r.ok);
    CHECK(r.errnum == EISDIR);
    CHECK(fs::is_symlink(d.path / "folder.md"));
}

TEST_CASE("write_file: an empty name is an error; the longest name the system allows works") {
    CHECK_FALSE(write_file("", "x").ok);
    TempDir d;
    std::string name(255, 'n');
    auto target = d.path / name;
    {
        OutputFile out(target.string());
        out.write("x");
        std::vector<std::string> names;  // the temporary file: hidden, with a short name
        for (auto& e : fs::directory_iterator(d.path)) names.push_back(e.path().filename().string());
        REQUIRE(names.size() == 1);
        CHECK(names[0][0] == '.');
        CHECK(names[0].size() <= 45);
        CHECK(out.finish().ok);
    }
    CHECK(slurp(target) == "x");
    bool exists = false;
    auto other = d.path / std::string(255, 'm');
    CHECK(write_new_file(other.string(), "y", exists).ok);
    CHECK(slurp(other) == "y");
    int files = 0;
    for (auto& e : fs::directory_iterator(d.path)) (void)e, ++files;
    CHECK(files == 2);
}

TEST_CASE("write_file keeps a file the user may not write as it is") {
    if (::geteuid() == 0) return;  // permissions do not bind root (tests/scripts/io_failures.sh runs as nobody)
    TempDir d;
    auto target = d.path / "report.json";
    {
        std::ofstream(target) << "old";
    }
    ::chmod(target.c_str(), 0444);
    auto r = write_file(target.string(), "new");
    CHECK_FALSE(r.ok);
    CHECK(r.errnum == EACCES);
    CHECK(slurp(target) == "old");
}

TEST_CASE("a signal during a write removes the temporary file and ends by the signal") {
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
        CAPTURE(sig);
        TempDir d;
        auto target = d.path / "out.json";
        {
            std::ofstream(target) << "old";
        }
        pid_t pid = ::fork();
        if (pid == 0) {
            OutputFile out(target.string());
            out.write("half of it");
            ::raise(sig);
            ::_exit(0);  // not reached
        }
        int status = 0;
        ::waitpid(pid, &status, 0);
        CHECK(WIFSIGNALED(status));
        CHECK(WTERMSIG(status) == sig);
        CHECK(slurp(target) == "old");
        int files = 0;
        for (auto& e : fs::directory_iterator(d.path)) (void)e, ++files;
        CHECK(files == 1);
    }
}

TEST_CASE("a closed pipe with SIGPIPE ignored: the error says EPIPE (the command ends with 141)") {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    ::close(fds[0]);
    pid_t pid = ::fork();
    if (pid == 0) {
        ::signal(SIGPIPE, SIG_IGN);
        ::dup2(fds[1], STDOUT_FILENO);
        WriteResult r = write_stdout("nobody reads this");
        ::_exit(!r.ok && r.errnum == EPIPE ? 0 : 1);
    }
    ::close(fds[1]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
}

TEST_CASE("OutputFile: pieces land in the target only when finished; unfinished, the target stays") {
    TempDir d;
    auto target = d.path / "big.json";
    {
        std::ofstream(target) << "old";
    }
    {
        OutputFile out(target.string());
        out.write("half ");
        out.write("done");
        // destroyed without finish(): as if nothing was written
    }
    CHECK(slurp(target) == "old");
    {
        OutputFile out(target.string());
        out.write("new ");
        out.write("text");
        CHECK(slurp(target) == "old");  // not yet
        CHECK(out.finish().ok);
    }
    CHECK(slurp(target) == "new text");
    int files = 0;
    for (auto& e : fs::directory_iterator(d.path)) (void)e, ++files;
    CHECK(files == 1);  // no temporary file left
}

TEST_CASE("OutputFile into a missing folder fails at finish and says where") {
    TempDir d;
    OutputFile out((d.path / "no" / "such.json").string());
    out.write("x");
    WriteResult r = out.finish();
    CHECK_FALSE(r.ok);
    CHECK(r.error.find("such.json") != std::string::npos);
}
