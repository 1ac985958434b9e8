// The home page's live figures over HTTP, for each kind of person signed in through the real
// forms: France's public 2022 report and restricted 2023 report received today, its 2024 draft,
// Germany's public 2021 report received last year. The count received this year and the latest
// reports are exactly what tests/integration/data/home_figures.csv says for each viewer.
#include <gtest/gtest.h>

#include "../unit/test_data.hpp"
#include "reporting/reports_store.hpp"
#include "server_with_accounts.hpp"
#include "web/page_rows.hpp"

namespace att::testing {
namespace {

reports::AnnualReport report(const std::string& state, int year, reports::Visibility visibility) {
  reports::AnnualReport r;
  r.reporting_state = state;
  r.year = year;
  r.template_id = "annual-2017";
  r.visibility = visibility;
  reports::ReportLine line;
  line.direction = reports::Direction::exports;
  line.category = "I";
  line.partner_state = "ITA";
  line.items = 1;
  line.basis = reports::Basis::actual;
  r.lines = {line};
  return r;
}

class HomePage : public ServerWithAccounts {
 protected:
  void prepare(store::Database& db) override {
    const auto now = Timestamp::now();
    const auto last_year = Date::from_ymd(now.date().year() - 1, 6, 1);
    store::Transaction transaction(db);
    reporting::submit(
        db, {report("DEU", 2021, reports::Visibility::public_report), reporting::Channel::online, last_year, false, {}},
        now);
    reporting::submit(
        db,
        {report("FRA", 2022, reports::Visibility::public_report), reporting::Channel::online, std::nullopt, false, {}},
        now);
    reporting::submit(
        db, {report("FRA", 2023, reports::Visibility::restricted), reporting::Channel::online, std::nullopt, false, {}},
        now);
    reporting::save_draft(db, report("FRA", 2024, reports::Visibility::public_report), std::nullopt, now);
    transaction.commit();
  }
};

TEST_F(HomePage, EveryoneCountsAndListsExactlyWhatTheyMaySee) {
  const auto cases = read_cases("home_figures.csv");
  ASSERT_EQ(cases.rows().size(), people.size() + 1);
  for (const auto& row : cases.rows()) {
    const std::string who(cases.field(row, "viewer"));
    auto browser = who == "anonymous" ? Browser(server_->port()) : signed_in(who);
    const auto home = browser.get("/");
    ASSERT_EQ(home.status, 200) << who;
    EXPECT_EQ(home.header("cache-control"), "private, no-store") << who;
    EXPECT_NE(home.body.find("data-count=\"" + std::string(cases.field(row, "received_this_year")) + "\""),
              std::string::npos)
        << who << ": " << text_of_id(home.body, "received-this-year");
    EXPECT_EQ(attribute_pairs(part_with_id(home.body, "latest-reports", "</ul>"), "data-iso3", "data-year"),
              cases.field(row, "latest"))
        << who;
    EXPECT_EQ(home.body.find("data-year=\"2024\""), std::string::npos) << who << ": never the draft";
  }
}

TEST_F(HomePage, LinksToTheExplorerAndSpeaksTheReadersLanguage) {
  Browser anonymous(server_->port());
  const auto french = anonymous.get("/?lang=fr");
  EXPECT_NE(french.body.find("href=\"/transfers\" role=\"button\">Explorer la base de données des transferts</a>"),
            std::string::npos);
  const auto year = std::to_string(Timestamp::now().date().year());
  EXPECT_NE(french.body.find("rapports annuels reçus en " + year), std::string::npos);
  EXPECT_NE(french.body.find("rapport annuel 2022, reçu le"), std::string::npos);
  EXPECT_NE(french.body.find("<a href=\"/states/FRA\">France</a>"), std::string::npos);
  const auto spanish = anonymous.get("/?lang=es");
  EXPECT_NE(spanish.body.find("Últimos informes recibidos"), std::string::npos);
}

}  // namespace
}  // namespace att::testing
