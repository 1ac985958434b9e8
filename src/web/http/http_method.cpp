#include "web/http/http_method.hpp"

namespace att::web {

namespace {

constexpr HttpMethod known[] = {HttpMethod::get,   HttpMethod::head,    HttpMethod::post,   HttpMethod::put,
                                HttpMethod::patch, HttpMethod::delete_, HttpMethod::options};

}  // namespace

std::string_view to_string(HttpMethod method) {
  switch (method) {
    case HttpMethod::get: return "GET";
    case HttpMethod::head: return "HEAD";
    case HttpMethod::post: return "POST";
    case HttpMethod::put: return "PUT";
    case HttpMethod::patch: return "PATCH";
    case HttpMethod::delete_: return "DELETE";
    case HttpMethod::options: return "OPTIONS";
    case HttpMethod::other: return "OTHER";
  }
  return "OTHER";
}

HttpMethod http_method_from_string(std::string_view text) {
  for (const auto method : known) {
    if (to_string(method) == text) return method;
  }
  return HttpMethod::other;
}

bool changes_state(HttpMethod method) {
  return method == HttpMethod::post || method == HttpMethod::put || method == HttpMethod::patch ||
         method == HttpMethod::delete_;
}

}  // namespace att::web
