// Turns an OutgoingMail into the RFC 5322 text that goes over the wire (or into a development file).
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "mail/outgoing_mail.hpp"

namespace att::mail {

// Lines end in CRLF. The subject becomes RFC 2047 encoded-words when it is not plain ASCII; the body
// goes as 7bit (ASCII), 8bit (UTF-8 with lines SMTP can carry) or base64 (lines over 998 octets, NULs).
std::string render_message(const OutgoingMail& mail, std::string_view from, std::chrono::sys_seconds date,
                           std::string_view message_id);

// "<random@domain-of-from>": unique without coordination between processes.
std::string new_message_id(std::string_view from);

// The value of an unstructured header: as is when it is short printable ASCII, otherwise
// =?UTF-8?B?...?= words of at most 75 characters, folded onto continuation lines.
std::string encode_header_text(std::string_view text);

std::string encode_base64(std::string_view bytes);

}  // namespace att::mail
