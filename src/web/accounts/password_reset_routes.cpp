#include "web/accounts/password_reset_routes.hpp"

#include "auth/accounts_store.hpp"
#include "auth/audit_log.hpp"
#include "auth/password_resets.hpp"
#include "auth/secrets.hpp"
#include "auth/sign_in_throttle.hpp"
#include "core/date.hpp"
#include "web/kit/form_page.hpp"
#include "web/kit/guard.hpp"
#include "mail/mail_text.hpp"
#include "web/accounts/password_rules.hpp"

namespace att::web {

namespace {

FormPage request_page(const AppContext& app, Language language, const std::string& error) {
  const auto t = [&](const char* key) { return app.catalog.text(language, key); };
  FormPage page{t("reset.request_title"), t("reset.request_intro"), "/forgot-password", t("reset.request_submit"),
                {}, {}, {}, {}};
  page.fields = {{"email", t("auth.email"), "email", {}, "email", {}, error, true, 254, {}}};
  page.links = {{"/sign-in", t("auth.sign_in")}};
  return page;
}

FormPage choose_page(const AppContext& app, Language language, const std::string& token,
                     const std::map<std::string, std::string>& errors) {
  const auto t = [&](const char* key) { return app.catalog.text(language, key); };
  const auto error = [&](const std::string& field) {
    const auto found = errors.find(field);
    return found == errors.end() ? std::string() : found->second;
  };
  FormPage page{t("reset.choose_title"), {}, "/reset-password", t("reset.choose_submit"), {}, {}, {}, {}};
  page.fields = {
      {"token", {}, "hidden", token, {}, {}, {}, false, 128, {}},
      {"password", t("auth.new_password"), "password", {}, "new-password", t("auth.password_help"), error("password"),
       true, 256, {}},
      {"password_confirm", t("auth.confirm_password"), "password", {}, "new-password", {}, error("password_confirm"),
       true, 256, {}},
  };
  return page;
}

HttpResponse show_request(const AppContext& app, HttpRequest& request) {
  return render_form(app, request, request_page(app, language_of(request), ""));
}

void send_reset_link(const AppContext& app, store::Database& db, const HttpRequest& request, Language language,
                     const auth::Account& account, std::chrono::system_clock::time_point now) {
  const auto token = auth::create_password_reset(db, account.id, now);
  mail::queue_mail(db, app.catalog, language, "password_reset", account.email,
                   {{"url", app.auth.public_url + "/reset-password?token=" + token}});
  auth::append_audit(db, audit_entry(request, account.id, account.email, "password_reset_requested"),
                     Timestamp::of(now));
}

HttpResponse request_link(const AppContext& app, HttpRequest& request) {
  const auto language = language_of(request);
  const auto email = auth::normalize_email(request.form_or_empty("email"));
  if (!auth::looks_like_email(email))
    return render_form(app, request, request_page(app, language, app.catalog.text(language, "register.error_email")),
                       400);
  const auto now = std::chrono::system_clock::now();
  auto db = app.pool->acquire();
  store::Transaction transaction(*db);
  // Beyond the limits nothing is queued, so nobody can flood a mailbox or mail from this site;
  // the page below says the same either way.
  if (!auth::reset_request_allowed(*db, email, request.remote_address, app.auth.resets, now)) {
    auth::append_audit(*db, audit_entry(request, std::nullopt, email, "password_reset_throttled"), Timestamp::of(now));
  } else {
    auth::record_reset_request(*db, email, request.remote_address, now);
    const auto stored = auth::find_account_by_email(*db, email);
    if (stored && stored->account.active) send_reset_link(app, *db, request, language, stored->account, now);
  }
  transaction.commit();
  // The same answer whether or not the address has an account.
  return render_message(app, request, app.catalog.text(language, "reset.sent_title"),
                        app.catalog.text(language, "reset.sent"));
}

std::optional<HttpResponse> refuse_token(const AppContext& app, const HttpRequest& request,
                                         const auth::ResetTokenCheck& check) {
  if (!check.problem) return std::nullopt;
  const auto language = language_of(request);
  const char* key = *check.problem == auth::ResetTokenProblem::expired ? "reset.expired"
                    : *check.problem == auth::ResetTokenProblem::used  ? "reset.used"
                                                                       : "reset.unknown";
  return render_message(app, request, app.catalog.text(language, "reset.link_problem_title"),
                        app.catalog.text(language, key), 400,
                        {{"/forgot-password", app.catalog.text(language, "reset.request_title")}});
}

HttpResponse show_choose(const AppContext& app, HttpRequest& request) {
  const auto token = request.query("token").value_or("");
  auto db = app.pool->acquire();
  if (auto refusal = refuse_token(app, request, auth::check_password_reset(*db, token, std::chrono::system_clock::now())))
    return std::move(*refusal);
  return render_form(app, request, choose_page(app, language_of(request), token, {}));
}

HttpResponse choose(const AppContext& app, HttpRequest& request) {
  const auto language = language_of(request);
  const auto token = request.form_or_empty("token");
  const auto now = std::chrono::system_clock::now();
  auto db = app.pool->acquire();
  const auto check = auth::check_password_reset(*db, token, now);
  if (auto refusal = refuse_token(app, request, check)) return std::move(*refusal);
  const auto stored = auth::find_account(*db, *check.user_id);
  if (!stored) return refuse_token(app, request, {std::nullopt, auth::ResetTokenProblem::unknown}).value();

  std::map<std::string, std::string> errors;
  const auto password = request.form_or_empty("password");
  if (auto problem = password_problem_text(app, language, password, stored->account.email)) errors["password"] = *problem;
  if (password != request.form_or_empty("password_confirm"))
    errors["password_confirm"] = app.catalog.text(language, "auth.error_confirm");
  if (!errors.empty()) return render_form(app, request, choose_page(app, language, token, errors), 400);

  store::Transaction transaction(*db);
  if (!auth::consume_password_reset(*db, token, now))
    return refuse_token(app, request, {std::nullopt, auth::ResetTokenProblem::used}).value();
  auth::set_password_hash(*db, stored->account.id, auth::hash_password(password), Timestamp::of(now));
  // Whoever knew the old password is signed out everywhere.
  auth::revoke_credentials_of(*db, stored->account.id, now);
  auth::append_audit(*db, audit_entry(request, stored->account.id, stored->account.email, "password_reset"),
                     Timestamp::of(now));
  transaction.commit();
  return render_message(app, request, app.catalog.text(language, "reset.done_title"),
                        app.catalog.text(language, "reset.done"), 200,
                        {{"/sign-in", app.catalog.text(language, "auth.sign_in")}});
}

}  // namespace

void add_password_reset_routes(Router& router, const AppContext& app) {
  router.add(HttpMethod::get, "/forgot-password", [&app](HttpRequest& r) { return show_request(app, r); });
  router.add(HttpMethod::post, "/forgot-password", [&app](HttpRequest& r) { return request_link(app, r); });
  router.add(HttpMethod::get, "/reset-password", [&app](HttpRequest& r) { return show_choose(app, r); });
  router.add(HttpMethod::post, "/reset-password", [&app](HttpRequest& r) { return choose(app, r); });
}

}  // namespace att::web
