#include "core/reports/validation.hpp"

#include <algorithm>
#include <set>
#include <tuple>

#include "core/ascii_text.hpp"
#include "core/compliance/obligations.hpp"

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

// The template's categories that split `code` ("IV" -> "IV.a, IV.b"), empty when none does.
std::string subcategories_of(const ReportTemplate& report_template, const std::string& code) {
  std::string list;
  for (const auto& [own, canonical] : report_template.category_to_canonical) {
    if (own.size() > code.size() + 1 && own.compare(0, code.size(), code) == 0 && own[code.size()] == '.')
      list += (list.empty() ? "" : ", ") + own;
  }
  return list;
}

namespace codes = problem_codes;

class Checker {
 public:
  Checker(const AnnualReport& report, const ReportTemplate& report_template, const StatesRegister& states_register,
          const ValidationContext& context)
      : report_(report), template_(report_template), register_(states_register), context_(context) {}

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
        add(codes::duplicate_line, section_of(line.direction), where, "", {});
    }
    return std::move(result_);
  }

 private:
  // The template may lower a rule to a warning or turn it off.
  void add(std::string_view rule, const std::string& section, std::size_t line, const std::string& column,
           std::map<std::string, std::string> params, std::optional<Severity> fixed = std::nullopt) {
    const auto severity = template_.severity(std::string(rule));
    if (severity == RuleSeverity::off) return;
    result_.findings.push_back(
        {fixed.value_or(severity == RuleSeverity::warning ? Severity::warning : Severity::error), std::string(rule),
         section, line, column, std::move(params)});
  }

  void check_header() {
    const auto year = std::to_string(report_.year);
    const auto* state = register_.find_by_code(report_.reporting_state);
    if (!state) {
      add(codes::unknown_reporting_state, "header", 0, "reporting_state", {{"value", report_.reporting_state}});
    } else if (const auto first = first_reporting_year(*state); !first || report_.year < *first) {
      add(codes::year_outside_obligations, "header", 0, "year", {{"year", year}, {"first", first ? std::to_string(*first) : "-"}});
    }
    // A year is reported on once it is over.
    if (report_.year >= context_.as_of.year())
      add(codes::year_not_ended, "header", 0, "year", {{"year", year}, {"as_of", context_.as_of.iso()}},
          Severity::error);
    if (report_.lines.empty() && !report_.nil_exports && !report_.nil_imports)
      add(codes::report_empty, "header", 0, "nil_exports", {},
          context_.stage == Stage::draft ? Severity::warning : Severity::error);
    const bool has_exports = std::any_of(report_.lines.begin(), report_.lines.end(),
                                         [](const auto& l) { return l.direction == Direction::exports; });
    const bool has_imports = std::any_of(report_.lines.begin(), report_.lines.end(),
                                         [](const auto& l) { return l.direction == Direction::imports; });
    if (report_.nil_exports && has_exports) add(codes::nil_flag_with_lines, "exports", 0, "nil_exports", {});
    if (report_.nil_imports && has_imports) add(codes::nil_flag_with_lines, "imports", 0, "nil_imports", {});
    for (const auto& category : report_.withheld_categories) check_category(category, "header", 0, "withheld");
    if (report_.comments.size() > 4000) add(codes::text_too_long, "header", 0, "comments", {{"max", "4000"}});
    if (report_.national_definitions.size() > 20000)
      add(codes::text_too_long, "header", 0, "national_definitions", {{"max", "20000"}});
    const auto& contact = report_.contact;
    for (const auto& [column, text] :
         {std::pair{"restriction_reason", &report_.restriction_reason}, {"comments", &report_.comments},
          {"national_definitions", &report_.national_definitions}, {"contact.name", &contact.name},
          {"contact.position", &contact.position}, {"contact.department", &contact.department},
          {"contact.address", &contact.address}, {"contact.email", &contact.email},
          {"contact.telephone", &contact.telephone}})
      check_characters("header", 0, column, *text);
  }

  // A control character (NUL above all) is refused whatever the stage: it would be stored and
  // shown as it is, and PostgreSQL cannot store a NUL at all.
  void check_characters(const std::string& section, std::size_t where, const std::string& column,
                        std::string_view text) {
    const auto at = first_control_character(text);
    if (at == std::string_view::npos) return;
    add(codes::control_character, section, where, column,
        {{"field", column}, {"character", control_character_name(text[at])}}, Severity::error);
  }

  // Real reports are taken as they are: a canonical sub-category finer than the template's
  // ("VII.a" where it has "VII") and a national category are accepted with a warning. A code
  // too general where the template splits it ("IV" when it asks for IV.a or IV.b), or one that
  // exists nowhere, is an error.
  void check_category(const std::string& category, const std::string& section, std::size_t where,
                      const std::string& column) {
    if (template_.canonical_category(category)) return;
    if (const auto parent = template_.finer_categories.find(category); parent != template_.finer_categories.end()) {
      add(codes::category_finer_than_template, section, where, column,
          {{"value", category}, {"template", template_.id}, {"parent", parent->second}}, Severity::warning);
    } else if (is_national_category(category)) {
      add(codes::national_category_not_in_template, section, where, column,
          {{"value", category}, {"template", template_.id}}, Severity::warning);
    } else if (const auto split = subcategories_of(template_, category); !split.empty()) {
      // Many States report a whole category where the template splits it (IV for IV.a and
      // IV.b): the figure is real and counts under that category; only the detail is missing.
      add(codes::category_too_general, section, where, column,
          {{"value", category}, {"template", template_.id}, {"suggestions", split}}, Severity::warning);
    } else {
      add(codes::unknown_category, section, where, column, {{"value", category}, {"template", template_.id}});
    }
  }

  void check_line(const ReportLine& line, std::size_t where) {
    const auto section = section_of(line.direction);
    check_category(line.category, section, where, "category");
    if (!register_.find_by_code(line.partner_state) || line.partner_state.size() != 3) {
      add(codes::unknown_partner, section, where, "partner_state",
          {{"value", line.partner_state}, {"suggestions", suggested_states(register_, line.partner_state)}});
    } else if (line.partner_state == report_.reporting_state) {
      add(codes::partner_not_self, section, where, "partner_state", {{"value", line.partner_state}});
    }
    if (line.items && *line.items < 0)
      add(codes::negative_number, section, where, "items", {{"value", std::to_string(*line.items)}});
    if (!line.value.empty() && !is_decimal(line.value))
      add(codes::invalid_value, section, where, "value", {{"value", line.value}});
    if (!line.items && line.value.empty()) add(codes::number_or_value, section, where, "items", {});
    if (!line.value.empty() && line.currency.empty()) add(codes::value_needs_currency, section, where, "currency", {});
    if (!line.currency.empty() && !is_currency(line.currency))
      add(codes::invalid_currency, section, where, "currency", {{"value", line.currency}});
    if (!line.state_of_origin.empty() && !register_.find_by_code(line.state_of_origin))
      add(codes::unknown_state_of_origin, section, where, "state_of_origin",
          {{"value", line.state_of_origin}, {"suggestions", suggested_states(register_, line.state_of_origin)}});
    if (line.description.size() > 500) add(codes::text_too_long, section, where, "description", {{"max", "500"}});
    if (line.comments.size() > 1000) add(codes::text_too_long, section, where, "comments", {{"max", "1000"}});
    for (const auto& [column, text] :
         {std::pair{"category", &line.category}, {"partner_state", &line.partner_state}, {"value", &line.value},
          {"currency", &line.currency}, {"description", &line.description}, {"comments", &line.comments},
          {"state_of_origin", &line.state_of_origin}, {"intermediate_location", &line.intermediate_location}})
      check_characters(section, where, column, *text);
  }

  const AnnualReport& report_;
  const ReportTemplate& template_;
  const StatesRegister& register_;
  const ValidationContext& context_;
  ValidationResult result_;
};

}  // namespace

bool ValidationResult::has_errors() const { return error_count() > 0; }

bool ValidationResult::has_code(std::string_view code) const {
  return std::any_of(findings.begin(), findings.end(), [code](const Problem& found) { return found.code == code; });
}

std::size_t ValidationResult::error_count() const {
  return static_cast<std::size_t>(
      std::count_if(findings.begin(), findings.end(), [](const auto& f) { return f.severity == Severity::error; }));
}

std::optional<int> first_reporting_year(const StateRecord& state) {
  const auto eif = state.entry_into_force();
  if (!eif) return std::nullopt;
  return compliance::first_annual_year(*eif, {});
}

ValidationResult validate(const AnnualReport& report, const ReportTemplate& report_template,
                          const StatesRegister& states_register, const ValidationContext& context) {
  return Checker(report, report_template, states_register, context).run();
}

std::string suggested_states(const StatesRegister& states_register, const std::string& text) {
  const auto resolved = states_register.resolve(text);
  if (resolved) return (*resolved)->iso3;
  std::string list;
  for (const auto* state : resolved.error().suggestions) list += (list.empty() ? "" : ", ") + state->iso3;
  return list;
}

std::optional<Problem> amendment_date_problem(const Date& received, const Date& previous_received) {
  if (received >= previous_received) return std::nullopt;
  return Problem{Severity::error,
                 std::string(problem_codes::received_before_previous_version),
                 "header",
                 0,
                 "received",
                 {{"received", received.iso()}, {"previous", previous_received.iso()}}};
}

}  // namespace att::reports
