// Reading the versioned report templates (data/templates/*.json).
#pragma once

#include <filesystem>
#include <string>

#include <tl/expected.hpp>

#include "core/reports/initial_report.hpp"
#include "core/reports/report_template.hpp"

namespace att::io {

tl::expected<reports::ReportTemplate, std::string> parse_template_json(const std::string& text,
                                                                       const std::string& file_name);
// The questionnaire of an initial-report template (kind "initial").
tl::expected<reports::Questionnaire, std::string> load_questionnaire(const std::filesystem::path& template_file);

// Every *.json file in the folder, with the canonical categories of categories.json beside the
// folder (data/categories.json for data/templates); the first problem found is the error,
// naming the file.
tl::expected<reports::TemplateLibrary, std::string> load_templates(const std::filesystem::path& templates_dir);

// data/categories.json: every canonical code and its parent.
tl::expected<reports::CanonicalCategories, std::string> load_canonical_categories(const std::filesystem::path& file);

}  // namespace att::io
