#include "web/admin/admin_routes.hpp"

#include "auth/accounts_store.hpp"
#include "auth/audit_log.hpp"
#include "auth/registrations.hpp"
#include "auth/sessions_store.hpp"
#include "core/date.hpp"
#include "text/dates.hpp"
#include "web/kit/form_page.hpp"
#include "web/kit/guard.hpp"
#include "web/kit/request_params.hpp"
#include "web/kit/language.hpp"
#include "mail/mail_text.hpp"
#include "mail/secretariat_notices.hpp"
#include "web/kit/page.hpp"
#include "web/reports/report_paths.hpp"
#include "core/timestamp.hpp"

namespace att::web {

namespace {

using auth::Permission;

std::string state_name(const AppContext& app, const std::optional<std::string>& iso3, Language language) {
  if (!iso3) return "";
  const auto* state = app.states->find_by_code(*iso3);
  return state ? state->name(language) : *iso3;
}

std::string role_label(const AppContext& app, Language language, auth::Role role) {
  return app.catalog.text(language, "roles." + std::string(to_string(role)));
}

HttpResponse registrations_page(const AppContext& app, HttpRequest& request, const std::string& notice,
                                const std::string& error, int status = 200) {
  const auto language = language_of(request);
  auto db = app.pool->acquire();
  nlohmann::json pending = nlohmann::json::array();
  for (const auto& r : auth::registrations_with_status(*db, auth::RegistrationStatus::pending)) {
    const auto& a = r.application;
    pending.push_back({{"id", std::to_string(r.id)},
                       {"name", a.name},
                       {"email", a.email},
                       {"state", state_name(app, a.state_iso3, language)},
                       {"position", a.position},
                       {"role", role_label(app, language, a.requested_role)},
                       {"note", a.note},
                       {"created_at", text::format_timestamp(app.catalog, language, r.created_at)},
                       {"confirmed_at", text::format_timestamp(app.catalog, language, r.confirmed_at.value_or(""))}});
  }
  return render_page(app, request, choose_language(request), "admin/registrations",
                     {{"title", app.catalog.text(language, "admin.registrations_title")},
                      {"pending", pending},
                      {"has_pending", !pending.empty()},
                      {"notice", notice},
                      {"error", error}},
                     status);
}

HttpResponse show_registrations(const AppContext& app, HttpRequest& request) {
  if (auto refusal = refuse_unless(app, request, Permission::review_registrations)) return std::move(*refusal);
  return registrations_page(app, request, "", "");
}

HttpResponse decide(const AppContext& app, HttpRequest& request, bool approve) {
  if (auto refusal = refuse_unless(app, request, Permission::review_registrations)) return std::move(*refusal);
  const auto language = language_of(request);
  const auto t = [&](const char* key) { return app.catalog.text(language, key); };
  const auto number = positive_number(request.path_param("id"));
  if (!number) return registrations_page(app, request, "", t("admin.registration_gone"), 404);
  const auto id = *number;
  const auto reason = request.form_or_empty("reason");
  if (!approve && (reason.size() < 3 || reason.size() > 2000))
    return registrations_page(app, request, "", t("admin.reason_required"), 400);

  // Decide inside one transaction, then render once the connection is back in the pool.
  enum class Outcome { done, gone, account_exists };
  std::string applicant_name;
  const auto outcome = [&] {
    auto db = app.pool->acquire();
    store::Transaction transaction(*db);
    const auto registration = auth::find_registration(*db, id);
    const auto now = Timestamp::now();
    if (!registration || !auth::decide_registration(*db, id, approve, *request.visit.viewer.user_id, reason, now))
      return Outcome::gone;
    const auto& a = registration->application;
    applicant_name = a.name;
    const auto applicant_language = language_from_code(a.language).value_or(Language::en);
    if (approve) {
      if (auth::find_account_by_email(*db, a.email)) return Outcome::account_exists;  // rolls back
      std::set<auth::Role> roles{a.requested_role};
      if (a.requested_role == auth::Role::reporting_officer) roles.insert(auth::Role::state_representative);
      const auto user_id =
          auth::create_account(
              *db, {a.email, a.name, a.position, a.state_iso3, a.password_hash, roles, std::string(code_of(applicant_language))},
              now);
      auth::append_audit(*db, audit_entry(request, "registration_approved", "registration:" + std::to_string(id),
                                          "user:" + std::to_string(user_id)),
                         now);
      mail::queue_mail(*db, app.catalog, applicant_language, "registration_approved", a.email,
                 {{"name", a.name}, {"url", app.auth.public_url + "/sign-in"}});
    } else {
      auth::append_audit(*db,
                         audit_entry(request, "registration_rejected", "registration:" + std::to_string(id), reason),
                         now);
      mail::queue_mail(*db, app.catalog, applicant_language, "registration_rejected", a.email,
                 {{"name", a.name}, {"reason", reason}});
    }
    transaction.commit();
    return Outcome::done;
  }();
  switch (outcome) {
    case Outcome::gone: return registrations_page(app, request, "", t("admin.registration_gone"), 409);
    case Outcome::account_exists: return registrations_page(app, request, "", t("admin.account_exists"), 409);
    case Outcome::done: break;
  }
  return registrations_page(
      app, request, app.catalog.text(language, approve ? "admin.approved" : "admin.rejected", {{"name", applicant_name}}),
      "");
}

// `error` is shown in the row of account `error_for` (its form open), else above the table.
HttpResponse users_page(const AppContext& app, HttpRequest& request, const std::string& notice,
                        const std::string& error, int status = 200, std::optional<std::int64_t> error_for = {}) {
  bool error_shown_in_row = false;
  const auto language = language_of(request);
  const bool may_edit = auth::may(request.visit.viewer, Permission::manage_users);
  auto db = app.pool->acquire();
  nlohmann::json users = nlohmann::json::array();
  for (const auto& stored : auth::list_accounts(*db)) {
    std::string roles;
    for (const auto role : stored.account.roles) roles += (roles.empty() ? "" : ", ") + role_label(app, language, role);
    nlohmann::json role_choices = nlohmann::json::array();
    for (const auto role : auth::all_roles)
      role_choices.push_back({{"value", std::string(to_string(role))}, {"label", role_label(app, language, role)},
                              {"checked", stored.account.roles.contains(role)}});
    users.push_back({{"id", std::to_string(stored.account.id)},
                     {"role_choices", role_choices},
                     {"may_edit", may_edit},
                     {"name", stored.account.name},
                     {"email", stored.account.email},
                     {"state", state_name(app, stored.account.state_iso3, language)},
                     {"roles", roles},
                     {"two_factor", stored.account.totp_enabled},
                     {"active", stored.account.active},
                     {"created_at", text::format_timestamp(app.catalog, language, stored.created_at)},
                     {"row_error", stored.account.id == error_for ? error : ""}});
    error_shown_in_row = error_shown_in_row || stored.account.id == error_for;
  }
  return render_page(app, request, choose_language(request), "admin/users",
                     {{"title", app.catalog.text(language, "admin.users_title")},
                      {"users", users},
                      {"notice", notice},
                      {"error", error_shown_in_row ? "" : error}},
                     status);
}

HttpResponse show_users(const AppContext& app, HttpRequest& request) {
  if (auto refusal = refuse_unless(app, request, Permission::review_registrations)) return std::move(*refusal);
  return users_page(app, request, "", "");
}

// Administrators change roles and close or reopen accounts; each change is audited.
HttpResponse change_user(const AppContext& app, HttpRequest& request) {
  if (auto refusal = refuse_unless(app, request, Permission::manage_users)) return std::move(*refusal);
  const auto language = language_of(request);
  const auto t = [&](const char* key) { return app.catalog.text(language, key); };
  const auto number = positive_number(request.path_param("id"));
  if (!number) return users_page(app, request, "", t("admin.user_unknown"), 404);
  const auto id = *number;
  std::set<auth::Role> roles;
  for (const auto& [name, value] : parse_query(request.body)) {
    if (name != "role") continue;
    const auto role = auth::role_from_string(value);
    if (!role) return users_page(app, request, "", t("admin.role_unknown"), 400, id);
    roles.insert(*role);
  }
  if (roles.contains(auth::Role::reporting_officer)) roles.insert(auth::Role::state_representative);
  const bool active = request.form_or_empty("active") == "yes";
  std::string error;
  {
    auto db = app.pool->acquire();
    store::Transaction transaction(*db);
    const auto stored = auth::find_account(*db, id);
    if (!stored) {
      error = t("admin.user_unknown");
    } else if (id == *request.visit.viewer.user_id && (!active || !roles.contains(auth::Role::administrator))) {
      error = t("admin.not_yourself");  // an administrator cannot lock the last door behind them
    } else if (std::any_of(roles.begin(), roles.end(), auth::needs_state) && !stored->account.state_iso3) {
      error = t("admin.role_needs_state");
    } else if (!auth::may_grant_roles(request.visit.viewer, id, auth::roles_added(stored->account.roles, roles))) {
      error = t("admin.no_secretariat_for_yourself");
    } else {
      const auto now = Timestamp::now();
      auto role_text = [](const std::set<auth::Role>& set) {
        std::string text;
        for (const auto role : set) text += (text.empty() ? "" : ",") + std::string(to_string(role));
        return text;
      };
      if (roles != stored->account.roles) {
        auth::set_roles(*db, id, roles, now);
        auth::append_audit(*db, audit_entry(request, "roles_changed", "user:" + std::to_string(id),
                                            role_text(stored->account.roles) + " -> " + role_text(roles)),
                           now);
        if (auth::roles_added(stored->account.roles, roles).contains(auth::Role::secretariat))
          mail::announce_secretariat_grant(*db, app.catalog, id, request.visit.viewer.email);
      }
      if (active != stored->account.active) {
        auth::set_active(*db, id, active, now);
        if (!active) auth::revoke_credentials_of(*db, id, std::chrono::system_clock::now());
        auth::append_audit(*db, audit_entry(request, active ? "account_reopened" : "account_closed",
                                            "user:" + std::to_string(id)),
                           now);
      }
      transaction.commit();
    }
  }
  if (!error.empty()) return users_page(app, request, "", error, 400, id);
  return users_page(app, request, t("admin.user_saved"), "");
}

HttpResponse show_audit(const AppContext& app, HttpRequest& request) {
  if (auto refusal = refuse_unless(app, request, Permission::read_audit_log)) return std::move(*refusal);
  const auto language = language_of(request);
  std::optional<std::int64_t> before;
  if (const auto text = request.query("before")) {
    try {
      before = std::stoll(*text);
    } catch (const std::exception&) {
      before.reset();
    }
  }
  auto db = app.pool->acquire();
  const auto records = auth::read_audit(*db, 100, before);
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& record : records)
    rows.push_back({{"seq", std::to_string(record.seq)}, {"at", record.at}, {"actor", record.entry.actor},
                    {"action", record.entry.action}, {"target", record.entry.target},
                    {"detail", record.entry.detail}, {"ip", record.entry.ip}});
  const auto verification = auth::verify_audit(*db);
  return render_page(app, request, choose_language(request), "admin/audit",
                     {{"title", app.catalog.text(language, "admin.audit_title")},
                      {"rows", rows},
                      {"intact", verification.intact},
                      {"entries", std::to_string(verification.entries)},
                      {"older", records.size() == 100 ? std::to_string(records.back().seq) : ""}});
}

HttpResponse export_audit(const AppContext& app, HttpRequest& request) {
  if (auto refusal = refuse_unless(app, request, Permission::read_audit_log)) return std::move(*refusal);
  auto db = app.pool->acquire();
  auto csv = auth::audit_csv(auth::read_all_audit(*db), csv_reader_param(request));
  auth::record_audit(*db, audit_entry(request, "audit_log_exported"), Timestamp::now());
  HttpResponse response{200, {{"Content-Type", "text/csv; charset=utf-8"},
                              {"Content-Disposition", "attachment; filename=\"att-audit-log.csv\""},
                              {"Cache-Control", "private, no-store"}},
                        std::move(csv)};
  return response;
}

}  // namespace

void add_admin_routes(Router& router, const AppContext& app) {
  router.add(HttpMethod::get, "/admin/registrations", [&app](HttpRequest& r) { return show_registrations(app, r); });
  router.add(HttpMethod::post, "/admin/registrations/{id}/approve", [&app](HttpRequest& r) { return decide(app, r, true); });
  router.add(HttpMethod::post, "/admin/registrations/{id}/reject", [&app](HttpRequest& r) { return decide(app, r, false); });
  router.add(HttpMethod::get, "/admin/users", [&app](HttpRequest& r) { return show_users(app, r); });
  router.add(HttpMethod::post, "/admin/users/{id}", [&app](HttpRequest& r) { return change_user(app, r); });
  router.add(HttpMethod::get, "/admin/audit", [&app](HttpRequest& r) { return show_audit(app, r); });
  router.add(HttpMethod::get, "/admin/audit.csv", [&app](HttpRequest& r) { return export_audit(app, r); });
}

}  // namespace att::web
