#include <cstdio>
#include <memory>
#include <thread>

#include "cli/commands.hpp"
#include "cli/messages.hpp"
#include "cli/options.hpp"
#include "exchange/notifications/notifications_worker.hpp"
#include "io/pdf_printer.hpp"
#include "io/templates_file.hpp"
#include "mail/delivery.hpp"
#include "store/open_database.hpp"
#include "store/states_store.hpp"
#include "web/http/server.hpp"

namespace att::cli {

namespace {

struct ServeOptions {
  CommonOptions common;
  web::ServerOptions server;
  web::AuthSettings auth;
  std::string public_url;
  std::string mail = "console";
  std::string mail_from = "no-reply@localhost";
  int mail_poll_ms = 5000;
  int notifications_poll_ms = 60000;
  int reminder_days = notifications::MailingSettings{}.reminder_days;
  std::string chromium = io::PdfSettings{}.chromium;
  compliance::ObligationRules obligation_rules;
  int query_time_ms = 2000;
  std::size_t query_groups = transfers::QueryBudget{}.groups;
};

void run(ServeOptions& options) {
  auto db = open_initialised(options.common);
  auto states = std::make_shared<const StatesRegister>(store::load_register(*db));
  if (states->states().empty())
    throw UsageError(message("cli.no_states", {{"db", options.common.db}}));
  // Check the mail settings before serving: a typo should stop start-up, not lose mail later.
  auto sink = mail::make_sink(options.mail, options.mail_from);
  const auto location = options.common.db;
  const auto open = [location] { return store::open_database(location); };
  mail::MailWorker mail_worker(open, std::move(sink),
                               {std::chrono::milliseconds(options.mail_poll_ms), 50, {}});

  const unsigned threads = options.server.threads > 0 ? options.server.threads
                                                      : std::max(1u, std::thread::hardware_concurrency());
  // Handlers may briefly hold two connections (a page rendered after a write): room for both per thread.
  auto pool = std::make_shared<store::ConnectionPool>(open, threads * 2 + 2);
  options.auth.public_url = options.public_url.empty()
                                ? "http://localhost:" + std::to_string(options.server.port)
                                : options.public_url;
  while (!options.auth.public_url.empty() && options.auth.public_url.back() == '/') options.auth.public_url.pop_back();
  options.auth.secure_cookies = options.auth.public_url.rfind("https://", 0) == 0;
  // Immediate mails, daily digests and deadline reminders, the step `att notifications send` runs.
  const auto catalog = text::Catalog::load(std::filesystem::path(options.common.web_dir) / "i18n");
  notifications::MailingSettings mailing;
  mailing.public_url = options.auth.public_url;
  mailing.reminder_days = options.reminder_days;
  notifications::NotificationsWorker notifications_worker(open, catalog, states, mailing,
                                                          std::chrono::milliseconds(options.notifications_poll_ms));
  auto templates = io::load_templates(std::filesystem::path(options.common.data_dir) / "templates");
  if (!templates) throw UsageError(templates.error());
  const web::App app(options.common.web_dir, states, pool, options.auth, {},
                     std::make_shared<const reports::TemplateLibrary>(std::move(*templates)), options.common.data_dir,
                     {options.chromium}, options.obligation_rules,
                     {std::chrono::milliseconds(options.query_time_ms), options.query_groups});
  // Said at start-up, not discovered by the first visitor who asks for a PDF.
  if (!io::PdfPrinter({options.chromium}).available())
    std::fprintf(stderr, "att: %s\n", message("cli.chromium_missing", {{"chromium", options.chromium}}).c_str());
  web::serve(app, options.server, [&] {
    // Scripts wait for the line starting "att: serving" (bench/http_load.sh).
    std::printf("att: %s\n", message("cli.serving", {{"address", options.server.bind_address},
                                                      {"port", std::to_string(options.server.port)},
                                                      {"db", db->describe()},
                                                      {"mail", mail_worker.sink().describe()}})
                                  .c_str());
    std::fflush(stdout);
  });
  std::printf("att: %s\n", message("cli.stopped").c_str());
}

}  // namespace

void add_serve_command(CLI::App& root) {
  auto options = std::make_shared<ServeOptions>();
  auto* command = root.add_subcommand("serve", "Serve the web site and the API");
  add_db_option(*command, options->common);
  command->add_option("--port", options->server.port, "TCP port")->capture_default_str()->check(CLI::Range(1, 65535));
  command->add_option("--bind", options->server.bind_address, "Address to listen on")->capture_default_str();
  command->add_option("--threads", options->server.threads, "Worker threads (0: one per core)")->capture_default_str();
  command->add_option("--access-log", options->server.access_log, "'-' for standard output, 'off', or a file")
      ->capture_default_str();
  command->add_option("--web-dir", options->common.web_dir, "Folder with templates, i18n and static files")
      ->capture_default_str();
  add_data_dir_option(*command, options->common);
  command->add_option("--public-url", options->public_url,
                      "Address people use to reach the site, for links in e-mails (https:// turns on Secure cookies)");
  command->add_option("--mail", options->mail, "Where e-mail goes: smtp://host:port, smtps://..., file:/path, console")
      ->capture_default_str();
  command->add_option("--chromium", options->chromium, "Headless Chromium for PDF export (absent: PDFs unavailable)")
      ->capture_default_str();
  command->add_option("--mail-from", options->mail_from, "Sender address of e-mails")->capture_default_str();
  command->add_option("--contact-email", options->auth.contact_email, "The Secretariat's address shown on /contact");
  command->add_option("--mail-poll-ms", options->mail_poll_ms, "How often queued e-mail is sent")
      ->capture_default_str()
      ->check(CLI::Range(50, 3600000));
  command->add_option("--notifications-poll-ms", options->notifications_poll_ms,
                      "How often due notifications (immediate, digests, reminders) are queued")
      ->capture_default_str()
      ->check(CLI::Range(50, 86400000));
  command->add_option("--reminder-days", options->reminder_days,
                      "Days before a consultation's deadline its reminders are sent")
      ->capture_default_str()
      ->check(CLI::Range(1, 60));
  add_obligation_rules_options(*command, options->obligation_rules);
  command->add_option("--query-time-ms", options->query_time_ms, "Longest time one transfers query may take")
      ->capture_default_str()
      ->check(CLI::Range(10, 600000));
  command->add_option("--query-groups", options->query_groups,
                      "Most groups one transfers summary or mirror may hold in memory")
      ->capture_default_str()
      ->check(CLI::Range(std::size_t{1}, std::size_t{100'000'000}));
  command->callback([options] { run(*options); });
}

}  // namespace att::cli
