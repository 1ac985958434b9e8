// A report public for its exports and restricted to States Parties for its imports (the 2015
// template's choice per form), over HTTP: the public page shows the exports and says that the
// imports are withheld, without any of their content or a "no lines" that would mislead.
#include <gtest/gtest.h>

#include "reporting/reports_store.hpp"
#include "server_with_accounts.hpp"

namespace att::reporting {
using namespace att::literals;
namespace {

class TableVisibility : public testing::ServerWithAccounts {
 protected:
  void prepare(store::Database& db) override {
    reports::AnnualReport report;
    report.reporting_state = "FRA";
    report.year = 2022;
    report.template_id = "annual-2021";
    report.visibility = reports::Visibility::public_report;
    report.imports_visibility = reports::Visibility::restricted;
    reports::ReportLine exported;
    exported.direction = reports::Direction::exports;
    exported.category = "II";
    exported.partner_state = "BEL";
    exported.items = 3;
    exported.description = "Exported tanks";
    reports::ReportLine imported = exported;
    imported.direction = reports::Direction::imports;
    imported.partner_state = "DEU";
    imported.description = "Imported from a partner";
    report.lines = {exported, imported};
    store::Transaction transaction(db);
    submit(db, {report, Channel::email, Date::from_ymd(2023, 5, 2), false, {}}, "2026-01-01T00:00:00Z"_utc);
    transaction.commit();
  }
};

TEST_F(TableVisibility, ThePublicSeesTheExportsAndIsToldTheImportsAreWithheld) {
  const auto page = testing::Browser(server_->port()).get("/reports/FRA/2022");
  ASSERT_EQ(page.status, 200) << page.body.substr(0, 300);
  EXPECT_NE(page.body.find("Exported tanks"), std::string::npos);
  EXPECT_EQ(page.body.find("Imported from a partner"), std::string::npos) << "a restricted table's content";
  EXPECT_NE(page.body.find("The State made this table available to States Parties only."), std::string::npos);
  EXPECT_EQ(page.body.find("No lines reported."), std::string::npos) << "the imports are withheld, not empty";

  const auto french = testing::Browser(server_->port()).get("/reports/FRA/2022?lang=fr");
  EXPECT_NE(french.body.find("L’État a réservé ce tableau aux États parties."), std::string::npos);

  auto secretariat = signed_in("secretariat");
  const auto full = secretariat.get("/reports/FRA/2022");
  EXPECT_NE(full.body.find("Imported from a partner"), std::string::npos);
  EXPECT_EQ(full.body.find("available to States Parties only"), std::string::npos);
}

}  // namespace
}  // namespace att::reporting
