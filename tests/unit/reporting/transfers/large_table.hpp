// A table of about 300,000 generated lines in 1,500 versions, for the tests of the read model's
// scans at a size where they are split across threads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "reporting/transfers/line_table.hpp"

namespace att::transfers {

inline const std::vector<std::string> sample_reporters{"ARG", "BRA", "DEU", "FRA", "ITA",
                                                       "JPN", "MEX", "NOR", "SWE", "ZAF"};
inline const std::vector<std::string> sample_partners{"AUS", "CAN", "CHL", "EGY", "IND", "KEN", "POL", "USA"};
inline const std::vector<std::string> sample_categories{"I", "II", "III", "VII.a", "VIII.SA.1", "VIII.LW.2"};
inline const std::vector<std::string> sample_currencies{"USD", "EUR", "NOK"};

// About 300,000 lines in 1,500 versions of varied sizes, some tables restricted, several
// currencies in one report, lines without items or value: every path of the scans is taken.
inline const LineTable& large_table() {
  static const LineTable table = [] {
    LineTable built;
    std::uint32_t seed = 12345;
    const auto next = [&seed](std::uint32_t below) {
      seed = seed * 1664525U + 1013904223U;
      return (seed >> 8) % below;
    };
    for (std::int64_t id = 1; id <= 1500; ++id) {
      const auto& reporter = sample_reporters[static_cast<std::size_t>(id) % sample_reporters.size()];
      const int year = 2014 + static_cast<int>(id % 11);
      std::vector<reports::ReportLine> lines(20 + next(380));
      for (auto& line : lines) {
        line.direction = next(2) ? reports::Direction::imports : reports::Direction::exports;
        line.partner_state = sample_partners[next(sample_partners.size())];
        line.category = sample_categories[next(sample_categories.size())];
        if (next(10)) line.items = next(500);
        if (next(4)) {
          line.value = std::to_string(next(100000)) + ".5";
          line.currency = sample_currencies[next(sample_currencies.size())];
        }
        if (next(3) == 0) line.basis = next(2) ? reports::Basis::authorized : reports::Basis::actual;
      }
      built.append({id, reporter, year, 1 + id % 2, id % 5 == 0, id % 7 == 0,
                    id % 2 ? std::optional(reports::Basis::actual) : std::nullopt},
                   lines);
    }
    return built;
  }();
  return table;
}

}  // namespace att::transfers
