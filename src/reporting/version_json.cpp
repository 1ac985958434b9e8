#include "reporting/version_json.hpp"

namespace att::reporting {

nlohmann::json version_json(const VersionSummary& s) {
  return {{"reporting_state", s.reporting_state},
          {"year", s.year},
          {"type", s.type},
          {"version", s.version_no},
          {"status", std::string(to_string(s.status))},
          {"visibility", std::string(to_string(s.visibility))},
          {"exports_visibility", std::string(to_string(s.exports_visibility.value_or(s.visibility)))},
          {"imports_visibility", std::string(to_string(s.imports_visibility.value_or(s.visibility)))},
          {"received", s.received_iso()},
          {"channel", std::string(to_string(s.channel))},
          {"line_count", s.line_count},
          {"demo", s.demo},
          {"content_hash", s.content_hash},
          {"submitted_at", s.submitted_at ? nlohmann::json(s.submitted_at->iso()) : nlohmann::json("")},
          {"recalled_at", s.recalled_at ? nlohmann::json(s.recalled_at->iso()) : nlohmann::json()},
          {"recall_reason", s.recall_reason}};
}

}  // namespace att::reporting
