#include "web/reporting/editor_page.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

#include "core/reports/validation.hpp"
#include "reporting/reports_store.hpp"
#include "text/collation.hpp"
#include "text/dates.hpp"
#include "text/numbers.hpp"
#include "text/problem_text.hpp"
#include "web/http/api_errors.hpp"
#include "web/kit/form_page.hpp"
#include "web/kit/guard.hpp"
#include "web/kit/language.hpp"
#include "web/kit/page.hpp"
#include "web/reporting/attachment_form.hpp"
#include "web/reporting/editor_form.hpp"
#include "web/reporting/guidance_notes.hpp"
#include "web/reporting/pasted_rows.hpp"
#include "web/reporting/reporting_access.hpp"
#include "web/reports/report_paths.hpp"
#include "core/timestamp.hpp"

namespace att::web {

namespace {

struct EditorAddress {
  const StateRecord* state = nullptr;
  int year = 0;
  const reports::ReportTemplate* report_template = nullptr;
};

// The State and year of the URL, once the viewer is known to work on that State's reports.
tl::expected<EditorAddress, HttpResponse> editor_address(const AppContext& app, const HttpRequest& request) {
  const auto* state = app.states->find_by_code(request.path_param("state"));
  const auto code = state ? state->iso3 : request.path_param("state").substr(0, 3);
  if (auto refusal = refuse_reporting(app, request, code)) return tl::unexpected(std::move(*refusal));
  const auto year = reporting_year(request.path_param("year"));
  const auto* report_template = year ? app.templates->for_year("annual", *year) : nullptr;
  if (!state || !report_template) {
    const auto language = language_of(request);
    return tl::unexpected(render_message(app, request, app.catalog.text(language, "reporting.not_found_title"),
                                         app.catalog.text(language, "reporting.not_found"), 404));
  }
  return EditorAddress{state, *year, report_template};
}

std::string editor_path(const EditorAddress& address) {
  return "/reporting/" + address.state->iso3 + "/" + std::to_string(address.year);
}

bool wants_json(const HttpRequest& request) {
  return request.header("accept").value_or("").find("application/json") != std::string::npos;
}

// Exports first, then imports, each in its own order: the editor's rows, numbered as validation
// numbers lines.
void tables_in_order(reports::AnnualReport& report) {
  std::stable_partition(report.lines.begin(), report.lines.end(),
                        [](const auto& line) { return line.direction == reports::Direction::exports; });
}

// What the editor starts from: the draft; else the current version (an amendment starts from
// it); else an empty report.
reports::AnnualReport starting_report(store::Database& db, const auth::Viewer& viewer, const EditorAddress& address,
                                      std::optional<Timestamp>& saved_at) {
  if (auto draft = reporting::load_draft(db, viewer, address.state->iso3, address.year)) {
    for (const auto& summary : reporting::drafts_of(db, viewer, address.state->iso3))
      if (summary.year == address.year) saved_at = summary.saved_at;
    return *draft;
  }
  if (auto current = reporting::current_report(db, viewer, address.state->iso3, address.year)) return current->second;
  reports::AnnualReport report;
  report.reporting_state = address.state->iso3;
  report.year = address.year;
  return report;
}

struct Findings {
  std::map<std::string, std::vector<std::string>> by_field;
  std::vector<std::string> general;  // about the whole report
  std::size_t errors = 0;
  // The guidance's question on a field's first finding that has one (GuidanceNotes).
  std::map<std::string, nlohmann::json> guidance_by_field;
  nlohmann::json general_guidance = nlohmann::json::array();  // one per general finding, null for none
};

Findings located_findings(const AppContext& app, Language language, const std::vector<Problem>& problems,
                          const GuidanceNotes& guidance) {
  Findings findings;
  for (const auto& problem : problems) {
    if (problem.severity == Severity::error) ++findings.errors;
    auto message = text::problem_message(app.catalog, language, problem);
    const auto field = field_of(problem);
    auto link = guidance.for_finding(problem);
    if (field.empty()) {
      findings.general.push_back(std::move(message));
      findings.general_guidance.push_back(std::move(link));
    } else {
      findings.by_field[field].push_back(std::move(message));
      if (!link.is_null()) findings.guidance_by_field.emplace(field, std::move(link));
    }
  }
  return findings;
}

nlohmann::json guidance_json(const Findings& findings, const std::string& field) {
  const auto found = findings.guidance_by_field.find(field);
  return found == findings.guidance_by_field.end() ? nlohmann::json(nullptr) : found->second;
}

std::vector<Problem> check(const AppContext& app, const reports::AnnualReport& report,
                           const reports::ReportTemplate& report_template, std::vector<Problem> unreadable) {
  auto result = reports::validate(report, report_template, *app.states, {today_utc(), reports::Stage::draft});
  unreadable.insert(unreadable.end(), result.findings.begin(), result.findings.end());
  return unreadable;
}

std::string field_id(std::string name) {
  std::replace(name.begin(), name.end(), '.', '-');
  return "f-" + name;
}

nlohmann::json errors_json(const Findings& findings, const std::string& field) {
  nlohmann::json list = nlohmann::json::array();
  if (const auto found = findings.by_field.find(field); found != findings.by_field.end())
    for (const auto& message : found->second) list.push_back(message);
  return list;
}

std::string state_shown(const AppContext& app, Language language, const std::string& code) {
  const auto* state = code.empty() ? nullptr : app.states->find_by_code(code);
  return state ? state->name(language) : code;
}

std::string decimal_text(long double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.2Lf", value);
  std::string text = buffer;
  if (text.size() > 3 && text.substr(text.size() - 3) == ".00") text.resize(text.size() - 3);
  return text;
}

// Per category of one table: the lines, the number of items and the value in each currency.
nlohmann::json totals_json(const AppContext& app, Language language, const CategoryNames& categories,
                           const reports::AnnualReport& report, reports::Direction direction) {
  struct Total {
    std::size_t lines = 0;
    std::int64_t items = 0;
    std::map<std::string, long double> values;
  };
  std::map<std::string, Total> totals;
  for (const auto& line : report.lines) {
    if (line.direction != direction || line.category.empty()) continue;
    auto& total = totals[line.category];
    ++total.lines;
    total.items += line.items.value_or(0);
    if (!line.value.empty()) total.values[line.currency] += std::strtold(line.value.c_str(), nullptr);
  }
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& [category, total] : totals) {
    std::string values;
    for (const auto& [currency, value] : total.values)
      values += (values.empty() ? "" : "; ") + text::format_number(app.catalog, language, decimal_text(value)) + " " + currency;
    rows.push_back({{"category", categories.shown(category, language)},
                    {"lines", std::to_string(total.lines)},
                    {"items", text::format_number(app.catalog, language, std::to_string(total.items))},
                    {"values", values}});
  }
  return rows;
}

nlohmann::json row_json(const AppContext& app, Language language, const CategoryNames& categories,
                        const Findings& findings, std::size_t row, const reports::ReportLine& line) {
  const auto basis = line.basis ? std::string(to_string(*line.basis)) : std::string();
  const std::map<std::string, std::string> values{
      {"category", line.category.empty() ? "" : categories.shown(line.category, language)},
      {"partner_state", state_shown(app, language, line.partner_state)},
      {"items", line.items ? std::to_string(*line.items) : ""},
      {"value", line.value},
      {"currency", line.currency},
      {"basis", basis},
      {"description", line.description},
      {"comments", line.comments},
      {"state_of_origin", state_shown(app, language, line.state_of_origin)},
      {"intermediate_location", line.intermediate_location}};
  nlohmann::json cells = nlohmann::json::array();
  bool has_errors = false;
  for (const auto& column : line_columns()) {
    const auto name = line_field(row, column);
    auto errors = errors_json(findings, name);
    has_errors = has_errors || !errors.empty();
    cells.push_back({{"name", name},
                     {"id", field_id(name)},
                     {"label", app.catalog.text(language, "reporting.col_" + column) + " · " + std::to_string(row + 1)},
                     {"base_label", app.catalog.text(language, "reporting.col_" + column)},
                     {"is_category", column == "category"},
                     {"is_state", column == "partner_state" || column == "state_of_origin"},
                     {"is_items", column == "items"},
                     {"column", column},
                     {"value", values.at(column)},
                     {"is_basis", column == "basis"},
                     {"basis_authorized", basis == "authorized"},
                     {"basis_actual", basis == "actual"},
                     {"errors", errors},
                     {"guidance", guidance_json(findings, name)},
                     {"has_errors", !errors.empty()}});
  }
  return {{"row", std::to_string(row)},
          {"direction", std::string(to_string(line.direction))},
          {"number", std::to_string(row + 1)},
          {"cells", cells},
          {"has_errors", has_errors}};
}

nlohmann::json header_field(const Findings& findings, const std::string& name, const std::string& value) {
  auto errors = errors_json(findings, name);
  return {{"name", name},      {"id", field_id(name)},
          {"value", value},    {"errors", errors},
          {"guidance", guidance_json(findings, name)}, {"has_errors", !errors.empty()}};
}

nlohmann::json contact_field(const AppContext& app, Language language, const Findings& findings,
                             const std::string& name, const std::string& value) {
  auto field = header_field(findings, name, value);
  auto key = name;
  std::replace(key.begin(), key.end(), '.', '_');
  field["label"] = app.catalog.text(language, "reporting.col_" + key);
  return field;
}

nlohmann::json editor_context(const AppContext& app, const HttpRequest& request, Language language,
                              const EditorAddress& address, reports::AnnualReport report,
                              const std::optional<Timestamp>& saved_at, const std::vector<Problem>& problems,
                              const GuidanceNotes& guidance) {
  const auto t = [&](const std::string& key) { return app.catalog.text(language, key); };
  const CategoryNames categories(app.catalog, *address.report_template);
  const auto findings = located_findings(app, language, problems, guidance);
  // ?add=exports (a form posted without script) gives that table one more empty row.
  if (const auto add = request.query("add"); add && reports::direction_from_string(*add)) {
    reports::ReportLine blank;
    blank.direction = *reports::direction_from_string(*add);
    report.lines.push_back(blank);
    tables_in_order(report);
  }
  nlohmann::json tables = nlohmann::json::array();
  for (const auto direction : {reports::Direction::exports, reports::Direction::imports}) {
    const bool exports = direction == reports::Direction::exports;
    nlohmann::json rows = nlohmann::json::array();
    for (std::size_t i = 0; i < report.lines.size(); ++i)
      if (report.lines[i].direction == direction) rows.push_back(row_json(app, language, categories, findings, i, report.lines[i]));
    const auto totals = totals_json(app, language, categories, report, direction);
    tables.push_back({{"direction", std::string(to_string(direction))},
                      {"title", t(exports ? "reports.exports" : "reports.imports")},
                      {"partner_label", t(exports ? "reports.importer" : "reports.exporter")},
                      // A finding about the whole table (nothing reported in either) stands by its box.
                      {"nil_check", header_field(findings, exports ? "nil_exports" : "nil_imports", "")},
                      {"nil", exports ? report.nil_exports : report.nil_imports},
                      {"rows", rows},
                      {"totals", totals},
                      {"has_totals", !totals.empty()}});
  }
  nlohmann::json category_options = nlohmann::json::array();
  for (const auto& code : categories.codes()) category_options.push_back(categories.shown(code, language));
  std::vector<std::string> names;
  for (const auto& state : app.states->states()) names.push_back(state.name(language));
  nlohmann::json state_options = nlohmann::json::array();
  for (const auto position : text::collated_order(names, language)) state_options.push_back(names[position]);
  std::string withheld;
  for (const auto& code : report.withheld_categories) withheld += (withheld.empty() ? "" : ", ") + code;
  const auto basis = report.default_basis ? std::string(to_string(*report.default_basis)) : std::string();
  const auto& contact = report.contact;
  const auto name = address.state->name(language);
  nlohmann::json general = nlohmann::json::array();
  for (std::size_t i = 0; i < findings.general.size(); ++i)
    general.push_back({{"message", findings.general[i]}, {"guidance", findings.general_guidance[i]}});
  return {{"title", app.catalog.text(language, "reporting.editor_title", {{"year", std::to_string(address.year)}, {"state", name}})},
          {"action", editor_path(address)},
          {"iso3", address.state->iso3},
          {"year", std::to_string(address.year)},
          {"template", address.report_template->id},
          {"notice", request.query("notice") == "no-last-year"
                         ? app.catalog.text(language, "reporting.no_last_year", {{"year", std::to_string(address.year - 1)}})
                         : std::string()},
          {"workbook_api", "/api/v1/reports/" + address.state->iso3 + "/" + std::to_string(address.year) + "/workbook"},
          {"workbook_href", "/api/v1/reports/" + address.state->iso3 + "/" + std::to_string(address.year) +
                                "/workbook?lang=" + std::string(code_of(language))},
          {"preview_href", editor_path(address) + "/preview"},
          {"saved_at", saved_at ? app.catalog.text(language, "reporting.saved_at",
                                                   {{"time", text::format_timestamp(app.catalog, language, saved_at->iso())}})
                                : std::string()},
          {"errors", std::to_string(findings.errors)},
          {"has_errors", findings.errors > 0},
          {"general", general},
          {"contact", nlohmann::json::array({contact_field(app, language, findings, "contact.name", contact.name),
                                             contact_field(app, language, findings, "contact.position", contact.position),
                                             contact_field(app, language, findings, "contact.department", contact.department),
                                             contact_field(app, language, findings, "contact.email", contact.email),
                                             contact_field(app, language, findings, "contact.telephone", contact.telephone)})},
          {"address", header_field(findings, "contact.address", contact.address)},
          {"public", report.visibility == reports::Visibility::public_report},
          {"restriction_reason", header_field(findings, "restriction_reason", report.restriction_reason)},
          {"withheld_all", report.withheld_all},
          {"withheld", header_field(findings, "withheld", withheld)},
          {"basis_authorized", basis == "authorized"},
          {"basis_actual", basis == "actual"},
          {"comments", header_field(findings, "comments", report.comments)},
          {"national_definitions", header_field(findings, "national_definitions", report.national_definitions)},
          {"tables", tables},
          {"section_guidance", {{"visibility", guidance.for_topic("section:visibility")},
                                {"declarations", guidance.for_topic("section:declarations")}}},
          {"blank_row", row_json(app, language, categories, {}, report.lines.size(), reports::ReportLine{})},
          {"category_options", category_options},
          {"state_options", state_options},
          {"home_href", "/reporting" + std::string(request.visit.viewer.has(auth::Role::secretariat)
                                                       ? "?state=" + address.state->iso3
                                                       : "")}};
}

HttpResponse show_editor(const AppContext& app, HttpRequest& request) {
  const auto choice = choose_language(request);
  const auto address = editor_address(app, request);
  if (!address) return address.error();
  auto db = app.pool->acquire();
  std::optional<Timestamp> saved_at;
  auto report = starting_report(*db, request.visit.viewer, *address, saved_at);
  tables_in_order(report);
  const auto problems = check(app, report, *address->report_template, {});
  const GuidanceNotes guidance(app, *db, choice.language);
  auto context =
      editor_context(app, request, choice.language, *address, std::move(report), saved_at, problems, guidance);
  context["attachments"] = attachments_section(app, *db, request, choice.language, address->state->iso3, address->year);
  auto response = render_page(app, request, choice, "reporting/editor", context);
  response.set_private_no_store();
  return response;
}

// The buttons of the form without script act on the rows by their numbers: "delete:3",
// "duplicate:3". Rows are renumbered two apart so that a copy can sit right after its row.
std::vector<std::pair<std::string, std::string>> fields_after_action(std::vector<std::pair<std::string, std::string>> fields,
                                                                     const std::string& action) {
  const auto colon = action.find(':');
  if (colon == std::string::npos) return fields;
  const auto verb = action.substr(0, colon);
  const auto prefix = "l" + action.substr(colon + 1) + ".";
  std::vector<std::pair<std::string, std::string>> result;
  for (auto& [name, value] : fields) {
    const bool of_row = name.rfind(prefix, 0) == 0;
    if (of_row && verb == "delete") continue;
    if (name.size() > 1 && name[0] == 'l' && name.find('.') != std::string::npos) {
      const auto dot = name.find('.');
      const auto row = std::strtoull(name.substr(1, dot - 1).c_str(), nullptr, 10);
      const auto rest = name.substr(dot);
      result.emplace_back("l" + std::to_string(row * 2) + rest, value);
      if (of_row && verb == "duplicate") result.emplace_back("l" + std::to_string(row * 2 + 1) + rest, value);
      continue;
    }
    result.emplace_back(std::move(name), std::move(value));
  }
  return result;
}

// The first row number after every row of the form.
std::size_t next_row(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::size_t next = 0;
  for (const auto& [name, value] : fields)
    if (name.size() > 1 && name[0] == 'l' && name.find('.') != std::string::npos)
      next = std::max<std::size_t>(next, std::strtoull(name.substr(1, name.find('.') - 1).c_str(), nullptr, 10) + 1);
  return next;
}

// A nil report for these tables: their flags set, their lines gone.
void make_nil(reports::AnnualReport& report, std::initializer_list<reports::Direction> tables) {
  for (const auto table : tables) {
    (table == reports::Direction::exports ? report.nil_exports : report.nil_imports) = true;
    std::erase_if(report.lines, [&](const auto& line) { return line.direction == table; });
  }
}

HttpResponse save_editor(const AppContext& app, HttpRequest& request) {
  const auto language = language_of(request);
  const auto address = editor_address(app, request);
  if (!address) return address.error();
  auto fields = parse_query(request.body);
  const auto action = request.form_or_empty("action");
  fields = fields_after_action(std::move(fields), action);
  if (action.rfind("paste:", 0) == 0) {
    if (const auto direction = reports::direction_from_string(action.substr(6))) {
      const auto pasted = pasted_fields(request.form_or_empty("paste." + action.substr(6)), *direction,
                                        next_row(fields), app.catalog);
      fields.insert(fields.end(), pasted.begin(), pasted.end());
    }
  }
  const CategoryNames categories(app.catalog, *address->report_template);
  auto posted = report_from_form(fields, *app.states, categories);
  auto& report = posted.report;
  if (action == "last-year") {
    auto db = app.pool->acquire();
    auto previous = reporting::current_report(*db, request.visit.viewer, address->state->iso3, address->year - 1);
    if (!previous) return HttpResponse::redirect(editor_path(*address) + "?notice=no-last-year#save-status");
    report = std::move(previous->second);
    posted.unreadable.clear();
  }
  // The home's "nil report" button posts no form: the report it makes nil is the one stored.
  const bool from_home = request.form_or_empty("from") == "home";
  if (from_home) {
    auto db = app.pool->acquire();
    std::optional<Timestamp> saved_at;
    report = starting_report(*db, request.visit.viewer, *address, saved_at);
    posted.unreadable.clear();
  }
  if (action == "nil:all") make_nil(report, {reports::Direction::exports, reports::Direction::imports});
  report.reporting_state = address->state->iso3;
  report.year = address->year;
  report.template_id = address->report_template->id;
  const auto problems = check(app, report, *address->report_template, posted.unreadable);
  const bool refused = std::any_of(problems.begin(), problems.end(),
                                   [](const Problem& p) { return p.code == problem_codes::control_character; });
  const auto now = Timestamp::now();
  if (!refused) {
    auto db = app.pool->acquire();
    store::Transaction transaction(*db);
    reporting::save_draft(*db, report, request.visit.viewer.user_id, now);
    transaction.commit();
  }
  const auto guidance = [&] {
    auto db = app.pool->acquire();
    return GuidanceNotes(app, *db, language);
  };
  if (wants_json(request)) {
    const auto findings = located_findings(app, language, problems, guidance());
    nlohmann::json located = nlohmann::json::object();
    for (const auto& [field, messages] : findings.by_field) located[field_id(field)] = messages;
    nlohmann::json guidance_by_id = nlohmann::json::object();
    for (const auto& [field, link] : findings.guidance_by_field) guidance_by_id[field_id(field)] = link;
    auto response = HttpResponse::json(refused ? 422 : 200,
                                       json_text({{"saved", !refused},
                                                  {"saved_at", text::format_timestamp(app.catalog, language, now)},
                                                  {"errors", findings.errors},
                                                  {"general", findings.general},
                                                  {"general_guidance", findings.general_guidance},
                                                  {"fields", located},
                                                  {"guidance", guidance_by_id},
                                                  {"exports", totals_json(app, language, categories, report, reports::Direction::exports)},
                                                  {"imports", totals_json(app, language, categories, report, reports::Direction::imports)}}));
    response.set_private_no_store();
    return response;
  }
  if (refused) {
    // Nothing saved: the form comes back as it was posted, with the reason next to the field.
    const auto choice = choose_language(request);
    tables_in_order(report);
    return render_page(app, request, choice, "reporting/editor",
                       editor_context(app, request, language, *address, std::move(report), std::nullopt, problems,
                                      guidance()),
                       422);
  }
  if (action == "add:export" || action == "add:import")
    return HttpResponse::redirect(editor_path(*address) + "?add=" + action.substr(4) + "#table-" + action.substr(4));
  // From the home, a nil report goes straight to its preview: three steps to submit it.
  if (from_home) return HttpResponse::redirect(editor_path(*address) + "/preview");
  return HttpResponse::redirect(editor_path(*address) + "#save-status");
}

}  // namespace

void add_report_editor(Router& router, const AppContext& app) {
  router.add(HttpMethod::get, "/reporting/{state}/{year}", [&app](HttpRequest& r) { return show_editor(app, r); });
  router.add(HttpMethod::post, "/reporting/{state}/{year}", [&app](HttpRequest& r) { return save_editor(app, r); });
}

}  // namespace att::web
