// A minimal browser for HTTP tests: keeps cookies, finds the CSRF token in pages, posts forms.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "http_client.hpp"

namespace att::testing {

class Browser {
 public:
  explicit Browser(int port) : port_(port) {}

  HttpResult get(const std::string& target, const std::vector<std::string>& extra_headers = {});
  // Posts application/x-www-form-urlencoded fields. Adds the CSRF token of the last page seen
  // unless `fields` has one (tests of forged requests give their own).
  HttpResult post(const std::string& target, std::vector<std::pair<std::string, std::string>> fields,
                  bool add_csrf = true);

  // A form posted by a page's script (editor autosave): the fields, the X-CSRF-Token header, and
  // an answer asked for in JSON.
  HttpResult post_from_script(const std::string& target, const std::vector<std::pair<std::string, std::string>>& fields);

  // A JSON request as a page's script would send it: cookies and the X-CSRF-Token header.
  HttpResult send_json(const std::string& method, const std::string& target, const std::string& json);

  [[nodiscard]] std::string cookie(const std::string& name) const;
  void set_cookie(const std::string& name, const std::string& value) { cookies_[name] = value; }
  [[nodiscard]] const std::string& csrf_token() const { return csrf_token_; }
  [[nodiscard]] const HttpResult& last() const { return last_; }

 private:
  HttpResult send(const std::string& raw);
  [[nodiscard]] std::string cookie_header() const;

  int port_;
  std::map<std::string, std::string> cookies_;
  std::string csrf_token_;
  HttpResult last_;
};

std::string form_encode(const std::vector<std::pair<std::string, std::string>>& fields);
// The text of the first element with this id, tags stripped ("" if absent).
std::string text_of_id(const std::string& html, const std::string& id);

}  // namespace att::testing
