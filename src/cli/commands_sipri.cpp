// att import-sipri: the SIPRI trade register as a reference dataset (all or nothing).
#include <cstdio>
#include <filesystem>
#include <memory>
#include <vector>

#include <CLI/CLI.hpp>

#include "auth/audit_log.hpp"
#include "cli/options.hpp"
#include "core/date.hpp"
#include "io/file.hpp"
#include "reporting/sipri_import.hpp"
#include "store/states_store.hpp"

namespace att::cli {

namespace {

struct SipriOptions {
  CommonOptions common;
  std::string file;
  std::string name;
};

constexpr std::size_t names_listed = 10;

std::string percent(std::size_t part, std::size_t whole) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.1f %%",
                whole ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0);
  return buffer;
}

std::string listing(const std::vector<reporting::NameCount>& names) {
  std::string text;
  for (std::size_t i = 0; i < names.size() && i < names_listed; ++i)
    text += (i ? ", " : "") + names[i].name + " (" + std::to_string(names[i].count) + ")";
  if (names.size() > names_listed) text += ", and " + std::to_string(names.size() - names_listed) + " more";
  return text;
}

void import_sipri(const SipriOptions& options) {
  const auto bytes = io::read_file(options.file);
  if (!bytes) throw UsageError(bytes.error());
  const auto rules_path = std::filesystem::path(options.common.data_dir) / "sipri-weapon-categories.csv";
  std::vector<reporting::CategoryRule> rules;
  try {
    rules = reporting::load_category_rules(rules_path);
  } catch (const reporting::SipriImportError& error) {
    throw UsageError(std::string("weapon categories: ") + error.what());
  }
  auto db = open_initialised(options.common);
  const auto states_register = store::load_register(*db);
  const auto name = options.name.empty() ? std::filesystem::path(options.file).filename().string() : options.name;
  reporting::SipriTradeRegister trade_register;
  try {
    trade_register = reporting::read_sipri_trade_register(*bytes, states_register, rules);
  } catch (const reporting::SipriImportError& error) {
    throw UsageError(options.file + ": " + error.what() + ": nothing was imported");
  }
  const auto now = utc_timestamp_now();
  store::Transaction transaction(*db);
  const auto result = reporting::store_sipri_trade_register(*db, trade_register, name, now);
  auth::append_audit(
      *db,
      {std::nullopt, "cli", "reference_dataset_imported", "reference_dataset:" + std::to_string(result.dataset_id),
       name + ": " + std::to_string(result.records) + " SIPRI records", "local"},
      now);
  transaction.commit();

  std::printf("Imported %s as reference dataset %lld \"%s\" (data generated %s): %zu records.\n", options.file.c_str(),
              static_cast<long long>(result.dataset_id), name.c_str(),
              result.generated.empty() ? "on an unknown date" : result.generated.c_str(), result.records);
  std::printf("  with a treaty category: %zu (%s)\n", result.with_category,
              percent(result.with_category, result.records).c_str());
  std::printf("  recipient resolved to a State: %zu (%s); supplier: %zu (%s)\n", result.recipients_resolved,
              percent(result.recipients_resolved, result.records).c_str(), result.suppliers_resolved,
              percent(result.suppliers_resolved, result.records).c_str());
  if (!result.unresolved_names.empty())
    std::printf("  kept by name, no State: %s\n", listing(result.unresolved_names).c_str());
  if (!result.uncategorised_descriptions.empty())
    std::printf("  no treaty category: %s\n", listing(result.uncategorised_descriptions).c_str());
  if (!result.unmatched_descriptions.empty())
    std::printf("  descriptions no rule of %s matches: %s\n", rules_path.string().c_str(),
                listing(result.unmatched_descriptions).c_str());
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
