// Importing the canonical CSV straight into the database, line by line: the file is read in
// pieces, each line is parsed and checked as it comes (read_canonical_csv's own checks) and
// written into report_lines under its report's version, in multi-row statements. Only the
// reports' headers, one small figure per line (its row in the file) and the lines of the report
// being read stay in memory, so a file of millions of lines needs little memory.
// A report is checked as a whole and hashed exactly as submit() would (the same content hash):
// when its lines come together in the file (the usual case), from memory as soon as its run
// ends; when they are spread over the file, after the whole file has been read, from its lines
// read back in order. Either way the findings are listed in the order of the reports.
//
// Everything happens inside the caller's transaction: the caller commits only when the result
// has no errors (and rolls back for a dry run), so an import is all or nothing.
#pragma once

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>

#include "reporting/csv_import.hpp"
#include "reporting/reports_store.hpp"
#include "store/database.hpp"

namespace att::reporting {

struct StreamedImportOptions {
  ImportOptions reading;  // its on_line is used by the import itself
  Channel channel = Channel::import;
  std::optional<Date> received;
  bool demo = false;
  Timestamp now = Timestamp::now();  // of the submission
  // Called after each report is checked and hashed, with how many are done and how many in all.
  std::function<void(std::size_t done, std::size_t total)> on_report = nullptr;
  // Lines waiting for their INSERT, whatever report they belong to. They are inserted in key
  // order (version, line number): when the reports' lines are interleaved in the file, a large
  // sorted batch writes each report's last page of lines once instead of once per line.
  std::size_t lines_per_batch = 32768;
  // Lines of the report being read that are held in memory to check it when its run ends
  // (beyond this, its lines are read back from the database at the end like a scattered one).
  std::size_t lines_held = 65536;
};

struct StreamedImportResult {
  ImportBatch batch;  // problems and the reports' headers (their lines are in the database)
  std::size_t created = 0, amended = 0, lines = 0;
};

StreamedImportResult import_canonical_csv(store::Database& db, std::istream& in, const StatesRegister& states_register,
                                          const reports::TemplateLibrary& templates,
                                          const StreamedImportOptions& options);

}  // namespace att::reporting
