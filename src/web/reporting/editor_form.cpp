#include "web/reporting/editor_form.hpp"

#include <charconv>
#include <map>

namespace att::web {

namespace {

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

// The ISO3 code of a State typed by code or by name in any language, else the text as typed.
std::string state_code_for(const StatesRegister& states_register, const std::string& typed) {
  const auto text = trimmed(typed);
  if (text.empty()) return text;
  const auto found = states_register.resolve(text, 0);
  return found ? (*found)->iso3 : text;
}

std::vector<std::string> split_codes(const std::string& text) {
  std::vector<std::string> codes;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto end = std::min(text.find_first_of(",;\n", start), text.size());
    if (auto code = trimmed(text.substr(start, end - start)); !code.empty()) codes.push_back(std::move(code));
    start = end + 1;
  }
  return codes;
}

// "l12.partner_state" -> (12, "partner_state").
std::optional<std::pair<std::size_t, std::string>> line_field_name(const std::string& name) {
  if (name.size() < 4 || name[0] != 'l') return std::nullopt;
  const auto dot = name.find('.');
  if (dot == std::string::npos) return std::nullopt;
  std::size_t row = 0;
  const auto [end, error] = std::from_chars(name.data() + 1, name.data() + dot, row);
  if (error != std::errc{} || end != name.data() + dot || row > 100000) return std::nullopt;
  return std::pair{row, name.substr(dot + 1)};
}

}  // namespace

const std::vector<std::string>& line_columns() {
  static const std::vector<std::string> columns{"category", "partner_state", "items", "value", "currency", "basis",
                                                "description", "comments", "state_of_origin",
                                                "intermediate_location"};
  return columns;
}

std::string line_field(std::size_t row, const std::string& column) {
  return "l" + std::to_string(row) + "." + column;
}

PostedReport report_from_form(const std::vector<std::pair<std::string, std::string>>& fields,
                              const StatesRegister& states_register, const CategoryNames& categories) {
  std::map<std::string, std::string> header;
  std::map<std::size_t, std::map<std::string, std::string>> rows;
  for (const auto& [name, value] : fields) {
    if (const auto field = line_field_name(name)) rows[field->first][field->second] = value;
    else header[name] = value;
  }
  const auto get = [&](const std::string& name) { return header.contains(name) ? header[name] : std::string(); };
  PostedReport posted;
  auto& report = posted.report;
  report.visibility = reports::visibility_from_string(get("visibility")).value_or(reports::Visibility::restricted);
  report.restriction_reason = trimmed(get("restriction_reason"));
  report.nil_exports = get("nil_exports") == "1";
  report.nil_imports = get("nil_imports") == "1";
  report.withheld_all = get("withheld_all") == "1";
  for (const auto& code : split_codes(get("withheld"))) report.withheld_categories.push_back(categories.code_for(code));
  report.default_basis = reports::basis_from_string(get("default_basis"));
  report.comments = get("comments");
  report.national_definitions = get("national_definitions");
  report.contact = {trimmed(get("contact.name")),    trimmed(get("contact.position")), trimmed(get("contact.department")),
                    get("contact.address"),          trimmed(get("contact.email")),    trimmed(get("contact.telephone"))};
  // Exports first, then imports, each in the order of its rows.
  for (const auto direction : {reports::Direction::exports, reports::Direction::imports}) {
    for (auto& [row, values] : rows) {
      const auto row_direction = reports::direction_from_string(values["direction"]).value_or(reports::Direction::exports);
      if (row_direction != direction) continue;
      bool blank = true;
      for (const auto& column : line_columns())
        if (column != "basis" && !trimmed(values[column]).empty()) blank = false;
      if (blank) continue;
      reports::ReportLine line;
      line.direction = direction;
      line.category = categories.code_for(values["category"]);
      line.partner_state = state_code_for(states_register, values["partner_state"]);
      line.state_of_origin = state_code_for(states_register, values["state_of_origin"]);
      line.intermediate_location = trimmed(values["intermediate_location"]);
      line.value = trimmed(values["value"]);
      line.currency = trimmed(values["currency"]);
      for (auto& c : line.currency) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      line.basis = reports::basis_from_string(values["basis"]);
      line.description = values["description"];
      line.comments = values["comments"];
      if (const auto items = trimmed(values["items"]); !items.empty()) {
        std::int64_t number = 0;
        const auto [end, error] = std::from_chars(items.data(), items.data() + items.size(), number);
        if (error == std::errc{} && end == items.data() + items.size()) {
          line.items = number;
        } else {
          // Kept nowhere in the report, so the message must say what was typed.
          posted.unreadable.push_back({Severity::error, std::string(problem_codes::invalid_items),
                                       std::string(to_string(direction)) + "s", report.lines.size() + 1, "items",
                                       {{"value", items.substr(0, 40)}}});
        }
      }
      report.lines.push_back(std::move(line));
    }
  }
  return posted;
}

std::string field_of(const Problem& problem) {
  if (problem.section == "header") return problem.column;
  if ((problem.section == "exports" || problem.section == "imports") && problem.line > 0)
    return line_field(problem.line - 1, problem.column.empty() ? "category" : problem.column);
  return {};
}

}  // namespace att::web
