#include <gtest/gtest.h>

#include "web/kit/language.hpp"

namespace att::web {
namespace {

HttpRequest with(std::string query, std::vector<std::pair<std::string, std::string>> headers) {
  HttpRequest r;
  r.query_string = std::move(query);
  r.headers = std::move(headers);
  return r;
}

TEST(AcceptLanguage, PicksTheBestSupportedByQuality) {
  EXPECT_EQ(from_accept_language("fr-CH, fr;q=0.9, en;q=0.8"), Language::fr);
  EXPECT_EQ(from_accept_language("de-DE, es;q=0.5, en;q=0.4"), Language::es);
  EXPECT_EQ(from_accept_language("en;q=0.2, es-MX;q=0.9"), Language::es);
  EXPECT_EQ(from_accept_language("de, it"), Language::en) << "nothing supported: English";
  EXPECT_EQ(from_accept_language(""), Language::en);
  EXPECT_EQ(from_accept_language("FR"), Language::fr);
  EXPECT_EQ(from_accept_language(";;;,,,q=,fr;q=abc"), Language::en) << "garbage is not an error";
}

TEST(ChooseLanguage, QueryThenCookieThenHeader) {
  const auto query = choose_language(with("lang=es", {{"cookie", "lang=fr"}, {"accept-language", "en"}}));
  EXPECT_EQ(query.language, Language::es);
  EXPECT_TRUE(query.chosen_in_query);
  const auto cookie = choose_language(with("", {{"cookie", "lang=fr"}, {"accept-language", "es"}}));
  EXPECT_EQ(cookie.language, Language::fr);
  EXPECT_FALSE(cookie.chosen_in_query);
  EXPECT_EQ(choose_language(with("", {{"accept-language", "es"}})).language, Language::es);
  EXPECT_EQ(choose_language(with("lang=xx", {{"cookie", "lang=fr"}})).language, Language::fr)
      << "an unsupported ?lang= is ignored";
}

}  // namespace
}  // namespace att::web
