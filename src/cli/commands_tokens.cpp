// att tokens add | list | revoke: API tokens managed by whoever holds the database (for a
// program on the server itself, or to revoke a leaked token at once).
#include <charconv>
#include <cstdio>
#include <memory>

#include "auth/accounts_store.hpp"
#include "auth/api_tokens.hpp"
#include "cli/commands.hpp"
#include "cli/messages.hpp"
#include "cli/options.hpp"
#include "core/date.hpp"

namespace att::cli {

namespace {

using Clock = std::chrono::system_clock;

struct TokensOptions {
  CommonOptions common;
  std::string email;
  std::string name;
  std::string scope = "full";
  std::string expires;
  std::int64_t id = 0;
};

std::optional<long> whole_number(std::string_view text) {
  long number = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return number;
}

[[noreturn]] void throw_too_far() {
  throw UsageError(message("cli.token_expires_too_far", {{"max", std::to_string(auth::longest_token_lifetime.count())}}));
}

// --expires: a number of days from now, or a date (the token ends at 00:00 UTC that day).
Clock::time_point expiry_from(const std::string& text, Clock::time_point now) {
  if (text.empty()) return now + auth::default_token_lifetime;
  if (const auto days = whole_number(text)) {
    if (*days > auth::longest_token_lifetime.count()) throw_too_far();
    return now + std::chrono::days(*days);
  }
  const auto date = Date::parse(text);
  if (!date) throw UsageError(message("cli.token_expires_malformed", {{"value", text}}));
  const std::chrono::sys_days day(std::chrono::year_month_day{
      std::chrono::year(date->year()), std::chrono::month(date->month()), std::chrono::day(date->day())});
  // Decided in days first: a far date (2999) does not fit the clock's nanoseconds.
  if (day > std::chrono::floor<std::chrono::days>(now) + auth::longest_token_lifetime + std::chrono::days(1))
    throw_too_far();
  return day;
}

void check_expiry(Clock::time_point expires_at, Clock::time_point now) {
  const auto problem = auth::check_token_expiry(expires_at, now);
  if (!problem) return;
  if (*problem == auth::TokenExpiryProblem::in_the_past) throw UsageError(message("cli.token_expires_in_the_past"));
  throw_too_far();
}

auth::StoredAccount account_of(store::Database& db, const std::string& email) {
  auto stored = auth::find_account_by_email(db, email);
  if (!stored) throw UsageError(message("cli.no_such_account", {{"email", auth::normalize_email(email)}}));
  return std::move(*stored);
}

void add_token(const TokensOptions& options) {
  const auto scope = auth::token_scope_from_string(options.scope);
  if (!scope) throw UsageError(message("cli.token_scope_unknown", {{"value", options.scope}}));
  if (options.name.empty() || options.name.size() > 100) throw UsageError(message("cli.token_name_needed"));
  const auto now = Clock::now();
  const auto expires_at = expiry_from(options.expires, now);
  check_expiry(expires_at, now);
  auto db = open_initialised(options.common);
  const auto stored = account_of(*db, options.email);
  if (!stored.account.active) throw UsageError(message("cli.account_closed", {{"email", stored.account.email}}));
  store::Transaction transaction(*db);
  const auto token = auth::create_api_token(*db, {stored.account.id, options.name, *scope, expires_at}, now);
  auth::append_audit(*db,
                     cli_audit("api_token_created", "user:" + std::to_string(stored.account.id),
                               options.name + " (" + options.scope + ")"),
                     Timestamp::of(now));
  transaction.commit();
  // The token alone on standard output, so that a script can capture it; the rest on stderr.
  std::fprintf(stderr, "%s\n",
               message("cli.token_created", {{"email", stored.account.email},
                                             {"scope", options.scope},
                                             {"expires", utc_timestamp(expires_at)}})
                   .c_str());
  std::printf("%s\n", token.c_str());
}

void list_tokens(const TokensOptions& options) {
  auto db = open_initialised(options.common);
  const auto tokens = options.email.empty() ? auth::all_api_tokens(*db)
                                            : auth::api_tokens_of(*db, account_of(*db, options.email).account.id);
  std::printf("%-6s %-32s %-24s %-9s %-20s %-20s %s\n", "id", "email", "name", "scope", "expires_at", "last_used_at",
              "created_at");
  for (const auto& token : tokens)
    std::printf("%-6lld %-32s %-24s %-9s %-20s %-20s %s\n", static_cast<long long>(token.id),
                token.owner_email.c_str(), token.name.c_str(), std::string(to_string(token.scope)).c_str(),
                token.expires_at.c_str(), token.last_used_at.value_or("-").c_str(), token.created_at.c_str());
  std::printf("%s\n", message("cli.tokens_count", {{"count", std::to_string(tokens.size())}}).c_str());
}

void revoke_token(const TokensOptions& options) {
  auto db = open_initialised(options.common);
  const auto now = Clock::now();
  store::Transaction transaction(*db);
  const auto revoked = auth::revoke_any_api_token(*db, options.id, now);
  if (!revoked) throw UsageError(message("cli.no_such_token", {{"id", std::to_string(options.id)}}));
  auth::append_audit(*db, cli_audit("api_token_revoked", "api_token:" + std::to_string(options.id), revoked->name),
                     Timestamp::of(now));
  transaction.commit();
  std::printf("%s\n", message("cli.token_revoked", {{"id", std::to_string(options.id)},
                                                    {"name", revoked->name},
                                                    {"email", revoked->owner_email}})
                          .c_str());
}

}  // namespace

void add_tokens_command(CLI::App& root) {
  auto options = std::make_shared<TokensOptions>();
  auto* tokens = root.add_subcommand("tokens", "Manage API tokens");
  tokens->require_subcommand(1);

  auto* add = tokens->add_subcommand("add", "Create an API token for an account and print it (once)");
  add_db_option(*add, options->common);
  add->add_option("--email", options->email, "E-mail address of the account the token acts for")->required();
  add->add_option("--name", options->name, "What the token is for (up to 100 characters)")->required();
  add->add_option("--scope", options->scope, "full (the owner's rights), read (reading only) or reporting "
                                             "(the reports of the account's State)")
      ->capture_default_str();
  add->add_option("--expires", options->expires, "Days from now, or a date YYYY-MM-DD (default 90 days, at most 366)");
  add->callback([options] { add_token(*options); });

  auto* list = tokens->add_subcommand("list", "List API tokens that are not revoked (never their secrets)");
  add_db_option(*list, options->common);
  list->add_option("--email", options->email, "Only this account's tokens");
  list->callback([options] { list_tokens(*options); });

  auto* revoke = tokens->add_subcommand("revoke", "Revoke an API token");
  add_db_option(*revoke, options->common);
  revoke->add_option("--id", options->id, "The token's id, as `att tokens list` shows it")->required();
  revoke->callback([options] { revoke_token(*options); });
}

}  // namespace att::cli
