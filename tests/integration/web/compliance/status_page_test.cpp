// The public reporting-status page: a table by State whose status reads without colour (a
// symbol and words), filters in the address (a GET form), totals, the rates over the years for
// the charts, downloads, and the three languages; restricted content never shows.
#include <gtest/gtest.h>

#include <regex>

#include "web/compliance/compliance_fixture.hpp"

namespace att::reporting {
namespace {

using StatusPage = ComplianceApi;

// The rows of the status table: ISO3 -> data-status.
std::map<std::string, std::string> table_rows(const std::string& html) {
  std::map<std::string, std::string> rows;
  const std::regex row(R"re(<tr data-iso3="([A-Z]{3})" data-status="([a-z_]+)">)re");
  for (auto match = std::sregex_iterator(html.begin(), html.end(), row); match != std::sregex_iterator(); ++match)
    rows[(*match)[1]] = (*match)[2];
  return rows;
}

TEST_F(StatusPage, ATableByStateWithSymbolsAndWords) {
  testing::Browser anonymous(server_->port());
  const auto page = anonymous.get("/status?year=2022&as_of=2023-12-31&lang=en");
  ASSERT_EQ(page.status, 200) << page.body.substr(0, 500);
  EXPECT_NE(page.body.find("<h1>Reporting status</h1>"), std::string::npos);
  EXPECT_NE(page.body.find("href=\"/status\""), std::string::npos) << "in the navigation";
  const auto rows = table_rows(page.body);
  EXPECT_GE(rows.size(), 100u);
  EXPECT_EQ(rows.at("FRA"), "on_time");
  EXPECT_EQ(rows.at("ITA"), "within_grace");
  EXPECT_EQ(rows.at("DEU"), "late");
  EXPECT_EQ(rows.at("GBR"), "overdue");
  EXPECT_FALSE(rows.count("USA"));
  // The status in words next to its symbol: nothing rests on colour.
  EXPECT_NE(page.body.find("<span aria-hidden=\"true\">!</span> Late"), std::string::npos);
  EXPECT_NE(page.body.find("<span aria-hidden=\"true\">✗</span> Overdue"), std::string::npos);
  EXPECT_NE(page.body.find("States Parties only"), std::string::npos) << "Germany's report is restricted";
  EXPECT_NE(page.body.find("href=\"/api/v1/compliance?year=2022&amp;as_of=2023-12-31&amp;format=csv\""),
            std::string::npos);
  // The rates over the years, as a table the chart is drawn from.
  EXPECT_NE(page.body.find("<tr data-year=\"2015\""), std::string::npos);
  EXPECT_NE(page.body.find("<tr data-year=\"2022\""), std::string::npos);
  EXPECT_NE(page.body.find("/static/vendor/chart.umd.min.js"), std::string::npos);
  EXPECT_EQ(anonymous.get("/static/vendor/chart.umd.min.js").status, 200);
  EXPECT_EQ(anonymous.get("/static/status-charts.js").status, 200);
}

TEST_F(StatusPage, FiltersByRegionAndStatusInTheAddress) {
  testing::Browser anonymous(server_->port());
  const auto late = anonymous.get("/status?year=2022&as_of=2023-12-31&status=late&lang=fr");
  ASSERT_EQ(late.status, 200);
  EXPECT_EQ(table_rows(late.body), (std::map<std::string, std::string>{{"DEU", "late"}}));
  EXPECT_NE(late.body.find("<span aria-hidden=\"true\">!</span> En retard"), std::string::npos);
  EXPECT_NE(late.body.find("1 États sur 1"), std::string::npos) << "the totals follow the filters";
  const auto europe = anonymous.get("/status?year=2022&as_of=2023-12-31&region=Europe&status=on_time");
  EXPECT_EQ(table_rows(europe.body), (std::map<std::string, std::string>{{"FRA", "on_time"}}));
  const auto africa = table_rows(anonymous.get("/status?year=2022&as_of=2023-12-31&region=Africa").body);
  EXPECT_GE(africa.size(), 10u);
  EXPECT_FALSE(africa.count("FRA"));
  const auto initial = anonymous.get("/status?year=initial&as_of=2016-01-01&lang=es");
  ASSERT_EQ(initial.status, 200);
  EXPECT_EQ(table_rows(initial.body).at("FRA"), "overdue");
  EXPECT_NE(initial.body.find("Informe inicial"), std::string::npos);
}

TEST_F(StatusPage, ParametersThatCannotBeUsedAreSaidOnThePage) {
  testing::Browser anonymous(server_->port());
  const auto page = anonymous.get("/status?year=2013&status=lost&as_of=2023-12-31&lang=fr");
  EXPECT_EQ(page.status, 400);
  EXPECT_NE(page.body.find("id=\"form-errors\""), std::string::npos);
  EXPECT_NE(page.body.find("année civile"), std::string::npos) << "the year, in French";
  EXPECT_NE(page.body.find("« lost »"), std::string::npos) << "the status";
  EXPECT_GE(table_rows(page.body).size(), 100u) << "the table of the latest year is still shown";
  EXPECT_EQ(anonymous.get("/status").status, 200) << "today, the latest reporting year";
}

// Whoever reads the page, the status of the restricted report shows and its content does not:
// the page never says whether a report is a nil report.
TEST_F(StatusPage, TheSameStatusForEveryReader) {
  auto secretariat = signed_in("secretariat");
  testing::Browser anonymous(server_->port());
  const auto for_secretariat = secretariat.get("/status?year=2022&as_of=2023-12-31");
  const auto for_public = anonymous.get("/status?year=2022&as_of=2023-12-31");
  ASSERT_EQ(for_secretariat.status, 200);
  EXPECT_EQ(table_rows(for_secretariat.body), table_rows(for_public.body));
  for (const auto* body : {&for_secretariat.body, &for_public.body}) {
    EXPECT_EQ(body->find("nil"), std::string::npos);
    EXPECT_EQ(body->find("Nil"), std::string::npos);
  }
}

}  // namespace
}  // namespace att::reporting
