// One message to one recipient, as the application hands it over, and the checks it must pass.
#pragma once

#include <string>
#include <string_view>

namespace att::mail {

struct OutgoingMail {
  std::string to;
  std::string subject;
  std::string body_text;  // UTF-8 plain text; any line endings (sent as CRLF)
};

// A deliberately minimal check: one '@' with something on each side, and nothing that could end
// a header line or an SMTP command (whitespace, control characters) or add a second recipient.
bool is_plausible_address(std::string_view address);

// Throws std::invalid_argument naming the problem. A CR or LF in the address or the subject is
// always refused: it would let whoever chose the text inject headers (Bcc:) into the message.
void validate(const OutgoingMail& mail);

}  // namespace att::mail
