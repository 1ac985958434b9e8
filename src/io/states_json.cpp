#include "io/states_json.hpp"

namespace att::io {

namespace {

nlohmann::json date_or_null(const std::optional<Date>& date) { return date ? nlohmann::json(date->iso()) : nullptr; }

// Where the EIF date comes from: a source that states it, or the Article 22 rule.
nlohmann::json eif_source(const StateRecord& s) {
  if (s.eif_recorded) return "recorded";
  if (s.deposit_date) return "article_22_rule";
  return nullptr;
}

}  // namespace

nlohmann::json state_json(const StateOnDate& state_on_date) {
  const StateRecord& s = *state_on_date.state;
  return {
      {"iso3", s.iso3},
      {"iso2", s.iso2},
      {"m49", s.m49},
      {"name_en", s.name_en},
      {"name_fr", s.name_fr},
      {"name_es", s.name_es},
      {"region", s.region},
      {"subregion", s.subregion},
      {"un_member", s.un_member},
      {"status", std::string(to_string(state_on_date.status.participation))},
      {"in_force", state_on_date.status.in_force},
      {"signature_date", date_or_null(s.signature_date)},
      {"deposit_date", date_or_null(s.deposit_date)},
      {"deposit_kind", s.deposit_kind.empty() ? nlohmann::json(nullptr) : nlohmann::json(s.deposit_kind)},
      // A party whose deposit date nobody has confirmed says so instead of guessing one.
      {"deposit_date_known", !s.deposit_date_unknown()},
      {"eif_date", date_or_null(s.entry_into_force())},
      {"eif_date_source", eif_source(s)},
      {"verified", s.verified},
  };
}

}  // namespace att::io
