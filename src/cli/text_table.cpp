#include "cli/text_table.hpp"

#include <algorithm>
#include <cstdio>

#include "cli/messages.hpp"
#include "cli/options.hpp"

namespace att::cli {

namespace {

// Width in characters, not bytes: names such as "Côte d’Ivoire" hold multi-byte letters.
std::size_t display_width(const std::string& text) {
  std::size_t width = 0;
  for (const char c : text) width += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return width;
}

std::string padded(const std::string& text, std::size_t width) {
  const auto shown = display_width(text);
  return text + std::string(shown < width ? width - shown : 0, ' ');
}

}  // namespace

void print_text_table(const std::vector<std::string>& headings, const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::size_t> widths(headings.size());
  for (std::size_t c = 0; c < headings.size(); ++c) widths[c] = display_width(headings[c]);
  for (const auto& row : rows)
    for (std::size_t c = 0; c < headings.size() && c < row.size(); ++c)
      widths[c] = std::max(widths[c], display_width(row[c]));
  const auto print_row = [&](const std::vector<std::string>& values) {
    std::string line;
    for (std::size_t c = 0; c < values.size() && c < widths.size(); ++c) line += padded(values[c], widths[c] + 2);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    std::printf("%s\n", line.c_str());
  };
  print_row(headings);
  for (const auto& row : rows) print_row(row);
}

Date date_option(const std::string& option, const std::string& text) {
  if (text.empty()) return today_utc();
  const auto parsed = Date::parse(text);
  if (!parsed)
    throw UsageError(message(parsed.error() == DateError::malformed ? "cli.date_malformed" : "cli.date_not_a_day",
                             {{"option", option}, {"value", text}}));
  return *parsed;
}

}  // namespace att::cli
