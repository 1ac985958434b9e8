// One item of news in words, in the reader's language: the same line on the "what is new"
// page, in the immediate mail and in the daily digest.
#pragma once

#include <string>

#include "core/language.hpp"
#include "core/states_register.hpp"
#include "exchange/notifications/news.hpp"
#include "text/catalog.hpp"

namespace att::notifications {

// "Consultation: Draft elements of a reporting template", "Comment by France on “Draft…”".
std::string describe(const text::Catalog& catalog, const StatesRegister& states_register, Language language,
                     const NewsItem& item);

// Text fit for a mail's subject: line breaks and tabs become spaces.
std::string one_line(std::string text);

}  // namespace att::notifications
