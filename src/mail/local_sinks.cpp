// Development sinks: an mbox file and the console.
#include "mail/local_sinks.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <stdexcept>

#include "mail/message.hpp"

namespace att::mail {

namespace {

// The separator line an mbox file starts each message with: "From sender asctime-date".
std::string mbox_separator(std::string_view from, std::chrono::sys_seconds now) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char date[32];
  std::strftime(date, sizeof date, "%a %b %e %H:%M:%S %Y", &utc);
  return "From " + std::string(from) + " " + date + "\n";
}

// mboxrd: CRLF becomes LF, and a line that reads "From " after any number of '>' gains one more
// '>', so a reader never mistakes body text for the start of another message.
std::string as_mbox_entry(std::string_view message) {
  std::string out;
  out.reserve(message.size() + 64);
  std::size_t start = 0;
  while (start < message.size()) {
    auto end = message.find("\r\n", start);
    if (end == std::string_view::npos) end = message.size();
    const auto line = message.substr(start, end - start);
    const auto quotes = line.find_first_not_of('>');
    if (quotes != std::string_view::npos && line.substr(quotes).rfind("From ", 0) == 0) out += '>';
    out += line;
    out += '\n';
    start = end + 2;
  }
  out += '\n';
  return out;
}

// O_APPEND makes each write() land at the end even when two processes share the file.
int open_for_append(const std::string& path) {
  return ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
}

}  // namespace

FileSink::FileSink(std::string path, std::string from) : path_(std::move(path)), from_(std::move(from)) {
  const int fd = open_for_append(path_);
  if (fd < 0) throw std::runtime_error("cannot open mail file " + path_ + " for appending: " + std::strerror(errno));
  ::close(fd);
}

tl::expected<void, std::string> FileSink::send(const OutgoingMail& mail) {
  try {
    validate(mail);
  } catch (const std::invalid_argument& e) {
    return tl::unexpected(std::string(e.what()));
  }
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  const std::string entry =
      mbox_separator(from_, now) + as_mbox_entry(render_message(mail, from_, now, new_message_id(from_)));
  std::lock_guard lock(mutex_);
  const int fd = open_for_append(path_);
  if (fd < 0) return tl::unexpected("cannot open mail file " + path_ + ": " + std::strerror(errno));
  // One write() for the whole entry, so that two processes appending to the file do not interleave lines.
  const ssize_t written = ::write(fd, entry.data(), entry.size());
  const int write_error = errno;
  ::close(fd);
  if (written != static_cast<ssize_t>(entry.size()))
    return tl::unexpected("cannot write mail file " + path_ + ": " +
                          (written < 0 ? std::strerror(write_error) : "short write (disk full?)"));
  return {};
}

tl::expected<void, std::string> ConsoleSink::send(const OutgoingMail& mail) {
  try {
    validate(mail);
  } catch (const std::invalid_argument& e) {
    return tl::unexpected(std::string(e.what()));
  }
  std::lock_guard lock(mutex_);
  out_ << "----- mail from " << from_ << " to " << mail.to << " -----\n"
       << "Subject: " << mail.subject << "\n\n"
       << mail.body_text << (mail.body_text.ends_with('\n') ? "" : "\n") << "----- end of mail -----\n";
  out_.flush();
  if (!out_) return tl::unexpected(std::string("cannot write mail to the console"));
  return {};
}

}  // namespace att::mail
