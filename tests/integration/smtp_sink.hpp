// A small SMTP server for the tests: it listens on 127.0.0.1, speaks just enough SMTP for libcurl
// and records every message it accepts. It can refuse with 451 (an outage the server admits to) and
// be stopped and started again on the same port (an outage where nothing listens).
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace att::testing {

struct ReceivedMail {
  std::string envelope_from;            // MAIL FROM:<...>, without the brackets
  std::vector<std::string> recipients;  // RCPT TO:<...>
  std::string data;                     // the message as sent after DATA, dot-unstuffed, lines ending in CRLF
  std::string auth_plain;               // decoded AUTH PLAIN credentials ("\0user\0password"), if any
};

// Where the server answers 451 (temporary failure) instead of accepting.
enum class RefuseAt { nothing, mail_from, rcpt_to, end_of_data };

class SmtpTestServer {
 public:
  // Listens at once on a free port.
  SmtpTestServer();
  ~SmtpTestServer();
  SmtpTestServer(const SmtpTestServer&) = delete;
  SmtpTestServer& operator=(const SmtpTestServer&) = delete;

  [[nodiscard]] int port() const { return port_; }
  [[nodiscard]] std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }

  // Closes the listening socket (connections are then refused) and waits for the thread.
  void stop();
  // Listens again on the same port.
  void start();
  void refuse_at(RefuseAt stage);
  // Takes the message but never answers the final "." (a server stuck on its disk): the client's
  // timeout must end the exchange.
  void stall_after_data(bool stall);
  // Waits this long before every reply (a slow server): each reply is in time, the whole exchange is not.
  void delay_replies(std::chrono::milliseconds delay);

  [[nodiscard]] std::vector<ReceivedMail> messages() const;
  // True once at least count messages have arrived; false after the timeout.
  bool wait_for_messages(std::size_t count, std::chrono::milliseconds timeout) const;

 private:
  void run();
  void serve(int client);

  int port_ = 0;
  int listener_ = -1;
  int stop_pipe_[2] = {-1, -1};
  std::thread thread_;
  mutable std::mutex mutex_;
  mutable std::condition_variable arrived_;
  std::vector<ReceivedMail> messages_;
  RefuseAt refuse_at_ = RefuseAt::nothing;
  bool stall_after_data_ = false;
  std::chrono::milliseconds reply_delay_{0};
};

std::string decode_base64(std::string_view text);

}  // namespace att::testing
