#include "web/reporting/initial_page.hpp"

#include <algorithm>
#include <charconv>
#include <filesystem>

#include "reporting/initial_reports_store.hpp"
#include "text/dates.hpp"
#include "text/problem_text.hpp"
#include "web/http/api_errors.hpp"
#include "web/kit/form_page.hpp"
#include "web/kit/guard.hpp"
#include "web/kit/language.hpp"
#include "web/kit/page.hpp"
#include "web/reporting/initial_form.hpp"
#include "web/reporting/initial_questionnaire.hpp"
#include "web/reporting/reporting_access.hpp"
#include "web/reports/initial_reports_routes.hpp"

namespace att::web {

namespace {

struct InitialAddress {
  const StateRecord* state = nullptr;
  QuestionnaireText text;
};

HttpResponse not_found(const AppContext& app, const HttpRequest& request) {
  const auto language = language_of(request);
  return render_message(app, request, app.catalog.text(language, "reporting.not_found_title"),
                        app.catalog.text(language, "reporting.not_found"), 404);
}

// The State of the URL, once the viewer is known to work on its reports, with today's questionnaire.
tl::expected<InitialAddress, HttpResponse> initial_address(const AppContext& app, const HttpRequest& request) {
  const auto* state = app.states->find_by_code(request.path_param("state"));
  const auto code = state ? state->iso3 : request.path_param("state").substr(0, 3);
  if (auto refusal = refuse_reporting(app, request, code)) return tl::unexpected(std::move(*refusal));
  if (!state) return tl::unexpected(not_found(app, request));
  const auto* report_template = app.templates->for_year("initial", today_utc().year());
  if (!report_template) return tl::unexpected(not_found(app, request));
  auto text = load_questionnaire_text(std::filesystem::path(app.data_dir) / "templates" / (report_template->id + ".json"));
  if (!text) return tl::unexpected(not_found(app, request));
  return InitialAddress{state, std::move(*text)};
}

std::string page_path(const InitialAddress& address) { return "/reporting/" + address.state->iso3 + "/initial"; }

// Steps: 1 about the report, 2 … n+1 the sections, n+2 the review.
int step_count(const InitialAddress& address) { return static_cast<int>(address.text.sections.size()) + 2; }

// The step of ?step= (or of the posted form); the first when it is not a step's number.
int step_asked(const std::string& text, const InitialAddress& address) {
  int step = 1;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), step);
  if (error != std::errc() || end != text.data() + text.size()) return 1;
  return std::clamp(step, 1, step_count(address));
}

std::string step_href(const InitialAddress& address, int step) { return page_path(address) + "?step=" + std::to_string(step); }

bool wants_json(const HttpRequest& request) {
  return request.header("accept").value_or("").find("application/json") != std::string::npos;
}

// What the form starts from: the draft; else the current version, which an update starts from;
// else an empty report.
reports::InitialReport starting_report(store::Database& db, const auth::Viewer& viewer, const InitialAddress& address,
                                       bool& has_draft) {
  has_draft = false;
  if (auto draft = reporting::load_initial_draft(db, viewer, address.state->iso3)) {
    has_draft = true;
    return *draft;
  }
  reports::InitialReport report;
  if (auto current = reporting::current_initial(db, viewer, address.state->iso3)) {
    report = std::move(current->second);
    report.updates_earlier = true;
  }
  report.reporting_state = address.state->iso3;
  return report;
}

std::string html_id(std::string name) {
  std::replace(name.begin(), name.end(), '.', '-');
  return name;
}

std::map<std::string, std::vector<std::string>> messages_by_question(const AppContext& app, Language language,
                                                                     const reports::ValidationResult& result,
                                                                     bool with_unanswered) {
  std::map<std::string, std::vector<std::string>> messages;
  for (const auto& problem : result.findings) {
    if (!with_unanswered && problem.code == problem_codes::binding_unanswered) continue;
    messages[problem.column].push_back(text::problem_message(app.catalog, language, problem));
  }
  return messages;
}

nlohmann::json question_json(const AppContext& app, Language language, const QuestionnaireText& text,
                             const QuestionText& question, const reports::InitialReport& report,
                             const std::map<std::string, std::vector<std::string>>& messages) {
  const auto found = report.answers.find(question.id);
  const reports::Answer answer = found == report.answers.end() ? reports::Answer{} : found->second;
  const auto id = html_id("q-" + question.id);
  nlohmann::json choices = nlohmann::json::array();
  for (const auto& [value, wording] : text.choices)
    choices.push_back({{"value", value}, {"label", worded(wording, language)}, {"id", id + "-" + value},
                       {"checked", answer.choice == value}});
  nlohmann::json authorities = nlohmann::json::array();
  for (const auto& [value, wording] : text.authorities)
    authorities.push_back({{"value", value}, {"label", worded(wording, language)}, {"id", id + "-" + value},
                           {"checked", std::find(answer.entries.begin(), answer.entries.end(), value) != answer.entries.end()}});
  nlohmann::json errors = nlohmann::json::array();
  if (const auto listed = messages.find(question.id); listed != messages.end())
    for (const auto& message : listed->second) errors.push_back(message);
  const bool asks_why = unexplained_not_applicable(answer);
  if (asks_why) errors.push_back(app.catalog.text(language, "reporting.initial_explain_na"));
  return {{"id", id},
          {"number", question.id},
          {"text", worded(question.wording, language)},
          {"binding", question.binding},
          {"is_yes_no", question.type == "yes_no_na"},
          {"is_list", question.type == "list"},
          {"is_text", question.type == "text"},
          {"is_authorities", question.type == "authorities"},
          {"choice_name", answer_field(question.id, "choice")},
          {"explanation_name", answer_field(question.id, "explanation")},
          {"entries_name", answer_field(question.id, "entries")},
          {"choices", choices},
          {"authorities", authorities},
          {"not_applicable", answer.choice == "na"},
          {"explanation", answer.explanation},
          {"entries", entries_text(answer.entries)},
          {"errors", errors},
          {"has_errors", !errors.empty()}};
}

// A question's answer as the review shows it, in the reader's language.
std::string answer_shown(Language language, const QuestionnaireText& text, const reports::Answer& answer) {
  std::string shown;
  const auto add = [&](const std::string& part) {
    if (!part.empty()) shown += (shown.empty() ? "" : "; ") + part;
  };
  for (const auto& [value, wording] : text.choices)
    if (value == answer.choice) add(worded(wording, language));
  for (const auto& entry : answer.entries) {
    std::string label = entry;
    for (const auto& [value, wording] : text.authorities)
      if (value == entry) label = worded(wording, language);
    add(label);
  }
  return shown;
}

nlohmann::json review_json(const AppContext& app, Language language, const InitialAddress& address,
                           const reports::InitialReport& report, const reports::ValidationResult& result) {
  nlohmann::json sections = nlohmann::json::array();
  for (std::size_t i = 0; i < address.text.sections.size(); ++i) {
    const auto& section = address.text.sections[i];
    nlohmann::json answers = nlohmann::json::array();
    for (const auto& question : section.questions) {
      const auto found = report.answers.find(question.id);
      if (found == report.answers.end()) continue;
      answers.push_back({{"number", question.id},
                         {"text", worded(question.wording, language)},
                         {"answer", answer_shown(language, address.text, found->second)},
                         {"explanation", found->second.explanation}});
    }
    sections.push_back({{"title", worded(section.title, language)},
                        {"href", step_href(address, static_cast<int>(i) + 2)},
                        {"answers", answers},
                        {"has_answers", !answers.empty()}});
  }
  nlohmann::json problems = nlohmann::json::array();
  for (const auto& problem : result.findings) {
    const auto* section = address.text.section_of(problem.column);
    int step = 1;
    for (std::size_t i = 0; section && i < address.text.sections.size(); ++i)
      if (&address.text.sections[i] == section) step = static_cast<int>(i) + 2;
    problems.push_back({{"message", text::problem_message(app.catalog, language, problem)},
                        {"href", step_href(address, step) + "#" + html_id("q-" + problem.column)}});
  }
  return {{"sections", sections}, {"problems", problems}, {"has_problems", !problems.empty()}};
}

nlohmann::json page_context(const AppContext& app, const HttpRequest& request, Language language,
                            const InitialAddress& address, const reports::InitialReport& report, bool has_draft, int step,
                            const std::string& error) {
  const auto t = [&](const std::string& key) { return app.catalog.text(language, key); };
  const auto total = step_count(address);
  const auto result = reports::validate(report, address.text.questionnaire);
  nlohmann::json steps = nlohmann::json::array();
  std::string step_title;
  for (int number = 1; number <= total; ++number) {
    const auto title = number == 1       ? t("reporting.initial_step_about")
                       : number == total ? t("reporting.initial_step_review")
                                         : worded(address.text.sections[static_cast<std::size_t>(number - 2)].title, language);
    if (number == step) step_title = title;
    steps.push_back({{"number", std::to_string(number)}, {"title", title}, {"href", step_href(address, number)},
                     {"current", number == step}});
  }
  nlohmann::json context{
      {"title", app.catalog.text(language, "reporting.initial_title", {{"state", address.state->name(language)}})},
      {"questionnaire", worded(address.text.title, language)},
      {"action", page_path(address)},
      {"submit_action", page_path(address) + "/submit"},
      {"iso3", address.state->iso3},
      {"step", std::to_string(step)},
      {"steps", steps},
      {"step_title", step_title},
      {"progress", app.catalog.text(language, "reporting.initial_progress",
                                    {{"step", std::to_string(step)}, {"count", std::to_string(total)}})},
      {"is_about", step == 1},
      {"is_review", step == total},
      {"is_section", step > 1 && step < total},
      {"has_previous", step > 1},
      {"previous_href", step_href(address, std::max(step - 1, 1))},
      {"is_update", report.updates_earlier},
      {"has_draft", has_draft},
      {"public", report.visibility == reports::Visibility::public_report},
      {"visibility_statement", t(report.visibility == reports::Visibility::public_report ? "reporting.will_be_public"
                                                                                        : "reporting.will_be_restricted")},
      {"on_behalf", request.visit.viewer.has(auth::Role::secretariat) && request.visit.viewer.state_iso3 != address.state->iso3},
      {"error", error},
      {"explanation_label", worded(address.text.explanation, language)},
      {"home_href", "/reporting" + std::string(request.visit.viewer.has(auth::Role::secretariat)
                                                   ? "?state=" + address.state->iso3
                                                   : "")}};
  if (step > 1 && step < total) {
    const auto& section = address.text.sections[static_cast<std::size_t>(step - 2)];
    const auto messages = messages_by_question(app, language, result, false);
    nlohmann::json questions = nlohmann::json::array();
    for (const auto& question : section.questions)
      questions.push_back(question_json(app, language, address.text, question, report, messages));
    context["questions"] = questions;
  }
  if (step == total) context["review"] = review_json(app, language, address, report, result);
  return context;
}

HttpResponse render_step(const AppContext& app, const HttpRequest& request, const InitialAddress& address,
                         const reports::InitialReport& report, bool has_draft, int step, const std::string& error,
                         int status) {
  const auto choice = choose_language(request);
  auto response = render_page(app, request, choice, "reporting/initial",
                              page_context(app, request, choice.language, address, report, has_draft, step, error), status);
  response.set_private_no_store();
  return response;
}

HttpResponse show_step(const AppContext& app, HttpRequest& request) {
  const auto address = initial_address(app, request);
  if (!address) return address.error();
  auto db = app.pool->acquire();
  bool has_draft = false;
  const auto report = starting_report(*db, request.visit.viewer, *address, has_draft);
  return render_step(app, request, *address, report, has_draft,
                     step_asked(request.query("step").value_or("1"), *address), "", 200);
}

// A step posted: its answers merged into the draft, which is saved (with its findings, as the
// API saves a draft), then the next or previous step, or the same one.
HttpResponse save_step(const AppContext& app, HttpRequest& request) {
  const auto language = language_of(request);
  const auto address = initial_address(app, request);
  if (!address) return address.error();
  const auto fields = parse_query(request.body);
  const auto step = step_asked(request.form_or_empty("step"), *address);
  auto db = app.pool->acquire();
  bool has_draft = false;
  auto report = starting_report(*db, request.visit.viewer, *address, has_draft);
  if (step > 1 && step < step_count(*address))
    apply_section(report, address->text.sections[static_cast<std::size_t>(step - 2)], fields);
  else if (step == 1)
    apply_section(report, SectionText{}, fields);
  report.reporting_state = address->state->iso3;
  report.template_id = address->text.questionnaire.id;
  const auto result = reports::validate(report, address->text.questionnaire);
  const bool refused = result.has_code(problem_codes::control_character);
  const auto now = Timestamp::now();
  if (!refused) {
    store::Transaction transaction(*db);
    reporting::save_initial_draft(*db, report, request.visit.viewer.user_id, now);
    transaction.commit();
  }
  if (wants_json(request)) {
    auto response = HttpResponse::json(refused ? 422 : 200,
                                       json_text({{"saved", !refused},
                                                  {"saved_at", text::format_timestamp(app.catalog, language, now)},
                                                  {"errors", result.error_count()}}));
    response.set_private_no_store();
    return response;
  }
  // Nothing saved: the step comes back as posted, with the reason next to the question.
  if (refused) return render_step(app, request, *address, report, has_draft, step, "", 422);
  const auto action = request.form_or_empty("action");
  auto next = step;
  if (action == "next") next = std::min(step + 1, step_count(*address));
  else if (action == "back") next = std::max(step - 1, 1);
  return HttpResponse::redirect(step_href(*address, next) + (next == step ? "#save-status" : ""));
}

HttpResponse submit(const AppContext& app, HttpRequest& request) {
  const auto language = language_of(request);
  const auto address = initial_address(app, request);
  if (!address) return address.error();
  auto db = app.pool->acquire();
  bool has_draft = false;
  const auto report = starting_report(*db, request.visit.viewer, *address, has_draft);
  const auto review = step_count(*address);
  if (!has_draft)
    return render_step(app, request, *address, report, has_draft, review, app.catalog.text(language, "reporting.no_draft"), 404);
  if (request.form_or_empty("confirm") != "1")
    return render_step(app, request, *address, report, has_draft, review, app.catalog.text(language, "reporting.confirm_required"), 400);
  if (reports::validate(report, address->text.questionnaire).has_errors())
    return render_step(app, request, *address, report, has_draft, review,
                       app.catalog.text(language, "errors.report_has_errors"), 422);
  const auto now = Timestamp::now();
  const auto& state = address->state->iso3;
  store::Transaction transaction(*db);
  const auto receipt = reporting::submit_initial_draft(*db, state, initial_report_channel(request, state),
                                                       request.visit.viewer.user_id, now);
  if (!receipt) return not_found(app, request);
  record_initial_submission(app, *db, request, state, *receipt, now);
  transaction.commit();
  return HttpResponse::redirect(page_path(*address) + "/receipt");
}

HttpResponse show_receipt(const AppContext& app, HttpRequest& request) {
  const auto choice = choose_language(request);
  const auto language = choice.language;
  const auto address = initial_address(app, request);
  if (!address) return address.error();
  auto db = app.pool->acquire();
  const auto current = reporting::current_initial(*db, request.visit.viewer, address->state->iso3);
  if (!current) return not_found(app, request);
  const auto& summary = current->first;
  auto response = render_page(
      app, request, choice, "reporting/initial_receipt",
      {{"title", app.catalog.text(language, "reporting.initial_receipt_title", {{"state", address->state->name(language)}})},
       {"version", std::to_string(summary.version_no)},
       {"received", text::format_date(app.catalog, language, summary.received_iso())},
       {"submitted", summary.submitted_at ? text::format_timestamp(app.catalog, language, summary.submitted_at->iso())
                                          : std::string()},
       {"hash", summary.content_hash},
       {"visibility", app.catalog.text(language, summary.visibility == reports::Visibility::public_report
                                                     ? "reporting.will_be_public"
                                                     : "reporting.will_be_restricted")},
       {"update_href", page_path(*address)},
       {"home_href", "/reporting" + std::string(request.visit.viewer.has(auth::Role::secretariat)
                                                    ? "?state=" + address->state->iso3
                                                    : "")}});
  response.set_private_no_store();
  return response;
}

}  // namespace

void add_initial_report_pages(Router& router, const AppContext& app) {
  router.add(HttpMethod::get, "/reporting/{state}/initial", [&app](HttpRequest& r) { return show_step(app, r); });
  router.add(HttpMethod::post, "/reporting/{state}/initial", [&app](HttpRequest& r) { return save_step(app, r); });
  router.add(HttpMethod::post, "/reporting/{state}/initial/submit", [&app](HttpRequest& r) { return submit(app, r); });
  router.add(HttpMethod::get, "/reporting/{state}/initial/receipt", [&app](HttpRequest& r) { return show_receipt(app, r); });
}

}  // namespace att::web
