#include <gtest/gtest.h>

#include "web/http/router.hpp"

namespace att::web {
namespace {

HttpRequest request(HttpMethod method, std::string path) {
  HttpRequest r;
  r.method = method;
  r.path = std::move(path);
  return r;
}

Handler answer(int status) {
  return [status](HttpRequest&) { return HttpResponse{status, {}, {}}; };
}

TEST(Router, MatchesLiteralAndParameterSegments) {
  Router router;
  router.add(HttpMethod::get, "/api/v1/states", answer(1));
  router.add(HttpMethod::get, "/api/v1/states/{iso3}", answer(2));
  auto list = request(HttpMethod::get, "/api/v1/states");
  auto one = request(HttpMethod::get, "/api/v1/states/FRA");
  ASSERT_EQ(router.match(list).outcome, Router::Outcome::matched);
  EXPECT_EQ((*router.match(list).handler)(list).status, 1);
  const auto matched = router.match(one);
  ASSERT_EQ(matched.outcome, Router::Outcome::matched);
  EXPECT_EQ((*matched.handler)(one).status, 2);
  EXPECT_EQ(one.path_param("iso3"), "FRA");
}

TEST(Router, TellsWrongMethodFromNoSuchPath) {
  Router router;
  router.add(HttpMethod::get, "/api/v1/health", answer(1));
  auto post = request(HttpMethod::post, "/api/v1/health");
  auto missing = request(HttpMethod::get, "/api/v1/nothing");
  auto deeper = request(HttpMethod::get, "/api/v1/health/extra");
  auto head = request(HttpMethod::head, "/api/v1/health");
  EXPECT_EQ(router.match(post).outcome, Router::Outcome::wrong_method);
  EXPECT_EQ(router.match(missing).outcome, Router::Outcome::no_such_path);
  EXPECT_EQ(router.match(deeper).outcome, Router::Outcome::no_such_path);
  EXPECT_EQ(router.match(head).outcome, Router::Outcome::matched) << "HEAD is served by GET routes";
}

TEST(Router, SplitsPathsIgnoringRepeatedSlashes) {
  EXPECT_EQ(split_path("/"), std::vector<std::string>{});
  EXPECT_EQ(split_path("//a///b/"), (std::vector<std::string>{"a", "b"}));
}

TEST(Http, DecodesQueriesAndCookies) {
  HttpRequest r;
  r.query_string = "as_of=2024-05-31&region=Latin+America%20and&empty=&flag&bad=%zz";
  EXPECT_EQ(r.query("as_of"), "2024-05-31");
  EXPECT_EQ(r.query("region"), "Latin America and");
  EXPECT_EQ(r.query("empty"), "");
  EXPECT_EQ(r.query("flag"), "");
  EXPECT_EQ(r.query("bad"), "%zz") << "invalid escapes stay as they are";
  EXPECT_FALSE(r.query("absent"));
  r.headers = {{"cookie", "a=1; lang=fr;  other=x"}};
  EXPECT_EQ(r.cookie("lang"), "fr");
  EXPECT_EQ(r.cookie("other"), "x");
  EXPECT_FALSE(r.cookie("missing"));
  EXPECT_EQ(r.header("COOKIE"), "a=1; lang=fr;  other=x");
}

TEST(Http, EncodesForUrls) {
  EXPECT_EQ(percent_encode("Latin America & Co/é"), "Latin%20America%20%26%20Co%2F%C3%A9");
  EXPECT_EQ(percent_decode(percent_encode("a b&c=d/é"), true), "a b&c=d/é");
}

TEST(HttpMethod, ParsesWhatItPrintsAndNothingElse) {
  for (const auto method : {HttpMethod::get, HttpMethod::head, HttpMethod::post, HttpMethod::put, HttpMethod::patch,
                            HttpMethod::delete_, HttpMethod::options})
    EXPECT_EQ(http_method_from_string(to_string(method)), method) << to_string(method);
  EXPECT_EQ(http_method_from_string("get"), HttpMethod::other) << "methods are case-sensitive (RFC 9110)";
  EXPECT_EQ(http_method_from_string("PROPFIND"), HttpMethod::other);
  EXPECT_TRUE(changes_state(HttpMethod::delete_));
  EXPECT_FALSE(changes_state(HttpMethod::head));
}

TEST(Router, AnUnknownMethodIsNeverRouted) {
  Router router;
  router.add(HttpMethod::get, "/", answer(1));
  auto odd = request(HttpMethod::other, "/");
  EXPECT_EQ(router.match(odd).outcome, Router::Outcome::wrong_method);
}

}  // namespace
}  // namespace att::web
