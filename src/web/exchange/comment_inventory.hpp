// The inventory of comments: every comment of a consultation, by section and, within a section,
// by the State whose thread it belongs to, each reply after the comment it answers, in its last
// wording. One compilation read by every form of it: the printable page and PDF, CSV and XLSX.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "exchange/announcements.hpp"
#include "web/kit/app_context.hpp"

namespace att::web {

struct InventoryLine {
  std::string section;  // "2. Costs", or the words for the announcement as a whole
  std::string state;    // the State of the thread's first comment; the words for observers
  const exchange::Comment* comment = nullptr;
  std::size_t depth = 0;
};

// `comments` are those the viewer may see (exchange::comments_on); the lines point into them.
std::vector<InventoryLine> compile_inventory(const AppContext& app, Language language,
                                             const exchange::Announcement& announcement,
                                             const std::vector<exchange::Comment>& comments);

// The table form (CSV and XLSX): the column headings and one row of text per comment.
std::vector<std::string> inventory_headings(const AppContext& app, Language language);
std::vector<std::vector<std::string>> inventory_rows(const AppContext& app, Language language,
                                                     const std::vector<InventoryLine>& lines);

// The context of the template exchange/inventory, for the page and the PDF alike.
nlohmann::json inventory_context(const AppContext& app, Language language, const exchange::Announcement& announcement,
                                 const std::vector<InventoryLine>& lines);

}  // namespace att::web
