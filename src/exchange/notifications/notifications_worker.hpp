// The notifications step on a timer, for `att serve`: a thread that runs send_notifications every
// interval on its own database connection (reopened after an error) and logs what failed.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <stop_token>
#include <string>
#include <thread>

#include "exchange/notifications/mailing.hpp"

namespace att::notifications {

class NotificationsWorker {
 public:
  using DatabaseFactory = std::function<std::unique_ptr<store::Database>()>;

  // `catalog` and `states_register` must outlive the worker.
  NotificationsWorker(DatabaseFactory open_database, const text::Catalog& catalog,
                      std::shared_ptr<const StatesRegister> states_register, MailingSettings settings,
                      std::chrono::milliseconds interval);
  ~NotificationsWorker();
  NotificationsWorker(const NotificationsWorker&) = delete;
  NotificationsWorker& operator=(const NotificationsWorker&) = delete;

 private:
  void run(const std::stop_token& stop);

  DatabaseFactory open_database_;
  const text::Catalog& catalog_;
  std::shared_ptr<const StatesRegister> states_register_;
  MailingSettings settings_;
  std::chrono::milliseconds interval_;
  std::mutex mutex_;
  std::condition_variable_any wakeup_;
  std::jthread thread_;  // last: it starts running once everything it uses exists
};

}  // namespace att::notifications
