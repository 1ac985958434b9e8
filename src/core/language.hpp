// The treaty's three official languages: every label, message and letter exists in each.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace att {

enum class Language { en, fr, es };

inline constexpr std::array<Language, 3> all_languages{Language::en, Language::fr, Language::es};

constexpr std::string_view code_of(Language language) {
  switch (language) {
    case Language::fr: return "fr";
    case Language::es: return "es";
    case Language::en: break;
  }
  return "en";
}

constexpr std::optional<Language> language_from_code(std::string_view code) {
  if (code == "en") return Language::en;
  if (code == "fr") return Language::fr;
  if (code == "es") return Language::es;
  return std::nullopt;
}

}  // namespace att
