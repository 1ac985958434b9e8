// A server whose database holds annual reports for 2022 received on time, within grace, late (a
// restricted nil report) and one recalled: what the reporting-status tests read.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "reporting/reports_store.hpp"
#include "server_with_accounts.hpp"

namespace att::reporting {
using namespace att::literals;

class ComplianceApi : public testing::ServerWithAccounts {
 protected:
  void prepare(store::Database& db) override {
    store::Transaction transaction(db);
    submit_2022(db, "FRA", reports::Visibility::public_report, "2023-05-30", false);
    submit_2022(db, "DEU", reports::Visibility::restricted, "2023-09-01", true);      // late, a nil report
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

}  // namespace att::reporting
