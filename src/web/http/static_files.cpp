#include "web/http/static_files.hpp"

#include <stdexcept>

#include "io/file.hpp"

namespace att::web {

namespace {

struct Asset {
  const char* url;
  const char* file;  // relative to the web directory
  const char* content_type;
};

constexpr Asset assets[] = {
    {"/static/app.css", "static/app.css", "text/css; charset=utf-8"},
    {"/static/vendor/pico.min.css", "node_modules/@picocss/pico/css/pico.min.css", "text/css; charset=utf-8"},
    {"/static/vendor/htmx.min.js", "node_modules/htmx.org/dist/htmx.min.js", "text/javascript; charset=utf-8"},
    {"/static/reporting/reporting.css", "static/reporting/reporting.css", "text/css; charset=utf-8"},
    {"/static/reporting/autosave.js", "static/reporting/autosave.js", "text/javascript; charset=utf-8"},
    {"/static/reporting/editor.js", "static/reporting/editor.js", "text/javascript; charset=utf-8"},
    {"/static/reporting/submit.js", "static/reporting/submit.js", "text/javascript; charset=utf-8"},
    {"/static/reporting/initial.js", "static/reporting/initial.js", "text/javascript; charset=utf-8"},
    {"/static/vendor/chart.umd.min.js", "node_modules/chart.js/dist/chart.umd.min.js", "text/javascript; charset=utf-8"},
    {"/static/status-charts.js", "static/status-charts.js", "text/javascript; charset=utf-8"},
    {"/static/transfer-charts.js", "static/transfer-charts.js", "text/javascript; charset=utf-8"},
    {"/static/vendor/chartjs-chart-geo.umd.min.js", "node_modules/chartjs-chart-geo/build/index.umd.min.js",
     "text/javascript; charset=utf-8"},
    // The world's shapes keyed by M49 code, which the register has for every State.
    {"/static/vendor/countries-110m.json", "node_modules/world-atlas/countries-110m.json",
     "application/json"},
};

}  // namespace

StaticFiles StaticFiles::load(const std::filesystem::path& web_dir) {
  StaticFiles files;
  for (const auto& asset : assets) {
    auto content = io::read_file(web_dir / asset.file);
    if (!content) throw std::runtime_error(content.error() + " (run scripts/install-deps to install web packages)");
    files.files_[asset.url] = StaticFile{EncodedBody::of(std::move(*content)), asset.content_type};
  }
  return files;
}

std::optional<HttpResponse> StaticFiles::serve(const HttpRequest& request) const {
  const auto found = files_.find(request.path);
  if (found == files_.end()) return std::nullopt;
  const auto& file = found->second;
  HttpResponse response;
  response.set_header("Cache-Control", "public, max-age=3600");
  set_encoded_body(request, file.content, response);
  if (response.status != 304) response.set_header("Content-Type", file.content_type);
  return response;
}

}  // namespace att::web
