#include "web/exchange/announcements_api.hpp"

#include "exchange/announcement_documents.hpp"
#include "exchange/announcements_store.hpp"
#include "web/exchange/announcement_api_answers.hpp"
#include "web/exchange/announcement_changes.hpp"
#include "web/exchange/announcement_json.hpp"
#include "web/exchange/attached_documents.hpp"
#include "web/exchange/exchange_view.hpp"
#include "web/http/api_errors.hpp"
#include "web/kit/guard.hpp"
#include "web/reports/report_api_views.hpp"

namespace att::web {

namespace {

HttpResponse list(const AppContext& app, const HttpRequest& request) {
  auto db = app.pool->acquire();
  nlohmann::json items = nlohmann::json::array();
  for (const auto& announcement : exchange::announcements_for(*db, request.visit.viewer))
    items.push_back(announcement_json(announcement, false));
  return uncached(HttpResponse::json(200, json_text({{"announcements", std::move(items)}})));
}

HttpResponse publish(const AppContext& app, HttpRequest& request) {
  if (auto refusal = refuse_unless(app, request, auth::Permission::publish_announcements)) return std::move(*refusal);
  const auto document = json_body(app, request);
  if (!document) return document.error();
  auto announcement = new_announcement_from(*document);
  if (!announcement) return invalid_field(app, request, announcement.error());
  auto db = app.pool->acquire();
  // {"documents": ["ATT/CSP9/2023/SEC/3/Conf.Rep", 4]}: symbols or numbers of library documents.
  if (document->contains("documents")) {
    std::vector<std::string> references;
    const auto& given = (*document)["documents"];
    bool readable = given.is_array();
    for (const auto& reference : readable ? given : nlohmann::json::array()) {
      if (reference.is_string())
        references.push_back(reference.get<std::string>());
      else if (reference.is_number_integer())
        references.push_back(std::to_string(reference.get<std::int64_t>()));
      else
        readable = false;
    }
    const auto ids = resolve_documents(*db, request.visit.viewer, references);
    if (!readable || !ids) return invalid_field(app, request, {"documents", "exchange.errors.unknown_document"});
    announcement->documents = *ids;
  }
  const auto id = publish_with_audit(*db, request, *announcement);
  if (!id) return api_error(403, "forbidden", app.catalog.text(language_of(request), "auth.forbidden"));
  auto response = HttpResponse::json(201, json_text({{"id", *id}}));
  response.set_header("Location", "/api/v1/announcements/" + std::to_string(*id));
  return response;
}

HttpResponse one(const AppContext& app, const HttpRequest& request) {
  const auto id = id_in_path(request, "id");
  if (!id) return announcement_not_found(app, request);
  auto db = app.pool->acquire();
  const auto announcement = exchange::find_announcement(*db, request.visit.viewer, *id);
  if (!announcement) return announcement_not_found(app, request);
  auto json = announcement_json(*announcement, true);
  json["documents"] =
      attached_documents_view(app, language_of(request), exchange::documents_of(*db, request.visit.viewer, *id));
  return uncached(HttpResponse::json(200, json_text(json)));
}

HttpResponse comments(const AppContext& app, const HttpRequest& request) {
  const auto id = id_in_path(request, "id");
  if (!id) return announcement_not_found(app, request);
  auto db = app.pool->acquire();
  if (!exchange::find_announcement(*db, request.visit.viewer, *id)) return announcement_not_found(app, request);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& comment : exchange::comments_on(*db, request.visit.viewer, *id))
    items.push_back(comment_json(comment));
  return uncached(HttpResponse::json(200, json_text({{"comments", std::move(items)}})));
}

// The answer to a comment that was not taken.
HttpResponse comment_refused(const AppContext& app, const HttpRequest& request, exchange::CommentOutcome outcome) {
  const auto language = language_of(request);
  switch (outcome) {
    case exchange::CommentOutcome::not_found: return announcement_not_found(app, request);
    case exchange::CommentOutcome::refused:
      if (request.visit.viewer.is_anonymous())
        return api_error(401, "sign_in_required", app.catalog.text(language, "auth.sign_in_required"));
      return api_error(403, "forbidden", app.catalog.text(language, "exchange.errors.may_not_comment"));
    case exchange::CommentOutcome::read_only:
      return api_error(409, "comments_closed", app.catalog.text(language, "exchange.errors.comments_closed"));
    case exchange::CommentOutcome::invalid:
    case exchange::CommentOutcome::done: break;
  }
  return api_error(400, "invalid_comment", app.catalog.text(language, "exchange.errors.invalid_comment"));
}

HttpResponse add_comment(const AppContext& app, HttpRequest& request) {
  const auto id = id_in_path(request, "id");
  if (!id) return announcement_not_found(app, request);
  const auto document = json_body(app, request);
  if (!document) return document.error();
  const auto comment = new_comment_from(*document);
  if (!comment) return invalid_field(app, request, comment.error());
  auto db = app.pool->acquire();
  const auto result = exchange::add_comment(*db, request.visit.viewer, *id, *comment, Timestamp::now());
  if (result.outcome != exchange::CommentOutcome::done) return comment_refused(app, request, result.outcome);
  return HttpResponse::json(201, json_text({{"id", result.comment_id}}));
}

HttpResponse edit_comment(const AppContext& app, HttpRequest& request) {
  const auto id = id_in_path(request, "id");
  const auto comment_id = id_in_path(request, "comment");
  if (!id || !comment_id) return announcement_not_found(app, request);
  const auto document = json_body(app, request);
  if (!document) return document.error();
  const auto comment = new_comment_from(*document);
  if (!comment) return invalid_field(app, request, comment.error());
  auto db = app.pool->acquire();
  const auto result =
      exchange::edit_comment(*db, request.visit.viewer, *id, *comment_id, comment->body, Timestamp::now());
  if (result.outcome != exchange::CommentOutcome::done) return comment_refused(app, request, result.outcome);
  return HttpResponse::json(200, json_text({{"id", result.comment_id}}));
}

HttpResponse comment_history(const AppContext& app, const HttpRequest& request) {
  const auto id = id_in_path(request, "id");
  const auto comment_id = id_in_path(request, "comment");
  if (!id || !comment_id) return announcement_not_found(app, request);
  auto db = app.pool->acquire();
  if (!exchange::find_announcement(*db, request.visit.viewer, *id)) return announcement_not_found(app, request);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& edit : exchange::edits_of(*db, request.visit.viewer, *id, *comment_id))
    items.push_back({{"replaced_at", edit.replaced_at.iso()}, {"body", edit.previous_body}});
  return uncached(HttpResponse::json(200, json_text({{"edits", std::move(items)}})));
}

// {"status": "open" | "closed" | "archived"}: chairs and the Secretariat close a consultation to
// comments, open it again, or archive it.
HttpResponse change_status(const AppContext& app, HttpRequest& request) {
  if (auto refusal = refuse_unless(app, request, auth::Permission::publish_announcements)) return std::move(*refusal);
  const auto id = id_in_path(request, "id");
  if (!id) return announcement_not_found(app, request);
  const auto document = json_body(app, request);
  if (!document) return document.error();
  const auto text = document->is_object() && document->contains("status") && (*document)["status"].is_string()
                        ? (*document)["status"].get<std::string>()
                        : std::string();
  const auto status = exchange::status_from_string(text);
  if (!status) return invalid_field(app, request, {"status", "exchange.errors.status"});
  auto db = app.pool->acquire();
  if (!set_status_with_audit(*db, request, *id, *status)) return announcement_not_found(app, request);
  return uncached(HttpResponse::json(200, json_text({{"id", *id}, {"status", text}})));
}

}  // namespace

void add_announcements_api(Router& router, const AppContext& app) {
  router.add(HttpMethod::get, "/api/v1/announcements", [&app](HttpRequest& r) { return list(app, r); });
  router.add(HttpMethod::post, "/api/v1/announcements", [&app](HttpRequest& r) { return publish(app, r); });
  router.add(HttpMethod::get, "/api/v1/announcements/{id}", [&app](HttpRequest& r) { return one(app, r); });
  router.add(HttpMethod::get, "/api/v1/announcements/{id}/comments",
             [&app](HttpRequest& r) { return comments(app, r); });
  router.add(HttpMethod::post, "/api/v1/announcements/{id}/comments",
             [&app](HttpRequest& r) { return add_comment(app, r); });
  router.add(HttpMethod::put, "/api/v1/announcements/{id}/comments/{comment}",
             [&app](HttpRequest& r) { return edit_comment(app, r); });
  router.add(HttpMethod::get, "/api/v1/announcements/{id}/comments/{comment}/edits",
             [&app](HttpRequest& r) { return comment_history(app, r); });
  router.add(HttpMethod::put, "/api/v1/announcements/{id}/status",
             [&app](HttpRequest& r) { return change_status(app, r); });
}

}  // namespace att::web
