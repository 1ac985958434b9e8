// Reporting status over HTTP: who owes the report of a year, on time or late, as known on a date;
// the status of a restricted report is public, its content (a nil report) is not.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "reporting/reports_store.hpp"
#include "server_with_accounts.hpp"

namespace att::reporting {
using namespace att::literals;
namespace {

class ComplianceApi : public testing::ServerWithAccounts {
 protected:
  void prepare(store::Database& db) override {
    store::Transaction transaction(db);
    submit_2022(db, "FRA", reports::Visibility::public_report, "2023-05-30", false);
    submit_2022(db, "DEU", reports::Visibility::restricted, "2023-09-01", true);  // late, a nil report
    submit_2022(db, "ITA", reports::Visibility::public_report, "2023-06-05", false);  // within grace
    submit_2022(db, "GBR", reports::Visibility::public_report, "2023-05-02", false);
    recall_current(db, "GBR", 2022, "sent by mistake", "2023-07-10T00:00:00Z"_utc);
    transaction.commit();
  }

  static void submit_2022(store::Database& db, const std::string& state, reports::Visibility visibility,
                          const std::string& received, bool nil) {
    reports::AnnualReport report;
    report.reporting_state = state;
    report.year = 2022;
    report.template_id = "annual-2021";
    report.visibility = visibility;
    report.nil_exports = report.nil_imports = true;
    if (!nil) {
      report.nil_exports = false;
      reports::ReportLine line;
      line.category = "II";
      line.partner_state = state == "BEL" ? "FRA" : "BEL";
      line.items = 1;
      report.lines = {line};
    }
    submit(db, {report, Channel::email, Date::parse(received).value(), false, {}}, "2026-01-01T00:00:00Z"_utc);
  }

  nlohmann::json status(testing::Browser& browser, const std::string& query) {
    const auto answer = browser.get("/api/v1/compliance?" + query);
    EXPECT_EQ(answer.status, 200) << answer.body.substr(0, 300);
    return nlohmann::json::parse(answer.body, nullptr, false);
  }

  static nlohmann::json row_of(const nlohmann::json& body, const std::string& iso3) {
    for (const auto& row : body["states"])
      if (row["iso3"] == iso3) return row;
    return nullptr;
  }
};

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

}  // namespace
}  // namespace att::reporting
