// The CSS and JavaScript the pages load: our own from web/static, the third-party files
// straight from web/node_modules (installed by npm, never copied into the repository).
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "web/http/compression.hpp"
#include "web/http/http.hpp"

namespace att::web {

struct StaticFile {
  EncodedBody content;  // plain and gzip, compressed once at start
  std::string content_type;
};

class StaticFiles {
 public:
  // Loads a fixed list of files into memory: nothing outside it can ever be served.
  static StaticFiles load(const std::filesystem::path& web_dir);
  // GET /static/... with ETag revalidation, gzip when accepted; nullopt for an unknown path.
  [[nodiscard]] std::optional<HttpResponse> serve(const HttpRequest& request) const;

 private:
  std::map<std::string, StaticFile> files_;  // by URL path
};

}  // namespace att::web
