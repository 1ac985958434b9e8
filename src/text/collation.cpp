#include "text/collation.hpp"

#include <unicode/coll.h>
#include <unicode/locid.h>

#include <algorithm>
#include <memory>
#include <numeric>

namespace att::text {

std::vector<std::size_t> collated_order(const std::vector<std::string>& names, Language language) {
  std::vector<std::size_t> order(names.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  UErrorCode status = U_ZERO_ERROR;
  const std::unique_ptr<icu::Collator> collator(
      icu::Collator::createInstance(icu::Locale(std::string(code_of(language)).c_str()), status));
  if (U_FAILURE(status) || !collator) {
    std::sort(order.begin(), order.end(), [&](auto a, auto b) { return names[a] < names[b]; });
    return order;
  }
  // Sort keys once per name rather than comparing UTF-8 strings again and again.
  std::vector<std::string> keys(names.size());
  for (std::size_t i = 0; i < names.size(); ++i) {
    const auto text = icu::UnicodeString::fromUTF8(names[i]);
    std::string& key = keys[i];
    key.resize(static_cast<std::size_t>(collator->getSortKey(text, nullptr, 0)));
    collator->getSortKey(text, reinterpret_cast<uint8_t*>(key.data()), static_cast<int32_t>(key.size()));
  }
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return keys[a] < keys[b]; });
  return order;
}

}  // namespace att::text
