#include "web/health/health_routes.hpp"

namespace att::web {

void add_health_routes(Router& router, const AppContext&) {
  router.add(HttpMethod::get, "/api/v1/health", [](HttpRequest&) {
    auto response = HttpResponse::json(200, R"({"status":"ok"})");
    response.set_header("Cache-Control", "no-store");
    return response;
  });
}

}  // namespace att::web
