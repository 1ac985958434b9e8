// Numbers written the reader's way: "12,400,000.15" (en), "12 400 000,15" (fr, narrow no-break
// spaces), "12.400.000,15" (es). Amounts are kept as the decimal text that was reported, so they
// are regrouped as text, never through a binary floating-point value. The separators come
// from the catalogue (numbers.group, numbers.decimal).
#pragma once

#include <string>
#include <string_view>

#include "text/catalog.hpp"

namespace att::text {

// Digits with an optional fraction ("12400000.15", "3065"); anything else is returned unchanged.
std::string format_number(const Catalog& catalog, Language language, std::string_view decimal);

}  // namespace att::text
