#include "core/treaty_rules.hpp"

namespace att::treaty {

Date entry_into_force_for_deposit(Date deposit) {
  const Date treaty_eif = entry_into_force();
  return deposit <= treaty_eif ? treaty_eif : deposit.plus_days(90);
}

}  // namespace att::treaty
