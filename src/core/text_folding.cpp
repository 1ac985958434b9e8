#include "core/text_folding.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <vector>

namespace att {

namespace {

// Decomposes (NFD) so that accents become separate combining marks we can drop.
icu::UnicodeString decomposed(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  const auto text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  if (U_FAILURE(status)) return text;
  auto result = nfd->normalize(text, status);
  return U_FAILURE(status) ? text : result;
}

}  // namespace

std::string fold_name(std::string_view utf8) {
  const icu::UnicodeString text = decomposed(utf8);
  icu::UnicodeString folded;
  bool pending_space = false;
  for (int32_t i = 0; i < text.length();) {
    const UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    const auto category = u_charType(c);
    if (category == U_NON_SPACING_MARK) continue;
    if (u_isalnum(c)) {
      if (pending_space && !folded.isEmpty()) folded.append(UChar32{' '});
      pending_space = false;
      folded.append(u_foldCase(c, U_FOLD_CASE_DEFAULT));
    } else if (u_isspace(c) || c == '-' || c == '/' || c == ',' || c == '(' || c == ')') {
      pending_space = true;
    }
    // Apostrophes, full stops and other punctuation vanish: "Rep." = "Rep", "d'Ivoire" = "dIvoire".
  }
  std::string result;
  folded.toUTF8String(result);
  if (result.rfind("the ", 0) == 0) result.erase(0, 4);
  return result;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> previous(b.size() + 1);
  std::vector<std::size_t> current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
    }
    std::swap(previous, current);
  }
  return previous[b.size()];
}

}  // namespace att
