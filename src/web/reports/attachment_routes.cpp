#include "web/reports/attachment_routes.hpp"

#include "auth/audit_log.hpp"
#include "core/date.hpp"
#include "core/reports/attachment_rules.hpp"
#include "core/utf8.hpp"
#include "reporting/attachments_store.hpp"
#include "web/http/api_errors.hpp"
#include "web/kit/guard.hpp"
#include "web/reports/report_address.hpp"
#include "web/reports/report_paths.hpp"
#include "core/timestamp.hpp"

namespace att::web {

namespace {

constexpr std::size_t max_note_bytes = 2000;

// ?version=N: nullopt (the current version) when absent.
tl::expected<std::optional<std::int64_t>, HttpResponse> version_of(const AppContext& app, const HttpRequest& request) {
  const auto version = version_param(request);
  if (!version.invalid) return version.number;
  return tl::unexpected(
      api_error(400, "invalid_version",
                app.catalog.text(language_of(request), "errors.version_invalid", {{"value", *version.invalid}})));
}

std::string attachments_path(const std::string& state, int year) {
  return "/api/v1/reports/" + state + "/" + std::to_string(year) + "/attachments";
}

std::string attachment_path(const std::string& state, int year, std::int64_t id) {
  return attachments_path(state, year) + "/" + std::to_string(id);
}

std::string target_of(const ReportAddress& address) {
  return "report:" + address.state + "/" + std::to_string(address.year);
}

nlohmann::json attachment_json(const reporting::AttachmentSummary& a, const ReportAddress& address) {
  return {{"id", a.id},
          {"file_name", a.file_name},
          {"media_type", a.media_type},
          {"byte_size", a.byte_size},
          {"sha256", a.sha256},
          {"version", a.version_no},
          {"uploaded_at", a.uploaded_at},
          {"note", a.note},
          {"href", attachment_path(address.state, address.year, a.id)}};
}

HttpResponse refused_file(const AppContext& app, Language language, reports::AttachmentProblem problem,
                          const std::string& file_name) {
  using reports::AttachmentProblem;
  const auto status = [problem] {
    switch (problem) {
      case AttachmentProblem::too_large: return 413;
      case AttachmentProblem::unsupported_type: return 415;
      case AttachmentProblem::bad_name: return 400;
      case AttachmentProblem::empty:
      case AttachmentProblem::extension_mismatch: return 422;
    }
    return 422;
  }();
  const std::string code(to_string(problem));
  return api_error(status, code,
                   app.catalog.text(language, "attachments." + code,
                                    {{"limit", std::to_string(reports::max_attachment_bytes / (1024 * 1024)) + " MiB"},
                                     {"name", file_name.substr(0, 200)}}));
}

HttpResponse not_found(const AppContext& app, const HttpRequest& request) {
  return api_error(404, "report_not_found", app.catalog.text(language_of(request), "errors.report_not_found"));
}

HttpResponse upload(const AppContext& app, HttpRequest& request) {
  const auto language = language_of(request);
  const auto address = report_address(app, request);
  if (!address) return address.error();
  // As for submitting: the State's reporting officers, or the Secretariat entering what a State
  // sent by e-mail.
  if (!auth::may(request.visit.viewer, auth::Permission::enter_report_on_behalf)) {
    if (auto refusal = refuse_unless(app, request, auth::Permission::submit_reports, address->state))
      return std::move(*refusal);
  }
  const auto version = version_of(app, request);
  if (!version) return version.error();
  const auto note = request.query("note").value_or("");
  if (note.size() > max_note_bytes || !is_utf8(note))
    return api_error(400, "invalid_note", app.catalog.text(language, "attachments.note_invalid"));
  const auto name = request.query("name").value_or("");
  const auto accepted = reports::check_attachment(name, request.body);
  if (!accepted) return refused_file(app, language, accepted.error(), name);

  auto db = app.pool->acquire();
  const auto now = Timestamp::now();
  store::Transaction transaction(*db);
  const auto added = reporting::add_attachment(
      *db, request.visit.viewer, address->state, address->year, *version,
      {accepted->file_name, accepted->media_type, request.body, note, request.visit.viewer.user_id}, now);
  if (!added) return not_found(app, request);
  auth::append_audit(*db,
                     audit_entry(request, "attachment_added", target_of(*address),
                                 "version " + std::to_string(added->version_no) + ": " + added->file_name + " (" +
                                     std::to_string(added->byte_size) + " bytes, sha256 " + added->sha256 + ")"),
                     now);
  transaction.commit();
  const auto body = attachment_json(*added, *address);
  auto response = HttpResponse::json(201, json_text(body));
  response.set_header("Location", body["href"].get<std::string>());
  return response;
}

HttpResponse list(const AppContext& app, HttpRequest& request) {
  const auto address = report_address(app, request);
  if (!address) return address.error();
  const auto version = version_of(app, request);
  if (!version) return version.error();
  auto db = app.pool->acquire();
  const auto found = reporting::list_attachments(*db, request.visit.viewer, address->state, address->year, *version);
  if (!found) return not_found(app, request);
  nlohmann::json attachments = nlohmann::json::array();
  for (const auto& attachment : found->second) attachments.push_back(attachment_json(attachment, *address));
  auto response = HttpResponse::json(200, json_text({{"reporting_state", address->state},
                                                     {"year", address->year},
                                                     {"version", found->first.version_no},
                                                     {"attachments", attachments}}));
  response.set_header("Cache-Control", "private, no-cache");
  return response;
}

// RFC 6266 / RFC 8187: the UTF-8 name percent-encoded, so no quote or line break can escape it.
std::string content_disposition(const std::string& file_name) {
  return "attachment; filename*=UTF-8''" + percent_encode(file_name);
}

HttpResponse download(const AppContext& app, HttpRequest& request) {
  const auto address = report_address(app, request);
  if (!address) return address.error();
  const auto missing = [&] {
    return api_error(404, "attachment_not_found", app.catalog.text(language_of(request), "attachments.not_found"));
  };
  const auto id = positive_number(request.path_param("id"));
  if (!id) return missing();
  auto db = app.pool->acquire();
  auto file = reporting::read_attachment(*db, request.visit.viewer, address->state, address->year, *id);
  // Not there and not allowed look the same: a restricted document's existence is not revealed.
  if (!file) return missing();
  if (file->version.visibility == reports::Visibility::restricted)
    auth::record_audit(*db,
                       audit_entry(request, "restricted_attachment_read", target_of(*address),
                                   "version " + std::to_string(file->summary.version_no) + ", attachment " +
                                       std::to_string(file->summary.id)),
                       Timestamp::now());
  HttpResponse response{200, {{"Content-Type", file->summary.media_type}}, std::move(file->content)};
  response.set_header("Content-Disposition", content_disposition(file->summary.file_name));
  // Never rendered as something else than the type recognised at upload.
  response.set_header("X-Content-Type-Options", "nosniff");
  response.set_header("Cache-Control", "private, no-cache");
  return response;
}

std::string size_text(const AppContext& app, Language language, std::int64_t bytes) {
  if (bytes < 1024) return app.catalog.text(language, "attachments.size_bytes", {{"n", std::to_string(bytes)}});
  return app.catalog.text(language, "attachments.size_kib", {{"n", std::to_string((bytes + 1023) / 1024)}});
}

}  // namespace

nlohmann::json attachment_links(const AppContext& app, Language language, store::Database& db,
                                const auth::Viewer& viewer, const reporting::VersionSummary& version) {
  nlohmann::json links = nlohmann::json::array();
  const auto found = reporting::list_attachments(db, viewer, version.reporting_state, version.year, version.version_no);
  if (!found) return {{"attachments", links}, {"has_attachments", false}};
  for (const auto& a : found->second)
    links.push_back({{"name", a.file_name},
                     {"href", attachment_path(version.reporting_state, version.year, a.id)},
                     {"size", size_text(app, language, a.byte_size)}});
  return {{"attachments", links}, {"has_attachments", !links.empty()}};
}

void add_attachment_routes(Router& router, const AppContext& app) {
  router.add(HttpMethod::post, "/api/v1/reports/{state}/{year}/attachments", [&app](HttpRequest& r) { return upload(app, r); });
  router.add(HttpMethod::get, "/api/v1/reports/{state}/{year}/attachments", [&app](HttpRequest& r) { return list(app, r); });
  router.add(HttpMethod::get, "/api/v1/reports/{state}/{year}/attachments/{id}",
             [&app](HttpRequest& r) { return download(app, r); });
}

}  // namespace att::web
