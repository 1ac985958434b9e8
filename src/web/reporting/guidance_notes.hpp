// The "see question N of the guidance" links of the report editor: next to a finding whose code
// data/guidance_links.csv links to a question ("finding:<code>"), and next to parts of the form
// ("section:<name>"). A link is shown only while the current guidance has that question.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "core/problem.hpp"
#include "exchange/guidance_links.hpp"
#include "web/kit/app_context.hpp"

namespace att::web {

class GuidanceNotes {
 public:
  // Reads the links file and the current guidance's numbers once, for one page.
  GuidanceNotes(const AppContext& app, store::Database& db, Language language);
  // {"href": "/faq/N", "text": "See question N of the guidance"}, or null where there is none.
  [[nodiscard]] nlohmann::json for_topic(std::string_view topic) const;
  [[nodiscard]] nlohmann::json for_finding(const Problem& problem) const;

 private:
  const AppContext& app_;
  Language language_;
  exchange::GuidanceLinks links_;
  std::set<std::int64_t> existing_;
};

}  // namespace att::web
