// The real server, started as `att serve` on a free port, answering real HTTP.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

#include "core/participation.hpp"
#include "http_client.hpp"
#include "io/file.hpp"
#include "io/states_json.hpp"
#include "store/open_database.hpp"
#include "store/states_store.hpp"
#include "test_support.hpp"
#include "web/http/api_errors.hpp"
#include "web/http/compression.hpp"

namespace att::testing {
namespace {

class Http : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    const auto db = (dir_->path() / "http.db").string();
    const auto init = run_att({"init", "--db", db});
    ASSERT_EQ(init.exit_code, 0) << init.err;
    server_ = new ServerProcess(db, {"--access-log", (dir_->path() / "access.log").string()});
  }
  static void TearDownTestSuite() {
    delete server_;
    delete dir_;
  }
  static int port() { return server_->port(); }
  static nlohmann::json json_of(const HttpResult& result) { return nlohmann::json::parse(result.body); }

  static TempDir* dir_;
  static ServerProcess* server_;
};

TempDir* Http::dir_ = nullptr;
ServerProcess* Http::server_ = nullptr;

int count_status(const nlohmann::json& states, const std::string& status) {
  int count = 0;
  for (const auto& state : states) count += state["status"] == status;
  return count;
}

TEST_F(Http, HealthSaysOk) {
  const auto result = http_get(port(), "/api/v1/health");
  EXPECT_EQ(result.status, 200);
  EXPECT_EQ(json_of(result), nlohmann::json({{"status", "ok"}}));
  EXPECT_EQ(result.header("content-type"), "application/json; charset=utf-8");
}

TEST_F(Http, StatesOnHistoricalDatesMatchPublishedCounts) {
  struct Case {
    const char* date;
    int parties;
  };
  for (const auto& expected : {Case{"2014-12-24", 61}, Case{"2014-12-23", 61}, Case{"2013-06-02", 0},
                               Case{"2026-11-27", 118}}) {
    const auto result = http_get(port(), std::string("/api/v1/states?as_of=") + expected.date);
    ASSERT_EQ(result.status, 200) << result.body;
    const auto states = json_of(result);
    EXPECT_EQ(states.size(), 196u);
    EXPECT_EQ(count_status(states, "party"), expected.parties) << expected.date;
  }
}

TEST_F(Http, EachStateCarriesTheDocumentedFields) {
  const auto states = json_of(http_get(port(), "/api/v1/states?as_of=2015-01-01"));
  for (const auto& state : states) {
    for (const char* field : {"iso3", "iso2", "name_en", "name_fr", "name_es", "region", "subregion", "status",
                              "signature_date", "deposit_date", "eif_date", "in_force", "verified"})
      ASSERT_TRUE(state.contains(field)) << field << " in " << state.dump();
  }
  const auto france = json_of(http_get(port(), "/api/v1/states/FRA?as_of=2014-06-01"));
  EXPECT_EQ(france["status"], "party");
  EXPECT_EQ(france["in_force"], false);
  EXPECT_EQ(france["eif_date"], "2014-12-24");
  EXPECT_EQ(france["name_es"], "Francia");
}

TEST_F(Http, FiltersByRegionAndStatus) {
  const auto result = http_get(port(), "/api/v1/states?as_of=2014-12-24&region=Europe&status=party");
  ASSERT_EQ(result.status, 200);
  const auto states = json_of(result);
  EXPECT_EQ(states.size(), 34u);
  for (const auto& state : states) EXPECT_EQ(state["region"], "Europe");
}

TEST_F(Http, TheStatesListIsTheRegisterOnThatDateWhetherCachedOrNot) {
  const auto register_now = store::load_register(*store::open_database((dir_->path() / "http.db").string()));
  const auto expected = [&](const char* date, std::optional<std::string> region) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& state : states_on(register_now, *Date::parse(date), {region, std::nullopt}))
      list.push_back(io::state_json(state));
    return web::json_text(list);
  };
  const auto first = http_get(port(), "/api/v1/states?as_of=2016-03-01");
  const auto second = http_get(port(), "/api/v1/states?as_of=2016-03-01");
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(first.body, expected("2016-03-01", std::nullopt));
  EXPECT_EQ(second.body, first.body);
  EXPECT_EQ(second.header("etag"), first.header("etag"));
  const auto europe = http_get(port(), "/api/v1/states?as_of=2016-03-01&region=Europe");
  EXPECT_EQ(europe.body, expected("2016-03-01", "Europe"));
  // Another date is another answer, not the one kept for the first date.
  const auto earlier = http_get(port(), "/api/v1/states?as_of=2014-01-01");
  EXPECT_EQ(earlier.body, expected("2014-01-01", std::nullopt));
  EXPECT_NE(earlier.body, first.body);
  EXPECT_NE(earlier.header("etag"), first.header("etag"));
}

TEST_F(Http, StatesListIsGzippedForClientsThatAcceptIt) {
  const auto plain = http_get(port(), "/api/v1/states?as_of=2020-01-01");
  const auto compressed = http_get(port(), "/api/v1/states?as_of=2020-01-01", {"Accept-Encoding: gzip, deflate, br"});
  ASSERT_EQ(plain.status, 200);
  ASSERT_EQ(compressed.status, 200);
  EXPECT_EQ(plain.header("content-encoding"), "");
  EXPECT_EQ(compressed.header("content-encoding"), "gzip");
  EXPECT_EQ(plain.header("vary"), "Accept-Encoding");
  EXPECT_EQ(compressed.header("vary"), "Accept-Encoding");
  EXPECT_EQ(compressed.header("content-type"), "application/json; charset=utf-8");
  EXPECT_LT(compressed.body.size() * 5, plain.body.size());
  EXPECT_EQ(web::gunzip(compressed.body), plain.body);
  EXPECT_NE(compressed.header("etag"), plain.header("etag"));
  const auto refused = http_get(port(), "/api/v1/states?as_of=2020-01-01", {"Accept-Encoding: gzip;q=0"});
  EXPECT_EQ(refused.body, plain.body);
  const auto revalidated =
      http_get(port(), "/api/v1/states?as_of=2020-01-01", {"Accept-Encoding: gzip", "If-None-Match: " + compressed.header("etag")});
  EXPECT_EQ(revalidated.status, 304);
  EXPECT_TRUE(revalidated.body.empty());
}

TEST_F(Http, StaticFilesAreGzippedForClientsThatAcceptIt) {
  const auto file = io::read_file(std::filesystem::path(ATT_WEB_DIR) / "node_modules/@picocss/pico/css/pico.min.css");
  ASSERT_TRUE(file.has_value());
  const auto plain = http_get(port(), "/static/vendor/pico.min.css");
  const auto compressed = http_get(port(), "/static/vendor/pico.min.css", {"Accept-Encoding: gzip"});
  ASSERT_EQ(plain.status, 200);
  EXPECT_EQ(plain.body, *file);
  EXPECT_EQ(compressed.header("content-encoding"), "gzip");
  EXPECT_EQ(compressed.header("vary"), "Accept-Encoding");
  EXPECT_EQ(compressed.header("content-type"), "text/css; charset=utf-8");
  EXPECT_EQ(web::gunzip(compressed.body), *file);
  EXPECT_LT(compressed.body.size() * 4, file->size());
}

TEST_F(Http, PartyWithUnknownDepositDateSaysSo) {
  const auto ecuador = json_of(http_get(port(), "/api/v1/states/ecu?as_of=2026-11-27"));
  EXPECT_EQ(ecuador["status"], "party");
  EXPECT_EQ(ecuador["deposit_date_known"], false);
  EXPECT_TRUE(ecuador["deposit_date"].is_null());
  EXPECT_EQ(ecuador["verified"], false);
}

TEST_F(Http, BadParametersAre400WithACodeAndAMessage) {
  struct Case {
    const char* target;
    const char* code;
  };
  for (const auto& bad : {Case{"/api/v1/states?as_of=2023-02-30", "impossible_date"},
                          Case{"/api/v1/states?as_of=31/05/2024", "invalid_date"},
                          Case{"/api/v1/states?as_of=2024-5-1", "invalid_date"},
                          Case{"/api/v1/states?as_of=%FF%FE", "invalid_date"},
                          Case{"/api/v1/states?as_of=1800-01-01", "impossible_date"},
                          Case{"/api/v1/states?status=member", "invalid_status"},
                          Case{"/api/v1/states?region=Atlantis", "invalid_region"},
                          Case{"/api/v1/states/FRA?as_of=tomorrow", "invalid_date"}}) {
    const auto result = http_get(port(), bad.target);
    EXPECT_EQ(result.status, 400) << bad.target;
    const auto body = json_of(result);
    EXPECT_EQ(body["error"]["code"], bad.code) << bad.target;
    EXPECT_FALSE(body["error"]["message"].get<std::string>().empty());
  }
}

TEST_F(Http, ErrorMessagesFollowTheCallersLanguage) {
  const auto french = json_of(http_get(port(), "/api/v1/states?as_of=2023-02-30", {"Accept-Language: fr-FR,fr;q=0.9"}));
  EXPECT_NE(french["error"]["message"].get<std::string>().find("n’est pas un jour"), std::string::npos);
  const auto spanish = json_of(http_get(port(), "/api/v1/states?as_of=2023-02-30&lang=es"));
  EXPECT_NE(spanish["error"]["message"].get<std::string>().find("no es un día"), std::string::npos);
}

TEST_F(Http, UnknownStateIs404WithSuggestions) {
  const auto result = http_get(port(), "/api/v1/states/XYZ");
  EXPECT_EQ(result.status, 404);
  EXPECT_EQ(json_of(result)["error"]["code"], "unknown_state");
  const auto by_name = json_of(http_get(port(), "/api/v1/states/Frnace"));
  EXPECT_EQ(by_name["error"]["details"]["suggestions"][0], "FRA");
}

TEST_F(Http, UnknownPathsAndMethods) {
  const auto api = http_get(port(), "/api/v1/nothing");
  EXPECT_EQ(api.status, 404);
  EXPECT_EQ(json_of(api)["error"]["code"], "not_found");
  const auto page = http_get(port(), "/nothing?lang=es");
  EXPECT_EQ(page.status, 404);
  EXPECT_NE(page.body.find("Esta página no existe."), std::string::npos);
  const auto post = http_raw(port(), "POST /api/v1/health HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
  EXPECT_EQ(post.status, 405);
}

TEST_F(Http, OversizedBodyIs413) {
  const std::string body(9 * 1024 * 1024, 'x');
  const auto result = http_raw(port(), "POST /api/v1/states HTTP/1.1\r\nHost: x\r\nContent-Length: " +
                                           std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
  EXPECT_EQ(result.status, 413);
  EXPECT_EQ(json_of(result)["error"]["code"], "body_too_large");
}

// An address or header fields over the App's limits get an answer; above RESTinio's hard limits
// (and http_parser's 80 KiB for the whole head) the connection is closed without one, and the
// server goes on serving (docs/decisions.md).
TEST_F(Http, OversizedAddressIs414AndOversizedHeaderFieldsAre431) {
  const auto long_address = http_raw(port(), "GET /api/v1/states?x=" + std::string(20000, 'a') +
                                                 " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(long_address.status, 414);
  EXPECT_EQ(json_of(long_address)["error"]["code"], "uri_too_long");
  const auto long_field = http_raw(port(), "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Big: " +
                                               std::string(40000, 'b') + "\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(long_field.status, 431);
  EXPECT_EQ(json_of(long_field)["error"]["code"], "header_fields_too_large");
  std::string many_fields = "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n";
  for (int i = 0; i < 150; ++i) many_fields += "X-F" + std::to_string(i) + ": v\r\n";
  EXPECT_EQ(http_raw(port(), many_fields + "\r\n").status, 431);
  EXPECT_EQ(http_raw(port(), "GET /api/v1/health?lang=fr HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").status,
            200);

  const auto huge_address = http_raw(port(), "GET /api/v1/states?x=" + std::string(200000, 'a') +
                                                 " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(huge_address.status, 0) << "closed without an answer";
  const auto huge_head = http_raw(port(), "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Big: " +
                                              std::string(100000, 'b') + "\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(huge_head.status, 0) << "closed without an answer";
  EXPECT_EQ(http_get(port(), "/api/v1/health").status, 200) << "the server survives";
}

TEST_F(Http, EveryResponseCarriesSecurityHeaders) {
  for (const char* target : {"/", "/states", "/api/v1/health", "/api/v1/states/XYZ", "/nothing",
                             "/static/app.css"}) {
    const auto result = http_get(port(), target);
    EXPECT_NE(result.header("content-security-policy").find("frame-ancestors 'none'"), std::string::npos) << target;
    EXPECT_EQ(result.header("x-content-type-options"), "nosniff") << target;
    EXPECT_FALSE(result.header("referrer-policy").empty()) << target;
  }
}

TEST_F(Http, PagesSpeakTheChosenLanguage) {
  const auto french = http_get(port(), "/states?lang=fr&as_of=2014-12-24");
  ASSERT_EQ(french.status, 200);
  EXPECT_NE(french.body.find("<html lang=\"fr\">"), std::string::npos);
  EXPECT_NE(french.body.find("Les États et le traité"), std::string::npos);
  EXPECT_NE(french.body.find("61 États Parties"), std::string::npos);
  EXPECT_NE(french.header("set-cookie").find("lang=fr"), std::string::npos);

  const auto by_cookie = http_get(port(), "/states", {"Cookie: lang=es"});
  EXPECT_NE(by_cookie.body.find("<html lang=\"es\">"), std::string::npos);
  const auto by_header = http_get(port(), "/", {"Accept-Language: fr-CA,fr;q=0.9,en;q=0.5"});
  EXPECT_NE(by_header.body.find("<html lang=\"fr\">"), std::string::npos);
  const auto english = http_get(port(), "/");
  EXPECT_NE(english.body.find("<html lang=\"en\">"), std::string::npos);
}

TEST_F(Http, StatesPageShowsErrorsNextToTheForm) {
  const auto result = http_get(port(), "/states?as_of=2023-02-30&lang=fr");
  EXPECT_EQ(result.status, 400);
  EXPECT_NE(result.body.find("n’est pas un jour du calendrier"), std::string::npos);
  EXPECT_NE(result.body.find("role=\"alert\""), std::string::npos);
}

TEST_F(Http, StatesPageListsNamesInTheLanguagesAlphabeticalOrder) {
  const auto french = http_get(port(), "/states?lang=fr").body;
  // By ISO3 code Autriche (AUT) would precede Allemagne (DEU); by French name it follows it.
  ASSERT_NE(french.find("Allemagne"), std::string::npos);
  EXPECT_LT(french.find("Allemagne"), french.find("Autriche"));
  EXPECT_LT(french.find("Égypte"), french.find("Émirats arabes unis"));
  EXPECT_LT(french.find("Émirats arabes unis"), french.find("Équateur"));
  const auto spanish = http_get(port(), "/states?lang=es").body;
  EXPECT_LT(spanish.find("Alemania"), spanish.find("Andorra"));
}

TEST_F(Http, StatesPageMarksTheFieldInError) {
  const auto result = http_get(port(), "/states?as_of=2023-13-01&lang=en");
  EXPECT_EQ(result.status, 400);
  EXPECT_NE(result.body.find("aria-invalid=\"true\""), std::string::npos);
  EXPECT_NE(result.body.find("Status on “2023-13-01”"), std::string::npos) << "the message names the form field";
}

TEST_F(Http, StatesPageGreysDatesAfterTheChosenDay) {
  const auto page = http_get(port(), "/states?as_of=2014-12-24&status=none&region=Asia").body;
  const auto afghanistan = page.find("data-iso3=\"AFG\"");
  ASSERT_NE(afghanistan, std::string::npos);
  EXPECT_NE(page.find("date later", afghanistan), std::string::npos);
}

TEST_F(Http, PageEscapesWhatTheVisitorTyped) {
  const auto result = http_get(port(), "/states?as_of=%3Cscript%3Ealert(1)%3C/script%3E");
  EXPECT_EQ(result.status, 400);
  EXPECT_EQ(result.body.find("<script>alert(1)"), std::string::npos);
  EXPECT_NE(result.body.find("&lt;script&gt;"), std::string::npos);
}

TEST_F(Http, ServesFrontEndPackagesFromNpm) {
  const auto pico = http_get(port(), "/static/vendor/pico.min.css");
  EXPECT_EQ(pico.status, 200);
  EXPECT_EQ(pico.header("content-type"), "text/css; charset=utf-8");
  EXPECT_GT(pico.body.size(), 10000u);
  const auto htmx = http_get(port(), "/static/vendor/htmx.min.js");
  EXPECT_EQ(htmx.status, 200);
  const auto again = http_get(port(), "/static/vendor/htmx.min.js", {"If-None-Match: " + htmx.header("etag")});
  EXPECT_EQ(again.status, 304);
  EXPECT_EQ(http_get(port(), "/static/../CMakeLists.txt").status, 404);
  EXPECT_EQ(http_get(port(), "/static/vendor/../../../etc/passwd").status, 404);
}

TEST_F(Http, KeepsServingAfterThousandsOfMalformedRequests) {
  std::mt19937 random(20261127);
  std::vector<std::string> malformed = {
      "GARBAGE\r\n\r\n",
      "GET\r\n\r\n",
      "GET / HTTP/9.9\r\n\r\n",
      "GET /api/v1/states HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
      "GET /api/v1/states HTTP/1.1\r\nHost x no colon\r\n\r\n",
      "GET /api/v1/states?as_of=%00%01%02 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
      "GET /%%%%%%%% HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
      "GET /" + std::string(20000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n",
      "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(40000, 'b') + "\r\n\r\n",
      "POST /api/v1/states HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\nConnection: close\r\n\r\nshort",
      "POST /api/v1/states HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nZZ\r\n",
      "GET /states?lang=\xff\xfe&region=\xc3\x28 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
      "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03",  // a TLS hello on the plain port
  };
  int answered_5xx = 0;
  for (int i = 0; i < 2000; ++i) {
    std::string request = malformed[static_cast<std::size_t>(i) % malformed.size()];
    if (i % 3 == 0) {  // and some pure noise
      request.resize(1 + random() % 300);
      for (auto& c : request) c = static_cast<char>(random() % 256);
    }
    const auto result = http_raw(port(), request);
    if (result.status >= 500) ++answered_5xx;
  }
  EXPECT_EQ(answered_5xx, 0);
  EXPECT_EQ(http_get(port(), "/api/v1/health").status, 200);
  EXPECT_EQ(json_of(http_get(port(), "/api/v1/states?as_of=2014-12-24")).size(), 196u);
}

TEST_F(Http, WritesAnAccessLogLine) {
  http_get(port(), "/api/v1/health?from=access-log-test");
  // The log is flushed on exit; what matters here is that it exists and the server runs.
  EXPECT_TRUE(std::filesystem::exists(dir_->path() / "access.log"));
}

TEST(HttpLifecycle, StopsGracefullyOnSigtermAndFlushesItsLog) {
  TempDir dir;
  const auto db = (dir.path() / "stop.db").string();
  ASSERT_EQ(run_att({"init", "--db", db}).exit_code, 0);
  const auto log = dir.path() / "access.log";
  ServerProcess server(db, {"--access-log", log.string()});
  EXPECT_EQ(http_get(server.port(), "/api/v1/health?probe=1").status, 200);
  EXPECT_EQ(server.stop(), 0) << server.output();
  std::ifstream in(log);
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(content.find("GET /api/v1/health 200"), std::string::npos) << content;
}

TEST(HttpLifecycle, ServesFromPostgresToo) {
  TempDir dir;
  const auto location = fresh_database_location("postgres", dir);
  if (location.empty()) {
    if (std::getenv("CI")) FAIL() << postgres_unavailable_reason();
    GTEST_SKIP() << postgres_unavailable_reason();
  }
  ASSERT_EQ(run_att({"init", "--db", location}).exit_code, 0);
  ServerProcess server(location);
  const auto states = nlohmann::json::parse(http_get(server.port(), "/api/v1/states?as_of=2026-11-27").body);
  EXPECT_EQ(count_status(states, "party"), 118);
  EXPECT_EQ(server.stop(), 0);
}

// Without Chromium the PDF of a report answers 503 with a page that says what to do instead.
TEST(HttpLifecycle, PdfWithoutChromiumIsUnavailableAndSaysSo) {
  TempDir dir;
  const auto db = (dir.path() / "pdf.db").string();
  ASSERT_EQ(run_att({"init", "--db", db}).exit_code, 0);
  const auto csv = dir.path() / "fra.csv";
  std::ofstream(csv) << "reporting_state,year,direction,category,partner_state,items,value,currency,basis,description,"
                        "comments,state_of_origin,intermediate_location\nFRA,2022,export,II,BEL,3,,,actual,,,,\n";
  ASSERT_EQ(run_att({"import", "--db", db, csv.string()}).exit_code, 0);
  ServerProcess server(db, {"--chromium", (dir.path() / "no-chromium").string()});
  const auto pdf = http_get(server.port(), "/reports/FRA/2022.pdf?lang=fr");
  EXPECT_EQ(pdf.status, 503);
  EXPECT_NE(pdf.body.find("L’export PDF n’est pas disponible"), std::string::npos) << pdf.body.substr(0, 400);
  EXPECT_NE(pdf.body.find("href=\"/reports/FRA/2022\""), std::string::npos) << "a way back to the page itself";
  EXPECT_EQ(http_get(server.port(), "/reports/FRA/2022").status, 200) << "the page still works";
  EXPECT_EQ(server.stop(), 0);
}

// A report's CSV, downloaded or exported, is for people unless the raw form is asked for: a field
// that a spreadsheet would run as a formula starts with an apostrophe.
TEST(HttpLifecycle, CsvForPeopleNeutralisesFormulasUnlessRawIsAsked) {
  TempDir dir;
  const auto db = (dir.path() / "csv.db").string();
  ASSERT_EQ(run_att({"init", "--db", db}).exit_code, 0);
  const auto csv = dir.path() / "fra.csv";
  std::ofstream(csv) << "reporting_state,year,direction,category,partner_state,items,value,currency,basis,description,"
                        "comments,state_of_origin,intermediate_location\n"
                        "FRA,2022,export,II,BEL,3,,,actual,=1+2,@cmd,,-x\n";
  ASSERT_EQ(run_att({"import", "--db", db, csv.string()}).exit_code, 0);
  const std::string people = "actual,'=1+2,'@cmd,,'-x\n", raw = "actual,=1+2,@cmd,,-x\n";

  const auto exported = run_att({"reports", "export", "--db", db, "--state", "FRA", "--year", "2022"});
  EXPECT_NE(exported.out.find(people), std::string::npos) << exported.out;
  const auto exported_raw = run_att({"reports", "export", "--db", db, "--state", "FRA", "--year", "2022", "--raw-csv"});
  EXPECT_NE(exported_raw.out.find(raw), std::string::npos) << exported_raw.out;

  ServerProcess server(db);
  const auto downloaded = http_get(server.port(), "/api/v1/reports/FRA/2022.csv");
  EXPECT_EQ(downloaded.status, 200);
  EXPECT_NE(downloaded.body.find(people), std::string::npos) << downloaded.body;
  const auto downloaded_raw = http_get(server.port(), "/api/v1/reports/FRA/2022.csv?csv=raw");
  EXPECT_NE(downloaded_raw.body.find(raw), std::string::npos) << downloaded_raw.body;
  EXPECT_EQ(server.stop(), 0);
}

TEST(HttpLifecycle, ServeRefusesAnUninitialisedDatabase) {
  TempDir dir;
  const auto result = run_att({"serve", "--db", (dir.path() / "empty.db").string(), "--port",
                               std::to_string(free_port())});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("not initialised: run att init"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace att::testing
