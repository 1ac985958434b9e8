// The list of reports /reports over HTTP: a State found by its name in any language, a filter
// that matches nothing said as such, and long lists paged on stable addresses; the count and the
// pages hold only what the viewer may see.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "reporting/reports_store.hpp"
#include "server_with_accounts.hpp"
#include "web/page_rows.hpp"

namespace att::testing {
namespace {

constexpr int first_year = 2015;
constexpr int years = 5;
constexpr std::size_t reporting_states = 11;  // 55 public reports: more than one page of 50

class ReportsListPage : public ServerWithAccounts {
 protected:
  void prepare(store::Database& db) override {
    states_ = {"DEU", "FRA", "MEX", "GNB", "ITA", "BEL", "NLD", "ESP", "SWE", "NOR", "AUT"};
    ASSERT_EQ(states_.size(), reporting_states);
    store::Transaction transaction(db);
    for (const auto& state : states_)
      for (int year = first_year; year < first_year + years; ++year)
        submit(db, state, year, reports::Visibility::public_report);
    submit(db, "FRA", 2022, reports::Visibility::restricted);
    transaction.commit();
  }

  static void submit(store::Database& db, const std::string& state, int year, reports::Visibility visibility) {
    reports::AnnualReport r;
    r.reporting_state = state;
    r.year = year;
    r.template_id = "annual-2017";
    r.visibility = visibility;
    r.nil_exports = true;
    r.nil_imports = true;
    reporting::submit(db, {r, reporting::Channel::online, std::nullopt, false, {}}, Timestamp::now());
  }

  std::vector<std::string> states_;
};

// The States of the listed rows, and how many rows there are.
std::vector<std::string> rows_of(const std::string& body) {
  const auto table = part_with_id(body, "reports-table");
  static const std::regex row("<tr data-iso3=\"([A-Z]{3})\"");
  std::vector<std::string> states;
  for (auto it = std::sregex_iterator(table.begin(), table.end(), row); it != std::sregex_iterator(); ++it)
    states.push_back((*it)[1].str());
  return states;
}

std::set<std::string> states_listed(const std::string& body) {
  const auto rows = rows_of(body);
  return {rows.begin(), rows.end()};
}

TEST_F(ReportsListPage, FindsAStateByItsNameInAnyLanguage) {
  Browser anonymous(server_->port());
  for (const auto* query : {"allemagne", "Alemania", "germ", "GERMANY", "deu"}) {
    const auto page = anonymous.get(std::string("/reports?state=") + query);
    ASSERT_EQ(page.status, 200) << query;
    EXPECT_EQ(states_listed(page.body), std::set<std::string>{"DEU"}) << query;
    EXPECT_NE(text_of_id(page.body, "reports-count").find(std::to_string(years)), std::string::npos) << query;
  }
  const auto accents = anonymous.get("/reports?state=M%C3%89XICO&year=2016");
  EXPECT_EQ(states_listed(accents.body), std::set<std::string>{"MEX"});
  EXPECT_NE(text_of_id(accents.body, "reports-count").find(": 1"), std::string::npos);

  // Several States answer to "guin": the page names them; Guinea-Bissau's reports are listed.
  const auto several = anonymous.get("/reports?state=guin&lang=fr");
  EXPECT_EQ(states_listed(several.body), std::set<std::string>{"GNB"});
  EXPECT_NE(part_with_id(several.body, "states-matched", "</p>").find("Papouasie-Nouvelle-Guinée"), std::string::npos);
}

TEST_F(ReportsListPage, SaysWhenAFilterMatchesNothing) {
  Browser anonymous(server_->port());
  const auto unknown = anonymous.get("/reports?state=Atlantis&lang=fr");
  EXPECT_EQ(unknown.status, 400);
  EXPECT_NE(part_with_id(unknown.body, "filter-problems", "</article>").find("Aucun État ne s’appelle « Atlantis »"),
            std::string::npos)
      << unknown.body.substr(0, 500);
  EXPECT_EQ(unknown.body.find("id=\"reports-table\""), std::string::npos) << "never every report instead";

  const auto bad_year = anonymous.get("/reports?year=twenty&lang=es");
  EXPECT_EQ(bad_year.status, 400);
  EXPECT_NE(part_with_id(bad_year.body, "filter-problems", "</article>").find("«twenty» no es un año de informe."),
            std::string::npos);
  EXPECT_EQ(bad_year.body.find("id=\"reports-table\""), std::string::npos);

  const auto none = anonymous.get("/reports?state=Papua&year=2016");
  EXPECT_EQ(none.status, 200);
  EXPECT_NE(none.body.find("id=\"no-reports\""), std::string::npos);
  EXPECT_NE(text_of_id(none.body, "reports-count").find(": 0"), std::string::npos);
}

TEST_F(ReportsListPage, PagesALongListOnStableAddresses) {
  Browser anonymous(server_->port());
  const auto first = anonymous.get("/reports");
  ASSERT_EQ(first.status, 200);
  const auto total = reporting_states * years;
  EXPECT_NE(text_of_id(first.body, "reports-count").find(std::to_string(total) + " · page 1 of 2"), std::string::npos)
      << text_of_id(first.body, "reports-count") << ": the restricted report is not counted";
  EXPECT_NE(first.body.find("href=\"/reports?page=2\" rel=\"next\""), std::string::npos);
  EXPECT_EQ(first.body.find("rel=\"prev\""), std::string::npos);
  const auto second = anonymous.get("/reports?page=2");
  EXPECT_NE(second.body.find("href=\"/reports\" rel=\"prev\""), std::string::npos);
  EXPECT_EQ(second.body.find("rel=\"next\""), std::string::npos);
  EXPECT_EQ(rows_of(first.body).size(), 50u);
  EXPECT_EQ(rows_of(second.body).size(), total - 50);
  EXPECT_EQ(anonymous.get("/reports?page=2").body, second.body) << "the same address shows the same rows";
  const auto past_the_end = anonymous.get("/reports?page=3");
  EXPECT_NE(past_the_end.body.find("id=\"no-reports\""), std::string::npos);
  EXPECT_EQ(anonymous.get("/reports?page=0").status, 400);

  // Filters stay in the pages' addresses.
  const auto filtered = anonymous.get("/reports?year=2016");
  EXPECT_EQ(filtered.body.find("rel=\"next\""), std::string::npos) << "11 reports: one page";

  auto secretariat = signed_in("secretariat");
  const auto all = secretariat.get("/reports");
  EXPECT_NE(text_of_id(all.body, "reports-count").find(std::to_string(total + 1) + " · page 1 of 2"),
            std::string::npos);
}

}  // namespace
}  // namespace att::testing
