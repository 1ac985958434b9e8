#include "web/reporting/attachment_form.hpp"

#include "auth/audit_log.hpp"
#include "core/reports/attachment_rules.hpp"
#include "core/utf8.hpp"
#include "reporting/attachments_store.hpp"
#include "text/dates.hpp"
#include "text/numbers.hpp"
#include "web/http/multipart.hpp"
#include "web/kit/form_page.hpp"
#include "web/kit/guard.hpp"
#include "web/kit/language.hpp"
#include "web/reporting/reporting_access.hpp"
#include "web/reports/report_paths.hpp"

namespace att::web {

namespace {

constexpr std::size_t max_note_bytes = 2000;

std::string editor_path(const std::string& state, int year) { return "/reporting/" + state + "/" + std::to_string(year); }

std::string size_shown(const AppContext& app, Language language, std::int64_t bytes) {
  if (bytes < 1024) return app.catalog.text(language, "attachments.size_bytes", {{"n", std::to_string(bytes)}});
  return app.catalog.text(language, "attachments.size_kib",
                          {{"n", text::format_number(app.catalog, language, std::to_string((bytes + 1023) / 1024))}});
}

HttpResponse attach(const AppContext& app, HttpRequest& request) {
  const auto* state = app.states->find_by_code(request.path_param("state"));
  const auto code = state ? state->iso3 : request.path_param("state").substr(0, 3);
  if (auto refusal = refuse_reporting(app, request, code)) return std::move(*refusal);
  const auto year = reporting_year(request.path_param("year"));
  if (!state || !year) {
    const auto language = language_of(request);
    return render_message(app, request, app.catalog.text(language, "reporting.not_found_title"),
                          app.catalog.text(language, "reporting.not_found"), 404);
  }
  return HttpResponse::redirect(attach_posted_file(app, request, state->iso3, *year, std::nullopt, "file"));
}

}  // namespace

std::string attach_posted_file(const AppContext& app, const HttpRequest& request, const std::string& state, int year,
                               std::optional<std::int64_t> version_no, const std::string& field) {
  const auto back = editor_path(state, year);
  const auto failed = [&](std::string_view problem) { return back + "?attachment_error=" + std::string(problem) + "#attachments"; };
  const auto parts = parse_multipart(request.header("content-type").value_or(""), request.body);
  if (!parts) return failed("empty");
  const FormPart* file = nullptr;
  std::string note;
  for (const auto& part : *parts) {
    if (part.name == field && part.file_name) file = &part;
    if (part.name == "note" && !part.file_name) note = part.content;
  }
  if (!file) return failed("empty");
  if (note.size() > max_note_bytes || !is_utf8(note)) return failed("note_invalid");
  const auto accepted = reports::check_attachment(*file->file_name, file->content);
  if (!accepted) return failed(to_string(accepted.error()));
  auto db = app.pool->acquire();
  const auto now = Timestamp::now();
  store::Transaction transaction(*db);
  const auto added = reporting::add_attachment(
      *db, request.visit.viewer, state, year, version_no,
      {accepted->file_name, accepted->media_type, file->content, note, request.visit.viewer.user_id}, now);
  if (!added) return failed("no_version");
  auth::append_audit(*db,
                     audit_entry(request, "attachment_added", "report:" + state + "/" + std::to_string(year),
                                 "version " + std::to_string(added->version_no) + ": " + added->file_name + " (" +
                                     std::to_string(added->byte_size) + " bytes, sha256 " + added->sha256 + ")"),
                     now);
  transaction.commit();
  return back + "?attached=" + std::to_string(added->id) + "#attachments";
}

nlohmann::json attachments_section(const AppContext& app, store::Database& db, const HttpRequest& request,
                                   Language language, const std::string& state, int year) {
  const auto listed = reporting::list_attachments(db, request.visit.viewer, state, year, std::nullopt);
  nlohmann::json files = nlohmann::json::array();
  std::string version;
  if (listed) {
    version = std::to_string(listed->first.version_no);
    for (const auto& a : listed->second)
      files.push_back({{"name", a.file_name},
                       {"size", size_shown(app, language, a.byte_size)},
                       {"version", std::to_string(a.version_no)},
                       {"note", a.note},
                       {"href", "/api/v1/reports/" + state + "/" + std::to_string(year) + "/attachments/" + std::to_string(a.id)}});
  }
  std::string message;
  bool is_error = false;
  // Only the catalogue's own messages: the query names one, it never supplies text.
  const auto problem = request.query("attachment_error").value_or("");
  const auto key = problem == "no_version" ? std::string("reporting.attach_needs_version") : "attachments." + problem.substr(0, 40);
  if (!problem.empty() && app.catalog.has(Language::en, key)) {
    is_error = true;
    message = app.catalog.text(language, key,
                               {{"limit", std::to_string(reports::max_attachment_bytes / (1024 * 1024)) + " MiB"}, {"name", ""}});
  } else if (request.query("attached")) {
    message = app.catalog.text(language, "reporting.attached");
  }
  return {{"intro", app.catalog.text(language, "reporting.attachments_intro", {{"version", version}})},
          {"files", files},
          {"has_files", !files.empty()},
          {"has_version", listed.has_value()},
          {"version", version},
          {"action", editor_path(state, year) + "/attachments"},
          {"message", message},
          {"message_is_error", is_error}};
}

void add_attachment_form(Router& router, const AppContext& app) {
  router.add(HttpMethod::post, "/reporting/{state}/{year}/attachments", [&app](HttpRequest& r) { return attach(app, r); });
}

}  // namespace att::web
