// The labels of the workbook's columns and categories: built in, or given by a template's data files.
#include <nlohmann/json.hpp>

#include "io/file.hpp"
#include "reporting/report_workbook.hpp"

namespace att::reporting {

namespace {

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
        {"currency",
         {{L::en, "Currency (ISO 4217 code)"},
          {L::fr, "Monnaie (code ISO 4217)"},
          {L::es, "Moneda (código ISO 4217)"}}},
        {"basis",
         {{L::en, "Authorized or actual"}, {L::fr, "Autorisée ou effectuée"}, {L::es, "Autorizada o efectiva"}}},
        {"description",
         {{L::en, "Description of item"}, {L::fr, "Description de l'article"}, {L::es, "Descripción del artículo"}}},
        {"comments",
         {{L::en, "Comments on the transfer"},
          {L::fr, "Observations sur le transfert"},
          {L::es, "Observaciones sobre la transferencia"}}},
        {"state_of_origin",
         {{L::en, "State of origin (if not the exporter)"},
          {L::fr, "État d'origine (s'il ne s'agit pas de l'exportateur)"},
          {L::es, "Estado de origen (si no es el exportador)"}}},
        {"intermediate_location",
         {{L::en, "Intermediate location (if any)"},
          {L::fr, "Lieu intermédiaire (le cas échéant)"},
          {L::es, "Lugar intermedio (si lo hubiere)"}}},
    };
    l.exports_columns = {
        {"partner_state",
         {{L::en, "Final importing State"}, {L::fr, "État importateur final"}, {L::es, "Estado importador final"}}}};
    l.imports_columns = {
        {"partner_state", {{L::en, "Exporting State"}, {L::fr, "État exportateur"}, {L::es, "Estado exportador"}}}};
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

}  // namespace att::reporting
