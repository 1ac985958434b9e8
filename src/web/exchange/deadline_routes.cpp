#include "web/exchange/deadline_routes.hpp"

#include "auth/audit_log.hpp"
#include "core/ascii_text.hpp"
#include "exchange/announcements_store.hpp"
#include "web/exchange/announcement_api_answers.hpp"
#include "web/exchange/exchange_view.hpp"
#include "web/http/api_errors.hpp"
#include "web/kit/guard.hpp"
#include "web/reports/report_api_views.hpp"

namespace att::web {

namespace {

std::string written(const std::optional<Timestamp>& deadline) { return deadline ? deadline->iso() : "none"; }

// The change and its audit entry in one transaction, whichever way it was asked.
std::optional<exchange::DeadlineChange> change_deadline(const AppContext& app, const HttpRequest& request,
                                                        std::int64_t id, std::optional<Timestamp> deadline) {
  const auto now = Timestamp::now();
  auto db = app.pool->acquire();
  store::Transaction transaction(*db);
  const auto change = exchange::set_deadline(*db, request.visit.viewer, id, deadline);
  if (!change) return std::nullopt;
  auth::append_audit(*db,
                     audit_entry(request, "announcement_deadline_changed", "announcement:" + std::to_string(id),
                                 written(change->before) + " -> " + written(change->after)),
                     now);
  transaction.commit();
  return change;
}

// An empty field removes the deadline: comments are then taken until the consultation is closed.
HttpResponse from_page(const AppContext& app, HttpRequest& request) {
  const auto id = id_in_path(request, "id");
  if (!id) return page_not_found(app, request);
  if (auto refusal = refuse_unless(app, request, auth::Permission::publish_announcements)) return std::move(*refusal);
  const auto path = "/announcements/" + std::to_string(*id);
  const auto text = trim_blanks(request.form_or_empty("deadline"));
  std::optional<Timestamp> deadline;
  if (!text.empty()) {
    deadline = deadline_from_form(text);
    // Only a catalogue key travels in the address; the page shows its words.
    if (!deadline) return HttpResponse::redirect(path + "?error=deadline_form#deadline-form");
  }
  if (!change_deadline(app, request, *id, deadline)) return page_not_found(app, request);
  return HttpResponse::redirect(path + "#announcement-deadline-line");
}

// {"deadline": "2026-12-15T17:00:00Z"} or {"deadline": null}
HttpResponse from_api(const AppContext& app, HttpRequest& request) {
  if (auto refusal = refuse_unless(app, request, auth::Permission::publish_announcements)) return std::move(*refusal);
  const auto id = id_in_path(request, "id");
  if (!id) return announcement_not_found(app, request);
  const auto body = json_body(app, request);
  if (!body) return body.error();
  if (!body->is_object() || !body->contains("deadline"))
    return invalid_field(app, request, {"deadline", "exchange.errors.deadline"});
  const auto& given = (*body)["deadline"];
  std::optional<Timestamp> deadline;
  if (!given.is_null()) {
    deadline = given.is_string() ? Timestamp::parse(given.get<std::string>()) : std::nullopt;
    if (!deadline) return invalid_field(app, request, {"deadline", "exchange.errors.deadline"});
  }
  const auto change = change_deadline(app, request, *id, deadline);
  if (!change) return announcement_not_found(app, request);
  const auto instant = [](const std::optional<Timestamp>& t) {
    return t ? nlohmann::json(t->iso()) : nlohmann::json(nullptr);
  };
  return uncached(HttpResponse::json(
      200,
      json_text({{"id", *id}, {"deadline", instant(change->after)}, {"previous_deadline", instant(change->before)}})));
}

}  // namespace

void add_deadline_routes(Router& router, const AppContext& app) {
  router.add(HttpMethod::post, "/announcements/{id}/deadline", [&app](HttpRequest& r) { return from_page(app, r); });
  router.add(HttpMethod::put, "/api/v1/announcements/{id}/deadline",
             [&app](HttpRequest& r) { return from_api(app, r); });
}

}  // namespace att::web
