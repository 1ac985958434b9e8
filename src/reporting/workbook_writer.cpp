// Writing the report workbook with libxlsxwriter: its words in the chosen language, drop-down
// lists where a value is a code, and every cell the reader goes by where the layout puts it.
#include <algorithm>
#include <stdexcept>

#include "io/xlsx_reader.hpp"
#include "reporting/report_workbook.hpp"
#include "reporting/workbook_layout.hpp"
#include "reporting/xlsx_output.hpp"

namespace att::reporting {

namespace {

std::string pick(const LabelsByLanguage& labels, Language language) {
  if (const auto found = labels.find(language); found != labels.end() && !found->second.empty()) return found->second;
  if (const auto english = labels.find(Language::en); english != labels.end()) return english->second;
  return {};
}

std::string text_in(Language language, const char* en, const char* fr, const char* es) {
  return language == Language::fr ? fr : language == Language::es ? es : en;
}

std::string bool_text(bool value) { return value ? "true" : "false"; }

// libxlsxwriter counts rows and columns from 0, the layout from 1.
constexpr std::size_t zero_based(std::size_t one_based) { return one_based - 1; }

// The Lists sheet (0-based columns): each list has its codes under a header in row 1, and the
// codes' labels, when they have any, in the next column. Drop-downs elsewhere point at the codes.
constexpr std::size_t category_list = 0;
constexpr std::size_t state_list = 3;
constexpr std::size_t basis_list = 6;
constexpr std::size_t boolean_list = 9;
constexpr std::size_t visibility_list = 11;
constexpr std::size_t two_codes = 2;  // the basis, boolean and visibility lists

// The range of a list's codes, as a drop-down's source.
std::string list_range(std::size_t column, std::size_t count) {
  const auto letters = io::column_letters(column + 1);
  return "=" + std::string(workbook::lists_sheet) + "!$" + letters + "$2:$" + letters + "$" +
         std::to_string(std::max<std::size_t>(count, 1) + 1);
}

class Writer {
 public:
  Writer(const reports::AnnualReport& report, const reports::ReportTemplate& tmpl, const StatesRegister& states,
         Language language, const WorkbookLabels& labels)
      : report_(report), template_(tmpl), states_(states), language_(language), labels_(labels) {}

  std::string run() {
    return write_xlsx([this](lxw_workbook* workbook) {
      workbook_ = workbook;
      formats();
      // Sheet order: what the person reads first, then what they fill in.
      auto* instructions = add_sheet(workbook::instructions_sheet);
      auto* report_sheet = add_sheet(workbook::report_sheet);
      auto* exports = add_sheet(workbook::exports_sheet);
      auto* imports = add_sheet(workbook::imports_sheet);
      auto* lists = add_sheet(workbook::lists_sheet);
      write_lists(lists);
      write_instructions(instructions);
      write_report(report_sheet);
      write_lines(exports, reports::Direction::exports);
      write_lines(imports, reports::Direction::imports);
      worksheet_activate(instructions);
    });
  }

 private:
  lxw_worksheet* add_sheet(const char* name) {
    auto* sheet = workbook_add_worksheet(workbook_, name);
    if (!sheet) throw std::runtime_error(std::string("cannot add the sheet ") + name);
    return sheet;
  }

  void formats() {
    bold_ = workbook_add_format(workbook_);
    format_set_bold(bold_);
    format_set_text_wrap(bold_);
    format_set_align(bold_, LXW_ALIGN_VERTICAL_TOP);
    title_ = workbook_add_format(workbook_);
    format_set_bold(title_);
    format_set_font_size(title_, 14);
    wrap_ = workbook_add_format(workbook_);
    format_set_text_wrap(wrap_);
    format_set_align(wrap_, LXW_ALIGN_VERTICAL_TOP);
    // Text cells: what is typed stays as typed (no 1250000.50 -> 1250000.5, no dates).
    text_ = workbook_add_format(workbook_);
    format_set_num_format(text_, "@");
    format_set_align(text_, LXW_ALIGN_VERTICAL_TOP);
    text_wrap_ = workbook_add_format(workbook_);
    format_set_num_format(text_wrap_, "@");
    format_set_text_wrap(text_wrap_);
    format_set_align(text_wrap_, LXW_ALIGN_VERTICAL_TOP);
    ids_ = workbook_add_format(workbook_);
    format_set_font_color(ids_, LXW_COLOR_GRAY);
    format_set_font_size(ids_, 8);
  }

  void put(lxw_worksheet* sheet, std::size_t row, std::size_t column, const std::string& text,
           lxw_format* format = nullptr) {
    put_text(sheet, row, column, text, format);
  }

  void put_number(lxw_worksheet* sheet, std::size_t row, std::size_t column, double value) {
    check_xlsx(worksheet_write_number(sheet, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(column), value, nullptr),
          "cell " + io::cell_reference(row + 1, column + 1));
  }

  // A drop-down list from a range of the Lists sheet.
  void list_validation(lxw_worksheet* sheet, std::size_t first_row, std::size_t column, std::size_t last_row,
                       std::string formula, bool strict, const std::string& message) {
    lxw_data_validation validation{};
    validation.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
    validation.value_formula = formula.data();
    validation.error_type = strict ? LXW_VALIDATION_ERROR_TYPE_STOP : LXW_VALIDATION_ERROR_TYPE_WARNING;
    // Excel limits the message to 255 characters.
    std::string error_message = message.substr(0, 250);
    validation.error_message = error_message.data();
    check_xlsx(
        worksheet_data_validation_range(sheet, static_cast<lxw_row_t>(first_row), static_cast<lxw_col_t>(column),
                                        static_cast<lxw_row_t>(last_row), static_cast<lxw_col_t>(column), &validation),
        "data validation");
  }

  [[nodiscard]] std::vector<std::string> category_codes() const {
    std::vector<std::string> codes;
    for (const auto& [code, canonical] : template_.category_to_canonical) codes.push_back(code);
    return codes;
  }

  [[nodiscard]] std::string category_label(const std::string& code) const {
    if (const auto found = labels_.categories.find(code); found != labels_.categories.end())
      return pick(found->second, language_);
    if (const auto canonical = template_.canonical_category(code)) {
      if (const auto found = labels_.categories.find(*canonical); found != labels_.categories.end())
        return pick(found->second, language_);
    }
    return code;
  }

  [[nodiscard]] std::vector<const StateRecord*> states_sorted() const {
    std::vector<const StateRecord*> sorted;
    for (const auto& state : states_.states()) sorted.push_back(&state);
    std::sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) { return a->iso3 < b->iso3; });
    return sorted;
  }

  [[nodiscard]] std::string state_code_message() const {
    return text_in(language_, "An ISO3 code from the sheet Lists.", "Un code ISO3 de la feuille Lists.",
                   "Un código ISO3 de la hoja Lists.");
  }

  void write_lists(lxw_worksheet* sheet) {
    const auto l = language_;
    put(sheet, 0, category_list, "category", bold_);
    put(sheet, 0, category_list + 1, text_in(l, "Category", "Catégorie", "Categoría"), bold_);
    put(sheet, 0, state_list, "state", bold_);
    put(sheet, 0, state_list + 1, text_in(l, "State", "État", "Estado"), bold_);
    put(sheet, 0, basis_list, "basis", bold_);
    put(sheet, 0, basis_list + 1, text_in(l, "Authorized or actual", "Autorisée ou effectuée", "Autorizada o efectiva"),
        bold_);
    put(sheet, 0, boolean_list, "boolean", bold_);
    put(sheet, 0, visibility_list, "visibility", bold_);
    const auto codes = category_codes();
    for (std::size_t i = 0; i < codes.size(); ++i) {
      put(sheet, i + 1, category_list, codes[i], text_);
      put(sheet, i + 1, category_list + 1, category_label(codes[i]));
    }
    category_count_ = codes.size();
    const auto states = states_sorted();
    for (std::size_t i = 0; i < states.size(); ++i) {
      put(sheet, i + 1, state_list, states[i]->iso3);
      put(sheet, i + 1, state_list + 1, states[i]->name(language_));
    }
    state_count_ = states.size();
    put(sheet, 1, basis_list, "authorized");
    put(sheet, 1, basis_list + 1, text_in(l, "Authorized", "Autorisée", "Autorizada"));
    put(sheet, 2, basis_list, "actual");
    put(sheet, 2, basis_list + 1, text_in(l, "Actual", "Effectuée", "Efectiva"));
    put(sheet, 1, boolean_list, "true");
    put(sheet, 2, boolean_list, "false");
    put(sheet, 1, visibility_list, "public");
    put(sheet, 2, visibility_list, "restricted");
    check_xlsx(worksheet_set_column(sheet, category_list, category_list, 14, nullptr), "widths");
    check_xlsx(worksheet_set_column(sheet, category_list + 1, category_list + 1, 60, nullptr), "widths");
    check_xlsx(worksheet_set_column(sheet, state_list + 1, state_list + 1, 40, nullptr), "widths");
    check_xlsx(worksheet_set_column(sheet, basis_list + 1, basis_list + 1, 24, nullptr), "widths");
    worksheet_freeze_panes(sheet, 1, 0);
  }

  void write_instructions(lxw_worksheet* sheet) {
    const auto l = language_;
    const auto* state = states_.find_by_code(report_.reporting_state);
    const auto state_name = state ? state->name(language_) : report_.reporting_state;
    const auto year = report_.year ? std::to_string(report_.year) : std::string("-");
    const auto title = template_.title.contains(l) ? template_.title.at(l) : pick(template_.title, l);
    std::vector<std::string> lines = {
        title,
        text_in(l, "Reporting State: ", "État présentant le rapport : ", "Estado que presenta el informe: ") +
            state_name + " (" + report_.reporting_state + ")",
        text_in(l, "Calendar year covered: ", "Année civile couverte : ", "Año civil: ") + year,
        "",
        text_in(l,
                "1. On the sheet Report, check the State and the year and fill in column B: contact point, nil report "
                "flags, availability of the report, comments.",
                "1. Sur la feuille Report, vérifiez l'État et l'année puis remplissez la colonne B : point de contact, "
                "rapport néant, disponibilité du rapport, observations.",
                "1. En la hoja Report, compruebe el Estado y el año y complete la columna B: punto de contacto, "
                "informe nulo, disponibilidad del informe, observaciones."),
        text_in(l,
                "2. On the sheets Exports and Imports, one row per transfer from row 3: the category (a code from the "
                "list), the partner State (ISO3 code, from the list), the number of items and/or the value with its "
                "currency (ISO 4217, e.g. EUR), authorized or actual, and a description.",
                "2. Sur les feuilles Exports et Imports, une ligne par transfert à partir de la ligne 3 : la catégorie "
                "(un code de la liste), l'État partenaire (code ISO3, de la liste), le nombre d'articles et/ou la "
                "valeur avec sa monnaie (ISO 4217, p. ex. EUR), autorisée ou effectuée, et une description.",
                "2. En las hojas Exports e Imports, una fila por transferencia a partir de la fila 3: la categoría (un "
                "código de la lista), el Estado asociado (código ISO3, de la lista), el número de artículos y/o el "
                "valor con su moneda (ISO 4217, p. ej. EUR), autorizada o efectiva, y una descripción."),
        text_in(l, "3. Lines already present were copied from an earlier report: correct or delete them.",
                "3. Les lignes déjà présentes proviennent d'un rapport précédent : corrigez-les ou supprimez-les.",
                "3. Las filas ya presentes provienen de un informe anterior: corríjalas o elimínelas."),
        text_in(l,
                "4. Do not rename the sheets, do not change column A of the sheet Report and do not delete the hidden "
                "row 2 of Exports and Imports: they let the platform read the file in any language.",
                "4. Ne renommez pas les feuilles, ne modifiez pas la colonne A de la feuille Report et ne supprimez "
                "pas la ligne masquée 2 des feuilles Exports et Imports : elles permettent à la plateforme de lire le "
                "fichier quelle que soit la langue.",
                "4. No cambie el nombre de las hojas ni la columna A de la hoja Report, y no elimine la fila oculta 2 "
                "de Exports e Imports: permiten a la plataforma leer el archivo en cualquier idioma."),
        text_in(l, "5. The sheet Lists shows the category codes and the State codes with their names.",
                "5. La feuille Lists donne les codes des catégories et des États avec leur nom.",
                "5. La hoja Lists muestra los códigos de las categorías y de los Estados con su nombre."),
        text_in(l,
                "6. Save the file as an Excel workbook (.xlsx) and upload it on the platform, on the page of your "
                "annual report (Upload a workbook). Every problem found is listed with its sheet and cell; nothing is "
                "recorded until the file has no error.",
                "6. Enregistrez le fichier au format classeur Excel (.xlsx) et téléversez-le sur la plateforme, à la "
                "page de votre rapport annuel (Téléverser un classeur). Chaque problème est signalé avec sa feuille et "
                "sa cellule ; rien n'est enregistré tant que le fichier contient une erreur.",
                "6. Guarde el archivo como libro de Excel (.xlsx) y cárguelo en la plataforma, en la página de su "
                "informe anual (Cargar un libro). Cada problema se indica con su hoja y su celda; no se registra nada "
                "mientras el archivo contenga errores."),
    };
    put(sheet, 0, 0, lines[0], title_);
    for (std::size_t i = 1; i < lines.size(); ++i) put(sheet, i, 0, lines[i], wrap_);
    check_xlsx(worksheet_set_column(sheet, 0, 0, 120, nullptr), "widths");
  }

  void write_report(lxw_worksheet* sheet) {
    const auto l = language_;
    constexpr auto id_column = zero_based(workbook::report_id_column);
    constexpr auto value_column = zero_based(workbook::report_value_column);
    constexpr auto label_column = zero_based(workbook::report_label_column);
    put(sheet, 0, id_column, workbook::report_header_key, bold_);
    put(sheet, 0, value_column, text_in(l, "Value", "Valeur", "Valor"), bold_);
    put(sheet, 0, label_column, text_in(l, "Field", "Champ", "Campo"), bold_);
    const auto& r = report_;
    std::string withheld;
    for (const auto& code : r.withheld_categories) withheld += (withheld.empty() ? "" : ",") + code;
    const std::map<std::string, std::string> values = {
        {"reporting_state", r.reporting_state},
        {"nil_exports", bool_text(r.nil_exports)},
        {"nil_imports", bool_text(r.nil_imports)},
        {"visibility", std::string(reports::to_string(r.visibility))},
        {"exports_visibility", r.exports_visibility ? std::string(reports::to_string(*r.exports_visibility)) : ""},
        {"imports_visibility", r.imports_visibility ? std::string(reports::to_string(*r.imports_visibility)) : ""},
        {"restriction_reason", r.restriction_reason},
        {"withheld_all", bool_text(r.withheld_all)},
        {"withheld_categories", withheld},
        {"default_basis", r.default_basis ? std::string(reports::to_string(*r.default_basis)) : ""},
        {"comments", r.comments},
        {"contact_name", r.contact.name},
        {"contact_position", r.contact.position},
        {"contact_department", r.contact.department},
        {"contact_address", r.contact.address},
        {"contact_email", r.contact.email},
        {"contact_telephone", r.contact.telephone},
        {"national_definitions", r.national_definitions},
    };
    const auto& fields = workbook::report_fields();
    for (std::size_t i = 0; i < fields.size(); ++i) {
      const auto row = i + 1;
      const std::string id = fields[i].id;
      put(sheet, row, id_column, id, ids_);
      if (id == "year") {
        if (r.year) put_number(sheet, row, value_column, r.year);
      } else {
        put(sheet, row, value_column, values.at(id), text_wrap_);
      }
      put(sheet, row, label_column, pick(fields[i].labels, language_), wrap_);
      const auto drop_down = [&](std::size_t list, std::size_t count, bool strict, const std::string& message) {
        list_validation(sheet, row, value_column, row, list_range(list, count), strict, message);
      };
      if (id == "reporting_state") drop_down(state_list, state_count_, false, state_code_message());
      if (id == "nil_exports" || id == "nil_imports" || id == "withheld_all")
        drop_down(boolean_list, two_codes, true, "true / false");
      if (id == "visibility" || id == "exports_visibility" || id == "imports_visibility")
        drop_down(visibility_list, two_codes, true, "public / restricted");
      if (id == "default_basis") drop_down(basis_list, two_codes, true, "authorized / actual");
    }
    check_xlsx(worksheet_set_column(sheet, id_column, id_column, 22, ids_), "widths");
    check_xlsx(worksheet_set_column(sheet, value_column, value_column, 50, text_wrap_), "widths");
    check_xlsx(worksheet_set_column(sheet, label_column, label_column, 80, wrap_), "widths");
    worksheet_freeze_panes(sheet, 1, 0);
  }

  [[nodiscard]] std::string column_label(const std::string& id, reports::Direction direction) const {
    const auto& specific = direction == reports::Direction::exports ? labels_.exports_columns : labels_.imports_columns;
    if (const auto found = specific.find(id); found != specific.end()) return pick(found->second, language_);
    if (const auto found = labels_.columns.find(id); found != labels_.columns.end())
      return pick(found->second, language_);
    return id;
  }

  void write_lines(lxw_worksheet* sheet, reports::Direction direction) {
    const auto& columns = workbook::line_columns();
    constexpr auto label_row = zero_based(workbook::column_label_row);
    constexpr auto id_row = zero_based(workbook::column_id_row);
    constexpr auto first = zero_based(workbook::first_line_row);
    for (std::size_t c = 0; c < columns.size(); ++c) {
      put(sheet, label_row, c, column_label(columns[c], direction), bold_);
      put(sheet, id_row, c, columns[c], ids_);
    }
    lxw_row_col_options hidden{};
    hidden.hidden = LXW_TRUE;
    check_xlsx(worksheet_set_row_opt(sheet, id_row, LXW_DEF_ROW_HEIGHT, ids_, &hidden), "hidden row");
    std::size_t row = first;
    for (const auto& line : report_.lines) {
      if (line.direction != direction) continue;
      put(sheet, row, 0, line.category, text_);
      put(sheet, row, 1, line.partner_state, text_);
      if (line.items) put_number(sheet, row, 2, static_cast<double>(*line.items));
      put(sheet, row, 3, line.value, text_);
      put(sheet, row, 4, line.currency, text_);
      if (line.basis) put(sheet, row, 5, std::string(reports::to_string(*line.basis)), text_);
      put(sheet, row, 6, line.description, text_wrap_);
      put(sheet, row, 7, line.comments, text_wrap_);
      put(sheet, row, 8, line.state_of_origin, text_);
      put(sheet, row, 9, line.intermediate_location, text_wrap_);
      ++row;
    }
    // Drop-downs and checks for the lines written and plenty of room for new ones.
    const auto last = std::max<std::size_t>(row + 1000, 2000);
    const auto l = language_;
    list_validation(
        sheet, first, 0, last, list_range(category_list, category_count_), !template_.allows_national_categories,
        template_.allows_national_categories
            ? text_in(l, "A category code from the sheet Lists, or NAT:<name> for a national category.",
                      "Un code de catégorie de la feuille Lists, ou NAT:<nom> pour une catégorie nationale.",
                      "Un código de categoría de la hoja Lists, o NAT:<nombre> para una categoría nacional.")
            : text_in(l, "A category code from the sheet Lists.", "Un code de catégorie de la feuille Lists.",
                      "Un código de categoría de la hoja Lists."));
    list_validation(sheet, first, 1, last, list_range(state_list, state_count_), false, state_code_message());
    list_validation(sheet, first, 8, last, list_range(state_list, state_count_), false, state_code_message());
    list_validation(sheet, first, 5, last, list_range(basis_list, two_codes), true, "authorized / actual");
    lxw_data_validation items{};
    items.validate = LXW_VALIDATION_TYPE_INTEGER;
    items.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
    items.value_number = 0;
    std::string items_message =
        text_in(l, "A whole number, 0 or more.", "Un nombre entier, 0 ou plus.", "Un número entero, 0 o más.");
    items.error_message = items_message.data();
    check_xlsx(worksheet_data_validation_range(sheet, static_cast<lxw_row_t>(first), 2, static_cast<lxw_row_t>(last), 2,
                                          &items),
          "data validation");
    const double widths[] = {14, 16, 10, 16, 10, 12, 40, 40, 16, 24};
    for (std::size_t c = 0; c < columns.size(); ++c) {
      auto* format = c == 2 ? nullptr : (c == 6 || c == 7 || c == 9) ? text_wrap_ : text_;
      check_xlsx(worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c], format),
            "widths");
    }
    worksheet_freeze_panes(sheet, first, 0);
  }

  const reports::AnnualReport& report_;
  const reports::ReportTemplate& template_;
  const StatesRegister& states_;
  Language language_;
  const WorkbookLabels& labels_;
  lxw_workbook* workbook_ = nullptr;
  lxw_format* bold_ = nullptr;
  lxw_format* title_ = nullptr;
  lxw_format* wrap_ = nullptr;
  lxw_format* text_ = nullptr;
  lxw_format* text_wrap_ = nullptr;
  lxw_format* ids_ = nullptr;
  std::size_t category_count_ = 0;
  std::size_t state_count_ = 0;
};

}  // namespace

std::string write_report_workbook(const reports::AnnualReport& report, const reports::ReportTemplate& tmpl,
                                  const StatesRegister& states, Language language, const WorkbookLabels& labels) {
  return Writer(report, tmpl, states, language, labels).run();
}

}  // namespace att::reporting
