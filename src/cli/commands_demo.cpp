#include <cstdio>
#include <map>
#include <memory>

#include "auth/audit_log.hpp"
#include "cli/commands.hpp"
#include "cli/messages.hpp"
#include "cli/options.hpp"
#include "core/date.hpp"
#include "demo/transfer_generator.hpp"
#include "io/csv_writer.hpp"
#include "io/templates_file.hpp"
#include "reporting/csv_import.hpp"
#include "reporting/reports_store.hpp"
#include "store/states_store.hpp"
#include "core/timestamp.hpp"

namespace att::cli {

namespace {

struct DemoOptions {
  CommonOptions common;
  std::size_t lines = 10000;
  std::uint64_t seed = 2026;
  bool only_if_empty = false;
};

// Fills the database with generated reports, every one marked as demonstration data, so that
// a new installation has something to show. Deterministic: the same seed gives the same data.
void load_demo(const DemoOptions& options) {
  auto db = open_initialised(options.common);
  if (options.only_if_empty && db->query("SELECT COUNT(*) FROM reports").at(0).integer(0) > 0) {
    std::printf("%s\n", message("cli.demo_skipped").c_str());
    return;
  }
  const auto states_register = store::load_register(*db);
  auto templates = io::load_templates(std::filesystem::path(options.common.data_dir) / "templates");
  if (!templates) throw UsageError(templates.error());
  const int last_year = today_utc().year() - 1;
  const demo::TransferGenerator generator(states_register, {options.seed, 2015, last_year, options.lines});
  std::string csv = io::csv_line(demo::TransferGenerator::header(), io::CsvFor::machines);
  generator.for_each_line([&csv](const std::vector<std::string>& fields) { csv += io::csv_line(fields, io::CsvFor::machines); });
  auto batch = reporting::read_canonical_csv(csv, states_register, *templates,
                                             {reports::Visibility::public_report, today_utc(), 20});
  if (batch.has_errors())
    throw std::runtime_error("generated demo data does not validate: " + batch.problems.front().code + " on line " +
                             std::to_string(batch.problems.front().line));

  std::map<std::string, const demo::GeneratedReport*> plan;
  for (const auto& report : generator.reports()) plan[report.reporting_state + "/" + std::to_string(report.year)] = &report;
  const auto now = Timestamp::now();
  std::size_t restricted = 0, lines = 0;
  store::Transaction transaction(*db);
  for (auto& report : batch.reports) {
    const auto* planned = plan.at(report.reporting_state + "/" + std::to_string(report.year));
    report.visibility = planned->restricted ? reports::Visibility::restricted : reports::Visibility::public_report;
    report.nil_exports = planned->nil_exports;
    report.nil_imports = planned->nil_imports;
    report.comments = "DEMO: generated demonstration data, not a real report.";
    const auto received = Date::from_ymd(report.year + 1, 5, 31).plus_days(planned->days_late);
    reporting::submit(*db, {report, reporting::Channel::import, received, true, std::nullopt}, now);
    restricted += planned->restricted;
    lines += report.lines.size();
  }
  auth::append_audit(*db, {std::nullopt, "cli", "demo_data_loaded", {}, std::to_string(batch.reports.size()) + " reports", "local"},
                     now);
  transaction.commit();
  std::printf("%s\n", message("cli.demo_loaded", {{"reports", std::to_string(batch.reports.size())},
                                               {"restricted", std::to_string(restricted)},
                                               {"lines", std::to_string(lines)}})
                          .c_str());
}

}  // namespace

void add_demo_command(CLI::App& root) {
  auto options = std::make_shared<DemoOptions>();
  auto* command = root.add_subcommand("demo", "Add generated demonstration reports (marked as demo)");
  add_db_option(*command, options->common);
  add_data_dir_option(*command, options->common);
  command->add_option("--lines", options->lines, "About how many report lines")->capture_default_str();
  command->add_option("--seed", options->seed, "Seed of the generator (same seed, same data)")->capture_default_str();
  command->add_flag("--if-empty", options->only_if_empty, "Do nothing when the database already holds reports");
  command->callback([options] { load_demo(*options); });
}

}  // namespace att::cli
