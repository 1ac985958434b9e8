// Markdown written by people on the platform (an announcement's body) turned into HTML that is
// safe to put in a page: raw HTML is dropped and links to javascript:, vbscript:, file: and
// non-image data: addresses are removed (cmark's safe mode; docs/decisions.md).
#pragma once

#include <string>
#include <string_view>

namespace att::text {

std::string markdown_html(std::string_view markdown);

}  // namespace att::text
