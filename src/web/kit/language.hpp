// Which language a request is answered in: ?lang=, then the lang cookie, then Accept-Language.
#pragma once

#include "core/language.hpp"
#include "web/http/http.hpp"

namespace att::web {

struct LanguageChoice {
  Language language = Language::en;
  bool chosen_in_query = false;  // then the page remembers it in a cookie
};

LanguageChoice choose_language(const HttpRequest& request);
// The best supported language in an Accept-Language header, by quality; English if none.
Language from_accept_language(std::string_view header);

}  // namespace att::web
