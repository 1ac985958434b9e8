// The transfers API over HTTP: each kind of person signed in through the real forms sees
// exactly the kinds of data tests/integration/data/transfers_visibility.csv gives it, in rows,
// totals, summaries, mirror pairs, text hits and downloads; errors are the same for everyone and
// speak the caller's language.
#include <algorithm>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "io/xlsx_reader.hpp"
#include "server_with_accounts.hpp"
#include "transfers/transfers_fixture.hpp"
#include "web/transfers/transfer_accounts.hpp"

namespace att::testing {
namespace {

class TransfersApi : public ServerWithAccounts {
 protected:
  void prepare(store::Database& db) override { plant_every_kind(db); }

  static nlohmann::json json_of(Browser& browser, const std::string& target) {
    const auto answer = browser.get(target);
    EXPECT_EQ(answer.status, 200) << target << ": " << answer.body.substr(0, 300);
    EXPECT_EQ(answer.header("cache-control"), "private, no-store") << target;
    return nlohmann::json::parse(answer.body, nullptr, false);
  }

  // What one person sees, checked against the kinds it must see.
  void check_sees(Browser& browser, const std::set<std::string>& kinds, const std::string& who) {
    const auto rows = json_of(browser, "/api/v1/transfers?limit=10000");
    std::set<std::string> seen;
    for (const auto& row : rows["rows"])
      if (auto kind = kind_of_description(row["description"].get<std::string>()); !kind.empty()) seen.insert(kind);
    EXPECT_EQ(seen, kinds) << who;
    EXPECT_EQ(rows["total"], kinds.size() + 1) << who;

    const auto summary = json_of(browser, "/api/v1/transfers/summary?group_by=year");
    std::int64_t lines = 0;
    for (const auto& group : summary["groups"]) lines += group["lines"].get<std::int64_t>();
    EXPECT_EQ(lines, static_cast<std::int64_t>(kinds.size()) + 1) << who;

    for (const auto& [kind, year] : year_of_kind) {
      const auto hits = json_of(browser, "/api/v1/transfers?q=Kind%20" + kind + "%20END");
      EXPECT_EQ(hits["total"], kinds.contains(kind) ? 1 : 0) << who << " searching " << kind;
    }

    const auto pairs = json_of(browser, "/api/v1/transfers/mirror?exporter=FRA");
    std::set<std::string> years;
    for (const auto& pair : pairs["pairs"]) years.insert(std::to_string(pair["year"].get<int>()));
    std::set<std::string> expected_years;
    for (const auto& kind : kinds)
      if (kind != "restricted_table") expected_years.insert(std::to_string(year_of_kind.at(kind)));
    EXPECT_EQ(years, expected_years) << who;

    const auto csv = browser.get("/api/v1/transfers?format=csv&limit=10000");
    EXPECT_EQ(csv.status, 200);
    for (const auto& [kind, year] : year_of_kind)
      EXPECT_EQ(csv.body.find(description_of_kind(kind)) != std::string::npos, kinds.contains(kind)) << who << kind;
    // The streamed download of every line carries the same lines as the capped one.
    const auto streamed = browser.get("/api/v1/transfers?format=csv&limit=all");
    EXPECT_EQ(streamed.status, 200) << who;
    EXPECT_EQ(streamed.header("transfer-encoding"), "chunked") << who;
    EXPECT_EQ(streamed.body, csv.body) << who;

    // An error never depends on the data: the same answer for everyone.
    const auto refused = browser.get("/api/v1/transfers?reporter=FRA,XYZ&category=I");
    EXPECT_EQ(refused.status, 400) << who;
    if (refused_body_.empty()) refused_body_ = refused.body;
    EXPECT_EQ(refused.body, refused_body_) << who;
  }

  std::string refused_body_;
};

TEST_F(TransfersApi, EveryoneSeesExactlyWhatTheRuleAllows) {
  const auto expected = expected_kinds();
  Browser anonymous(server_->port());
  check_sees(anonymous, expected.at("anonymous"), "anonymous");
  for (const auto& [viewer, account] : account_of_viewer) {
    auto browser = signed_in(account);
    check_sees(browser, expected.at(viewer), viewer);
  }
}

TEST_F(TransfersApi, RowsFollowTheContractInEveryFormat) {
  Browser anonymous(server_->port());
  const auto body = json_of(anonymous, "/api/v1/transfers?reporter=fra&sort=-year&limit=2&offset=1");
  EXPECT_EQ(body["total"], 3);
  EXPECT_EQ(body["limit"], 2);
  EXPECT_EQ(body["offset"], 1);
  ASSERT_EQ(body["rows"].size(), 2u);
  const auto& row = body["rows"][0];
  EXPECT_EQ(row["year"], 2018);
  for (const auto* field :
       {"reporter", "year", "direction", "category", "partner", "items", "value", "currency", "basis", "description",
        "comments", "state_of_origin", "intermediate_location", "version", "visibility"})
    EXPECT_TRUE(row.contains(field)) << field;
  EXPECT_EQ(row["reporter"], "FRA");
  EXPECT_EQ(row["direction"], "export");
  EXPECT_EQ(row["items"], 5);
  EXPECT_EQ(row["value"], "1000.50");
  EXPECT_EQ(row["currency"], "EUR");
  EXPECT_EQ(row["basis"], "actual");
  EXPECT_EQ(row["visibility"], "public");
  EXPECT_TRUE(row["state_of_origin"].is_null());

  const auto amended = json_of(anonymous, "/api/v1/transfers?year_from=2021&year_to=2021");
  ASSERT_EQ(amended["rows"].size(), 1u);
  EXPECT_EQ(amended["rows"][0]["version"], 2);

  const auto csv = anonymous.get("/api/v1/transfers?format=csv&category=I&direction=import");
  EXPECT_EQ(csv.header("content-type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv.body.substr(0, csv.body.find('\n')),
            "reporter,year,direction,category,partner,items,value,currency,basis,description,comments,state_of_origin,"
            "intermediate_location,version,visibility");
  EXPECT_NE(csv.body.find("DEU,2016,import,I,FRA,4,1000.50,EUR,actual,Kampfpanzer aus Frankreich"), std::string::npos)
      << csv.body;

  const auto xlsx = anonymous.get("/api/v1/transfers?format=xlsx&direction=import");
  EXPECT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.header("content-type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  const auto workbook = io::read_xlsx(xlsx.body);
  ASSERT_TRUE(workbook) << workbook.error().code;
  const auto* sheet = workbook->sheet("Transfers");
  ASSERT_NE(sheet, nullptr);
  EXPECT_EQ(sheet->cell(1, 1), "reporter");
  EXPECT_EQ(sheet->last_row(), 2u) << "the header and DEU's public import only";
  EXPECT_EQ(sheet->cell(2, 1), "DEU");
  EXPECT_EQ(sheet->cell(2, 6), "4") << "items as a number";
  EXPECT_EQ(sheet->cell(2, 10), "Kampfpanzer aus Frankreich");
}

TEST_F(TransfersApi, SummariesNeverMixCurrenciesOrBases) {
  auto secretariat = signed_in("secretariat");
  const auto body = json_of(secretariat, "/api/v1/transfers/summary?group_by=reporter&sort=-items");
  EXPECT_EQ(body["group_by"], nlohmann::json::parse(R"(["reporter","basis"])")) << "basis added when not chosen";
  ASSERT_EQ(body["total_groups"], 2);
  EXPECT_EQ(body["groups"][0]["reporter"], "FRA");
  EXPECT_EQ(body["groups"][0]["basis"], "actual");
  EXPECT_EQ(body["groups"][0]["items"], 22);
  EXPECT_EQ(body["groups"][0]["reports"], 4);
  EXPECT_DOUBLE_EQ(body["groups"][0]["values"]["EUR"].get<double>(), 5002.5);

  const auto one_basis = json_of(secretariat, "/api/v1/transfers/summary?basis=actual");
  EXPECT_EQ(one_basis["group_by"], nlohmann::json::array()) << "one basis chosen: one group";
  ASSERT_EQ(one_basis["groups"].size(), 1u);
  EXPECT_EQ(one_basis["groups"][0]["lines"], 6);
  EXPECT_EQ(json_of(secretariat, "/api/v1/transfers/summary?basis=authorized")["total_groups"], 0);

  const auto pairs = json_of(secretariat, "/api/v1/transfers/mirror?importer=DEU&year_from=2016&year_to=2016");
  ASSERT_EQ(pairs["pairs"].size(), 1u);
  EXPECT_EQ(pairs["pairs"][0]["exporter_reported"]["items"], 5);
  EXPECT_EQ(pairs["pairs"][0]["importer_reported"]["items"], 4);
  EXPECT_EQ(pairs["pairs"][0]["flags"]["basis_differs"], false);
  ASSERT_EQ(pairs["discrepancies"].size(), 1u);
  EXPECT_EQ(pairs["discrepancies"][0]["kinds"], nlohmann::json::parse(R"(["items_differ"])"));
}

TEST_F(TransfersApi, SummariesAndMirrorPairsDownloadAsCsvAndXlsx) {
  auto secretariat = signed_in("secretariat");
  const auto csv = secretariat.get("/api/v1/transfers/summary?group_by=reporter&sort=-items&format=csv");
  EXPECT_EQ(csv.header("content-type"), "text/csv; charset=utf-8");
  EXPECT_NE(csv.header("content-disposition").find("att-transfers-summary.csv"), std::string::npos);
  EXPECT_EQ(csv.body.substr(0, csv.body.find('\n')), "reporter,basis,lines,reports,items,value_EUR") << csv.body;
  EXPECT_NE(csv.body.find("\nFRA,actual,"), std::string::npos) << csv.body;
  EXPECT_NE(csv.body.find(",4,22,5002.5\n"), std::string::npos) << "FRA's sums, as in the JSON: " << csv.body;

  const auto xlsx = secretariat.get("/api/v1/transfers/summary?group_by=year&format=xlsx&lang=fr");
  const auto workbook = io::read_xlsx(xlsx.body);
  ASSERT_TRUE(workbook) << workbook.error().code;
  const auto* sheet = workbook->sheet("Transfers");
  ASSERT_NE(sheet, nullptr);
  EXPECT_EQ(sheet->cell(1, 1), "year");
  const auto summary = json_of(secretariat, "/api/v1/transfers/summary?group_by=year");
  EXPECT_EQ(sheet->last_row(), summary["groups"].size() + 1);
  ASSERT_NE(workbook->sheet("About"), nullptr) << "the download says what it is";

  const auto mirror = secretariat.get("/api/v1/transfers/mirror?importer=DEU&year_from=2016&year_to=2016&format=csv");
  EXPECT_EQ(mirror.status, 200);
  const auto header = mirror.body.substr(0, mirror.body.find('\n'));
  EXPECT_EQ(header,
            "year,category,exporter,importer,exporter_year,exporter_lines,exporter_items,exporter_basis,"
            "exporter_value_EUR,importer_year,importer_lines,importer_items,importer_basis,importer_value_EUR,"
            "basis_differs,units_differ,discrepancies")
      << mirror.body;
  EXPECT_NE(mirror.body.find("2016,I,FRA,DEU,2016,1,5,actual,"), std::string::npos) << mirror.body;
  EXPECT_NE(mirror.body.find(",no,no,items_differ\n"), std::string::npos) << mirror.body;

  // The public's download holds only public lines, like its JSON.
  Browser anonymous(server_->port());
  const auto public_csv = anonymous.get("/api/v1/transfers/summary?group_by=reporter&format=csv");
  const auto public_json = json_of(anonymous, "/api/v1/transfers/summary?group_by=reporter");
  EXPECT_EQ(std::count(public_csv.body.begin(), public_csv.body.end(), '\n'),
            static_cast<std::ptrdiff_t>(public_json["groups"].size() + 1));
  EXPECT_EQ(anonymous.get("/api/v1/transfers/mirror?format=pdf").status, 400);
}

TEST_F(TransfersApi, BadInputIsRefusedInTheCallersLanguage) {
  Browser anonymous(server_->port());
  const std::vector<std::pair<std::string, std::string>> cases{
      {"/api/v1/transfers?reporter=XYZ", "reporter"},
      {"/api/v1/transfers?partner=FRA,12", "partner"},
      {"/api/v1/transfers?category=IX", "category"},
      {"/api/v1/transfers?category=VIII.SA.9", "category"},
      {"/api/v1/transfers?direction=both", "direction"},
      {"/api/v1/transfers?year_from=2022&year_to=2020", "year_from"},
      {"/api/v1/transfers?year_from=22", "year_from"},
      {"/api/v1/transfers?basis=planned", "basis"},
      {"/api/v1/transfers?region=Atlantis", "region"},
      {"/api/v1/transfers?limit=10001", "limit"},
      {"/api/v1/transfers?limit=all", "limit"},
      {"/api/v1/transfers?limit=all&format=xlsx", "limit"},
      {"/api/v1/transfers?limit=all&format=csv&offset=x", "offset"},
      {"/api/v1/transfers?offset=-1", "offset"},
      {"/api/v1/transfers?sort=-weight", "sort"},
      {"/api/v1/transfers?format=pdf", "format"},
      {"/api/v1/transfers?q=%FF%FE", "q"},
      {"/api/v1/transfers?q=tank%0A", "q"},
      {"/api/v1/transfers/summary?group_by=reporter,colour", "group_by"},
      {"/api/v1/transfers/summary?sort=-weight", "sort"},
      {"/api/v1/transfers/mirror?tolerance=2", "tolerance"},
      {"/api/v1/transfers/mirror?exporter=XX1", "exporter"},
  };
  for (const auto& [target, parameter] : cases) {
    const auto answer = anonymous.get(target);
    EXPECT_EQ(answer.status, 400) << target;
    const auto body = nlohmann::json::parse(answer.body, nullptr, false);
    EXPECT_EQ(body["error"]["details"]["parameter"], parameter) << target << ": " << answer.body;
  }
  EXPECT_EQ(anonymous.get("/api/v1/transfers?limit=10000&category=VIII.SA,NAT,NAT:ammunition").status, 200);
  const auto french = anonymous.get("/api/v1/transfers?year_from=2022&year_to=2020&lang=fr");
  EXPECT_NE(french.body.find("La première année (2022) est postérieure à la dernière (2020)."), std::string::npos)
      << french.body;
  const auto spanish = anonymous.get("/api/v1/transfers/summary?group_by=colour&lang=es");
  EXPECT_NE(spanish.body.find("El campo «colour» no es conocido aquí"), std::string::npos) << spanish.body;
}

// A server whose queries may hold at most 2 groups: a larger summary or mirror is refused in the
// caller's language, on the API and on the explorer page, and a small one is still answered.
class TransfersOnASmallBudget : public TransfersApi {
 protected:
  [[nodiscard]] std::vector<std::string> serve_options() const override { return {"--query-groups", "2"}; }
};

TEST_F(TransfersOnASmallBudget, QueriesOverTheBudgetAreToldSo) {
  auto secretariat = signed_in("secretariat");
  const auto refused = secretariat.get("/api/v1/transfers/summary?group_by=reporter,year&lang=fr");
  EXPECT_EQ(refused.status, 503) << refused.body;
  const auto body = nlohmann::json::parse(refused.body, nullptr, false);
  EXPECT_EQ(body["error"]["code"], "query_too_large");
  EXPECT_NE(refused.body.find("plus de 2 groupes"), std::string::npos) << refused.body;
  EXPECT_EQ(secretariat.get("/api/v1/transfers/mirror").status, 503);
  EXPECT_EQ(secretariat.get("/api/v1/transfers/summary?basis=actual").status, 200) << "one group fits";
  const auto page = secretariat.get("/transfers?view=summary&group_by=reporter");
  EXPECT_EQ(page.status, 503);
  EXPECT_NE(page.body.find("more than 2 groups"), std::string::npos);
}

}  // namespace
}  // namespace att::testing
