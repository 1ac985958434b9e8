// The HTTP request and response as the features see them: plain values, no server types.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "auth/sessions_store.hpp"
#include "auth/viewer.hpp"
#include "web/http/http_method.hpp"

namespace att::web {

// What the application has established about the request before a feature sees it.
struct Visit {
  auth::Viewer viewer;                   // anonymous unless a live session or API token says otherwise
  std::optional<auth::Session> session;  // also set while a sign-in awaits its second factor
  bool via_api_token = false;
  std::string csrf_token;                // for the forms of the page being built
  std::vector<std::string> cookies_to_set;
};

struct HttpRequest {
  HttpMethod method = HttpMethod::get;
  std::string path;    // percent-decoded
  std::string query_string;
  std::vector<std::pair<std::string, std::string>> headers;  // names in lower case
  std::string body;
  std::string remote_address;
  std::unordered_map<std::string, std::string> path_params;  // filled by the router
  Visit visit;                                                // filled by the App

  // A field of an application/x-www-form-urlencoded body, or a text field of a
  // multipart/form-data one.
  [[nodiscard]] std::optional<std::string> form(std::string_view name) const;
  [[nodiscard]] std::string form_or_empty(std::string_view name) const { return form(name).value_or(""); }

  [[nodiscard]] std::optional<std::string> header(std::string_view name) const;
  [[nodiscard]] std::optional<std::string> query(std::string_view name) const;
  [[nodiscard]] std::optional<std::string> cookie(std::string_view name) const;
  [[nodiscard]] const std::string& path_param(const std::string& name) const { return path_params.at(name); }
};

// A body too large to hold (a full download): each call gives the next piece, none at the end.
// The server asks for a piece only when the previous one is written, so memory stays one piece
// deep whatever the size, and a slow reader slows the writer instead of filling memory.
using BodyPieces = std::function<std::optional<std::string>()>;

struct HttpResponse {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  BodyPieces pieces = nullptr;  // when set, the body is these pieces, sent chunked; `body` is unused

  void set_header(std::string name, std::string value);
  // For what only this viewer may read (drafts, personal data, pages): no cache, shared or the
  // browser's own, may keep it.
  void set_private_no_store() { set_header("Cache-Control", "private, no-store"); }
  [[nodiscard]] std::optional<std::string> header(std::string_view name) const;

  static HttpResponse json(int status, std::string body);
  static HttpResponse html(int status, std::string body);
  static HttpResponse redirect(std::string location);
};

// Percent-decoding; '+' becomes a space only in query strings. Invalid escapes stay as they are.
std::string percent_decode(std::string_view text, bool plus_is_space);
std::string percent_encode(std::string_view text);
// name=value pairs of a query string, decoded, in order.
std::vector<std::pair<std::string, std::string>> parse_query(std::string_view query);
std::string reason_phrase(int status);

}  // namespace att::web
