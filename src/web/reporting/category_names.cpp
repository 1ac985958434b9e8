#include "web/reporting/category_names.hpp"

#include <algorithm>
#include <set>

#include "core/text_folding.hpp"

namespace att::web {

namespace {

constexpr std::string_view separator = " · ";

// Catalogue keys cannot hold dots (they separate levels): IV.a is stored as IV_a.
std::string label_key(const std::string& code) {
  auto flat = code;
  std::replace(flat.begin(), flat.end(), '.', '_');
  return "categories." + flat;
}

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

}  // namespace

CategoryNames::CategoryNames(const text::Catalog& catalog, const reports::ReportTemplate& report_template)
    : catalog_(catalog) {
  std::set<std::string> codes;
  for (const auto& [own, canonical] : report_template.category_to_canonical) codes.insert(canonical);
  for (const auto& [finer, parent] : report_template.finer_categories) codes.insert(finer);
  // The set's order is the canonical list's: "IV" < "IV.a" < "V", "VIII" < "VIII.LW.1".
  for (const auto& code : codes)
    if (catalog_.has(Language::en, label_key(code))) codes_.push_back(code);
}

std::string CategoryNames::shown(const std::string& code, Language language) const {
  if (!catalog_.has(Language::en, label_key(code))) return code;
  return code + std::string(separator) + catalog_.text(language, label_key(code));
}

std::string CategoryNames::code_for(const std::string& typed) const {
  const auto text = trimmed(typed);
  const auto cut = text.find(separator);
  const auto head = cut == std::string::npos ? text : text.substr(0, cut);
  const auto folded = fold_name(text);
  if (folded.empty()) return text;
  const auto folded_head = fold_name(head);
  // A code or a whole name first; else a part of one name only ("fusils et carabines" in
  // "Armes légères : fusils et carabines"), never a part that several names share ("fusil").
  std::set<std::string> partly;
  for (const auto& code : codes_) {
    if (folded_head == fold_name(code)) return code;
    for (const auto language : all_languages) {
      const auto label = fold_name(catalog_.text(language, label_key(code)));
      if (folded == label) return code;
      if (label.find(folded) != std::string::npos) partly.insert(code);
    }
  }
  return partly.size() == 1 ? *partly.begin() : text;
}

}  // namespace att::web
