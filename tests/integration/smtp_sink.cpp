// The tests' SMTP server: one thread, one connection at a time, every wait bounded.
#include "smtp_sink.hpp"

#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace att::testing {

namespace {

// A client silent for this long is dropped, so a confused client cannot hang the tests.
constexpr int idle_timeout_ms = 5000;

std::string upper(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::toupper(c); });
  return out;
}

// "MAIL FROM:<a@b> SIZE=12" -> "a@b"
std::string bracketed(std::string_view line) {
  const auto open = line.find('<');
  const auto close = line.find('>', open == std::string_view::npos ? 0 : open);
  if (open == std::string_view::npos || close == std::string_view::npos) return {};
  return std::string(line.substr(open + 1, close - open - 1));
}

void send_reply(int fd, std::string_view text) {
  while (!text.empty()) {
    const ssize_t n = ::send(fd, text.data(), text.size(), MSG_NOSIGNAL);
    if (n <= 0) return;
    text.remove_prefix(static_cast<std::size_t>(n));
  }
}

}  // namespace

std::string decode_base64(std::string_view text) {
  std::string out;
  std::uint32_t bits = 0;
  int count = 0;
  for (const char c : text) {
    int value = -1;
    if (c >= 'A' && c <= 'Z')
      value = c - 'A';
    else if (c >= 'a' && c <= 'z')
      value = c - 'a' + 26;
    else if (c >= '0' && c <= '9')
      value = c - '0' + 52;
    else if (c == '+')
      value = 62;
    else if (c == '/')
      value = 63;
    if (value < 0) continue;  // padding, line breaks
    bits = (bits << 6) | static_cast<std::uint32_t>(value);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out += static_cast<char>((bits >> count) & 0xff);
    }
  }
  return out;
}

SmtpTestServer::SmtpTestServer() {
  if (::pipe(stop_pipe_) != 0) throw std::runtime_error("pipe failed");
  start();
}

SmtpTestServer::~SmtpTestServer() {
  stop();
  ::close(stop_pipe_[0]);
  ::close(stop_pipe_[1]);
}

void SmtpTestServer::start() {
  if (thread_.joinable()) return;
  listener_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (listener_ < 0) throw std::runtime_error("socket failed");
  const int yes = 1;
  // Rebinding the same port right after stop() must not fail on connections in TIME_WAIT.
  ::setsockopt(listener_, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<std::uint16_t>(port_));  // 0 the first time: any free port
  if (::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || ::listen(listener_, 8) != 0) {
    const std::string reason = std::strerror(errno);
    ::close(listener_);
    listener_ = -1;
    throw std::runtime_error("SMTP test server cannot listen on port " + std::to_string(port_) + ": " + reason);
  }
  socklen_t length = sizeof address;
  ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length);
  port_ = ntohs(address.sin_port);
  thread_ = std::thread([this] { run(); });
}

void SmtpTestServer::stop() {
  if (!thread_.joinable()) return;
  const char byte = 1;
  if (::write(stop_pipe_[1], &byte, 1) != 1) throw std::runtime_error("cannot signal the SMTP test server");
  thread_.join();
  char drained = 0;
  if (::read(stop_pipe_[0], &drained, 1) != 1) throw std::runtime_error("cannot reset the SMTP test server");
  ::close(listener_);
  listener_ = -1;
}

void SmtpTestServer::refuse_at(RefuseAt stage) {
  std::lock_guard lock(mutex_);
  refuse_at_ = stage;
}

void SmtpTestServer::stall_after_data(bool stall) {
  std::lock_guard lock(mutex_);
  stall_after_data_ = stall;
}

void SmtpTestServer::delay_replies(std::chrono::milliseconds delay) {
  std::lock_guard lock(mutex_);
  reply_delay_ = delay;
}

std::vector<ReceivedMail> SmtpTestServer::messages() const {
  std::lock_guard lock(mutex_);
  return messages_;
}

bool SmtpTestServer::wait_for_messages(std::size_t count, std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mutex_);
  return arrived_.wait_for(lock, timeout, [&] { return messages_.size() >= count; });
}

void SmtpTestServer::run() {
  for (;;) {
    pollfd fds[2] = {{listener_, POLLIN, 0}, {stop_pipe_[0], POLLIN, 0}};
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      return;
    }
    if (fds[1].revents) return;
    if (fds[0].revents & POLLIN) {
      const int client = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
      if (client < 0) continue;
      serve(client);
      ::close(client);
    }
  }
}

void SmtpTestServer::serve(int client) {
  std::string buffer;
  // The next CRLF-terminated line, or false when the client leaves, idles too long or stop() is called.
  const auto next_line = [&](std::string& line) {
    for (;;) {
      if (const auto end = buffer.find("\r\n"); end != std::string::npos) {
        line = buffer.substr(0, end);
        buffer.erase(0, end + 2);
        return true;
      }
      pollfd fds[2] = {{client, POLLIN, 0}, {stop_pipe_[0], POLLIN, 0}};
      if (::poll(fds, 2, idle_timeout_ms) <= 0 || fds[1].revents) return false;
      char chunk[4096];
      const ssize_t n = ::recv(client, chunk, sizeof chunk, 0);
      if (n <= 0) return false;
      buffer.append(chunk, static_cast<std::size_t>(n));
    }
  };
  const auto reply = [&](std::string_view text) {
    std::chrono::milliseconds delay{};
    {
      std::lock_guard lock(mutex_);
      delay = reply_delay_;
    }
    std::this_thread::sleep_for(delay);
    send_reply(client, text);
  };
  const auto refusing = [&](RefuseAt stage) {
    std::lock_guard lock(mutex_);
    return refuse_at_ == stage;
  };

  reply("220 localhost ESMTP att test server\r\n");
  ReceivedMail current;
  std::string auth;
  std::string line;
  while (next_line(line)) {
    const std::string verb = upper(line.substr(0, line.find(' ')));
    const std::string command = upper(line);
    if (verb == "EHLO") {
      reply("250-localhost\r\n250-8BITMIME\r\n250-SIZE 10485760\r\n250 AUTH PLAIN\r\n");
    } else if (verb == "HELO") {
      reply("250 localhost\r\n");
    } else if (verb == "AUTH") {
      // "AUTH PLAIN <base64>", or "AUTH PLAIN" and the credentials on the next line after a 334.
      std::string credentials = line.size() > 11 ? line.substr(11) : "";
      if (credentials.empty()) {
        reply("334 \r\n");
        if (!next_line(credentials)) return;
      }
      auth = decode_base64(credentials);
      reply("235 2.7.0 Authentication successful\r\n");
    } else if (command.rfind("MAIL FROM:", 0) == 0) {
      if (refusing(RefuseAt::mail_from)) {
        reply("451 4.3.0 Mail server temporarily unavailable\r\n");
        continue;
      }
      current = ReceivedMail{bracketed(line), {}, {}, auth};
      reply("250 2.1.0 Ok\r\n");
    } else if (command.rfind("RCPT TO:", 0) == 0) {
      if (refusing(RefuseAt::rcpt_to)) {
        reply("451 4.7.1 Greylisted, try again later\r\n");
        continue;
      }
      current.recipients.push_back(bracketed(line));
      reply("250 2.1.5 Ok\r\n");
    } else if (verb == "DATA") {
      if (current.recipients.empty()) {
        reply("503 5.5.1 No valid recipients\r\n");
        continue;
      }
      reply("354 End data with <CR><LF>.<CR><LF>\r\n");
      std::string data;
      bool complete = false;
      while (next_line(line)) {
        if (line == ".") {
          complete = true;
          break;
        }
        // Dot-unstuffing (RFC 5321, 4.5.2): the client doubled every leading dot.
        data += (line.rfind('.', 0) == 0 ? line.substr(1) : line) + "\r\n";
      }
      if (!complete) return;
      bool stall = false;
      {
        std::lock_guard lock(mutex_);
        stall = stall_after_data_;
      }
      if (stall) {
        // Silence until the client gives up and hangs up (or the idle timeout, or stop()).
        while (next_line(line)) {
        }
        return;
      }
      if (refusing(RefuseAt::end_of_data)) {
        reply("451 4.3.0 Queue full, try again later\r\n");
        current = {};
        continue;
      }
      current.data = std::move(data);
      {
        std::lock_guard lock(mutex_);
        messages_.push_back(std::move(current));
      }
      arrived_.notify_all();
      current = {};
      reply("250 2.0.0 Ok: queued\r\n");
    } else if (verb == "RSET") {
      current = {};
      reply("250 2.0.0 Ok\r\n");
    } else if (verb == "NOOP") {
      reply("250 2.0.0 Ok\r\n");
    } else if (verb == "QUIT") {
      reply("221 2.0.0 Bye\r\n");
      return;
    } else {
      reply("502 5.5.2 Command not recognised\r\n");
    }
  }
}

}  // namespace att::testing
