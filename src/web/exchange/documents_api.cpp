#include "web/exchange/documents_api.hpp"

#include "exchange/documents_store.hpp"
#include "web/exchange/documents_view.hpp"
#include "web/http/api_errors.hpp"
#include "web/kit/guard.hpp"

namespace att::web {

namespace {

// The search reads only what the caller may see, so the list and its count say nothing of the rest.
HttpResponse search(const AppContext& app, const HttpRequest& request) {
  const auto language = language_of(request);
  const auto query = request.query("q").value_or("");
  auto db = app.pool->acquire();
  nlohmann::json items = nlohmann::json::array();
  for (const auto& document : exchange::search_documents(*db, request.visit.viewer, query))
    items.push_back(document_view(app, language, document));
  const auto count = items.size();
  auto response = HttpResponse::json(200, json_text({{"q", query}, {"count", count}, {"documents", std::move(items)}}));
  response.set_private_no_store();
  return response;
}

}  // namespace

void add_documents_api(Router& router, const AppContext& app) {
  router.add(HttpMethod::get, "/api/v1/documents", [&app](HttpRequest& r) { return search(app, r); });
}

}  // namespace att::web
