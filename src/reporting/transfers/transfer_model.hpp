// The transfers read model of one server process: the current LineTable, rebuilt when the
// database has changed. Every query first reads the database's mark (line_source.hpp), so a
// submission or a recall is seen by the next query in every process on that database.
#pragma once

#include <memory>
#include <mutex>
#include <set>

#include "reporting/transfers/line_source.hpp"
#include "reporting/transfers/line_table.hpp"
#include "store/database.hpp"

namespace att::transfers {

class TransferModel {
 public:
  // The table as of now. A change is read incrementally: the versions no longer current are
  // dropped, the new ones read; the rest is copied from the previous table.
  std::shared_ptr<const LineTable> current(store::Database& db);

 private:
  std::mutex refreshing_;
  std::shared_ptr<const LineTable> table_ = std::make_shared<LineTable>();
  std::optional<SourceMark> mark_;
};

}  // namespace att::transfers
