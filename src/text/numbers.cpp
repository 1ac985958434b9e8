#include "text/numbers.hpp"

#include <algorithm>

namespace att::text {

namespace {

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string format_number(const Catalog& catalog, Language language, std::string_view decimal) {
  const auto point = decimal.find('.');
  const auto whole = decimal.substr(0, point);
  const auto fraction = point == std::string_view::npos ? std::string_view() : decimal.substr(point + 1);
  if (!all_digits(whole) || (point != std::string_view::npos && !all_digits(fraction))) return std::string(decimal);
  const auto group = catalog.text(language, "numbers.group");
  std::string text;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) text += group;
    text += whole[i];
  }
  if (point != std::string_view::npos) text += catalog.text(language, "numbers.decimal") + std::string(fraction);
  return text;
}

}  // namespace att::text
