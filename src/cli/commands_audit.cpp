#include <cstdio>
#include <memory>

#include <nlohmann/json.hpp>

#include "auth/audit_log.hpp"
#include "cli/commands.hpp"
#include "cli/messages.hpp"
#include "cli/options.hpp"
#include "io/csv_writer.hpp"

namespace att::cli {

namespace {

struct AuditOptions {
  CommonOptions common;
  std::string format = "csv";
  bool raw_csv = false;
};

// Exit status 1 when the chain is broken, so that a scheduled check can raise an alarm.
class ChainBroken : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

void verify(const AuditOptions& options) {
  auto db = open_initialised(options.common);
  const auto result = auth::verify_audit(*db);
  if (!result.intact)
    throw ChainBroken(message("cli.audit_broken", {{"entry", std::to_string(*result.first_bad_seq)}, {"problem", result.problem}}));
  std::printf("%s\n", message("cli.audit_intact", {{"entries", std::to_string(result.entries)}}).c_str());
}

void export_log(const AuditOptions& options) {
  auto db = open_initialised(options.common);
  const auto records = auth::read_all_audit(*db);
  if (options.format == "json") {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& r : records)
      list.push_back({{"seq", r.seq}, {"at", r.at},
                      {"actor_user_id", r.entry.actor_user_id ? nlohmann::json(*r.entry.actor_user_id) : nullptr},
                      {"actor", r.entry.actor}, {"action", r.entry.action}, {"target", r.entry.target},
                      {"detail", r.entry.detail}, {"ip", r.entry.ip}, {"prev_hash", r.prev_hash}, {"hash", r.hash}});
    std::printf("%s\n", list.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    return;
  }
  const auto out = auth::audit_csv(records, options.raw_csv ? io::CsvFor::machines : io::CsvFor::people);
  std::fwrite(out.data(), 1, out.size(), stdout);
}

}  // namespace

void add_audit_command(CLI::App& root) {
  auto options = std::make_shared<AuditOptions>();
  auto* audit = root.add_subcommand("audit", "Check or export the audit log");
  audit->require_subcommand(1);
  auto* check = audit->add_subcommand("verify", "Check that no entry was changed, removed or reordered");
  add_db_option(*check, options->common);
  check->callback([options] { verify(*options); });
  auto* dump = audit->add_subcommand("export", "Write the whole audit log to standard output");
  add_db_option(*dump, options->common);
  dump->add_option("--format", options->format, "csv or json")
      ->check(CLI::IsMember({"csv", "json"}))
      ->capture_default_str();
  dump->add_flag("--raw-csv", options->raw_csv,
                 "CSV for programs: fields exactly as recorded (by default a field that a spreadsheet would take"
                 " for a formula starts with an apostrophe)");
  dump->callback([options] { export_log(*options); });
}

}  // namespace att::cli
