// A real server on a fresh database holding one account for each kind of person the HTTP tests
// act as, and signing in as one of them through the real forms.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>

#include "auth/roles.hpp"
#include "browser.hpp"
#include "store/database.hpp"
#include "test_support.hpp"

namespace att::testing {

// Every account's password.
extern const std::string password;

struct Person {
  std::string email;
  std::set<auth::Role> roles;
  std::optional<std::string> state;
  bool second_factor = false;
};

// The accounts, by kind of person. The kinds are also the columns of data/access_matrix.csv.
extern const std::map<std::string, Person> people;

// `att serve` on a fresh SQLite database holding the accounts of `people`, its mail written to
// a file. A TOTP code is accepted once per 30-second step, so a test signs in each account
// with a second factor at most once.
class ServerWithAccounts : public ::testing::Test {
 protected:
  void SetUp() override;
  // What a suite adds to the database before the server starts; the accounts are there.
  virtual void prepare(store::Database& /*db*/) {}
  // Options a suite adds to `att serve`.
  [[nodiscard]] virtual std::vector<std::string> serve_options() const { return {}; }

  // Signs in through the forms, with the TOTP code when the account has a second factor.
  Browser signed_in(const std::string& kind);
  // The code the account's authenticator shows now.
  [[nodiscard]] std::string totp_code_now(const std::string& kind) const;
  [[nodiscard]] std::string mailbox() const;
  // Waits for the mail worker to write a message containing `needle` to the mailbox file.
  std::string wait_for_mail(const std::string& needle);
  // The actions recorded in the audit log, as `att audit export` gives them.
  [[nodiscard]] std::set<std::string> audited_actions() const;

  TempDir dir_;
  std::string db_path_;
  std::filesystem::path mailbox_;
  std::map<std::string, std::int64_t> account_ids_;
  std::map<std::string, std::string> secrets_;  // TOTP secrets of the accounts that have one
  std::unique_ptr<ServerProcess> server_;
};

}  // namespace att::testing
