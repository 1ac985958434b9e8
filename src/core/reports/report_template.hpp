// A versioned report template as data: which categories it offers (mapped onto canonical
// codes), where the basis is given, which rules apply, and for which reporting years.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/language.hpp"

namespace att::reports {

enum class RuleSeverity { error, warning, off };

struct ReportTemplate {
  std::string id;    // "annual-2017"
  std::string kind;  // "annual" or "initial"
  std::map<Language, std::string> title;
  int from_year = 0;
  std::optional<int> to_year;
  bool assumed = false;
  bool basis_per_line = true;
  bool allows_national_categories = false;
  std::map<std::string, std::string> category_to_canonical;  // the template's own code -> canonical
  std::map<std::string, RuleSeverity> rules;

  [[nodiscard]] bool applies_to(int year) const { return year >= from_year && (!to_year || year <= *to_year); }
  [[nodiscard]] RuleSeverity severity(const std::string& rule) const;
  // The canonical code for a category as written in a report made with this template.
  [[nodiscard]] std::optional<std::string> canonical_category(const std::string& code) const;
};

class TemplateLibrary {
 public:
  TemplateLibrary() = default;
  explicit TemplateLibrary(std::vector<ReportTemplate> templates) : templates_(std::move(templates)) {}
  // The template of that kind for that reporting year (the newest if several apply).
  [[nodiscard]] const ReportTemplate* for_year(const std::string& kind, int year) const;
  [[nodiscard]] const ReportTemplate* by_id(const std::string& id) const;
  [[nodiscard]] const std::vector<ReportTemplate>& all() const { return templates_; }

 private:
  std::vector<ReportTemplate> templates_;
};

}  // namespace att::reports
