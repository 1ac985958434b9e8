// How the platform is used, year by year: the working group watches whether States report
// online rather than by e-mail, how many States use the online tool (only a dozen used the
// treaty's earlier one), how many people register, and how many States take part in
// consultations. Counts only, for the Secretariat's pages and a CSV.
#pragma once

#include <cstdint>
#include <vector>

#include "store/database.hpp"

namespace att::reporting {

struct PlatformUseYear {
  int year = 0;
  // Report versions submitted that year (by received date), by channel; amendments count too.
  std::int64_t reports_online = 0;
  std::int64_t reports_email = 0;
  std::int64_t reports_import = 0;
  std::int64_t states_online = 0;  // States that submitted at least one version online
  std::int64_t registrations = 0;  // applications made that year
  std::int64_t registrations_approved = 0;
  std::int64_t consultation_comments = 0;
  std::int64_t states_commenting = 0;  // States whose representatives commented on a consultation
};

// Every year with something to count, oldest first. Drafts are not counted: they were not sent.
std::vector<PlatformUseYear> platform_use(store::Database& db);

}  // namespace att::reporting
