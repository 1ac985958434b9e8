// Small text helpers for codes and keywords in files people fill in: surrounding blanks
// removed, ASCII letters lowered. Other characters are left as they are (names and free text
// keep their own case and accents).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace att {

// Without the spaces, tabs and line breaks around it.
std::string trim_blanks(std::string_view text);
// ASCII letters in lower case; any other byte unchanged (UTF-8 stays valid).
std::string lower_ascii(std::string_view text);

// The offset of the first control character other than a tab or a line break ("\n", or "\r\n"),
// npos when there is none. Such characters (NUL above all) have no place in text people write:
// they are refused where text comes in, so that nothing stores or shows them.
std::size_t first_control_character(std::string_view text);
// "U+0000": how a message names the character found.
std::string control_character_name(char c);

}  // namespace att
