// The life of a report version as a small state machine: its statuses, the named transitions
// between them and where each may start. Stores change a status only through `after`.
#pragma once

#include <optional>
#include <string_view>

namespace att::reports {

// Stored: draft, submitted, recalled. Superseded is derived (a submitted version with a newer
// submitted one) but is a status all the same for whoever reads the version.
enum class VersionStatus { draft, submitted, superseded, recalled };

// submit: a State's first version; amend: a later one (the earlier becomes superseded);
// recall: the Secretariat withdraws the current version.
enum class Transition { submit, amend, recall };

std::string_view to_string(VersionStatus status);
std::optional<VersionStatus> version_status_from_string(std::string_view text);
std::string_view to_string(Transition transition);

// The status after the transition, or nullopt when it may not start from `from`.
std::optional<VersionStatus> after(Transition transition, VersionStatus from);

}  // namespace att::reports
