// Sinks that keep mail on this machine, for development and demonstrations: nothing leaves it.
#pragma once

#include <iostream>
#include <mutex>
#include <string>

#include "mail/mail_sink.hpp"

namespace att::mail {

// Appends each message, exactly as it would go over SMTP, to an mbox file (mboxrd quoting), so that
// any mail reader can open it (mutt -f PATH). The file is reopened for each message: it may be
// deleted or rotated while the server runs.
class FileSink : public MailSink {
 public:
  // Throws std::runtime_error when the file cannot be opened for appending: better at start-up
  // than with the first mail.
  FileSink(std::string path, std::string from);
  tl::expected<void, std::string> send(const OutgoingMail& mail) override;
  [[nodiscard]] std::string describe() const override { return "file:" + path_; }

 private:
  std::string path_;
  std::string from_;
  std::mutex mutex_;
};

// Prints recipient, subject and body readably (not MIME-encoded), so a developer can follow a
// confirmation link from the terminal.
class ConsoleSink : public MailSink {
 public:
  explicit ConsoleSink(std::string from, std::ostream& out = std::cout) : from_(std::move(from)), out_(out) {}
  tl::expected<void, std::string> send(const OutgoingMail& mail) override;
  [[nodiscard]] std::string describe() const override { return "console"; }

 private:
  std::string from_;
  std::ostream& out_;
  std::mutex mutex_;
};

}  // namespace att::mail
