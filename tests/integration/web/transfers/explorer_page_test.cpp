// The transfers explorer over HTTP: for each kind of person signed in through the real forms,
// the page's lines, facet counts and chart tables hold exactly the kinds of data
// tests/integration/data/transfers_visibility.csv gives it; every view answers on its own
// address; downloads describe their query.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "io/xlsx_reader.hpp"
#include "server_with_accounts.hpp"
#include "transfers/transfers_fixture.hpp"
#include "web/transfers/transfer_accounts.hpp"

namespace att::testing {
namespace {

// The part of a page from the element with `id` to the end of its table.
std::string table_with_id(const std::string& body, const std::string& id) {
  const auto start = body.find("id=\"" + id + "\"");
  if (start == std::string::npos) return {};
  return body.substr(start, body.find("</table>", start) - start);
}

// The sum of the data-value attributes of a chart table: the lines it counts.
std::int64_t counted(const std::string& table) {
  std::int64_t sum = 0;
  static const std::regex value("data-value=\"([0-9]+)\"");
  for (auto it = std::sregex_iterator(table.begin(), table.end(), value); it != std::sregex_iterator(); ++it)
    sum += std::stoll((*it)[1].str());
  return sum;
}

// The counts of a facet's entries, summed.
std::int64_t facet_sum(const std::string& body, const std::string& name) {
  const auto start = body.find("id=\"facet-" + name + "\"");
  if (start == std::string::npos) return -1;
  const auto section = body.substr(start, body.find("</section>", start) - start);
  std::int64_t sum = 0;
  static const std::regex count("class=\"count\">\\(([0-9]+)\\)");
  for (auto it = std::sregex_iterator(section.begin(), section.end(), count); it != std::sregex_iterator(); ++it)
    sum += std::stoll((*it)[1].str());
  return sum;
}

class ExplorerPage : public ServerWithAccounts {
 protected:
  void prepare(store::Database& db) override { plant_every_kind(db); }

  static void check_sees(Browser& browser, const std::set<std::string>& kinds, const std::string& who) {
    const auto page = browser.get("/transfers?limit=10000");
    ASSERT_EQ(page.status, 200) << who << page.body.substr(0, 300);
    EXPECT_EQ(page.header("cache-control"), "private, no-store") << who;
    for (const auto& [kind, year] : year_of_kind)
      EXPECT_EQ(page.body.find(description_of_kind(kind)) != std::string::npos, kinds.contains(kind))
          << who << " " << kind;
    const auto visible = static_cast<std::int64_t>(kinds.size()) + 1;  // and DEU's public import
    EXPECT_EQ(counted(table_with_id(page.body, "lines-by-year")), visible) << who;
    EXPECT_EQ(facet_sum(page.body, "direction"), visible) << who;
    EXPECT_EQ(facet_sum(page.body, "reporter"), visible) << who;
    EXPECT_NE(page.body.find("of " + std::to_string(visible) + "."), std::string::npos) << who;

    // A text hit counts only what the viewer may see, on the page as in its facets.
    for (const auto& [kind, year] : year_of_kind) {
      const auto hits = browser.get("/transfers?q=Kind%20" + kind + "%20END");
      EXPECT_EQ(facet_sum(hits.body, "direction"), kinds.contains(kind) ? 1 : 0) << who << " searching " << kind;
      EXPECT_EQ(hits.body.find("id=\"no-lines\"") != std::string::npos, !kinds.contains(kind)) << who << kind;
    }
    const auto summary = browser.get("/transfers?view=summary&group_by=year&basis=actual");
    EXPECT_EQ(summary.status, 200) << who;
    for (const auto& [kind, year] : year_of_kind)
      EXPECT_EQ(summary.body.find(description_of_kind(kind)), std::string::npos) << "a summary shows no lines";
  }
};

TEST_F(ExplorerPage, EveryoneSeesExactlyWhatTheRuleAllows) {
  const auto expected = expected_kinds();
  Browser anonymous(server_->port());
  check_sees(anonymous, expected.at("anonymous"), "anonymous");
  for (const auto& [viewer, account] : account_of_viewer) {
    auto browser = signed_in(account);
    check_sees(browser, expected.at(viewer), viewer);
  }
}

TEST_F(ExplorerPage, EveryViewHasAnAddressThatReproducesIt) {
  Browser anonymous(server_->port());
  const auto first = anonymous.get("/transfers?reporter=FRA&limit=1");
  ASSERT_EQ(first.status, 200);
  EXPECT_NE(first.body.find("href=\"/transfers?reporter=FRA&amp;limit=1&amp;offset=1\" rel=\"next\""),
            std::string::npos)
      << first.body;
  EXPECT_EQ(first.body.find("rel=\"prev\""), std::string::npos);
  const auto second = anonymous.get("/transfers?reporter=FRA&limit=1&offset=1");
  EXPECT_NE(second.body.find("rel=\"prev\""), std::string::npos);
  EXPECT_NE(first.body.find("href=\"/api/v1/transfers?reporter=FRA&amp;format=csv&amp;limit=all\""),
            std::string::npos)
      << "the CSV link gives every line";
  EXPECT_NE(first.body.find("href=\"/api/v1/transfers?reporter=FRA&amp;format=xlsx&amp;limit=10000\""),
            std::string::npos);
  EXPECT_NE(first.body.find("value=\"FRA\""), std::string::npos) << "the form shows the query";

  const auto summary = anonymous.get("/transfers?view=summary&group_by=reporter&basis=actual");
  ASSERT_EQ(summary.status, 200);
  EXPECT_NE(summary.body.find("id=\"transfer-summary\""), std::string::npos);
  EXPECT_NE(summary.body.find("<option value=\"reporter\" selected>"), std::string::npos);
  EXPECT_NE(summary.body.find("href=\"/api/v1/transfers/summary?group_by=reporter&amp;basis=actual&amp;format=csv&amp;"
                              "limit=10000\""),
            std::string::npos)
      << "the summary view downloads its groups";
  const auto mirror = anonymous.get("/transfers?view=mirror&year_from=2016&year_to=2016");
  ASSERT_EQ(mirror.status, 200);
  EXPECT_NE(mirror.body.find("id=\"transfer-mirror\""), std::string::npos) << mirror.body;
  EXPECT_NE(mirror.body.find("numbers of items differ"), std::string::npos) << "FRA said 5 battle tanks, DEU 4";
  EXPECT_NE(mirror.body.find("href=\"/api/v1/transfers/mirror?year_from=2016&amp;year_to=2016&amp;format=xlsx&amp;"
                             "limit=10000\""),
            std::string::npos)
      << "the mirror view downloads its pairs";

  const auto french = anonymous.get("/transfers?view=summary&lang=fr");
  EXPECT_NE(french.body.find("Récapitulatif"), std::string::npos);
  const auto spanish = anonymous.get("/transfers?lang=es");
  EXPECT_NE(spanish.body.find("Base de datos de transferencias"), std::string::npos);
}

TEST_F(ExplorerPage, BadFiltersAreExplainedInTheVisitorsLanguage) {
  Browser anonymous(server_->port());
  const auto refused = anonymous.get("/transfers?year_from=2022&year_to=2020&lang=fr");
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.find("La première année (2022) est postérieure à la dernière (2020)."), std::string::npos);
  EXPECT_NE(refused.body.find("name=\"year_from\" inputmode=\"numeric\" value=\"2022\" aria-invalid=\"true\""),
            std::string::npos);
  EXPECT_EQ(refused.body.find("id=\"transfer-lines\""), std::string::npos);
}

TEST_F(ExplorerPage, DownloadsDescribeTheirQuery) {
  Browser anonymous(server_->port());
  const auto json = nlohmann::json::parse(anonymous.get("/api/v1/transfers?reporter=FRA&direction=export").body);
  EXPECT_EQ(json["meta"]["query"], "reporter=FRA&direction=export");
  EXPECT_EQ(json["meta"]["source"], "http://example.test/api/v1/transfers?reporter=FRA&direction=export")
      << json["meta"];
  EXPECT_FALSE(json["meta"]["terms"].get<std::string>().empty());
  EXPECT_EQ(json["meta"]["generated_at"].get<std::string>().size(), 20u) << "YYYY-MM-DDTHH:MM:SSZ";

  const auto csv = anonymous.get("/api/v1/transfers?reporter=FRA&format=csv");
  EXPECT_EQ(csv.header("link"), "</api/v1/transfers?reporter=FRA&limit=0>; rel=\"describedby\"; type=\"application/json\"");
  EXPECT_EQ(csv.body.substr(0, 9), "reporter,") << "the CSV itself stays a plain table";

  const auto xlsx = anonymous.get("/api/v1/transfers?reporter=FRA&format=xlsx&lang=fr");
  const auto workbook = io::read_xlsx(xlsx.body);
  ASSERT_TRUE(workbook);
  ASSERT_NE(workbook->sheet("Transfers"), nullptr);
  const auto* about = workbook->sheet("About");
  ASSERT_NE(about, nullptr);
  EXPECT_EQ(about->cell(1, 1), "query");
  EXPECT_EQ(about->cell(1, 2), "reporter=FRA");
  EXPECT_NE(about->cell(4, 2).find("article 13"), std::string::npos) << "terms in the caller's language";
}

}  // namespace
}  // namespace att::testing
