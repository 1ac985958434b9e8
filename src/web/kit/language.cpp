#include "web/kit/language.hpp"

#include <cctype>
#include <cstdlib>
#include <string>

namespace att::web {

namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

std::optional<Language> primary_language(std::string_view tag) {
  const auto dash = tag.find('-');
  std::string primary(tag.substr(0, dash));
  for (auto& c : primary) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return language_from_code(primary);
}

}  // namespace

Language from_accept_language(std::string_view header) {
  std::optional<Language> best;
  double best_quality = 0.0;
  while (!header.empty()) {
    const auto comma = header.find(',');
    auto item = trim(header.substr(0, comma));
    double quality = 1.0;
    if (const auto semicolon = item.find(';'); semicolon != std::string_view::npos) {
      const auto parameter = trim(item.substr(semicolon + 1));
      if (parameter.substr(0, 2) == "q=") quality = std::strtod(std::string(parameter.substr(2)).c_str(), nullptr);
      item = trim(item.substr(0, semicolon));
    }
    // Ties keep the first listed: the client's order breaks them.
    if (const auto language = primary_language(item); language && quality > best_quality) {
      best = language;
      best_quality = quality;
    }
    if (comma == std::string_view::npos) break;
    header.remove_prefix(comma + 1);
  }
  return best.value_or(Language::en);
}

LanguageChoice choose_language(const HttpRequest& request) {
  if (const auto query = request.query("lang")) {
    if (const auto language = language_from_code(*query)) return {*language, true};
  }
  if (const auto cookie = request.cookie("lang")) {
    if (const auto language = language_from_code(*cookie)) return {*language, false};
  }
  if (const auto header = request.header("accept-language")) return {from_accept_language(*header), false};
  return {Language::en, false};
}

}  // namespace att::web
