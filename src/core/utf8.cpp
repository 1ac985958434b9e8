#include "core/utf8.hpp"

namespace att {

std::optional<CodePoint> code_point_at(std::string_view text, std::size_t at) {
  if (at >= text.size()) return std::nullopt;
  const auto lead = static_cast<unsigned char>(text[at]);
  if (lead < 0x80) return CodePoint{lead, 1};
  // Lead byte of a 2-, 3- or 4-byte sequence: which bits mark it, which carry the value, and the
  // smallest value that needs that many bytes (anything smaller is an overlong form).
  struct Form {
    unsigned char mask, marker, payload;
    std::size_t length;
    char32_t smallest;
  };
  static constexpr Form forms[] = {
      {0xE0, 0xC0, 0x1F, 2, 0x80}, {0xF0, 0xE0, 0x0F, 3, 0x800}, {0xF8, 0xF0, 0x07, 4, 0x10000}};
  const Form* form = nullptr;
  for (const auto& candidate : forms) {
    if ((lead & candidate.mask) == candidate.marker) form = &candidate;
  }
  if (form == nullptr) return std::nullopt;
  const auto length = form->length;
  char32_t value = lead & form->payload;
  if (at + length > text.size()) return std::nullopt;
  for (std::size_t k = 1; k < length; ++k) {
    const auto next = static_cast<unsigned char>(text[at + k]);
    if ((next & 0xC0) != 0x80) return std::nullopt;
    value = (value << 6) | (next & 0x3F);
  }
  if (value < form->smallest || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return std::nullopt;
  return CodePoint{value, length};
}

std::size_t first_non_utf8(std::string_view text) {
  for (std::size_t at = 0; at < text.size();) {
    if (static_cast<unsigned char>(text[at]) < 0x80) {
      ++at;
      continue;
    }
    const auto point = code_point_at(text, at);
    if (!point) return at;
    at += point->length;
  }
  return std::string_view::npos;
}

bool is_utf8(std::string_view text) { return first_non_utf8(text) == std::string_view::npos; }

}  // namespace att
