#include "web/reporting/home_page.hpp"

#include <algorithm>

#include "auth/policy.hpp"
#include "auth/registrations.hpp"
#include "reporting/reports_store.hpp"
#include "text/dates.hpp"
#include "web/kit/form_page.hpp"
#include "web/kit/guard.hpp"
#include "web/kit/language.hpp"
#include "web/kit/page.hpp"
#include "web/reporting/reporting_access.hpp"
#include "web/reporting/state_obligations.hpp"

namespace att::web {

namespace {

std::string report_href(const std::string& iso3, int year) { return "/reports/" + iso3 + "/" + std::to_string(year); }

nlohmann::json versions_json(const AppContext& app, Language language, const std::vector<reporting::VersionSummary>& versions) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& version : versions) {
    const auto query = "?version=" + std::to_string(version.version_no);
    const auto href = report_href(version.reporting_state, version.year);
    list.push_back({{"number", std::to_string(version.version_no)},
                    {"status", app.catalog.text(language, "reports.status_" + std::string(to_string(version.status)))},
                    {"received", text::format_date(app.catalog, language, version.received_iso())},
                    {"href", href + query},
                    {"receipt_href", href + "/receipt" + query},
                    {"reason", version.recall_reason}});
  }
  return list;
}

nlohmann::json owed_json(const AppContext& app, Language language, const StateRecord& state, const OwedReport& owed) {
  const auto timeliness = std::string(compliance::to_string(owed.status.timeliness));
  const bool annual = owed.obligation.kind == compliance::ReportKind::annual;
  const auto year = std::to_string(owed.obligation.year);
  return {{"annual", annual},
          {"year", annual ? year : ""},
          {"title", annual ? app.catalog.text(language, "reporting.annual_report", {{"year", year}})
                           : app.catalog.text(language, "reporting.initial_report")},
          {"due", text::format_date(app.catalog, language, owed.obligation.due.iso())},
          {"status", app.catalog.text(language, "reporting.timeliness_" + timeliness)},
          {"status_code", timeliness},
          {"has_draft", owed.has_draft},
          {"editor_href", "/reporting/" + state.iso3 + "/" + (annual ? year : "initial")},
          {"submitted", timeliness == "on_time" || timeliness == "within_grace" || timeliness == "late"},
          {"receipt_href", annual ? "" : "/reporting/" + state.iso3 + "/initial/receipt"},
          {"versions", versions_json(app, language, owed.versions)},
          {"recall_href", annual && std::any_of(owed.versions.begin(), owed.versions.end(),
                                                [](const auto& v) { return v.status == reports::VersionStatus::submitted; })
                              ? "/reporting/" + state.iso3 + "/" + year + "/recall"
                              : ""},
          {"has_versions", !owed.versions.empty()}};
}

// One State's reports: the officer's home, or the Secretariat's view of a State.
HttpResponse state_home(const AppContext& app, const HttpRequest& request, const LanguageChoice& choice,
                        const StateRecord& state) {
  const auto language = choice.language;
  auto db = app.pool->acquire();
  const auto reports = state_reports(*db, request.visit.viewer, state, today_utc());
  nlohmann::json annual = nlohmann::json::array();
  nlohmann::json drafts = nlohmann::json::array();
  for (const auto& owed : reports.annual) annual.push_back(owed_json(app, language, state, owed));
  for (const auto& draft : reports.drafts) {
    const auto year = std::to_string(draft.year);
    drafts.push_back({{"title", app.catalog.text(language, "reporting.annual_report", {{"year", year}})},
                      {"editor_href", "/reporting/" + state.iso3 + "/" + year},
                      {"saved", app.catalog.text(language, "reporting.saved_at",
                                                 {{"time", text::format_timestamp(app.catalog, language,
                                                                                  draft.saved_at ? draft.saved_at->iso() : "")}})},
                      {"lines", std::to_string(draft.line_count)}});
  }
  const auto name = state.name(language);
  return render_page(app, request, choice, "reporting/home",
                     {{"title", app.catalog.text(language, "reporting.title")},
                      {"heading", app.catalog.text(language, "reporting.heading", {{"state", name}})},
                      {"iso3", state.iso3},
                      {"party", reports.party},
                      {"dates_unknown", reports.dates_unknown},
                      {"initial", reports.initial ? owed_json(app, language, state, *reports.initial) : nlohmann::json()},
                      {"has_initial", reports.initial.has_value()},
                      {"annual", annual},
                      {"has_annual", !annual.empty()},
                      {"drafts", drafts},
                      {"has_drafts", !drafts.empty()},
                      {"may_recall", auth::may(request.visit.viewer, auth::Permission::enter_report_on_behalf)}});
}

// The Secretariat's overview: the latest submissions and the applications waiting for review,
// with a way to open any State's reports.
HttpResponse secretariat_overview(const AppContext& app, const HttpRequest& request, const LanguageChoice& choice) {
  const auto language = choice.language;
  auto db = app.pool->acquire();
  auto recent = reporting::current_reports(*db, request.visit.viewer, {});
  std::sort(recent.begin(), recent.end(), [](const auto& a, const auto& b) { return a.submitted_at > b.submitted_at; });
  if (recent.size() > 10) recent.resize(10);
  nlohmann::json submissions = nlohmann::json::array();
  for (const auto& summary : recent) {
    const auto* state = app.states->find_by_code(summary.reporting_state);
    submissions.push_back(
        {{"state", state ? state->name(language) : summary.reporting_state},
         {"year", std::to_string(summary.year)},
         {"version", std::to_string(summary.version_no)},
         {"received", text::format_date(app.catalog, language, summary.received_iso())},
         {"href", report_href(summary.reporting_state, summary.year)}});
  }
  const auto waiting = auth::registrations_with_status(*db, auth::RegistrationStatus::pending).size();
  nlohmann::json drafts = nlohmann::json::array();
  for (const auto& draft : reporting::drafts_of(*db, request.visit.viewer, std::nullopt)) {
    const auto* state = app.states->find_by_code(draft.reporting_state);
    drafts.push_back({{"state", state ? state->name(language) : draft.reporting_state},
                      {"year", std::to_string(draft.year)},
                      {"saved", text::format_timestamp(app.catalog, language, draft.saved_at ? draft.saved_at->iso() : "")},
                      {"href", "/reporting/" + draft.reporting_state + "/" + std::to_string(draft.year)}});
  }
  return render_page(app, request, choice, "reporting/overview",
                     {{"title", app.catalog.text(language, "reporting.overview_title")},
                      {"submissions", submissions},
                      {"has_submissions", !submissions.empty()},
                      {"drafts", drafts},
                      {"has_drafts", !drafts.empty()},
                      {"applications", app.catalog.text(language, "reporting.applications_waiting",
                                                        {{"count", std::to_string(waiting)}})}});
}

HttpResponse reporting_home(const AppContext& app, HttpRequest& request) {
  const auto choice = choose_language(request);
  const auto& viewer = request.visit.viewer;
  if (viewer.is_anonymous() || viewer.must_set_up_second_factor)
    return *refuse_unless(app, request, auth::Permission::enter_report_on_behalf);
  if (!may_report(viewer))
    return render_message(app, request, app.catalog.text(choice.language, "auth.forbidden_title"),
                          app.catalog.text(choice.language, "reporting.no_state"), 403);
  // The Secretariat picks a State with ?state=; an officer always sees their own.
  std::string iso3 = viewer.state_iso3.value_or("");
  if (viewer.has(auth::Role::secretariat)) {
    const auto asked = request.query("state").value_or("");
    if (asked.empty()) return secretariat_overview(app, request, choice);
    const auto found = app.states->resolve(asked);
    if (!found)
      return render_message(app, request, app.catalog.text(choice.language, "reporting.not_found_title"),
                            app.catalog.text(choice.language, "errors.state_unknown", {{"code", asked.substr(0, 40)}}),
                            404);
    iso3 = (*found)->iso3;
  }
  const auto* state = app.states->find_by_code(iso3);
  if (!state) return render_message(app, request, app.catalog.text(choice.language, "reporting.not_found_title"),
                                    app.catalog.text(choice.language, "reporting.not_found"), 404);
  return state_home(app, request, choice, *state);
}

}  // namespace

void add_reporting_home(Router& router, const AppContext& app) {
  router.add(HttpMethod::get, "/reporting", [&app](HttpRequest& r) { return reporting_home(app, r); });
}

}  // namespace att::web
