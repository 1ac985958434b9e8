// Moves due mail from the outbox to a sink: one pass on demand (deliver_due), or a background
// thread that does a pass every few seconds for the server (MailWorker).
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <stop_token>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "mail/mail_sink.hpp"
#include "store/database.hpp"
#include "core/timestamp.hpp"

namespace att::mail {

struct DeliveryReport {
  std::size_t sent = 0;
  std::size_t failed = 0;
  std::vector<std::string> failures;  // one log line per failed attempt, without the recipient's address
};

// After this many failures in a row the pass stops: the server is most likely down, and waiting for
// a connect timeout on every remaining mail would only delay shutdown and the next pass.
inline constexpr std::size_t consecutive_failures_ending_a_pass = 3;

// How long a claimed mail stays out of other workers' reach while it is being sent: well above the
// SMTP timeouts, so only a sender that died mid-send lets it come due again.
inline constexpr std::chrono::seconds claim_lease{600};

// Sends up to batch due mails, each claimed first so that concurrent workers never send one twice,
// then marked sent or failed (with back-off). Delivery is at least once: if marking fails after the
// server accepted the mail, it is sent again when the claim lapses. Stops between mails when stop is
// requested. Database errors propagate; sink errors and exceptions count as failed attempts.
DeliveryReport deliver_due(store::Database& db, MailSink& sink, Timestamp now, std::size_t batch = 50,
                           std::stop_token stop = {});

struct MailWorkerOptions {
  std::chrono::milliseconds interval{std::chrono::seconds{10}};
  std::size_t batch = 50;
  // Receives one line per failure; standard error when empty.
  std::function<void(const std::string&)> log;
};

// A thread that delivers due mail every interval, on its own database connection (opened through
// the factory, reopened after an error, since connections are not shared between threads). It never
// throws out of the thread; it logs. Destruction stops it promptly: at once while it waits, or after
// the mail being sent (bounded by the sink's timeouts).
class MailWorker {
 public:
  using DatabaseFactory = std::function<std::unique_ptr<store::Database>()>;

  MailWorker(DatabaseFactory open_database, std::unique_ptr<MailSink> sink, MailWorkerOptions options = {});
  ~MailWorker();
  MailWorker(const MailWorker&) = delete;
  MailWorker& operator=(const MailWorker&) = delete;

  // Starts a pass now rather than at the next tick: call it after committing a transaction that queued mail.
  void wake();
  [[nodiscard]] const MailSink& sink() const { return *sink_; }

 private:
  void run(const std::stop_token& stop);
  void log(const std::string& line) const;

  DatabaseFactory open_database_;
  std::unique_ptr<MailSink> sink_;
  MailWorkerOptions options_;
  std::mutex mutex_;
  std::condition_variable_any wakeup_;
  bool woken_ = false;
  std::jthread thread_;  // last: it starts running once everything it uses exists
};

}  // namespace att::mail
