#include "web/about/about_pages.hpp"

#include <filesystem>

#include "io/file.hpp"
#include "text/markdown.hpp"
#include "web/kit/language.hpp"
#include "web/kit/page.hpp"

namespace att::web {

namespace {

HttpResponse about_page(const AppContext& app, const HttpRequest& request, const std::string& name) {
  const auto choice = choose_language(request);
  return render_page(app, request, choice, "about/" + name,
                     {{"title", app.catalog.text(choice.language, "about." + name + "_title")},
                      {"contact_email", app.auth.contact_email},
                      {"has_contact_email", !app.auth.contact_email.empty()}});
}

// The API's reference is docs/api.md, kept beside the code it describes; the page renders it as
// it is at start-up, so the site never documents an API other than the one it serves.
std::string api_documentation_html(const AppContext& app) {
  const auto file = std::filesystem::path(app.data_dir).parent_path() / "docs" / "api.md";
  const auto markdown = io::read_file(file);
  return markdown ? text::markdown_html(*markdown) : std::string();
}

}  // namespace

void add_about_pages(Router& router, const AppContext& app) {
  for (const std::string name : {"contact", "terms", "privacy"})
    router.add(HttpMethod::get, "/" + name, [&app, name](HttpRequest& request) { return about_page(app, request, name); });
  router.add(HttpMethod::get, "/api", [&app, html = api_documentation_html(app)](HttpRequest& request) {
    const auto choice = choose_language(request);
    return render_page(app, request, choice, "about/api",
                       {{"title", app.catalog.text(choice.language, "about.api_title")},
                        {"documentation", html},
                        {"has_documentation", !html.empty()}});
  });
}

}  // namespace att::web
