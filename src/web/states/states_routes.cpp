#include "web/states/states_routes.hpp"

#include "core/participation.hpp"
#include "web/http/api_errors.hpp"
#include "web/http/compression.hpp"
#include "web/kit/language.hpp"
#include "web/kit/request_params.hpp"
#include "io/states_json.hpp"

namespace att::web {

namespace {

HttpResponse list_states(const AppContext& app, const HttpRequest& request) {
  const auto language = choose_language(request).language;
  const auto as_of = as_of_param(request, app, language);
  if (!as_of) return bad_parameter(as_of.error());
  const auto region = region_param(request, app, language);
  if (!region) return bad_parameter(region.error());
  const auto status = status_param(request, app, language);
  if (!status) return bad_parameter(status.error());

  // The register does not change while the server runs: the list for a date and a filter is
  // computed once. The key holds the resolved date, so "today" moves on at midnight (UTC).
  const auto key = as_of->iso() + "|" + region->value_or("") + "|" +
                   (*status ? std::string(to_string(**status)) : std::string());
  const auto body = app.states_lists->get(key, [&] {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& state : states_on(*app.states, *as_of, {*region, *status})) list.push_back(io::state_json(state));
    return json_text(list);
  });
  auto response = HttpResponse::json(200, {});
  set_encoded_body(request, *body, response);
  return response;
}

HttpResponse get_state(const AppContext& app, const HttpRequest& request) {
  const auto language = choose_language(request).language;
  const auto as_of = as_of_param(request, app, language);
  if (!as_of) return bad_parameter(as_of.error());
  const auto& code = request.path_param("iso3");
  const StateRecord* state = code.size() == 3 ? app.states->find_by_code(code) : nullptr;
  if (state == nullptr) {
    nlohmann::json suggestions = nlohmann::json::array();
    if (auto resolved = app.states->resolve(code); resolved) {
      suggestions.push_back((*resolved)->iso3);
    } else {
      for (const auto* guess : resolved.error().suggestions) suggestions.push_back(guess->iso3);
    }
    return api_error(404, "unknown_state",
                     app.catalog.text(language, "errors.state_unknown", {{"code", code.substr(0, 40)}}),
                     {{"suggestions", suggestions}});
  }
  return HttpResponse::json(200, json_text(io::state_json({state, status_on(*state, *as_of)})));
}

}  // namespace

void add_states_routes(Router& router, const AppContext& app) {
  router.add(HttpMethod::get, "/api/v1/states", [&app](HttpRequest& request) { return list_states(app, request); });
  router.add(HttpMethod::get, "/api/v1/states/{iso3}", [&app](HttpRequest& request) { return get_state(app, request); });
}

}  // namespace att::web
