// att notifications send: the notifications step once (immediate mails, due daily digests, due
// deadline reminders), for cron where no server runs it. Safe to run as often as wanted: what was
// sent is recorded with it, so a second run sends nothing twice.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>

#include "cli/commands.hpp"
#include "cli/messages.hpp"
#include "cli/options.hpp"
#include "exchange/notifications/mailing.hpp"
#include "store/states_store.hpp"

namespace att::cli {

namespace {

struct NotificationsOptions {
  CommonOptions common;
  std::string now;
  notifications::MailingSettings settings;
};

Timestamp now_option(const std::string& text) {
  if (text.empty()) return Timestamp::now();
  const auto parsed = Timestamp::parse(text);
  if (!parsed) throw UsageError(message("notifications.cli_bad_now", {{"value", text}}));
  return *parsed;
}

void run(NotificationsOptions& options) {
  const auto now = now_option(options.now);
  while (!options.settings.public_url.empty() && options.settings.public_url.back() == '/')
    options.settings.public_url.pop_back();
  auto db = open_initialised(options.common);
  const auto states_register = store::load_register(*db);
  const auto report = notifications::send_notifications(*db, catalog(), states_register, options.settings, now);
  std::printf("%s\n", message("notifications.cli_sent", {{"immediate", std::to_string(report.immediate)},
                                                         {"digests", std::to_string(report.digests)},
                                                         {"reminders", std::to_string(report.reminders)}})
                          .c_str());
}

}  // namespace

void add_notifications_command(CLI::App& root) {
  auto options = std::make_shared<NotificationsOptions>();
  auto* group = root.add_subcommand("notifications", "Notifications of the information exchange");
  group->require_subcommand(1);
  auto* send = group->add_subcommand("send", "Queue the due notification mails: immediate, daily digests, reminders");
  add_db_option(*send, options->common);
  send->add_option("--now", options->now, "The instant to act at, YYYY-MM-DDTHH:MM:SSZ (default: the clock)");
  send->add_option("--reminder-days", options->settings.reminder_days,
                   "Days before a consultation's deadline its reminders are sent")
      ->capture_default_str()
      ->check(CLI::Range(1, 60));
  send->add_option("--public-url", options->settings.public_url, "Address of the platform, for links in the mails")
      ->capture_default_str();
  send->callback([options] { run(*options); });
}

}  // namespace att::cli
