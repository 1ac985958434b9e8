#include <cstdio>
#include <memory>

#include "cli/commands.hpp"
#include "cli/messages.hpp"
#include "cli/options.hpp"
#include "cli/text_table.hpp"
#include "core/participation.hpp"
#include "io/csv_writer.hpp"
#include "io/states_json.hpp"
#include "store/states_store.hpp"

namespace att::cli {

namespace {

struct StatesOptions {
  CommonOptions common;
  std::string as_of;
  std::string format = "table";
  std::string region;
  std::string status;
};

std::string date_text(const std::optional<Date>& date) { return date ? date->iso() : ""; }

std::vector<std::string> columns(const StateOnDate& row) {
  const auto& s = *row.state;
  return {s.iso3,
          s.name_en,
          std::string(to_string(row.status.participation)),
          row.status.in_force ? "yes" : "no",
          date_text(s.signature_date),
          s.deposit_date_unknown() ? "unknown" : date_text(s.deposit_date),
          date_text(s.entry_into_force()),
          s.region,
          s.verified ? "yes" : "no"};
}

const std::vector<std::string> headings = {"iso3",         "name",     "status", "in_force", "signature_date",
                                           "deposit_date", "eif_date", "region", "verified"};

void print_table(const std::vector<StateOnDate>& rows, Date as_of) {
  std::vector<std::vector<std::string>> cells;
  for (const auto& row : rows) cells.push_back(columns(row));
  print_text_table(headings, cells);
  const auto summary = summarise(rows);
  std::printf("\n%s\n", message("cli.states_summary", {{"count", std::to_string(rows.size())},
                                                     {"date", as_of.iso()},
                                                     {"parties", std::to_string(summary.all.party)},
                                                     {"bound", std::to_string(summary.all.in_force)},
                                                     {"signatories", std::to_string(summary.all.signatory)},
                                                     {"none", std::to_string(summary.all.none)}})
                            .c_str());
}

void run(const StatesOptions& options) {
  const auto as_of = date_option("--as-of", options.as_of);
  ParticipationFilter filter;
  if (!options.region.empty()) filter.region = options.region;
  if (!options.status.empty()) {
    filter.participation = participation_from_string(options.status);
    if (!filter.participation)
      throw UsageError(message("cli.option_one_of", {{"option", "--status"}, {"values", "party, signatory, none"}}));
  }
  auto db = open_initialised(options.common);
  const auto states_register = store::load_register(*db);
  const auto rows = states_on(states_register, as_of, filter);
  if (options.format == "json") {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& row : rows) list.push_back(io::state_json(row));
    std::printf("%s\n", list.dump(2).c_str());
  } else if (options.format == "csv") {
    std::string out = io::csv_line(headings, io::CsvFor::people);
    for (const auto& row : rows) out += io::csv_line(columns(row), io::CsvFor::people);
    std::fwrite(out.data(), 1, out.size(), stdout);
  } else {
    print_table(rows, as_of);
  }
}

}  // namespace

void add_states_command(CLI::App& root) {
  auto options = std::make_shared<StatesOptions>();
  auto* command = root.add_subcommand("states", "List the States and their treaty status on a date");
  add_db_option(*command, options->common);
  add_as_of_option(*command, options->as_of);
  add_table_format_option(*command, options->format);
  command->add_option("--region", options->region, "Only this UN M49 region (Africa, Americas, Asia, Europe, Oceania)");
  command->add_option("--status", options->status, "Only party, signatory or none");
  command->callback([options] { run(*options); });
}

}  // namespace att::cli
