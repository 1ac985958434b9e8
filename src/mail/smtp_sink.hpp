// Delivery to a real mail server over SMTP (libcurl): submission with optional STARTTLS and login.
#pragma once

#include <chrono>
#include <string>

#include "mail/mail_sink.hpp"

namespace att::mail {

enum class StartTls {
  off,           // plain text throughout (a relay on localhost)
  when_offered,  // CURLUSESSL_TRY: upgrade if the server offers it, carry on in clear if not
  required,      // CURLUSESSL_ALL: refuse to send unless the upgrade succeeds
};

struct SmtpSettings {
  std::string url;       // smtp://host:port or smtps://host:port, without credentials
  std::string from;      // envelope sender and From: header
  std::string username;  // empty: no AUTH
  std::string password;
  StartTls starttls = StartTls::when_offered;  // smtps:// is TLS from the start and ignores it
  std::chrono::seconds connect_timeout{5};     // an unreachable server costs seconds, not minutes
  // The exchange, so a stalled server cannot hold the worker; libcurl's closing QUIT may take as long
  // again, so a send lasts at most twice this (plus connecting).
  std::chrono::seconds timeout{30};
};

class SmtpSink : public MailSink {
 public:
  // Throws std::invalid_argument when the URL or the sender is unusable.
  explicit SmtpSink(SmtpSettings settings);
  tl::expected<void, std::string> send(const OutgoingMail& mail) override;
  [[nodiscard]] std::string describe() const override;

 private:
  SmtpSettings settings_;
};

// Reads smtp://[user[:password]@]host[:port][/ehlo-domain][?starttls=off|try|required] or the smtps://
// form (user and password percent-decoded). With credentials and no starttls= given, STARTTLS is
// required: "try" would send the password in clear to anyone who strips the server's STARTTLS offer.
SmtpSettings parse_smtp_spec(const std::string& spec, const std::string& from);

}  // namespace att::mail
