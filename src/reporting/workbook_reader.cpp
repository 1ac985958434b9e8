// Reading an uploaded report workbook back: by sheet names, field ids and column ids, never by
// the words around them, then validated like the CSV import.
#include <algorithm>
#include <charconv>
#include <optional>
#include <set>
#include <system_error>

#include "core/ascii_text.hpp"
#include "io/xlsx_reader.hpp"
#include "reporting/report_workbook.hpp"
#include "reporting/state_codes.hpp"
#include "reporting/workbook_layout.hpp"

namespace att::reporting {

namespace {

namespace codes = problem_codes;

std::optional<bool> parse_bool(const std::string& text) {
  const auto t = lower_ascii(trim_blanks(text));
  if (t.empty() || t == "false" || t == "no" || t == "non" || t == "0" || t == "faux" || t == "falso") return false;
  if (t == "true" || t == "yes" || t == "oui" || t == "si" || t == "sí" || t == "1" || t == "x" || t == "vrai" ||
      t == "verdadero")
    return true;
  return std::nullopt;
}

// "Exports!C12": how problems name the cell they are about.
std::string cell_of(std::string_view sheet, std::size_t row, std::size_t column) {
  return std::string(sheet) + "!" + io::cell_reference(row, column);
}

// Where a line column stands on its sheet (1-based), by its id; column A when it is missing.
std::size_t column_or_first(const std::map<std::string, std::size_t>& positions, const std::string& id) {
  const auto found = positions.find(id);
  return found == positions.end() ? 1 : found->second;
}

// The Report field a validation finding is about: validation calls the withheld categories
// "withheld", the workbook "withheld_categories".
std::string report_field_of(const Problem& finding) {
  return finding.column == "withheld" ? std::string("withheld_categories") : finding.column;
}

class WorkbookImporter {
 public:
  WorkbookImporter(const StatesRegister& states, const reports::TemplateLibrary& templates,
                   const ImportOptions& options)
      : register_(states), templates_(templates), options_(options) {}

  ImportBatch run(std::string_view bytes) {
    auto book = io::read_xlsx(bytes);
    if (!book) {
      add(book.error());
      return std::move(batch_);
    }
    const auto* report_sheet = book->sheet(workbook::report_sheet);
    const auto* exports = book->sheet(workbook::exports_sheet);
    const auto* imports = book->sheet(workbook::imports_sheet);
    std::string missing;
    for (const auto& [name, sheet] : {std::pair{workbook::report_sheet, report_sheet},
                                      {workbook::exports_sheet, exports},
                                      {workbook::imports_sheet, imports}})
      if (!sheet) missing += std::string(missing.empty() ? "" : ", ") + name;
    if (!missing.empty()) {
      problem(0, "", codes::workbook_missing_sheets, {{"sheets", missing}});
      return std::move(batch_);
    }
    reports::AnnualReport report;
    const bool header_ok = read_report(*report_sheet, report);
    read_lines(*exports, reports::Direction::exports, report);
    read_lines(*imports, reports::Direction::imports, report);
    if (header_ok) finish(std::move(report));
    return std::move(batch_);
  }

 private:
  void problem(std::size_t row, std::string where, std::string_view code, std::map<std::string, std::string> params = {},
               Severity severity = Severity::error) {
    add({severity, std::string(code), "", row, std::move(where), std::move(params)});
  }
  void add(Problem found) { record(batch_, std::move(found), options_.max_problems); }

  std::string state_code(const std::string& text) { return state_codes_.code_of(text); }

  [[nodiscard]] std::string report_cell(const std::string& key) const {
    const auto found = report_rows_.find(key);
    return found == report_rows_.end() ? std::string(workbook::report_sheet)
                                       : cell_of(workbook::report_sheet, found->second, workbook::report_value_column);
  }
  [[nodiscard]] std::size_t report_row(const std::string& key) const {
    const auto found = report_rows_.find(key);
    return found == report_rows_.end() ? 0 : found->second;
  }
  void field_problem(const std::string& key, std::string_view code, std::map<std::string, std::string> params = {}) {
    problem(report_row(key), report_cell(key), code, std::move(params));
  }

  // The header fields; false when the State or the year cannot be read.
  bool read_report(const io::XlsxSheet& sheet, reports::AnnualReport& report) {
    std::map<std::string, std::string> values;
    std::set<std::string> known;
    for (const auto& field : workbook::report_fields()) known.insert(field.id);
    for (const auto& [row, cells] : sheet.rows) {
      const auto key = trim_blanks(sheet.cell(row, workbook::report_id_column));
      if (key.empty() || (row == 1 && key == workbook::report_header_key)) continue;
      const auto where = cell_of(workbook::report_sheet, row, workbook::report_id_column);
      if (!known.contains(key)) {
        problem(row, where, codes::workbook_unknown_field, {{"value", key}}, Severity::warning);
        continue;
      }
      if (report_rows_.contains(key)) {
        problem(row, where, codes::workbook_duplicate_field, {{"value", key}});
        continue;
      }
      report_rows_[key] = row;
      values[key] = sheet.cell(row, workbook::report_value_column);
    }
    const auto value = [&](const std::string& key) { return values.contains(key) ? values.at(key) : std::string(); };
    bool ok = true;

    const auto state_text = trim_blanks(value("reporting_state"));
    report.reporting_state = state_code(state_text);
    if (state_text.empty()) {
      field_problem("reporting_state", codes::missing_reporting_state);
      ok = false;
    } else if (!register_.find_by_code(report.reporting_state)) {
      field_problem("reporting_state", codes::unknown_reporting_state,
                    {{"value", state_text}, {"suggestions", reports::suggested_states(register_, state_text)}});
      ok = false;
    }
    const auto year_text = trim_blanks(value("year"));
    const auto year = reports::year_from_text(year_text);
    if (!year) {
      field_problem("year", codes::invalid_year, {{"value", year_text}});
      ok = false;
    }
    report.year = year.value_or(0);

    const auto flag = [&](const std::string& key, bool& target) {
      const auto parsed = parse_bool(value(key));
      if (!parsed) field_problem(key, codes::invalid_flag, {{"field", key}, {"value", trim_blanks(value(key))}});
      target = parsed.value_or(false);
    };
    flag("nil_exports", report.nil_exports);
    flag("nil_imports", report.nil_imports);
    flag("withheld_all", report.withheld_all);
    // Empty: the report-wide default; for a table, the report's own choice (the common case).
    const auto visibility = [&](const std::string& key) -> std::optional<reports::Visibility> {
      const auto text = lower_ascii(trim_blanks(value(key)));
      if (text.empty()) return std::nullopt;
      const auto parsed = reports::visibility_from_string(text);
      if (!parsed) field_problem(key, codes::invalid_visibility, {{"value", text}});
      return parsed;
    };
    report.visibility = visibility("visibility").value_or(options_.visibility);
    report.exports_visibility = visibility("exports_visibility");
    report.imports_visibility = visibility("imports_visibility");
    report.restriction_reason = value("restriction_reason");
    {
      std::string current;
      const auto take = [&] {
        if (auto code = trim_blanks(current); !code.empty()) report.withheld_categories.push_back(std::move(code));
        current.clear();
      };
      for (const char c : value("withheld_categories")) {
        if (c == ',' || c == ';' || c == '\n')
          take();
        else
          current += c;
      }
      take();
    }
    if (const auto text = lower_ascii(trim_blanks(value("default_basis"))); !text.empty()) {
      report.default_basis = reports::basis_from_string(text);
      if (!report.default_basis)
        field_problem("default_basis", codes::invalid_basis, {{"value", text}});
    }
    report.comments = value("comments");
    report.national_definitions = value("national_definitions");
    report.contact.name = trim_blanks(value("contact_name"));
    report.contact.position = trim_blanks(value("contact_position"));
    report.contact.department = trim_blanks(value("contact_department"));
    report.contact.address = value("contact_address");
    report.contact.email = trim_blanks(value("contact_email"));
    report.contact.telephone = trim_blanks(value("contact_telephone"));
    return ok;
  }

  void read_lines(const io::XlsxSheet& sheet, reports::Direction direction, reports::AnnualReport& report) {
    const auto& wanted = workbook::line_columns();
    auto& positions = columns_[direction];  // column id -> sheet column (1-based)
    // The row of column ids: where it was written, or wherever it was moved among the first rows.
    std::size_t id_row = 0;
    for (const auto& [row, cells] : sheet.rows) {
      if (row > 10) break;
      std::size_t hits = 0;
      for (const auto& [column, text] : cells)
        if (std::find(wanted.begin(), wanted.end(), trim_blanks(text)) != wanted.end()) ++hits;
      if (hits >= 2) {
        id_row = row;
        break;
      }
    }
    if (id_row == 0) {
      problem(workbook::column_id_row, cell_of(sheet.name, workbook::column_id_row, 1),
              codes::workbook_column_ids_deleted,
              {{"row", std::to_string(workbook::column_id_row)}, {"sheet", sheet.name}});
      return;
    }
    for (const auto& [column, raw] : sheet.rows.at(id_row)) {
      const auto id = trim_blanks(raw);
      const auto where = cell_of(sheet.name, id_row, column);
      if (std::find(wanted.begin(), wanted.end(), id) == wanted.end()) {
        problem(id_row, where, codes::unknown_column, {{"value", id}}, Severity::warning);
      } else if (!positions.emplace(id, column).second) {
        problem(id_row, where, codes::duplicate_column, {{"value", id}});
      }
    }
    for (const auto& id : wanted)
      if (!positions.contains(id)) problem(id_row, cell_of(sheet.name, id_row, 1), codes::missing_column, {{"value", id}});

    const auto ref = [&](const std::string& id, std::size_t row) {
      return cell_of(sheet.name, row, column_or_first(positions, id));
    };
    for (auto at = sheet.rows.upper_bound(id_row); at != sheet.rows.end(); ++at) {
      const auto row = at->first;
      const auto raw = [&](const std::string& id) -> std::string {
        const auto found = positions.find(id);
        return found == positions.end() ? std::string() : sheet.cell(row, found->second);
      };
      const auto field = [&](const std::string& id) { return trim_blanks(raw(id)); };
      bool empty = true;
      for (const auto& id : wanted)
        if (!field(id).empty()) empty = false;
      if (empty) continue;
      ++batch_.rows;
      reports::ReportLine line;
      line.direction = direction;
      line.source_row = row;
      line.category = field("category");
      line.partner_state = state_code(field("partner_state"));
      if (const auto items = field("items"); !items.empty()) {
        std::int64_t value = 0;
        const auto [end, error] = std::from_chars(items.data(), items.data() + items.size(), value);
        if (error != std::errc{} || end != items.data() + items.size())
          problem(row, ref("items", row), codes::invalid_items, {{"value", items}});
        else
          line.items = value;
      }
      line.value = field("value");
      line.currency = field("currency");
      std::transform(line.currency.begin(), line.currency.end(), line.currency.begin(),
                     [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
      if (const auto basis = lower_ascii(field("basis")); !basis.empty()) {
        line.basis = reports::basis_from_string(basis);
        if (!line.basis) problem(row, ref("basis", row), codes::invalid_basis, {{"value", basis}});
      }
      line.description = raw("description");
      line.comments = raw("comments");
      line.state_of_origin = state_code(field("state_of_origin"));
      line.intermediate_location = field("intermediate_location");
      report.lines.push_back(std::move(line));
    }
  }

  [[nodiscard]] std::string finding_cell(const Problem& finding) const {
    if (finding.line == 0) return report_cell(report_field_of(finding));
    const auto direction = finding.section == "imports" ? reports::Direction::imports : reports::Direction::exports;
    return cell_of(workbook::lines_sheet(direction), finding.line,
                   column_or_first(columns_.at(direction), finding.column));
  }

  void finish(reports::AnnualReport report) {
    const auto* report_template = templates_.for_year("annual", report.year);
    if (!report_template) {
      field_problem("year", codes::no_template, {{"year", std::to_string(report.year)}});
      return;
    }
    report.template_id = report_template->id;
    for (auto& finding : reports::validate(report, *report_template, register_, {options_.as_of, reports::Stage::draft})
                             .findings) {
      // Located by the sheet's row and the cell, like the problems found reading the workbook.
      auto cell = finding_cell(finding);
      if (!finding.line) finding.line = report_row(report_field_of(finding));
      finding.column = std::move(cell);
      add(std::move(finding));
    }
    batch_.reports.push_back(std::move(report));
  }

  const StatesRegister& register_;
  const reports::TemplateLibrary& templates_;
  const ImportOptions& options_;
  ImportBatch batch_;
  std::map<std::string, std::size_t> report_rows_;  // field id -> row of the Report sheet
  std::map<reports::Direction, std::map<std::string, std::size_t>> columns_;
  StateCodes state_codes_{register_};
};

}  // namespace

ImportBatch read_report_workbook(std::string_view bytes, const StatesRegister& states,
                                 const reports::TemplateLibrary& templates, const ImportOptions& options) {
  return WorkbookImporter(states, templates, options).run(bytes);
}

}  // namespace att::reporting
