#include "web/exchange/faq_revision_form.hpp"

#include <algorithm>
#include <map>

#include "auth/audit_log.hpp"
#include "core/ascii_text.hpp"
#include "core/utf8.hpp"
#include "exchange/faq_store.hpp"
#include "web/kit/form_page.hpp"
#include "web/kit/guard.hpp"
#include "web/reports/report_paths.hpp"

namespace att::web {

namespace {

using auth::Permission;

constexpr std::size_t max_meeting = 100;
constexpr std::size_t max_question = 1000;
constexpr std::size_t max_answer = 20000;

// What the form starts from: what was posted, else the current wording of the question asked for
// (?number=N), else nothing.
std::map<std::string, std::string> starting_values(const AppContext& app, const HttpRequest& request) {
  std::map<std::string, std::string> values;
  if (request.method == HttpMethod::post) {
    for (const auto* name :
         {"number", "meeting", "question_en", "answer_en", "question_fr", "answer_fr", "question_es", "answer_es"})
      values[name] = request.form_or_empty(name);
    return values;
  }
  const auto number = positive_number(request.query("number").value_or(""));
  if (!number) return values;
  values["number"] = std::to_string(*number);
  auto db = app.pool->acquire();
  const auto history = exchange::faq_question_history(*db, *number);
  if (history.empty()) return values;
  // Only the newest revision's wording is current; an older one may have been dropped since.
  if (!exchange::current_faq_numbers(*db).contains(*number)) return values;
  for (const auto& answer : history.front().answers) {
    values["question_" + answer.language] = answer.question;
    values["answer_" + answer.language] = answer.answer;
  }
  return values;
}

FormPage revision_form(const AppContext& app, Language language, const std::map<std::string, std::string>& values) {
  const auto t = [&](const std::string& key) { return app.catalog.text(language, key); };
  const auto value = [&](const std::string& name) {
    const auto found = values.find(name);
    return found == values.end() ? std::string() : found->second;
  };
  // Designated initialisers would have to name every member (-Wmissing-field-initializers).
  const auto make = [&](const std::string& name, std::string label, std::string type, std::size_t max_length,
                        bool required, std::string help = {}) {
    FormField made;
    made.name = name;
    made.label = std::move(label);
    made.type = std::move(type);
    made.value = value(name);
    made.max_length = max_length;
    made.required = required;
    made.help = std::move(help);
    return made;
  };
  FormPage page;
  page.title = t("faq.revise_title");
  page.intro = t("faq.revise_intro");
  page.action = "/faq/revise";
  page.submit = t("faq.revise_submit");
  page.fields.push_back(make("number", t("faq.field_number"), "text", 6, true, t("faq.field_number_help")));
  page.fields.push_back(
      make("meeting", t("faq.field_meeting"), "text", max_meeting, true, t("faq.field_meeting_help")));
  for (const auto* code : {"en", "fr", "es"}) {
    const std::string lang(code);
    const bool english = lang == "en";
    const auto in_language = t("documents.languages." + lang);
    page.fields.push_back(make("question_" + lang, t("faq.field_question") + " (" + in_language + ")", "text",
                               max_question, english, english ? std::string() : t("faq.field_translation_help")));
    page.fields.push_back(
        make("answer_" + lang, t("faq.field_answer") + " (" + in_language + ")", "textarea", max_answer, english));
  }
  page.links.push_back({"/faq", t("faq.back")});
  return page;
}

FormField& field(FormPage& page, std::string_view name) {
  return *std::find_if(page.fields.begin(), page.fields.end(), [&](const auto& f) { return f.name == name; });
}

HttpResponse show(const AppContext& app, HttpRequest& request) {
  if (auto refusal = refuse_unless(app, request, Permission::publish_announcements)) return std::move(*refusal);
  return render_form(app, request, revision_form(app, language_of(request), starting_values(app, request)));
}

HttpResponse revise(const AppContext& app, HttpRequest& request) {
  if (auto refusal = refuse_unless(app, request, Permission::publish_announcements)) return std::move(*refusal);
  const auto language = language_of(request);
  const auto t = [&](const char* key) { return app.catalog.text(language, key); };
  auto page = revision_form(app, language, starting_values(app, request));
  bool wrong = false;
  const auto refuse = [&](std::string_view name, const char* key) {
    field(page, name).error = t(key);
    wrong = true;
  };
  const auto number = positive_number(trim_blanks(request.form_or_empty("number")));
  if (!number) refuse("number", "faq.errors.number");
  const auto meeting = trim_blanks(request.form_or_empty("meeting"));
  if (meeting.empty() || meeting.size() > max_meeting || !is_utf8(meeting)) refuse("meeting", "faq.errors.meeting");
  std::vector<exchange::FaqAnswer> wordings;
  for (const auto* code : {"en", "fr", "es"}) {
    const std::string lang(code);
    const auto question = trim_blanks(request.form_or_empty("question_" + lang));
    const auto answer = trim_blanks(request.form_or_empty("answer_" + lang));
    // A translation is optional, but a question without its answer (or the reverse) is a slip.
    if (question.empty() && answer.empty() && lang != "en") continue;
    if (question.empty() || question.size() > max_question || !is_utf8(question))
      refuse("question_" + lang, "faq.errors.question");
    if (answer.empty() || answer.size() > max_answer || !is_utf8(answer)) refuse("answer_" + lang, "faq.errors.answer");
    wordings.push_back({number.value_or(0), lang, question, answer});
  }
  const auto revised = [&]() -> std::optional<std::int64_t> {
    if (wrong) return std::nullopt;
    const auto now = Timestamp::now();
    auto db = app.pool->acquire();
    store::Transaction transaction(*db);
    const auto id = exchange::revise_faq_question(*db, request.visit.viewer, meeting, *number, wordings, now);
    if (!id) return std::nullopt;
    auth::append_audit(*db,
                       audit_entry(request, "faq_revised", "faq_question:" + std::to_string(*number),
                                   "revision " + std::to_string(*id) + " (" + meeting + ")"),
                       now);
    transaction.commit();
    return id;
  }();
  // The form is drawn once the connection is back in the pool.
  if (!revised) {
    page.error = t("errors.heading");
    return render_form(app, request, page, wrong ? 400 : 403);
  }
  return HttpResponse::redirect("/faq/" + std::to_string(*number) + "/history");
}

}  // namespace

void add_faq_revision_form(Router& router, const AppContext& app) {
  router.add(HttpMethod::get, "/faq/revise", [&app](HttpRequest& r) { return show(app, r); });
  router.add(HttpMethod::post, "/faq/revise", [&app](HttpRequest& r) { return revise(app, r); });
}

}  // namespace att::web
