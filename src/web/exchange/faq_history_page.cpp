#include "web/exchange/faq_history_page.hpp"

#include "auth/policy.hpp"
#include "exchange/faq_store.hpp"
#include "text/dates.hpp"
#include "text/markdown.hpp"
#include "web/exchange/exchange_view.hpp"
#include "web/kit/guard.hpp"
#include "web/kit/language.hpp"
#include "web/kit/page.hpp"

namespace att::web {

namespace {

HttpResponse history(const AppContext& app, const HttpRequest& request) {
  const auto number = id_in_path(request, "number");
  if (!number) return page_not_found(app, request);
  const auto language = language_of(request);
  auto db = app.pool->acquire();
  const auto revisions = exchange::faq_question_history(*db, *number);
  if (revisions.empty()) return page_not_found(app, request);
  nlohmann::json items = nlohmann::json::array();
  bool newest = true;
  for (const auto& revision : revisions) {
    nlohmann::json wordings = nlohmann::json::array();
    for (const auto& answer : revision.answers)
      wordings.push_back({{"language", answer.language},
                          {"language_label", app.catalog.text(language, "documents.languages." + answer.language)},
                          {"question", answer.question},
                          {"answer_html", text::markdown_html(answer.answer)}});
    items.push_back(
        {{"id", revision.id},
         {"meeting", revision.meeting},
         {"current", std::exchange(newest, false)},
         {"published_at", text::format_date(app.catalog, language, revision.published_at.iso().substr(0, 10))},
         {"wordings", std::move(wordings)}});
  }
  const auto n = std::to_string(*number);
  return render_page(app, request, choose_language(request), "exchange/faq_history",
                     {{"title", app.catalog.text(language, "faq.history_title", {{"number", n}})},
                      {"number", n},
                      {"revisions", std::move(items)},
                      {"may_revise", auth::may(request.visit.viewer, auth::Permission::publish_announcements)},
                      {"revise_href", "/faq/revise?number=" + n}});
}

}  // namespace

void add_faq_history_page(Router& router, const AppContext& app) {
  router.add(HttpMethod::get, "/faq/{number}/history", [&app](HttpRequest& r) { return history(app, r); });
}

}  // namespace att::web
