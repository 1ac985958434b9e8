#include "web/platform_use/platform_use_page.hpp"

#include "io/csv_writer.hpp"
#include "reporting/platform_use.hpp"
#include "text/numbers.hpp"
#include "web/kit/guard.hpp"
#include "web/kit/page.hpp"
#include "web/kit/request_params.hpp"

namespace att::web {

namespace {

using reporting::PlatformUseYear;

// The columns, in order: the CSV's names and the page's headings (platform_use.<name>).
const std::vector<std::pair<std::string, std::int64_t PlatformUseYear::*>>& columns() {
  static const std::vector<std::pair<std::string, std::int64_t PlatformUseYear::*>> all{
      {"reports_online", &PlatformUseYear::reports_online},
      {"reports_email", &PlatformUseYear::reports_email},
      {"reports_import", &PlatformUseYear::reports_import},
      {"states_online", &PlatformUseYear::states_online},
      {"registrations", &PlatformUseYear::registrations},
      {"registrations_approved", &PlatformUseYear::registrations_approved},
      {"consultation_comments", &PlatformUseYear::consultation_comments},
      {"states_commenting", &PlatformUseYear::states_commenting}};
  return all;
}

HttpResponse as_csv(const std::vector<PlatformUseYear>& years, io::CsvFor reader) {
  std::vector<std::string> fields{"year"};
  for (const auto& [name, member] : columns()) fields.push_back(name);
  std::string out;
  io::append_csv_line(out, fields, reader);
  for (const auto& year : years) {
    fields = {std::to_string(year.year)};
    for (const auto& [name, member] : columns()) fields.push_back(std::to_string(year.*member));
    io::append_csv_line(out, fields, reader);
  }
  HttpResponse response{200, {{"Content-Type", "text/csv; charset=utf-8"}}, std::move(out)};
  response.set_header("Content-Disposition", "attachment; filename=\"att-platform-use.csv\"");
  response.set_private_no_store();
  return response;
}

HttpResponse platform_use_page(const AppContext& app, const HttpRequest& request) {
  if (auto refusal = refuse_unless(app, request, platform_use_permission)) return std::move(*refusal);
  const auto years = reporting::platform_use(*app.pool->acquire());
  if (request.query("format") == "csv") return as_csv(years, csv_reader_param(request));
  const auto language = language_of(request);
  nlohmann::json headings = nlohmann::json::array();
  for (const auto& [name, member] : columns()) headings.push_back(app.catalog.text(language, "platform_use." + name));
  nlohmann::json rows = nlohmann::json::array();
  // Newest first: this year's figures are what a meeting looks at.
  for (auto year = years.rbegin(); year != years.rend(); ++year) {
    nlohmann::json cells = nlohmann::json::array();
    for (const auto& [name, member] : columns())
      cells.push_back(text::format_number(app.catalog, language, std::to_string((*year).*member)));
    rows.push_back({{"year", year->year}, {"cells", std::move(cells)}});
  }
  auto response = render_page(app, request, choose_language(request), "platform_use/page",
                              {{"title", app.catalog.text(language, "platform_use.title")},
                               {"headings", std::move(headings)},
                               {"rows", std::move(rows)},
                               {"has_rows", !years.empty()}});
  response.set_private_no_store();
  return response;
}

}  // namespace

void add_platform_use_page(Router& router, const AppContext& app) {
  router.add(HttpMethod::get, "/status/use", [&app](HttpRequest& request) { return platform_use_page(app, request); });
}

}  // namespace att::web
