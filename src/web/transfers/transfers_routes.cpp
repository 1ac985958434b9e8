#include "web/transfers/transfers_routes.hpp"

#include <memory>

#include "core/timestamp.hpp"
#include "reporting/table_workbook.hpp"
#include "reporting/transfers/line_selection.hpp"
#include "reporting/transfers/transfer_model.hpp"
#include "reporting/transfers/visible_summary.hpp"
#include "web/http/api_errors.hpp"
#include "web/kit/guard.hpp"
#include "web/transfers/explorer_page.hpp"
#include "web/transfers/result_tables.hpp"
#include "web/transfers/transfer_params.hpp"
#include "web/transfers/transfer_views.hpp"
#include "web/transfers/transfers_service.hpp"

namespace att::web {

namespace {

constexpr const char* xlsx_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// Answers depend on who asks and on data that changes: no cache keeps them.
HttpResponse uncached(HttpResponse response) {
  response.set_private_no_store();
  return response;
}

HttpResponse download(std::string content_type, std::string body, const std::string& file_name) {
  HttpResponse response{200, {{"Content-Type", std::move(content_type)}}, std::move(body)};
  response.set_header("Content-Disposition", "attachment; filename=\"" + file_name + "\"");
  return uncached(std::move(response));
}

// What a download says about itself (docs/decisions.md, download metadata).
DownloadAbout about_of(const TransfersService& service, const HttpRequest& request, Language language) {
  const auto query = filter_query_string(request);
  return {query, Timestamp::now().iso(),
          service.app.auth.public_url + "/api/v1/transfers" + (query.empty() ? "" : "?" + query),
          service.app.catalog.text(language, "transfers.terms")};
}

// CSV has no place for a description that every reader skips: the JSON of the same filters,
// without rows, carries it (docs/decisions.md).
HttpResponse described_csv(HttpResponse response, const HttpRequest& request) {
  const auto query_string = filter_query_string(request);
  response.set_header("Link", "</api/v1/transfers?" + query_string + (query_string.empty() ? "" : "&") +
                                  "limit=0>; rel=\"describedby\"; type=\"application/json\"");
  return response;
}

// A summary or mirror table as CSV or XLSX, with the same description as a download of lines.
HttpResponse table_download(const TransfersService& service, const HttpRequest& request, DownloadFormat format,
                            const ResultTable& table, const std::string& file_stem) {
  if (format == DownloadFormat::csv)
    return described_csv(
        download("text/csv; charset=utf-8", result_table_csv(table, csv_reader_param(request)), file_stem + ".csv"),
        request);
  const auto about = about_of(service, request, language_of(request));
  return download(xlsx_type,
                  reporting::write_table_workbook("Transfers", table.columns, table.rows, about_lines(about)),
                  file_stem + ".xlsx");
}

HttpResponse lines(TransfersService& service, const HttpRequest& request, const transfers::BudgetWatch& watch) {
  const TransferParams params(request, service.app, service.categories);
  const auto query = params.rows();
  if (!query) return bad_parameter(query.error());
  const auto about = about_of(service, request, params.language());
  const auto table = service.model.current(*service.app.pool->acquire());
  auto selected = transfers::select_lines(*table, request.visit.viewer, query->filter, *service.app.states, watch);
  auto page = transfers::page_of(*table, std::move(selected), query->sort, query->offset, query->limit);
  switch (query->format) {
    case DownloadFormat::csv: {
      auto response = download("text/csv; charset=utf-8", "", "att-transfers.csv");
      if (query->every_line)
        response.pieces = transfer_rows_csv_pieces(table, std::move(page.lines), csv_reader_param(request));
      else
        response.body = transfer_rows_csv(*table, page.lines, csv_reader_param(request));
      return described_csv(std::move(response), request);
    }
    case DownloadFormat::xlsx:
      return download(xlsx_type, transfer_rows_xlsx(*table, page.lines, about), "att-transfers.xlsx");
    case DownloadFormat::json: break;
  }
  nlohmann::json rows = nlohmann::json::array();
  for (const auto line : page.lines) rows.push_back(transfer_row_json(*table, line));
  return uncached(HttpResponse::json(200, json_text({{"rows", std::move(rows)},
                                                     {"total", page.total},
                                                     {"limit", query->limit},
                                                     {"offset", query->offset},
                                                     {"meta", about_json(about)}})));
}

HttpResponse summary(TransfersService& service, const HttpRequest& request, const transfers::BudgetWatch& watch) {
  const auto query = TransferParams(request, service.app, service.categories).summary();
  if (!query) return bad_parameter(query.error());
  const auto table = service.model.current(*service.app.pool->acquire());
  const auto result = transfers::summarise_visible(*table, request.visit.viewer,
                                                   {query->filter, query->group_by, query->sort, query->limit},
                                                   *service.app.states, watch);
  if (query->format != DownloadFormat::json)
    return table_download(service, request, query->format, summary_table(result), "att-transfers-summary");
  return uncached(HttpResponse::json(200, summary_json_text(result)));
}

HttpResponse mirror(TransfersService& service, const HttpRequest& request, const transfers::BudgetWatch& watch) {
  const auto query = TransferParams(request, service.app, service.categories).mirror();
  if (!query) return bad_parameter(query.error());
  const auto table = service.model.current(*service.app.pool->acquire());
  const auto selected =
      transfers::select_lines(*table, request.visit.viewer, query->filter, *service.app.states, watch);
  const auto pairs = transfers::mirror(*table, selected, query->pairs, watch);
  if (query->format != DownloadFormat::json)
    return table_download(service, request, query->format, mirror_table(pairs, query->offset, query->limit),
                          "att-transfers-mirror");
  return uncached(HttpResponse::json(200, json_text(mirror_json(pairs, query->offset, query->limit))));
}

using Answer = HttpResponse (*)(TransfersService&, const HttpRequest&, const transfers::BudgetWatch&);

// A query over its budget is answered 503 in the caller's language: the question is too large
// for one answer, and the message says how to narrow it.
Handler within_budget(const std::shared_ptr<TransfersService>& service, Answer answer) {
  return [service, answer](HttpRequest& request) {
    try {
      return answer(*service, request, transfers::BudgetWatch(service->app.transfer_budget));
    } catch (const transfers::OverBudget& over) {
      return uncached(
          api_error(503, over_budget_code(over), over_budget_text(service->app.catalog, language_of(request), over)));
    }
  };
}

}  // namespace

void add_transfers_routes(Router& router, const AppContext& app) {
  auto service = std::make_shared<TransfersService>(app, category_codes(app.data_dir));
  router.add(HttpMethod::get, "/api/v1/transfers", within_budget(service, lines));
  router.add(HttpMethod::get, "/api/v1/transfers/summary", within_budget(service, summary));
  router.add(HttpMethod::get, "/api/v1/transfers/mirror", within_budget(service, mirror));
  add_explorer_page(router, service);
}

}  // namespace att::web
