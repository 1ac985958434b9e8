// What a query of the transfers database asks for, as typed values (the web layer reads them
// from the request and refuses what it cannot use, before anything is read).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/reports/annual_report.hpp"
#include "reporting/transfers/line_table.hpp"

namespace att::transfers {

struct TransferFilter {
  std::vector<std::string> reporters;  // ISO3; empty: any
  std::vector<std::string> partners;
  std::optional<reports::Direction> direction;
  // Canonical codes; a parent ("VII", "VIII.SA") takes its sub-categories, "NAT" every national
  // category.
  std::vector<std::string> categories;
  std::optional<int> year_from, year_to;
  std::vector<LineBasis> bases;       // empty: any
  std::optional<std::string> region;  // of the reporter, M49 region name as in the register
  std::string text;                   // over description and comments, case and accents ignored
};

// Whether a line of category `code` falls under the filter's `wanted` code.
bool category_within(const std::string& code, const std::string& wanted);

}  // namespace att::transfers
