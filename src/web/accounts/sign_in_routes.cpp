#include "web/accounts/sign_in_routes.hpp"

#include <algorithm>

#include "auth/accounts_store.hpp"
#include "auth/audit_log.hpp"
#include "auth/device_cookies.hpp"
#include "auth/secrets.hpp"
#include "auth/sign_in_throttle.hpp"
#include "auth/totp.hpp"
#include "core/date.hpp"
#include "web/kit/form_page.hpp"
#include "web/kit/guard.hpp"
#include "web/kit/return_path.hpp"
#include "web/kit/visit.hpp"
#include "core/timestamp.hpp"

namespace att::web {

namespace {

using Clock = std::chrono::system_clock;

// Checked when the e-mail is unknown, so that a wrong address takes as long as a wrong password.
const std::string& dummy_hash() {
  static const std::string hash = auth::hash_password("not a real password, only for timing");
  return hash;
}

// The page to go back to after signing in, when the request names one of this site ("" if not).
std::string return_path_given(const HttpRequest& request) {
  const auto next = request.query("next").value_or(request.form_or_empty("next"));
  return is_same_origin_path(next) ? next : std::string();
}

FormPage sign_in_form(const AppContext& app, const HttpRequest& request, const std::string& email,
                      const std::string& error) {
  const auto language = language_of(request);
  const auto t = [&](const char* key) { return app.catalog.text(language, key); };
  FormPage page{t("auth.sign_in_title"), {}, "/sign-in", t("auth.sign_in"), {}, error, {}, {}};
  page.fields = {
      {"email", t("auth.email"), "email", email, "username", {}, {}, true, 254, {}},
      {"password", t("auth.password"), "password", {}, "current-password", {}, {}, true, 256, {}},
      {"next", {}, "hidden", return_path_given(request), {}, {}, {}, false, 500, {}},
  };
  page.links = {{"/forgot-password", t("auth.forgot_link")}, {"/register", t("auth.register_link")}};
  return page;
}

FormPage second_factor_form(const AppContext& app, const HttpRequest& request, const std::string& error) {
  const auto language = language_of(request);
  const auto t = [&](const char* key) { return app.catalog.text(language, key); };
  FormPage page{t("auth.second_factor_title"), t("auth.second_factor_intro"), "/sign-in/second-factor",
                t("auth.verify"), {}, error, {}, {}};
  page.fields = {{"code", t("auth.code"), "text", {}, "one-time-code", t("auth.code_help"), {}, true, 20, {}},
                 {"next", {}, "hidden", return_path_given(request), {}, {}, {}, false, 500, {}}};
  return page;
}

HttpResponse show_sign_in(const AppContext& app, HttpRequest& request) {
  return render_form(app, request, sign_in_form(app, request, "", ""));
}

// The id of the browser's device cookie when it is valid for this account.
std::optional<std::string> known_device(store::Database& db, const HttpRequest& request,
                                        std::optional<std::int64_t> user_id, Clock::time_point now) {
  const auto cookie = request.cookie(device_cookie);
  if (!cookie || !user_id) return std::nullopt;
  return auth::verified_device(auth::device_key(db), *cookie, *user_id, now);
}

// Both factors given: the failures counted so far are forgiven, the session is fully signed in
// and the browser is remembered for this account (a new cookie, so its lifetime starts again).
void complete_sign_in(const AppContext& app, store::Database& db, HttpRequest& request,
                      const auth::SignInAttempt& attempt, std::int64_t user_id, Clock::time_point now) {
  auth::clear_sign_in_failures(db, attempt);
  start_session(app, db, request, user_id, true);
  request.visit.cookies_to_set.push_back(
      cookie_header(app, device_cookie, auth::issue_device_cookie(auth::device_key(db), user_id, now),
                    std::chrono::duration_cast<std::chrono::seconds>(auth::device_cookie_lifetime).count()));
}

HttpResponse sign_in(const AppContext& app, HttpRequest& request) {
  const auto language = language_of(request);
  const auto email = auth::normalize_email(request.form_or_empty("email"));
  const auto password = request.form_or_empty("password");
  if (email.empty() || password.empty())
    return render_form(app, request, sign_in_form(app, request, email, app.catalog.text(language, "auth.fill_both")),
                       400);
  const auto now = Clock::now();
  auto db = app.pool->acquire();
  const auto stored = auth::find_account_by_email(*db, email);
  const auth::SignInAttempt attempt{
      email, request.remote_address,
      known_device(*db, request, stored ? std::optional(stored->account.id) : std::nullopt, now)};
  if (!auth::sign_in_allowed(*db, attempt, app.auth.throttle, now)) {
    auth::record_audit(*db, audit_entry(request, std::nullopt, email, "sign_in_throttled"), Timestamp::of(now));
    return render_form(app, request, sign_in_form(app, request, email, app.catalog.text(language, "auth.throttled")),
                       429);
  }
  const bool password_ok = auth::verify_password(stored ? stored->password_hash : dummy_hash(), password);
  if (!stored || !stored->account.active || !password_ok) {
    store::Transaction transaction(*db);
    auth::record_sign_in_failure(*db, attempt, now);
    auth::append_audit(*db,
                       audit_entry(request, stored ? std::optional(stored->account.id) : std::nullopt, email,
                                   "sign_in_failed"),
                       Timestamp::of(now));
    transaction.commit();
    // The same words whether the account exists or not.
    return render_form(app, request,
                       sign_in_form(app, request, email, app.catalog.text(language, "auth.wrong_credentials")), 400);
  }
  store::Transaction transaction(*db);
  if (auth::password_needs_rehash(stored->password_hash))
    auth::set_password_hash(*db, stored->account.id, auth::hash_password(password), Timestamp::of(now));
  if (stored->account.totp_enabled) {
    // Half-way: failures so far still count against the code that follows.
    start_session(app, *db, request, stored->account.id, false);
    auth::append_audit(*db, audit_entry(request, stored->account.id, email, "sign_in_password_ok"), Timestamp::of(now));
    transaction.commit();
    // The page asked for before signing in is carried through the second step.
    const auto next = request.form_or_empty("next");
    return HttpResponse::redirect("/sign-in/second-factor" +
                                  (is_same_origin_path(next) ? "?next=" + percent_encode(next) : std::string()));
  }
  complete_sign_in(app, *db, request, attempt, stored->account.id, now);
  auth::append_audit(*db, audit_entry(request, stored->account.id, email, "sign_in"), Timestamp::of(now));
  transaction.commit();
  const auto& roles = stored->account.roles;
  if (std::any_of(roles.begin(), roles.end(), auth::requires_second_factor))
    return HttpResponse::redirect("/account/two-factor");
  return HttpResponse::redirect(safe_return_path(request.form_or_empty("next")));
}

// Where a person lands after signing in when no page was asked for: those who report (officers,
// the Secretariat) on the reporting tool's home, everyone else on their account.
std::string landing_page(const std::set<auth::Role>& roles) {
  return roles.contains(auth::Role::reporting_officer) || roles.contains(auth::Role::secretariat) ? "/reporting"
                                                                                                 : "/account";
}

// A session that has passed the password but not yet the code.
bool awaiting_second_factor(const HttpRequest& request) {
  return request.visit.session && !request.visit.session->second_factor_done;
}

HttpResponse show_second_factor(const AppContext& app, HttpRequest& request) {
  if (!awaiting_second_factor(request)) return HttpResponse::redirect("/sign-in");
  return render_form(app, request, second_factor_form(app, request, ""));
}

HttpResponse verify_second_factor(const AppContext& app, HttpRequest& request) {
  if (!awaiting_second_factor(request)) return HttpResponse::redirect("/sign-in");
  const auto language = language_of(request);
  const auto now = Clock::now();
  auto db = app.pool->acquire();
  const auto stored = auth::find_account(*db, request.visit.session->user_id);
  if (!stored || !stored->totp_secret) return HttpResponse::redirect("/sign-in");
  const auth::SignInAttempt attempt{stored->account.email, request.remote_address,
                                    known_device(*db, request, stored->account.id, now)};
  if (!auth::sign_in_allowed(*db, attempt, app.auth.throttle, now))
    return render_form(app, request, second_factor_form(app, request, app.catalog.text(language, "auth.throttled")),
                       429);

  const auto code = request.form_or_empty("code");
  const auto unix_seconds = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  store::Transaction transaction(*db);
  bool accepted = false;
  std::string method = "totp";
  if (const auto step = auth::verify_totp(*stored->totp_secret, code, unix_seconds, stored->totp_last_step)) {
    auth::set_totp_last_step(*db, stored->account.id, *step);
    accepted = true;
  } else if (auth::use_recovery_code(*db, stored->account.id,
                                     auth::token_digest(auth::normalize_recovery_code(code)), Timestamp::of(now))) {
    accepted = true;
    method = "recovery_code";
  }
  if (!accepted) {
    auth::record_sign_in_failure(*db, attempt, now);
    auth::append_audit(*db, audit_entry(request, stored->account.id, attempt.email, "second_factor_failed"),
                       Timestamp::of(now));
    transaction.commit();
    return render_form(app, request, second_factor_form(app, request, app.catalog.text(language, "auth.wrong_code")),
                       400);
  }
  complete_sign_in(app, *db, request, attempt, stored->account.id, now);
  auth::append_audit(*db, audit_entry(request, stored->account.id, attempt.email, "sign_in", {}, method),
                     Timestamp::of(now));
  transaction.commit();
  const auto next = request.form_or_empty("next");
  return HttpResponse::redirect(is_same_origin_path(next) ? next : landing_page(stored->account.roles));
}

HttpResponse sign_out(const AppContext& app, HttpRequest& request) {
  if (request.visit.session) {
    auto db = app.pool->acquire();
    store::Transaction transaction(*db);
    auth::delete_session(*db, request.visit.session->token_digest);
    auth::append_audit(*db, audit_entry(request, request.visit.session->user_id, request.visit.viewer.email, "sign_out"),
                       Timestamp::now());
    transaction.commit();
  }
  request.visit.cookies_to_set.push_back(cookie_header(app, session_cookie, "", 0));
  return HttpResponse::redirect("/");
}

}  // namespace

void start_session(const AppContext& app, store::Database& db, HttpRequest& request, std::int64_t user_id,
                   bool second_factor_done) {
  if (request.visit.session) auth::delete_session(db, request.visit.session->token_digest);
  const auto created = auth::create_session(db, user_id, second_factor_done, request.remote_address,
                                            request.header("user-agent").value_or(""), app.auth.sessions,
                                            std::chrono::system_clock::now());
  request.visit.cookies_to_set.push_back(cookie_header(app, session_cookie, created.token));
  // The rest of this request (a page with forms) belongs to the new session and its CSRF token.
  request.visit.session = created.session;
  request.visit.csrf_token = created.session.csrf_token;
}

void add_sign_in_routes(Router& router, const AppContext& app) {
  router.add(HttpMethod::get, "/sign-in", [&app](HttpRequest& r) { return show_sign_in(app, r); });
  router.add(HttpMethod::post, "/sign-in", [&app](HttpRequest& r) { return sign_in(app, r); });
  router.add(HttpMethod::get, "/sign-in/second-factor", [&app](HttpRequest& r) { return show_second_factor(app, r); });
  router.add(HttpMethod::post, "/sign-in/second-factor", [&app](HttpRequest& r) { return verify_second_factor(app, r); });
  router.add(HttpMethod::post, "/sign-out", [&app](HttpRequest& r) { return sign_out(app, r); });
}

}  // namespace att::web
