// multipart/form-data as browsers post it: text fields and files read back exactly (binary bytes
// included), and anything malformed refused as a whole rather than read in part.
#include "web/http/multipart.hpp"

#include <gtest/gtest.h>

namespace att::web {
namespace {

const std::string type = "multipart/form-data; boundary=----WebKitFormBoundaryAbc123";

std::string body_with(const std::string& file_content) {
  return "------WebKitFormBoundaryAbc123\r\n"
         "Content-Disposition: form-data; name=\"csrf_token\"\r\n\r\n"
         "tok\r\n"
         "------WebKitFormBoundaryAbc123\r\n"
         "Content-Disposition: form-data; name=\"file\"; filename=\"report.pdf\"\r\n"
         "Content-Type: application/pdf\r\n\r\n" +
         file_content +
         "\r\n"
         "------WebKitFormBoundaryAbc123--\r\n";
}

TEST(Multipart, ReadsFieldsAndFilesExactly) {
  const std::string bytes("%PDF-1.4\r\n\0\x01 binary\r\n--not a boundary", 34);
  const auto parts = parse_multipart(type, body_with(bytes));
  ASSERT_TRUE(parts.has_value());
  ASSERT_EQ(parts->size(), 2u);
  EXPECT_EQ((*parts)[0].name, "csrf_token");
  EXPECT_FALSE((*parts)[0].file_name.has_value());
  EXPECT_EQ((*parts)[0].content, "tok");
  EXPECT_EQ((*parts)[1].name, "file");
  EXPECT_EQ((*parts)[1].file_name, "report.pdf");
  EXPECT_EQ((*parts)[1].content, bytes);
}

TEST(Multipart, AnEmptyFileInputIsAPartWithAnEmptyName) {
  const std::string body =
      "--b\r\nContent-Disposition: form-data; name=\"original\"; filename=\"\"\r\n"
      "Content-Type: application/octet-stream\r\n\r\n\r\n--b--\r\n";
  const auto parts = parse_multipart("multipart/form-data; boundary=b", body);
  ASSERT_TRUE(parts.has_value());
  ASSERT_EQ(parts->size(), 1u);
  EXPECT_EQ((*parts)[0].file_name, "");
  EXPECT_EQ((*parts)[0].content, "");
}

TEST(Multipart, RefusesWhatIsNotWellFormed) {
  EXPECT_FALSE(parse_multipart("application/x-www-form-urlencoded", "a=b").has_value());
  EXPECT_FALSE(parse_multipart("multipart/form-data", body_with("x")).has_value()) << "no boundary";
  EXPECT_FALSE(parse_multipart("multipart/form-data; boundary=other", body_with("x")).has_value());
  auto cut = body_with("x");
  cut.resize(cut.size() - 40);
  EXPECT_FALSE(parse_multipart(type, cut).has_value()) << "the last part never ends";
  EXPECT_FALSE(parse_multipart("multipart/form-data; boundary=b", "--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--")
                   .has_value())
      << "a part without a name";
  EXPECT_TRUE(is_multipart("Multipart/Form-Data; boundary=x"));
  EXPECT_FALSE(is_multipart("multipart/mixed; boundary=x"));
}

}  // namespace
}  // namespace att::web
