#include "exchange/notifications/notifications_worker.hpp"

#include <cstdio>

#include "mail/outbox.hpp"

namespace att::notifications {

NotificationsWorker::NotificationsWorker(DatabaseFactory open_database, const text::Catalog& catalog,
                                         std::shared_ptr<const StatesRegister> states_register,
                                         MailingSettings settings, std::chrono::milliseconds interval)
    : open_database_(std::move(open_database)),
      catalog_(catalog),
      states_register_(std::move(states_register)),
      settings_(std::move(settings)),
      interval_(interval),
      thread_([this](const std::stop_token& stop) { run(stop); }) {}

NotificationsWorker::~NotificationsWorker() {
  thread_.request_stop();
  if (thread_.joinable()) thread_.join();
}

void NotificationsWorker::run(const std::stop_token& stop) {
  std::unique_ptr<store::Database> db;
  while (!stop.stop_requested()) {
    try {
      if (!db) db = open_database_();
      if (!db) throw store::DatabaseError("the database factory returned no connection");
      send_notifications(*db, catalog_, *states_register_, settings_, Timestamp::now());
    } catch (const std::exception& e) {
      std::fprintf(stderr, "att: notifications pass failed: %s\n", mail::error_line(e.what()).c_str());
      db.reset();  // the connection may be what broke
    } catch (...) {
      std::fprintf(stderr, "att: notifications pass failed\n");
      db.reset();
    }
    std::unique_lock lock(mutex_);
    wakeup_.wait_for(lock, stop, interval_, [] { return false; });
  }
}

}  // namespace att::notifications
