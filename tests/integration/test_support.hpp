// What the integration tests share: throwaway databases of both kinds, the project's States
// register, temporary folders, running the att binary, and a real server on a free port.
#pragma once

#include <gtest/gtest.h>
#include <sys/types.h>

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "../unit/test_data.hpp"
#include "auth/viewer.hpp"
#include "core/reports/annual_report.hpp"
#include "core/reports/report_template.hpp"
#include "core/states_register.hpp"
#include "store/database.hpp"

namespace att::testing {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// "sqlite" always; "postgres" when ATT_TEST_POSTGRES_URL names a server (the test command
// starts one). Under CI a missing PostgreSQL is a failure, not a skip.
std::vector<std::string> database_kinds();
// The --db value for a fresh, empty database of that kind, or "" if it is not available here.
std::string fresh_database_location(const std::string& kind, const TempDir& dir);
std::string postgres_unavailable_reason();

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};
// Runs the att binary with these arguments (no shell involved).
CommandResult run_att(const std::vector<std::string>& args, const std::string& stdin_text = "");

// The bytes of a file, or "" if it cannot be read.
std::string file_content(const std::filesystem::path& path);

// The report templates in the project's data folder, read once (its States register is
// project_register(), shared with the unit tests).
const reports::TemplateLibrary& project_templates();

// Migrates `db` and saves the project's States register into it.
void migrate_with_register(store::Database& db);

int free_port();

// `att serve` in a child process; stopped with SIGTERM when the object goes.
class ServerProcess {
 public:
  explicit ServerProcess(const std::string& db_location, const std::vector<std::string>& extra_args = {});
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;
  [[nodiscard]] int port() const { return port_; }
  // SIGTERM, then the exit status (0 on a graceful stop).
  int stop();
  [[nodiscard]] std::string output() const;

 private:
  int port_ = 0;
  pid_t pid_ = -1;
  TempDir dir_;
};

// A test run once on SQLite and once on PostgreSQL (INSTANTIATE_TEST_SUITE_P with
// database_kinds()), each time on a fresh, empty database: `db_` is open, not migrated.
// Without PostgreSQL the second run is skipped, or fails under CI. Derived fixtures call
// OnBothDatabases::SetUp() first and stop if IsSkipped() || HasFailure().
class OnBothDatabases : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override;

  TempDir dir_;
  std::string location_;
  std::unique_ptr<store::Database> db_;
};

// OnBothDatabases with the database migrated and holding the project's States register.
class OnBothDatabasesWithRegister : public OnBothDatabases {
 protected:
  void SetUp() override;

  // A signed-in account with these roles (and State), as the rules see it on 27 November 2026.
  auth::Viewer viewer(std::set<auth::Role> roles, std::optional<std::string> state = {}) const;
  // One of each kind of person the exchange's audiences tell apart, by name: the anonymous, an
  // observer, representatives of a party (Italy) and of a signatory (the United States), a chair,
  // the Secretariat and an administrator.
  [[nodiscard]] std::map<std::string, auth::Viewer> exchange_viewers() const;

  const StatesRegister& register_ = project_register();
};

// An annual report of one battle tank exported to and one imported from Belgium.
reports::AnnualReport one_line_each_way(const std::string& state, int year, reports::Visibility visibility);

}  // namespace att::testing
