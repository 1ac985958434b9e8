// One State in the register, and its participation in the treaty on any date.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/language.hpp"

namespace att {

enum class Participation { party, signatory, none };
std::string_view to_string(Participation participation);
std::optional<Participation> participation_from_string(std::string_view text);

struct StateRecord {
  std::string iso3;
  std::string iso2;
  int m49 = 0;
  std::string name_en;
  std::string name_fr;
  std::string name_es;
  std::string region;
  std::string subregion;
  bool un_member = true;
  std::optional<Date> signature_date;
  std::optional<Date> deposit_date;
  std::string deposit_kind;  // ratification, accession, acceptance, approval; empty if none
  // For a party whose deposit date is not known: the earliest day it can have been.
  std::optional<Date> deposit_not_before;
  std::optional<Date> eif_recorded;  // as stated by a source; otherwise computed by the rule
  bool verified = false;

  [[nodiscard]] const std::string& name(Language language) const;
  // A State known to have deposited, on a date nobody has been able to confirm.
  [[nodiscard]] bool deposit_date_unknown() const { return !deposit_kind.empty() && !deposit_date; }
  // Recorded EIF date, or the Article 22 rule applied to the deposit; none if no deposit date.
  [[nodiscard]] std::optional<Date> entry_into_force() const;
};

struct StateStatus {
  Participation participation = Participation::none;
  bool in_force = false;  // the treaty binds the State on that date
};

// Participation on `as_of`: a party once it has deposited, a signatory once it has signed.
StateStatus status_on(const StateRecord& state, Date as_of);

}  // namespace att
