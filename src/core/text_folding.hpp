// Folding of names for look-up: "Côte d’Ivoire", "COTE D'IVOIRE" and "cote divoire" meet.
#pragma once

#include <string>
#include <string_view>

namespace att {

// Lower case, accents removed, apostrophes and punctuation dropped, runs of spaces and
// hyphens made one space, a leading "the " dropped. Input is UTF-8.
std::string fold_name(std::string_view utf8);

// Edit distance between two folded names, for "did you mean" suggestions.
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace att
