#include "web/accounts/account_routes.hpp"

#include "auth/accounts_store.hpp"
#include "auth/api_tokens.hpp"
#include "auth/audit_log.hpp"
#include "auth/qr_code.hpp"
#include "auth/secrets.hpp"
#include "auth/totp.hpp"
#include "core/date.hpp"
#include "text/dates.hpp"
#include "web/kit/form_page.hpp"
#include "web/kit/guard.hpp"
#include "web/kit/language.hpp"
#include "web/kit/page.hpp"
#include "web/accounts/password_rules.hpp"
#include "web/accounts/sign_in_routes.hpp"
#include "web/kit/visit.hpp"
#include "core/timestamp.hpp"

#include <charconv>
#include <variant>

namespace att::web {

namespace {

using auth::Permission;

struct AccountNotices {
  std::string notice;
  std::string error;
  std::map<std::string, std::string> password_errors;
  std::string token_days_error;
  std::string new_token;
};

// Written out, not built, so that the catalogue test sees every key.
const char* scope_label_key(auth::TokenScope scope) {
  switch (scope) {
    case auth::TokenScope::full: return "account.token_scope_full";
    case auth::TokenScope::read: return "account.token_scope_read";
    case auth::TokenScope::reporting: return "account.token_scope_reporting";
  }
  return "account.token_scope_full";
}

HttpResponse account_page(const AppContext& app, HttpRequest& request, const AccountNotices& notices = {},
                          int status = 200) {
  const auto language = language_of(request);
  const auto& viewer = request.visit.viewer;
  auto db = app.pool->acquire();
  const auto stored = auth::find_account(*db, *viewer.user_id);
  if (!stored) return HttpResponse::redirect("/sign-in");
  nlohmann::json roles = nlohmann::json::array();
  for (const auto role : stored->account.roles)
    roles.push_back(app.catalog.text(language, "roles." + std::string(to_string(role))));
  nlohmann::json sessions = nlohmann::json::array();
  for (const auto& session : auth::sessions_of(*db, stored->account.id)) {
    sessions.push_back({{"created_at", text::format_timestamp(app.catalog, language, session.created_at)},
                        {"last_seen_at", text::format_timestamp(app.catalog, language, session.last_seen_at)},
                        {"ip", session.ip}, {"user_agent", session.user_agent},
                        {"current", request.visit.session && request.visit.session->token_digest == session.token_digest}});
  }
  nlohmann::json tokens = nlohmann::json::array();
  for (const auto& token : auth::api_tokens_of(*db, stored->account.id))
    tokens.push_back({{"id", std::to_string(token.id)},
                      {"name", token.name},
                      {"scope", app.catalog.text(language, scope_label_key(token.scope))},
                      {"created_at", text::format_timestamp(app.catalog, language, token.created_at)},
                      {"expires_at", text::format_timestamp(app.catalog, language, token.expires_at)},
                      {"last_used_at", text::format_timestamp(app.catalog, language, token.last_used_at.value_or(""))}});
  const auto* state = stored->account.state_iso3 ? app.states->find_by_code(*stored->account.state_iso3) : nullptr;
  const auto error_for = [&](const char* field) {
    const auto found = notices.password_errors.find(field);
    return found == notices.password_errors.end() ? std::string() : found->second;
  };
  nlohmann::json context = {
      {"title", app.catalog.text(language, "account.title")},
      {"name", stored->account.name},
      {"email", stored->account.email},
      {"state", state ? state->name(language) : ""},
      {"roles", roles},
      {"totp_enabled", stored->account.totp_enabled},
      {"must_set_up_second_factor", viewer.must_set_up_second_factor},
      {"recovery_codes_left", std::to_string(auth::unused_recovery_codes(*db, stored->account.id))},
      {"sessions", sessions},
      {"tokens", tokens},
      {"has_tokens", !tokens.empty()},
      {"new_token", notices.new_token},
      {"token_days_error", notices.token_days_error},
      {"default_token_days", std::to_string(auth::default_token_lifetime.count())},
      {"longest_token_days", std::to_string(auth::longest_token_lifetime.count())},
      {"notice", notices.notice},
      {"error", notices.error},
      {"current_password_error", error_for("current_password")},
      {"password_error", error_for("password")},
      {"password_confirm_error", error_for("password_confirm")},
  };
  return render_page(app, request, choose_language(request), "accounts/account", std::move(context), status);
}

HttpResponse show_account(const AppContext& app, HttpRequest& request) {
  if (auto refusal = refuse_unless(app, request, Permission::manage_own_account)) return std::move(*refusal);
  return account_page(app, request);
}

HttpResponse change_password(const AppContext& app, HttpRequest& request) {
  if (auto refusal = refuse_unless(app, request, Permission::manage_own_account)) return std::move(*refusal);
  const auto language = language_of(request);
  AccountNotices notices;
  {
    auto db = app.pool->acquire();
    const auto stored = auth::find_account(*db, *request.visit.viewer.user_id);
    const auto password = request.form_or_empty("password");
    if (!stored || !auth::verify_password(stored->password_hash, request.form_or_empty("current_password")))
      notices.password_errors["current_password"] = app.catalog.text(language, "account.wrong_current_password");
    if (auto problem = password_problem_text(app, language, password, request.visit.viewer.email))
      notices.password_errors["password"] = *problem;
    if (password != request.form_or_empty("password_confirm"))
      notices.password_errors["password_confirm"] = app.catalog.text(language, "auth.error_confirm");
    if (notices.password_errors.empty()) {
      const auto now = Timestamp::now();
      store::Transaction transaction(*db);
      auth::set_password_hash(*db, stored->account.id, auth::hash_password(password), now);
      // Other sessions and tokens may belong to whoever knew the old password; this session continues afresh.
      auth::revoke_credentials_of(*db, stored->account.id, std::chrono::system_clock::now());
      start_session(app, *db, request, stored->account.id, true);
      auth::append_audit(*db, audit_entry(request, "password_changed", "user:" + std::to_string(stored->account.id)),
                         now);
      transaction.commit();
    }
  }
  if (!notices.password_errors.empty()) {
    notices.error = app.catalog.text(language, "errors.heading");
    return account_page(app, request, notices, 400);
  }
  notices.notice = app.catalog.text(language, "account.password_changed");
  return account_page(app, request, notices);
}

HttpResponse sign_out_everywhere(const AppContext& app, HttpRequest& request) {
  if (auto refusal = refuse_unless(app, request, Permission::manage_own_account)) return std::move(*refusal);
  auto db = app.pool->acquire();
  store::Transaction transaction(*db);
  const auto revoked = auth::revoke_credentials_of(*db, *request.visit.viewer.user_id, std::chrono::system_clock::now());
  auth::append_audit(*db,
                     audit_entry(request, "signed_out_everywhere", {},
                                 std::to_string(revoked.sessions) + " sessions, " +
                                     std::to_string(revoked.api_tokens) + " API tokens"),
                     Timestamp::now());
  transaction.commit();
  request.visit.session.reset();
  request.visit.cookies_to_set.push_back(cookie_header(app, session_cookie, "", 0));
  return HttpResponse::redirect("/sign-in");
}

// The token's lifetime in whole days from the form, or the message saying why not.
std::variant<std::chrono::days, std::string> token_lifetime(const AppContext& app, Language language,
                                                            const std::string& field) {
  const auto longest = std::to_string(auth::longest_token_lifetime.count());
  if (field.empty()) return auth::default_token_lifetime;
  long days = 0;
  const auto [end, error] = std::from_chars(field.data(), field.data() + field.size(), days);
  if (error != std::errc() || end != field.data() + field.size() || days < 1)
    return app.catalog.text(language, "account.token_days_invalid", {{"max", longest}});
  if (days > auth::longest_token_lifetime.count())
    return app.catalog.text(language, "account.token_too_long", {{"max", longest}});
  return std::chrono::days(days);
}

HttpResponse create_token(const AppContext& app, HttpRequest& request) {
  if (auto refusal = refuse_unless(app, request, Permission::create_api_tokens)) return std::move(*refusal);
  const auto language = language_of(request);
  AccountNotices notices;
  auto name = request.form_or_empty("name");
  const auto scope = auth::token_scope_from_string(request.form("scope").value_or("full"));
  const auto lifetime = token_lifetime(app, language, request.form_or_empty("days"));
  if (name.empty() || name.size() > 100 || !scope) notices.error = app.catalog.text(language, "account.token_name_required");
  if (const auto* problem = std::get_if<std::string>(&lifetime)) notices.token_days_error = *problem;
  if (!notices.error.empty() || !notices.token_days_error.empty()) return account_page(app, request, notices, 400);
  {
    const auto now = std::chrono::system_clock::now();
    auto db = app.pool->acquire();
    store::Transaction transaction(*db);
    notices.new_token = auth::create_api_token(
        *db, {*request.visit.viewer.user_id, name, *scope, now + std::get<std::chrono::days>(lifetime)}, now);
    auth::append_audit(*db, audit_entry(request, "api_token_created", {}, name + " (" + std::string(to_string(*scope)) + ")"),
                       Timestamp::of(now));
    transaction.commit();
  }
  notices.notice = app.catalog.text(language, "account.token_created");
  return account_page(app, request, notices);
}

HttpResponse revoke_token(const AppContext& app, HttpRequest& request) {
  if (auto refusal = refuse_unless(app, request, Permission::manage_own_account)) return std::move(*refusal);
  std::int64_t id = 0;
  try {
    id = std::stoll(request.path_param("id"));
  } catch (const std::exception&) {
    return HttpResponse::redirect("/account");
  }
  auto db = app.pool->acquire();
  store::Transaction transaction(*db);
  if (auth::revoke_api_token(*db, *request.visit.viewer.user_id, id, std::chrono::system_clock::now()))
    auth::append_audit(*db, audit_entry(request, "api_token_revoked", "api_token:" + std::to_string(id)),
                       Timestamp::now());
  transaction.commit();
  return HttpResponse::redirect("/account");
}

HttpResponse two_factor_page(const AppContext& app, HttpRequest& request, const std::string& error, int status) {
  const auto language = language_of(request);
  auto db = app.pool->acquire();
  const auto stored = auth::find_account(*db, *request.visit.viewer.user_id);
  if (!stored) return HttpResponse::redirect("/sign-in");
  if (stored->account.totp_enabled) return HttpResponse::redirect("/account");
  auto secret = stored->totp_secret;
  if (!secret) {
    secret = auth::new_totp_secret();
    auth::set_totp_secret(*db, stored->account.id, secret, false, Timestamp::now());
  }
  const auto uri = auth::otpauth_uri(app.auth.site_name, stored->account.email, *secret);
  nlohmann::json context = {{"title", app.catalog.text(language, "two_factor.title")},
                            {"secret", *secret},
                            {"qr_svg", auth::qr_svg(uri)},
                            {"otpauth_uri", uri},
                            {"error", error},
                            {"required", request.visit.viewer.must_set_up_second_factor}};
  return render_page(app, request, choose_language(request), "accounts/two_factor", std::move(context), status);
}

HttpResponse show_two_factor(const AppContext& app, HttpRequest& request) {
  if (auto refusal = refuse_unless(app, request, Permission::manage_own_account)) return std::move(*refusal);
  return two_factor_page(app, request, "", 200);
}

HttpResponse enable_two_factor(const AppContext& app, HttpRequest& request) {
  if (auto refusal = refuse_unless(app, request, Permission::manage_own_account)) return std::move(*refusal);
  const auto language = language_of(request);
  auto db = app.pool->acquire();
  const auto stored = auth::find_account(*db, *request.visit.viewer.user_id);
  if (!stored || !stored->totp_secret || stored->account.totp_enabled) return HttpResponse::redirect("/account");
  const auto now = std::chrono::system_clock::now();
  const auto unix_seconds = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  const auto step = auth::verify_totp(*stored->totp_secret, request.form_or_empty("code"), unix_seconds, 0);
  if (!step) return two_factor_page(app, request, app.catalog.text(language, "auth.wrong_code"), 400);

  const auto codes = auth::new_recovery_codes();
  std::vector<std::string> digests;
  for (const auto& code : codes) digests.push_back(auth::token_digest(auth::normalize_recovery_code(code)));
  {
    store::Transaction transaction(*db);
    auth::set_totp_secret(*db, stored->account.id, stored->totp_secret, true, Timestamp::of(now));
    auth::set_totp_last_step(*db, stored->account.id, *step);
    auth::replace_recovery_codes(*db, stored->account.id, digests);
    start_session(app, *db, request, stored->account.id, true);
    auth::append_audit(*db, audit_entry(request, "two_factor_enabled", "user:" + std::to_string(stored->account.id)),
                       Timestamp::of(now));
    transaction.commit();
  }
  nlohmann::json list = nlohmann::json::array();
  for (const auto& code : codes) list.push_back(code);
  return render_page(app, request, choose_language(request), "accounts/recovery_codes",
                     {{"title", app.catalog.text(language, "two_factor.enabled_title")}, {"codes", list}});
}

// Who the caller is, for programs using an API token (and for pages that need it as JSON).
HttpResponse me(const AppContext& app, HttpRequest& request) {
  if (auto refusal = refuse_unless(app, request, Permission::manage_own_account)) return std::move(*refusal);
  const auto& viewer = request.visit.viewer;
  nlohmann::json roles = nlohmann::json::array();
  for (const auto role : viewer.roles) roles.push_back(std::string(to_string(role)));
  nlohmann::json permissions = nlohmann::json::array();
  for (const auto permission : auth::all_permissions) {
    if (auth::may(viewer, permission, viewer.state_iso3)) permissions.push_back(std::string(to_string(permission)));
  }
  auto response = HttpResponse::json(
      200, nlohmann::json{{"id", *viewer.user_id},
                          {"email", viewer.email},
                          {"name", viewer.name},
                          {"state", viewer.state_iso3 ? nlohmann::json(*viewer.state_iso3) : nullptr},
                          {"state_is_party", viewer.state_is_party},
                          {"roles", roles},
                          {"permissions", permissions},
                          {"token_scope", viewer.token_scope ? nlohmann::json(std::string(to_string(*viewer.token_scope)))
                                                             : nlohmann::json(nullptr)}}
               .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  response.set_private_no_store();
  return response;
}

}  // namespace

void add_account_routes(Router& router, const AppContext& app) {
  router.add(HttpMethod::get, "/api/v1/me", [&app](HttpRequest& r) { return me(app, r); });
  router.add(HttpMethod::get, "/account", [&app](HttpRequest& r) { return show_account(app, r); });
  router.add(HttpMethod::post, "/account/password", [&app](HttpRequest& r) { return change_password(app, r); });
  router.add(HttpMethod::post, "/account/sign-out-everywhere", [&app](HttpRequest& r) { return sign_out_everywhere(app, r); });
  router.add(HttpMethod::post, "/account/tokens", [&app](HttpRequest& r) { return create_token(app, r); });
  router.add(HttpMethod::post, "/account/tokens/{id}/revoke", [&app](HttpRequest& r) { return revoke_token(app, r); });
  router.add(HttpMethod::get, "/account/two-factor", [&app](HttpRequest& r) { return show_two_factor(app, r); });
  router.add(HttpMethod::post, "/account/two-factor", [&app](HttpRequest& r) { return enable_two_factor(app, r); });
}

}  // namespace att::web
