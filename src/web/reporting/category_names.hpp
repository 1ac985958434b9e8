// The categories a report of a given template may use, named in the three languages, so that
// an officer can type "fusil" or "Rifles" and get VIII.SA.2. The names are the catalogue's
// (categories.<code>); the codes are the template's and the finer canonical ones it accepts.
#pragma once

#include <string>
#include <vector>

#include "core/language.hpp"
#include "core/reports/report_template.hpp"
#include "text/catalog.hpp"

namespace att::web {

class CategoryNames {
 public:
  CategoryNames(const text::Catalog& catalog, const reports::ReportTemplate& report_template);

  // Codes in the template's order of the canonical list ("I", "II" ... "VIII.LW.7").
  [[nodiscard]] const std::vector<std::string>& codes() const { return codes_; }
  // How the editor shows a code: "VIII.SA.2 · Rifles and carbines"; a national category or an
  // unknown text as it is.
  [[nodiscard]] std::string shown(const std::string& code, Language language) const;
  // The code for what was typed: a code, a shown text in any language, a name in any of the
  // three languages, or a part of exactly one name (case and accents do not matter); otherwise
  // the text as typed, for validation to report.
  [[nodiscard]] std::string code_for(const std::string& typed) const;

 private:
  const text::Catalog& catalog_;
  std::vector<std::string> codes_;
};

}  // namespace att::web
