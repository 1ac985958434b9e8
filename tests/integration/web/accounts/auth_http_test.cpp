// Accounts over real HTTP: who may open what, sign-in with and without a second factor,
// sessions, CSRF, reset links, throttling, registration, API tokens and the audit log.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <map>
#include <thread>
#include <vector>

#include "auth/accounts_store.hpp"
#include "auth/password_resets.hpp"
#include "browser.hpp"
#include "core/date.hpp"
#include "io/csv_reader.hpp"
#include "io/file.hpp"
#include "io/templates_file.hpp"
#include "reporting/report_workbook.hpp"
#include "server_with_accounts.hpp"
#include "auth/api_tokens.hpp"
#include "store/open_database.hpp"
#include "test_support.hpp"

namespace att::testing {
namespace {

class AuthHttp : public ServerWithAccounts {};

// A program's request with `Authorization: Bearer <token>`: no cookie, no CSRF token.
HttpResult with_token(int port, const std::string& token, const std::string& method, const std::string& target,
                      const std::string& body = {}) {
  const auto authorization = "Authorization: Bearer " + token;
  if (method == "GET") return http_get(port, target, {authorization});
  return http_raw(port, method + " " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" + authorization +
                            "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
                            "\r\n\r\n" + body);
}

std::string outcome_of(const HttpResult& result) {
  if (result.status == 200) return "ok";
  if (result.status == 401) return "unauthorized";
  if (result.status == 403) return "forbidden";
  if (result.status == 404) return "not_found";
  if (result.status == 409) return "not_pending";
  if (result.status == 303 && result.header("location").rfind("/sign-in?next=", 0) == 0) return "sign_in";
  if (result.status == 303 && result.header("location") == "/account/two-factor") return "set_up_second_factor";
  return "status " + std::to_string(result.status) + " " + result.header("location");
}

TEST_F(AuthHttp, EveryRoleAgainstEveryProtectedRoute) {
  const auto text = io::read_file(std::string(ATT_TEST_DATA_DIR) + "/access_matrix.csv");
  ASSERT_TRUE(text);
  const auto matrix = io::CsvTable::parse(*text);
  ASSERT_TRUE(matrix);
  // Reports to try the roles on: France's restricted to States Parties, Germany's public.
  const auto lines = db_path_ + ".reports.csv";
  for (const auto& [file, visibility, body] :
       {std::tuple{lines + ".fra", "restricted", "FRA,2021,export,II,BEL,4,,,actual,,,,\n"},
        std::tuple{lines + ".deu", "public", "DEU,2021,export,II,BEL,4,,,actual,,,,\n"}}) {
    std::ofstream(file) << "reporting_state,year,direction,category,partner_state,items,value,currency,basis,"
                           "description,comments,state_of_origin,intermediate_location\n"
                        << body;
    ASSERT_EQ(run_att({"import", "--db", db_path_, "--visibility", visibility, file}).exit_code, 0);
  }
  std::map<std::string, Browser> browsers;
  browsers.emplace("anonymous", Browser(server_->port()));
  for (const auto& [kind, person] : people) browsers.emplace(kind, signed_in(kind));
  // Programs holding a token of France's reporting officer, one per scope.
  std::map<std::string, std::string> tokens;
  for (const std::string scope : {"full", "read", "reporting"}) {
    const auto made = run_att({"tokens", "add", "--db", db_path_, "--email", people.at("reporting_officer").email,
                               "--name", scope + " script", "--scope", scope});
    ASSERT_EQ(made.exit_code, 0) << made.err;
    tokens[scope + "_token"] = made.out.substr(0, made.out.find('\n'));
  }
  int checked = 0;
  for (const auto& row : matrix->rows()) {
    const std::string method(matrix->field(row, "method"));
    const std::string path(matrix->field(row, "path"));
    for (auto& [kind, browser] : browsers) {
      ASSERT_TRUE(matrix->has_column(kind)) << kind;
      if (method == "POST") browser.get("/sign-in");  // a page holding a CSRF token, as a real form would
      const auto result = method == "GET" ? browser.get(path) : browser.post(path, {});
      EXPECT_EQ(outcome_of(result), matrix->field(row, kind)) << method << " " << path << " as " << kind;
      ++checked;
    }
    for (const auto& [kind, token] : tokens) {
      ASSERT_TRUE(matrix->has_column(kind)) << kind;
      EXPECT_EQ(outcome_of(with_token(server_->port(), token, method, path)), matrix->field(row, kind))
          << method << " " << path << " with a " << kind;
      ++checked;
    }
  }
  EXPECT_GE(checked, 150);
}

TEST_F(AuthHttp, WrongPasswordAndUnknownAccountLookAlike) {
  Browser known(server_->port()), unknown(server_->port());
  known.get("/sign-in");
  unknown.get("/sign-in");
  const auto a = known.post("/sign-in", {{"email", "rep@example.org"}, {"password", "wrong password 123"}});
  const auto b = unknown.post("/sign-in", {{"email", "nobody@example.org"}, {"password", "wrong password 123"}});
  EXPECT_EQ(a.status, 400);
  EXPECT_EQ(a.status, b.status);
  EXPECT_EQ(text_of_id(a.body, "form-error"), text_of_id(b.body, "form-error"));
  EXPECT_NE(text_of_id(a.body, "form-error").find("wrong"), std::string::npos);

  Browser forgot_known(server_->port()), forgot_unknown(server_->port());
  forgot_known.get("/forgot-password");
  forgot_unknown.get("/forgot-password");
  const auto c = forgot_known.post("/forgot-password", {{"email", "rep@example.org"}});
  const auto d = forgot_unknown.post("/forgot-password", {{"email", "nobody@example.org"}});
  EXPECT_EQ(c.status, 200);
  EXPECT_EQ(c.status, d.status);
  EXPECT_EQ(c.body.substr(c.body.find("<main")), d.body.substr(d.body.find("<main")));
}

TEST_F(AuthHttp, SignInIssuesAFreshSessionTokenEachTime) {
  Browser browser(server_->port());
  browser.set_cookie("att_session", "chosen-by-an-attacker-aaaaaaaaaaaaaaaaaaaa");
  browser.get("/sign-in");
  browser.post("/sign-in", {{"email", "rep@example.org"}, {"password", password}});
  const auto first = browser.cookie("att_session");
  EXPECT_FALSE(first.empty());
  EXPECT_NE(first, "chosen-by-an-attacker-aaaaaaaaaaaaaaaaaaaa");
  EXPECT_EQ(browser.get("/account").status, 200);

  browser.get("/sign-in");
  browser.post("/sign-in", {{"email", "rep@example.org"}, {"password", password}});
  const auto second = browser.cookie("att_session");
  EXPECT_NE(second, first);
  Browser old(server_->port());
  old.set_cookie("att_session", first);
  EXPECT_EQ(outcome_of(old.get("/account")), "sign_in") << "the session before the new sign-in is gone";
}

TEST_F(AuthHttp, StateChangingRequestsNeedTheRightCsrfToken) {
  Browser browser(server_->port());
  browser.get("/sign-in");
  const std::vector<std::pair<std::string, std::string>> credentials = {{"email", "rep@example.org"},
                                                                        {"password", password}};
  EXPECT_EQ(browser.post("/sign-in", credentials, false).status, 403) << "no token";
  auto forged = credentials;
  forged.emplace_back("csrf_token", "forged-token-forged-token-forged-token-1234");
  EXPECT_EQ(browser.post("/sign-in", forged, false).status, 403) << "wrong token";
  Browser other(server_->port());
  other.get("/sign-in");
  auto borrowed = credentials;
  borrowed.emplace_back("csrf_token", other.csrf_token());
  EXPECT_EQ(browser.post("/sign-in", borrowed, false).status, 403) << "another visitor's token";
  browser.get("/sign-in");
  EXPECT_EQ(browser.post("/sign-in", credentials).status, 303) << "the page's own token";

  // Signed in, the session's token is the one that counts.
  EXPECT_EQ(browser.post("/account/tokens", {{"name", "x"}}, false).status, 403);
  browser.get("/account");
  EXPECT_EQ(browser.post("/account/tokens", {{"name", "x"}}).status, 200);
  const auto header_token = http_raw(server_->port(),
                                     "POST /account/tokens HTTP/1.1\r\nHost: x\r\nConnection: close\r\nCookie: "
                                     "att_session=" + browser.cookie("att_session") + "\r\nX-CSRF-Token: " +
                                         browser.csrf_token() +
                                         "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 6\r\n\r\n"
                                         "name=y");
  EXPECT_EQ(header_token.status, 200) << "htmx sends the token in a header";
}

TEST_F(AuthHttp, RepeatedFailuresAreThrottledEvenWithTheRightPassword) {
  Browser browser(server_->port());
  for (int i = 0; i < 5; ++i) {
    browser.get("/sign-in");
    EXPECT_EQ(browser.post("/sign-in", {{"email", "rep@example.org"}, {"password", "not the password"}}).status, 400);
  }
  browser.get("/sign-in");
  const auto blocked = browser.post("/sign-in", {{"email", "rep@example.org"}, {"password", password}});
  EXPECT_EQ(blocked.status, 429);
  EXPECT_NE(text_of_id(blocked.body, "form-error").find("Too many attempts"), std::string::npos);
  // Another account from the same address is still allowed (the address limit is higher).
  browser.get("/sign-in");
  EXPECT_EQ(browser.post("/sign-in", {{"email", "chair@example.org"}, {"password", password}}).status, 303);
}

TEST_F(AuthHttp, ACorrectPasswordDoesNotResetSecondFactorFailures) {
  // Someone who has the password tries codes, giving the password again between tries.
  Browser attacker(server_->port());
  int refused = 0;
  int throttled = 0;
  for (int round = 0; round < 3; ++round) {
    attacker.get("/sign-in");
    const auto password_step = attacker.post("/sign-in", {{"email", "admin@example.org"}, {"password", password}});
    if (password_step.status == 429) {
      ++throttled;
      continue;
    }
    ASSERT_EQ(password_step.header("location"), "/sign-in/second-factor");
    for (int i = 0; i < 4; ++i) {
      attacker.get("/sign-in/second-factor");
      const auto status = attacker.post("/sign-in/second-factor", {{"code", "not-a-code"}}).status;
      refused += status == 400;
      throttled += status == 429;
    }
  }
  EXPECT_EQ(refused, 5) << "five wrong codes per account, whatever comes between them";
  EXPECT_GT(throttled, 0);
}

TEST_F(AuthHttp, RegistrationTakesAsLongAndSaysTheSameForAnExistingAddress) {
  const auto apply = [&](const std::string& email) {
    Browser applicant(server_->port());
    applicant.get("/register");
    const auto start = std::chrono::steady_clock::now();
    auto answer = applicant.post("/register", {{"name", "Jo Doe"}, {"email", email}, {"state", "FRA"},
                                               {"position", "Export control"}, {"role", "observer"}, {"note", ""},
                                               {"password", "a long enough passphrase"},
                                               {"password_confirm", "a long enough passphrase"}});
    const std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;
    // The page repeats the address; the rest must be the same.
    for (auto at = answer.body.find(email); at != std::string::npos; at = answer.body.find(email, at))
      answer.body.replace(at, email.size(), "ADDRESS");
    return std::pair{answer, took.count()};
  };
  const auto median = [](std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
  };
  std::vector<double> existing, fresh;
  for (int i = 0; i < 5; ++i) {  // interleaved, so that a busy moment slows both
    const auto [known, known_ms] = apply("rep@example.org");
    const auto [unknown, unknown_ms] = apply("new" + std::to_string(i) + "@example.org");
    ASSERT_EQ(known.status, 200);
    ASSERT_EQ(unknown.status, 200);
    EXPECT_EQ(known.body.substr(known.body.find("<main")), unknown.body.substr(unknown.body.find("<main")));
    existing.push_back(known_ms);
    fresh.push_back(unknown_ms);
  }
  const auto ratio = median(existing) / median(fresh);
  EXPECT_GT(ratio, 0.5) << median(existing) << " ms for an existing address, " << median(fresh) << " ms for a new one";
  EXPECT_LT(ratio, 2.0) << median(existing) << " ms for an existing address, " << median(fresh) << " ms for a new one";
}

TEST_F(AuthHttp, SignInReturnsOnlyToPathsOfThisSite) {
  Browser browser(server_->port());
  const auto page = browser.get("/sign-in?next=/%09/evil.example/x");
  const auto field = page.body.find("name=\"next\"");
  ASSERT_NE(field, std::string::npos);
  const auto tag = page.body.substr(page.body.rfind('<', field), page.body.find('>', field) - page.body.rfind('<', field));
  EXPECT_EQ(tag.find("evil.example"), std::string::npos) << "the form does not carry the address on: " << tag;
  const auto answer =
      browser.post("/sign-in", {{"email", "rep@example.org"}, {"password", password}, {"next", "/\t/evil.example/x"}});
  EXPECT_EQ(answer.status, 303);
  EXPECT_EQ(answer.header("location"), "/account");

  Browser local(server_->port());
  local.get("/sign-in?next=/reports%3Fq%3D1");
  EXPECT_EQ(local.post("/sign-in", {{"email", "rep@example.org"}, {"password", password}, {"next", "/reports?q=1"}})
                .header("location"),
            "/reports?q=1");
}

TEST_F(AuthHttp, DraftsAreNeverKeptInACache) {
  auto officer = signed_in("reporting_officer");  // FRA
  officer.get("/account");
  ASSERT_EQ(officer.send_json("PUT", "/api/v1/reports/FRA/2024/draft",
                              R"({"exports": [{"category": "I", "partner_state": "BEL", "items": 3}]})")
                .status,
            200);
  const auto annual = officer.get("/api/v1/reports/FRA/2024/draft");
  ASSERT_EQ(annual.status, 200);
  EXPECT_EQ(annual.header("cache-control"), "private, no-store");

  officer.get("/account");
  const auto saved = officer.send_json("PUT", "/api/v1/initial-reports/FRA/draft", R"({"answers": {}})");
  ASSERT_EQ(saved.status, 200) << saved.body;
  const auto initial = officer.get("/api/v1/initial-reports/FRA/draft");
  ASSERT_EQ(initial.status, 200);
  EXPECT_EQ(initial.header("cache-control"), "private, no-store");
}

// How many messages the mailbox holds for this address.
int mails_to(const std::string& mailbox, const std::string& email) {
  int count = 0;
  const auto needle = "To: " + email;
  for (auto at = mailbox.find(needle); at != std::string::npos; at = mailbox.find(needle, at + 1)) ++count;
  return count;
}

TEST_F(AuthHttp, ResetMailsAreLimitedPerAddressAndPerClientWithTheSameAnswer) {
  Browser browser(server_->port());
  const auto ask = [&](const std::string& email) {
    browser.get("/forgot-password");
    const auto answer = browser.post("/forgot-password", {{"email", email}});
    EXPECT_EQ(answer.status, 200) << email;
    return answer.body.substr(answer.body.find("<main"));
  };
  const auto usual = ask("nobody@example.org");
  for (int i = 0; i < 4; ++i) EXPECT_EQ(ask("rep@example.org"), usual) << "request " << i + 1;
  // Mail leaves in the order it was queued: once this one is out, any fourth link would be too.
  ask("chair@example.org");
  const auto mails = wait_for_mail("To: chair@example.org");
  EXPECT_EQ(mails_to(mails, "rep@example.org"), 3);

  // One client asking for many addresses is limited too (unknown addresses count).
  for (int i = 0; i < 10; ++i) EXPECT_EQ(ask("someone" + std::to_string(i) + "@example.org"), usual);
  ask("observer@example.org");
  std::this_thread::sleep_for(std::chrono::milliseconds(800));  // several rounds of the mail worker
  EXPECT_EQ(mails_to(mailbox(), "observer@example.org"), 0);
}

TEST_F(AuthHttp, AnAccountLockedByOthersStillOpensInABrowserThatSignedInBefore) {
  auto known = signed_in("representative");
  const auto device = known.cookie("att_device");
  ASSERT_FALSE(device.empty()) << "a completed sign-in marks the browser";
  std::string set_cookie;
  for (const auto& [name, value] : known.last().headers)
    if (name == "set-cookie" && value.rfind("att_device=", 0) == 0) set_cookie = value;
  EXPECT_NE(set_cookie.find("HttpOnly"), std::string::npos) << set_cookie;
  EXPECT_NE(set_cookie.find("SameSite=Lax"), std::string::npos) << set_cookie;
  EXPECT_NE(set_cookie.find("Max-Age=2592000"), std::string::npos) << set_cookie;
  known.get("/account");
  known.post("/sign-out", {});

  Browser stranger(server_->port());
  for (int i = 0; i < 5; ++i) {
    stranger.get("/sign-in");
    EXPECT_EQ(stranger.post("/sign-in", {{"email", "rep@example.org"}, {"password", "not the password"}}).status, 400);
  }
  Browser fresh(server_->port());
  fresh.get("/sign-in");
  EXPECT_EQ(fresh.post("/sign-in", {{"email", "rep@example.org"}, {"password", password}}).status, 429);
  Browser forged(server_->port());
  forged.set_cookie("att_device", device.substr(0, device.size() - 2) + "xx");
  forged.get("/sign-in");
  EXPECT_EQ(forged.post("/sign-in", {{"email", "rep@example.org"}, {"password", password}}).status, 429)
      << "a cookie that was changed counts for nothing";

  known.get("/sign-in");
  EXPECT_EQ(known.post("/sign-in", {{"email", "rep@example.org"}, {"password", password}}).status, 303);
  EXPECT_EQ(known.get("/account").status, 200);

  // The cookie is bound to its account: it does not open another locked account.
  for (int i = 0; i < 5; ++i) {
    stranger.get("/sign-in");
    stranger.post("/sign-in", {{"email", "chair@example.org"}, {"password", "not the password"}});
  }
  known.get("/sign-in");
  EXPECT_EQ(known.post("/sign-in", {{"email", "chair@example.org"}, {"password", password}}).status, 429);

  // Wrong passwords from the known browser count against it.
  Browser guesser(server_->port());
  guesser.set_cookie("att_device", known.cookie("att_device"));
  for (int i = 0; i < 5; ++i) {
    guesser.get("/sign-in");
    EXPECT_EQ(guesser.post("/sign-in", {{"email", "rep@example.org"}, {"password", "not the password"}}).status, 400);
  }
  guesser.get("/sign-in");
  EXPECT_EQ(guesser.post("/sign-in", {{"email", "rep@example.org"}, {"password", password}}).status, 429);
}

TEST_F(AuthHttp, SecondFactorCodeCannotBeReplayedOrGuessed) {
  Browser first(server_->port());
  first.get("/sign-in");
  first.post("/sign-in", {{"email", "sec@example.org"}, {"password", password}});
  EXPECT_EQ(outcome_of(first.get("/account")), "sign_in") << "password alone does not sign in";
  first.get("/sign-in/second-factor");
  EXPECT_EQ(first.post("/sign-in/second-factor", {{"code", "000000"}}).status, 400);
  const auto code = totp_code_now("secretariat");
  EXPECT_EQ(first.post("/sign-in/second-factor", {{"code", code}}).header("location"), "/reporting")
      << "the Secretariat lands on the reporting tool's overview";
  EXPECT_EQ(first.get("/admin/audit").status, 200);

  Browser second(server_->port());
  second.get("/sign-in");
  second.post("/sign-in", {{"email", "sec@example.org"}, {"password", password}});
  second.get("/sign-in/second-factor");
  EXPECT_EQ(second.post("/sign-in/second-factor", {{"code", code}}).status, 400) << "a used code is refused";
}

TEST_F(AuthHttp, ResetLinksWorkOnceAndExpire) {
  auto db = store::open_database(db_path_);
  const auto account = auth::find_account_by_email(*db, "rep@example.org");
  ASSERT_TRUE(account);
  const auto expired =
      auth::create_password_reset(*db, account->account.id, std::chrono::system_clock::now() - std::chrono::hours(2));
  Browser browser(server_->port());
  const auto expired_page = browser.get("/reset-password?token=" + expired);
  EXPECT_EQ(expired_page.status, 400);
  EXPECT_NE(expired_page.body.find("expired"), std::string::npos);

  // The link arrives by e-mail.
  browser.get("/forgot-password");
  browser.post("/forgot-password", {{"email", "rep@example.org"}});
  const auto mail = wait_for_mail("reset-password?token=");
  const auto at = mail.find("http://example.test/reset-password?token=");
  ASSERT_NE(at, std::string::npos) << mail;
  const auto link = mail.substr(at, mail.find_first_of("\r\n", at) - at);
  const auto token = link.substr(link.find("token=") + 6);
  EXPECT_EQ(browser.get("/reset-password?token=" + token).status, 200);
  const std::string new_password = "a brand new passphrase for tests";
  EXPECT_EQ(browser.post("/reset-password", {{"token", token}, {"password", new_password}, {"password_confirm", new_password}})
                .status,
            200);
  const auto reused = browser.get("/reset-password?token=" + token);
  EXPECT_EQ(reused.status, 400);
  EXPECT_NE(reused.body.find("already used"), std::string::npos);

  Browser again(server_->port());
  again.get("/sign-in");
  EXPECT_EQ(again.post("/sign-in", {{"email", "rep@example.org"}, {"password", new_password}}).status, 303);
}

TEST_F(AuthHttp, SignOutOfEverySessionEndsThemAll) {
  auto laptop = signed_in("representative");
  auto phone = signed_in("representative");
  EXPECT_EQ(phone.get("/account").status, 200);
  laptop.get("/account");
  EXPECT_EQ(laptop.post("/account/sign-out-everywhere", {}).status, 303);
  EXPECT_EQ(outcome_of(phone.get("/account")), "sign_in");
  EXPECT_EQ(outcome_of(laptop.get("/account")), "sign_in");
}

TEST_F(AuthHttp, ApiTokensActForTheirOwnerUntilRevoked) {
  auto browser = signed_in("representative");
  browser.get("/account");
  const auto created = browser.post("/account/tokens", {{"name", "research script"}});
  const auto token = text_of_id(created.body, "new-token");
  ASSERT_EQ(token.rfind("att_", 0), 0u) << created.body.substr(0, 500);
  const auto me = http_get(server_->port(), "/api/v1/me", {"Authorization: Bearer " + token});
  ASSERT_EQ(me.status, 200);
  const auto body = nlohmann::json::parse(me.body);
  EXPECT_EQ(body["email"], "rep@example.org");
  EXPECT_EQ(body["state"], "FRA");
  // A token is not a cookie: no CSRF token needed, and none can be forged with it.
  EXPECT_EQ(http_get(server_->port(), "/api/v1/me", {"Authorization: Bearer att_wrong"}).status, 401);
  const auto marker = std::string("/account/tokens/");
  const auto at = created.body.find(marker);
  const auto id = created.body.substr(at + marker.size(), created.body.find('/', at + marker.size()) - at - marker.size());
  EXPECT_EQ(browser.post("/account/tokens/" + id + "/revoke", {}).status, 303);
  EXPECT_EQ(http_get(server_->port(), "/api/v1/me", {"Authorization: Bearer " + token}).status, 401);
}

// A token made on the account page by a signed-in browser, with these form fields.
std::string token_from_page(Browser& browser, std::vector<std::pair<std::string, std::string>> fields = {}) {
  browser.get("/account");
  fields.emplace_back("name", "script");
  const auto created = browser.post("/account/tokens", fields);
  return text_of_id(created.body, "new-token");
}

TEST_F(AuthHttp, ATokenCannotMakeTokens) {
  auto browser = signed_in("representative");
  const auto token = token_from_page(browser);
  ASSERT_EQ(token.rfind("att_", 0), 0u);
  const auto made = http_raw(server_->port(),
                             "POST /account/tokens HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer " +
                                 token + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 11\r\n\r\n"
                                 "name=second");
  EXPECT_EQ(made.status, 403);
  EXPECT_EQ(made.body.find("att_"), std::string::npos);
}

TEST_F(AuthHttp, TokensHaveAScopeAndAnExpiryChosenOnTheAccountPage) {
  auto browser = signed_in("reporting_officer");  // France
  const auto page = browser.get("/account");
  EXPECT_NE(page.body.find("name=\"scope\""), std::string::npos);
  EXPECT_NE(page.body.find("name=\"days\""), std::string::npos);

  browser.get("/account?lang=fr");
  const auto too_long = browser.post("/account/tokens", {{"name", "script"}, {"days", "400"}});
  EXPECT_EQ(too_long.status, 400);
  EXPECT_NE(text_of_id(too_long.body, "token-days-error").find("un an au plus (366 jours)"), std::string::npos)
      << "in the reader's language";
  EXPECT_TRUE(text_of_id(too_long.body, "new-token").empty());

  const auto read = token_from_page(browser, {{"scope", "read"}, {"days", "30"}});
  const auto reporting = token_from_page(browser, {{"scope", "reporting"}});
  const auto full = token_from_page(browser);
  const std::string draft = R"({"visibility": "public",
    "exports": [{"category": "VIII.SA.2", "partner_state": "BEL", "items": 120, "value": "350000", "currency": ""}],
    "imports": []})";
  const auto port = server_->port();
  const auto me = with_token(port, read, "GET", "/api/v1/me");
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(nlohmann::json::parse(me.body)["token_scope"], "read");
  EXPECT_EQ(with_token(port, read, "PUT", "/api/v1/reports/FRA/2023/draft", draft).status, 403) << "read only";
  EXPECT_EQ(with_token(port, reporting, "PUT", "/api/v1/reports/FRA/2023/draft", draft).status, 200);
  EXPECT_EQ(with_token(port, reporting, "GET", "/api/v1/states").status, 403) << "its State's reports only";
  EXPECT_EQ(with_token(port, full, "PUT", "/api/v1/reports/FRA/2023/draft", draft).status, 200);

  const auto listed = browser.get("/account?lang=en");
  const auto in_30_days = Date::parse(utc_timestamp(std::chrono::system_clock::now() + std::chrono::days(30)).substr(0, 10));
  ASSERT_TRUE(in_30_days);
  EXPECT_NE(listed.body.find("Read only"), std::string::npos);
  const auto expiry = auth::api_tokens_of(*store::open_database(db_path_),
                                          auth::find_account_by_email(*store::open_database(db_path_),
                                                                      "officer@example.org")->account.id);
  ASSERT_EQ(expiry.size(), 3u);
  EXPECT_EQ(expiry[0].expires_at.substr(0, 10), in_30_days->iso());
  EXPECT_EQ(expiry[0].scope, auth::TokenScope::read);
}

TEST_F(AuthHttp, ResettingCredentialsRevokesTokens) {
  auto browser = signed_in("representative");
  const auto alive = [&](const std::string& token) {
    return http_get(server_->port(), "/api/v1/me", {"Authorization: Bearer " + token}).status == 200;
  };
  auto token = token_from_page(browser);
  ASSERT_TRUE(alive(token));
  browser.get("/account");
  browser.post("/account/sign-out-everywhere", {});
  EXPECT_FALSE(alive(token)) << "signing out everywhere";

  browser = signed_in("representative");
  token = token_from_page(browser);
  browser.get("/account");
  const std::string changed = "another long passphrase for tests";
  EXPECT_EQ(browser.post("/account/password",
                         {{"current_password", password}, {"password", changed}, {"password_confirm", changed}})
                .status,
            200);
  EXPECT_FALSE(alive(token)) << "changing the password";

  token = token_from_page(browser);
  ASSERT_TRUE(alive(token));
  EXPECT_EQ(run_att({"users", "set-password", "--db", db_path_, "--email", "rep@example.org", "--password-stdin"},
                    password + "\n")
                .exit_code,
            0);
  EXPECT_FALSE(alive(token)) << "att users set-password";

  browser = signed_in("representative");
  token = token_from_page(browser);
  auto db = store::open_database(db_path_);
  const auto account = auth::find_account_by_email(*db, "rep@example.org");
  const auto link = auth::create_password_reset(*db, account->account.id, std::chrono::system_clock::now());
  Browser reset(server_->port());
  reset.get("/reset-password?token=" + link);
  EXPECT_EQ(reset.post("/reset-password", {{"token", link}, {"password", changed}, {"password_confirm", changed}}).status,
            200);
  EXPECT_FALSE(alive(token)) << "a reset link";

  auto observer = signed_in("observer");
  token = token_from_page(observer);
  ASSERT_TRUE(alive(token));
  auto admin = signed_in("administrator");
  admin.get("/admin/users");
  const auto observer_id = auth::find_account_by_email(*db, "observer@example.org")->account.id;
  EXPECT_EQ(admin.post("/admin/users/" + std::to_string(observer_id), {{"role", "observer"}}).status, 200);
  EXPECT_FALSE(alive(token)) << "closing the account";
}

TEST_F(AuthHttp, AdministratorsCannotMakeThemselvesSecretariatAndEveryGrantIsAnnounced) {
  auto db = store::open_database(db_path_);
  const auto administrator = auth::find_account_by_email(*db, "admin@example.org");
  const auto chair = auth::find_account_by_email(*db, "chair@example.org");
  ASSERT_TRUE(administrator && chair);
  const auto mails_to_secretariat = [&] {
    return db->query("SELECT subject, body_text FROM mail_outbox WHERE to_address = 'sec@example.org'"
                     " AND subject LIKE '%Secretariat role%'");
  };
  auto admin = signed_in("administrator");
  admin.get("/admin/users");
  const auto self = admin.post("/admin/users/" + std::to_string(administrator->account.id),
                               {{"role", "administrator"}, {"role", "secretariat"}, {"active", "yes"}});
  EXPECT_EQ(self.status, 400);
  EXPECT_NE(self.body.find("cannot give yourself the Secretariat role"), std::string::npos);
  EXPECT_FALSE(auth::find_account(*db, administrator->account.id)->account.roles.contains(auth::Role::secretariat));
  EXPECT_TRUE(mails_to_secretariat().empty());

  EXPECT_EQ(admin.post("/admin/users/" + std::to_string(chair->account.id),
                       {{"role", "chair"}, {"role", "secretariat"}, {"active", "yes"}})
                .status,
            200);
  const auto mails = mails_to_secretariat();
  ASSERT_EQ(mails.size(), 1u) << "the other Secretariat accounts hear of it";
  EXPECT_NE(mails[0].text(1).find("chair@example.org"), std::string::npos);
  EXPECT_NE(mails[0].text(1).find("admin@example.org"), std::string::npos) << "and who granted it";
  EXPECT_TRUE(db->query("SELECT 1 FROM mail_outbox WHERE to_address = 'chair@example.org'").empty())
      << "not the new holder";
}

TEST_F(AuthHttp, RegistrationFromApplicationToFirstSignIn) {
  Browser applicant(server_->port());
  applicant.get("/register?lang=es");
  const std::string applicant_password = "una frase larga y secreta";
  auto bad = applicant.post("/register", {{"name", "A"}, {"email", "not-an-address"}, {"state", "ZZZ"},
                                          {"position", ""}, {"role", "secretariat"}, {"password", "short"},
                                          {"password_confirm", "other"}});
  EXPECT_EQ(bad.status, 400);
  for (const char* field : {"name", "email", "state", "position", "role", "password", "password_confirm"})
    EXPECT_NE(bad.body.find(std::string("id=\"field-") + field + "-error\""), std::string::npos) << field;
  EXPECT_NE(bad.body.find("Elija el Estado"), std::string::npos) << "messages in the visitor's language";

  const auto sent = applicant.post(
      "/register", {{"name", "María López"}, {"email", "maria@example.org"}, {"state", "ESP"},
                    {"position", "Jefa de control de exportaciones"}, {"role", "state-representative"},
                    {"note", ""}, {"password", applicant_password}, {"password_confirm", applicant_password}});
  EXPECT_EQ(sent.status, 200) << sent.body.substr(0, 500);
  const auto mail = wait_for_mail("/register/confirm?token=");
  const auto at = mail.find("http://example.test/register/confirm?token=");
  ASSERT_NE(at, std::string::npos) << mail;
  const auto link = mail.substr(at, mail.find_first_of("\r\n", at) - at);
  const auto target = link.substr(std::string("http://example.test").size());
  EXPECT_EQ(applicant.get(target).status, 200);
  EXPECT_EQ(applicant.get(target).status, 400) << "a confirmation link works once";
  applicant.get("/sign-in");
  EXPECT_EQ(applicant.post("/sign-in", {{"email", "maria@example.org"}, {"password", applicant_password}}).status, 400)
      << "no account before approval";

  auto secretariat = signed_in("secretariat");
  const auto list = secretariat.get("/admin/registrations");
  ASSERT_NE(list.body.find("María López"), std::string::npos);
  const auto marker = std::string("/admin/registrations/");
  const auto id_at = list.body.find(marker);
  const auto id = list.body.substr(id_at + marker.size(), list.body.find('/', id_at + marker.size()) - id_at - marker.size());
  EXPECT_EQ(secretariat.post("/admin/registrations/" + id + "/reject", {{"reason", ""}}).status, 400)
      << "a rejection needs a reason";
  const auto approved = secretariat.post("/admin/registrations/" + id + "/approve", {});
  EXPECT_EQ(approved.status, 200);
  EXPECT_EQ(secretariat.post("/admin/registrations/" + id + "/approve", {}).status, 409) << "decided once";
  wait_for_mail("Subject: =?UTF-8?");

  applicant.get("/sign-in");
  EXPECT_EQ(applicant.post("/sign-in", {{"email", "maria@example.org"}, {"password", applicant_password}}).status, 303);
  const auto me = nlohmann::json::parse(applicant.get("/api/v1/me").body);
  EXPECT_EQ(me["state"], "ESP");
  EXPECT_EQ(me["roles"], nlohmann::json::array({"state-representative"}));
}

TEST_F(AuthHttp, AuditLogRecordsAndDetectsTampering) {
  Browser stranger(server_->port());
  stranger.get("/sign-in");
  stranger.post("/sign-in", {{"email", "rep@example.org"}, {"password", "not the password"}});
  signed_in("secretariat");
  const auto exported = run_att({"audit", "export", "--db", db_path_, "--format", "json"});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  const auto entries = nlohmann::json::parse(exported.out);
  std::set<std::string> actions;
  for (const auto& entry : entries) actions.insert(entry["action"].get<std::string>());
  for (const char* action : {"sign_in_failed", "sign_in_password_ok", "sign_in"})
    EXPECT_TRUE(actions.contains(action)) << action;
  EXPECT_EQ(entries[0]["ip"], "127.0.0.1");

  EXPECT_EQ(run_att({"audit", "verify", "--db", db_path_}).exit_code, 0);
  store::open_database(db_path_)->execute("UPDATE audit_log SET detail = 'edited' WHERE seq = 1");
  const auto broken = run_att({"audit", "verify", "--db", db_path_});
  EXPECT_EQ(broken.exit_code, 1);
  EXPECT_NE(broken.err.find("audit log broken at entry 1"), std::string::npos) << broken.err;
}

// What a visitor types as an e-mail address reaches the audit log only when it is one, and the
// log's CSV is for people (no live formula) unless the raw form is asked for.
TEST_F(AuthHttp, AuditCsvCarriesNoFormulaFromAFailedSignIn) {
  Browser stranger(server_->port());
  stranger.get("/sign-in");
  stranger.post("/sign-in", {{"email", "=HYPERLINK(\"http://evil.example/\",\"click\")"}, {"password", "x"}});
  stranger.post("/sign-in", {{"email", "=1+2@example.org"}, {"password", "x"}});
  auto secretariat = signed_in("secretariat");
  const auto csv = secretariat.get("/admin/audit.csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.body.find("hyperlink"), std::string::npos) << csv.body;
  EXPECT_NE(csv.body.find(",(not an e-mail address),sign_in_failed,"), std::string::npos) << csv.body;
  EXPECT_NE(csv.body.find(",'=1+2@example.org,sign_in_failed,"), std::string::npos) << csv.body;
  const auto raw = secretariat.get("/admin/audit.csv?csv=raw");
  EXPECT_NE(raw.body.find(",=1+2@example.org,sign_in_failed,"), std::string::npos) << raw.body;
  const auto exported = run_att({"audit", "export", "--db", db_path_});
  EXPECT_NE(exported.out.find(",'=1+2@example.org,sign_in_failed,"), std::string::npos) << exported.out;
  const auto exported_raw = run_att({"audit", "export", "--db", db_path_, "--raw-csv"});
  EXPECT_NE(exported_raw.out.find(",=1+2@example.org,sign_in_failed,"), std::string::npos) << exported_raw.out;
}

TEST_F(AuthHttp, OnlyAdministratorsChangeRolesAndEveryChangeIsAudited) {
  auto db = store::open_database(db_path_);
  const auto observer = auth::find_account_by_email(*db, "observer@example.org");
  const auto administrator = auth::find_account_by_email(*db, "admin@example.org");
  ASSERT_TRUE(observer && administrator);
  const auto target = "/admin/users/" + std::to_string(observer->account.id);

  auto secretariat = signed_in("secretariat");
  secretariat.get("/admin/users");
  EXPECT_EQ(secretariat.post(target, {{"role", "chair"}, {"active", "yes"}}).status, 403);

  auto observer_session = signed_in("observer");
  auto admin = signed_in("administrator");
  admin.get("/admin/users");
  const auto changed = admin.post(target, {{"role", "chair"}, {"role", "observer"}, {"active", "yes"}});
  EXPECT_EQ(changed.status, 200);
  EXPECT_EQ(auth::find_account(*db, observer->account.id)->account.roles,
            (std::set<auth::Role>{auth::Role::chair, auth::Role::observer}));
  EXPECT_EQ(observer_session.get("/restricted").status, 200) << "the new role applies at the next request";

  const auto needs_state = admin.post(target, {{"role", "reporting-officer"}, {"active", "yes"}});
  EXPECT_EQ(needs_state.status, 400) << "a reporting officer needs a State";
  const auto row_error = "id=\"user-" + std::to_string(observer->account.id) + "-error\"";
  EXPECT_NE(needs_state.body.find(row_error), std::string::npos) << "the error sits in the row it concerns";
  EXPECT_EQ(admin.post(target, {{"role", "superuser"}}).status, 400);
  const auto self = "/admin/users/" + std::to_string(administrator->account.id);
  EXPECT_EQ(admin.post(self, {{"role", "observer"}, {"active", "yes"}}).status, 400) << "not one's own admin role";

  EXPECT_EQ(admin.post(target, {{"role", "chair"}}).status, 200) << "closing the account";
  EXPECT_EQ(outcome_of(observer_session.get("/account")), "sign_in") << "a closed account is signed out";
  Browser again(server_->port());
  again.get("/sign-in");
  EXPECT_EQ(again.post("/sign-in", {{"email", "observer@example.org"}, {"password", password}}).status, 400);

  const auto exported = nlohmann::json::parse(run_att({"audit", "export", "--db", db_path_, "--format", "json"}).out);
  std::vector<std::string> details;
  for (const auto& entry : exported) {
    if (entry["action"] == "roles_changed") details.push_back(entry["detail"]);
  }
  ASSERT_EQ(details.size(), 2u);
  EXPECT_EQ(details[0], "observer -> observer,chair");
  EXPECT_TRUE(std::any_of(exported.begin(), exported.end(), [](const auto& e) { return e["action"] == "account_closed"; }));
}

TEST_F(AuthHttp, ReportLifecycleFromDraftToRecallRespectsEveryRole) {
  const std::string draft = R"({"visibility": "restricted", "restriction_reason": "national security",
    "exports": [{"category": "VIII.SA.2", "partner_state": "BEL", "items": 120, "value": "350000", "currency": ""}],
    "imports": []})";
  auto officer = signed_in("reporting_officer");  // FRA
  officer.get("/account");
  auto saved = officer.send_json("PUT", "/api/v1/reports/FRA/2023/draft", draft);
  ASSERT_EQ(saved.status, 200) << saved.body;
  auto body = nlohmann::json::parse(saved.body);
  EXPECT_EQ(body["template"], "annual-2021");
  ASSERT_EQ(body["errors"], 1);
  EXPECT_EQ(body["findings"][0]["code"], "value_needs_currency");
  EXPECT_EQ(body["findings"][0]["line"], 1);
  EXPECT_NE(body["findings"][0]["message"].get<std::string>().find("ISO 4217"), std::string::npos);

  const auto refused = officer.send_json("POST", "/api/v1/reports/FRA/2023/submit", "");
  EXPECT_EQ(refused.status, 422) << "a report with errors is not submitted";

  // Validating checks a document without saving it.
  officer.get("/account");
  const auto checked = officer.send_json("POST", "/api/v1/reports/FRA/2023/validate",
                                         R"({"exports": [{"category": "II", "partner_state": "FRA", "items": 1}]})");
  ASSERT_EQ(checked.status, 200) << checked.body;
  EXPECT_EQ(nlohmann::json::parse(checked.body)["findings"][0]["code"], "partner_not_self");
  EXPECT_EQ(nlohmann::json::parse(officer.get("/api/v1/reports/FRA/2023/draft").body)["exports"][0]["partner_state"],
            "BEL")
      << "the saved draft is unchanged";
  officer.get("/account");
  EXPECT_EQ(officer.send_json("POST", "/api/v1/reports/DEU/2023/validate", draft).status, 403);
  // A year before the first template (a voluntary report of 2014) is checked against the
  // earliest template, with the reason it is outside the treaty's obligations.
  officer.get("/account");
  const auto early = officer.send_json("POST", "/api/v1/reports/FRA/2014/validate",
                                       R"({"exports": [{"category": "II", "partner_state": "BEL", "items": 1}]})");
  ASSERT_EQ(early.status, 200) << early.body;
  EXPECT_EQ(early.body.find("four digits"), std::string::npos) << early.body;
  const auto early_body = nlohmann::json::parse(early.body);
  EXPECT_EQ(early_body["template"], "annual-2015") << early.body;
  bool outside = false;
  for (const auto& finding : early_body["findings"]) outside |= finding["code"] == "year_outside_obligations";
  EXPECT_TRUE(outside) << early.body;

  // Drafts are seen by the State's reporting officers and the Secretariat only.
  auto representative = signed_in("representative");  // FRA, not a reporting officer
  EXPECT_EQ(representative.get("/api/v1/reports/FRA/2023/draft").status, 403);
  EXPECT_EQ(Browser(server_->port()).get("/api/v1/reports/FRA/2023/draft").status, 401);
  EXPECT_EQ(officer.get("/api/v1/reports/DEU/2023/draft").status, 403) << "another State's draft";
  EXPECT_EQ(officer.send_json("PUT", "/api/v1/reports/DEU/2023/draft", draft).status, 403);
  EXPECT_EQ(representative.get("/api/v1/reports/FRA/2023").status, 404) << "nothing submitted yet";

  officer.get("/account");
  const std::string fixed = R"({"visibility": "restricted",
    "exports": [{"category": "VIII.SA.2", "partner_state": "BEL", "items": 120, "value": "350000", "currency": "EUR"}]})";
  ASSERT_EQ(officer.send_json("PUT", "/api/v1/reports/FRA/2023/draft", fixed).status, 200);
  // The officer reads mail in French: the acknowledgement comes in French.
  store::open_database(db_path_)->execute("UPDATE users SET language = 'fr' WHERE email = 'officer@example.org'");
  const auto submitted = officer.send_json("POST", "/api/v1/reports/FRA/2023/submit", "");
  ASSERT_EQ(submitted.status, 201) << submitted.body;
  const auto receipt = nlohmann::json::parse(submitted.body)["receipt"];
  EXPECT_EQ(receipt["version"], 1);
  EXPECT_EQ(receipt["channel"], "online");
  EXPECT_EQ(receipt["content_hash"].get<std::string>().size(), 64u);
  const auto acknowledged = wait_for_mail("a reçu le rapport annuel pour 2023 de l’État France (version 1)");
  EXPECT_NE(acknowledged.find(receipt["content_hash"].get<std::string>()), std::string::npos) << acknowledged;
  EXPECT_NE(acknowledged.find("To: officer@example.org"), std::string::npos);

  // Restricted: States Parties' representatives and the Secretariat see it; the public does not.
  EXPECT_EQ(Browser(server_->port()).get("/api/v1/reports/FRA/2023").status, 404);
  EXPECT_EQ(signed_in("representative_of_signatory").get("/api/v1/reports/FRA/2023").status, 404);
  EXPECT_EQ(signed_in("observer").get("/api/v1/reports/FRA/2023").status, 404);
  auto secretariat = signed_in("secretariat");
  const auto read = secretariat.get("/api/v1/reports/FRA/2023");
  ASSERT_EQ(read.status, 200);
  EXPECT_EQ(nlohmann::json::parse(read.body)["exports"][0]["currency"], "EUR");
  const auto page = secretariat.get("/reports/FRA/2023?lang=fr");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find(receipt["content_hash"].get<std::string>()), std::string::npos) << "the printable receipt";
  EXPECT_NE(page.body.find("Rapport annuel 2023 : France"), std::string::npos);
  EXPECT_EQ(Browser(server_->port()).get("/reports/FRA/2023").status, 404);
  EXPECT_EQ(Browser(server_->port()).get("/reports").body.find("data-iso3=\"FRA\""), std::string::npos);
  const auto list = nlohmann::json::parse(Browser(server_->port()).get("/api/v1/reports").body);
  EXPECT_TRUE(list.empty()) << "the public list hides restricted reports";

  secretariat.get("/account");
  EXPECT_EQ(secretariat.send_json("POST", "/api/v1/reports/FRA/2023/recall", R"({"reason": ""})").status, 400);
  EXPECT_EQ(officer.send_json("POST", "/api/v1/reports/FRA/2023/recall", R"({"reason": "mistake"})").status, 403);
  EXPECT_EQ(secretariat.send_json("POST", "/api/v1/reports/FRA/2023/recall", R"({"reason": "sent twice"})").status, 200);
  EXPECT_EQ(secretariat.get("/api/v1/reports/FRA/2023").status, 404) << "no current version after the recall";
  const auto mails = wait_for_mail("retiré la version 1 du rapport annuel");
  EXPECT_NE(mails.find("sent twice"), std::string::npos) << "the recall's reason is in the notice";
  // Only the State's own reporting officers hear of its reports: not another State's officer,
  // not a representative who does not report, not the public.
  for (const char* other : {"To: officer@example.de", "To: rep@example.org", "To: signatory@example.org"})
    EXPECT_EQ(mails.find(other), std::string::npos) << other;

  const auto actions = audited_actions();
  for (const char* action : {"report_submitted", "restricted_report_read", "report_recalled"})
    EXPECT_TRUE(actions.contains(action)) << action;
}

// A NUL (or any control character but tab and new line) in a report document is refused with a
// located finding, and the draft is not saved with it.
TEST_F(AuthHttp, ControlCharactersInAReportDocumentAreRefused) {
  auto officer = signed_in("reporting_officer");  // FRA
  officer.get("/account");
  const std::string document =
      R"({"comments": "fine", "exports": [{"category": "I", "partner_state": "BEL", "items": 3},
          {"category": "II", "partner_state": "BEL", "items": 4, "description": "a\u0000b"}]})";
  const auto saved = officer.send_json("PUT", "/api/v1/reports/FRA/2022/draft", document);
  ASSERT_EQ(saved.status, 422) << saved.body;
  EXPECT_EQ(nlohmann::json::parse(saved.body)["error"]["code"], "report_has_errors");
  const auto finding = nlohmann::json::parse(saved.body)["error"]["details"]["findings"][0];
  EXPECT_EQ(finding["code"], "control_character");
  EXPECT_EQ(finding["section"], "exports");
  EXPECT_EQ(finding["line"], 2);
  EXPECT_EQ(finding["column"], "description");
  EXPECT_NE(finding["message"].get<std::string>().find("“description”"), std::string::npos) << finding;
  EXPECT_NE(finding["message"].get<std::string>().find("U+0000"), std::string::npos) << finding;
  EXPECT_EQ(officer.get("/api/v1/reports/FRA/2022/draft").status, 404) << "nothing saved";

  officer.get("/account");
  const auto checked = officer.send_json("POST", "/api/v1/reports/FRA/2022/validate",
                                         R"({"contact": {"name": "x\u0007"}, "exports": []})");
  ASSERT_EQ(checked.status, 200) << checked.body;
  const auto findings = nlohmann::json::parse(checked.body)["findings"];
  EXPECT_TRUE(std::any_of(findings.begin(), findings.end(), [](const auto& f) {
    return f["code"] == "control_character" && f["section"] == "header" && f["column"] == "contact.name";
  })) << findings;
}

TEST_F(AuthHttp, WorkbookDownloadedFilledAndUploadedBack) {
  auto officer = signed_in("reporting_officer");  // FRA
  officer.get("/account");
  ASSERT_EQ(officer.send_json("PUT", "/api/v1/reports/FRA/2024/draft",
                              R"({"exports": [{"category": "I", "partner_state": "BEL", "items": 3}]})")
                .status,
            200);
  const auto workbook = officer.get("/api/v1/reports/FRA/2024/workbook?lang=fr");
  ASSERT_EQ(workbook.status, 200);
  EXPECT_EQ(workbook.header("content-type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  ASSERT_EQ(workbook.body.rfind("PK", 0), 0u) << "a zip file";

  EXPECT_EQ(Browser(server_->port()).get("/api/v1/reports/FRA/2024/workbook").status, 401);
  EXPECT_EQ(signed_in("representative").get("/api/v1/reports/FRA/2024/workbook").status, 403);

  officer.get("/account");
  const auto uploaded = officer.send_json("POST", "/api/v1/reports/FRA/2024/workbook", workbook.body);
  ASSERT_EQ(uploaded.status, 200) << uploaded.body;
  EXPECT_EQ(nlohmann::json::parse(uploaded.body)["lines"], 1);
  const auto draft = nlohmann::json::parse(officer.get("/api/v1/reports/FRA/2024/draft").body);
  EXPECT_EQ(draft["exports"][0]["items"], 3);

  officer.get("/account");
  const auto garbage = officer.send_json("POST", "/api/v1/reports/FRA/2024/workbook", "not a workbook at all");
  EXPECT_EQ(garbage.status, 422);
  officer.get("/account");
  EXPECT_EQ(officer.send_json("POST", "/api/v1/reports/DEU/2024/workbook", workbook.body).status, 403);
}

TEST_F(AuthHttp, ControlCharactersInAnInitialReportAreRefused) {
  const auto questionnaire = io::load_questionnaire(std::string(ATT_DATA_DIR) + "/templates/initial-2015.json");
  ASSERT_TRUE(questionnaire);
  const auto& question = questionnaire->questions.front().id;
  auto officer = signed_in("reporting_officer");  // FRA
  officer.get("/account");
  const auto saved = officer.send_json("PUT", "/api/v1/initial-reports/FRA/draft",
                                       R"({"answers": {")" + question + R"(": {"explanation": "law\u0000"}}})");
  ASSERT_EQ(saved.status, 422) << saved.body;
  const auto findings = nlohmann::json::parse(saved.body)["error"]["details"]["findings"];
  EXPECT_TRUE(std::any_of(findings.begin(), findings.end(), [&question](const auto& f) {
    return f["code"] == "control_character" && f["column"] == question;
  })) << findings;
  EXPECT_EQ(officer.get("/api/v1/initial-reports/FRA/draft").status, 404) << "nothing saved";
}

TEST_F(AuthHttp, InitialReportIsSubmittedAndUpdatedByNewVersions) {
  const auto questionnaire = io::load_questionnaire(std::string(ATT_DATA_DIR) + "/templates/initial-2015.json");
  ASSERT_TRUE(questionnaire);
  nlohmann::json answers = nlohmann::json::object();
  for (const auto& question : questionnaire->questions) {
    if (!question.binding) continue;
    if (question.type == "yes_no_na") answers[question.id] = {{"choice", "yes"}};
    else if (question.type == "authorities") answers[question.id] = {{"entries", {"defence", "foreign_affairs"}}};
    else answers[question.id] = {{"explanation", "Loi n° 2014-1234 du 10 décembre 2014"}};
  }
  auto officer = signed_in("reporting_officer");  // FRA
  officer.get("/account");
  auto incomplete = answers;
  incomplete.erase(incomplete.begin());
  const auto refused = officer.send_json("POST", "/api/v1/initial-reports/FRA",
                                         nlohmann::json{{"answers", incomplete}}.dump());
  ASSERT_EQ(refused.status, 422);
  EXPECT_EQ(nlohmann::json::parse(refused.body)["error"]["details"]["findings"][0]["code"], "binding_unanswered");

  officer.get("/account");
  const auto first = officer.send_json("POST", "/api/v1/initial-reports/FRA", nlohmann::json{{"answers", answers}}.dump());
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(nlohmann::json::parse(first.body)["receipt"]["version"], 1);
  officer.get("/account");
  const auto update = officer.send_json("POST", "/api/v1/initial-reports/FRA",
                                        nlohmann::json{{"answers", answers}, {"updates_earlier", true}}.dump());
  ASSERT_EQ(update.status, 201);
  EXPECT_EQ(nlohmann::json::parse(update.body)["receipt"]["version"], 2);
  EXPECT_EQ(nlohmann::json::parse(update.body)["receipt"]["updates_earlier_version"], true);
  for (const std::string notice : {"received the initial report of France (version 1)",
                                   "received an amended version of the initial report of France (version 2)"})
    EXPECT_NE(wait_for_mail(notice).find(notice), std::string::npos) << notice;

  EXPECT_EQ(Browser(server_->port()).get("/api/v1/initial-reports/FRA").status, 404) << "restricted by default";
  auto secretariat = signed_in("secretariat");
  const auto read = secretariat.get("/api/v1/initial-reports/FRA");
  ASSERT_EQ(read.status, 200);
  const auto body = nlohmann::json::parse(read.body);
  EXPECT_EQ(body["version"]["version"], 2);
  EXPECT_EQ(body["updates_earlier"], true);
  EXPECT_EQ(body["answers"].size(), answers.size());
  officer.get("/account");
  EXPECT_EQ(officer.send_json("POST", "/api/v1/initial-reports/DEU", nlohmann::json{{"answers", answers}}.dump()).status,
            403);

  // A draft is saved whatever its findings, seen only by the State's officers and the
  // Secretariat, and submitted once it is complete.
  officer.get("/account");
  const auto saved = officer.send_json("PUT", "/api/v1/initial-reports/FRA/draft",
                                       nlohmann::json{{"answers", incomplete}}.dump());
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(nlohmann::json::parse(saved.body)["errors"], 1);
  EXPECT_EQ(officer.get("/api/v1/initial-reports/FRA/draft").status, 200);
  EXPECT_EQ(signed_in("representative").get("/api/v1/initial-reports/FRA/draft").status, 403);
  EXPECT_EQ(Browser(server_->port()).get("/api/v1/initial-reports/FRA/draft").status, 401);
  officer.get("/account");
  EXPECT_EQ(officer.send_json("POST", "/api/v1/initial-reports/FRA/submit", "").status, 422) << "incomplete";
  officer.get("/account");
  ASSERT_EQ(officer.send_json("PUT", "/api/v1/initial-reports/FRA/draft",
                              nlohmann::json{{"answers", answers}, {"visibility", "public"}}.dump())
                .status,
            200);
  EXPECT_EQ(secretariat.get("/api/v1/initial-reports/FRA/draft").status, 200);
  EXPECT_EQ(Browser(server_->port()).get("/api/v1/initial-reports/FRA").status, 404) << "a draft is not published";
  officer.get("/account");
  const auto from_draft = officer.send_json("POST", "/api/v1/initial-reports/FRA/submit", "");
  ASSERT_EQ(from_draft.status, 201) << from_draft.body;
  EXPECT_EQ(nlohmann::json::parse(from_draft.body)["receipt"]["version"], 3);
  EXPECT_EQ(officer.get("/api/v1/initial-reports/FRA/draft").status, 404) << "the draft became version 3";
  const auto published = Browser(server_->port()).get("/api/v1/initial-reports/FRA");
  ASSERT_EQ(published.status, 200) << "version 3 is public";
  EXPECT_EQ(nlohmann::json::parse(published.body)["answers"].size(), answers.size());
  officer.get("/account");
  EXPECT_EQ(officer.send_json("PUT", "/api/v1/initial-reports/FRA/draft", R"({"answers": [], "updates_earlier": 1})").status,
            400);
}

// The title Chromium writes into a PDF's information dictionary (UTF-16BE in hex), decoded to
// UTF-8: it proves which document was printed without a PDF reader.
std::string pdf_title(const std::string& pdf) {
  const auto start = pdf.find("/Title <FEFF");
  if (start == std::string::npos) return {};
  const auto end = pdf.find('>', start);
  std::string utf8;
  for (auto i = start + 12; i + 4 <= end; i += 4) {
    const auto unit = std::stoul(pdf.substr(i, 4), nullptr, 16);
    if (unit < 0x80) utf8 += static_cast<char>(unit);
    else if (unit < 0x800) utf8 += {static_cast<char>(0xC0 | (unit >> 6)), static_cast<char>(0x80 | (unit & 0x3F))};
    else
      utf8 += {static_cast<char>(0xE0 | (unit >> 12)), static_cast<char>(0x80 | ((unit >> 6) & 0x3F)),
               static_cast<char>(0x80 | (unit & 0x3F))};
  }
  return utf8;
}

TEST_F(AuthHttp, VersionsStayReadableAndReportsPrintAsPdf) {
  auto officer = signed_in("reporting_officer");  // FRA
  for (const auto* items : {"5", "7"}) {
    officer.get("/account");
    const auto draft = std::string(R"({"visibility": "public", "exports": [{"category": "II", "partner_state": "BEL", "items": )") +
                       items + "}]}";
    ASSERT_EQ(officer.send_json("PUT", "/api/v1/reports/FRA/2025/draft", draft).status, 200);
    ASSERT_EQ(officer.send_json("POST", "/api/v1/reports/FRA/2025/submit", "").status, 201);
  }
  Browser visitor(server_->port());
  auto versions = nlohmann::json::parse(visitor.get("/api/v1/reports/FRA/2025/versions").body);
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0]["status"], "superseded");
  EXPECT_EQ(versions[1]["status"], "submitted");
  EXPECT_NE(versions[0]["content_hash"], versions[1]["content_hash"]);
  const auto items_of = [&](const std::string& query) {
    const auto read = visitor.get("/api/v1/reports/FRA/2025" + query);
    return read.status == 200 ? nlohmann::json::parse(read.body)["exports"][0]["items"].get<int>() : -read.status;
  };
  EXPECT_EQ(items_of(""), 7) << "the current version";
  EXPECT_EQ(items_of("?version=1"), 5) << "the superseded version is kept";
  EXPECT_EQ(items_of("?version=3"), -404);
  EXPECT_EQ(items_of("?version=first"), -400);
  // The superseded version as a workbook, read back through the upload's own reader.
  const auto workbook = visitor.get("/api/v1/reports/FRA/2025.xlsx?version=1&lang=es");
  ASSERT_EQ(workbook.status, 200);
  const auto read_back = reporting::read_report_workbook(workbook.body, project_register(), project_templates(),
                                                         {reports::Visibility::public_report, Date::from_ymd(2026, 6, 1), 10});
  ASSERT_FALSE(read_back.has_errors()) << read_back.problems.front().code;
  ASSERT_EQ(read_back.reports.size(), 1u);
  EXPECT_EQ(read_back.reports[0].lines.at(0).items, 5);
  EXPECT_NE(visitor.get("/reports/FRA/2025?version=1").body.find("id=\"version-notice\""), std::string::npos)
      << "an older version says so";
  EXPECT_EQ(visitor.get("/reports/FRA/2025").body.find("id=\"version-notice\""), std::string::npos);

  const auto pdf = visitor.get("/reports/FRA/2025.pdf?lang=fr");
  ASSERT_EQ(pdf.status, 200) << pdf.body.substr(0, 300);
  EXPECT_EQ(pdf.header("content-type"), "application/pdf");
  EXPECT_EQ(pdf.body.rfind("%PDF-", 0), 0u);
  EXPECT_EQ(pdf_title(pdf.body), "France · 2025");
  EXPECT_NE(pdf.header("content-disposition").find("att-report-FRA-2025-v2-fr.pdf"), std::string::npos);
  const auto receipt = visitor.get("/reports/FRA/2025/receipt.pdf?version=1&lang=es");
  ASSERT_EQ(receipt.status, 200);
  EXPECT_EQ(pdf_title(receipt.body), "Acuse de recibo · Francia · 2025");
  const auto receipt_page = visitor.get("/reports/FRA/2025/receipt?version=1");
  EXPECT_NE(receipt_page.body.find(versions[0]["content_hash"].get<std::string>()), std::string::npos)
      << "the receipt quotes the hash of the version it is for";

  // After a recall the public sees only what is left; the Secretariat still reads the recalled one.
  auto secretariat = signed_in("secretariat");
  secretariat.get("/account");
  ASSERT_EQ(secretariat.send_json("POST", "/api/v1/reports/FRA/2025/recall", R"({"reason": "wrong year"})").status, 200);
  versions = nlohmann::json::parse(visitor.get("/api/v1/reports/FRA/2025/versions").body);
  ASSERT_EQ(versions.size(), 1u);
  EXPECT_EQ(versions[0]["status"], "submitted") << "version 1 is current again";
  EXPECT_EQ(items_of("?version=2"), -404) << "a recalled version is not public";
  const auto all = nlohmann::json::parse(secretariat.get("/api/v1/reports/FRA/2025/versions").body);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[1]["status"], "recalled");
  EXPECT_EQ(all[1]["recall_reason"], "wrong year");
  EXPECT_NE(secretariat.get("/reports/FRA/2025?version=2").body.find("wrong year"), std::string::npos);
}

}  // namespace
}  // namespace att::testing
