#include "web/kit/page.hpp"

#include "web/kit/navigation.hpp"

namespace att::web {

std::string url_with_param(const HttpRequest& request, const std::string& name, const std::string& value) {
  std::string query;
  for (const auto& [key, existing] : parse_query(request.query_string)) {
    if (key == name) continue;
    query += (query.empty() ? "" : "&") + percent_encode(key) + "=" + percent_encode(existing);
  }
  query += (query.empty() ? "" : "&") + percent_encode(name) + "=" + percent_encode(value);
  return request.path + "?" + query;
}

HttpResponse render_page(const AppContext& app, const HttpRequest& request, const LanguageChoice& choice,
                         const std::string& page, nlohmann::json context, int status) {
  const auto language = choice.language;
  context["t"] = app.catalog.tree(language);
  context["lang"] = std::string(code_of(language));
  nlohmann::json languages = nlohmann::json::array();
  for (const auto other : all_languages) {
    const std::string code(code_of(other));
    languages.push_back({{"code", code},
                         {"label", app.catalog.text(other, "language.name")},
                         {"href", url_with_param(request, "lang", code)},
                         {"current", other == language}});
  }
  context["languages"] = languages;
  context["nav"] = navigation_json(app, request, language);
  context["csrf_token"] = request.visit.csrf_token;
  const auto& viewer = request.visit.viewer;
  context["signed_in"] = !viewer.is_anonymous();
  context["viewer_name"] = viewer.name;
  // Every page offers the signed-in a way to report a problem with it (web/problems).
  if (!viewer.is_anonymous()) context["report_problem_href"] = "/problems/new?page=" + percent_encode(request.path);

  auto response = HttpResponse::html(status, app.views.render_page(page, context));
  response.set_header("Vary", "Accept-Language, Cookie");
  // Pages may show personal data: never cache them in shared caches.
  response.set_private_no_store();
  if (choice.chosen_in_query) {
    response.headers.emplace_back(
        "Set-Cookie", "lang=" + std::string(code_of(language)) + "; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly");
  }
  return response;
}

HttpResponse page_not_found(const AppContext& app, const HttpRequest& request) {
  const auto choice = choose_language(request);
  const auto message = app.catalog.text(choice.language, "errors.page_not_found");
  return render_page(app, request, choice, "error", {{"title", message}, {"message", message}, {"status", "404"}}, 404);
}

}  // namespace att::web
