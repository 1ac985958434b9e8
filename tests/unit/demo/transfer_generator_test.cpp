#include "demo/transfer_generator.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include "core/date.hpp"
#include "core/state_record.hpp"
#include "core/states_register.hpp"
#include "io/csv_reader.hpp"
#include "io/csv_writer.hpp"
#include "io/register_file.hpp"

namespace att::demo {
namespace {

using Line = std::vector<std::string>;

enum Column : std::size_t {
  reporting_state,
  year,
  direction,
  category,
  partner_state,
  items,
  value,
  currency,
  basis,
  description,
  comments,
  state_of_origin,
  intermediate_location
};

const StatesRegister& project_register() {
  static const StatesRegister loaded = [] {
    auto result = io::load_register(ATT_DATA_DIR);
    if (!result) throw std::runtime_error(io::codes_of(result.error()));
    return std::move(*result);
  }();
  return loaded;
}

GeneratorOptions options_for(std::size_t target_lines, std::uint64_t seed = 2026) {
  GeneratorOptions options;
  options.seed = seed;
  options.target_lines = target_lines;
  return options;
}

std::vector<Line> lines_of(const TransferGenerator& generator) {
  std::vector<Line> lines;
  generator.for_each_line([&](const Line& fields) { lines.push_back(fields); });
  return lines;
}

std::string csv_of(const TransferGenerator& generator) {
  std::string text = io::csv_line(TransferGenerator::header(), io::CsvFor::machines);
  generator.for_each_line([&](const Line& fields) { text += io::csv_line(fields, io::CsvFor::machines); });
  return text;
}

// Generated once and shared: 20,000 lines with the default options.
const TransferGenerator& sample_generator() {
  static const TransferGenerator generator(project_register(), options_for(20000));
  return generator;
}

const std::vector<Line>& sample() {
  static const std::vector<Line> lines = lines_of(sample_generator());
  return lines;
}

// The canonical codes a report on `year` uses: the provisional template (2015 and 2016) has no
// subcategories for combat aircraft, attack helicopters and missiles.
const std::set<std::string>& categories_for(int year) {
  static const std::set<std::string> current = {
      "I",         "II",        "III",       "IV.a",      "IV.b",      "V.a",       "V.b",       "VI",
      "VII.a",     "VII.b",     "VIII.SA.1", "VIII.SA.2", "VIII.SA.3", "VIII.SA.4", "VIII.SA.5", "VIII.SA.6",
      "VIII.LW.1", "VIII.LW.2", "VIII.LW.3", "VIII.LW.4", "VIII.LW.5", "VIII.LW.6", "VIII.LW.7"};
  static const std::set<std::string> provisional = {"I",         "II",        "III",       "IV",        "V",
                                                    "VI",        "VII",       "VIII.SA.1", "VIII.SA.2", "VIII.SA.3",
                                                    "VIII.SA.4", "VIII.SA.5", "VIII.SA.6", "VIII.LW.1", "VIII.LW.2",
                                                    "VIII.LW.3", "VIII.LW.4", "VIII.LW.5", "VIII.LW.6", "VIII.LW.7"};
  return year <= 2016 ? provisional : current;
}

bool is_register_code(const std::string& text) {
  const auto* state = project_register().find_by_code(text);
  return state && state->iso3 == text;
}

bool is_count(const std::string& text) {
  return !text.empty() && text.size() <= 15 &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
         (text.size() == 1 || text[0] != '0');
}

bool is_decimal(const std::string& text) {
  const auto point = text.find('.');
  if (point == std::string::npos) return is_count(text);
  const auto fraction = text.substr(point + 1);
  return is_count(text.substr(0, point)) && fraction.size() == 2 &&
         std::all_of(fraction.begin(), fraction.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string group_of(const std::string& code) {
  if (code.rfind("VIII.SA.", 0) == 0) return "small arms";
  if (code.rfind("VIII.LW.", 0) == 0) return "light weapons";
  return "I-VII";
}

TEST(TransferGenerator, HeaderIsTheCanonicalColumns) {
  EXPECT_EQ(io::csv_line(TransferGenerator::header(), io::CsvFor::machines),
            "reporting_state,year,direction,category,partner_state,items,value,currency,basis,description,comments,"
            "state_of_origin,intermediate_location\n");
}

TEST(TransferGenerator, SameSeedSameOutputOtherSeedOtherOutput) {
  const TransferGenerator first(project_register(), options_for(5000, 7));
  const TransferGenerator again(project_register(), options_for(5000, 7));
  const TransferGenerator other(project_register(), options_for(5000, 8));
  const auto text = csv_of(first);
  EXPECT_EQ(text, csv_of(again));
  EXPECT_EQ(text, csv_of(first)) << "streaming twice from one generator gives the same lines";
  EXPECT_NE(text, csv_of(other));

  const auto key = [](const GeneratedReport& r) {
    return std::tuple(r.reporting_state, r.year, r.nil_exports, r.nil_imports, r.restricted, r.days_late);
  };
  ASSERT_EQ(first.reports().size(), again.reports().size());
  for (std::size_t i = 0; i < first.reports().size(); ++i) EXPECT_EQ(key(first.reports()[i]), key(again.reports()[i]));
  std::vector<decltype(key(first.reports()[0]))> mine, theirs;
  for (const auto& r : first.reports()) mine.push_back(key(r));
  for (const auto& r : other.reports()) theirs.push_back(key(r));
  EXPECT_NE(mine, theirs);
}

TEST(TransferGenerator, LineCountIsNearTheTarget) {
  for (const std::size_t target : {std::size_t{1000}, std::size_t{100000}}) {
    const TransferGenerator generator(project_register(), options_for(target));
    std::size_t count = 0;
    generator.for_each_line([&](const Line&) { ++count; });
    EXPECT_GE(count, target * 9 / 10) << "target " << target;
    EXPECT_LE(count, target * 11 / 10) << "target " << target;
    std::size_t planned = 0;
    for (std::size_t i = 0; i < generator.reports().size(); ++i)
      planned += generator.line_count(i, true) + generator.line_count(i, false);
    EXPECT_EQ(planned, count);
  }
}

TEST(TransferGenerator, NoTargetNoLinesAndNoYearsNoReports) {
  const TransferGenerator empty(project_register(), options_for(0));
  EXPECT_TRUE(lines_of(empty).empty());
  EXPECT_FALSE(empty.reports().empty());
  for (const auto& report : empty.reports()) EXPECT_TRUE(report.nil_exports && report.nil_imports);

  auto options = options_for(1000);
  options.first_year = 2024;
  options.last_year = 2023;
  const TransferGenerator no_years(project_register(), options);
  EXPECT_TRUE(no_years.reports().empty());
  EXPECT_TRUE(lines_of(no_years).empty());
}

TEST(TransferGenerator, EveryFieldIsValid) {
  static const std::set<std::string> iso4217 = {"USD", "EUR", "GBP", "CHF", "SEK", "NOK", "DKK", "ISK", "KRW",
                                                "JPY", "AUD", "CAD", "NZD", "CZK", "PLN", "HUF", "RON", "BGN",
                                                "HRK", "RSD", "ZAR", "BRL", "CNY", "MXN", "ALL", "MKD"};
  ASSERT_FALSE(sample().empty());
  for (const auto& line : sample()) {
    const auto where = io::csv_line(line, io::CsvFor::machines);
    ASSERT_EQ(line.size(), TransferGenerator::header().size()) << where;
    EXPECT_TRUE(is_register_code(line[reporting_state])) << where;
    const int line_year = std::stoi(line[year]);
    EXPECT_GE(line_year, 2015) << where;
    EXPECT_LE(line_year, 2024) << where;
    EXPECT_TRUE(line[direction] == "export" || line[direction] == "import") << where;
    EXPECT_TRUE(categories_for(line_year).count(line[category])) << where;
    EXPECT_TRUE(is_register_code(line[partner_state])) << where;
    EXPECT_NE(line[partner_state], line[reporting_state]) << where;
    EXPECT_TRUE(line[items].empty() || is_count(line[items])) << where;
    EXPECT_TRUE(line[value].empty() || is_decimal(line[value])) << where;
    EXPECT_FALSE(line[items].empty() && line[value].empty()) << where;
    EXPECT_EQ(line[value].empty(), line[currency].empty()) << where;
    if (!line[currency].empty()) {
      EXPECT_TRUE(iso4217.count(line[currency])) << where;
    }
    EXPECT_TRUE(line[basis] == "authorized" || line[basis] == "actual") << where;
    EXPECT_TRUE(line[description].empty() || line[description].rfind("DEMO ", 0) == 0) << where;
    EXPECT_EQ(line[comments].rfind("DEMO", 0), 0u) << where;
    if (!line[state_of_origin].empty()) {
      EXPECT_TRUE(is_register_code(line[state_of_origin])) << where;
      EXPECT_NE(line[state_of_origin], line[reporting_state]) << where;
      EXPECT_NE(line[state_of_origin], line[partner_state]) << where;
    }
    if (!line[intermediate_location].empty()) {
      EXPECT_TRUE(is_register_code(line[intermediate_location])) << where;
      EXPECT_NE(line[intermediate_location], line[reporting_state]) << where;
      EXPECT_NE(line[intermediate_location], line[partner_state]) << where;
      EXPECT_NE(line[intermediate_location], line[state_of_origin]) << where;
    }
  }
}

TEST(TransferGenerator, LinesFollowTheReportsInOrder) {
  const auto& generator = sample_generator();
  std::map<std::pair<std::string, int>, std::size_t> report_index;
  for (std::size_t i = 0; i < generator.reports().size(); ++i) {
    const auto& report = generator.reports()[i];
    EXPECT_TRUE(report_index.emplace(std::pair(report.reporting_state, report.year), i).second)
        << "one report per State and year";
  }
  std::map<std::pair<std::size_t, bool>, std::size_t> counted;
  std::pair<std::string, int> previous;
  for (const auto& line : sample()) {
    const std::pair<std::string, int> current(line[reporting_state], std::stoi(line[year]));
    EXPECT_LE(previous, current) << io::csv_line(line, io::CsvFor::machines);
    previous = current;
    const auto found = report_index.find(current);
    ASSERT_NE(found, report_index.end()) << "a line without its report: " << io::csv_line(line, io::CsvFor::machines);
    const auto& report = generator.reports()[found->second];
    const bool exports = line[direction] == "export";
    EXPECT_FALSE(exports ? report.nil_exports : report.nil_imports) << io::csv_line(line, io::CsvFor::machines);
    ++counted[{found->second, exports}];
  }
  for (std::size_t i = 0; i < generator.reports().size(); ++i) {
    for (const bool exports : {true, false}) {
      const auto lines = counted.count({i, exports}) ? counted[{i, exports}] : 0;
      EXPECT_EQ(lines, generator.line_count(i, exports));
      const auto& report = generator.reports()[i];
      EXPECT_EQ(lines == 0, exports ? report.nil_exports : report.nil_imports)
          << report.reporting_state << " " << report.year << ": nil exactly when the table is empty";
    }
  }
}

TEST(TransferGenerator, OnlyStatesBoundForTheWholeYearReportAndAboutTwoThirdsDo) {
  const auto& generator = sample_generator();
  for (const auto& report : generator.reports()) {
    const auto* state = project_register().find_by_code(report.reporting_state);
    ASSERT_NE(state, nullptr) << report.reporting_state;
    EXPECT_TRUE(status_on(*state, Date::from_ymd(report.year, 1, 1)).in_force)
        << report.reporting_state << " " << report.year;
    EXPECT_TRUE(status_on(*state, Date::from_ymd(report.year, 12, 31)).in_force)
        << report.reporting_state << " " << report.year;
  }
  std::size_t due = 0;
  for (const auto& state : project_register().states()) {
    for (int y = 2015; y <= 2024; ++y) {
      if (status_on(state, Date::from_ymd(y, 1, 1)).in_force && status_on(state, Date::from_ymd(y, 12, 31)).in_force)
        ++due;
    }
  }
  ASSERT_GT(due, 0u);
  const double share = static_cast<double>(generator.reports().size()) / static_cast<double>(due);
  EXPECT_GT(share, 0.55);
  EXPECT_LT(share, 0.78);

  const auto reports = [&](const std::string& iso3) {
    return std::count_if(generator.reports().begin(), generator.reports().end(),
                         [&](const auto& r) { return r.reporting_state == iso3; });
  };
  EXPECT_EQ(reports("USA"), 0) << "a signatory never reports";
  EXPECT_EQ(reports("ISR"), 0) << "a signatory never reports";
  EXPECT_GT(reports("DEU"), 0);
}

TEST(TransferGenerator, SomeReportsAreNilSomeRestrictedSomeLate) {
  const auto& reports = sample_generator().reports();
  ASSERT_FALSE(reports.empty());
  const auto count = [&](auto predicate) {
    return static_cast<std::size_t>(std::count_if(reports.begin(), reports.end(), predicate));
  };
  EXPECT_GT(count([](const auto& r) { return r.nil_exports; }), 0u);
  EXPECT_GT(count([](const auto& r) { return r.nil_imports; }), 0u);
  EXPECT_GT(count([](const auto& r) { return !r.nil_exports && !r.nil_imports; }), 0u);
  const auto restricted = count([](const auto& r) { return r.restricted; });
  EXPECT_GT(restricted, reports.size() / 10);
  EXPECT_LT(restricted, reports.size() * 3 / 10);
  EXPECT_GT(count([](const auto& r) { return r.days_late > 7; }), 0u) << "late";
  EXPECT_GT(count([](const auto& r) { return r.days_late >= 1 && r.days_late <= 7; }), 0u) << "within grace";
  EXPECT_GT(count([](const auto& r) { return r.days_late < 0; }), 0u) << "early";
}

TEST(TransferGenerator, SmallArmsAreTheMostFrequentLinesAndHeavyWeaponsComeInSmallNumbers) {
  std::map<std::string, std::size_t> groups;
  std::map<std::string, std::vector<long long>> items_by_group;
  for (const auto& line : sample()) {
    ++groups[group_of(line[category])];
    if (!line[items].empty()) items_by_group[group_of(line[category])].push_back(std::stoll(line[items]));
  }
  EXPECT_GT(groups["small arms"], groups["light weapons"]);
  EXPECT_GT(groups["small arms"], groups["I-VII"]);
  EXPECT_GT(groups["small arms"] * 10, sample().size() * 4) << "well over a third of the lines";

  const auto median = [](std::vector<long long> numbers) {
    std::nth_element(numbers.begin(), numbers.begin() + static_cast<long>(numbers.size() / 2), numbers.end());
    return numbers[numbers.size() / 2];
  };
  ASSERT_FALSE(items_by_group["I-VII"].empty());
  EXPECT_LT(median(items_by_group["I-VII"]), median(items_by_group["small arms"]));
  std::vector<long long> warships;
  for (const auto& line : sample()) {
    if (line[category] == "VI" && !line[items].empty()) warships.push_back(std::stoll(line[items]));
  }
  ASSERT_FALSE(warships.empty());
  EXPECT_LE(median(warships), 4);
}

TEST(TransferGenerator, LargeExportersManyPartnersAndNonPartiesAsPartners) {
  std::map<std::string, std::size_t> export_lines;
  std::map<std::string, std::set<std::string>> partners;
  std::set<std::string> all_partners;
  for (const auto& line : sample()) {
    all_partners.insert(line[partner_state]);
    if (line[direction] != "export") continue;
    ++export_lines[line[reporting_state]];
    partners[line[reporting_state]].insert(line[partner_state]);
  }
  std::vector<std::pair<std::size_t, std::string>> ranking;
  for (const auto& [state, lines] : export_lines) ranking.emplace_back(lines, state);
  std::sort(ranking.rbegin(), ranking.rend());
  ASSERT_GE(ranking.size(), 10u);
  std::set<std::string> top;
  for (std::size_t i = 0; i < 6; ++i) top.insert(ranking[i].second);
  for (const auto* big : {"DEU", "FRA", "ITA", "GBR"}) EXPECT_TRUE(top.count(big)) << big << " among the top exporters";
  EXPECT_GT(ranking.front().first, 10 * ranking[ranking.size() / 2].first) << "a few exporters dominate";
  EXPECT_GE(partners["DEU"].size(), 50u);
  EXPECT_GE(all_partners.size(), 120u);
  EXPECT_TRUE(all_partners.count("USA")) << "a non-party appears as a partner";
  EXPECT_TRUE(all_partners.count("ISR"));
}

TEST(TransferGenerator, ShowsTheVarietyOfRealReports) {
  std::set<std::string> currencies;
  std::size_t items_only = 0, value_only = 0, with_origin = 0, with_transit = 0, quoted = 0, older_codes = 0;
  std::map<std::pair<std::string, std::string>, std::set<std::string>> bases;  // per report
  std::map<std::tuple<std::string, std::string, std::string>, std::set<std::string>> per_table_basis;
  for (const auto& line : sample()) {
    if (!line[currency].empty()) currencies.insert(line[currency]);
    items_only += !line[items].empty() && line[value].empty();
    value_only += line[items].empty() && !line[value].empty();
    with_origin += !line[state_of_origin].empty();
    with_transit += !line[intermediate_location].empty();
    quoted += io::csv_field(line[description], io::CsvFor::machines) != line[description];
    older_codes += line[category] == "IV" || line[category] == "V" || line[category] == "VII";
    bases[{line[reporting_state], line[year]}].insert(line[basis]);
    if (std::stoi(line[year]) <= 2016)
      per_table_basis[{line[reporting_state], line[year], line[direction]}].insert(line[basis]);
  }
  for (const auto& [table, used] : per_table_basis) {
    EXPECT_EQ(used.size(), 1u) << std::get<0>(table) << " " << std::get<1>(table)
                               << ": one basis per table before 2017";
  }
  EXPECT_GE(currencies.size(), 8u);
  EXPECT_TRUE(currencies.count("USD") && currencies.count("EUR"));
  EXPECT_GT(items_only, 0u);
  EXPECT_GT(value_only, 0u);
  EXPECT_GT(with_origin, 0u);
  EXPECT_LT(with_origin, sample().size() / 10) << "only a few lines";
  EXPECT_GT(with_transit, 0u);
  EXPECT_LT(with_transit, sample().size() / 10);
  EXPECT_GT(quoted, 0u) << "some descriptions need CSV quoting";
  EXPECT_GT(older_codes, 0u) << "reports on 2015 and 2016 use IV, V and VII";
  const auto mixed =
      std::count_if(bases.begin(), bases.end(), [](const auto& entry) { return entry.second.size() > 1; });
  EXPECT_GT(mixed, 0);
  EXPECT_LT(static_cast<std::size_t>(mixed), bases.size()) << "most reports keep to one basis";
}

TEST(TransferGenerator, NoTableRepeatsALine) {
  // The validator's duplicate_line key: direction, category, partner, items, value, description.
  std::set<std::string> seen;
  const TransferGenerator generator(project_register(), options_for(100000));
  std::size_t duplicates = 0;
  generator.for_each_line([&](const Line& line) {
    const auto key = io::csv_line({line[reporting_state], line[year], line[direction], line[category],
                                   line[partner_state], line[items], line[value], line[description]}, io::CsvFor::machines);
    duplicates += !seen.insert(key).second;
  });
  EXPECT_EQ(duplicates, 0u);
}

TEST(TransferGenerator, OutputParsesBackAsCsv) {
  const auto text = csv_of(sample_generator());
  const auto records = io::parse_csv(text);
  ASSERT_TRUE(records) << records.error().message;
  ASSERT_EQ(records->size(), sample().size() + 1);
  EXPECT_EQ((*records)[0].fields, TransferGenerator::header());
  for (std::size_t i = 0; i < sample().size(); ++i) {
    ASSERT_EQ((*records)[i + 1].fields, sample()[i]) << "line " << i + 2;
  }
}

}  // namespace
}  // namespace att::demo
