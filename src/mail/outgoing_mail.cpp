// Checks an outgoing mail before it is queued: one plausible address, no header injection.
#include "mail/outgoing_mail.hpp"

#include <algorithm>
#include <stdexcept>

namespace att::mail {

namespace {

bool has_line_break(std::string_view text) { return text.find_first_of("\r\n") != std::string_view::npos; }

}  // namespace

bool is_plausible_address(std::string_view address) {
  // 254 octets is the longest address a forward path can carry (RFC 5321, 4.5.3.1).
  if (address.empty() || address.size() > 254) return false;
  const auto at = address.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == address.size()) return false;
  if (address.find('@', at + 1) != std::string_view::npos) return false;
  // Spaces and controls would break the header or the RCPT command; ',' ';' '<' '>' '"' would let
  // one field name several recipients or smuggle a display name.
  return std::none_of(address.begin(), address.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte <= 0x20 || byte == 0x7f || c == ',' || c == ';' || c == '<' || c == '>' || c == '"' || c == '(' ||
           c == ')' || c == '\\';
  });
}

void validate(const OutgoingMail& mail) {
  if (has_line_break(mail.to)) throw std::invalid_argument("mail recipient contains a line break");
  if (!is_plausible_address(mail.to))
    throw std::invalid_argument("mail recipient '" + mail.to + "' is not a single e-mail address");
  if (has_line_break(mail.subject)) throw std::invalid_argument("mail subject contains a line break");
  if (mail.subject.find('\0') != std::string::npos) throw std::invalid_argument("mail subject contains a NUL byte");
}

}  // namespace att::mail
