// Sorting names as a reader of each language expects ("Émirats" between "Égypte" and "Équateur").
#pragma once

#include <string>
#include <vector>

#include "core/language.hpp"

namespace att::text {

// Positions of `names` in the language's alphabetical order (ICU collation).
std::vector<std::size_t> collated_order(const std::vector<std::string>& names, Language language);

}  // namespace att::text
