#include "web/exchange/attached_documents.hpp"

#include "auth/audit_log.hpp"
#include "exchange/announcement_documents.hpp"
#include "exchange/announcements_store.hpp"
#include "web/exchange/announcement_api_answers.hpp"
#include "web/exchange/documents_view.hpp"
#include "web/exchange/exchange_view.hpp"
#include "web/http/api_errors.hpp"
#include "web/kit/guard.hpp"
#include "web/reports/report_api_views.hpp"

namespace att::web {

namespace {

using exchange::AttachOutcome;

std::string announcement_path(std::int64_t id) { return "/announcements/" + std::to_string(id); }

// The change and its audit entry in one transaction, whichever way it was asked.
AttachOutcome attach(const AppContext& app, const HttpRequest& request, std::int64_t id, std::int64_t document_id) {
  const auto now = Timestamp::now();
  auto db = app.pool->acquire();
  store::Transaction transaction(*db);
  const auto outcome = exchange::attach_document(*db, request.visit.viewer, id, document_id, now);
  if (outcome != AttachOutcome::done) return outcome;
  auth::append_audit(*db,
                     audit_entry(request, "announcement_document_attached", "announcement:" + std::to_string(id),
                                 "document:" + std::to_string(document_id)),
                     now);
  transaction.commit();
  return outcome;
}

bool detach(const AppContext& app, const HttpRequest& request, std::int64_t id, std::int64_t document_id) {
  const auto now = Timestamp::now();
  auto db = app.pool->acquire();
  store::Transaction transaction(*db);
  if (!exchange::detach_document(*db, request.visit.viewer, id, document_id)) return false;
  auth::append_audit(*db,
                     audit_entry(request, "announcement_document_removed", "announcement:" + std::to_string(id),
                                 "document:" + std::to_string(document_id)),
                     now);
  transaction.commit();
  return true;
}

std::optional<std::int64_t> reference_to(const AppContext& app, const HttpRequest& request,
                                         const std::string& reference) {
  auto db = app.pool->acquire();
  return exchange::document_by_reference(*db, request.visit.viewer, reference);
}

HttpResponse attach_from_page(const AppContext& app, HttpRequest& request) {
  const auto id = id_in_path(request, "id");
  if (!id) return page_not_found(app, request);
  if (auto refusal = refuse_unless(app, request, auth::Permission::publish_announcements)) return std::move(*refusal);
  const auto document_id = reference_to(app, request, request.form_or_empty("document"));
  const auto outcome = document_id ? attach(app, request, *id, *document_id) : AttachOutcome::unknown_document;
  switch (outcome) {
    case AttachOutcome::done: return HttpResponse::redirect(announcement_path(*id) + "#attached-documents");
    case AttachOutcome::unknown_document:
      // Only a catalogue key travels in the address; the page shows its words.
      return HttpResponse::redirect(announcement_path(*id) + "?error=unknown_document#documents-form");
    case AttachOutcome::not_found:
    case AttachOutcome::refused: break;
  }
  return page_not_found(app, request);
}

HttpResponse remove_from_page(const AppContext& app, HttpRequest& request) {
  const auto id = id_in_path(request, "id");
  const auto document_id = id_in_path(request, "document");
  if (!id || !document_id) return page_not_found(app, request);
  if (auto refusal = refuse_unless(app, request, auth::Permission::publish_announcements)) return std::move(*refusal);
  if (!detach(app, request, *id, *document_id)) return page_not_found(app, request);
  return HttpResponse::redirect(announcement_path(*id) + "#attached-documents");
}

// The documents as the caller sees them after the change.
HttpResponse documents_answer(const AppContext& app, const HttpRequest& request, std::int64_t id) {
  auto db = app.pool->acquire();
  const auto documents = exchange::documents_of(*db, request.visit.viewer, id);
  return uncached(HttpResponse::json(
      200, json_text({{"id", id}, {"documents", attached_documents_view(app, language_of(request), documents)}})));
}

// {"document": "ATT/CSP9/2023/SEC/3/Conf.Rep"} or {"document": 4}
HttpResponse attach_from_api(const AppContext& app, HttpRequest& request) {
  if (auto refusal = refuse_unless(app, request, auth::Permission::publish_announcements)) return std::move(*refusal);
  const auto id = id_in_path(request, "id");
  if (!id) return announcement_not_found(app, request);
  const auto body = json_body(app, request);
  if (!body) return body.error();
  std::string reference;
  if (body->is_object() && body->contains("document")) {
    const auto& given = (*body)["document"];
    if (given.is_string()) reference = given.get<std::string>();
    if (given.is_number_integer()) reference = std::to_string(given.get<std::int64_t>());
  }
  const auto document_id = reference_to(app, request, reference);
  const auto outcome = document_id ? attach(app, request, *id, *document_id) : AttachOutcome::unknown_document;
  switch (outcome) {
    case AttachOutcome::done: return documents_answer(app, request, *id);
    case AttachOutcome::unknown_document:
      return invalid_field(app, request, {"document", "exchange.errors.unknown_document"});
    case AttachOutcome::not_found:
    case AttachOutcome::refused: break;
  }
  return announcement_not_found(app, request);
}

HttpResponse remove_from_api(const AppContext& app, HttpRequest& request) {
  if (auto refusal = refuse_unless(app, request, auth::Permission::publish_announcements)) return std::move(*refusal);
  const auto id = id_in_path(request, "id");
  const auto document_id = id_in_path(request, "document");
  if (!id) return announcement_not_found(app, request);
  if (!document_id || !detach(app, request, *id, *document_id)) {
    auto db = app.pool->acquire();
    if (!exchange::find_announcement(*db, request.visit.viewer, *id)) return announcement_not_found(app, request);
    return api_error(404, "document_not_attached",
                     app.catalog.text(language_of(request), "exchange.errors.document_not_attached"));
  }
  return documents_answer(app, request, *id);
}

}  // namespace

nlohmann::json attached_documents_view(const AppContext& app, Language language,
                                       const std::vector<exchange::Document>& documents) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& document : documents) list.push_back(document_view(app, language, document));
  return list;
}

tl::expected<std::vector<std::int64_t>, std::string> resolve_documents(store::Database& db, const auth::Viewer& viewer,
                                                                       const std::vector<std::string>& references) {
  std::vector<std::int64_t> ids;
  for (const auto& reference : references) {
    const auto id = exchange::document_by_reference(db, viewer, reference);
    if (!id) return tl::unexpected(reference);
    if (std::find(ids.begin(), ids.end(), *id) == ids.end()) ids.push_back(*id);
  }
  return ids;
}

void add_attached_documents_routes(Router& router, const AppContext& app) {
  router.add(HttpMethod::post, "/announcements/{id}/documents",
             [&app](HttpRequest& r) { return attach_from_page(app, r); });
  router.add(HttpMethod::post, "/announcements/{id}/documents/{document}/remove",
             [&app](HttpRequest& r) { return remove_from_page(app, r); });
  router.add(HttpMethod::post, "/api/v1/announcements/{id}/documents",
             [&app](HttpRequest& r) { return attach_from_api(app, r); });
  router.add(HttpMethod::delete_, "/api/v1/announcements/{id}/documents/{document}",
             [&app](HttpRequest& r) { return remove_from_api(app, r); });
}

}  // namespace att::web
