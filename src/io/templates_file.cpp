#include "io/templates_file.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "io/file.hpp"

namespace att::io {

tl::expected<reports::ReportTemplate, std::string> parse_template_json(const std::string& text,
                                                                       const std::string& file_name) {
  try {
    const auto json = nlohmann::json::parse(text);
    reports::ReportTemplate result;
    result.id = json.at("id").get<std::string>();
    result.kind = json.at("kind").get<std::string>();
    for (const auto language : all_languages) {
      if (json.contains("title")) result.title[language] = json["title"].value(std::string(code_of(language)), "");
    }
    const auto& years = json.at("applies_to_years");
    result.from_year = years.at("from").get<int>();
    if (years.contains("to") && !years["to"].is_null()) result.to_year = years["to"].get<int>();
    result.assumed = json.value("assumed", false);
    result.basis_per_line = json.value("basis", std::string("per_line")) == "per_line";
    result.allows_national_categories = json.value("allows_national_categories", false);
    if (json.contains("categories")) {
      for (const auto& category : json["categories"])
        result.category_to_canonical[category.at("template_code").get<std::string>()] =
            category.at("canonical").get<std::string>();
    }
    if (json.contains("rules")) {
      for (const auto& rule : json["rules"]) {
        const auto severity = rule.value("severity", std::string("error"));
        result.rules[rule.at("id").get<std::string>()] = severity == "warning" ? reports::RuleSeverity::warning
                                                         : severity == "off"   ? reports::RuleSeverity::off
                                                                               : reports::RuleSeverity::error;
      }
    }
    return result;
  } catch (const nlohmann::json::exception& error) {
    return tl::unexpected(file_name + ": " + error.what());
  }
}

tl::expected<reports::Questionnaire, std::string> load_questionnaire(const std::filesystem::path& template_file) {
  auto text = read_file(template_file);
  if (!text) return tl::unexpected(text.error());
  try {
    const auto json = nlohmann::json::parse(*text);
    reports::Questionnaire questionnaire;
    questionnaire.id = json.at("id").get<std::string>();
    if (json.contains("answers"))
      for (const auto& [choice, labels] : json["answers"].items()) questionnaire.choices.insert(choice);
    if (json.contains("authorities"))
      for (const auto& authority : json["authorities"]) questionnaire.authorities.insert(authority.at("id").get<std::string>());
    for (const auto& section : json.at("sections")) {
      if (!section.contains("questions")) continue;
      for (const auto& question : section["questions"])
        questionnaire.questions.push_back({question.at("id").get<std::string>(), section.at("id").get<std::string>(),
                                           question.at("type").get<std::string>(), question.value("binding", false)});
    }
    return questionnaire;
  } catch (const nlohmann::json::exception& error) {
    return tl::unexpected(template_file.string() + ": " + error.what());
  }
}

tl::expected<reports::TemplateLibrary, std::string> load_templates(const std::filesystem::path& templates_dir) {
  std::vector<reports::ReportTemplate> templates;
  std::error_code error;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(templates_dir, error)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  if (error) return tl::unexpected("cannot read " + templates_dir.string() + ": " + error.message());
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    auto text = read_file(file);
    if (!text) return tl::unexpected(text.error());
    auto parsed = parse_template_json(*text, file.string());
    if (!parsed) return tl::unexpected(parsed.error());
    templates.push_back(std::move(*parsed));
  }
  reports::CanonicalCategories categories;
  if (const auto categories_file = templates_dir.parent_path() / "categories.json";
      std::filesystem::exists(categories_file)) {
    auto loaded = load_canonical_categories(categories_file);
    if (!loaded) return tl::unexpected(loaded.error());
    categories = std::move(*loaded);
    // Every template maps onto codes that exist.
    for (const auto& report_template : templates)
      for (const auto& [own, canonical] : report_template.category_to_canonical)
        if (!categories.contains(canonical))
          return tl::unexpected(report_template.id + ": the canonical category '" + canonical + "' is not in " +
                                categories_file.string());
  }
  return reports::TemplateLibrary(std::move(templates), categories);
}

tl::expected<reports::CanonicalCategories, std::string> load_canonical_categories(const std::filesystem::path& file) {
  auto text = read_file(file);
  if (!text) return tl::unexpected(text.error());
  try {
    const auto json = nlohmann::json::parse(*text);
    reports::CanonicalCategories categories;
    for (const auto& category : json.at("categories")) {
      const auto& parent = category.at("parent");
      categories.parent_of[category.at("code").get<std::string>()] =
          parent.is_null() ? std::string() : parent.get<std::string>();
    }
    return categories;
  } catch (const nlohmann::json::exception& error) {
    return tl::unexpected(file.string() + ": " + error.what());
  }
}

}  // namespace att::io
