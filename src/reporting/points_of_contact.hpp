// Who a reminder letter goes to: a State's national point of contact on the platform, that is its
// active reporting officers (the first one is named in the letter, all of them receive it).
#pragma once

#include <string>
#include <vector>

#include "core/language.hpp"
#include "store/database.hpp"

namespace att::reporting {

struct PointOfContact {
  std::string name;  // the first reporting officer; empty when the State has none on the platform
  Language language = Language::en;
  std::vector<std::string> emails;  // every active reporting officer of the State
};

PointOfContact point_of_contact(store::Database& db, const std::string& state);

}  // namespace att::reporting
