#include "text/markdown.hpp"

#include <cmark.h>

#include <cstdlib>
#include <memory>

namespace att::text {

std::string markdown_html(std::string_view markdown) {
  // CMARK_OPT_UNSAFE is never given: without it cmark drops raw HTML and dangerous links.
  // Smart punctuation stays off so that the text shows as written, in every language.
  const std::unique_ptr<char, decltype(&std::free)> html(
      cmark_markdown_to_html(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8), &std::free);
  return html ? std::string(html.get()) : std::string();
}

}  // namespace att::text
