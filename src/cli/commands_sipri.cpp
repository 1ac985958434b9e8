// att import-sipri: the SIPRI trade register as a reference dataset (all or nothing).
#include <cstdio>
#include <filesystem>
#include <memory>
#include <vector>

#include <CLI/CLI.hpp>

#include "auth/audit_log.hpp"
#include "cli/messages.hpp"
#include "cli/options.hpp"
#include "core/date.hpp"
#include "io/file.hpp"
#include "reporting/sipri_import.hpp"
#include "store/states_store.hpp"
#include "core/timestamp.hpp"

namespace att::cli {

namespace {

struct SipriOptions {
  CommonOptions common;
  std::string file;
  std::string name;
};

constexpr std::size_t names_listed = 10;

// "76.9 %", the number written the reader's way.
std::string percent(std::size_t part, std::size_t whole) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.1f",
                whole ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0);
  return message("cli.sipri_percent", {{"percent", number(buffer)}});
}

std::string listing(const std::vector<reporting::NameCount>& names) {
  std::string text;
  for (std::size_t i = 0; i < names.size() && i < names_listed; ++i)
    text += (i ? ", " : "") + names[i].name + " (" + std::to_string(names[i].count) + ")";
  if (names.size() > names_listed)
    text += message("cli.sipri_and_more", {{"count", std::to_string(names.size() - names_listed)}});
  return text;
}

// A problem in one of the two files stops the import before anything is written.
[[noreturn]] void refuse(const std::string& file, const Problem& problem) {
  print_problem(file, problem);
  throw UsageError(message("cli.sipri_refused", {{"file", file}}));
}

void print_summary(const reporting::SipriImportResult& result, const std::string& file, const std::string& name,
                   const std::filesystem::path& rules_path) {
  std::printf("%s\n", message("cli.sipri_imported",
                              {{"file", file},
                               {"id", std::to_string(result.dataset_id)},
                               {"name", name},
                               {"generated", result.generated.empty() ? message("cli.sipri_generated_unknown")
                                                                      : result.generated},
                               {"records", std::to_string(result.records)}})
                          .c_str());
  std::printf("%s\n", message("cli.sipri_with_category", {{"count", std::to_string(result.with_category)},
                                                           {"percent", percent(result.with_category, result.records)}})
                          .c_str());
  std::printf("%s\n",
              message("cli.sipri_resolved",
                      {{"recipients", std::to_string(result.recipients_resolved)},
                       {"recipients_percent", percent(result.recipients_resolved, result.records)},
                       {"suppliers", std::to_string(result.suppliers_resolved)},
                       {"suppliers_percent", percent(result.suppliers_resolved, result.records)}})
                  .c_str());
  if (!result.unresolved_names.empty())
    std::printf("%s\n", message("cli.sipri_unresolved", {{"names", listing(result.unresolved_names)}}).c_str());
  if (!result.uncategorised_descriptions.empty())
    std::printf("%s\n",
                message("cli.sipri_uncategorised", {{"names", listing(result.uncategorised_descriptions)}}).c_str());
  if (!result.unmatched_descriptions.empty())
    std::printf("%s\n", message("cli.sipri_unmatched", {{"file", rules_path.string()},
                                                        {"names", listing(result.unmatched_descriptions)}})
                            .c_str());
}

void import_sipri(const SipriOptions& options) {
  const auto bytes = io::read_file(options.file);
  if (!bytes) refuse(options.file, {Severity::error, std::string(problem_codes::file_unreadable), "", 0, "",
                                    {{"detail", bytes.error()}}});
  const auto rules_path = std::filesystem::path(options.common.data_dir) / "sipri-weapon-categories.csv";
  std::vector<reporting::CategoryRule> rules;
  try {
    rules = reporting::load_category_rules(rules_path);
  } catch (const reporting::SipriImportError& error) {
    refuse(rules_path.string(), error.problem());
  }
  auto db = open_initialised(options.common);
  const auto states_register = store::load_register(*db);
  const auto name = options.name.empty() ? std::filesystem::path(options.file).filename().string() : options.name;
  reporting::SipriTradeRegister trade_register;
  try {
    trade_register = reporting::read_sipri_trade_register(*bytes, states_register, rules);
  } catch (const reporting::SipriImportError& error) {
    refuse(options.file, error.problem());
  }
  const auto now = Timestamp::now();
  store::Transaction transaction(*db);
  const auto result = reporting::store_sipri_trade_register(*db, trade_register, name, now);
  auth::append_audit(
      *db,
      {std::nullopt, "cli", "reference_dataset_imported", "reference_dataset:" + std::to_string(result.dataset_id),
       name + ": " + std::to_string(result.records) + " SIPRI records", "local"},
      now);
  transaction.commit();
  print_summary(result, options.file, name, rules_path);
}

}  // namespace

void add_sipri_command(CLI::App& root) {
  auto options = std::make_shared<SipriOptions>();
  auto* command = root.add_subcommand(
      "import-sipri",
      "Import the SIPRI trade register (CSV export, ISO-8859-1) as a reference dataset (all or nothing)");
  add_db_option(*command, options->common);
  command->add_option("--data-dir", options->common.data_dir, "Folder holding sipri-weapon-categories.csv")
      ->capture_default_str();
  command->add_option("file", options->file, "The trade register as exported by sipri.org")->required();
  command->add_option("--name", options->name, "Name of the dataset (default: the file's name)");
  command->callback([options] { import_sipri(*options); });
}

}  // namespace att::cli
