#include "core/reports/validation.hpp"

#include <algorithm>
#include <set>
#include <tuple>

namespace att::reports {

namespace {

// Up to 15 digits, optionally a point and up to 4 decimals. A loop, not a regex: it runs once per line.
bool is_decimal(const std::string& text) {
  const auto point = text.find('.');
  const auto whole = text.substr(0, point);
  const auto digits_only = [](std::string_view part) {
    return std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (whole.empty() || whole.size() > 15 || !digits_only(whole)) return false;
  if (point == std::string::npos) return true;
  const auto fraction = std::string_view(text).substr(point + 1);
  return !fraction.empty() && fraction.size() <= 4 && digits_only(fraction);
}

bool is_currency(const std::string& text) {
  return text.size() == 3 && std::all_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

std::string section_of(Direction direction) { return direction == Direction::exports ? "exports" : "imports"; }

std::string suggestions_for(const StatesRegister& states_register, const std::string& text) {
  const auto resolved = states_register.resolve(text);
  if (resolved) return (*resolved)->iso3;
  std::string list;
  for (const auto* state : resolved.error().suggestions) list += (list.empty() ? "" : ", ") + state->iso3;
  return list;
}

// The template's categories that split `code` ("IV" -> "IV.a, IV.b"), empty when none does.
std::string subcategories_of(const ReportTemplate& report_template, const std::string& code) {
  std::string list;
  for (const auto& [own, canonical] : report_template.category_to_canonical) {
    if (own.size() > code.size() + 1 && own.compare(0, code.size(), code) == 0 && own[code.size()] == '.')
      list += (list.empty() ? "" : ", ") + own;
  }
  return list;
}

class Checker {
 public:
  Checker(const AnnualReport& report, const ReportTemplate& report_template, const StatesRegister& states_register)
      : report_(report), template_(report_template), register_(states_register) {}

  ValidationResult run() {
    check_header();
    std::set<std::tuple<Direction, std::string, std::string, std::optional<std::int64_t>, std::string, std::string>>
        seen;
    for (std::size_t i = 0; i < report_.lines.size(); ++i) {
      const auto& line = report_.lines[i];
      const auto where = line.source_row ? line.source_row : i + 1;
      check_line(line, where);
      if (!seen.insert({line.direction, line.category, line.partner_state, line.items, line.value, line.description})
               .second)
        add("duplicate_line", section_of(line.direction), where, "", {});
    }
    return std::move(result_);
  }

 private:
  void add(const std::string& rule, const std::string& section, std::size_t line, const std::string& column,
           std::map<std::string, std::string> params) {
    const auto severity = template_.severity(rule);
    if (severity == RuleSeverity::off) return;
    result_.findings.push_back({severity == RuleSeverity::warning ? Severity::warning : Severity::error, rule, section,
                                line, column, std::move(params)});
  }

  void check_header() {
    const auto* state = register_.find_by_code(report_.reporting_state);
    if (!state) {
      add("unknown_reporting_state", "header", 0, "reporting_state", {{"value", report_.reporting_state}});
    } else if (const auto first = first_reporting_year(*state); !first || report_.year < *first) {
      add("year_outside_obligations", "header", 0, "year",
          {{"year", std::to_string(report_.year)}, {"first", first ? std::to_string(*first) : "-"}});
    }
    const bool has_exports = std::any_of(report_.lines.begin(), report_.lines.end(),
                                         [](const auto& l) { return l.direction == Direction::exports; });
    const bool has_imports = std::any_of(report_.lines.begin(), report_.lines.end(),
                                         [](const auto& l) { return l.direction == Direction::imports; });
    if (report_.nil_exports && has_exports) add("nil_flag_with_lines", "exports", 0, "nil_exports", {});
    if (report_.nil_imports && has_imports) add("nil_flag_with_lines", "imports", 0, "nil_imports", {});
    for (const auto& category : report_.withheld_categories) check_category(category, "header", 0, "withheld");
    if (report_.comments.size() > 4000) add("text_too_long", "header", 0, "comments", {{"max", "4000"}});
    if (report_.national_definitions.size() > 20000)
      add("text_too_long", "header", 0, "national_definitions", {{"max", "20000"}});
  }

  // A category the template does not have: too general where the template splits it ("IV"
  // when it asks for IV.a or IV.b), else unknown.
  void check_category(const std::string& category, const std::string& section, std::size_t where,
                      const std::string& column) {
    if (template_.canonical_category(category)) return;
    if (const auto split = subcategories_of(template_, category); !split.empty())
      add("category_too_general", section, where, column,
          {{"value", category}, {"template", template_.id}, {"suggestions", split}});
    else
      add("unknown_category", section, where, column, {{"value", category}, {"template", template_.id}});
  }

  void check_line(const ReportLine& line, std::size_t where) {
    const auto section = section_of(line.direction);
    check_category(line.category, section, where, "category");
    if (!register_.find_by_code(line.partner_state) || line.partner_state.size() != 3) {
      add("unknown_partner", section, where, "partner_state",
          {{"value", line.partner_state}, {"suggestions", suggestions_for(register_, line.partner_state)}});
    } else if (line.partner_state == report_.reporting_state) {
      add("partner_not_self", section, where, "partner_state", {{"value", line.partner_state}});
    }
    if (line.items && *line.items < 0) add("negative_number", section, where, "items", {{"value", std::to_string(*line.items)}});
    if (!line.value.empty() && !is_decimal(line.value))
      add("invalid_value", section, where, "value", {{"value", line.value}});
    if (!line.items && line.value.empty()) add("number_or_value", section, where, "items", {});
    if (!line.value.empty() && line.currency.empty()) add("value_needs_currency", section, where, "currency", {});
    if (!line.currency.empty() && !is_currency(line.currency))
      add("invalid_currency", section, where, "currency", {{"value", line.currency}});
    if (!line.state_of_origin.empty() && !register_.find_by_code(line.state_of_origin))
      add("unknown_state_of_origin", section, where, "state_of_origin",
          {{"value", line.state_of_origin}, {"suggestions", suggestions_for(register_, line.state_of_origin)}});
    if (line.description.size() > 500) add("text_too_long", section, where, "description", {{"max", "500"}});
    if (line.comments.size() > 1000) add("text_too_long", section, where, "comments", {{"max", "1000"}});
  }

  const AnnualReport& report_;
  const ReportTemplate& template_;
  const StatesRegister& register_;
  ValidationResult result_;
};

}  // namespace

bool ValidationResult::has_errors() const { return error_count() > 0; }

std::size_t ValidationResult::error_count() const {
  return static_cast<std::size_t>(
      std::count_if(findings.begin(), findings.end(), [](const auto& f) { return f.severity == Severity::error; }));
}

std::optional<int> first_reporting_year(const StateRecord& state) {
  const auto eif = state.entry_into_force();
  if (!eif) return std::nullopt;
  // The first full calendar year after entry into force (a State bound from 1 January reports on that year).
  return eif->month() == 1 && eif->day() == 1 ? eif->year() : eif->year() + 1;
}

ValidationResult validate(const AnnualReport& report, const ReportTemplate& report_template,
                          const StatesRegister& states_register) {
  return Checker(report, report_template, states_register).run();
}

std::string describe_in_english(const Finding& f) {
  static const std::map<std::string, std::string> messages = {
      {"unknown_reporting_state", "unknown reporting State '{value}'"},
      {"year_outside_obligations", "the State had no annual report due for {year} (first year: {first})"},
      {"nil_flag_with_lines", "the table is declared nil but has lines"},
      {"unknown_category", "category '{value}' is not in the {template} template"},
      {"category_too_general", "category '{value}' is split in the {template} template: use {suggestions}"},
      {"unknown_partner", "unknown State '{value}' (closest: {suggestions})"},
      {"partner_not_self", "the partner is the reporting State itself"},
      {"negative_number", "negative number {value}"},
      {"invalid_value", "'{value}' is not a non-negative amount (digits, optional decimals)"},
      {"number_or_value", "give the number of items, the value, or both"},
      {"value_needs_currency", "a value needs its currency (ISO 4217, e.g. EUR)"},
      {"invalid_currency", "'{value}' is not an ISO 4217 currency code"},
      {"unknown_state_of_origin", "unknown State of origin '{value}' (closest: {suggestions})"},
      {"text_too_long", "text longer than {max} characters"},
      {"duplicate_line", "the same line appears twice"},
  };
  std::string text = messages.contains(f.code) ? messages.at(f.code) : f.code;
  for (const auto& [name, value] : f.params) {
    const auto placeholder = "{" + name + "}";
    for (auto at = text.find(placeholder); at != std::string::npos; at = text.find(placeholder, at + value.size()))
      text.replace(at, placeholder.size(), value);
  }
  std::string where = f.section;
  if (f.line) where += ", line " + std::to_string(f.line);
  if (!f.column.empty()) where += ", column " + f.column;
  return (f.severity == Severity::error ? "error: " : "warning: ") + where + ": " + text;
}

}  // namespace att::reports
