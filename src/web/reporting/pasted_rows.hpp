// Rows copied from a spreadsheet and pasted into a table of the editor: tab-separated, with or
// without a header row. Without one, the columns are the editor's, in its order; with one, each
// heading is matched to a column by its name in any of the three languages (or its canonical
// id). The rows become editor fields, so categories and States are read as typed ones are.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/reports/annual_report.hpp"
#include "text/catalog.hpp"

namespace att::web {

// Fields "l<row>.<column>" for each pasted row, numbered from `first_row`.
std::vector<std::pair<std::string, std::string>> pasted_fields(const std::string& pasted, reports::Direction direction,
                                                               std::size_t first_row, const text::Catalog& catalog);

}  // namespace att::web
