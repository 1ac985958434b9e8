#include "web/exchange/inventory_routes.hpp"

#include "exchange/announcements_store.hpp"
#include "reporting/table_workbook.hpp"
#include "web/exchange/comment_inventory.hpp"
#include "web/exchange/exchange_view.hpp"
#include "web/http/api_errors.hpp"
#include "web/kit/guard.hpp"
#include "web/kit/language.hpp"
#include "web/kit/page.hpp"
#include "web/kit/printable.hpp"
#include "web/kit/request_params.hpp"

namespace att::web {

namespace {

constexpr const char* xlsx_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

struct Compiled {
  exchange::Announcement announcement;
  std::vector<exchange::Comment> comments;
};

// The announcement and its comments as the viewer may see them; nothing when outside.
std::optional<Compiled> read_for(const AppContext& app, const HttpRequest& request) {
  const auto id = id_in_path(request, "id");
  if (!id) return std::nullopt;
  auto db = app.pool->acquire();
  auto announcement = exchange::find_announcement(*db, request.visit.viewer, *id);
  if (!announcement) return std::nullopt;
  auto comments = exchange::comments_on(*db, request.visit.viewer, *id);
  return Compiled{std::move(*announcement), std::move(comments)};
}

HttpResponse download(std::string content_type, std::string body, const std::string& name) {
  HttpResponse response{200, {{"Content-Type", std::move(content_type)}}, std::move(body)};
  response.set_header("Content-Disposition", "attachment; filename=\"" + name + "\"");
  response.set_private_no_store();
  return response;
}

HttpResponse inventory_page(const AppContext& app, const HttpRequest& request) {
  const auto compiled = read_for(app, request);
  if (!compiled) return page_not_found(app, request);
  const auto language = language_of(request);
  const auto lines = compile_inventory(app, language, compiled->announcement, compiled->comments);
  auto context = inventory_context(app, language, compiled->announcement, lines);
  context["links"] = true;
  context["back_href"] = "/announcements/" + std::to_string(compiled->announcement.id);
  auto response = render_page(app, request, choose_language(request), "exchange/inventory", std::move(context));
  response.set_private_no_store();
  return response;
}

HttpResponse inventory_api(const AppContext& app, const HttpRequest& request) {
  const auto language = language_of(request);
  const auto format = request.query("format").value_or("csv");
  if (format != "csv" && format != "xlsx" && format != "pdf")
    return bad_parameter({"format", "invalid_format",
                          app.catalog.text(language, "exchange.errors.inventory_format", {{"value", shown(format)}})});
  const auto compiled = read_for(app, request);
  if (!compiled)
    return api_error(404, "announcement_not_found",
                     app.catalog.text(language, "exchange.errors.announcement_not_found"));
  const auto lines = compile_inventory(app, language, compiled->announcement, compiled->comments);
  const auto name = "comments-" + std::to_string(compiled->announcement.id) + "." + format;
  if (format == "pdf")
    return pdf_document(app, request, choose_language(request), "exchange/inventory",
                        inventory_context(app, language, compiled->announcement, lines), name);
  const auto headings = inventory_headings(app, language);
  const auto rows = inventory_rows(app, language, lines);
  if (format == "xlsx") return download(xlsx_type, reporting::write_table_workbook("Comments", headings, rows), name);
  const auto reader = csv_reader_param(request);
  std::string csv;
  io::append_csv_line(csv, headings, reader);
  for (const auto& row : rows) io::append_csv_line(csv, row, reader);
  return download("text/csv; charset=utf-8", std::move(csv), name);
}

}  // namespace

void add_inventory_routes(Router& router, const AppContext& app) {
  router.add(HttpMethod::get, "/announcements/{id}/inventory",
             [&app](HttpRequest& r) { return inventory_page(app, r); });
  router.add(HttpMethod::get, "/api/v1/announcements/{id}/inventory",
             [&app](HttpRequest& r) { return inventory_api(app, r); });
}

}  // namespace att::web
