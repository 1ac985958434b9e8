// Every string shown to a person, in English, French and Spanish, from web/i18n/*.json.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/language.hpp"

namespace att::text {

class Catalog {
 public:
  // Reads en.json, fr.json and es.json; throws with the file name when one is missing or invalid.
  static Catalog load(const std::filesystem::path& i18n_dir);

  // "states.title" -> the text in that language; the English text when it is missing there.
  // A key missing even in English is a bug (tests/unit/text/catalog_keys_test.cpp finds them):
  // it is logged, and the reader gets text.missing, never the raw key.
  [[nodiscard]] std::string text(Language language, std::string_view key) const;
  // Same, with {name} placeholders replaced.
  [[nodiscard]] std::string text(Language language, std::string_view key,
                                 const std::map<std::string, std::string>& values) const;
  // Whether `key` names a text in that language (not a section, not a prefix).
  [[nodiscard]] bool has(Language language, std::string_view key) const;
  // The whole tree of one language, for templates ({{t.states.title}}).
  [[nodiscard]] const nlohmann::json& tree(Language language) const;

 private:
  std::map<Language, nlohmann::json> trees_;
};

// Keys present in one language and missing in another: "fr: states.title".
std::vector<std::string> missing_translations(const Catalog& catalog);

}  // namespace att::text
