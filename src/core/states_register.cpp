#include "core/states_register.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "core/text_folding.hpp"

namespace att {

namespace {

std::string upper_ascii(std::string_view text) {
  std::string result(text);
  for (auto& c : result) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return result;
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

}  // namespace

StatesRegister::StatesRegister(std::vector<StateRecord> states, std::vector<StateAlias> aliases)
    : states_(std::move(states)) {
  for (std::size_t i = 0; i < states_.size(); ++i) {
    by_code_[states_[i].iso3] = i;
    by_code_[states_[i].iso2] = i;
    for (const auto* name : {&states_[i].name_en, &states_[i].name_fr, &states_[i].name_es}) index(*name, i);
  }
  for (auto& alias : aliases) {
    const auto found = by_code_.find(upper_ascii(alias.iso3));
    if (found == by_code_.end()) continue;
    index(alias.alias, found->second);
    aliases_.push_back(std::move(alias));
  }
}

void StatesRegister::index(std::string_view name, std::size_t position) {
  const auto key = fold_name(name);
  if (key.empty()) return;
  const auto [it, inserted] = by_folded_name_.emplace(key, position);
  if (!inserted && it->second != position) it->second = ambiguous;
  // "Bolivia (Plurinational State of)" is also found as "Bolivia", unless a full name says otherwise.
  if (const auto open = name.find(" ("); open != std::string_view::npos && name.back() == ')') {
    const auto short_key = fold_name(name.substr(0, open));
    const auto [short_it, short_inserted] = by_short_name_.emplace(short_key, position);
    if (!short_inserted && short_it->second != position) short_it->second = ambiguous;
  }
}

const StateRecord* StatesRegister::find_by_code(std::string_view code) const {
  const auto found = by_code_.find(upper_ascii(trimmed(code)));
  return found == by_code_.end() ? nullptr : &states_[found->second];
}

tl::expected<const StateRecord*, NameNotFound> StatesRegister::resolve(std::string_view text,
                                                                       std::size_t max_suggestions) const {
  const auto query = trimmed(text);
  if (query.size() <= 3) {
    if (const auto* state = find_by_code(query)) return state;
  }
  const auto folded = fold_name(query);
  if (const auto found = by_folded_name_.find(folded); found != by_folded_name_.end()) {
    if (found->second != ambiguous) return &states_[found->second];
  } else if (const auto short_found = by_short_name_.find(folded);
             short_found != by_short_name_.end() && short_found->second != ambiguous) {
    return &states_[short_found->second];
  }
  return tl::unexpected(NameNotFound{std::string(query), closest(folded, max_suggestions)});
}

std::vector<const StateRecord*> StatesRegister::matching(std::string_view text) const {
  const auto query = trimmed(text);
  if (query.size() <= 3) {
    if (const auto* state = find_by_code(query)) return {state};
  }
  const auto folded = fold_name(query);
  if (folded.empty()) return {};
  std::vector<bool> found(states_.size(), false);
  const auto contains = [&](const std::string& name) { return fold_name(name).find(folded) != std::string::npos; };
  for (std::size_t i = 0; i < states_.size(); ++i) {
    const auto& state = states_[i];
    found[i] = contains(state.name_en) || contains(state.name_fr) || contains(state.name_es);
  }
  for (const auto& alias : aliases_) {
    if (!contains(alias.alias)) continue;
    if (const auto code = by_code_.find(alias.iso3); code != by_code_.end()) found[code->second] = true;
  }
  std::vector<const StateRecord*> result;
  for (std::size_t i = 0; i < states_.size(); ++i)
    if (found[i]) result.push_back(&states_[i]);
  return result;
}

std::vector<const StateRecord*> StatesRegister::closest(const std::string& folded, std::size_t limit) const {
  if (folded.empty() || limit == 0) return {};
  struct Candidate {
    std::size_t score;
    std::size_t position;
  };
  std::vector<Candidate> candidates;
  const std::size_t tolerance = std::max<std::size_t>(2, folded.size() / 3);
  for (const auto& [key, position] : by_folded_name_) {
    if (position == ambiguous) continue;
    // A name that contains the query as a word ("korea" in "republic of korea") is a good guess.
    const auto at = key.find(folded);
    const bool word_match = at != std::string::npos && (at == 0 || key[at - 1] == ' ');
    const std::size_t distance = word_match ? 0 : edit_distance(folded, key);
    if (distance <= tolerance) candidates.push_back({distance, position});
  }
  std::sort(candidates.begin(), candidates.end(), [this](const Candidate& a, const Candidate& b) {
    return a.score != b.score ? a.score < b.score : states_[a.position].iso3 < states_[b.position].iso3;
  });
  std::vector<const StateRecord*> result;
  std::set<std::size_t> seen;
  for (const auto& candidate : candidates) {
    if (result.size() == limit) break;
    if (seen.insert(candidate.position).second) result.push_back(&states_[candidate.position]);
  }
  return result;
}

}  // namespace att
