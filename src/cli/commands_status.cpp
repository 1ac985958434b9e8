// att status: who owes the report of a year (or the initial report), and where each State stands
// on a date, as the database owner sees it.
#include <cstdio>
#include <memory>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "cli/messages.hpp"
#include "cli/options.hpp"
#include "cli/text_table.hpp"
#include "core/compliance/status_table.hpp"
#include "io/compliance_json.hpp"
#include "io/compliance_table.hpp"
#include "reporting/compliance_facts.hpp"
#include "reporting/reports_store.hpp"
#include "store/states_store.hpp"

namespace att::cli {

namespace {

struct StatusOptions {
  CommonOptions common;
  int year = 0;
  std::string report = "annual";
  std::string as_of;
  std::string format = "table";
  compliance::ObligationRules rules;
};

void run(const StatusOptions& options) {
  const auto as_of = date_option("--as-of", options.as_of);
  std::optional<int> year;
  if (options.report == "annual") {
    if (options.year < compliance::first_reporting_year(options.rules) || options.year > 9999)
      throw UsageError(message("cli.status_year", {{"value", std::to_string(options.year)},
                                                   {"first", std::to_string(compliance::first_reporting_year(options.rules))}}));
    year = options.year;
  }
  auto db = open_initialised(options.common);
  const auto states_register = store::load_register(*db);
  const auto facts = reporting::version_facts(*db, reporting::database_owner(), year);
  const auto table = compliance::status_table(states_register, year, as_of, options.rules, facts);
  if (options.format == "json") {
    std::printf("%s\n", io::status_table_json(table, year, as_of).dump(2).c_str());
    return;
  }
  if (options.format == "csv") {
    const auto out = io::status_csv(table, io::CsvFor::people);
    std::fwrite(out.data(), 1, out.size(), stdout);
    return;
  }
  print_text_table(io::status_headings(), io::status_cells(table));
  const auto& t = table.totals;
  std::printf("\n%s\n", message("cli.status_summary", {{"date", as_of.iso()},
                                                      {"expected", std::to_string(t.expected)},
                                                      {"submitted", std::to_string(t.submitted)},
                                                      {"on_time", std::to_string(t.on_time)},
                                                      {"within_grace", std::to_string(t.within_grace)},
                                                      {"late", std::to_string(t.late)},
                                                      {"overdue", std::to_string(t.overdue)}})
                            .c_str());
}

}  // namespace

void add_status_command(CLI::App& root) {
  auto options = std::make_shared<StatusOptions>();
  auto* command = root.add_subcommand("status", "Reporting status: who owes which report, on time or late, on a date");
  add_db_option(*command, options->common);
  command->add_option("--year", options->year, "The calendar year the annual reports cover (from 2015)");
  command->add_option("--report", options->report, "annual (default) or initial")
      ->check(CLI::IsMember({"annual", "initial"}));
  add_as_of_option(*command, options->as_of);
  add_table_format_option(*command, options->format);
  add_obligation_rules_options(*command, options->rules);
  command->callback([options] { run(*options); });
}

}  // namespace att::cli
