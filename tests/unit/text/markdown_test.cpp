// What people write in Markdown reaches pages as formatting, never as markup or script.
#include <gtest/gtest.h>

#include "text/markdown.hpp"

namespace att::text {
namespace {

bool contains(const std::string& html, std::string_view part) { return html.find(part) != std::string::npos; }

TEST(Markdown, FormattingBecomesHtml) {
  const auto html = markdown_html("# Draft\n\nPlease comment on **section 2** and *costs*.\n\n- one\n- two\n");
  EXPECT_TRUE(contains(html, "<h1>Draft</h1>")) << html;
  EXPECT_TRUE(contains(html, "<strong>section 2</strong>")) << html;
  EXPECT_TRUE(contains(html, "<em>costs</em>")) << html;
  EXPECT_TRUE(contains(html, "<li>one</li>")) << html;
}

TEST(Markdown, RawHtmlAndScriptAreDropped) {
  const auto html = markdown_html("Hello <script>alert(1)</script> and <img src=x onerror=alert(2)>\n\n<div>block</div>\n");
  EXPECT_FALSE(contains(html, "<script")) << html;
  EXPECT_FALSE(contains(html, "<img")) << html;
  EXPECT_FALSE(contains(html, "<div")) << html;
  EXPECT_FALSE(contains(html, "onerror")) << html;
}

TEST(Markdown, DangerousLinksAreRemovedAndSafeOnesKept) {
  const auto html = markdown_html("[bad](javascript:alert(1)) [data](data:text/html;base64,xx) [good](https://thearmstradetreaty.org)");
  EXPECT_FALSE(contains(html, "javascript:")) << html;
  EXPECT_FALSE(contains(html, "data:text/html")) << html;
  EXPECT_TRUE(contains(html, R"(href="https://thearmstradetreaty.org")")) << html;
}

TEST(Markdown, TextIsEscapedAndAccentsKept) {
  const auto html = markdown_html("Les États & \"parties\" < 5 — año");
  EXPECT_TRUE(contains(html, "Les États &amp; &quot;parties&quot; &lt; 5 — año")) << html;
}

}  // namespace
}  // namespace att::text
