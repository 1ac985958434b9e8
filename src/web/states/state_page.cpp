#include "web/states/state_page.hpp"

#include "auth/policy.hpp"
#include "core/compliance/status_history.hpp"
#include "reporting/compliance_facts.hpp"
#include "reporting/reminder_letters_store.hpp"
#include "reporting/report_listings.hpp"
#include "text/dates.hpp"
#include "web/compliance/status_view.hpp"
#include "web/kit/form_page.hpp"
#include "web/kit/language.hpp"
#include "web/kit/page.hpp"
#include "web/states/state_transfers.hpp"

namespace att::web {

namespace {

std::string date_words(const AppContext& app, Language language, const std::optional<Date>& date) {
  return date ? text::format_date(app.catalog, language, date->iso()) : "";
}

// What the register says of the State, as known today.
nlohmann::json treaty_view(const AppContext& app, Language language, const StateRecord& state, Date today) {
  const auto t = [&](const std::string& key) { return app.catalog.text(language, key); };
  const auto status = status_on(state, today);
  const std::string participation(to_string(status.participation));
  return {{"status", participation},
          {"status_label", t("status." + participation)},
          {"in_force", status.in_force},
          {"region", t("regions." + state.region)},
          {"subregion", t("subregions." + state.subregion)},
          {"signature", date_words(app, language, state.signature_date)},
          {"deposit", date_words(app, language, state.deposit_date)},
          {"deposit_unknown", state.deposit_date_unknown()},
          {"deposit_kind", state.deposit_kind.empty() ? "" : t("state_page.deposit_" + state.deposit_kind)},
          {"entry_into_force", date_words(app, language, state.entry_into_force())},
          {"unverified", !state.verified}};
}

nlohmann::json reports_view(const AppContext& app, Language language,
                            const std::vector<reporting::VersionSummary>& versions) {
  const auto t = [&](const std::string& key) { return app.catalog.text(language, key); };
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& version : versions) {
    const auto year = std::to_string(version.year);
    rows.push_back({{"year", year},
                    {"version", std::to_string(version.version_no)},
                    {"href", "/reports/" + version.reporting_state + "/" + year +
                                 "?version=" + std::to_string(version.version_no)},
                    {"status", std::string(to_string(version.status))},
                    {"status_label", t("reports.status_" + std::string(to_string(version.status)))},
                    {"received", text::format_date(app.catalog, language, version.received_iso())},
                    {"restricted", version.visibility == reports::Visibility::restricted},
                    {"lines", std::to_string(version.line_count)}});
  }
  return rows;
}

nlohmann::json letters_view(const AppContext& app, Language language,
                            const std::vector<reporting::LoggedLetter>& letters) {
  const auto t = [&](const std::string& key) { return app.catalog.text(language, key); };
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& letter : letters) {
    nlohmann::json listed = nlohmann::json::array();
    for (const auto& report : letter.reports)
      listed.push_back({{"report", report.kind == compliance::ReportKind::initial
                                       ? t("letters.initial_report")
                                       : app.catalog.text(language, "letters.annual_report",
                                                          {{"year", std::to_string(report.year)}})},
                        {"due", text::format_date(app.catalog, language, report.due.iso())}});
    rows.push_back({{"date", text::format_date(app.catalog, language, letter.as_of.iso())},
                    {"channel", t("letters_page.channel_" + letter.channel)},
                    {"reports", std::move(listed)},
                    {"replied", letter.reply_received.has_value()},
                    {"reply_date", date_words(app, language, letter.reply_received)},
                    {"reply_note", letter.reply_note}});
  }
  return rows;
}

HttpResponse state_page(const AppContext& app, HttpRequest& request) {
  const auto choice = choose_language(request);
  const auto language = choice.language;
  const auto t = [&](const std::string& key) { return app.catalog.text(language, key); };
  const auto& code = request.path_param("iso3");
  // Only the exact ISO3 code names a page: one address per State.
  const StateRecord* state = code.size() == 3 ? app.states->find_by_code(code) : nullptr;
  if (state == nullptr || state->iso3 != code)
    return render_message(app, request, t("state_page.not_found_title"),
                          app.catalog.text(language, "errors.state_unknown", {{"code", code.substr(0, 40)}}), 404,
                          {{"/states", t("state_page.all_states")}});
  const auto& viewer = request.visit.viewer;
  const auto today = today_utc();
  auto db = app.pool->acquire();
  const auto versions = reporting::versions_of_state(*db, viewer, state->iso3);
  const auto facts = reporting::report_facts(*db, viewer, state->iso3);
  const auto history = state_history_html(app, language, *state, today,
                                          compliance::state_history(*state, today, app.obligation_rules, facts));
  // Whether the letters are read at all is decided first: nobody else's request reads them.
  const bool sees_letters = auth::may(viewer, auth::Permission::read_reminder_letters, state->iso3);
  const auto letters =
      sees_letters ? letters_view(app, language, reporting::letters_to(*db, state->iso3)) : nlohmann::json::array();
  const auto reports = reports_view(app, language, versions);

  nlohmann::json context = {
      {"title", state->name(language)},
      {"iso3", state->iso3},
      {"iso2", state->iso2},
      {"name_en", state->name_en},
      {"name_fr", state->name_fr},
      {"name_es", state->name_es},
      {"treaty", treaty_view(app, language, *state, today)},
      {"today", text::format_date(app.catalog, language, today.iso())},
      {"reports", reports},
      {"has_reports", !reports.empty()},
      {"history_html", history},
      {"sees_letters", sees_letters},
      {"letters", letters},
      {"has_letters", !letters.empty()},
  };
  context.update(state_transfers_view(app, language, viewer, state->iso3));
  auto response = render_page(app, request, choice, "states/state", std::move(context));
  // What it shows depends on who asks and on reports that change: no shared cache keeps it.
  response.set_private_no_store();
  return response;
}

}  // namespace

void add_state_page(Router& router, const AppContext& app) {
  router.add(HttpMethod::get, "/states/{iso3}", [&app](HttpRequest& request) { return state_page(app, request); });
}

}  // namespace att::web
