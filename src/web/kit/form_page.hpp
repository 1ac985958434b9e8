// Pages that are one form (sign in, register, reset a password...): described as data and
// rendered by one template, so every form has the same labels, errors and keyboard order.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "web/kit/app_context.hpp"
#include "web/http/http.hpp"

namespace att::web {

struct FormOption {
  std::string value;
  std::string label;
};

struct FormField {
  std::string name;
  std::string label;  // already translated
  std::string type = "text";  // text, email, password, select, textarea, hidden
  std::string value;
  std::string autocomplete;
  std::string help;
  std::string error;  // shown next to the field
  bool required = true;
  std::size_t max_length = 200;
  std::vector<FormOption> options;  // for select
};

struct FormPage {
  std::string title;
  std::string intro;
  std::string action;  // where the form posts
  std::string submit;
  std::vector<FormField> fields;
  std::string error;   // about the whole form
  std::string notice;  // a success or information message
  std::vector<std::pair<std::string, std::string>> links;  // href, label
};

HttpResponse render_form(const AppContext& app, const HttpRequest& request, const FormPage& page, int status = 200);
// A page with a title and a message, and optional links.
HttpResponse render_message(const AppContext& app, const HttpRequest& request, const std::string& title,
                            const std::string& message, int status = 200,
                            const std::vector<std::pair<std::string, std::string>>& links = {});

}  // namespace att::web
