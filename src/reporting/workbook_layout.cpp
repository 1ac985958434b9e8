#include "reporting/workbook_layout.hpp"

namespace att::reporting::workbook {

const char* lines_sheet(reports::Direction direction) {
  return direction == reports::Direction::imports ? imports_sheet : exports_sheet;
}

const std::vector<std::string>& line_columns() {
  static const std::vector<std::string> columns = {
      "category", "partner_state", "items",    "value",           "currency",
      "basis",    "description",   "comments", "state_of_origin", "intermediate_location"};
  return columns;
}

const std::vector<ReportField>& report_fields() {
  using L = Language;
  static const std::vector<ReportField> fields = {
      {"reporting_state",
       {{L::en, "Reporting State (ISO3 code)"},
        {L::fr, "État présentant le rapport (code ISO3)"},
        {L::es, "Estado que presenta el informe (código ISO3)"}}},
      {"year",
       {{L::en, "Calendar year covered by the report"},
        {L::fr, "Année civile sur laquelle porte le rapport"},
        {L::es, "Año civil que abarca el informe"}}},
      {"nil_exports",
       {{L::en, "Nil report: no exports during the calendar year (true/false)"},
        {L::fr, "Rapport néant : aucune exportation pendant l'année civile (true/false)"},
        {L::es, "Informe nulo: ninguna exportación durante el año civil (true/false)"}}},
      {"nil_imports",
       {{L::en, "Nil report: no imports during the calendar year (true/false)"},
        {L::fr, "Rapport néant : aucune importation pendant l'année civile (true/false)"},
        {L::es, "Informe nulo: ninguna importación durante el año civil (true/false)"}}},
      {"visibility",
       {{L::en, "Availability of the report (public/restricted)"},
        {L::fr, "Disponibilité du rapport (public/restricted)"},
        {L::es, "Disponibilidad del informe (public/restricted)"}}},
      {"exports_visibility",
       {{L::en, "Availability of the exports table, where it differs from the report's (public/restricted, or empty)"},
        {L::fr,
         "Disponibilité du tableau des exportations, si elle diffère de celle du rapport (public/restricted, ou vide)"},
        {L::es,
         "Disponibilidad del cuadro de exportaciones, si difiere de la del informe (public/restricted, o vacío)"}}},
      {"imports_visibility",
       {{L::en, "Availability of the imports table, where it differs from the report's (public/restricted, or empty)"},
        {L::fr,
         "Disponibilité du tableau des importations, si elle diffère de celle du rapport (public/restricted, ou vide)"},
        {L::es,
         "Disponibilidad del cuadro de importaciones, si difiere de la del informe (public/restricted, o vacío)"}}},
      {"restriction_reason",
       {{L::en, "Reason for restricting the report (optional)"},
        {L::fr, "Motif de la restriction du rapport (facultatif)"},
        {L::es, "Motivo de la restricción del informe (opcional)"}}},
      {"withheld_all",
       {{L::en, "Article 13(3): commercially sensitive or national security information withheld (true/false)"},
        {L::fr,
         "Article 13(3) : informations commercialement sensibles ou relevant de la sécurité nationale non communiquées "
         "(true/false)"},
        {L::es,
         "Artículo 13(3): información comercialmente sensible o de seguridad nacional no facilitada (true/false)"}}},
      {"withheld_categories",
       {{L::en, "Categories for which information was withheld (codes separated by commas)"},
        {L::fr,
         "Catégories pour lesquelles des informations n'ont pas été communiquées (codes séparés par des virgules)"},
        {L::es, "Categorías para las que no se facilitó información (códigos separados por comas)"}}},
      {"default_basis",
       {{L::en, "Basis of reporting, default for every line (authorized/actual)"},
        {L::fr, "Base du rapport, par défaut pour chaque ligne (authorized/actual)"},
        {L::es, "Base del informe, por defecto para cada línea (authorized/actual)"}}},
      {"comments",
       {{L::en, "General comments"}, {L::fr, "Observations générales"}, {L::es, "Observaciones generales"}}},
      {"contact_name",
       {{L::en, "National point of contact: name"},
        {L::fr, "Point de contact national : nom"},
        {L::es, "Punto de contacto nacional: nombre"}}},
      {"contact_position",
       {{L::en, "National point of contact: position"},
        {L::fr, "Point de contact national : fonction"},
        {L::es, "Punto de contacto nacional: cargo"}}},
      {"contact_department",
       {{L::en, "National point of contact: ministry or department"},
        {L::fr, "Point de contact national : ministère ou service"},
        {L::es, "Punto de contacto nacional: ministerio o departamento"}}},
      {"contact_address",
       {{L::en, "National point of contact: address"},
        {L::fr, "Point de contact national : adresse"},
        {L::es, "Punto de contacto nacional: dirección"}}},
      {"contact_email",
       {{L::en, "National point of contact: e-mail"},
        {L::fr, "Point de contact national : courriel"},
        {L::es, "Punto de contacto nacional: correo electrónico"}}},
      {"contact_telephone",
       {{L::en, "National point of contact: telephone"},
        {L::fr, "Point de contact national : téléphone"},
        {L::es, "Punto de contacto nacional: teléfono"}}},
      {"national_definitions",
       {{L::en, "Annex: national definitions of categories (optional)"},
        {L::fr, "Annexe : définitions nationales des catégories (facultatif)"},
        {L::es, "Anexo: definiciones nacionales de las categorías (opcional)"}}},
  };
  return fields;
}

}  // namespace att::reporting::workbook
