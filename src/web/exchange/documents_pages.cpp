#include "web/exchange/documents_pages.hpp"

#include "auth/policy.hpp"
#include "exchange/documents_store.hpp"
#include "text/dates.hpp"
#include "web/exchange/documents_view.hpp"
#include "web/exchange/exchange_view.hpp"
#include "web/kit/guard.hpp"
#include "web/kit/language.hpp"
#include "web/kit/page.hpp"

namespace att::web {

namespace {

HttpResponse private_page(const AppContext& app, const HttpRequest& request, const std::string& page,
                          nlohmann::json context) {
  auto response = render_page(app, request, choose_language(request), page, std::move(context));
  response.set_private_no_store();
  return response;
}

HttpResponse library(const AppContext& app, const HttpRequest& request) {
  const auto language = language_of(request);
  const auto query = request.query("q").value_or("");
  auto db = app.pool->acquire();
  nlohmann::json items = nlohmann::json::array();
  for (const auto& document : exchange::search_documents(*db, request.visit.viewer, query))
    items.push_back(document_view(app, language, document));
  const bool has_items = !items.empty();
  return private_page(app, request, "exchange/documents",
                      {{"title", app.catalog.text(language, "documents.title")},
                       {"q", query},
                       {"searched", !query.empty()},
                       {"count", items.size()},
                       {"documents", std::move(items)},
                       {"has_documents", has_items},
                       {"may_publish", auth::may(request.visit.viewer, auth::Permission::publish_announcements)}});
}

nlohmann::json versions_view(const AppContext& app, Language language, const exchange::Document& document) {
  nlohmann::json versions = nlohmann::json::array();
  for (const auto& version : document.versions) {
    nlohmann::json files = nlohmann::json::array();
    for (const auto& file : version.files) {
      files.push_back({{"language", file.language},
                       {"language_label", app.catalog.text(language, "documents.languages." + file.language)},
                       {"file_name", file.file_name},
                       {"byte_size", file.byte_size},
                       {"href", "/documents/" + std::to_string(document.id) + "/versions/" +
                                    std::to_string(version.version_no) + "/" + file.language}});
    }
    versions.push_back({{"version_no", version.version_no},
                        {"note", version.note},
                        {"published_at", text::format_timestamp(app.catalog, language, version.published_at.iso())},
                        {"files", std::move(files)}});
  }
  return versions;
}

HttpResponse document_page(const AppContext& app, const HttpRequest& request) {
  const auto id = id_in_path(request, "id");
  if (!id) return page_not_found(app, request);
  auto db = app.pool->acquire();
  const auto document = exchange::find_document(*db, request.visit.viewer, *id);
  if (!document) return page_not_found(app, request);
  const auto language = language_of(request);
  auto context = document_view(app, language, *document);
  context["versions"] = versions_view(app, language, *document);
  context["has_versions"] = !document->versions.empty();
  context["may_publish"] = auth::may(request.visit.viewer, auth::Permission::publish_announcements);
  context["languages"] = nlohmann::json::array();
  for (const auto code : exchange::document_languages)
    context["languages"].push_back(
        {{"code", code}, {"label", app.catalog.text(language, "documents.languages." + std::string(code))}});
  // Only the catalogue's own words: the address names a problem, it never supplies text.
  const auto problem = request.query("error").value_or("");
  const auto key = "documents.errors." + problem.substr(0, 40);
  if (!problem.empty() && app.catalog.has(Language::en, key)) context["error"] = app.catalog.text(language, key);
  return private_page(app, request, "exchange/document", std::move(context));
}

HttpResponse download(const AppContext& app, const HttpRequest& request) {
  const auto id = id_in_path(request, "id");
  const auto version_no = id_in_path(request, "version");
  if (!id || !version_no) return page_not_found(app, request);
  auto db = app.pool->acquire();
  auto file = exchange::document_file(*db, request.visit.viewer, *id, *version_no, request.path_param("language"));
  if (!file) return page_not_found(app, request);
  HttpResponse response{200, {{"Content-Type", file->file.media_type}}, std::move(file->content)};
  // The name was cleaned when the file was accepted (reports::check_attachment): no quotes, no paths.
  response.set_header("Content-Disposition", "attachment; filename=\"" + file->file.file_name + "\"");
  response.set_header("X-Content-Type-Options", "nosniff");
  response.set_private_no_store();
  return response;
}

}  // namespace

void add_documents_pages(Router& router, const AppContext& app) {
  router.add(HttpMethod::get, "/documents", [&app](HttpRequest& r) { return library(app, r); });
  router.add(HttpMethod::get, "/documents/{id}", [&app](HttpRequest& r) { return document_page(app, r); });
  router.add(HttpMethod::get, "/documents/{id}/versions/{version}/{language}",
             [&app](HttpRequest& r) { return download(app, r); });
}

}  // namespace att::web
