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
  // Canonical sub-categories finer than the template's own ("VII.a" where it has only "VII") ->
  // the template's category they count under. Filled by the TemplateLibrary.
  std::map<std::string, std::string> finer_categories;
  std::map<std::string, RuleSeverity> rules;

  [[nodiscard]] bool applies_to(int year) const { return year >= from_year && (!to_year || year <= *to_year); }
  [[nodiscard]] RuleSeverity severity(const std::string& rule) const;
  // The canonical code for a category as written in a report made with this template.
  [[nodiscard]] std::optional<std::string> canonical_category(const std::string& code) const;
  // The template's category under which a line of that category is counted: itself, the
  // parent of a finer sub-category, a national category as it is; nothing when unknown.
  [[nodiscard]] std::optional<std::string> counted_under(const std::string& code) const;
};

// A voluntary national category: "NAT:" and a name (up to 80 characters in all).
bool is_national_category(const std::string& code);

// The canonical categories (data/categories.json): each code with its parent ("VII.a" -> "VII";
// "" for a top-level code).
struct CanonicalCategories {
  std::map<std::string, std::string> parent_of;
  [[nodiscard]] bool contains(const std::string& code) const { return parent_of.contains(code); }
};

class TemplateLibrary {
 public:
  TemplateLibrary() = default;
  // Each template learns the canonical sub-categories finer than its own categories.
  explicit TemplateLibrary(std::vector<ReportTemplate> templates, const CanonicalCategories& categories = {});
  // The template of that kind for that reporting year (the newest if several apply). A year
  // before the first template (voluntary reports of earlier years, historical data) takes the
  // earliest template.
  [[nodiscard]] const ReportTemplate* for_year(const std::string& kind, int year) const;
  [[nodiscard]] const ReportTemplate* by_id(const std::string& id) const;
  [[nodiscard]] const std::vector<ReportTemplate>& all() const { return templates_; }

 private:
  std::vector<ReportTemplate> templates_;
};

}  // namespace att::reports
