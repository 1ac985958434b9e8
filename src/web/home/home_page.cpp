#include "web/home/home_page.hpp"

#include "core/participation.hpp"
#include "web/kit/language.hpp"
#include "web/kit/page.hpp"
#include "web/states/states_page.hpp"

namespace att::web {

namespace {

HttpResponse home_page(const AppContext& app, const HttpRequest& request) {
  const auto choice = choose_language(request);
  const auto summary = summarise(states_on(*app.states, today_utc()));
  nlohmann::json context = {{"title", app.catalog.text(choice.language, "home.title")},
                            {"today", today_utc().iso()},
                            {"counts", counts_json(summary.all)}};
  return render_page(app, request, choice, "home/home", std::move(context));
}

}  // namespace

void add_home_page(Router& router, const AppContext& app) {
  router.add(HttpMethod::get, "/", [&app](HttpRequest& request) { return home_page(app, request); });
}

}  // namespace att::web
