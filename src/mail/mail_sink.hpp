// Where outgoing mail is handed over: an SMTP server, or for development a file or the console.
#pragma once

#include <memory>
#include <string>
#include <tl/expected.hpp>

#include "mail/outgoing_mail.hpp"

namespace att::mail {

class MailSink {
 public:
  virtual ~MailSink() = default;
  // Hands one message over. Delivery problems come back as a one-line reason, not as an exception,
  // because they are expected (servers go down) and the outbox simply retries later.
  // Called from one thread at a time.
  virtual tl::expected<void, std::string> send(const OutgoingMail& mail) = 0;
  // Where mail goes, safe to print: never a password.
  [[nodiscard]] virtual std::string describe() const = 0;
};

// spec is one of
//   smtp://[user[:password]@]host[:port][/ehlo-domain][?starttls=off|try|required]
//   smtps://[user[:password]@]host[:port][/ehlo-domain]     (TLS from the first byte, port 465)
//   file:/path                                              (appends to an mbox file, for development)
//   console                                                 (prints to standard output, for development)
// from is the sender address (envelope and From: header). Throws std::invalid_argument with a
// message fit for the command line when either is unusable.
std::unique_ptr<MailSink> make_sink(const std::string& spec, const std::string& from);

}  // namespace att::mail
