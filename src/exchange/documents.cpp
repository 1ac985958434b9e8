#include "exchange/documents.hpp"

#include <algorithm>
#include <cctype>

#include "core/text_folding.hpp"

namespace att::exchange {

bool is_document_language(std::string_view language) {
  return std::ranges::find(document_languages, language) != std::end(document_languages);
}

std::string search_words(std::string_view text) {
  // fold_name drops full stops and slashes joined words would otherwise fuse ("csp8wgtr"): make
  // every ASCII mark a space first; letters outside ASCII are fold_name's business.
  std::string spaced(text);
  for (auto& c : spaced) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x80 && !std::isalnum(byte)) c = ' ';
  }
  auto folded = fold_name(spaced);
  // fold_name drops a leading "the ", which a title search should still be able to find.
  const auto first = text.find_first_not_of(" \t");
  if (first != std::string_view::npos && text.size() >= first + 4 && fold_name(text.substr(first, 3)) == "the" &&
      !std::isalnum(static_cast<unsigned char>(text[first + 3])))
    folded = "the " + folded;
  return folded;
}

}  // namespace att::exchange
