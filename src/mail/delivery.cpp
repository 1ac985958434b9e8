// Delivery passes over the outbox, and the background worker that runs them.
#include "mail/delivery.hpp"

#include <cstdio>

#include "core/date.hpp"
#include "mail/outbox.hpp"

namespace att::mail {

DeliveryReport deliver_due(store::Database& db, MailSink& sink, Timestamp now, std::size_t batch,
                           std::stop_token stop) {
  DeliveryReport report;
  const auto lease_until = now.plus(claim_lease);
  std::size_t failures_in_a_row = 0;
  for (const auto& queued : due(db, now, batch)) {
    if (stop.stop_requested() || failures_in_a_row >= consecutive_failures_ending_a_pass) break;
    if (!claim(db, queued.id, now, lease_until)) continue;  // another worker has it
    tl::expected<void, std::string> outcome;
    try {
      outcome = sink.send(queued.mail);
    } catch (const std::exception& e) {
      // A sink that throws must not leave the mail claimed for the whole lease, nor end the pass.
      outcome = tl::unexpected(std::string("unexpected error: ") + e.what());
    }
    if (outcome) {
      mark_sent(db, queued.id, now);
      ++report.sent;
      failures_in_a_row = 0;
      continue;
    }
    const auto schedule = mark_failed(db, queued.id, outcome.error(), now);
    ++report.failed;
    ++failures_in_a_row;
    report.failures.push_back("att: mail #" + std::to_string(queued.id) + " not delivered (attempt " +
                              std::to_string(schedule.attempts) + ", next " + schedule.next_attempt_at.iso() +
                              "): " + error_line(outcome.error()));
  }
  return report;
}

MailWorker::MailWorker(DatabaseFactory open_database, std::unique_ptr<MailSink> sink, MailWorkerOptions options)
    : open_database_(std::move(open_database)),
      sink_(std::move(sink)),
      options_(std::move(options)),
      thread_([this](const std::stop_token& stop) { run(stop); }) {}

MailWorker::~MailWorker() {
  // std::jthread would do both on its own; spelled out because the order matters: the stop request
  // wakes the condition variable wait, then the join waits for the pass in progress to end.
  thread_.request_stop();
  if (thread_.joinable()) thread_.join();
}

void MailWorker::wake() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  wakeup_.notify_one();
}

void MailWorker::log(const std::string& line) const {
  try {
    if (options_.log)
      options_.log(line);
    else
      std::fprintf(stderr, "%s\n", line.c_str());
  } catch (...) {
    // Logging is best effort; it must not stop delivery.
  }
}

void MailWorker::run(const std::stop_token& stop) {
  std::unique_ptr<store::Database> db;
  while (!stop.stop_requested()) {
    bool more_due = false;
    try {
      if (!db) db = open_database_();
      if (!db) throw store::DatabaseError("the database factory returned no connection");
      const auto report = deliver_due(*db, *sink_, Timestamp::now(), options_.batch, stop);
      for (const auto& line : report.failures) log(line);
      // A full batch that went well suggests a backlog: go on without waiting for the next tick.
      more_due = report.failures.empty() && report.sent >= options_.batch;
    } catch (const std::exception& e) {
      log("att: mail delivery pass failed: " + error_line(e.what()));
      db.reset();  // the connection may be what broke; open a fresh one next pass
    } catch (...) {
      log("att: mail delivery pass failed");
      db.reset();
    }
    if (more_due) continue;
    std::unique_lock lock(mutex_);
    wakeup_.wait_for(lock, stop, options_.interval, [this] { return woken_; });
    woken_ = false;
  }
}

}  // namespace att::mail
