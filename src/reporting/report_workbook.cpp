#include "reporting/report_workbook.hpp"

#include <stdlib.h>  // mkdtemp
#include <xlsxwriter.h>

#include <algorithm>
#include <charconv>
#include <optional>
#include <set>
#include <stdexcept>
#include <system_error>

#include <nlohmann/json.hpp>

#include "io/file.hpp"
#include "io/xlsx_reader.hpp"
#include "reporting/state_codes.hpp"

namespace att::reporting {

namespace {

using reports::Severity;

// The columns of the Exports and Imports sheets, in order (the canonical CSV's line columns).
const std::vector<std::string>& line_columns() {
  static const std::vector<std::string> columns = {"category", "partner_state", "items",    "value",
                                                   "currency", "basis",         "description", "comments",
                                                   "state_of_origin", "intermediate_location"};
  return columns;
}

constexpr std::size_t first_line_row = 3;  // 1-based: row 1 labels, row 2 column ids

std::string pick(const LabelsByLanguage& labels, Language language) {
  if (const auto found = labels.find(language); found != labels.end() && !found->second.empty()) return found->second;
  if (const auto english = labels.find(Language::en); english != labels.end()) return english->second;
  return {};
}

std::string text_in(Language language, const char* en, const char* fr, const char* es) {
  return language == Language::fr ? fr : language == Language::es ? es : en;
}

struct ReportField {
  const char* id;
  LabelsByLanguage labels;
};

// The rows of the Report sheet: key ids in column A, values in B, labels in C.
const std::vector<ReportField>& report_fields() {
  using L = Language;
  static const std::vector<ReportField> fields = {
      {"reporting_state", {{L::en, "Reporting State (ISO3 code)"}, {L::fr, "État présentant le rapport (code ISO3)"}, {L::es, "Estado que presenta el informe (código ISO3)"}}},
      {"year", {{L::en, "Calendar year covered by the report"}, {L::fr, "Année civile sur laquelle porte le rapport"}, {L::es, "Año civil que abarca el informe"}}},
      {"nil_exports", {{L::en, "Nil report: no exports during the calendar year (true/false)"}, {L::fr, "Rapport néant : aucune exportation pendant l'année civile (true/false)"}, {L::es, "Informe nulo: ninguna exportación durante el año civil (true/false)"}}},
      {"nil_imports", {{L::en, "Nil report: no imports during the calendar year (true/false)"}, {L::fr, "Rapport néant : aucune importation pendant l'année civile (true/false)"}, {L::es, "Informe nulo: ninguna importación durante el año civil (true/false)"}}},
      {"visibility", {{L::en, "Availability of the report (public/restricted)"}, {L::fr, "Disponibilité du rapport (public/restricted)"}, {L::es, "Disponibilidad del informe (public/restricted)"}}},
      {"restriction_reason", {{L::en, "Reason for restricting the report (optional)"}, {L::fr, "Motif de la restriction du rapport (facultatif)"}, {L::es, "Motivo de la restricción del informe (opcional)"}}},
      {"withheld_all", {{L::en, "Article 13(3): commercially sensitive or national security information withheld (true/false)"}, {L::fr, "Article 13(3) : informations commercialement sensibles ou relevant de la sécurité nationale non communiquées (true/false)"}, {L::es, "Artículo 13(3): información comercialmente sensible o de seguridad nacional no facilitada (true/false)"}}},
      {"withheld_categories", {{L::en, "Categories for which information was withheld (codes separated by commas)"}, {L::fr, "Catégories pour lesquelles des informations n'ont pas été communiquées (codes séparés par des virgules)"}, {L::es, "Categorías para las que no se facilitó información (códigos separados por comas)"}}},
      {"default_basis", {{L::en, "Basis of reporting, default for every line (authorized/actual)"}, {L::fr, "Base du rapport, par défaut pour chaque ligne (authorized/actual)"}, {L::es, "Base del informe, por defecto para cada línea (authorized/actual)"}}},
      {"comments", {{L::en, "General comments"}, {L::fr, "Observations générales"}, {L::es, "Observaciones generales"}}},
      {"contact_name", {{L::en, "National point of contact: name"}, {L::fr, "Point de contact national : nom"}, {L::es, "Punto de contacto nacional: nombre"}}},
      {"contact_position", {{L::en, "National point of contact: position"}, {L::fr, "Point de contact national : fonction"}, {L::es, "Punto de contacto nacional: cargo"}}},
      {"contact_department", {{L::en, "National point of contact: ministry or department"}, {L::fr, "Point de contact national : ministère ou service"}, {L::es, "Punto de contacto nacional: ministerio o departamento"}}},
      {"contact_address", {{L::en, "National point of contact: address"}, {L::fr, "Point de contact national : adresse"}, {L::es, "Punto de contacto nacional: dirección"}}},
      {"contact_email", {{L::en, "National point of contact: e-mail"}, {L::fr, "Point de contact national : courriel"}, {L::es, "Punto de contacto nacional: correo electrónico"}}},
      {"contact_telephone", {{L::en, "National point of contact: telephone"}, {L::fr, "Point de contact national : téléphone"}, {L::es, "Punto de contacto nacional: teléfono"}}},
  };
  return fields;
}

std::string bool_text(bool value) { return value ? "true" : "false"; }

// ---------------------------------------------------------------------------------------------
// Writing

// Text that happens to look like an OOXML escape (_x0041_) would be read back as the character
// it names; Excel writes such text with its underscore escaped (_x005F_x0041_), and so do we.
std::string escape_literal_escapes(const std::string& text) {
  if (text.find("_x") == std::string::npos) return text;
  const auto hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '_' && i + 6 < text.size() && text[i + 1] == 'x' && hex(text[i + 2]) && hex(text[i + 3]) &&
        hex(text[i + 4]) && hex(text[i + 5]) && text[i + 6] == '_')
      out += "_x005F";
    out += text[i];
  }
  return out;
}

class TempDir {
 public:
  TempDir() {
    auto pattern = (std::filesystem::temp_directory_path() / "att-xlsx-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot create a temporary folder for the workbook");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

void check(lxw_error error, const std::string& what) {
  if (error != LXW_NO_ERROR) throw std::runtime_error("cannot write the workbook (" + what + "): " + lxw_strerror(error));
}

class Writer {
 public:
  Writer(const reports::AnnualReport& report, const reports::ReportTemplate& tmpl, const StatesRegister& states,
         Language language, const WorkbookLabels& labels)
      : report_(report), template_(tmpl), states_(states), language_(language), labels_(labels) {}

  std::string run() {
    TempDir dir;
    const auto file = (dir.path() / "report.xlsx").string();
    std::string tmpdir = dir.path().string();
    lxw_workbook_options options{};
    options.constant_memory = LXW_FALSE;
    options.tmpdir = tmpdir.data();
    options.use_zip64 = LXW_FALSE;
    workbook_ = workbook_new_opt(file.c_str(), &options);
    if (!workbook_) throw std::runtime_error("cannot create the workbook");
    try {
      formats();
      // Sheet order: what the person reads first, then what they fill in.
      auto* instructions = add_sheet("Instructions");
      auto* report_sheet = add_sheet("Report");
      auto* exports = add_sheet("Exports");
      auto* imports = add_sheet("Imports");
      auto* lists = add_sheet("Lists");
      write_lists(lists);
      write_instructions(instructions);
      write_report(report_sheet);
      write_lines(exports, reports::Direction::exports);
      write_lines(imports, reports::Direction::imports);
      worksheet_activate(instructions);
    } catch (...) {
      workbook_close(workbook_);
      throw;
    }
    check(workbook_close(workbook_), "saving");
    auto bytes = io::read_file(file);
    if (!bytes) throw std::runtime_error("cannot read the workbook back: " + bytes.error());
    return std::move(*bytes);
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

  void put(lxw_worksheet* sheet, std::size_t row, std::size_t column, const std::string& text, lxw_format* format = nullptr) {
    if (text.empty()) return;
    const auto escaped = escape_literal_escapes(text);
    check(worksheet_write_string(sheet, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(column), escaped.c_str(), format),
          "cell " + io::cell_reference(row + 1, column + 1));
  }

  void put_number(lxw_worksheet* sheet, std::size_t row, std::size_t column, double value) {
    check(worksheet_write_number(sheet, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(column), value, nullptr),
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
    check(worksheet_data_validation_range(sheet, static_cast<lxw_row_t>(first_row), static_cast<lxw_col_t>(column),
                                          static_cast<lxw_row_t>(last_row), static_cast<lxw_col_t>(column), &validation),
          "data validation");
  }

  [[nodiscard]] std::vector<std::string> category_codes() const {
    std::vector<std::string> codes;
    for (const auto& [code, canonical] : template_.category_to_canonical) codes.push_back(code);
    return codes;
  }

  [[nodiscard]] std::string category_label(const std::string& code) const {
    if (const auto found = labels_.categories.find(code); found != labels_.categories.end()) return pick(found->second, language_);
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

  static std::string range(const char* column, std::size_t count) {
    return std::string("=Lists!$") + column + "$2:$" + column + "$" + std::to_string(std::max<std::size_t>(count, 1) + 1);
  }

  void write_lists(lxw_worksheet* sheet) {
    const auto l = language_;
    put(sheet, 0, 0, "category", bold_);
    put(sheet, 0, 1, text_in(l, "Category", "Catégorie", "Categoría"), bold_);
    put(sheet, 0, 3, "state", bold_);
    put(sheet, 0, 4, text_in(l, "State", "État", "Estado"), bold_);
    put(sheet, 0, 6, "basis", bold_);
    put(sheet, 0, 7, text_in(l, "Authorized or actual", "Autorisée ou effectuée", "Autorizada o efectiva"), bold_);
    put(sheet, 0, 9, "boolean", bold_);
    put(sheet, 0, 11, "visibility", bold_);
    const auto codes = category_codes();
    for (std::size_t i = 0; i < codes.size(); ++i) {
      put(sheet, i + 1, 0, codes[i], text_);
      put(sheet, i + 1, 1, category_label(codes[i]));
    }
    category_count_ = codes.size();
    const auto states = states_sorted();
    for (std::size_t i = 0; i < states.size(); ++i) {
      put(sheet, i + 1, 3, states[i]->iso3);
      put(sheet, i + 1, 4, states[i]->name(language_));
    }
    state_count_ = states.size();
    put(sheet, 1, 6, "authorized");
    put(sheet, 1, 7, text_in(l, "Authorized", "Autorisée", "Autorizada"));
    put(sheet, 2, 6, "actual");
    put(sheet, 2, 7, text_in(l, "Actual", "Effectuée", "Efectiva"));
    put(sheet, 1, 9, "true");
    put(sheet, 2, 9, "false");
    put(sheet, 1, 11, "public");
    put(sheet, 2, 11, "restricted");
    check(worksheet_set_column(sheet, 0, 0, 14, nullptr), "widths");
    check(worksheet_set_column(sheet, 1, 1, 60, nullptr), "widths");
    check(worksheet_set_column(sheet, 4, 4, 40, nullptr), "widths");
    check(worksheet_set_column(sheet, 7, 7, 24, nullptr), "widths");
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
        text_in(l, "Reporting State: ", "État présentant le rapport : ", "Estado que presenta el informe: ") + state_name +
            " (" + report_.reporting_state + ")",
        text_in(l, "Calendar year covered: ", "Année civile couverte : ", "Año civil: ") + year,
        "",
        text_in(l, "1. On the sheet Report, check the State and the year and fill in column B: contact point, nil report flags, availability of the report, comments.",
                "1. Sur la feuille Report, vérifiez l'État et l'année puis remplissez la colonne B : point de contact, rapport néant, disponibilité du rapport, observations.",
                "1. En la hoja Report, compruebe el Estado y el año y complete la columna B: punto de contacto, informe nulo, disponibilidad del informe, observaciones."),
        text_in(l, "2. On the sheets Exports and Imports, one row per transfer from row 3: the category (a code from the list), the partner State (ISO3 code, from the list), the number of items and/or the value with its currency (ISO 4217, e.g. EUR), authorized or actual, and a description.",
                "2. Sur les feuilles Exports et Imports, une ligne par transfert à partir de la ligne 3 : la catégorie (un code de la liste), l'État partenaire (code ISO3, de la liste), le nombre d'articles et/ou la valeur avec sa monnaie (ISO 4217, p. ex. EUR), autorisée ou effectuée, et une description.",
                "2. En las hojas Exports e Imports, una fila por transferencia a partir de la fila 3: la categoría (un código de la lista), el Estado asociado (código ISO3, de la lista), el número de artículos y/o el valor con su moneda (ISO 4217, p. ej. EUR), autorizada o efectiva, y una descripción."),
        text_in(l, "3. Lines already present were copied from an earlier report: correct or delete them.",
                "3. Les lignes déjà présentes proviennent d'un rapport précédent : corrigez-les ou supprimez-les.",
                "3. Las filas ya presentes provienen de un informe anterior: corríjalas o elimínelas."),
        text_in(l, "4. Do not rename the sheets, do not change column A of the sheet Report and do not delete the hidden row 2 of Exports and Imports: they let the platform read the file in any language.",
                "4. Ne renommez pas les feuilles, ne modifiez pas la colonne A de la feuille Report et ne supprimez pas la ligne masquée 2 des feuilles Exports et Imports : elles permettent à la plateforme de lire le fichier quelle que soit la langue.",
                "4. No cambie el nombre de las hojas ni la columna A de la hoja Report, y no elimine la fila oculta 2 de Exports e Imports: permiten a la plataforma leer el archivo en cualquier idioma."),
        text_in(l, "5. The sheet Lists shows the category codes and the State codes with their names.",
                "5. La feuille Lists donne les codes des catégories et des États avec leur nom.",
                "5. La hoja Lists muestra los códigos de las categorías y de los Estados con su nombre."),
        text_in(l, "6. Save the file as an Excel workbook (.xlsx) and upload it on the platform, on the page of your annual report (Upload a workbook). Every problem found is listed with its sheet and cell; nothing is recorded until the file has no error.",
                "6. Enregistrez le fichier au format classeur Excel (.xlsx) et téléversez-le sur la plateforme, à la page de votre rapport annuel (Téléverser un classeur). Chaque problème est signalé avec sa feuille et sa cellule ; rien n'est enregistré tant que le fichier contient une erreur.",
                "6. Guarde el archivo como libro de Excel (.xlsx) y cárguelo en la plataforma, en la página de su informe anual (Cargar un libro). Cada problema se indica con su hoja y su celda; no se registra nada mientras el archivo contenga errores."),
    };
    put(sheet, 0, 0, lines[0], title_);
    for (std::size_t i = 1; i < lines.size(); ++i) put(sheet, i, 0, lines[i], wrap_);
    check(worksheet_set_column(sheet, 0, 0, 120, nullptr), "widths");
  }

  void write_report(lxw_worksheet* sheet) {
    const auto l = language_;
    put(sheet, 0, 0, "key", bold_);
    put(sheet, 0, 1, text_in(l, "Value", "Valeur", "Valor"), bold_);
    put(sheet, 0, 2, text_in(l, "Field", "Champ", "Campo"), bold_);
    const auto& r = report_;
    std::string withheld;
    for (const auto& code : r.withheld_categories) withheld += (withheld.empty() ? "" : ",") + code;
    const std::map<std::string, std::string> values = {
        {"reporting_state", r.reporting_state},
        {"nil_exports", bool_text(r.nil_exports)},
        {"nil_imports", bool_text(r.nil_imports)},
        {"visibility", std::string(reports::to_string(r.visibility))},
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
    };
    const auto& fields = report_fields();
    for (std::size_t i = 0; i < fields.size(); ++i) {
      const auto row = i + 1;
      const std::string id = fields[i].id;
      put(sheet, row, 0, id, ids_);
      if (id == "year") {
        if (r.year) put_number(sheet, row, 1, r.year);
      } else {
        put(sheet, row, 1, values.at(id), text_wrap_);
      }
      put(sheet, row, 2, pick(fields[i].labels, language_), wrap_);
      if (id == "reporting_state")
        list_validation(sheet, row, 1, row, range("D", state_count_), false,
                        text_in(l, "An ISO3 code from the sheet Lists.", "Un code ISO3 de la feuille Lists.", "Un código ISO3 de la hoja Lists."));
      if (id == "nil_exports" || id == "nil_imports" || id == "withheld_all")
        list_validation(sheet, row, 1, row, "=Lists!$J$2:$J$3", true, "true / false");
      if (id == "visibility") list_validation(sheet, row, 1, row, "=Lists!$L$2:$L$3", true, "public / restricted");
      if (id == "default_basis") list_validation(sheet, row, 1, row, "=Lists!$G$2:$G$3", true, "authorized / actual");
    }
    check(worksheet_set_column(sheet, 0, 0, 22, ids_), "widths");
    check(worksheet_set_column(sheet, 1, 1, 50, text_wrap_), "widths");
    check(worksheet_set_column(sheet, 2, 2, 80, wrap_), "widths");
    worksheet_freeze_panes(sheet, 1, 0);
  }

  [[nodiscard]] std::string column_label(const std::string& id, reports::Direction direction) const {
    const auto& specific = direction == reports::Direction::exports ? labels_.exports_columns : labels_.imports_columns;
    if (const auto found = specific.find(id); found != specific.end()) return pick(found->second, language_);
    if (const auto found = labels_.columns.find(id); found != labels_.columns.end()) return pick(found->second, language_);
    return id;
  }

  void write_lines(lxw_worksheet* sheet, reports::Direction direction) {
    const auto& columns = line_columns();
    for (std::size_t c = 0; c < columns.size(); ++c) {
      put(sheet, 0, c, column_label(columns[c], direction), bold_);
      put(sheet, 1, c, columns[c], ids_);
    }
    lxw_row_col_options hidden{};
    hidden.hidden = LXW_TRUE;
    check(worksheet_set_row_opt(sheet, 1, LXW_DEF_ROW_HEIGHT, ids_, &hidden), "hidden row");
    std::size_t row = first_line_row - 1;  // 0-based
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
    const auto first = first_line_row - 1;
    const auto l = language_;
    list_validation(sheet, first, 0, last, range("A", category_count_), !template_.allows_national_categories,
                    template_.allows_national_categories
                        ? text_in(l, "A category code from the sheet Lists, or NAT:<name> for a national category.",
                                  "Un code de catégorie de la feuille Lists, ou NAT:<nom> pour une catégorie nationale.",
                                  "Un código de categoría de la hoja Lists, o NAT:<nombre> para una categoría nacional.")
                        : text_in(l, "A category code from the sheet Lists.", "Un code de catégorie de la feuille Lists.",
                                  "Un código de categoría de la hoja Lists."));
    const auto state_message = text_in(l, "An ISO3 code from the sheet Lists.", "Un code ISO3 de la feuille Lists.",
                                       "Un código ISO3 de la hoja Lists.");
    list_validation(sheet, first, 1, last, range("D", state_count_), false, state_message);
    list_validation(sheet, first, 8, last, range("D", state_count_), false, state_message);
    list_validation(sheet, first, 5, last, "=Lists!$G$2:$G$3", true, "authorized / actual");
    lxw_data_validation items{};
    items.validate = LXW_VALIDATION_TYPE_INTEGER;
    items.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
    items.value_number = 0;
    std::string items_message = text_in(l, "A whole number, 0 or more.", "Un nombre entier, 0 ou plus.", "Un número entero, 0 o más.");
    items.error_message = items_message.data();
    check(worksheet_data_validation_range(sheet, static_cast<lxw_row_t>(first), 2, static_cast<lxw_row_t>(last), 2, &items),
          "data validation");
    const double widths[] = {14, 16, 10, 16, 10, 12, 40, 40, 16, 24};
    for (std::size_t c = 0; c < columns.size(); ++c) {
      auto* format = c == 2 ? nullptr : (c == 6 || c == 7 || c == 9) ? text_wrap_ : text_;
      check(worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c], format), "widths");
    }
    worksheet_freeze_panes(sheet, 2, 0);
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

// ---------------------------------------------------------------------------------------------
// Reading

std::string trim(std::string_view text) {
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!text.empty() && blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && blank(text.back())) text.remove_suffix(1);
  return std::string(text);
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::optional<bool> parse_bool(const std::string& text) {
  const auto t = lower(trim(text));
  if (t.empty() || t == "false" || t == "no" || t == "non" || t == "0" || t == "faux" || t == "falso") return false;
  if (t == "true" || t == "yes" || t == "oui" || t == "si" || t == "sí" || t == "1" || t == "x" || t == "vrai" ||
      t == "verdadero")
    return true;
  return std::nullopt;
}

class WorkbookImporter {
 public:
  WorkbookImporter(const StatesRegister& states, const reports::TemplateLibrary& templates, const ImportOptions& options)
      : register_(states), templates_(templates), options_(options) {}

  ImportBatch run(std::string_view bytes) {
    auto book = io::read_xlsx(bytes);
    if (!book) {
      problem(0, "", book.error());
      return std::move(batch_);
    }
    const auto* report_sheet = book->sheet("Report");
    const auto* exports = book->sheet("Exports");
    const auto* imports = book->sheet("Imports");
    std::string missing;
    for (const auto& [name, sheet] : {std::pair{"Report", report_sheet}, {"Exports", exports}, {"Imports", imports}})
      if (!sheet) missing += std::string(missing.empty() ? "" : ", ") + name;
    if (!missing.empty()) {
      problem(0, "", "the workbook lacks the sheet(s) " + missing +
                         ": it is not an annual report workbook of this platform (download a fresh one and fill it in)");
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
  void problem(std::size_t row, std::string where, std::string message, Severity severity = Severity::error) {
    if (batch_.problems.size() < options_.max_problems)
      batch_.problems.push_back({severity, row, std::move(where), std::move(message)});
    if (severity == Severity::error) ++batch_.error_count;
  }

  std::string state_code(const std::string& text) { return state_codes_.code_of(text); }

  [[nodiscard]] std::string report_cell(const std::string& key) const {
    const auto found = report_rows_.find(key);
    return found == report_rows_.end() ? std::string("Report") : "Report!" + io::cell_reference(found->second, 2);
  }
  [[nodiscard]] std::size_t report_row(const std::string& key) const {
    const auto found = report_rows_.find(key);
    return found == report_rows_.end() ? 0 : found->second;
  }

  // The header fields; false when the State or the year cannot be read.
  bool read_report(const io::XlsxSheet& sheet, reports::AnnualReport& report) {
    std::map<std::string, std::string> values;
    std::set<std::string> known;
    for (const auto& field : report_fields()) known.insert(field.id);
    for (const auto& [row, cells] : sheet.rows) {
      const auto key = trim(sheet.cell(row, 1));
      if (key.empty() || (row == 1 && key == "key")) continue;
      if (!known.contains(key)) {
        problem(row, "Report!" + io::cell_reference(row, 1), "unknown field '" + key + "' (column A holds the field ids; it was changed)",
                Severity::warning);
        continue;
      }
      if (report_rows_.contains(key)) {
        problem(row, "Report!" + io::cell_reference(row, 1), "the field " + key + " appears twice");
        continue;
      }
      report_rows_[key] = row;
      values[key] = sheet.cell(row, 2);
    }
    const auto value = [&](const std::string& key) { return values.contains(key) ? values.at(key) : std::string(); };
    bool ok = true;

    const auto state_text = trim(value("reporting_state"));
    report.reporting_state = state_code(state_text);
    if (state_text.empty()) {
      problem(report_row("reporting_state"), report_cell("reporting_state"), "the reporting State is missing (an ISO3 code)");
      ok = false;
    } else if (!register_.find_by_code(report.reporting_state)) {
      const auto found = register_.resolve(state_text);
      std::string suggestions;
      if (!found)
        for (const auto* s : found.error().suggestions) suggestions += (suggestions.empty() ? "" : ", ") + s->iso3;
      problem(report_row("reporting_state"), report_cell("reporting_state"),
              "unknown State '" + state_text + "'" + (suggestions.empty() ? "" : " (closest: " + suggestions + ")"));
      ok = false;
    }
    const auto year_text = trim(value("year"));
    int year = 0;
    if (std::from_chars(year_text.data(), year_text.data() + year_text.size(), year).ec != std::errc{} ||
        year_text.size() != 4 || year < 2014 || year > options_.latest_year) {
      problem(report_row("year"), report_cell("year"),
              "'" + year_text + "' is not a reporting year (2014 to " + std::to_string(options_.latest_year) + ")");
      ok = false;
    }
    report.year = year;

    const auto flag = [&](const std::string& key, bool& target) {
      const auto parsed = parse_bool(value(key));
      if (!parsed) problem(report_row(key), report_cell(key), key + " must be true or false, not '" + trim(value(key)) + "'");
      target = parsed.value_or(false);
    };
    flag("nil_exports", report.nil_exports);
    flag("nil_imports", report.nil_imports);
    flag("withheld_all", report.withheld_all);
    report.visibility = options_.visibility;
    if (const auto text = lower(trim(value("visibility"))); !text.empty()) {
      const auto parsed = reports::visibility_from_string(text);
      if (!parsed) problem(report_row("visibility"), report_cell("visibility"), "visibility must be public or restricted, not '" + text + "'");
      report.visibility = parsed.value_or(options_.visibility);
    }
    report.restriction_reason = value("restriction_reason");
    {
      std::string current;
      const auto take = [&] {
        if (auto code = trim(current); !code.empty()) report.withheld_categories.push_back(std::move(code));
        current.clear();
      };
      for (const char c : value("withheld_categories")) {
        if (c == ',' || c == ';' || c == '\n') take();
        else current += c;
      }
      take();
    }
    if (const auto text = lower(trim(value("default_basis"))); !text.empty()) {
      report.default_basis = reports::basis_from_string(text);
      if (!report.default_basis)
        problem(report_row("default_basis"), report_cell("default_basis"), "default_basis must be authorized or actual, not '" + text + "'");
    }
    report.comments = value("comments");
    report.contact.name = trim(value("contact_name"));
    report.contact.position = trim(value("contact_position"));
    report.contact.department = trim(value("contact_department"));
    report.contact.address = value("contact_address");
    report.contact.email = trim(value("contact_email"));
    report.contact.telephone = trim(value("contact_telephone"));
    return ok;
  }

  void read_lines(const io::XlsxSheet& sheet, reports::Direction direction, reports::AnnualReport& report) {
    const auto& wanted = line_columns();
    auto& positions = columns_[direction];  // column id -> sheet column (1-based)
    // The row of column ids: row 2 as written, or wherever it was moved among the first rows.
    std::size_t id_row = 0;
    for (const auto& [row, cells] : sheet.rows) {
      if (row > 10) break;
      std::size_t hits = 0;
      for (const auto& [column, text] : cells)
        if (std::find(wanted.begin(), wanted.end(), trim(text)) != wanted.end()) ++hits;
      if (hits >= 2) {
        id_row = row;
        break;
      }
    }
    if (id_row == 0) {
      problem(2, sheet.name + "!A2",
              "the row of column ids (row 2, hidden) was deleted: the lines of " + sheet.name +
                  " cannot be read (copy them into a fresh workbook)");
      return;
    }
    for (const auto& [column, raw] : sheet.rows.at(id_row)) {
      const auto id = trim(raw);
      const auto where = sheet.name + "!" + io::cell_reference(id_row, column);
      if (std::find(wanted.begin(), wanted.end(), id) == wanted.end()) {
        problem(id_row, where, "unknown column id '" + id + "'", Severity::warning);
      } else if (!positions.emplace(id, column).second) {
        problem(id_row, where, "the column " + id + " appears twice");
      }
    }
    for (const auto& id : wanted)
      if (!positions.contains(id)) problem(id_row, sheet.name + "!" + io::cell_reference(id_row, 1), "the row of column ids lacks " + id);

    const auto ref = [&](const std::string& id, std::size_t row) {
      const auto found = positions.find(id);
      return sheet.name + "!" + (found == positions.end() ? "A" + std::to_string(row) : io::cell_reference(row, found->second));
    };
    for (auto at = sheet.rows.upper_bound(id_row); at != sheet.rows.end(); ++at) {
      const auto row = at->first;
      const auto raw = [&](const std::string& id) -> std::string {
        const auto found = positions.find(id);
        return found == positions.end() ? std::string() : sheet.cell(row, found->second);
      };
      const auto field = [&](const std::string& id) { return trim(raw(id)); };
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
          problem(row, ref("items", row), "'" + items + "' is not a whole number of items");
        else
          line.items = value;
      }
      line.value = field("value");
      line.currency = field("currency");
      std::transform(line.currency.begin(), line.currency.end(), line.currency.begin(),
                     [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
      if (const auto basis = lower(field("basis")); !basis.empty()) {
        line.basis = reports::basis_from_string(basis);
        if (!line.basis) problem(row, ref("basis", row), "basis must be authorized or actual, not '" + basis + "'");
      }
      line.description = raw("description");
      line.comments = raw("comments");
      line.state_of_origin = state_code(field("state_of_origin"));
      line.intermediate_location = field("intermediate_location");
      report.lines.push_back(std::move(line));
    }
  }

  [[nodiscard]] std::string finding_cell(const reports::Finding& finding) const {
    if (finding.line == 0) {
      const auto key = finding.column == "withheld" ? std::string("withheld_categories") : finding.column;
      return report_cell(key);
    }
    const auto direction = finding.section == "imports" ? reports::Direction::imports : reports::Direction::exports;
    const auto sheet = direction == reports::Direction::imports ? std::string("Imports") : std::string("Exports");
    const auto& positions = columns_.at(direction);
    const auto found = positions.find(finding.column);
    const auto column = found == positions.end() ? std::size_t{1} : found->second;
    return sheet + "!" + (finding.column.empty() ? "A" + std::to_string(finding.line) : io::cell_reference(finding.line, column));
  }

  void finish(reports::AnnualReport report) {
    const auto* report_template = templates_.for_year("annual", report.year);
    if (!report_template) {
      problem(report_row("year"), report_cell("year"), "no annual report template covers " + std::to_string(report.year));
      return;
    }
    report.template_id = report_template->id;
    for (const auto& finding : reports::validate(report, *report_template, register_).findings) {
      auto message = reports::describe_in_english(finding);
      const auto colon = message.find(": ", message.find(": ") + 2);
      const auto row = finding.line ? finding.line : report_row(finding.column == "withheld" ? "withheld_categories" : finding.column);
      problem(row, finding_cell(finding), colon == std::string::npos ? message : message.substr(colon + 2), finding.severity);
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

LabelsByLanguage labels_of(const nlohmann::json& object) {
  LabelsByLanguage labels;
  if (!object.is_object()) return labels;
  for (const auto language : all_languages) {
    const auto code = std::string(code_of(language));
    if (object.contains(code) && object[code].is_string()) labels[language] = object[code].get<std::string>();
  }
  return labels;
}

}  // namespace

const WorkbookLabels& builtin_workbook_labels() {
  using L = Language;
  static const WorkbookLabels labels = [] {
    WorkbookLabels l;
    l.columns = {
        {"category", {{L::en, "Category"}, {L::fr, "Catégorie"}, {L::es, "Categoría"}}},
        {"partner_state", {{L::en, "Partner State"}, {L::fr, "État partenaire"}, {L::es, "Estado asociado"}}},
        {"items", {{L::en, "Number of items"}, {L::fr, "Nombre d'articles"}, {L::es, "Número de artículos"}}},
        {"value", {{L::en, "Value"}, {L::fr, "Valeur"}, {L::es, "Valor"}}},
        {"currency", {{L::en, "Currency (ISO 4217 code)"}, {L::fr, "Monnaie (code ISO 4217)"}, {L::es, "Moneda (código ISO 4217)"}}},
        {"basis", {{L::en, "Authorized or actual"}, {L::fr, "Autorisée ou effectuée"}, {L::es, "Autorizada o efectiva"}}},
        {"description", {{L::en, "Description of item"}, {L::fr, "Description de l'article"}, {L::es, "Descripción del artículo"}}},
        {"comments", {{L::en, "Comments on the transfer"}, {L::fr, "Observations sur le transfert"}, {L::es, "Observaciones sobre la transferencia"}}},
        {"state_of_origin", {{L::en, "State of origin (if not the exporter)"}, {L::fr, "État d'origine (s'il ne s'agit pas de l'exportateur)"}, {L::es, "Estado de origen (si no es el exportador)"}}},
        {"intermediate_location", {{L::en, "Intermediate location (if any)"}, {L::fr, "Lieu intermédiaire (le cas échéant)"}, {L::es, "Lugar intermedio (si lo hubiere)"}}},
    };
    l.exports_columns = {{"partner_state", {{L::en, "Final importing State"}, {L::fr, "État importateur final"}, {L::es, "Estado importador final"}}}};
    l.imports_columns = {{"partner_state", {{L::en, "Exporting State"}, {L::fr, "État exportateur"}, {L::es, "Estado exportador"}}}};
    return l;
  }();
  return labels;
}

tl::expected<WorkbookLabels, std::string> load_workbook_labels(const std::filesystem::path& data_dir,
                                                               const std::string& template_id) {
  WorkbookLabels labels = builtin_workbook_labels();
  const auto template_file = data_dir / "templates" / (template_id + ".json");
  const auto categories_file = data_dir / "categories.json";
  try {
    auto text = io::read_file(template_file);
    if (!text) return tl::make_unexpected(text.error());
    const auto json = nlohmann::json::parse(*text);
    if (json.contains("columns") && json["columns"].is_array()) {
      for (const auto& column : json["columns"]) {
        if (!column.contains("id") || !column["id"].is_string()) continue;
        const auto id = column["id"].get<std::string>();
        if (column.contains("labels")) labels.columns[id] = labels_of(column["labels"]);
        if (column.contains("labels_exports")) labels.exports_columns[id] = labels_of(column["labels_exports"]);
        if (column.contains("labels_imports")) labels.imports_columns[id] = labels_of(column["labels_imports"]);
      }
    }
    if (json.contains("categories") && json["categories"].is_array()) {
      for (const auto& category : json["categories"]) {
        if (!category.contains("labels")) continue;
        for (const char* key : {"template_code", "canonical"})
          if (category.contains(key) && category[key].is_string())
            labels.categories.emplace(category[key].get<std::string>(), labels_of(category["labels"]));
      }
    }
    auto categories_text = io::read_file(categories_file);
    if (!categories_text) return tl::make_unexpected(categories_text.error());
    const auto categories = nlohmann::json::parse(*categories_text);
    if (categories.contains("categories") && categories["categories"].is_array()) {
      for (const auto& category : categories["categories"]) {
        if (category.contains("code") && category["code"].is_string() && category.contains("labels"))
          labels.categories.emplace(category["code"].get<std::string>(), labels_of(category["labels"]));
      }
    }
  } catch (const nlohmann::json::exception& error) {
    return tl::make_unexpected("cannot read the workbook labels (" + template_file.string() + ", " +
                               categories_file.string() + "): " + error.what());
  }
  return labels;
}

std::string write_report_workbook(const reports::AnnualReport& report, const reports::ReportTemplate& tmpl,
                                  const StatesRegister& states, Language language, const WorkbookLabels& labels) {
  return Writer(report, tmpl, states, language, labels).run();
}

ImportBatch read_report_workbook(std::string_view bytes, const StatesRegister& states,
                                 const reports::TemplateLibrary& templates, const ImportOptions& options) {
  return WorkbookImporter(states, templates, options).run(bytes);
}

}  // namespace att::reporting
