// The page of a State over HTTP, for each kind of person signed in through the real forms:
// France's reports of every kind (tests/integration/transfers/transfers_fixture) and a reminder
// letter to France and one to Germany. Which versions are listed, which years the transfers
// charts count and who reads the letters is exactly what
// tests/integration/data/state_page_visibility.csv says, for each viewer.
#include <gtest/gtest.h>

#include "../unit/test_data.hpp"
#include "reporting/reminder_letters_store.hpp"
#include "server_with_accounts.hpp"
#include "transfers/transfers_fixture.hpp"
#include "web/page_rows.hpp"

namespace att::testing {
namespace {
using namespace att::literals;

class StatePage : public ServerWithAccounts {
 protected:
  void prepare(store::Database& db) override {
    plant_every_kind(db);
    const std::vector<reporting::LetterReport> owed{
        {compliance::ReportKind::annual, 2022, Date::from_ymd(2023, 5, 31)}};
    const auto to_france = reporting::log_letter(db, "FRA", Date::from_ymd(2023, 9, 1), Language::fr, "email", owed,
                                                 "2023-09-01T09:00:00Z"_utc);
    reporting::record_reply(db, to_france, Date::from_ymd(2023, 9, 15), "Rapport en préparation");
    reporting::log_letter(db, "DEU", Date::from_ymd(2023, 9, 1), Language::en, "pdf", owed, "2023-09-01T09:00:00Z"_utc);
  }
};

void check_page(Browser& browser, const std::string& who, const io::CsvTable& cases, const io::CsvRecord& row) {
  const auto page = browser.get("/states/FRA");
  ASSERT_EQ(page.status, 200) << who << page.body.substr(0, 300);
  EXPECT_EQ(page.header("cache-control"), "private, no-store") << who;
  EXPECT_EQ(attribute_pairs(part_with_id(page.body, "state-reports"), "data-year", "data-version"),
            cases.field(row, "reports"))
      << who;
  EXPECT_EQ(attribute_pairs(part_with_id(page.body, "exports-by-year"), "data-label", "data-value"),
            cases.field(row, "exports_by_year"))
      << who;
  EXPECT_EQ(attribute_pairs(part_with_id(page.body, "imports-by-year"), "data-label", "data-value"),
            cases.field(row, "imports_by_year"))
      << who;
  // The draft (2019) is never listed, nor counted, nor named in the reporting history's years.
  EXPECT_EQ(page.body.find("data-year=\"2019\""), std::string::npos) << who;
  EXPECT_NE(page.body.find("id=\"state-history-heading\""), std::string::npos) << who;
  const bool letters = cases.field(row, "letters_fra") == "yes";
  EXPECT_EQ(page.body.find("id=\"reminder-letters\"") != std::string::npos, letters) << who;
  EXPECT_EQ(page.body.find("Rapport en préparation") != std::string::npos, letters) << who << ": the reply";

  const auto germany = browser.get("/states/DEU");
  ASSERT_EQ(germany.status, 200) << who;
  EXPECT_EQ(germany.body.find("id=\"reminder-letters\"") != std::string::npos, cases.field(row, "letters_deu") == "yes")
      << who;
}

TEST_F(StatePage, EveryoneSeesExactlyWhatTheRuleAllows) {
  const auto cases = read_cases("state_page_visibility.csv");
  ASSERT_EQ(cases.rows().size(), people.size() + 1) << "every kind of person, and the anonymous visitor";
  for (const auto& row : cases.rows()) {
    const std::string who(cases.field(row, "viewer"));
    if (who == "anonymous") {
      Browser anonymous(server_->port());
      check_page(anonymous, who, cases, row);
    } else {
      ASSERT_TRUE(people.contains(who)) << who;
      auto browser = signed_in(who);
      check_page(browser, who, cases, row);
    }
  }
}

TEST_F(StatePage, ShowsTheRegisterInTheReadersLanguage) {
  Browser anonymous(server_->port());
  const auto french = anonymous.get("/states/FRA?lang=fr");
  ASSERT_EQ(french.status, 200);
  EXPECT_NE(french.body.find("<h1>France</h1>"), std::string::npos);
  EXPECT_NE(french.body.find("ratification"), std::string::npos);
  EXPECT_NE(french.body.find("Lignes d’exportation par année"), std::string::npos);
  const auto spanish = anonymous.get("/states/DEU?lang=es");
  EXPECT_NE(spanish.body.find("<h1>Alemania</h1>"), std::string::npos);
  EXPECT_NE(spanish.body.find("<span lang=\"en\">Germany</span>"), std::string::npos);
  EXPECT_NE(spanish.body.find("<span lang=\"fr\">Allemagne</span>"), std::string::npos);
  EXPECT_NE(spanish.body.find("2 de abril de 2014"), std::string::npos) << "Germany's deposit";
  EXPECT_NE(spanish.body.find("data-year=\"2016\" data-version=\"1\""), std::string::npos) << "Germany's public report";
  EXPECT_NE(spanish.body.find("id=\"imports-by-year\""), std::string::npos) << "its one import line";
  EXPECT_EQ(spanish.body.find("id=\"exports-by-year\""), std::string::npos) << "and no export line";

  const auto states = anonymous.get("/states?lang=en");
  EXPECT_NE(states.body.find("<a href=\"/states/FRA\">France</a>"), std::string::npos) << "the table links each State";
}

TEST_F(StatePage, AnUnknownStateIsNotFoundInTheReadersLanguage) {
  Browser anonymous(server_->port());
  for (const auto* path :
       {"/states/XYZ?lang=fr", "/states/fra?lang=fr", "/states/FR?lang=fr", "/states/FRANCE?lang=fr"}) {
    const auto page = anonymous.get(path);
    EXPECT_EQ(page.status, 404) << path;
    EXPECT_NE(page.body.find("État inconnu"), std::string::npos) << path;
  }
}

}  // namespace
}  // namespace att::testing
