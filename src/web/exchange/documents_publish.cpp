#include "web/exchange/documents_publish.hpp"

#include "auth/audit_log.hpp"
#include "core/reports/attachment_rules.hpp"
#include "core/utf8.hpp"
#include "exchange/documents_store.hpp"
#include "web/exchange/exchange_view.hpp"
#include "web/http/multipart.hpp"
#include "web/kit/guard.hpp"
#include "web/kit/language.hpp"
#include "web/kit/page.hpp"

namespace att::web {

namespace {

using auth::Permission;

constexpr std::size_t max_field_bytes = 2000;

bool usable(const std::string& text, bool required) {
  const bool blank = text.find_first_not_of(" \t\r\n") == std::string::npos;
  return (!required || !blank) && text.size() <= max_field_bytes && is_utf8(text);
}

HttpResponse new_document_form(const AppContext& app, const HttpRequest& request, const std::string& error_key,
                               int status) {
  const auto language = language_of(request);
  nlohmann::json audiences = nlohmann::json::array();
  const auto chosen = request.form_or_empty("audience");
  for (const auto audience : auth::all_audiences) {
    const std::string value(auth::to_string(audience));
    audiences.push_back({{"value", value},
                         {"label", app.catalog.text(language, "exchange.audiences." + value)},
                         {"selected", value == (chosen.empty() ? "parties" : chosen)}});
  }
  auto response = render_page(app, request, choose_language(request), "exchange/document_new",
                              {{"title", app.catalog.text(language, "documents.new_title")},
                               {"symbol", request.form_or_empty("symbol")},
                               {"document_title", request.form_or_empty("title")},
                               {"summary", request.form_or_empty("summary")},
                               {"audiences", std::move(audiences)},
                               {"error", error_key.empty() ? std::string() : app.catalog.text(language, error_key)},
                               {"has_error", !error_key.empty()}},
                              status);
  response.set_private_no_store();
  return response;
}

HttpResponse show_new_document(const AppContext& app, const HttpRequest& request) {
  if (auto refusal = refuse_unless(app, request, Permission::publish_announcements)) return std::move(*refusal);
  return new_document_form(app, request, "", 200);
}

HttpResponse add_new_document(const AppContext& app, const HttpRequest& request) {
  if (auto refusal = refuse_unless(app, request, Permission::publish_announcements)) return std::move(*refusal);
  exchange::NewDocument document{request.form_or_empty("symbol"), request.form_or_empty("title"),
                                 request.form_or_empty("summary"), auth::Audience::parties};
  const auto audience = auth::audience_from_string(request.form_or_empty("audience"));
  if (!usable(document.symbol, true) || !usable(document.title, true) || !usable(document.summary, false) || !audience)
    return new_document_form(app, request, "documents.errors.fields", 400);
  document.audience = *audience;
  const auto id = [&]() -> std::optional<std::int64_t> {
    const auto now = Timestamp::now();
    auto db = app.pool->acquire();
    store::Transaction transaction(*db);
    const auto added = exchange::add_document(*db, request.visit.viewer, document, now);
    if (!added) return std::nullopt;
    auth::append_audit(
        *db, audit_entry(request, "document_published", "document:" + std::to_string(*added), document.symbol), now);
    transaction.commit();
    return added;
  }();
  // The form is drawn once the connection is back in the pool.
  if (!id) return new_document_form(app, request, "documents.errors.symbol_taken", 409);
  return HttpResponse::redirect("/documents/" + std::to_string(*id) + "#new-version");
}

// Errors name a catalogue key in the address they lead back to; the page shows only the
// catalogue's words for it.
HttpResponse add_version(const AppContext& app, const HttpRequest& request) {
  if (auto refusal = refuse_unless(app, request, Permission::publish_announcements)) return std::move(*refusal);
  const auto id = id_in_path(request, "id");
  if (!id) return page_not_found(app, request);
  const auto back = "/documents/" + std::to_string(*id);
  const auto failed = [&](const std::string& problem) {
    return HttpResponse::redirect(back + "?error=" + problem + "#new-version");
  };
  const auto parts = parse_multipart(request.header("content-type").value_or(""), request.body);
  if (!parts) return failed("no_file");
  std::string note;
  std::vector<exchange::NewDocumentFile> files;
  for (const auto& part : *parts) {
    if (part.name == "note" && !part.file_name) note = part.content;
    if (!part.file_name || part.content.empty() || !part.name.starts_with("file_")) continue;
    const auto language = part.name.substr(5);
    if (!exchange::is_document_language(language)) continue;
    const auto accepted = reports::check_attachment(*part.file_name, part.content);
    if (!accepted) return failed("file_refused");
    files.push_back({language, accepted->file_name, accepted->media_type, part.content});
  }
  if (files.empty()) return failed("no_file");
  if (!usable(note, false)) return failed("fields");
  auto db = app.pool->acquire();
  if (!exchange::find_document(*db, request.visit.viewer, *id)) return page_not_found(app, request);
  const auto now = Timestamp::now();
  store::Transaction transaction(*db);
  const auto version_no = exchange::add_document_version(*db, request.visit.viewer, *id, note, files, now);
  if (!version_no) return failed("no_file");
  auth::append_audit(*db,
                     audit_entry(request, "document_version_published", "document:" + std::to_string(*id),
                                 "version " + std::to_string(*version_no)),
                     now);
  transaction.commit();
  return HttpResponse::redirect(back + "#version-" + std::to_string(*version_no));
}

}  // namespace

void add_documents_publish(Router& router, const AppContext& app) {
  router.add(HttpMethod::get, "/documents/new", [&app](HttpRequest& r) { return show_new_document(app, r); });
  router.add(HttpMethod::post, "/documents/new", [&app](HttpRequest& r) { return add_new_document(app, r); });
  router.add(HttpMethod::post, "/documents/{id}/versions", [&app](HttpRequest& r) { return add_version(app, r); });
}

}  // namespace att::web
