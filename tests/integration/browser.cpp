#include "browser.hpp"

#include "web/http/http.hpp"

namespace att::testing {

std::string form_encode(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string body;
  for (const auto& [name, value] : fields)
    body += (body.empty() ? "" : "&") + web::percent_encode(name) + "=" + web::percent_encode(value);
  return body;
}

std::string text_of_id(const std::string& html, const std::string& id) {
  const auto at = html.find("id=\"" + id + "\"");
  if (at == std::string::npos) return "";
  const auto start = html.find('>', at);
  const auto end = html.find('<', start);
  return html.substr(start + 1, end - start - 1);
}

std::string Browser::cookie(const std::string& name) const {
  const auto found = cookies_.find(name);
  return found == cookies_.end() ? "" : found->second;
}

std::string Browser::cookie_header() const {
  std::string header;
  for (const auto& [name, value] : cookies_) header += (header.empty() ? "" : "; ") + name + "=" + value;
  return header.empty() ? "" : "Cookie: " + header + "\r\n";
}

HttpResult Browser::send(const std::string& raw) {
  last_ = http_raw(port_, raw);
  for (const auto& [name, value] : last_.headers) {
    if (name != "set-cookie") continue;
    const auto equals = value.find('=');
    const auto end = value.find(';');
    const auto cookie_name = value.substr(0, equals);
    const auto cookie_value = value.substr(equals + 1, end - equals - 1);
    if (value.find("Max-Age=0") != std::string::npos) cookies_.erase(cookie_name);
    else cookies_[cookie_name] = cookie_value;
  }
  const auto marker = std::string("name=\"csrf_token\" value=\"");
  if (const auto at = last_.body.find(marker); at != std::string::npos) {
    const auto start = at + marker.size();
    csrf_token_ = last_.body.substr(start, last_.body.find('"', start) - start);
  }
  return last_;
}

HttpResult Browser::get(const std::string& target, const std::vector<std::string>& extra_headers) {
  std::string raw = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + cookie_header();
  for (const auto& header : extra_headers) raw += header + "\r\n";
  return send(raw + "\r\n");
}

HttpResult Browser::post(const std::string& target, std::vector<std::pair<std::string, std::string>> fields,
                         bool add_csrf) {
  if (add_csrf) fields.emplace_back("csrf_token", csrf_token_);
  const auto body = form_encode(fields);
  return send("POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + cookie_header() +
              "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + std::to_string(body.size()) +
              "\r\n\r\n" + body);
}

HttpResult Browser::post_from_script(const std::string& target,
                                     const std::vector<std::pair<std::string, std::string>>& fields) {
  const auto body = form_encode(fields);
  return send("POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + cookie_header() +
              "X-CSRF-Token: " + csrf_token_ + "\r\nAccept: application/json\r\n"
              "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + std::to_string(body.size()) +
              "\r\n\r\n" + body);
}

HttpResult Browser::send_json(const std::string& method, const std::string& target, const std::string& json) {
  return send(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + cookie_header() +
              "X-CSRF-Token: " + csrf_token_ + "\r\nContent-Type: application/json\r\nContent-Length: " +
              std::to_string(json.size()) + "\r\n\r\n" + json);
}

}  // namespace att::testing
