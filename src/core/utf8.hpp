// Strict UTF-8 decoding: overlong forms, surrogates and values beyond U+10FFFF are not UTF-8.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace att {

struct CodePoint {
  char32_t value = 0;
  std::size_t length = 0;  // bytes it takes
};

// The code point starting at byte `at`, or nullopt when the bytes there are not UTF-8.
std::optional<CodePoint> code_point_at(std::string_view text, std::size_t at);

bool is_utf8(std::string_view text);
// The offset of the first byte that does not start a UTF-8 character, or npos when all of it is
// UTF-8. Runs of ASCII are skipped quickly: a file of a hundred megabytes is checked in passing.
std::size_t first_non_utf8(std::string_view text);

}  // namespace att
