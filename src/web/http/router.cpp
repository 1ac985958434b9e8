#include "web/http/router.hpp"

namespace att::web {

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> segments;
  while (!path.empty()) {
    if (path.front() == '/') {
      path.remove_prefix(1);
      continue;
    }
    const auto end = path.find('/');
    segments.emplace_back(path.substr(0, end));
    if (end == std::string_view::npos) break;
    path.remove_prefix(end);
  }
  return segments;
}

void Router::add(HttpMethod method, std::string pattern, Handler handler) {
  routes_.push_back({method, split_path(pattern), std::move(handler)});
}

Router::Match Router::match(HttpRequest& request) const {
  const auto segments = split_path(request.path);
  const auto method = request.method == HttpMethod::head ? HttpMethod::get : request.method;
  Match result;
  for (const auto& route : routes_) {
    if (route.segments.size() != segments.size()) continue;
    std::unordered_map<std::string, std::string> params;
    bool fits = true;
    for (std::size_t i = 0; i < segments.size() && fits; ++i) {
      const auto& expected = route.segments[i];
      if (expected.size() > 2 && expected.front() == '{' && expected.back() == '}') {
        params[expected.substr(1, expected.size() - 2)] = segments[i];
      } else {
        fits = expected == segments[i];
      }
    }
    if (!fits) continue;
    if (route.method != method) {
      result.outcome = Outcome::wrong_method;
      continue;
    }
    request.path_params = std::move(params);
    return {Outcome::matched, &route.handler};
  }
  return result;
}

}  // namespace att::web
