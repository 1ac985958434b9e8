#include "web/kit/form_page.hpp"

#include "web/kit/language.hpp"
#include "web/kit/page.hpp"

namespace att::web {

namespace {

nlohmann::json links_json(const std::vector<std::pair<std::string, std::string>>& links) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& [href, label] : links) list.push_back({{"href", href}, {"label", label}});
  return list;
}

}  // namespace

HttpResponse render_form(const AppContext& app, const HttpRequest& request, const FormPage& page, int status) {
  nlohmann::json fields = nlohmann::json::array();
  for (const auto& field : page.fields) {
    nlohmann::json options = nlohmann::json::array();
    for (const auto& option : field.options)
      options.push_back({{"value", option.value}, {"label", option.label}, {"selected", option.value == field.value}});
    fields.push_back({{"name", field.name},
                      {"id", "field-" + field.name},
                      {"label", field.label},
                      {"type", field.type},
                      {"value", field.type == "password" ? "" : field.value},
                      {"autocomplete", field.autocomplete},
                      {"help", field.help},
                      {"error", field.error},
                      {"required", field.required},
                      {"max_length", std::to_string(field.max_length)},
                      {"is_select", field.type == "select"},
                      {"is_textarea", field.type == "textarea"},
                      {"is_hidden", field.type == "hidden"},
                      {"is_input", field.type != "select" && field.type != "textarea" && field.type != "hidden"},
                      {"options", options}});
  }
  nlohmann::json context = {{"title", page.title},     {"intro", page.intro},   {"action", page.action},
                            {"submit", page.submit},   {"fields", fields},      {"error", page.error},
                            {"notice", page.notice},   {"links", links_json(page.links)},
                            {"has_links", !page.links.empty()}};
  return render_page(app, request, choose_language(request), "form", std::move(context), status);
}

HttpResponse render_message(const AppContext& app, const HttpRequest& request, const std::string& title,
                            const std::string& message, int status,
                            const std::vector<std::pair<std::string, std::string>>& links) {
  nlohmann::json context = {
      {"title", title}, {"message", message}, {"links", links_json(links)}, {"has_links", !links.empty()}};
  return render_page(app, request, choose_language(request), "message", std::move(context), status);
}

}  // namespace att::web
