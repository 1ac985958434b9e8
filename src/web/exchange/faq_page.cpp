#include "web/exchange/faq_page.hpp"

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

HttpResponse faq(const AppContext& app, const HttpRequest& request) {
  const auto choice = choose_language(request);
  const auto language = choice.language;
  auto db = app.pool->acquire();
  const auto revision = exchange::current_faq(*db, std::string(code_of(language)));
  nlohmann::json context = {{"title", app.catalog.text(language, "faq.title")},
                            {"has_revision", revision.has_value()},
                            {"may_revise", auth::may(request.visit.viewer, auth::Permission::publish_announcements)}};
  if (revision) {
    nlohmann::json answers = nlohmann::json::array();
    for (const auto& answer : revision->answers) {
      answers.push_back({{"number", answer.number},
                         {"language", answer.language},
                         // An answer not yet translated says which language it is in, for screen readers.
                         {"other_language", answer.language != code_of(language)},
                         {"question", answer.question},
                         {"answer_html", text::markdown_html(answer.answer)}});
    }
    context["answers"] = std::move(answers);
    context["meeting"] = revision->meeting;
    context["published_at"] = text::format_date(app.catalog, language, revision->published_at.iso().substr(0, 10));
  }
  return render_page(app, request, choice, "exchange/faq", std::move(context));
}

HttpResponse question(const AppContext& app, const HttpRequest& request) {
  const auto number = id_in_path(request, "number");
  if (!number) return page_not_found(app, request);
  const auto lang = request.query("lang");
  return HttpResponse::redirect("/faq" + (lang ? "?lang=" + percent_encode(*lang) : std::string()) + "#q" +
                                std::to_string(*number));
}

}  // namespace

void add_faq_page(Router& router, const AppContext& app) {
  router.add(HttpMethod::get, "/faq", [&app](HttpRequest& r) { return faq(app, r); });
  router.add(HttpMethod::get, "/faq/{number}", [&app](HttpRequest& r) { return question(app, r); });
}

}  // namespace att::web
