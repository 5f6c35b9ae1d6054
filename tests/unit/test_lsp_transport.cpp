// The base protocol: Content-Length framing on a byte stream, whatever arrives.
#include <doctest/doctest.h>

#include <unistd.h>

#include <string>

#include "lsp/transport.h"

using namespace wijk::lsp;

namespace {
struct Pipe {
    int in[2] = {-1, -1}, out[2] = {-1, -1};
    Pipe() {
        REQUIRE(::pipe(in) == 0);
        REQUIRE(::pipe(out) == 0);
    }
    ~Pipe() {
        for (int fd : {in[0], in[1], out[0], out[1]})
            if (fd >= 0) ::close(fd);
    }
    void write(const std::string& s) { REQUIRE(::write(in[1], s.data(), s.size()) == ssize_t(s.size())); }
    void end() {
        ::close(in[1]);
        in[1] = -1;
    }
};
}  // namespace

TEST_CASE("transport: messages whole and in pieces, LF-only headers, other headers") {
    Pipe p;
    Transport t(p.in[0], p.out[1]);
    std::string body, why;
    p.write("Content-Length: 2\r\n\r\n{}Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length:  3\r\n\r\n[1]");
    CHECK(t.next(body, 1000, &why) == Transport::Got::message);
    CHECK(body == "{}");
    CHECK(t.next(body, 1000, &why) == Transport::Got::message);
    CHECK(body == "[1]");
    p.write("Content-Length: 5\n\nab");
    CHECK(t.next(body, 0, &why) == Transport::Got::timeout);  // not whole yet
    p.write("cde");
    CHECK(t.next(body, 1000, &why) == Transport::Got::message);
    CHECK(body == "abcde");
    p.end();
    CHECK(t.next(body, 1000, &why) == Transport::Got::end);
}

TEST_CASE("transport: broken headers are skipped, and what follows is read") {
    Pipe p;
    Transport t(p.in[0], p.out[1]);
    std::string body, why;
    p.write("Content-Length: x\r\n\r\nContent-Length: 1\r\n\r\nA");
    CHECK(t.next(body, 1000, &why) == Transport::Got::skipped);
    CHECK(why.find("Content-Length") != std::string::npos);
    CHECK(t.next(body, 1000, &why) == Transport::Got::message);
    CHECK(body == "A");
    // a body larger than the limit is dropped unread, byte by byte as it comes
    p.write("Content-Length: 99999999999\r\n\r\n");
    CHECK(t.next(body, 1000, &why) == Transport::Got::skipped);
    CHECK(why.find("64 MiB") != std::string::npos);
    // no header at all: after 8 KiB without a blank line, dropped up to the next header
    p.end();
    CHECK(t.next(body, 1000, &why) == Transport::Got::end);
    Pipe q;
    Transport u(q.in[0], q.out[1]);
    q.write(std::string(9000, 'x') + "Content-Length: 2\r\n\r\nok");
    CHECK(u.next(body, 1000, &why) == Transport::Got::skipped);
    CHECK(u.next(body, 1000, &why) == Transport::Got::message);
    CHECK(body == "ok");
    // a half message at the end of the input is not a message
    q.write("Content-Length: 10\r\n\r\nabc");
    q.end();
    CHECK(u.next(body, 1000, &why) == Transport::Got::end);
}

TEST_CASE("transport: sending frames the body; a closed reader is a failed send, not a signal") {
    Pipe p;
    Transport t(p.in[0], p.out[1]);
    REQUIRE(t.send("{\"a\":\"é\"}"));
    char buf[64] = {};
    ssize_t n = ::read(p.out[0], buf, sizeof buf);
    CHECK(std::string(buf, std::size_t(n)) == "Content-Length: 10\r\n\r\n{\"a\":\"é\"}");
}
