#include "web/reports/report_paths.hpp"

#include <charconv>

namespace att::web {

std::optional<std::int64_t> positive_number(std::string_view text) {
  std::int64_t number = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size() || number < 1) return std::nullopt;
  return number;
}

std::optional<int> reporting_year(std::string_view text) {
  int year = 0;
  if (text.size() != 4 || std::from_chars(text.data(), text.data() + 4, year).ec != std::errc{}) return std::nullopt;
  return year;
}

std::optional<YearSegment> year_segment(std::string_view segment) {
  const auto dot = segment.find('.');
  const auto year = reporting_year(segment.substr(0, dot));
  if (!year) return std::nullopt;
  return YearSegment{*year, dot == std::string_view::npos ? std::string() : std::string(segment.substr(dot + 1))};
}

VersionParam version_param(const HttpRequest& request) {
  const auto text = request.query("version");
  if (!text || text->empty()) return {};
  const auto number = positive_number(*text);
  if (!number) return {std::nullopt, text->substr(0, 20)};
  return {number, std::nullopt};
}

}  // namespace att::web
