// Small text helpers for codes and keywords in files people fill in: surrounding blanks
// removed, ASCII letters lowered. Other characters are left as they are (names and free text
// keep their own case and accents).
#pragma once

#include <string>
#include <string_view>

namespace att {

// Without the spaces, tabs and line breaks around it.
std::string trim_blanks(std::string_view text);
// ASCII letters in lower case; any other byte unchanged (UTF-8 stays valid).
std::string lower_ascii(std::string_view text);

}  // namespace att
