#include "web/accounts/registration_routes.hpp"

#include "auth/accounts_store.hpp"
#include "auth/audit_log.hpp"
#include "auth/registrations.hpp"
#include "auth/secrets.hpp"
#include "core/date.hpp"
#include "text/collation.hpp"
#include "web/kit/form_page.hpp"
#include "web/kit/guard.hpp"
#include "mail/mail_text.hpp"
#include "web/accounts/password_rules.hpp"
#include "core/timestamp.hpp"

namespace att::web {

namespace {

constexpr auth::Role applicable_roles[] = {auth::Role::state_representative, auth::Role::reporting_officer,
                                           auth::Role::observer};

std::vector<FormOption> state_options(const AppContext& app, Language language) {
  std::vector<std::string> names;
  for (const auto& state : app.states->states()) names.push_back(state.name(language));
  std::vector<FormOption> options;
  for (const auto position : text::collated_order(names, language))
    options.push_back({app.states->states()[position].iso3, names[position]});
  return options;
}

struct ApplicationForm {
  std::string name, email, state, position, role, note, password, confirm;

  static ApplicationForm from(const HttpRequest& request) {
    return {request.form_or_empty("name"),     request.form_or_empty("email"),   request.form_or_empty("state"),
            request.form_or_empty("position"), request.form_or_empty("role"),    request.form_or_empty("note"),
            request.form_or_empty("password"), request.form_or_empty("password_confirm")};
  }
};

FormPage application_page(const AppContext& app, const HttpRequest& request, const ApplicationForm& form,
                          const std::map<std::string, std::string>& errors) {
  const auto language = language_of(request);
  const auto t = [&](const std::string& key) { return app.catalog.text(language, key); };
  const auto error = [&](const std::string& field) {
    const auto found = errors.find(field);
    return found == errors.end() ? std::string() : found->second;
  };
  std::vector<FormOption> roles;
  for (const auto role : applicable_roles)
    roles.push_back({std::string(to_string(role)), t("roles." + std::string(to_string(role)))});
  FormPage page{t("register.title"), t("register.intro"), "/register", t("register.submit"), {}, {}, {}, {}};
  page.fields = {
      {"name", t("register.name"), "text", form.name, "name", {}, error("name"), true, 100, {}},
      {"email", t("auth.email"), "email", form.email, "email", t("register.email_help"), error("email"), true, 254, {}},
      {"state", t("register.state"), "select", form.state, {}, {}, error("state"), true, 3, state_options(app, language)},
      {"position", t("register.position"), "text", form.position, "organization-title", t("register.position_help"),
       error("position"), true, 150, {}},
      {"role", t("register.role"), "select", form.role, {}, t("register.role_help"), error("role"), true, 40, roles},
      {"note", t("register.note"), "textarea", form.note, {}, t("register.note_help"), error("note"), false, 1000, {}},
      {"password", t("register.password"), "password", {}, "new-password", t("auth.password_help"), error("password"),
       true, 256, {}},
      {"password_confirm", t("register.password_confirm"), "password", {}, "new-password", {}, error("password_confirm"),
       true, 256, {}},
  };
  if (!errors.empty()) page.error = t("errors.heading");
  page.links = {{"/sign-in", t("auth.have_account")}};
  return page;
}

std::size_t characters(const std::string& text) {
  std::size_t count = 0;
  for (const char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

std::map<std::string, std::string> check(const AppContext& app, Language language, const ApplicationForm& form) {
  const auto t = [&](const std::string& key) { return app.catalog.text(language, key); };
  std::map<std::string, std::string> errors;
  if (characters(form.name) < 2 || characters(form.name) > 100) errors["name"] = t("register.error_name");
  if (!auth::looks_like_email(auth::normalize_email(form.email))) errors["email"] = t("register.error_email");
  if (!app.states->find_by_code(form.state) || form.state.size() != 3) errors["state"] = t("register.error_state");
  if (characters(form.position) < 2 || characters(form.position) > 150) errors["position"] = t("register.error_position");
  const auto role = auth::role_from_string(form.role);
  if (!role || std::find(std::begin(applicable_roles), std::end(applicable_roles), *role) == std::end(applicable_roles))
    errors["role"] = t("register.error_role");
  if (characters(form.note) > 1000) errors["note"] = t("register.error_note");
  if (const auto problem = password_problem_text(app, language, form.password, form.email))
    errors["password"] = *problem;
  if (form.password != form.confirm) errors["password_confirm"] = t("auth.error_confirm");
  return errors;
}

HttpResponse show_application(const AppContext& app, HttpRequest& request) {
  return render_form(app, request, application_page(app, request, {}, {}));
}

HttpResponse submit_application(const AppContext& app, HttpRequest& request) {
  const auto language = language_of(request);
  const auto form = ApplicationForm::from(request);
  const auto errors = check(app, language, form);
  if (!errors.empty()) return render_form(app, request, application_page(app, request, form, errors), 400);

  const auto email = auth::normalize_email(form.email);
  const auto now = std::chrono::system_clock::now();
  // Hashed even when the address has an account and the hash is not kept: otherwise the answer
  // would come some 50 times sooner for an existing account and tell who has one.
  const auto password_hash = auth::hash_password(form.password);
  auto db = app.pool->acquire();
  store::Transaction transaction(*db);
  if (auth::find_account_by_email(*db, email)) {
    // Tell the owner of the address, not the person at the keyboard: the page says the same
    // whether or not an account exists.
    mail::queue_mail(*db, app.catalog, language, "already_registered", email, {{"url", app.auth.public_url + "/sign-in"}});
  } else {
    std::int64_t id = 0;
    const auto token = auth::create_registration(
        *db,
        {email, form.name, form.position, form.state, *auth::role_from_string(form.role), form.note,
         password_hash, std::string(code_of(language))},
        now, &id);
    mail::queue_mail(*db, app.catalog, language, "confirm_registration", email,
               {{"name", form.name}, {"url", app.auth.public_url + "/register/confirm?token=" + token}});
    auth::append_audit(*db, audit_entry(request, std::nullopt, email, "registration_submitted",
                                        "registration:" + std::to_string(id), form.state + " " + form.role),
                       Timestamp::of(now));
  }
  transaction.commit();
  return render_message(app, request, app.catalog.text(language, "register.sent_title"),
                        app.catalog.text(language, "register.sent", {{"email", email}}));
}

HttpResponse confirm(const AppContext& app, HttpRequest& request) {
  const auto language = language_of(request);
  auto db = app.pool->acquire();
  store::Transaction transaction(*db);
  const auto registration =
      auth::confirm_registration(*db, request.query("token").value_or(""), std::chrono::system_clock::now());
  if (!registration) {
    return render_message(app, request, app.catalog.text(language, "register.confirm_failed_title"),
                          app.catalog.text(language, "register.confirm_failed"), 400,
                          {{"/register", app.catalog.text(language, "register.title")}});
  }
  const auto& applicant = registration->application;
  auth::append_audit(*db, audit_entry(request, std::nullopt, applicant.email, "registration_confirmed",
                                      "registration:" + std::to_string(registration->id)),
                     Timestamp::now());
  // Let the Secretariat know there is an application to review.
  for (const auto& stored : auth::list_accounts(*db)) {
    if (stored.account.active && stored.account.roles.contains(auth::Role::secretariat))
      mail::queue_mail(*db, app.catalog, Language::en, "registration_to_review", stored.account.email,
                 {{"name", applicant.name},
                  {"state", app.states->find_by_code(applicant.state_iso3)
                                ? app.states->find_by_code(applicant.state_iso3)->name_en
                                : applicant.state_iso3},
                  {"url", app.auth.public_url + "/admin/registrations"}});
  }
  transaction.commit();
  return render_message(app, request, app.catalog.text(language, "register.confirmed_title"),
                        app.catalog.text(language, "register.confirmed"));
}

}  // namespace

void add_registration_routes(Router& router, const AppContext& app) {
  router.add(HttpMethod::get, "/register", [&app](HttpRequest& r) { return show_application(app, r); });
  router.add(HttpMethod::post, "/register", [&app](HttpRequest& r) { return submit_application(app, r); });
  router.add(HttpMethod::get, "/register/confirm", [&app](HttpRequest& r) { return confirm(app, r); });
}

}  // namespace att::web
