#include "web/problems/problem_queue.hpp"

#include "auth/audit_log.hpp"
#include "exchange/problem_reports_store.hpp"
#include "mail/mail_text.hpp"
#include "text/dates.hpp"
#include "web/kit/form_page.hpp"
#include "web/kit/guard.hpp"
#include "web/kit/language.hpp"
#include "web/kit/page.hpp"
#include "web/reports/report_paths.hpp"

namespace att::web {

namespace {

using auth::Permission;

constexpr std::size_t max_answer = 10000;

nlohmann::json report_view(const AppContext& app, Language language, const exchange::ProblemReport& report) {
  const auto t = [&](const std::string& key) { return app.catalog.text(language, key); };
  nlohmann::json answers = nlohmann::json::array();
  for (const auto& answer : report.answers)
    answers.push_back({{"author", answer.author_name},
                       {"body", answer.body},
                       {"answered_at", text::format_timestamp(app.catalog, language, answer.answered_at)}});
  return {{"id", std::to_string(report.id)},
          {"href", "/problems/" + std::to_string(report.id)},
          {"reporter", report.reporter_name},
          {"page", report.page},
          {"category", t("problem_reports.categories." + std::string(exchange::to_string(report.category)))},
          {"description", report.description},
          {"open", report.open},
          {"status", t(report.open ? "problem_reports.status_open" : "problem_reports.status_closed")},
          {"reported_at", text::format_timestamp(app.catalog, language, report.reported_at)},
          {"answers", answers},
          {"has_answers", !answers.empty()}};
}

HttpResponse list(const AppContext& app, HttpRequest& request) {
  if (auto refusal = refuse_unless(app, request, Permission::report_problems)) return std::move(*refusal);
  const auto language = language_of(request);
  const auto& viewer = request.visit.viewer;
  const bool answers = auth::may(viewer, Permission::answer_problem_reports);
  nlohmann::json reports = nlohmann::json::array();
  {
    auto db = app.pool->acquire();
    for (const auto& report : exchange::problem_reports_for(*db, viewer))
      reports.push_back(report_view(app, language, report));
  }
  const bool has_reports = !reports.empty();
  return render_page(
      app, request, choose_language(request), "problems/list",
      {{"title", app.catalog.text(language, answers ? "problem_reports.queue_title" : "problem_reports.own_title")},
       {"answers", answers},
       {"reports", std::move(reports)},
       {"has_reports", has_reports}});
}

// `typed` and `error` keep an answer that could not be sent.
HttpResponse report_page(const AppContext& app, HttpRequest& request, std::int64_t id, const std::string& typed = {},
                         const std::string& error = {}, int status = 200) {
  const auto language = language_of(request);
  const auto& viewer = request.visit.viewer;
  std::optional<exchange::ProblemReport> report;
  {
    auto db = app.pool->acquire();
    report = exchange::find_problem_report(*db, viewer, id);
  }
  if (!report) return page_not_found(app, request);
  return render_page(
      app, request, choose_language(request), "problems/report",
      {{"title", app.catalog.text(language, "problem_reports.report_title", {{"id", std::to_string(id)}})},
       {"report", report_view(app, language, *report)},
       {"may_answer", auth::may(viewer, Permission::answer_problem_reports)},
       {"typed_answer", typed},
       {"error", error}},
      status);
}

HttpResponse show(const AppContext& app, HttpRequest& request) {
  if (auto refusal = refuse_unless(app, request, Permission::report_problems)) return std::move(*refusal);
  const auto id = positive_number(request.path_param("id"));
  if (!id) return page_not_found(app, request);
  return report_page(app, request, *id);
}

// The reporter hears of the answer in their own language, inside the answer's transaction.
void tell_reporter(const AppContext& app, store::Database& db, const exchange::ProblemReport& report,
                   const std::string& answer, bool closed) {
  const auto reporter = db.query("SELECT email, language FROM users WHERE id = $1", {report.reporter_id});
  if (reporter.empty()) return;
  const auto language = language_from_code(reporter.front().text(1)).value_or(Language::en);
  mail::queue_mail(
      db, app.catalog, language, "problem_answered", reporter.front().text(0),
      {{"id", std::to_string(report.id)},
       {"answer", answer},
       {"state", app.catalog.text(language, closed ? "problem_reports.mail_closed" : "problem_reports.mail_open")},
       {"url", app.auth.public_url + "/problems/" + std::to_string(report.id)}});
}

HttpResponse answer(const AppContext& app, HttpRequest& request) {
  if (auto refusal = refuse_unless(app, request, Permission::report_problems)) return std::move(*refusal);
  const auto id = positive_number(request.path_param("id"));
  if (!id) return page_not_found(app, request);
  const auto language = language_of(request);
  const auto text = request.form_or_empty("answer");
  const bool close = request.form_or_empty("close") == "1";
  const auto& viewer = request.visit.viewer;
  const auto now = Timestamp::now();
  auto outcome = exchange::AnswerOutcome::invalid;
  if (text.size() <= max_answer) {
    auto db = app.pool->acquire();
    store::Transaction transaction(*db);
    outcome = exchange::answer_problem_report(*db, viewer, *id, text, close, now);
    if (outcome == exchange::AnswerOutcome::done) {
      const auto report = exchange::find_problem_report(*db, viewer, *id);
      tell_reporter(app, *db, *report, text, !report->open);
      const auto target = "problem_report:" + std::to_string(*id);
      auth::append_audit(*db, audit_entry(request, "problem_answered", target), now);
      if (close) auth::append_audit(*db, audit_entry(request, "problem_closed", target), now);
      transaction.commit();
    }
  }
  switch (outcome) {
    case exchange::AnswerOutcome::done: return HttpResponse::redirect("/problems/" + std::to_string(*id));
    case exchange::AnswerOutcome::not_found: return page_not_found(app, request);
    case exchange::AnswerOutcome::refused:
      return render_message(app, request, app.catalog.text(language, "auth.forbidden_title"),
                            app.catalog.text(language, "auth.forbidden"), 403);
    case exchange::AnswerOutcome::invalid: break;
  }
  return report_page(app, request, *id, text, app.catalog.text(language, "problem_reports.errors.answer"), 400);
}

}  // namespace

void add_problem_queue(Router& router, const AppContext& app) {
  router.add(HttpMethod::get, "/problems", [&app](HttpRequest& r) { return list(app, r); });
  router.add(HttpMethod::get, "/problems/{id}", [&app](HttpRequest& r) { return show(app, r); });
  router.add(HttpMethod::post, "/problems/{id}/answer", [&app](HttpRequest& r) { return answer(app, r); });
}

}  // namespace att::web
