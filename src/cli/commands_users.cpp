#include <cstdio>
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "auth/accounts_store.hpp"
#include "auth/audit_log.hpp"
#include "auth/secrets.hpp"
#include "auth/sessions_store.hpp"
#include "cli/commands.hpp"
#include "cli/messages.hpp"
#include "cli/options.hpp"
#include "core/date.hpp"
#include "mail/secretariat_notices.hpp"
#include "store/states_store.hpp"
#include "core/timestamp.hpp"

namespace att::cli {

namespace {

struct UsersOptions {
  CommonOptions common;
  std::string email;
  std::string name;
  std::string position;
  std::vector<std::string> roles;
  std::string state;
  std::string language = "en";
  bool password_stdin = false;
  std::string format = "table";
};

std::string read_password_from_stdin() {
  std::string password;
  std::getline(std::cin, password);
  if (!password.empty() && password.back() == '\r') password.pop_back();
  return password;
}

std::string password_problem(std::string_view password, std::string_view email) {
  const auto problem = auth::check_new_password(password, email);
  if (!problem) return {};
  switch (*problem) {
    case auth::PasswordProblem::too_short:
      return "the password needs at least " + std::to_string(auth::min_password_code_points) + " characters";
    case auth::PasswordProblem::too_long: return "the password is longer than 256 bytes";
    case auth::PasswordProblem::same_as_email: return "the password must not be the e-mail address";
    case auth::PasswordProblem::too_common: return "the password is among the most used ones";
  }
  return {};
}

void add_user(const UsersOptions& options) {
  const auto email = auth::normalize_email(options.email);
  if (!auth::looks_like_email(email)) throw UsageError(message("cli.not_an_email", {{"option", "--email"}, {"value", options.email}}));
  std::set<auth::Role> roles;
  for (const auto& text : options.roles) {
    const auto role = auth::role_from_string(text);
    if (!role)
      throw UsageError(message("cli.option_one_of",
                               {{"option", "--role"},
                                {"values", "observer, state-representative, reporting-officer, chair, secretariat, "
                                           "administrator"}}));
    roles.insert(*role);
  }
  if (roles.contains(auth::Role::reporting_officer)) roles.insert(auth::Role::state_representative);
  const bool state_needed = std::any_of(roles.begin(), roles.end(), auth::needs_state);
  auto db = open_initialised(options.common);
  std::optional<std::string> state;
  if (!options.state.empty()) {
    const auto states_register = store::load_register(*db);
    const auto resolved = states_register.resolve(options.state);
    if (!resolved) throw UsageError(message("cli.not_a_state", {{"option", "--state"}, {"value", options.state}}));
    state = (*resolved)->iso3;
  }
  if (state_needed && !state) throw UsageError(message("cli.role_needs_state"));
  if (!options.password_stdin) throw UsageError(message("cli.password_stdin_needed"));
  const auto password = read_password_from_stdin();
  if (const auto problem = password_problem(password, email); !problem.empty()) throw UsageError(problem);
  if (auth::find_account_by_email(*db, email)) throw UsageError(message("cli.account_exists", {{"email", email}}));
  const auto now = Timestamp::now();
  store::Transaction transaction(*db);
  const auto id = auth::create_account(
      *db, {email, options.name.empty() ? email : options.name, options.position, state, auth::hash_password(password),
            roles, options.language},
      now);
  std::string role_list;
  for (const auto role : roles) role_list += (role_list.empty() ? "" : ",") + std::string(to_string(role));
  auth::append_audit(*db, cli_audit("account_created", "user:" + std::to_string(id), role_list), now);
  // Allowed (whoever runs att holds the database anyway) but never silent.
  if (roles.contains(auth::Role::secretariat)) mail::announce_secretariat_grant(*db, catalog(), id, "att");
  transaction.commit();
  std::printf("%s\n", (state ? message("cli.account_created_for_state", {{"email", email},
                                                                    {"id", std::to_string(id)},
                                                                    {"roles", role_list},
                                                                    {"state", *state}})
                             : message("cli.account_created",
                                       {{"email", email}, {"id", std::to_string(id)}, {"roles", role_list}}))
                            .c_str());
}

void list_users(const UsersOptions& options) {
  auto db = open_initialised(options.common);
  const auto accounts = auth::list_accounts(*db);
  if (options.format == "json") {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& stored : accounts) {
      nlohmann::json roles = nlohmann::json::array();
      for (const auto role : stored.account.roles) roles.push_back(std::string(to_string(role)));
      list.push_back({{"id", stored.account.id},
                      {"email", stored.account.email},
                      {"name", stored.account.name},
                      {"state", stored.account.state_iso3 ? nlohmann::json(*stored.account.state_iso3) : nullptr},
                      {"roles", roles},
                      {"active", stored.account.active},
                      {"two_factor", stored.account.totp_enabled},
                      {"created_at", stored.created_at}});
    }
    std::printf("%s\n", list.dump(2).c_str());
    return;
  }
  std::printf("%-6s %-36s %-5s %-3s %s\n", "id", "email", "state", "2fa", "roles");
  for (const auto& stored : accounts) {
    std::string roles;
    for (const auto role : stored.account.roles) roles += (roles.empty() ? "" : ",") + std::string(to_string(role));
    std::printf("%-6lld %-36s %-5s %-3s %s\n", static_cast<long long>(stored.account.id), stored.account.email.c_str(),
                stored.account.state_iso3.value_or("-").c_str(), stored.account.totp_enabled ? "yes" : "no",
                roles.c_str());
  }
  std::printf("%s\n", message("cli.accounts_count", {{"count", std::to_string(accounts.size())}}).c_str());
}

void set_password(const UsersOptions& options) {
  if (!options.password_stdin) throw UsageError(message("cli.password_stdin_needed"));
  auto db = open_initialised(options.common);
  const auto stored = auth::find_account_by_email(*db, options.email);
  if (!stored) throw UsageError(message("cli.no_such_account", {{"email", auth::normalize_email(options.email)}}));
  const auto password = read_password_from_stdin();
  if (const auto problem = password_problem(password, stored->account.email); !problem.empty())
    throw UsageError(problem);
  const auto now = Timestamp::now();
  store::Transaction transaction(*db);
  auth::set_password_hash(*db, stored->account.id, auth::hash_password(password), now);
  const auto revoked = auth::revoke_credentials_of(*db, stored->account.id, std::chrono::system_clock::now());
  auth::append_audit(*db, cli_audit("password_set", "user:" + std::to_string(stored->account.id), {}), now);
  transaction.commit();
  std::printf("%s\n", message("cli.password_changed", {{"email", stored->account.email},
                                                    {"sessions", std::to_string(revoked.sessions)},
                                                    {"tokens", std::to_string(revoked.api_tokens)}})
                          .c_str());
}

}  // namespace

void add_users_command(CLI::App& root) {
  auto options = std::make_shared<UsersOptions>();
  auto* users = root.add_subcommand("users", "Manage accounts");
  users->require_subcommand(1);

  auto* add = users->add_subcommand("add", "Create an account");
  add_db_option(*add, options->common);
  add->add_option("--email", options->email, "E-mail address (the sign-in name)")->required();
  add->add_option("--name", options->name, "Full name (default: the e-mail address)");
  add->add_option("--position", options->position, "Position, ministry or department");
  add->add_option("--role", options->roles,
                  "observer, state-representative, reporting-officer, chair, secretariat, administrator "
                  "(repeat for several)")
      ->required();
  add->add_option("--state", options->state, "ISO3 code (or name) of the State the account speaks for");
  add->add_option("--language", options->language, "Language of the mail the account receives: en, fr or es")
      ->check(CLI::IsMember({"en", "fr", "es"}));
  add->add_flag("--password-stdin", options->password_stdin, "Read the password from standard input");
  add->callback([options] { add_user(*options); });

  auto* list = users->add_subcommand("list", "List accounts");
  add_db_option(*list, options->common);
  list->add_option("--format", options->format, "table or json")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
  list->callback([options] { list_users(*options); });

  auto* password = users->add_subcommand("set-password", "Set an account's password (signs it out everywhere)");
  add_db_option(*password, options->common);
  password->add_option("--email", options->email, "E-mail address of the account")->required();
  password->add_flag("--password-stdin", options->password_stdin, "Read the password from standard input");
  password->callback([options] { set_password(*options); });
}

}  // namespace att::cli
