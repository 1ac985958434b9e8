// Reporting status over HTTP: who owes the report of a year, on time or late, as known on a date;
// the status of a restricted report is public, its content (a nil report) is not.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "io/csv_reader.hpp"
#include "io/file.hpp"
#include "io/xlsx_reader.hpp"
#include "web/compliance/compliance_fixture.hpp"

namespace att::reporting {
namespace {

TEST_F(ComplianceApi, EachStatesStatusOnADateWithTotals) {
  testing::Browser anonymous(server_->port());
  const auto body = status(anonymous, "year=2022&as_of=2023-07-01");
  EXPECT_EQ(body["year"], 2022);
  EXPECT_EQ(body["as_of"], "2023-07-01");
  EXPECT_EQ(row_of(body, "FRA")["status"], "on_time");
  EXPECT_EQ(row_of(body, "FRA")["due"], "2023-05-31");
  EXPECT_EQ(row_of(body, "ITA")["status"], "within_grace");
  EXPECT_EQ(row_of(body, "DEU")["status"], "overdue") << "received later than the date asked about";
  EXPECT_EQ(row_of(body, "GBR")["status"], "on_time") << "recalled only after that date";
  EXPECT_EQ(row_of(body, "USA"), nullptr) << "a signatory owes no report";
  const auto& totals = body["totals"];
  EXPECT_GE(totals["expected"].get<int>(), 100) << "every State Party bound by 2022";
  EXPECT_EQ(totals["submitted"], 3);
  EXPECT_EQ(totals["on_time"], 2);
  EXPECT_EQ(totals["within_grace"], 1);
  EXPECT_EQ(totals["overdue"].get<int>(), totals["expected"].get<int>() - 3);
  EXPECT_NEAR(totals["rates"]["submitted"].get<double>(), 3.0 / totals["expected"].get<double>(), 1e-9);

  const auto later = status(anonymous, "year=2022&as_of=2023-12-31");
  EXPECT_EQ(row_of(later, "DEU")["status"], "late");
  EXPECT_EQ(row_of(later, "DEU")["visibility"], "restricted") << "the status of a restricted report is public";
  EXPECT_TRUE(row_of(later, "DEU")["nil"].is_null()) << "whether it is a nil report is its content";
  EXPECT_EQ(later["totals"]["nil"], 0);
  EXPECT_EQ(row_of(later, "GBR")["status"], "overdue") << "its only version was recalled";

  auto secretariat = signed_in("secretariat");
  const auto full = status(secretariat, "year=2022&as_of=2023-12-31");
  EXPECT_EQ(row_of(full, "DEU")["nil"], true);
  EXPECT_EQ(full["totals"]["nil"], 1);
}

TEST_F(ComplianceApi, InitialReportsAndBadParametersAreAnsweredClearly) {
  testing::Browser anonymous(server_->port());
  const auto initial = status(anonymous, "report=initial&as_of=2016-01-01");
  EXPECT_EQ(row_of(initial, "FRA")["due"], "2015-12-23");
  EXPECT_EQ(row_of(initial, "FRA")["status"], "overdue");
  for (const auto* query : {"year=2014", "year=22", "year=abcd", "as_of=2023-02-30&year=2022", "report=final"}) {
    const auto answer = anonymous.get(std::string("/api/v1/compliance?") + query);
    EXPECT_EQ(answer.status, 400) << query;
    EXPECT_NE(answer.body.find("\"parameter\""), std::string::npos) << query << ": " << answer.body;
  }
  const auto french = anonymous.get("/api/v1/compliance?year=2014&lang=fr");
  EXPECT_NE(french.body.find("année civile"), std::string::npos) << french.body;
}


// The totals of every reporting year, with each region's; the regions add up to the whole.
TEST_F(ComplianceApi, HistoryGivesTheTotalsOfEveryReportingYear) {
  testing::Browser anonymous(server_->port());
  const auto answer = anonymous.get("/api/v1/compliance/history?as_of=2023-12-31");
  ASSERT_EQ(answer.status, 200) << answer.body.substr(0, 300);
  const auto history = nlohmann::json::parse(answer.body);
  EXPECT_EQ(history["as_of"], "2023-12-31");
  ASSERT_EQ(history["years"].size(), 8u) << "2015 to 2022";
  EXPECT_EQ(history["years"][0]["year"], 2015);
  const auto& year_2022 = history["years"][7];
  EXPECT_EQ(year_2022["year"], 2022);
  EXPECT_EQ(year_2022["totals"]["submitted"], 3);
  EXPECT_EQ(year_2022["totals"]["late"], 1);
  EXPECT_EQ(year_2022["totals"]["restricted"], 1);
  int expected_in_regions = 0;
  for (const auto& [region, totals] : year_2022["regions"].items()) expected_in_regions += totals["expected"].get<int>();
  EXPECT_EQ(expected_in_regions, year_2022["totals"]["expected"].get<int>());
  EXPECT_GE(history["initial"]["totals"]["expected"].get<int>(), year_2022["totals"]["expected"].get<int>());
  const auto table = status(anonymous, "year=2022&as_of=2023-12-31");
  EXPECT_EQ(table["regions"], year_2022["regions"]) << "the same breakdown as the year's own table";
}

// The comparison with the previous status: what changed per State and report between two dates.
TEST_F(ComplianceApi, DiffListsWhatChangedBetweenTwoDates) {
  testing::Browser anonymous(server_->port());
  const auto answer = anonymous.get("/api/v1/compliance/diff?from=2023-07-01&to=2023-12-31");
  ASSERT_EQ(answer.status, 200) << answer.body.substr(0, 300);
  const auto diff = nlohmann::json::parse(answer.body);
  EXPECT_EQ(diff["from"], "2023-07-01");
  std::map<std::string, nlohmann::json> changed_2022;
  for (const auto& change : diff["changes"])
    if (change["report"] == "annual" && change["year"] == 2022) changed_2022[change["iso3"]] = change;
  ASSERT_TRUE(changed_2022.count("DEU"));
  EXPECT_EQ(changed_2022["DEU"]["before"]["status"], "overdue");
  EXPECT_EQ(changed_2022["DEU"]["after"]["status"], "late");
  EXPECT_EQ(changed_2022["DEU"]["after"]["visibility"], "restricted");
  ASSERT_TRUE(changed_2022.count("GBR"));
  EXPECT_EQ(changed_2022["GBR"]["after"]["status"], "overdue") << "recalled between the dates";
  EXPECT_FALSE(changed_2022.count("FRA")) << "on time on both dates";
  EXPECT_FALSE(changed_2022.count("ESP")) << "overdue on both dates";
  bool compared_2022 = false;
  for (const auto& report : diff["reports"])
    if (report["report"] == "annual" && report["year"] == 2022) {
      compared_2022 = true;
      EXPECT_EQ(report["before"]["submitted"], 3);
      EXPECT_EQ(report["after"]["submitted"], 3) << "DEU came, GBR went";
    }
  EXPECT_TRUE(compared_2022);
}

// One State's obligations, each with where it stands: what a State's page shows.
TEST_F(ComplianceApi, AStatesObligations) {
  testing::Browser anonymous(server_->port());
  const auto answer = anonymous.get("/api/v1/compliance/states/deu?as_of=2023-12-31");
  ASSERT_EQ(answer.status, 200) << answer.body.substr(0, 300);
  const auto body = nlohmann::json::parse(answer.body);
  EXPECT_EQ(body["iso3"], "DEU");
  EXPECT_EQ(body["party"], true);
  ASSERT_GE(body["obligations"].size(), 9u) << "the initial report and 2015 to 2022";
  EXPECT_EQ(body["obligations"][0]["report"], "initial");
  EXPECT_EQ(body["obligations"][0]["due"], "2015-12-23");
  const auto& last = body["obligations"].back();
  EXPECT_EQ(last["year"], 2022);
  EXPECT_EQ(last["status"], "late");
  const auto signatory = nlohmann::json::parse(anonymous.get("/api/v1/compliance/states/USA").body);
  EXPECT_EQ(signatory["party"], false);
  EXPECT_TRUE(signatory["obligations"].empty());
}

// The status table as downloads: the same columns as `att status`, CSV for people, and a workbook.
TEST_F(ComplianceApi, CsvAndXlsxDownloads) {
  testing::Browser anonymous(server_->port());
  const auto csv = anonymous.get("/api/v1/compliance?year=2022&as_of=2023-12-31&format=csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_NE(csv.header("content-type").find("text/csv"), std::string::npos);
  EXPECT_NE(csv.header("content-disposition").find("att-status-2022-2023-12-31.csv"), std::string::npos);
  const auto table = io::CsvTable::parse(csv.body);
  ASSERT_TRUE(table);
  std::map<std::string, std::string> status_of, nil_of;
  for (const auto& row : table->rows()) {
    status_of[std::string(table->field(row, "iso3"))] = table->field(row, "status");
    nil_of[std::string(table->field(row, "iso3"))] = table->field(row, "nil");
  }
  EXPECT_EQ(status_of["DEU"], "late");
  EXPECT_EQ(status_of["ITA"], "within_grace");
  EXPECT_EQ(nil_of["DEU"], "") << "not for the public";
  EXPECT_EQ(nil_of["FRA"], "no");

  const auto xlsx = anonymous.get("/api/v1/compliance?report=initial&as_of=2016-01-01&format=xlsx");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_NE(xlsx.header("content-disposition").find("att-status-initial-2016-01-01.xlsx"), std::string::npos);
  const auto workbook = io::read_xlsx(xlsx.body);
  ASSERT_TRUE(workbook);
  const auto* sheet = workbook->sheet("Status");
  ASSERT_NE(sheet, nullptr);
  EXPECT_EQ(sheet->cell(1, 1), "iso3");
  EXPECT_EQ(sheet->cell(1, 3), "status");
  bool france = false;
  for (std::size_t row = 2; row <= sheet->last_row(); ++row)
    if (sheet->cell(row, 1) == "FRA") {
      france = true;
      EXPECT_EQ(sheet->cell(row, 3), "overdue");
      EXPECT_EQ(sheet->cell(row, 4), "2015-12-23");
    }
  EXPECT_TRUE(france);
  const auto json = status(anonymous, "report=initial&as_of=2016-01-01");
  EXPECT_EQ(sheet->last_row(), json["states"].size() + 1) << "one row per State after the headings";
}

TEST_F(ComplianceApi, BadParametersAreRefusedInTheCallersLanguage) {
  testing::Browser anonymous(server_->port());
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"/api/v1/compliance?year=2022&format=pdf", "format"},
      {"/api/v1/compliance/history?as_of=2023-13-01", "as_of"},
      {"/api/v1/compliance/diff", "from"},
      {"/api/v1/compliance/diff?from=yesterday", "from"},
      {"/api/v1/compliance/diff?from=2023-07-01&to=2023-02-29", "to"},
      {"/api/v1/compliance/diff?from=2023-07-01&to=2023-01-01", "to"},
      {"/api/v1/compliance/states/XYZ", "iso3"},
      {"/api/v1/compliance/states/FRANCE", "iso3"},
  };
  for (const auto& [target, parameter] : cases) {
    const auto answer = anonymous.get(target);
    EXPECT_EQ(answer.status, 400) << target;
    const auto body = nlohmann::json::parse(answer.body, nullptr, false);
    EXPECT_EQ(body["error"]["details"]["parameter"], parameter) << target << ": " << answer.body;
  }
  const auto french = anonymous.get("/api/v1/compliance/diff?from=2023-07-01&to=2023-01-01&lang=fr");
  EXPECT_NE(french.body.find("ne peut pas être postérieure"), std::string::npos) << french.body;
  const auto spanish = anonymous.get("/api/v1/compliance/states/XYZ", {"Accept-Language: es"});
  EXPECT_NE(spanish.body.find("Ningún Estado"), std::string::npos) << spanish.body;
}

// The status of a restricted report is public to every role; whether it is a nil report is its
// content, given only to those the read rule lets read it (data/compliance_content_readers.csv),
// in the table, its CSV, the history, the comparison and the State's obligations alike.
TEST_F(ComplianceApi, RestrictedContentReachesOnlyItsReadersInEveryView) {
  const auto text = io::read_file(std::string(ATT_TEST_DATA_DIR) + "/compliance_content_readers.csv");
  ASSERT_TRUE(text);
  const auto readers = io::CsvTable::parse(*text);
  ASSERT_TRUE(readers);
  ASSERT_EQ(readers->rows().size(), testing::people.size() + 1) << "every kind of person, and the public";
  for (const auto& row : readers->rows()) {
    const auto kind = std::string(readers->field(row, "kind"));
    const bool reads = readers->field(row, "reads_restricted_content") == "yes";
    auto browser = kind == "anonymous" ? testing::Browser(server_->port()) : signed_in(kind);
    const auto table = status(browser, "year=2022&as_of=2023-12-31");
    const auto deu = row_of(table, "DEU");
    EXPECT_EQ(deu["status"], "late") << kind;
    EXPECT_EQ(deu["visibility"], "restricted") << kind;
    EXPECT_EQ(deu["nil"].is_null(), !reads) << kind;
    EXPECT_EQ(table["totals"]["nil"], reads ? 1 : 0) << kind;
    const auto csv = browser.get("/api/v1/compliance?year=2022&as_of=2023-12-31&format=csv&csv=raw");
    EXPECT_EQ(csv.body.find("DEU,Europe,late,2023-05-31,2023-09-01,93,1,restricted,yes") != std::string::npos, reads)
        << kind;
    const auto history = nlohmann::json::parse(browser.get("/api/v1/compliance/history?as_of=2023-12-31").body);
    EXPECT_EQ(history["years"][7]["totals"]["nil"], reads ? 1 : 0) << kind;
    const auto diff = nlohmann::json::parse(browser.get("/api/v1/compliance/diff?from=2023-07-01&to=2023-12-31").body);
    int germany_changes = 0;
    for (const auto& change : diff["changes"]) {
      if (change["iso3"] != "DEU" || change["year"] != 2022) continue;
      ++germany_changes;
      EXPECT_EQ(change["after"]["nil"].is_null(), !reads) << kind;
    }
    EXPECT_EQ(germany_changes, 1) << kind;
    const auto state = nlohmann::json::parse(browser.get("/api/v1/compliance/states/DEU?as_of=2023-12-31").body);
    EXPECT_EQ(state["obligations"].back()["nil"].is_null(), !reads) << kind;
  }
}

}  // namespace
}  // namespace att::reporting
