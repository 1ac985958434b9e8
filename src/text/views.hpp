// HTML pages: Mustache templates from web/templates, each page inside the shared layout.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

namespace att::text {

class Views {
 public:
  // Reads every *.mustache file under templates_dir, so a missing template fails at start-up.
  static Views load(const std::filesystem::path& templates_dir);

  // Renders `page` with `context`, then layout.mustache with the result as {{{content}}}.
  [[nodiscard]] std::string render_page(const std::string& page, const nlohmann::json& context) const;
  [[nodiscard]] std::string render(const std::string& name, const nlohmann::json& context) const;

 private:
  std::map<std::string, std::string> templates_;
};

}  // namespace att::text
