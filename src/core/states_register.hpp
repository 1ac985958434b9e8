// The register of States: who they are, their names in three languages, and their aliases.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <tl/expected.hpp>

#include "core/state_record.hpp"

namespace att {

struct StateAlias {
  std::string alias;
  std::string iso3;
};

// Why a name did not resolve, with the closest States to offer instead.
struct NameNotFound {
  std::string query;
  std::vector<const StateRecord*> suggestions;
};

class StatesRegister {
 public:
  StatesRegister() = default;
  // Aliases naming an unknown ISO3 code are ignored (the register is the authority).
  StatesRegister(std::vector<StateRecord> states, std::vector<StateAlias> aliases);

  [[nodiscard]] const std::vector<StateRecord>& states() const { return states_; }
  [[nodiscard]] const std::vector<StateAlias>& aliases() const { return aliases_; }

  // Exact ISO 3166 alpha-3 or alpha-2 code, any case.
  [[nodiscard]] const StateRecord* find_by_code(std::string_view code) const;

  // A code, or a name in English, French or Spanish, or a known alias; case, accents and
  // punctuation do not matter. Unknown names come back with up to `max_suggestions` guesses.
  [[nodiscard]] tl::expected<const StateRecord*, NameNotFound> resolve(std::string_view text,
                                                                       std::size_t max_suggestions = 3) const;

  // The States a search box means: the one whose code it is, or else every State with a name
  // (in any of the three languages) or an alias containing the text; case, accents and
  // punctuation do not matter ("allemagne", "Alemania", "germ"). In register order.
  [[nodiscard]] std::vector<const StateRecord*> matching(std::string_view text) const;

 private:
  void index(std::string_view name, std::size_t position);
  [[nodiscard]] std::vector<const StateRecord*> closest(const std::string& folded, std::size_t limit) const;

  static constexpr std::size_t ambiguous = static_cast<std::size_t>(-1);
  std::vector<StateRecord> states_;
  std::vector<StateAlias> aliases_;
  std::unordered_map<std::string, std::size_t> by_code_;
  std::unordered_map<std::string, std::size_t> by_folded_name_;
  std::unordered_map<std::string, std::size_t> by_short_name_;  // names without their "(...)" part
};

}  // namespace att
