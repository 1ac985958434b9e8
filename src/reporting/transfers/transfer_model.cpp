#include "reporting/transfers/transfer_model.hpp"

#include <malloc.h>

#include <algorithm>
#include <iterator>
#include <unordered_set>

#include "reporting/transfers/line_totals.hpp"

namespace att::transfers {

std::shared_ptr<const LineTable> TransferModel::current(store::Database& db) {
  const auto mark = source_mark(db);
  // One refresh at a time; a query arriving meanwhile waits for it rather than answer from
  // data it knows to be old.
  std::lock_guard lock(refreshing_);
  if (mark_ == mark) return table_;
  const auto ids = current_version_ids(db);
  const std::unordered_set<std::int64_t> wanted(ids.begin(), ids.end());
  std::unordered_set<std::int64_t> held;
  for (const auto& entry : table_->versions) held.insert(entry.version_id);
  auto next = std::make_shared<LineTable>(
      table_->retaining([&](std::int64_t version_id) { return wanted.contains(version_id); }));
  std::vector<std::int64_t> added;
  std::copy_if(ids.begin(), ids.end(), std::back_inserter(added), [&](std::int64_t id) { return !held.contains(id); });
  read_versions(db, added, [&](const VersionFacts& facts, const std::vector<reports::ReportLine>& lines) {
    next->append(facts, lines);
  });
  // The totals are derived afresh: a few passes over the lines, a small part of reading them.
  next->totals_without_partner = std::make_shared<const LineTable>(totals_of(*next, false));
  next->totals_with_partner = std::make_shared<const LineTable>(totals_of(*next, true));
  table_ = std::move(next);
  mark_ = mark;
  // The rows read from the database and the previous table are freed by now (unless a query
  // still holds it); hand their pages back rather than keep the peak of a rebuild resident.
  malloc_trim(0);
  return table_;
}

}  // namespace att::transfers
