#include "io/compliance_json.hpp"

namespace att::io {

namespace {

double rate(int part, int whole) { return whole ? static_cast<double>(part) / whole : 0.0; }

}  // namespace

nlohmann::json status_totals_json(const compliance::StatusTotals& t) {
  return {{"expected", t.expected},
          {"submitted", t.submitted},
          {"on_time", t.on_time},
          {"within_grace", t.within_grace},
          {"late", t.late},
          {"overdue", t.overdue},
          {"not_yet_due", t.not_yet_due},
          {"public", t.public_reports},
          {"restricted", t.restricted},
          {"nil", t.nil},
          {"amended", t.amended},
          {"rates",
           {{"submitted", rate(t.submitted, t.expected)},
            {"on_time", rate(t.on_time, t.expected)},
            {"within_grace", rate(t.within_grace, t.expected)},
            {"late", rate(t.late, t.expected)},
            {"overdue", rate(t.overdue, t.expected)},
            {"public", rate(t.public_reports, t.expected)},
            {"restricted", rate(t.restricted, t.expected)},
            {"nil", rate(t.nil, t.expected)}}}};
}

nlohmann::json status_row_json(const compliance::StatusRow& row) {
  const auto& status = row.status;
  return {{"iso3", row.state->iso3},
          {"region", row.state->region},
          {"status", std::string(to_string(status.timeliness))},
          {"due", row.obligation.due.iso()},
          {"received", status.first_received ? nlohmann::json(status.first_received->iso()) : nlohmann::json()},
          {"days_late", status.days_late},
          {"versions", status.versions},
          {"amended", status.amended()},
          {"visibility", row.visibility ? nlohmann::json(std::string(to_string(*row.visibility))) : nlohmann::json()},
          {"nil", row.nil ? nlohmann::json(*row.nil) : nlohmann::json()}};
}

}  // namespace att::io
