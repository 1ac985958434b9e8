#include "web/notifications/whats_new_page.hpp"

#include "exchange/notifications/news_text.hpp"
#include "exchange/notifications/settings_store.hpp"
#include "text/dates.hpp"
#include "web/kit/guard.hpp"
#include "web/kit/language.hpp"
#include "web/kit/page.hpp"

namespace att::web {

namespace {

using auth::Permission;

// The page lists the newest; older ones are counted and found in the lists they belong to.
constexpr std::size_t most_items_listed = 100;

nlohmann::json item_view(const AppContext& app, Language language, const notifications::NewsItem& item) {
  return {{"kind", std::string(to_string(item.kind))},
          {"summary", notifications::describe(app.catalog, *app.states, language, item)},
          {"href", notifications::path_of(item)},
          {"at", text::format_timestamp(app.catalog, language, item.at)}};
}

HttpResponse show(const AppContext& app, HttpRequest& request) {
  if (auto refusal = refuse_unless(app, request, Permission::manage_own_account)) return std::move(*refusal);
  const auto language = language_of(request);
  const auto& viewer = request.visit.viewer;
  const auto now = Timestamp::now();
  nlohmann::json items = nlohmann::json::array();
  std::int64_t total = 0;
  Timestamp since = now;
  {
    auto db = app.pool->acquire();
    if (const auto window = notifications::unseen_window(*db, viewer, now)) {
      since = window->after;
      for (const auto& item : notifications::news_for(*db, viewer, *window, most_items_listed))
        items.push_back(item_view(app, language, item));
      total = notifications::count_news(*db, viewer, *window);
    }
  }
  const auto listed = static_cast<std::int64_t>(items.size());
  const auto since_text = text::format_timestamp(app.catalog, language, since);
  auto response = render_page(
      app, request, choose_language(request), "notifications/new",
      {{"title", app.catalog.text(language, "notifications.new_title")},
       {"intro", app.catalog.text(language, "notifications.new_intro", {{"since", since_text}})},
       {"none", app.catalog.text(language, "notifications.new_none", {{"since", since_text}})},
       {"items", std::move(items)},
       {"has_items", listed > 0},
       {"count", total},
       {"more", total > listed
                    ? app.catalog.text(language, "notifications.new_more", {{"count", std::to_string(total - listed)}})
                    : std::string()},
       {"through", now.iso()}});
  response.set_private_no_store();
  return response;
}

// Marks seen what the page showed: up to the instant it was drawn, so that whatever was published
// while it was open stays new.
HttpResponse mark_seen(const AppContext& app, HttpRequest& request) {
  if (auto refusal = refuse_unless(app, request, Permission::manage_own_account)) return std::move(*refusal);
  const auto now = Timestamp::now();
  const auto through = Timestamp::parse(request.form_or_empty("through")).value_or(now);
  {
    auto db = app.pool->acquire();
    notifications::mark_seen(*db, *request.visit.viewer.user_id, through, now);
  }
  return HttpResponse::redirect("/restricted/new");
}

}  // namespace

void add_whats_new_page(Router& router, const AppContext& app) {
  router.add(HttpMethod::get, "/restricted/new", [&app](HttpRequest& r) { return show(app, r); });
  router.add(HttpMethod::post, "/restricted/new/seen", [&app](HttpRequest& r) { return mark_seen(app, r); });
}

}  // namespace att::web
