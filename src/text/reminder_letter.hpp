// The reminder letter to one State about its overdue reports, in its addressee's language: the
// reports and their deadlines exactly as the status has them on the date, and where to find help.
// One template (web/templates/letters/reminder.mustache), printed like every document.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/compliance/overdue.hpp"
#include "text/catalog.hpp"
#include "text/views.hpp"

namespace att::text {

struct LetterAddressee {
  std::string name;  // the State's national point of contact; empty: addressed by function
  Language language = Language::en;
};

// What the template reads; "title" names the letter (its PDF footer). `guidance_question`: the
// number of the guidance's question on reporting obligations, whose address the letter gives
// (exchange::guidance_question); none, no such paragraph.
nlohmann::json reminder_letter_context(const Catalog& catalog, const compliance::StateOverdue& owed, Date as_of,
                                       const LetterAddressee& addressee, const std::string& public_url,
                                       std::optional<std::int64_t> guidance_question = std::nullopt);

// The letter as a printable page (what print_pdf prints).
std::string reminder_letter_html(const Catalog& catalog, const Views& views, const compliance::StateOverdue& owed,
                                 Date as_of, const LetterAddressee& addressee, const std::string& public_url,
                                 std::optional<std::int64_t> guidance_question = std::nullopt);

// One letter as a part of a page (the preview, the file of all letters), in its own language.
std::string reminder_letter_part(const Catalog& catalog, const Views& views, Language language,
                                 nlohmann::json context);

// Several letters in one printable page, each in its own language, a page break between them.
struct LetterPart {
  Language language = Language::en;
  nlohmann::json context;  // reminder_letter_context
};
std::string reminder_letters_html(const Catalog& catalog, const Views& views, Language language,
                                  const std::vector<LetterPart>& letters);

}  // namespace att::text
