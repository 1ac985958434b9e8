// Reports on SQLite and PostgreSQL: import, versions, the derived current version, round trips,
// and who may see restricted and recalled reports.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <sstream>

#include "auth/policy.hpp"
#include "io/csv_reader.hpp"
#include "io/file.hpp"
#include "io/report_json.hpp"
#include "reporting/csv_import.hpp"
#include "reporting/reports_store.hpp"
#include "reporting/streamed_import.hpp"
#include "store/open_database.hpp"
#include "test_support.hpp"

namespace att::reporting {
using namespace att::literals;
namespace {

// The day the imports run: 2025 has ended, 2026 has not.
const Date as_of = Date::from_ymd(2026, 6, 1);

const std::string header =
    "reporting_state,year,direction,category,partner_state,items,value,currency,basis,description,comments,"
    "state_of_origin,intermediate_location\n";

class Reports : public testing::OnBothDatabasesWithRegister {
 protected:
  ImportBatch read(const std::string& body, reports::Visibility visibility = reports::Visibility::public_report) {
    return read_canonical_csv(header + body, register_, templates_, {visibility, as_of, 1000});
  }

  void import(const std::string& body, reports::Visibility visibility = reports::Visibility::public_report) {
    const auto batch = read(body, visibility);
    ASSERT_FALSE(batch.has_errors()) << batch.problems.front().code;
    store::Transaction transaction(*db_);
    for (const auto& report : batch.reports) submit(*db_, {report, Channel::import, Date::from_ymd(2023, 6, 2), false, {}}, "2026-01-01T00:00:00Z"_utc);
    transaction.commit();
  }

  const reports::TemplateLibrary& templates_ = testing::project_templates();
};

TEST_P(Reports, ImportCreatesOneReportPerStateAndYearThenAmendsWithNewVersions) {
  import("FRA,2022,export,VIII.SA.2,Belgium,120,350000,EUR,actual,Rifles,,,\n"
         "France,2022,import,II,DEU,4,,,,APC,,,\n");
  auto listed = current_reports(*db_, database_owner(), {});
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].reporting_state, "FRA");
  EXPECT_EQ(listed[0].version_no, 1);
  EXPECT_EQ(listed[0].line_count, 2);
  EXPECT_EQ(listed[0].received, Date::from_ymd(2023, 6, 2));

  import("FRA,2022,export,VIII.SA.2,BEL,150,,,actual,Rifles (corrected),,,\n");
  listed = current_reports(*db_, database_owner(), {std::string("FRA"), 2022});
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].version_no, 2);
  EXPECT_EQ(listed[0].line_count, 1);
  EXPECT_EQ(db_->query("SELECT COUNT(*) FROM report_versions").at(0).integer(0), 2) << "version 1 is kept";
  const auto current = current_report(*db_, database_owner(), "FRA", 2022);
  ASSERT_TRUE(current);
  EXPECT_EQ(current->second.lines.at(0).items, 150);
}

TEST_P(Reports, CsvRoundTripKeepsEveryField) {
  const std::string body =
      "FRA,2022,export,VIII.SA.2,BEL,120,350000.50,EUR,actual,\"Rifles, 5.56 mm\",\"two lines\nof comment\",DEU,"
      "Port of Antwerp\n"
      "FRA,2022,import,NAT:Ammunition,USA,,12.5,USD,authorized,\"say \"\"hi\"\"\",,,\n";
  import(body);
  const auto current = current_report(*db_, database_owner(), "FRA", 2022);
  ASSERT_TRUE(current);
  const auto exported = io::report_csv(current->second, io::CsvFor::machines);
  EXPECT_EQ(exported, header + body);
  const auto again = read(exported.substr(header.size()));
  ASSERT_FALSE(again.has_errors());
  EXPECT_EQ(content_hash(again.reports.at(0)), current->first.content_hash) << "same content, same hash";
}

// CSV for people neutralises fields a spreadsheet would run as formulas; the import undoes it, so
// the report read back from such a download is the same report, with the same hash.
TEST_P(Reports, CsvForPeopleReadsBackAsTheSameReport) {
  const std::string body =
      "FRA,2022,export,II,BEL,3,,,actual,\"=HYPERLINK(\"\"http://example.org\"\")\",\"-1, they said\",,\n"
      "FRA,2022,export,III,BEL,4,,,actual,-rifles,@SUM(A1),,+DEU\n";
  import(body);
  const auto current = current_report(*db_, database_owner(), "FRA", 2022);
  ASSERT_TRUE(current);
  const auto for_people = io::report_csv(current->second, io::CsvFor::people);
  EXPECT_NE(for_people.find(",\"'=HYPERLINK(\"\"http://example.org\"\")\","), std::string::npos) << for_people;
  EXPECT_NE(for_people.find(",'-rifles,'@SUM(A1),,'+DEU"), std::string::npos) << for_people;
  EXPECT_EQ(io::report_csv(current->second, io::CsvFor::machines), header + body) << "the raw form is unchanged";
  const auto again = read(for_people.substr(header.size()));
  ASSERT_EQ(again.reports.size(), 1u);
  EXPECT_EQ(again.reports[0].lines.at(0).description, "=HYPERLINK(\"http://example.org\")");
  EXPECT_EQ(content_hash(again.reports[0]), current->first.content_hash) << "same content, same hash";
}

// A control character in a field refuses its line with a located problem; the streamed import
// never writes it (PostgreSQL could not store a NUL anyway). Tabs, new lines and CRLF are text.
TEST_P(Reports, ControlCharactersInAFieldAreRefusedWithTheirPlace) {
  const std::string body = "FRA,2022,export,II,BEL,3,,,actual,\"tab\there, CRLF\r\nthere\",,,\n"
                           "FRA,2022,export,III,BEL,4,,,actual,\"nul" + std::string(1, '\0') + "\",ok,,\n"
                           "FRA,2022,export,IV,BEL,5,,,actual,,bell\a,,\n";
  const auto batch = read(body);
  ASSERT_EQ(batch.error_count, 2u);
  EXPECT_EQ(batch.problems[0].code, problem_codes::control_character);
  EXPECT_EQ(batch.problems[0].line, 4u) << "the first record takes lines 2 and 3";
  EXPECT_EQ(batch.problems[0].column, "description");
  EXPECT_EQ(batch.problems[0].params.at("character"), "U+0000");
  EXPECT_EQ(batch.problems[1].line, 5u);
  EXPECT_EQ(batch.problems[1].column, "comments");

  StreamedImportOptions options;
  options.reading = {reports::Visibility::public_report, as_of, 1000};
  options.now = "2026-01-01T00:00:00Z"_utc;
  std::istringstream in(header + body);
  store::Transaction transaction(*db_);
  const auto result = import_canonical_csv(*db_, in, register_, templates_, options);
  EXPECT_EQ(result.batch.error_count, 2u);
  EXPECT_EQ(result.lines, 1u) << "only the line without a control character was written";
}

// A record longer than the limit is refused as soon as the limit is passed, with its line: the
// rest of the file is not read.
TEST_P(Reports, AnOverlongRecordIsRefusedWithItsLine) {
  std::string text = header + "FRA,2022,export,II,BEL,3,,,actual,,,,\n" + "FRA,2022,export,II,BEL,3,,,actual,";
  text.append(3 << 20, 'x');
  text += ",,,\nFRA,2022,export,III,BEL,3,,,actual,,,,\n";
  const auto started = std::chrono::steady_clock::now();
  std::istringstream in(text);
  const auto batch = read_canonical_csv(in, register_, templates_, {reports::Visibility::public_report, as_of, 1000},
                                        64 * 1024);
  const auto took = std::chrono::steady_clock::now() - started;
  ASSERT_EQ(batch.problems.size(), 1u);
  EXPECT_EQ(batch.problems[0].code, problem_codes::csv_record_too_long);
  EXPECT_EQ(batch.problems[0].line, 3u);
  EXPECT_TRUE(batch.reports.empty());
  EXPECT_LT(static_cast<std::size_t>(in.tellg()), 2u << 20) << "the reading stopped soon after the limit";
  EXPECT_LT(took, std::chrono::seconds(2));
  EXPECT_EQ(read(text.substr(header.size())).problems.at(0).code, problem_codes::csv_record_too_long)
      << "from memory too";
}

// Every header field survives storage and the JSON of the API, on both databases.
TEST_P(Reports, HeaderFieldsSurviveStorageAndJson) {
  reports::AnnualReport report;
  report.reporting_state = "SWE";
  report.year = 2023;
  report.template_id = "annual-2021";
  report.nil_imports = true;
  report.visibility = reports::Visibility::restricted;
  report.restriction_reason = "national security";
  report.withheld_all = false;
  report.withheld_categories = {"VII.a", "VIII.SA.2"};
  report.default_basis = reports::Basis::authorized;
  report.comments = "General comments, with \"quotes\" and\na line break";
  report.national_definitions = "Category II includes armoured recovery vehicles.\nÅ, ä, ö.";
  report.contact = {"A. Name", "Desk officer", "ISP", "Box 1, Stockholm", "isp@example.se", "+46 8 000 00 00"};
  reports::ReportLine line;
  line.category = "II";
  line.partner_state = "NOR";
  line.items = 2;
  report.lines.push_back(line);
  const auto check = [&](const reports::AnnualReport& back, const std::string& how) {
    EXPECT_EQ(back.nil_exports, report.nil_exports) << how;
    EXPECT_EQ(back.nil_imports, report.nil_imports) << how;
    EXPECT_EQ(back.visibility, report.visibility) << how;
    EXPECT_EQ(back.restriction_reason, report.restriction_reason) << how;
    EXPECT_EQ(back.withheld_all, report.withheld_all) << how;
    EXPECT_EQ(back.withheld_categories, report.withheld_categories) << how;
    EXPECT_EQ(back.default_basis, report.default_basis) << how;
    EXPECT_EQ(back.comments, report.comments) << how;
    EXPECT_EQ(back.national_definitions, report.national_definitions) << how;
    EXPECT_EQ(back.contact.name, report.contact.name) << how;
    EXPECT_EQ(back.contact.position, report.contact.position) << how;
    EXPECT_EQ(back.contact.department, report.contact.department) << how;
    EXPECT_EQ(back.contact.address, report.contact.address) << how;
    EXPECT_EQ(back.contact.email, report.contact.email) << how;
    EXPECT_EQ(back.contact.telephone, report.contact.telephone) << how;
  };
  store::Transaction transaction(*db_);
  const auto receipt = submit(*db_, {report, Channel::email, Date::from_ymd(2024, 6, 1), false, {}}, "2026-01-01T00:00:00Z"_utc);
  transaction.commit();
  const auto stored = current_report(*db_, database_owner(), "SWE", 2023);
  ASSERT_TRUE(stored);
  check(stored->second, "stored");
  EXPECT_EQ(content_hash(stored->second), receipt.content_hash) << "what was stored is what was hashed";
  auto changed = report;
  changed.national_definitions += " ";
  EXPECT_NE(content_hash(changed), receipt.content_hash) << "the annex is part of the hashed content";
  const auto from_json = io::report_from_json(io::report_json(stored->second));
  ASSERT_TRUE(from_json) << from_json.error();
  check(*from_json, "JSON");
}

// Lines are written in statements of 64, 32, ... 1 rows: every count around those sizes must
// come back whole and in order.
TEST_P(Reports, EveryLineCountIsStoredWholeAndInOrder) {
  for (const int count : {1, 2, 63, 64, 65, 127, 128, 200}) {
    std::string body;
    for (int i = 1; i <= count; ++i)
      body += "GBR,2022,export,II,USA," + std::to_string(i) +
              ",,,,line " + std::to_string(i) + ",,,\n";
    import(body);
    const auto current = current_report(*db_, database_owner(), "GBR", 2022);
    ASSERT_TRUE(current);
    ASSERT_EQ(current->second.lines.size(), static_cast<std::size_t>(count));
    EXPECT_EQ(current->first.line_count, count);
    for (int i = 0; i < count; ++i) {
      EXPECT_EQ(current->second.lines[static_cast<std::size_t>(i)].items, i + 1) << count << " lines, line " << i;
      EXPECT_EQ(current->second.lines[static_cast<std::size_t>(i)].description, "line " + std::to_string(i + 1));
    }
  }
}

TEST_P(Reports, RestrictedReportsReachOnlyThoseWhoMaySeeThem) {
  import("FRA,2022,export,I,BEL,1,,,,,,,\n", reports::Visibility::restricted);
  import("DEU,2022,export,I,BEL,1,,,,,,,\n", reports::Visibility::public_report);
  struct Case {
    const char* who;
    auth::Viewer viewer;
    bool sees_restricted;
  };
  const std::vector<Case> cases = {
      {"anonymous", auth::Viewer::anonymous(), false},
      {"observer", viewer({auth::Role::observer}), false},
      {"representative of a party", viewer({auth::Role::state_representative}, "ITA"), true},
      {"representative of the State itself", viewer({auth::Role::state_representative}, "FRA"), true},
      {"representative of a signatory", viewer({auth::Role::state_representative}, "USA"), false},
      {"representative of a non-member", viewer({auth::Role::state_representative}, "VAT"), false},
      {"reporting officer of a party", viewer({auth::Role::state_representative, auth::Role::reporting_officer}, "ITA"), true},
      {"chair", viewer({auth::Role::chair}), false},
      {"secretariat", viewer({auth::Role::secretariat}), true},
      {"administrator", viewer({auth::Role::administrator}), false},
  };
  for (const auto& c : cases) {
    const auto listed = current_reports(*db_, c.viewer, {});
    const bool sees_france = std::any_of(listed.begin(), listed.end(), [](const auto& r) { return r.reporting_state == "FRA"; });
    EXPECT_EQ(sees_france, c.sees_restricted) << c.who;
    EXPECT_EQ(current_report(*db_, c.viewer, "FRA", 2022).has_value(), c.sees_restricted) << c.who;
    EXPECT_TRUE(current_report(*db_, c.viewer, "DEU", 2022).has_value()) << c.who << ": public reports are public";
  }
}

TEST_P(Reports, ErrorsStopTheWholeImport) {
  const auto batch = read("FRA,2022,export,I,BEL,1,,,,,,,\nDEU,2022,export,XX,BEL,1,,,,,,,\n");
  EXPECT_TRUE(batch.has_errors());
  ASSERT_EQ(batch.problems.size(), 1u);
  EXPECT_EQ(batch.problems[0].line, 3u);
  EXPECT_EQ(batch.problems[0].column, "category");
  EXPECT_EQ(batch.problems[0].code, "unknown_category");
  EXPECT_EQ(batch.problems[0].params.at("value"), "XX");
}

// Real reports and historical data: a sample made of each case, and what each line should give
// (tests/integration/data/real_reports_*.csv).
std::string expected_problems(const std::string& sample) {
  const auto table = io::CsvTable::parse(*io::read_file(std::string(ATT_TEST_DATA_DIR) + "/real_reports_expected.csv"));
  std::string text;
  for (const auto& row : table->rows())
    if (table->field(row, "sample") == sample)
      text += std::string(table->field(row, "line")) + " " + std::string(table->field(row, "severity")) + " " +
              std::string(table->field(row, "code")) + " " + std::string(table->field(row, "column")) + "\n";
  return text;
}

std::string problems_of(const ImportBatch& batch) {
  auto problems = batch.problems;
  std::stable_sort(problems.begin(), problems.end(), [](const auto& a, const auto& b) { return a.line < b.line; });
  std::string text;
  for (const auto& p : problems)
    text += std::to_string(p.line) + " " + std::string(to_string(p.severity)) + " " + p.code + " " + p.column + "\n";
  return text;
}

TEST_P(Reports, RealReportsImportAsTheyAreAndWrongDataIsRefused) {
  for (const std::string sample : {"real_reports_accepted.csv", "real_reports_refused.csv"}) {
    const auto text = io::read_file(std::string(ATT_TEST_DATA_DIR) + "/" + sample);
    ASSERT_TRUE(text) << sample;
    const auto batch = read_canonical_csv(*text, register_, templates_, {reports::Visibility::public_report, as_of, 1000});
    EXPECT_EQ(problems_of(batch), expected_problems(sample)) << sample;
  }
  const auto accepted = read_canonical_csv(*io::read_file(std::string(ATT_TEST_DATA_DIR) + "/real_reports_accepted.csv"),
                                           register_, templates_, {reports::Visibility::public_report, as_of, 1000});
  ASSERT_FALSE(accepted.has_errors());
  ASSERT_EQ(accepted.reports.size(), 6u);
  store::Transaction transaction(*db_);
  for (const auto& report : accepted.reports)
    submit(*db_, {report, Channel::import, Date::from_ymd(2026, 5, 1), false, {}}, "2026-05-01T00:00:00Z"_utc);
  transaction.commit();
  // Stored as given, and counted under the template's parent.
  const auto france = current_report(*db_, database_owner(), "FRA", 2016);
  ASSERT_TRUE(france);
  EXPECT_EQ(france->second.template_id, "annual-2015");
  EXPECT_EQ(france->second.lines.at(0).category, "VII.a");
  EXPECT_EQ(templates_.by_id(france->second.template_id)->counted_under(france->second.lines.at(0).category), "VII");
  const auto sweden = current_report(*db_, database_owner(), "SWE", 2012);
  ASSERT_TRUE(sweden) << "a year before the first template is kept";
  EXPECT_EQ(sweden->second.template_id, "annual-2015");
  const auto britain = current_report(*db_, database_owner(), "GBR", 2021);
  ASSERT_TRUE(britain) << "a whole category where the template splits it is kept";
  EXPECT_EQ(britain->second.lines.at(0).category, "IV");
  const auto germany = current_report(*db_, database_owner(), "DEU", 2018);
  ASSERT_TRUE(germany);
  EXPECT_EQ(germany->second.lines.at(0).category, "NAT:Ammunition");
}

TEST_P(Reports, AnAmendmentReceivedBeforeTheVersionItReplacesIsRefused) {
  import("FRA,2022,export,I,BEL,1,,,actual,,,,\n");  // received 2023-06-02
  auto amendment = read("FRA,2022,export,I,BEL,2,,,actual,,,,\n").reports.at(0);
  {
    store::Transaction transaction(*db_);
    try {
      submit(*db_, {amendment, Channel::email, Date::from_ymd(2023, 5, 31), false, {}}, "2026-01-02T00:00:00Z"_utc);
      FAIL() << "an amendment dated before version 1 was stored";
    } catch (const SubmissionRefused& refusal) {
      EXPECT_EQ(refusal.problem().code, "received_before_previous_version");
      EXPECT_EQ(refusal.problem().params.at("previous"), "2023-06-02");
      EXPECT_EQ(refusal.problem().params.at("received"), "2023-05-31");
    }
  }
  EXPECT_EQ(current_reports(*db_, database_owner(), {std::string("FRA"), 2022}).at(0).version_no, 1);
  store::Transaction transaction(*db_);
  const auto receipt =
      submit(*db_, {amendment, Channel::email, Date::from_ymd(2023, 6, 2), false, {}}, "2026-01-02T00:00:00Z"_utc);
  transaction.commit();
  EXPECT_EQ(receipt.version_no, 2) << "the same day as the version it replaces is accepted";
}

// The streamed import (att import) against the whole-file path: the lines of three reports are
// interleaved across more lines than one batch of inserts holds; each stored report must be the
// one read_canonical_csv builds, with the same content hash as submit() gives it.
TEST_P(Reports, StreamedImportStoresWhatSubmitWouldWithTheSameHash) {
  std::string body;
  const char* states[] = {"FRA", "Germany", "GBR"};
  for (int i = 1; i <= 5000; ++i)
    body += std::string(states[i % 3]) + ",2022," + (i % 2 ? "export" : "import") + ",II,USA," + std::to_string(i) +
            "," + (i % 5 ? "" : std::to_string(i * 10) + ",EUR") + (i % 5 ? "," : "") + ",,\"line, " +
            std::to_string(i) + "\",,,\n";
  const auto expected = read(body);
  ASSERT_FALSE(expected.has_errors()) << expected.problems.front().code;
  ASSERT_EQ(expected.reports.size(), 3u);

  StreamedImportOptions options;
  options.reading = {reports::Visibility::public_report, Date::from_ymd(2026, 1, 1), 1000};
  options.received = Date::from_ymd(2023, 6, 2);
  options.now = "2026-01-01T00:00:00Z"_utc;
  options.lines_per_batch = 1000;  // five batches, each with lines of all three reports
  std::istringstream in(header + body);
  StreamedImportResult result;
  {
    store::Transaction transaction(*db_);
    result = import_canonical_csv(*db_, in, register_, templates_, options);
    ASSERT_FALSE(result.batch.has_errors()) << result.batch.problems.front().code;
    transaction.commit();
  }
  EXPECT_EQ(result.created, 3u);
  EXPECT_EQ(result.amended, 0u);
  EXPECT_EQ(result.lines, 5000u);
  for (const auto& report : expected.reports) {
    const auto stored = current_report(*db_, database_owner(), report.reporting_state, 2022);
    ASSERT_TRUE(stored) << report.reporting_state;
    EXPECT_EQ(stored->first.content_hash, content_hash(report)) << report.reporting_state;
    EXPECT_EQ(stored->first.line_count, static_cast<std::int64_t>(report.lines.size()));
    EXPECT_EQ(stored->second.template_id, report.template_id);
    ASSERT_EQ(stored->second.lines.size(), report.lines.size());
    for (std::size_t i = 0; i < report.lines.size(); ++i) {
      EXPECT_EQ(stored->second.lines[i].description, report.lines[i].description) << i;
      EXPECT_EQ(stored->second.lines[i].items, report.lines[i].items) << i;
      EXPECT_EQ(stored->second.lines[i].value, report.lines[i].value) << i;
    }
  }
  // Importing again amends: a second version of each.
  std::istringstream again(header + body);
  store::Transaction transaction(*db_);
  const auto second = import_canonical_csv(*db_, again, register_, templates_, options);
  EXPECT_EQ(second.amended, 3u);
  transaction.commit();
  EXPECT_EQ(current_reports(*db_, database_owner(), {}).at(0).version_no, 2);
}

TEST_P(Reports, StreamedImportFindsTheSameProblemsAndWritesNothingUncommitted) {
  const std::string body =
      "FRA,2022,export,I,BEL,1,,,,,,,\n"
      "DEU,2022,export,XX,BEL,1,,,,,,,\n"        // a category no template knows (a report check)
      "FRA,2022,export,I,BEL,many,,,,,,,\n"      // not a number (a line check)
      "Atlantis,2022,export,I,BEL,1,,,,,,,\n"    // no such State: the line has no report
      "FRA,2022,export,I,BEL,2,100,,,,,,\n";     // a value without its currency (a report check)
  const auto expected = read(body);
  ASSERT_TRUE(expected.has_errors());
  StreamedImportOptions options;
  options.reading = {reports::Visibility::public_report, Date::from_ymd(2026, 1, 1), 1000};
  options.now = "2026-01-01T00:00:00Z"_utc;
  std::istringstream in(header + body);
  {
    store::Transaction transaction(*db_);
    const auto result = import_canonical_csv(*db_, in, register_, templates_, options);
    EXPECT_EQ(result.batch.error_count, expected.error_count);
    ASSERT_EQ(result.batch.problems.size(), expected.problems.size());
    for (std::size_t i = 0; i < expected.problems.size(); ++i) {
      EXPECT_EQ(result.batch.problems[i].line, expected.problems[i].line) << i;
      EXPECT_EQ(result.batch.problems[i].column, expected.problems[i].column) << i;
      EXPECT_EQ(result.batch.problems[i].code, expected.problems[i].code) << i;
      EXPECT_EQ(result.batch.problems[i].params, expected.problems[i].params) << i;
    }
  }  // not committed: rolled back
  EXPECT_EQ(db_->query("SELECT COUNT(*) FROM report_versions").at(0).integer(0), 0);
  EXPECT_EQ(db_->query("SELECT COUNT(*) FROM report_lines").at(0).integer(0), 0);
}

// Lines of one report usually come together: such a report is checked from memory when its run
// ends. One that turns up again later (FRA), and one longer than the lines held in memory (ITA),
// are read back at the end. All of them must be stored exactly as submit() would store them.
TEST_P(Reports, StreamedImportChecksReportsFromMemoryOrReadBackAlike) {
  const auto lines = [](const std::string& state, int from, int to) {
    std::string text;
    for (int i = from; i <= to; ++i)
      text += state + ",2022,export,II,USA," + std::to_string(i) + ",,,,\"line " + std::to_string(i) + "\",,,\n";
    return text;
  };
  const auto body = lines("FRA", 1, 300) + lines("DEU", 1, 200) + lines("GBR", 1, 100) + lines("FRA", 301, 310) +
                    lines("ITA", 1, 400);
  const auto expected = read(body);
  ASSERT_FALSE(expected.has_errors()) << expected.problems.front().code;
  StreamedImportOptions options;
  options.reading = {reports::Visibility::public_report, as_of, 1000};
  options.now = "2026-01-01T00:00:00Z"_utc;
  options.lines_per_batch = 128;
  options.lines_held = 250;
  std::istringstream in(header + body);
  store::Transaction transaction(*db_);
  const auto result = import_canonical_csv(*db_, in, register_, templates_, options);
  ASSERT_FALSE(result.batch.has_errors()) << result.batch.problems.front().code;
  transaction.commit();
  EXPECT_EQ(result.lines, 1010u);
  for (const auto& report : expected.reports) {
    const auto stored = current_report(*db_, database_owner(), report.reporting_state, 2022);
    ASSERT_TRUE(stored) << report.reporting_state;
    EXPECT_EQ(stored->first.content_hash, content_hash(report)) << report.reporting_state;
    EXPECT_EQ(stored->first.line_count, static_cast<std::int64_t>(report.lines.size())) << report.reporting_state;
    ASSERT_EQ(stored->second.lines.size(), report.lines.size());
    EXPECT_EQ(stored->second.lines.back().description, report.lines.back().description) << report.reporting_state;
  }
}

// The findings of reports checked early are kept only up to the listing's limit; the listing
// must still be the one the whole-file path gives, in the order of the reports, with every
// error counted.
TEST_P(Reports, StreamedImportListsFindingsInReportOrderUpToTheLimit) {
  std::string body;
  for (const char* state : {"FRA", "DEU", "GBR", "ITA"})
    for (int i = 1; i <= 3; ++i) body += std::string(state) + ",2022,export,II,USA,1," + std::to_string(i) + "00,,,,,,\n";
  const auto limited = read_canonical_csv(header + body, register_, templates_,
                                          {reports::Visibility::public_report, as_of, 5});
  ASSERT_EQ(limited.error_count, 12u) << "a value without its currency is an error on each line";
  StreamedImportOptions options;
  options.reading = {reports::Visibility::public_report, as_of, 5};
  options.now = "2026-01-01T00:00:00Z"_utc;
  std::istringstream in(header + body);
  store::Transaction transaction(*db_);
  const auto result = import_canonical_csv(*db_, in, register_, templates_, options);
  EXPECT_EQ(result.batch.error_count, limited.error_count);
  ASSERT_EQ(result.batch.problems.size(), limited.problems.size());
  for (std::size_t i = 0; i < limited.problems.size(); ++i) {
    EXPECT_EQ(result.batch.problems[i].line, limited.problems[i].line) << i;
    EXPECT_EQ(result.batch.problems[i].code, limited.problems[i].code) << i;
  }
}

// The reporting tool's list of a State's drafts: each with when it was last saved and its lines,
// for the State's own officers and the Secretariat only (the read rule, inside the query).
TEST_P(Reports, AStatesDraftsAreListedForThoseWhoMaySeeThem) {
  reports::AnnualReport report;
  report.reporting_state = "FRA";
  report.template_id = "annual-2021";
  reports::ReportLine line;
  line.category = "I";
  line.partner_state = "BEL";
  line.items = 1;
  {
    store::Transaction transaction(*db_);
    report.year = 2023;
    report.lines = {line, line};
    save_draft(*db_, report, std::nullopt, "2024-03-01T10:00:00Z"_utc);
    report.year = 2024;
    report.lines = {line};
    save_draft(*db_, report, std::nullopt, "2025-02-01T09:30:00Z"_utc);
    report.reporting_state = "DEU";
    save_draft(*db_, report, std::nullopt, "2025-02-02T09:30:00Z"_utc);
    transaction.commit();
  }
  const auto french_officer = viewer({auth::Role::state_representative, auth::Role::reporting_officer}, "FRA");
  const auto drafts = drafts_of(*db_, french_officer, "FRA");
  ASSERT_EQ(drafts.size(), 2u);
  EXPECT_EQ(drafts[0].year, 2024) << "newest year first";
  EXPECT_EQ(drafts[0].line_count, 1);
  ASSERT_TRUE(drafts[0].saved_at.has_value());
  EXPECT_EQ(drafts[0].saved_at->iso(), "2025-02-01T09:30:00Z");
  EXPECT_EQ(drafts[1].year, 2023);
  EXPECT_EQ(drafts[1].line_count, 2);
  EXPECT_EQ(drafts_of(*db_, viewer({auth::Role::secretariat}), "FRA").size(), 2u);
  // Every State's drafts, last saved first, for the Secretariat's overview.
  const auto pending = drafts_of(*db_, viewer({auth::Role::secretariat}), std::nullopt);
  ASSERT_EQ(pending.size(), 3u);
  EXPECT_EQ(pending[0].reporting_state, "DEU");
  EXPECT_EQ(pending[2].year, 2023);
  const auto own = drafts_of(*db_, french_officer, std::nullopt);
  ASSERT_EQ(own.size(), 2u) << "an officer's list of every State holds its own State's only";
  EXPECT_EQ(own[0].reporting_state, "FRA");
  EXPECT_EQ(drafts_of(*db_, french_officer, "DEU").size(), 0u) << "another State's drafts";
  for (const auto& other : {auth::Viewer::anonymous(), viewer({auth::Role::observer}),
                            viewer({auth::Role::state_representative}, "FRA"),
                            viewer({auth::Role::state_representative, auth::Role::reporting_officer}, "DEU"),
                            viewer({auth::Role::administrator})})
    EXPECT_TRUE(drafts_of(*db_, other, "FRA").empty()) << other.email << " " << other.roles.size();
}

INSTANTIATE_TEST_SUITE_P(BothDatabases, Reports, ::testing::ValuesIn(testing::database_kinds()),
                         [](const auto& test_info) { return test_info.param; });

TEST(CanonicalCsv, MalformedFilesAreRefusedWithLocatedErrors) {
  const auto read = [&](const std::string& text) {
    return read_canonical_csv(text, testing::project_register(), testing::project_templates(),
                              {reports::Visibility::public_report, as_of, 1000});
  };
  struct Case {
    const char* what;
    std::string text;
    const char* expected;
  };
  std::string noise(10 * 1024 * 1024, 'x');
  for (std::size_t i = 0; i < noise.size(); i += 97) noise[i] = static_cast<char>(i % 3 == 0 ? ',' : i % 3 == 1 ? '\n' : '"');
  const std::vector<Case> cases = {
      {"Latin-1 instead of UTF-8", header + "FRA,2022,export,I,C\xf4te d'Ivoire,1,,,,,,,\n", "file_not_utf8"},
      {"a missing column", "reporting_state,year,direction\nFRA,2022,export\n", "missing_column"},
      {"an extra column", header.substr(0, header.size() - 1) + ",colour\n", "unknown_column"},
      {"broken quoting", header + "FRA,2022,export,I,BEL,1,,,,\"never closed,,,\n", "csv_unterminated_quote"},
      {"a short row", header + "FRA,2022,export\n", "field_count"},
      {"an empty file", "", "file_empty"},
      {"10 MB of noise", noise, nullptr},
  };
  for (const auto& c : cases) {
    const auto batch = read(c.text);
    EXPECT_TRUE(batch.has_errors()) << c.what;
    ASSERT_FALSE(batch.problems.empty()) << c.what;
    if (c.expected) {
      EXPECT_EQ(batch.problems.front().code, c.expected) << c.what;
    }
    EXPECT_LE(batch.problems.size(), 1000u) << c.what;
  }
}

}  // namespace
}  // namespace att::reporting

namespace att::reporting {
namespace {

// What a batch holds, as text: every report in the canonical CSV, then every problem.
std::string describe(const ImportBatch& batch) {
  std::string text = "rows " + std::to_string(batch.rows) + ", errors " + std::to_string(batch.error_count) + "\n";
  for (const auto& report : batch.reports) text += io::report_csv(report, io::CsvFor::machines);
  for (const auto& p : batch.problems)
    text += std::to_string(p.line) + " " + p.column + " " + p.code + "\n";
  return text;
}

// A file read in pieces gives exactly what it gives read whole, wherever the pieces end: in a
// BOM, a CRLF, a quoted field, an escaped quote or a multi-byte character.
TEST(CanonicalCsv, ReadingInPiecesChangesNothing) {
  const std::string crlf_header =
      "reporting_state,year,direction,category,partner_state,items,value,currency,basis,description,comments,"
      "state_of_origin,intermediate_location\r\n";
  const std::vector<std::pair<std::string, std::string>> files = {
      {"valid", "\xEF\xBB\xBF" + crlf_header +
                    "FRA,2022,export,II,BEL,3,,,actual,\"Chars d'assaut, \"\"Leclerc\"\"\",\"deux\r\nlignes\",,\r\n"
                    "FRA,2022,import,VIII.SA.2,JPN,12,1250.50,EUR,authorized,Fusils — 日本,é,DEU,Anvers\r\n"
                    "DEU,2021,export,I,FRA,1,,,actual,,,,\n"},
      {"errors", crlf_header + "FRA,2022,export,II,Atlantis,3,,,actual,,,,\r\nFRA,2022,export,XX,BEL,-1,,,actual,,,,\r\n"},
      {"latin-1", crlf_header + "FRA,2022,export,II,BEL,3,,,actual,Chars,,,\r\nFRA,2022,export,II,BEL,3,,,actual,d\xE9j\xE0,,,\r\n"},
      {"unclosed quote", crlf_header + "FRA,2022,export,II,BEL,3,,,actual,\"never closed,,,\r\n"},
      {"empty", ""}};
  const ImportOptions options{reports::Visibility::public_report, as_of, 1000};
  for (const auto& [name, file] : files) {
    const auto whole = describe(read_canonical_csv(file, testing::project_register(), testing::project_templates(), options));
    for (const std::size_t piece : {1, 2, 3, 4, 5, 7, 13, 64, 4096}) {
      std::istringstream in(file);
      EXPECT_EQ(describe(read_canonical_csv(in, testing::project_register(), testing::project_templates(), options, piece)), whole)
          << name << " in pieces of " << piece;
    }
  }
  // And the whole reading is itself right: the pieces are not merely consistent with a wrong one.
  const auto valid = read_canonical_csv(files[0].second, testing::project_register(), testing::project_templates(), options);
  ASSERT_FALSE(valid.has_errors()) << describe(valid);
  ASSERT_EQ(valid.reports.size(), 2u);
  EXPECT_EQ(valid.reports[0].lines[0].description, "Chars d'assaut, \"Leclerc\"");
  EXPECT_EQ(valid.reports[0].lines[0].comments, "deux\r\nlignes");
  EXPECT_EQ(valid.reports[0].lines[1].description, "Fusils — 日本");
  const auto latin1 = read_canonical_csv(files[2].second, testing::project_register(), testing::project_templates(), options);
  ASSERT_EQ(latin1.problems.size(), 1u);
  EXPECT_EQ(latin1.problems[0].line, 3u);
  EXPECT_EQ(latin1.problems[0].code, "file_not_utf8");
  EXPECT_EQ(latin1.reports.size(), 0u) << "a file that is not UTF-8 is refused whole";
}

}  // namespace
}  // namespace att::reporting
