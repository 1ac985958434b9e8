#include "web/notifications/preferences_page.hpp"

#include "exchange/notifications/settings_store.hpp"
#include "web/kit/form_page.hpp"
#include "web/kit/guard.hpp"

namespace att::web {

namespace {

using auth::Permission;
using notifications::Delivery;

constexpr std::string_view page_path = "/account/notifications";

FormPage preferences_form(const AppContext& app, Language language, Delivery chosen) {
  const auto t = [&](const std::string& key) { return app.catalog.text(language, key); };
  FormPage page;
  page.title = t("notifications.title");
  page.intro = t("notifications.intro");
  page.action = std::string(page_path);
  page.submit = t("notifications.submit");
  FormField delivery;
  delivery.name = "delivery";
  delivery.label = t("notifications.field_delivery");
  delivery.type = "select";
  delivery.value = std::string(to_string(chosen));
  delivery.help = t("notifications.delivery_help");
  delivery.max_length = 20;
  for (const auto choice : notifications::all_deliveries) {
    const std::string value(to_string(choice));
    delivery.options.push_back({value, t("notifications.deliveries." + value)});
  }
  page.fields = {delivery};
  page.links = {{"/restricted/new", t("notifications.new_link")}, {"/account", t("account.title")}};
  return page;
}

HttpResponse show(const AppContext& app, HttpRequest& request) {
  if (auto refusal = refuse_unless(app, request, Permission::manage_own_account)) return std::move(*refusal);
  const auto language = language_of(request);
  std::optional<notifications::NotificationSettings> settings;
  {
    auto db = app.pool->acquire();
    settings = notifications::settings_of(*db, *request.visit.viewer.user_id, Timestamp::now());
  }
  auto page = preferences_form(app, language, settings ? settings->delivery : notifications::default_delivery);
  if (request.query("saved")) page.notice = app.catalog.text(language, "notifications.saved");
  auto response = render_form(app, request, page);
  response.set_private_no_store();
  return response;
}

HttpResponse save(const AppContext& app, HttpRequest& request) {
  if (auto refusal = refuse_unless(app, request, Permission::manage_own_account)) return std::move(*refusal);
  const auto language = language_of(request);
  const auto chosen = notifications::delivery_from_string(request.form_or_empty("delivery"));
  if (!chosen) {
    auto page = preferences_form(app, language, notifications::default_delivery);
    page.fields.front().value.clear();
    page.fields.front().error = app.catalog.text(language, "notifications.errors.delivery");
    page.error = app.catalog.text(language, "errors.heading");
    return render_form(app, request, page, 400);
  }
  {
    auto db = app.pool->acquire();
    notifications::choose_delivery(*db, *request.visit.viewer.user_id, *chosen, Timestamp::now());
  }
  return HttpResponse::redirect(std::string(page_path) + "?saved=1");
}

}  // namespace

void add_preferences_page(Router& router, const AppContext& app) {
  router.add(HttpMethod::get, std::string(page_path), [&app](HttpRequest& r) { return show(app, r); });
  router.add(HttpMethod::post, std::string(page_path), [&app](HttpRequest& r) { return save(app, r); });
}

}  // namespace att::web
