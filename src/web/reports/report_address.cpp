#include "web/reports/report_address.hpp"

#include "web/http/api_errors.hpp"
#include "web/kit/guard.hpp"
#include "web/reports/report_paths.hpp"

namespace att::web {

tl::expected<ReportAddress, HttpResponse> report_address(const AppContext& app, const HttpRequest& request) {
  const auto language = language_of(request);
  const auto& code = request.path_param("state");
  const auto* state = app.states->find_by_code(code);
  if (!state)
    return tl::unexpected(api_error(
        404, "unknown_state", app.catalog.text(language, "errors.state_unknown", {{"code", code.substr(0, 40)}})));
  const auto& year_text = request.path_param("year");
  const auto year = reporting_year(year_text);
  if (!year)
    return tl::unexpected(api_error(
        400, "invalid_year", app.catalog.text(language, "errors.year_invalid", {{"value", year_text.substr(0, 20)}})));
  return ReportAddress{state->iso3, *year};
}

}  // namespace att::web
