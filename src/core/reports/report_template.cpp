#include "core/reports/report_template.hpp"

namespace att::reports {

RuleSeverity ReportTemplate::severity(const std::string& rule) const {
  const auto found = rules.find(rule);
  return found == rules.end() ? RuleSeverity::error : found->second;
}

std::optional<std::string> ReportTemplate::canonical_category(const std::string& code) const {
  if (const auto found = category_to_canonical.find(code); found != category_to_canonical.end()) return found->second;
  if (allows_national_categories && code.rfind("NAT:", 0) == 0 && code.size() > 4 && code.size() <= 80) return code;
  return std::nullopt;
}

const ReportTemplate* TemplateLibrary::for_year(const std::string& kind, int year) const {
  const ReportTemplate* best = nullptr;
  for (const auto& candidate : templates_) {
    if (candidate.kind != kind || !candidate.applies_to(year)) continue;
    if (!best || candidate.from_year > best->from_year) best = &candidate;
  }
  return best;
}

const ReportTemplate* TemplateLibrary::by_id(const std::string& id) const {
  for (const auto& candidate : templates_) {
    if (candidate.id == id) return &candidate;
  }
  return nullptr;
}

}  // namespace att::reports
