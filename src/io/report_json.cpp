#include "io/report_json.hpp"

#include "io/csv_writer.hpp"

namespace att::io {

namespace {

// The canonical CSV fields of one line, written into `fields` so that its strings are reused
// from line to line.
void csv_fields(const reports::AnnualReport& report, const reports::ReportLine& line, std::vector<std::string>& fields) {
  fields.resize(13);
  fields[0] = report.reporting_state;
  fields[1] = std::to_string(report.year);
  fields[2] = to_string(line.direction);
  fields[3] = line.category;
  fields[4] = line.partner_state;
  fields[5] = line.items ? std::to_string(*line.items) : std::string();
  fields[6] = line.value;
  fields[7] = line.currency;
  fields[8] = line.basis ? to_string(*line.basis) : std::string_view();
  fields[9] = line.description;
  fields[10] = line.comments;
  fields[11] = line.state_of_origin;
  fields[12] = line.intermediate_location;
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
          {"exports_visibility", std::string(to_string(r.visibility_of(reports::Direction::exports)))},
          {"imports_visibility", std::string(to_string(r.visibility_of(reports::Direction::imports)))},
          {"restriction_reason", optional_text(r.restriction_reason)},
          {"nil_exports", r.nil_exports},
          {"nil_imports", r.nil_imports},
          {"withheld", {{"whole_report", r.withheld_all}, {"categories", r.withheld_categories}}},
          {"default_basis", r.default_basis ? nlohmann::json(std::string(to_string(*r.default_basis))) : nullptr},
          {"comments", optional_text(r.comments)},
          {"national_definitions", optional_text(r.national_definitions)},
          {"contact",
           {{"name", r.contact.name}, {"position", r.contact.position}, {"department", r.contact.department},
            {"address", r.contact.address}, {"email", r.contact.email}, {"telephone", r.contact.telephone}}},
          {"exports", exports},
          {"imports", imports}};
}

tl::expected<reports::AnnualReport, std::string> report_from_json(const nlohmann::json& d) {
  if (!d.is_object()) return tl::unexpected(std::string("the report must be a JSON object"));
  reports::AnnualReport r;
  const auto text = [](const nlohmann::json& object, const char* key) -> std::string {
    if (!object.contains(key) || object[key].is_null()) return "";
    if (!object[key].is_string()) throw std::invalid_argument(std::string(key) + " must be a string");
    return object[key].get<std::string>();
  };
  try {
    r.nil_exports = d.value("nil_exports", false);
    r.nil_imports = d.value("nil_imports", false);
    if (const auto visibility = text(d, "visibility"); !visibility.empty()) {
      const auto parsed = reports::visibility_from_string(visibility);
      if (!parsed) return tl::unexpected(std::string("visibility must be public or restricted"));
      r.visibility = *parsed;
    }
    // A table's own visibility is kept only where it differs from the report's.
    for (const auto table : {reports::Direction::exports, reports::Direction::imports}) {
      const auto key = table == reports::Direction::exports ? "exports_visibility" : "imports_visibility";
      const auto given = text(d, key);
      if (given.empty()) continue;
      const auto parsed = reports::visibility_from_string(given);
      if (!parsed) return tl::unexpected(std::string(key) + " must be public or restricted");
      if (*parsed == r.visibility) continue;
      (table == reports::Direction::exports ? r.exports_visibility : r.imports_visibility) = parsed;
    }
    r.restriction_reason = text(d, "restriction_reason");
    if (d.contains("withheld") && d["withheld"].is_object()) {
      r.withheld_all = d["withheld"].value("whole_report", false);
      r.withheld_categories = d["withheld"].value("categories", std::vector<std::string>{});
    }
    if (const auto basis = text(d, "default_basis"); !basis.empty()) {
      r.default_basis = reports::basis_from_string(basis);
      if (!r.default_basis) return tl::unexpected(std::string("default_basis must be authorized or actual"));
    }
    r.comments = text(d, "comments");
    r.national_definitions = text(d, "national_definitions");
    if (d.contains("contact") && d["contact"].is_object()) {
      const auto& c = d["contact"];
      r.contact = {text(c, "name"), text(c, "position"), text(c, "department"),
                   text(c, "address"), text(c, "email"), text(c, "telephone")};
    }
    for (const auto direction : {reports::Direction::exports, reports::Direction::imports}) {
      const char* table = direction == reports::Direction::exports ? "exports" : "imports";
      if (!d.contains(table)) continue;
      if (!d[table].is_array()) return tl::unexpected(std::string(table) + " must be a list of lines");
      std::size_t position = 0;
      for (const auto& item : d[table]) {
        ++position;
        if (!item.is_object())
          return tl::unexpected(std::string(table) + "[" + std::to_string(position) + "] must be an object");
        reports::ReportLine line;
        line.direction = direction;
        line.source_row = position;
        line.category = text(item, "category");
        line.partner_state = text(item, "partner_state");
        if (item.contains("items") && !item["items"].is_null()) {
          if (!item["items"].is_number_integer())
            return tl::unexpected(std::string(table) + "[" + std::to_string(position) + "].items must be a whole number");
          line.items = item["items"].get<std::int64_t>();
        }
        if (item.contains("value") && item["value"].is_number()) line.value = item["value"].dump();
        else line.value = text(item, "value");
        line.currency = text(item, "currency");
        if (const auto basis = text(item, "basis"); !basis.empty()) line.basis = reports::basis_from_string(basis);
        line.description = text(item, "description");
        line.comments = text(item, "comments");
        line.state_of_origin = text(item, "state_of_origin");
        line.intermediate_location = text(item, "intermediate_location");
        r.lines.push_back(std::move(line));
      }
    }
  } catch (const std::exception& error) {
    return tl::unexpected(std::string(error.what()));
  }
  return r;
}

void append_report_csv(std::string& out, const reports::AnnualReport& report, CsvFor reader) {
  append_csv_line(out, reports::canonical_csv_columns(), reader);
  std::vector<std::string> fields;
  for (const auto& line : report.lines) {
    csv_fields(report, line, fields);
    append_csv_line(out, fields, reader);
  }
}

std::string report_csv(const reports::AnnualReport& report, CsvFor reader) {
  std::string out;
  append_report_csv(out, report, reader);
  return out;
}

}  // namespace att::io
