// The query parameters of reporting status, read and checked once for the API and the page:
// which report (the annual report of a year, or the initial report), as of when, in which format.
#pragma once

#include <optional>
#include <string>
#include <tl/expected.hpp>

#include "core/date.hpp"
#include "core/state_record.hpp"
#include "web/kit/app_context.hpp"
#include "web/kit/request_params.hpp"

namespace att::web {

// The report the status is asked for: with no year, the initial report.
struct ReportAsked {
  std::optional<int> year;
  [[nodiscard]] std::string kind() const { return year ? "annual" : "initial"; }
};

// ?report=annual|initial (annual when absent) and, for the annual report, ?year=YYYY from the
// first reporting year under the configured rules.
tl::expected<ReportAsked, ParamError> report_param(const HttpRequest& request, const AppContext& app,
                                                   Language language);

// ?year=YYYY alone, from the first reporting year.
tl::expected<int, ParamError> year_param(const HttpRequest& request, const AppContext& app, Language language);

enum class TableFormat { json, csv, xlsx };
// ?format=json|csv|xlsx, json when absent.
tl::expected<TableFormat, ParamError> table_format_param(const HttpRequest& request, const AppContext& app,
                                                         Language language);

// A State of the register named by its ISO3 code, or a ParamError with suggestions in the message.
tl::expected<const StateRecord*, ParamError> state_code(const std::string& code, const AppContext& app,
                                                        Language language, const std::string& parameter);

}  // namespace att::web
