#include "core/ascii_text.hpp"

namespace att {

namespace {

bool blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

}  // namespace

std::string trim_blanks(std::string_view text) {
  while (!text.empty() && blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && blank(text.back())) text.remove_suffix(1);
  return std::string(text);
}

std::string lower_ascii(std::string_view text) {
  std::string result(text);
  for (auto& c : result) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return result;
}

std::size_t first_control_character(std::string_view text) {
  // A plain loop over the bytes: the import passes every field of a large file through it.
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != 0x7f) continue;
    if (c == '\t' || c == '\n') continue;
    if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    return i;
  }
  return std::string_view::npos;
}

std::string control_character_name(char c) {
  static constexpr char digits[] = "0123456789ABCDEF";
  const auto code = static_cast<unsigned char>(c);
  return std::string("U+00") + digits[code >> 4] + digits[code & 0xf];
}

}  // namespace att
