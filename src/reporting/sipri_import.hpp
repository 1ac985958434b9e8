// Importing the SIPRI Arms Transfers Database trade register (the CSV export of sipri.org) as a
// reference dataset, kept apart from the States' own reports: reference_datasets holds one row
// per import, reference_transfers one row per deal. The export is ISO-8859-1 with a preamble of
// notes before its header; SIPRI's weapon descriptions are mapped onto the treaty's categories
// by rules kept as data (data/sipri-weapon-categories.csv).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/problem.hpp"
#include "core/states_register.hpp"
#include "store/database.hpp"
#include "core/timestamp.hpp"

namespace att::reporting {

// A file that cannot be imported: not SIPRI's, a changed header, a malformed record, a bad rules
// file. It carries the problem as a code with its place (line, column) and parameters, written
// in the reader's language by the one renderer of problems.
class SipriImportError : public std::runtime_error {
 public:
  explicit SipriImportError(Problem problem) : std::runtime_error(problem.code), problem_(std::move(problem)) {}
  [[nodiscard]] const Problem& problem() const { return problem_; }
  [[nodiscard]] std::size_t line() const { return problem_.line; }  // 0 when the problem is not on one line

 private:
  Problem problem_;
};

// One line of the rules file: `pattern` (lower case) matches a weapon description where it occurs
// in it as whole words ("tank" matches "tank destroyer", not "tanker"); the first matching rule
// wins. An empty category says the description is not in a treaty category (transport aircraft,
// radars, engines ...), which is not the same as matching no rule (a description nobody reviewed).
struct CategoryRule {
  std::string pattern;
  std::string category;  // "I" ... "VII.b", or "" for none
};

// The rules file: header `pattern,category`; lines whose pattern starts with '#' are comments.
// Categories must be treaty codes I to VII (with subcategories IV.a, IV.b, V.a, V.b, VII.a, VII.b).
std::vector<CategoryRule> parse_category_rules(std::string_view text);
std::vector<CategoryRule> load_category_rules(const std::filesystem::path& path);  // throws SipriImportError

// The first rule matching the description, or nullptr when none does.
const CategoryRule* match_category(const std::vector<CategoryRule>& rules, std::string_view description);

// One deal of the trade register as read from the file (UTF-8, fields trimmed).
struct SipriRecord {
  std::size_t line = 0;  // line of the file where the record starts
  std::string recipient_name;
  std::optional<std::string> recipient_state;  // ISO3 when the name resolves
  std::string supplier_name;
  std::optional<std::string> supplier_state;
  std::optional<std::int64_t> order_year;
  bool order_year_uncertain = false;  // a '?' in the blank-named column after it
  std::optional<std::int64_t> number_ordered;
  bool number_ordered_uncertain = false;
  std::string weapon_designation;
  std::string weapon_description;
  std::optional<std::string> category;  // none when no rule gives a treaty category
  bool description_matched = false;     // some rule matched (perhaps with an empty category)
  std::optional<std::int64_t> number_delivered;
  bool number_delivered_uncertain = false;
  std::string delivery_years;               // "2018; 2019"
  std::string status;                       // New, Second hand, Second hand but modernized
  std::string comments;                     // may hold a line break
  std::optional<std::string> tiv_per_unit;  // decimal text as SIPRI gives it, millions of TIV
  std::optional<std::string> tiv_total_order;
  std::optional<std::string> tiv_delivered;
};

struct SipriTradeRegister {
  std::string generated;  // "2025-03-13T10:02:49" from "Data generated: 13 Mar 2025 10:02:49 AM" ("" if absent)
  std::vector<SipriRecord> records;
};

// Parses and checks the whole export; nothing is written. Throws SipriImportError.
// The bytes are ISO-8859-1 as SIPRI exports them (a file already converted to UTF-8, with or
// without a byte order mark, is recognised and read as it is). SIPRI writes a line break inside
// Comments without quoting the field; a record cut short that way is joined with the next line.
SipriTradeRegister read_sipri_trade_register(std::string_view file_bytes, const StatesRegister& states_register,
                                             const std::vector<CategoryRule>& rules);

struct NameCount {
  std::string name;
  std::size_t count = 0;
};

struct SipriImportResult {
  std::int64_t dataset_id = 0;
  std::string generated;
  std::size_t records = 0;
  std::size_t recipients_resolved = 0;  // records whose recipient is a State of the register
  std::size_t suppliers_resolved = 0;
  std::size_t with_category = 0;  // records with a treaty category
  // Most frequent first (then by name). Names count once per record they appear in.
  std::vector<NameCount> unresolved_names;            // recipients and suppliers that are no State
  std::vector<NameCount> uncategorised_descriptions;  // weapon descriptions with no treaty category
  std::vector<NameCount> unmatched_descriptions;      // ... of which no rule matched at all
};

// Counts of a register already read (dataset_id 0).
SipriImportResult summarise(const SipriTradeRegister& trade_register);

// Writes the dataset and all its records inside the caller's transaction.
SipriImportResult store_sipri_trade_register(store::Database& db, const SipriTradeRegister& trade_register,
                                             const std::string& dataset_name, Timestamp now);

// Reads, then writes in one transaction of its own: all or nothing. Throws SipriImportError for
// a file that cannot be imported (nothing is written) and store::DatabaseError for the database.
SipriImportResult import_sipri_trade_register(store::Database& db, std::string_view file_bytes,
                                              const StatesRegister& states_register,
                                              const std::vector<CategoryRule>& rules, const std::string& dataset_name,
                                              Timestamp now);

inline constexpr std::string_view sipri_source = "SIPRI Arms Transfers Database";

}  // namespace att::reporting
