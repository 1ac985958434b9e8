// Every string shown to a person, in English, French and Spanish, from web/i18n/*.json.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/language.hpp"

namespace att::web {

class Catalog {
 public:
  // Reads en.json, fr.json and es.json; throws with the file name when one is missing or invalid.
  static Catalog load(const std::filesystem::path& i18n_dir);

  // "states.title" -> the text in that language; the English text, then the key, when missing.
  [[nodiscard]] std::string text(Language language, std::string_view key) const;
  // Whether that language has its own text for the key (no falling back).
  [[nodiscard]] bool has_text(Language language, std::string_view key) const;
  // Same, with {name} placeholders replaced.
  [[nodiscard]] std::string text(Language language, std::string_view key,
                                 const std::map<std::string, std::string>& values) const;
  // The whole tree of one language, for templates ({{t.states.title}}).
  [[nodiscard]] const nlohmann::json& tree(Language language) const;

 private:
  std::map<Language, nlohmann::json> trees_;
};

// Keys present in one language and missing in another: "fr: states.title".
std::vector<std::string> missing_translations(const Catalog& catalog);

}  // namespace att::web
