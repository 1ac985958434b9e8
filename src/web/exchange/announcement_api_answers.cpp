#include "web/exchange/announcement_api_answers.hpp"

#include "web/http/api_errors.hpp"
#include "web/kit/guard.hpp"

namespace att::web {

HttpResponse announcement_not_found(const AppContext& app, const HttpRequest& request) {
  return api_error(404, "announcement_not_found",
                   app.catalog.text(language_of(request), "exchange.errors.announcement_not_found"));
}

HttpResponse invalid_field(const AppContext& app, const HttpRequest& request, const FieldError& error) {
  return api_error(400, "invalid_field", app.catalog.text(language_of(request), error.message_key),
                   {{"field", error.field}});
}

HttpResponse uncached(HttpResponse response) {
  response.set_private_no_store();
  return response;
}

}  // namespace att::web
