// Synthetic, deterministic annual-report lines for demonstrations, load tests and benchmarks.
//
// Everything generated is fiction labelled as such: every comment starts with "DEMO", and so does
// every description given (some are left empty, as in real reports). The shape is calibrated by
// eye on public arms-trade data (a few large exporters, many small partners, small arms the most
// frequent lines, heavy categories rare and in small numbers), but nothing is copied from it and
// nothing is read at run time.
//
// Determinism: the same register, seed and options give byte-identical output on any platform.
// Only std::mt19937_64 (whose output the standard fixes) and integer arithmetic are used: no
// standard distributions, no floating point.
//
// Lines are in the canonical CSV columns (header()). Reports on 2015 and 2016 follow the
// provisional template: categories IV, V and VII without subcategories, one basis per table;
// later years use IV.a/IV.b, V.a/V.b, VII.a/VII.b and may mix bases line by line.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/states_register.hpp"

namespace att::demo {

struct GeneratorOptions {
  std::uint64_t seed = 2026;
  int first_year = 2015;
  int last_year = 2024;
  std::size_t target_lines = 10000;
};

// One annual report that "was submitted". A table with no lines is a nil table, and the other
// way round: nil_exports is true exactly when the report has no export lines (so a small
// target_lines gives more nil tables: there are too few lines to go round).
struct GeneratedReport {
  std::string reporting_state;  // ISO3
  int year = 0;
  bool nil_exports = false;
  bool nil_imports = false;
  bool restricted = false;  // "States Parties only"
  int days_late = 0;        // received date minus 31 May of year + 1; negative: early
};

class TransferGenerator {
 public:
  // The register is only read during construction; it need not outlive the generator.
  TransferGenerator(const StatesRegister& states, GeneratorOptions options);

  // Which States report for which years, in (reporting_state, year) order. Only States Parties
  // bound by the treaty for the whole calendar year report (the first report covers the first
  // full calendar year after entry into force); about two thirds of the reports due exist.
  [[nodiscard]] const std::vector<GeneratedReport>& reports() const { return reports_; }

  // Streams about `target_lines` lines (without header) to `emit`, in (reporting_state, year)
  // order, exports before imports, then by category and partner. The vector passed is reused
  // between calls: copy what you keep. Memory use does not grow with the number of lines.
  void for_each_line(const std::function<void(const std::vector<std::string>& fields)>& emit) const;

  // Lines of a report's exports (or imports) table; 0 for a nil table.
  [[nodiscard]] std::size_t line_count(std::size_t report_index, bool exports) const;

  static const std::vector<std::string>& header();

 private:
  struct Model;  // the States' profiles and each report's plan (transfer_generator.cpp)
  std::shared_ptr<const Model> model_;
  std::vector<GeneratedReport> reports_;
};

}  // namespace att::demo
