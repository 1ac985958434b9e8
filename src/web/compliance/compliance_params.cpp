#include "web/compliance/compliance_params.hpp"

#include <charconv>

#include "core/compliance/obligations.hpp"

namespace att::web {

namespace {

std::string cut(const std::string& value) { return value.substr(0, 40); }

}  // namespace

tl::expected<int, ParamError> year_param(const HttpRequest& request, const AppContext& app, Language language) {
  const auto first = compliance::first_reporting_year(app.obligation_rules);
  const auto text = request.query("year").value_or("");
  int year = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (text.size() != 4 || error != std::errc{} || end != text.data() + text.size() || year < first)
    return tl::unexpected(ParamError{"year", "invalid_year",
                                     app.catalog.text(language, "errors.compliance_year",
                                                      {{"value", cut(text)}, {"first", std::to_string(first)}})});
  return year;
}

tl::expected<ReportAsked, ParamError> report_param(const HttpRequest& request, const AppContext& app,
                                                   Language language) {
  auto report = request.query("report").value_or("");
  if (report.empty()) report = "annual";
  if (report == "initial") return ReportAsked{};
  if (report != "annual")
    return tl::unexpected(ParamError{"report", "invalid_report",
                                     app.catalog.text(language, "errors.compliance_report", {{"value", cut(report)}})});
  return year_param(request, app, language).map([](int year) { return ReportAsked{year}; });
}

tl::expected<TableFormat, ParamError> table_format_param(const HttpRequest& request, const AppContext& app,
                                                         Language language) {
  const auto format = request.query("format").value_or("");
  if (format.empty() || format == "json") return TableFormat::json;
  if (format == "csv") return TableFormat::csv;
  if (format == "xlsx") return TableFormat::xlsx;
  return tl::unexpected(ParamError{"format", "invalid_format",
                                   app.catalog.text(language, "errors.compliance_format", {{"value", cut(format)}})});
}

tl::expected<const StateRecord*, ParamError> state_code(const std::string& code, const AppContext& app,
                                                        Language language, const std::string& parameter) {
  if (const auto* state = code.size() == 3 ? app.states->find_by_code(code) : nullptr) return state;
  return tl::unexpected(ParamError{parameter, "unknown_state",
                                   app.catalog.text(language, "errors.state_unknown", {{"code", cut(code)}})});
}

}  // namespace att::web
