// Writing Internet mail: RFC 5322 header fields (folded at 78 characters, RFC 2047 encoded-words
// for text outside ASCII), addresses, and the MIME body encodings quoted-printable and base64
// (RFC 2045). Data never reaches a header as it is: line breaks become spaces and addresses are
// checked, so no text in the data can add a header field or a recipient.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace wijk::mime {

// An addr-spec wijk writes as it is: local@domain, a dot-atom on each side (RFC 5322 3.4.1),
// ASCII, at most 254 characters. No quoted local parts, comments or address literals.
bool valid_address(std::string_view address);

struct Mailbox {
    std::string name;     // display name, may be empty; any text (it is encoded when written)
    std::string address;  // a valid_address
};

// "a.devries@example.nl", "Wijkteam <wijkteam@example.nl>" or "\"Team, Noord\" <t@example.nl>";
// nullopt when it is not one mailbox with a valid address.
std::optional<Mailbox> parse_mailbox(std::string_view text);

// "Name: value\r\n", folded so that no line exceeds 78 characters; `value` is made one line
// and written as RFC 2047 encoded-words (UTF-8, Q) when it is not printable ASCII.
std::string text_field(std::string_view name, std::string_view value);
// "To: \"Anouk de Vries\" <a.devries@example.nl>\r\n" (the display name encoded when it needs it).
std::string address_field(std::string_view name, const Mailbox& mailbox);
// A field whose value wijk made itself (ASCII, no line break): "MIME-Version: 1.0\r\n".
std::string plain_field(std::string_view name, std::string_view value);

// Quoted-printable of UTF-8 text whose lines end in "\n": CRLF line ends, lines of at most 76
// characters, "." and "From " at the start of a line encoded (they fare badly in transit).
std::string quoted_printable(std::string_view text);
// Base64 in lines of 76 characters, each ending in CRLF.
std::string base64(std::string_view bytes);

}  // namespace wijk::mime
