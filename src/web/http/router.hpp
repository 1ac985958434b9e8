// Routes: "GET /api/v1/states/{iso3}" -> handler. A route table reads like the site's map.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "web/http/http.hpp"

namespace att::web {

using Handler = std::function<HttpResponse(HttpRequest&)>;

class Router {
 public:
  // `pattern` segments in braces capture one path segment into request.path_params.
  void add(HttpMethod method, std::string pattern, Handler handler);

  enum class Outcome { matched, no_such_path, wrong_method };
  struct Match {
    Outcome outcome = Outcome::no_such_path;
    const Handler* handler = nullptr;
  };
  // Fills request.path_params on a match. HEAD is answered by GET routes.
  Match match(HttpRequest& request) const;

 private:
  struct Route {
    HttpMethod method;
    std::vector<std::string> segments;
    Handler handler;
  };
  std::vector<Route> routes_;
};

std::vector<std::string> split_path(std::string_view path);

}  // namespace att::web
