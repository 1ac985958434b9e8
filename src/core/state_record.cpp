#include "core/state_record.hpp"

#include "core/treaty_rules.hpp"

namespace att {

std::string_view to_string(Participation participation) {
  switch (participation) {
    case Participation::party: return "party";
    case Participation::signatory: return "signatory";
    case Participation::none: return "none";
  }
  return "none";
}

std::optional<Participation> participation_from_string(std::string_view text) {
  if (text == "party") return Participation::party;
  if (text == "signatory") return Participation::signatory;
  if (text == "none") return Participation::none;
  return std::nullopt;
}

const std::string& StateRecord::name(Language language) const {
  switch (language) {
    case Language::fr: return name_fr;
    case Language::es: return name_es;
    case Language::en: break;
  }
  return name_en;
}

std::optional<Date> StateRecord::entry_into_force() const {
  if (eif_recorded) return eif_recorded;
  if (deposit_date) return treaty::entry_into_force_for_deposit(*deposit_date);
  return std::nullopt;
}

StateStatus status_on(const StateRecord& state, Date as_of) {
  StateStatus status;
  const bool deposited = state.deposit_date ? *state.deposit_date <= as_of
                         : state.deposit_date_unknown()
                             ? !state.deposit_not_before || *state.deposit_not_before <= as_of
                             : false;
  if (deposited) {
    status.participation = Participation::party;
    const auto eif = state.entry_into_force();
    status.in_force = eif && *eif <= as_of;
  } else if (state.signature_date && *state.signature_date <= as_of) {
    status.participation = Participation::signatory;
  }
  return status;
}

}  // namespace att
