#include "web/states/states_page.hpp"

#include <algorithm>
#include <set>

#include "core/participation.hpp"
#include "text/collation.hpp"
#include "web/kit/page.hpp"
#include "web/kit/request_params.hpp"

namespace att::web {

nlohmann::json counts_json(const ParticipationCounts& counts) {
  return {{"party", counts.party}, {"signatory", counts.signatory}, {"none", counts.none},
          {"in_force", counts.in_force}, {"total", counts.total()}};
}

namespace {

std::string region_label(const AppContext& app, Language language, const std::string& region) {
  return app.catalog.text(language, "regions." + region);
}

std::string date_text(const std::optional<Date>& date) { return date ? date->iso() : ""; }

// Dates after the chosen day are shown apart: they had not happened yet on that day.
bool is_later(const std::optional<Date>& date, Date as_of) { return date && *date > as_of; }

bool has_error_for(const std::vector<ParamError>& errors, std::string_view parameter) {
  return std::any_of(errors.begin(), errors.end(), [&](const auto& error) { return error.parameter == parameter; });
}

HttpResponse states_page(const AppContext& app, const HttpRequest& request) {
  const auto choice = choose_language(request);
  const auto language = choice.language;
  const auto t = [&](const std::string& key) { return app.catalog.text(language, key); };

  std::vector<ParamError> errors;
  const auto as_of = as_of_param(request, app, language, t("states.as_of"));
  if (!as_of) errors.push_back(as_of.error());
  const auto region = region_param(request, app, language);
  if (!region) errors.push_back(region.error());
  const auto status = status_param(request, app, language);
  if (!status) errors.push_back(status.error());

  const Date date = as_of.value_or(today_utc());
  const ParticipationFilter filter{region.value_or(std::nullopt), status.value_or(std::nullopt)};

  nlohmann::json region_options = nlohmann::json::array();
  std::set<std::string> regions;
  for (const auto& state : app.states->states()) regions.insert(state.region);
  for (const auto& name : regions)
    region_options.push_back({{"value", name}, {"label", region_label(app, language, name)},
                              {"selected", filter.region == name}});
  nlohmann::json status_options = nlohmann::json::array();
  for (const auto participation : {Participation::party, Participation::signatory, Participation::none}) {
    const std::string value(to_string(participation));
    status_options.push_back({{"value", value}, {"label", t("status." + value)},
                              {"selected", filter.participation == participation}});
  }

  const auto listed = states_on(*app.states, date, filter);
  std::vector<std::string> names;
  for (const auto& entry : listed) names.push_back(entry.state->name(language));
  nlohmann::json rows = nlohmann::json::array();
  for (const auto position : text::collated_order(names, language)) {
    const auto& [state, state_status] = listed[position];
    const std::string participation(to_string(state_status.participation));
    rows.push_back({{"name", state->name(language)},
                    {"iso3", state->iso3},
                    {"region", region_label(app, language, state->region)},
                    {"subregion", app.catalog.text(language, "subregions." + state->subregion)},
                    {"status", participation},
                    {"status_label", t("status." + participation)},
                    {"in_force", state_status.in_force},
                    {"signature_date", date_text(state->signature_date)},
                    {"signature_later", is_later(state->signature_date, date)},
                    {"deposit_date", date_text(state->deposit_date)},
                    {"deposit_later", is_later(state->deposit_date, date)},
                    {"deposit_unknown", state->deposit_date_unknown()},
                    {"eif_date", date_text(state->entry_into_force())},
                    {"eif_later", is_later(state->entry_into_force(), date)},
                    {"unverified", !state->verified}});
  }
  const auto summary = summarise(listed);
  nlohmann::json by_region = nlohmann::json::array();
  for (const auto& [name, counts] : summary.by_region) {
    auto row = counts_json(counts);
    row["region"] = region_label(app, language, name);
    by_region.push_back(row);
  }
  nlohmann::json error_list = nlohmann::json::array();
  for (const auto& error : errors) error_list.push_back({{"parameter", error.parameter}, {"message", error.message}});

  nlohmann::json context = {
      {"title", t("states.title")},
      {"as_of", as_of ? date.iso() : request.query("as_of").value_or("")},
      {"as_of_shown", date.iso()},
      {"region_options", region_options},
      {"status_options", status_options},
      {"rows", rows},
      {"has_rows", !rows.empty()},
      {"counts", counts_json(summary.all)},
      {"by_region", by_region},
      {"errors", error_list},
      {"has_errors", !errors.empty()},
      {"as_of_invalid", has_error_for(errors, "as_of")},
      {"region_invalid", has_error_for(errors, "region")},
      {"status_invalid", has_error_for(errors, "status")},
      {"summary_text", app.catalog.text(language, "states.summary",
                                        {{"date", date.iso()},
                                         {"parties", std::to_string(summary.all.party)},
                                         {"signatories", std::to_string(summary.all.signatory)},
                                         {"none", std::to_string(summary.all.none)}})},
  };
  return render_page(app, request, choice, "states/states", std::move(context), errors.empty() ? 200 : 400);
}

}  // namespace

void add_states_page(Router& router, const AppContext& app) {
  router.add(HttpMethod::get, "/states", [&app](HttpRequest& request) { return states_page(app, request); });
}

}  // namespace att::web
