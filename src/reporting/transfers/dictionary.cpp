#include "reporting/transfers/dictionary.hpp"

#include <algorithm>
#include <numeric>

#include "core/text_folding.hpp"

namespace att::transfers {

std::uint32_t Dictionary::code_of(std::string_view text) {
  std::string key(text);
  if (const auto found = codes_.find(key); found != codes_.end()) return found->second;
  const auto code = static_cast<std::uint32_t>(texts_.size());
  if (keeps_folded_) folded_.push_back(fold_name(text));
  texts_.push_back(key);
  codes_.emplace(std::move(key), code);
  return code;
}

std::optional<std::uint32_t> Dictionary::find(std::string_view text) const {
  if (const auto found = codes_.find(std::string(text)); found != codes_.end()) return found->second;
  return std::nullopt;
}

std::vector<std::uint32_t> Dictionary::ranks() const {
  std::vector<std::uint32_t> order(texts_.size());
  std::iota(order.begin(), order.end(), 0U);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return texts_[a] < texts_[b]; });
  std::vector<std::uint32_t> rank(texts_.size());
  for (std::uint32_t place = 0; place < order.size(); ++place) rank[order[place]] = place;
  return rank;
}

}  // namespace att::transfers
