// Reading a page's rows in HTTP tests: the part of a page from an element's id to the end of
// its list or table, and its rows' data attributes in page order.
#pragma once

#include <regex>
#include <string>

namespace att::testing {

// From the element with this id to the next `end` ("" when the page has no such element).
inline std::string part_with_id(const std::string& body, const std::string& id, const std::string& end = "</table>") {
  const auto start = body.find("id=\"" + id + "\"");
  if (start == std::string::npos) return {};
  return body.substr(start, body.find(end, start) - start);
}

// How many times `needle` stands in `text` (rows of a list, mentions of a title).
inline std::size_t count_of(const std::string& text, const std::string& needle) {
  std::size_t count = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size())) ++count;
  return count;
}

// "a:b c:d": the values of two attributes of each element that has both, in page order.
inline std::string attribute_pairs(const std::string& part, const std::string& first, const std::string& second) {
  const std::regex element(first + "=\"([^\"]*)\"[^>]*" + second + "=\"([^\"]*)\"");
  std::string joined;
  for (auto it = std::sregex_iterator(part.begin(), part.end(), element); it != std::sregex_iterator(); ++it)
    joined += (joined.empty() ? "" : " ") + (*it)[1].str() + ":" + (*it)[2].str();
  return joined;
}

}  // namespace att::testing
