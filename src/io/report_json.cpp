#include "io/report_json.hpp"

#include "io/csv_writer.hpp"

namespace att::io {

namespace {

std::vector<std::string> csv_fields(const reports::AnnualReport& report, const reports::ReportLine& line) {
  return {report.reporting_state,
          std::to_string(report.year),
          std::string(to_string(line.direction)),
          line.category,
          line.partner_state,
          line.items ? std::to_string(*line.items) : "",
          line.value,
          line.currency,
          line.basis ? std::string(to_string(*line.basis)) : "",
          line.description,
          line.comments,
          line.state_of_origin,
          line.intermediate_location};
}

nlohmann::json optional_text(const std::string& text) { return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text); }

}  // namespace

nlohmann::json report_json(const reports::AnnualReport& r) {
  nlohmann::json exports = nlohmann::json::array();
  nlohmann::json imports = nlohmann::json::array();
  for (const auto& line : r.lines) {
    nlohmann::json item = {{"category", line.category},
                           {"partner_state", line.partner_state},
                           {"items", line.items ? nlohmann::json(*line.items) : nullptr},
                           {"value", optional_text(line.value)},
                           {"currency", optional_text(line.currency)},
                           {"basis", line.basis ? nlohmann::json(std::string(to_string(*line.basis))) : nullptr},
                           {"description", optional_text(line.description)},
                           {"comments", optional_text(line.comments)},
                           {"state_of_origin", optional_text(line.state_of_origin)},
                           {"intermediate_location", optional_text(line.intermediate_location)}};
    (line.direction == reports::Direction::exports ? exports : imports).push_back(std::move(item));
  }
  return {{"reporting_state", r.reporting_state},
          {"year", r.year},
          {"template", r.template_id},
          {"visibility", std::string(to_string(r.visibility))},
          {"restriction_reason", optional_text(r.restriction_reason)},
          {"nil_exports", r.nil_exports},
          {"nil_imports", r.nil_imports},
          {"withheld", {{"whole_report", r.withheld_all}, {"categories", r.withheld_categories}}},
          {"default_basis", r.default_basis ? nlohmann::json(std::string(to_string(*r.default_basis))) : nullptr},
          {"comments", optional_text(r.comments)},
          {"contact",
           {{"name", r.contact.name}, {"position", r.contact.position}, {"department", r.contact.department},
            {"address", r.contact.address}, {"email", r.contact.email}, {"telephone", r.contact.telephone}}},
          {"exports", exports},
          {"imports", imports}};
}

std::string report_csv(const reports::AnnualReport& report) {
  std::string out = csv_line(reports::canonical_csv_columns());
  for (const auto& line : report.lines) out += csv_line(csv_fields(report, line));
  return out;
}

}  // namespace att::io
