#include "web/exchange/announcement_lists.hpp"

#include "auth/policy.hpp"
#include "exchange/announcements_store.hpp"
#include "exchange/notifications/settings_store.hpp"
#include "web/exchange/exchange_view.hpp"
#include "web/kit/guard.hpp"
#include "web/kit/language.hpp"
#include "web/kit/page.hpp"

namespace att::web {

namespace {

using auth::Permission;

// The one list: `reader` decides which rows the query reads, counts included.
nlohmann::json listed(const AppContext& app, Language language, const auth::Viewer& reader) {
  auto db = app.pool->acquire();
  nlohmann::json items = nlohmann::json::array();
  for (const auto& announcement : exchange::announcements_for(*db, reader))
    items.push_back(announcement_view(app, language, announcement));
  return items;
}

HttpResponse list_page(const AppContext& app, const HttpRequest& request, nlohmann::json context) {
  auto response = render_page(app, request, choose_language(request), "exchange/list", std::move(context));
  response.set_private_no_store();
  return response;
}

HttpResponse restricted_area(const AppContext& app, const HttpRequest& request) {
  if (auto refusal = refuse_unless(app, request, Permission::enter_restricted_area)) return std::move(*refusal);
  const auto language = language_of(request);
  const auto& viewer = request.visit.viewer;
  auto items = listed(app, language, viewer);
  const bool has_items = !items.empty();
  std::int64_t new_count = 0;
  {
    auto db = app.pool->acquire();
    new_count = notifications::count_unseen(*db, viewer, Timestamp::now());
  }
  return list_page(
      app, request,
      {{"title", app.catalog.text(language, "restricted.title")},
       {"new_count", app.catalog.text(language, "notifications.new_count", {{"count", std::to_string(new_count)}})},
       {"intro", app.catalog.text(language, "restricted.intro")},
       {"restricted", true},
       {"announcements", std::move(items)},
       {"has_announcements", has_items},
       {"may_read_restricted_reports", auth::may(viewer, Permission::read_restricted_reports)},
       {"may_read_diversion", auth::may(viewer, Permission::read_diversion_exchange)},
       {"may_publish", auth::may(viewer, Permission::publish_announcements)}});
}

HttpResponse public_announcements(const AppContext& app, const HttpRequest& request) {
  const auto language = language_of(request);
  // Read as nobody in particular: the public ones only, whoever asks.
  auto items = listed(app, language, auth::Viewer{});
  const bool has_items = !items.empty();
  return list_page(app, request,
                   {{"title", app.catalog.text(language, "exchange.public_title")},
                    {"intro", app.catalog.text(language, "exchange.public_intro")},
                    {"restricted", false},
                    {"announcements", std::move(items)},
                    {"has_announcements", has_items},
                    {"may_enter_restricted_area", auth::may(request.visit.viewer, Permission::enter_restricted_area)}});
}

}  // namespace

void add_announcement_lists(Router& router, const AppContext& app) {
  router.add(HttpMethod::get, "/restricted", [&app](HttpRequest& r) { return restricted_area(app, r); });
  router.add(HttpMethod::get, "/announcements", [&app](HttpRequest& r) { return public_announcements(app, r); });
}

}  // namespace att::web
