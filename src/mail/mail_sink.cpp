// Chooses the sink a --mail specification names.
#include "mail/mail_sink.hpp"

#include <stdexcept>

#include "mail/local_sinks.hpp"
#include "mail/smtp_sink.hpp"

namespace att::mail {

std::unique_ptr<MailSink> make_sink(const std::string& spec, const std::string& from) {
  if (!is_plausible_address(from))
    throw std::invalid_argument("mail sender '" + from + "' is not an e-mail address (e.g. noreply@example.org)");
  if (spec == "console") return std::make_unique<ConsoleSink>(from);
  if (spec.rfind("file:", 0) == 0) {
    const std::string path = spec.substr(5);
    if (path.empty()) throw std::invalid_argument("mail destination 'file:' names no file (file:/path/to/mail.mbox)");
    return std::make_unique<FileSink>(path, from);
  }
  if (spec.rfind("smtp://", 0) == 0 || spec.rfind("smtps://", 0) == 0)
    return std::make_unique<SmtpSink>(parse_smtp_spec(spec, from));
  throw std::invalid_argument("unknown mail destination '" + spec +
                              "': use smtp://host:port, smtps://host:port, file:/path or console");
}

}  // namespace att::mail
