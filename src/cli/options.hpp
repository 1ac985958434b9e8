// Options several `att` subcommands share, and the steps they share.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "auth/audit_log.hpp"
#include "core/compliance/obligations.hpp"
#include "core/states_register.hpp"
#include "store/database.hpp"

namespace att::cli {

struct CommonOptions {
  std::string db;
  std::string data_dir = ATT_DEFAULT_DATA_DIR;
  std::string web_dir = ATT_DEFAULT_WEB_DIR;
};

// Thrown for a problem the user can fix; main prints its message as one line.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

void add_db_option(CLI::App& command, CommonOptions& options);
void add_data_dir_option(CLI::App& command, CommonOptions& options);
// --as-of YYYY-MM-DD (read with date_option, cli/text_table.hpp) and --format table|csv|json.
void add_as_of_option(CLI::App& command, std::string& as_of);
void add_table_format_option(CLI::App& command, std::string& format);
// Reporting status rules: --grace-days N and --first-annual-year full|eif, the same for
// `att serve` and `att status` so that both count alike.
void add_obligation_rules_options(CLI::App& command, compliance::ObligationRules& rules);

// Opens the database and checks that `att init` has run on it.
std::unique_ptr<store::Database> open_initialised(const CommonOptions& options);
StatesRegister load_register_file(const std::filesystem::path& data_dir);

// An audit entry for something done with `att`: whoever runs it holds the database, so the actor is "cli".
auth::AuditEntry cli_audit(std::string action, std::string target, std::string detail);

}  // namespace att::cli
