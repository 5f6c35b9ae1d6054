// The base protocol of the Language Server Protocol: messages on a byte stream, each a header
// ("Content-Length: N", a blank line) and N bytes of JSON. No JSON here: a message is its bytes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace wijk::lsp {

// The largest message read (an editor sends a whole file of at most 16 MiB in one message,
// escaped as JSON): a larger one is skipped unread.
inline constexpr std::size_t max_message_bytes = 64u << 20;

class Transport {
public:
    Transport(int in_fd, int out_fd) : in_(in_fd), out_(out_fd) {}

    enum class Got { message, timeout, end, skipped };
    // The next message's body, waiting at most `timeout_ms` (-1: as long as it takes) for it to
    // arrive whole. `end`: the input ended (or failed); `skipped`: a message that broke the
    // framing (no Content-Length, too large) was dropped and `why` says why.
    Got next(std::string& body, int timeout_ms, std::string* why = nullptr);
    // Is there input that has arrived but not been taken yet (whole or not)?
    bool pending() const { return !buffer_.empty() || readable(0); }

    // Writes one message; false once the output is gone (the client closed its end).
    bool send(std::string_view body);
    bool broken() const { return broken_; }

private:
    bool readable(int timeout_ms) const;
    // Reads what is there (at most one block); false at the end of the input.
    bool fill();
    // Takes one message from buffer_ when it holds a whole one.
    Got take(std::string& body, std::string* why);

    int in_, out_;
    std::string buffer_;
    std::size_t skip_ = 0;  // bytes of an oversized body still to drop
    bool ended_ = false;
    bool broken_ = false;
};

}  // namespace wijk::lsp
