// The documents library of the information exchange: official documents under the treaty's
// symbol scheme (ATT/CSP8.WGTR/2022/CHAIR/707/Conf.Rep), in versions, each version with one file
// per language. A document is public or restricted to an audience, by the same rule as
// announcements (auth/audience_rule).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/audience_rule.hpp"
#include "core/timestamp.hpp"

namespace att::exchange {

// The languages a document's file may be in: the treaty's working languages.
inline constexpr std::string_view document_languages[] = {"en", "fr", "es"};
bool is_document_language(std::string_view language);

struct DocumentFile {
  std::string language;  // "en", "fr" or "es"
  std::string file_name;
  std::string media_type;
  std::int64_t byte_size = 0;
  std::string sha256;
};

struct DocumentVersion {
  std::int64_t version_no = 0;
  std::string note;
  Timestamp published_at{std::chrono::sys_seconds{}};
  std::vector<DocumentFile> files;  // in the order of document_languages
};

struct Document {
  std::int64_t id = 0;
  std::string symbol;
  std::string title;
  std::string summary;
  auth::Audience audience = auth::Audience::parties;
  Timestamp created_at{std::chrono::sys_seconds{}};
  std::vector<DocumentVersion> versions;  // newest first; filled by find_document, not by searches
};

struct NewDocumentFile {
  std::string language;
  std::string file_name;  // as reports::check_attachment accepted and cleaned it
  std::string media_type;
  std::string content;
};

struct NewDocument {
  std::string symbol;
  std::string title;
  std::string summary;  // what a search finds besides the title and symbol
  auth::Audience audience = auth::Audience::parties;
};

// The words of a text as the search index holds them: folded like names (no case, no accents)
// with every mark of punctuation a separator, so "CSP8.WGTR" is the two words "csp8 wgtr".
std::string search_words(std::string_view text);

}  // namespace att::exchange
