// Which question of the guidance answers a topic of the reporting tool or of the reminder
// letters. The links are data (data/guidance_links.csv: topic,question), so the Secretariat moves
// one by editing a line, not the code. Topics: "reporting_obligations" (the letters), "finding:<code>"
// (a finding of validation, next to its field), "section:<name>" (a part of the report editor).
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "store/database.hpp"

namespace att::exchange {

class GuidanceLinks {
 public:
  GuidanceLinks() = default;
  explicit GuidanceLinks(std::map<std::string, std::int64_t, std::less<>> questions)
      : questions_(std::move(questions)) {}
  // The question on `topic` when the file names one and it is among `existing` (the current
  // guidance's numbers): a link never leads to a question that is not there.
  [[nodiscard]] std::optional<std::int64_t> question_for(std::string_view topic,
                                                         const std::set<std::int64_t>& existing) const;

 private:
  std::map<std::string, std::int64_t, std::less<>> questions_;
};

// The file's text; an error names the line that is wrong (a missing topic, a number that is not
// a question's, a topic twice).
tl::expected<GuidanceLinks, std::string> parse_guidance_links(std::string_view csv);
// `data_dir`/guidance_links.csv; a missing or unreadable file gives no links, so the pages and
// letters simply show none.
GuidanceLinks load_guidance_links(const std::filesystem::path& data_dir);

// The file's question on `topic` when the current guidance has it (the reminder letters' link).
std::optional<std::int64_t> guidance_question(store::Database& db, const std::filesystem::path& data_dir,
                                              std::string_view topic);

}  // namespace att::exchange
