// The State and year a report URL names (/…/reports/{state}/{year}/…), or the API error to answer.
#pragma once

#include <string>
#include <tl/expected.hpp>

#include "web/kit/app_context.hpp"
#include "web/http/http.hpp"

namespace att::web {

struct ReportAddress {
  std::string state;  // ISO3, whichever code the URL used
  int year = 0;
};

// 404 unknown_state or 400 invalid_year, in the caller's language.
tl::expected<ReportAddress, HttpResponse> report_address(const AppContext& app, const HttpRequest& request);

}  // namespace att::web
