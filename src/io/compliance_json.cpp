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

namespace att::io {

namespace {

// The report an obligation is for: its kind, and its year for an annual report.
void name_report(nlohmann::json& out, compliance::ReportKind kind, int year) {
  out["report"] = std::string(to_string(kind));
  if (kind == compliance::ReportKind::annual) out["year"] = year;
}

}  // namespace

nlohmann::json status_table_json(const compliance::StatusTable& table, std::optional<int> year, Date as_of) {
  nlohmann::json states = nlohmann::json::array();
  for (const auto& row : table.rows) states.push_back(status_row_json(row));
  nlohmann::json body = {{"report", year ? "annual" : "initial"},
                         {"as_of", as_of.iso()},
                         {"totals", status_totals_json(table.totals)},
                         {"regions", status_regions_json(compliance::totals_by_region(table))},
                         {"states", std::move(states)}};
  if (year) body["year"] = *year;
  return body;
}

nlohmann::json status_regions_json(const std::map<std::string, compliance::StatusTotals>& regions) {
  auto out = nlohmann::json::object();
  for (const auto& [region, totals] : regions) out[region] = status_totals_json(totals);
  return out;
}

nlohmann::json year_totals_json(const compliance::YearTotals& year) {
  return {
      {"year", year.year}, {"totals", status_totals_json(year.totals)}, {"regions", status_regions_json(year.regions)}};
}

nlohmann::json state_obligation_json(const compliance::StatusRow& row) {
  auto out = status_row_json(row);
  out.erase("iso3");
  out.erase("region");
  name_report(out, row.obligation.kind, row.obligation.year);
  return out;
}

nlohmann::json status_change_json(const compliance::StatusChange& change) {
  nlohmann::json out = {{"iso3", change.state->iso3}, {"region", change.state->region}};
  name_report(out, change.kind, change.year);
  out["before"] = change.before ? state_obligation_json(*change.before) : nlohmann::json();
  out["after"] = change.after ? state_obligation_json(*change.after) : nlohmann::json();
  return out;
}

nlohmann::json report_comparison_json(const compliance::ReportComparison& comparison) {
  nlohmann::json out;
  name_report(out, comparison.kind, comparison.year);
  out["before"] = status_totals_json(comparison.before);
  out["after"] = status_totals_json(comparison.after);
  return out;
}

}  // namespace att::io
