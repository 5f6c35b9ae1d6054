#include "lsp/transport.h"

#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <charconv>

namespace wijk::lsp {

namespace {

constexpr std::size_t max_header_bytes = 8192;

bool equal_lower(std::string_view a, std::string_view lower) {
    if (a.size() != lower.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char c = a[i];
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
        if (c != lower[i]) return false;
    }
    return true;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

}  // namespace

bool Transport::readable(int timeout_ms) const {
    pollfd p{in_, POLLIN, 0};
    for (;;) {
        int n = ::poll(&p, 1, timeout_ms);
        if (n < 0 && errno == EINTR) continue;
        // an error or a hang-up counts as readable: read() then says what it is
        return n > 0;
    }
}

bool Transport::fill() {
    char block[65536];
    for (;;) {
        ssize_t n = ::read(in_, block, sizeof block);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        buffer_.append(block, std::size_t(n));
        return true;
    }
}

Transport::Got Transport::take(std::string& body, std::string* why) {
    if (skip_ > 0) {
        std::size_t n = std::min(skip_, buffer_.size());
        buffer_.erase(0, n);
        skip_ -= n;
        if (skip_ > 0) return Got::timeout;  // more to drop first
    }
    // The header ends at a blank line; a bare LF is taken for CRLF (hand-typed input).
    std::size_t end = std::string::npos, body_at = 0;
    for (std::size_t i = 0; i < buffer_.size() && i < max_header_bytes; ++i) {
        if (buffer_[i] != '\n') continue;
        if (i + 1 < buffer_.size() && buffer_[i + 1] == '\n') {
            end = i, body_at = i + 2;
            break;
        }
        if (i + 2 < buffer_.size() && buffer_[i + 1] == '\r' && buffer_[i + 2] == '\n') {
            end = i, body_at = i + 3;
            break;
        }
    }
    if (end == std::string::npos) {
        if (buffer_.size() < max_header_bytes) return Got::timeout;
        // Not a header: drop it, keeping what may be the start of the next one.
        std::size_t next = buffer_.find("Content-Length", 1);
        buffer_.erase(0, next == std::string::npos ? buffer_.size() : next);
        if (why) *why = "input that is not a message header was skipped";
        return Got::skipped;
    }
    std::string_view header(buffer_.data(), end);
    bool have_length = false;
    std::size_t length = 0;
    bool bad = false;
    while (!header.empty()) {
        std::size_t nl = header.find('\n');
        std::string_view line = trim(header.substr(0, nl));
        header = nl == std::string_view::npos ? std::string_view() : header.substr(nl + 1);
        if (line.empty()) continue;
        std::size_t colon = line.find(':');
        if (colon == std::string_view::npos) {
            bad = true;
            continue;
        }
        if (!equal_lower(trim(line.substr(0, colon)), "content-length")) continue;
        std::string_view v = trim(line.substr(colon + 1));
        auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), length);
        have_length = ec == std::errc() && p == v.data() + v.size();
    }
    if (!have_length) {
        buffer_.erase(0, body_at);
        if (why) *why = bad ? "a message header that is not 'Name: value' lines was skipped"
                            : "a message without a valid Content-Length was skipped";
        return Got::skipped;
    }
    if (length > max_message_bytes) {
        buffer_.erase(0, body_at);
        skip_ = length;
        if (why) *why = "a message larger than 64 MiB was skipped";
        return Got::skipped;
    }
    if (buffer_.size() - body_at < length) return Got::timeout;
    body.assign(buffer_, body_at, length);
    buffer_.erase(0, body_at + length);
    return Got::message;
}

Transport::Got Transport::next(std::string& body, int timeout_ms, std::string* why) {
    using clock = std::chrono::steady_clock;
    const auto deadline = clock::now() + std::chrono::milliseconds(timeout_ms < 0 ? 0 : timeout_ms);
    for (;;) {
        Got g = take(body, why);
        if (g == Got::message || g == Got::skipped) return g;
        if (ended_) {
            buffer_.clear();
            return Got::end;
        }
        int wait = -1;
        if (timeout_ms >= 0) {
            auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - clock::now()).count();
            wait = left > 0 ? int(left) : 0;
        }
        if (!readable(wait)) return Got::timeout;
        if (!fill()) ended_ = true;
    }
}

bool Transport::send(std::string_view body) {
    if (broken_) return false;
    std::string message = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
    message.append(body);
    std::string_view rest = message;
    while (!rest.empty()) {
        ssize_t n = ::write(out_, rest.data(), rest.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            broken_ = true;
            return false;
        }
        rest.remove_prefix(std::size_t(n));
    }
    return true;
}

}  // namespace wijk::lsp
