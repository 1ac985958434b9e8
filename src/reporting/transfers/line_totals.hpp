// Tables of totals derived from the lines: within each version, the lines that share direction,
// category, basis, currency (and partner, for the second table) become one row holding their
// count, their items and their values. A summary that searches no text reads these instead of
// the lines: on generated data a million lines make about 320,000 rows with partners and 50,000
// without, and the answers are the same (every measure of a summary is a sum, and "reports"
// counts versions, which rows keep).
//
// A row keeps the facts the read rule looks at (the reporting State; whether its table is
// restricted), so the viewer's rule is the first condition of a scan of totals exactly as of
// lines: nothing a viewer may not see is ever added in.
#pragma once

#include "reporting/transfers/line_table.hpp"

namespace att::transfers {

// The totals of `lines`, with or without the partner as part of a row's key. Their dictionaries
// of States, categories and currencies are those of `lines`; they have no texts (descriptions,
// comments, places, values as written), so they answer no text search and no rows.
LineTable totals_of(const LineTable& lines, bool with_partner);

}  // namespace att::transfers
