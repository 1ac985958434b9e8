#include "core/reports/version_lifecycle.hpp"

namespace att::reports {

std::string_view to_string(VersionStatus status) {
  switch (status) {
    case VersionStatus::draft: return "draft";
    case VersionStatus::submitted: return "submitted";
    case VersionStatus::superseded: return "superseded";
    case VersionStatus::recalled: return "recalled";
  }
  return "draft";
}

std::optional<VersionStatus> version_status_from_string(std::string_view text) {
  for (const auto status :
       {VersionStatus::draft, VersionStatus::submitted, VersionStatus::superseded, VersionStatus::recalled}) {
    if (to_string(status) == text) return status;
  }
  return std::nullopt;
}

std::string_view to_string(Transition transition) {
  switch (transition) {
    case Transition::submit: return "submit";
    case Transition::amend: return "amend";
    case Transition::recall: return "recall";
  }
  return "submit";
}

std::optional<VersionStatus> after(Transition transition, VersionStatus from) {
  switch (transition) {
    // A submission starts as a draft, whether typed online or read from a file.
    case Transition::submit:
    case Transition::amend:
      if (from == VersionStatus::draft) return VersionStatus::submitted;
      return std::nullopt;
    // Only the current version is recalled; a superseded one is history, a draft is nobody's yet.
    case Transition::recall:
      if (from == VersionStatus::submitted) return VersionStatus::recalled;
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace att::reports
