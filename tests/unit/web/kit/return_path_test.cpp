#include <gtest/gtest.h>

#include <string>

#include "web/kit/return_path.hpp"

namespace att::web {
namespace {

struct Case {
  std::string candidate;
  bool same_origin;
  const char* why;
};

// What a browser would do with each value as a Location header, after the URL standard strips
// tabs and newlines, treats a backslash as a slash and resolves dot segments.
const Case cases[] = {
    {"/account", true, "a plain local path"},
    {"/reports/FRA/2023?version=1", true, "with a query"},
    {"/reports?q=united%20kingdom", true, "an encoded space inside a query is data"},
    {"/states#top", true, "with a fragment"},
    {"/../account", true, "dot segments that stay on this site"},
    {"/%3f//evil.example", true, "an encoded '?' keeps the rest in the path"},
    {"/", false, "the root alone is not worth returning to"},
    {"", false, "empty"},
    {"account", false, "relative"},
    {"https://evil.example/", false, "absolute"},
    {"//evil.example/x", false, "scheme-relative"},
    {"/\\evil.example/x", false, "a backslash is a slash to browsers"},
    {"/%5cevil.example/x", false, "an encoded backslash"},
    {"/%5Cevil.example/x", false, "an encoded backslash, upper case"},
    {"/\t/evil.example/x", false, "a raw tab, stripped by browsers"},
    {"/\n/evil.example/x", false, "a raw line feed"},
    {"/\r/evil.example/x", false, "a raw carriage return"},
    {"/%09/evil.example/x", false, "an encoded tab"},
    {"/%0a/evil.example/x", false, "an encoded line feed"},
    {"/%0D/evil.example/x", false, "an encoded carriage return"},
    {"/%2509/evil.example/x", false, "a doubly encoded tab"},
    {"/ /evil.example", false, "a raw space"},
    {"/account\x7f", false, "a raw delete character"},
    {"/%2f/evil.example/x", false, "an encoded slash makes '//' once decoded"},
    {"/%2F/evil.example/x", false, "an encoded slash, upper case"},
    {"/.//evil.example/x", false, "'//' once the dot segment is removed"},
    {"/%2e//evil.example/x", false, "an encoded dot segment"},
    {"/a/..//evil.example/x", false, "'//' once the parent segment is resolved"},
    {"/" + std::string(600, 'a'), false, "too long"},
};

TEST(ReturnPath, OnlySameOriginPathsAreKept) {
  for (const auto& c : cases) {
    EXPECT_EQ(is_same_origin_path(c.candidate), c.same_origin) << c.why << ": " << c.candidate;
    EXPECT_EQ(safe_return_path(c.candidate), c.same_origin ? c.candidate : "/account") << c.why;
  }
}

}  // namespace
}  // namespace att::web
