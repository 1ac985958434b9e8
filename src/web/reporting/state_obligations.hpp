// A State's reports as its officer needs to see them on one page: what the register says it
// owes (the initial report and each annual report), where each stands today, and, for each
// annual report, the draft in progress and the versions submitted. Status comes from
// core/compliance; this only gathers the facts for one State under the viewer's read rule.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "auth/viewer.hpp"
#include "core/compliance/obligation_status.hpp"
#include "core/compliance/obligations.hpp"
#include "core/states_register.hpp"
#include "reporting/reports_store.hpp"
#include "store/database.hpp"

namespace att::web {

struct OwedReport {
  compliance::Obligation obligation;
  compliance::ObligationStatus status;
  bool has_draft = false;
  std::vector<reporting::VersionSummary> versions;  // annual reports only, oldest first
};

struct StateReports {
  bool party = false;
  bool dates_unknown = false;
  std::optional<OwedReport> initial;
  std::vector<OwedReport> annual;  // newest year first: the one to work on comes first
  std::vector<reporting::DraftSummary> drafts;  // every annual-report draft, owed or not
};

StateReports state_reports(store::Database& db, const auth::Viewer& viewer, const StateRecord& state, Date today,
                           const compliance::ObligationRules& rules = {});

}  // namespace att::web
