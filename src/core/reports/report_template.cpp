#include "core/reports/report_template.hpp"

namespace att::reports {

RuleSeverity ReportTemplate::severity(const std::string& rule) const {
  const auto found = rules.find(rule);
  return found == rules.end() ? RuleSeverity::error : found->second;
}

std::optional<std::string> ReportTemplate::canonical_category(const std::string& code) const {
  if (const auto found = category_to_canonical.find(code); found != category_to_canonical.end()) return found->second;
  if (allows_national_categories && is_national_category(code)) return code;
  return std::nullopt;
}

std::optional<std::string> ReportTemplate::counted_under(const std::string& code) const {
  if (category_to_canonical.contains(code) || is_national_category(code)) return code;
  if (const auto found = finer_categories.find(code); found != finer_categories.end()) return found->second;
  return std::nullopt;
}

bool is_national_category(const std::string& code) {
  return code.rfind("NAT:", 0) == 0 && code.size() > 4 && code.size() <= 80;
}

TemplateLibrary::TemplateLibrary(std::vector<ReportTemplate> templates, const CanonicalCategories& categories)
    : templates_(std::move(templates)) {
  for (auto& report_template : templates_) {
    for (const auto& [code, parent] : categories.parent_of) {
      // Up the parents to the first category the template has ("VIII.SA.1" -> "VIII").
      for (auto ancestor = parent; !ancestor.empty() && !report_template.category_to_canonical.contains(code);) {
        if (report_template.category_to_canonical.contains(ancestor)) {
          report_template.finer_categories[code] = ancestor;
          break;
        }
        const auto up = categories.parent_of.find(ancestor);
        ancestor = up == categories.parent_of.end() ? std::string() : up->second;
      }
    }
  }
}

const ReportTemplate* TemplateLibrary::for_year(const std::string& kind, int year) const {
  const ReportTemplate* best = nullptr;
  const ReportTemplate* earliest = nullptr;
  for (const auto& candidate : templates_) {
    if (candidate.kind != kind) continue;
    if (!earliest || candidate.from_year < earliest->from_year) earliest = &candidate;
    if (!candidate.applies_to(year)) continue;
    if (!best || candidate.from_year > best->from_year) best = &candidate;
  }
  if (!best && earliest && year < earliest->from_year) return earliest;
  return best;
}

const ReportTemplate* TemplateLibrary::by_id(const std::string& id) const {
  for (const auto& candidate : templates_) {
    if (candidate.id == id) return &candidate;
  }
  return nullptr;
}

}  // namespace att::reports
