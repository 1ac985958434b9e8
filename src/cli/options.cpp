#include "cli/options.hpp"

#include "cli/messages.hpp"
#include "io/register_file.hpp"
#include "store/migrations.hpp"
#include "store/open_database.hpp"

namespace att::cli {

void add_db_option(CLI::App& command, CommonOptions& options) {
  command.add_option("--db", options.db, "SQLite file path, or postgresql://user@host:port/name")->required();
}

void add_as_of_option(CLI::App& command, std::string& as_of) {
  command.add_option("--as-of", as_of, "Date YYYY-MM-DD (default: today, UTC)");
}

void add_table_format_option(CLI::App& command, std::string& format) {
  command.add_option("--format", format, "table, csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}))
      ->capture_default_str();
}

void add_data_dir_option(CLI::App& command, CommonOptions& options) {
  command.add_option("--data-dir", options.data_dir, "Folder holding states.csv and state-aliases.csv")
      ->capture_default_str();
}

std::unique_ptr<store::Database> open_initialised(const CommonOptions& options) {
  auto db = store::open_database(options.db);
  const int version = store::schema_version(*db);
  const int latest = store::all_migrations().back().version;
  if (version == 0) throw UsageError(message("cli.db_not_initialised", {{"db", db->describe()}, {"option", options.db}}));
  if (version < latest)
    throw UsageError(message("cli.db_too_old", {{"db", db->describe()},
                                            {"version", std::to_string(version)},
                                            {"latest", std::to_string(latest)},
                                            {"option", options.db}}));
  if (version > latest)
    throw UsageError(message("cli.db_too_new", {{"db", db->describe()}, {"version", std::to_string(version)}}));
  return db;
}

StatesRegister load_register_file(const std::filesystem::path& data_dir) {
  auto loaded = io::load_register(data_dir);
  if (!loaded) {
    // One problem fits on the error line; several go one per line under a line that counts them.
    const auto& error = loaded.error();
    if (error.problems.size() == 1) throw UsageError(located_problem(error.file, error.problems.front()));
    std::string lines = message("cli.register_refused", {{"count", std::to_string(error.problems.size())}});
    for (const auto& problem : error.problems) lines += "\n" + located_problem(error.file, problem);
    throw UsageError(lines);
  }
  return std::move(*loaded);
}

auth::AuditEntry cli_audit(std::string action, std::string target, std::string detail) {
  return {std::nullopt, "cli", std::move(action), std::move(target), std::move(detail), "local"};
}

void add_obligation_rules_options(CLI::App& command, compliance::ObligationRules& rules) {
  command.add_option("--grace-days", rules.grace_days,
                     "Reporting status: days after a deadline a report still counts as within grace")
      ->capture_default_str()
      ->check(CLI::Range(0, 365));
  command
      .add_option_function<std::string>(
          "--first-annual-year",
          [&rules](const std::string& value) { rules.first_year_is_first_full_year = value == "full"; },
          "Reporting status: the first annual report covers the first full calendar year after entry into force "
          "(full, the default) or the year of entry into force (eif)")
      ->check(CLI::IsMember({"full", "eif"}));
}

}  // namespace att::cli
