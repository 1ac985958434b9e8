#include "web/compliance/status_view.hpp"

#include <cstdio>

#include "text/dates.hpp"
#include "text/numbers.hpp"

namespace att::web {

nlohmann::json timeliness_view(const AppContext& app, Language language, compliance::Timeliness timeliness) {
  const std::string status(to_string(timeliness));
  return {{"status", status},
          {"symbol", app.catalog.text(language, "compliance.symbol." + status)},
          {"label", app.catalog.text(language, "compliance.status." + status)}};
}

std::string percent_decimal(int part, int whole) {
  if (whole == 0) return "";
  char decimal[32];
  std::snprintf(decimal, sizeof decimal, "%.1f", 100.0 * part / whole);
  return decimal;
}

std::string percent_text(const AppContext& app, Language language, int part, int whole) {
  if (whole == 0) return app.catalog.text(language, "compliance.no_rate");
  return app.catalog.text(language, "compliance.percent",
                          {{"value", text::format_number(app.catalog, language, percent_decimal(part, whole))}});
}

nlohmann::json obligation_view(const AppContext& app, Language language, const compliance::StatusRow& row) {
  const auto& status = row.status;
  const bool annual = row.obligation.kind == compliance::ReportKind::annual;
  nlohmann::json view = {
      {"report",
       annual ? std::to_string(row.obligation.year) : app.catalog.text(language, "compliance.initial_report")},
      {"due", text::format_date(app.catalog, language, row.obligation.due.iso())},
      {"received", status.first_received ? text::format_date(app.catalog, language, status.first_received->iso()) : ""},
      {"days_late", status.days_late},
      {"late_days", status.days_late > 0 ? app.catalog.text(language, "compliance.days_late",
                                                            {{"days", std::to_string(status.days_late)}})
                                         : ""},
      {"amended", status.amended()},
      {"status", timeliness_view(app, language, status.timeliness)}};
  if (row.visibility) {
    const std::string visibility(to_string(*row.visibility));
    view["visibility"] = visibility;
    view["visibility_label"] = app.catalog.text(language, "compliance.visibility." + visibility);
  }
  return view;
}

std::string state_history_html(const AppContext& app, Language language, const StateRecord& state, Date as_of,
                               const std::vector<compliance::StatusRow>& rows) {
  nlohmann::json obligations = nlohmann::json::array();
  for (const auto& row : rows) obligations.push_back(obligation_view(app, language, row));
  const nlohmann::json context = {
      {"t", app.catalog.tree(language)},
      {"heading", app.catalog.text(language, "compliance.state_history",
                                   {{"state", state.name(language)},
                                    {"date", text::format_date(app.catalog, language, as_of.iso())}})},
      {"obligations", std::move(obligations)},
      {"has_obligations", !rows.empty()}};
  return app.views.render("compliance/state_history", context);
}

}  // namespace att::web
