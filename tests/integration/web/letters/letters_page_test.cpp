// The Secretariat's reminder letters page: the overdue States on a date, previews in each
// addressee's language listing exactly the overdue reports, the letters sent through the outbox
// with their log entry, the file of all letters as one PDF, and the replies.
#include <gtest/gtest.h>

#include <map>
#include <regex>

#include "auth/roles.hpp"
#include "store/open_database.hpp"
#include "web/compliance/compliance_fixture.hpp"

namespace att::reporting {
namespace {

class LettersPage : public ComplianceApi {
 protected:
  void prepare(store::Database& db) override {
    ComplianceApi::prepare(db);
    // France's reporting officer reads French; Germany's two read Spanish.
    db.execute("UPDATE users SET language = 'fr' WHERE email = 'officer@example.org'");
    db.execute("UPDATE users SET language = 'es' WHERE state_iso3 = 'DEU'");
  }

  // The preview of one State's letter.
  static std::string letter_of(const std::string& page, const std::string& iso3) {
    const auto start = page.find("<article class=\"report-document reminder-letter\" data-iso3=\"" + iso3 + "\"");
    if (start == std::string::npos) return "";
    return page.substr(start, page.find("</article>", start) - start);
  }

  std::int64_t count(const std::string& sql) {
    return store::open_database(db_path_)->query(sql).at(0).integer(0);
  }
};

TEST_F(LettersPage, PreviewsEachLetterInItsLanguageWithExactlyTheOverdueReports) {
  auto secretariat = signed_in("secretariat");
  const auto page = secretariat.get("/status/letters?as_of=2023-12-31&all=1&lang=en");
  ASSERT_EQ(page.status, 200) << page.body.substr(0, 500);
  EXPECT_NE(page.body.find("<h1>Reminder letters</h1>"), std::string::npos);
  EXPECT_NE(page.body.find("name=\"state\" value=\"GBR\" checked"), std::string::npos) << "all overdue are chosen";

  const auto france = letter_of(page.body, "FRA");
  ASSERT_FALSE(france.empty());
  EXPECT_NE(france.find("Rapport annuel pour 2021"), std::string::npos) << france;
  EXPECT_NE(france.find("31 mai 2022"), std::string::npos) << "the deadline, in French";
  EXPECT_EQ(france.find("Rapport annuel pour 2022"), std::string::npos) << "2022 was sent on time";
  EXPECT_NE(france.find("Secrétariat"), std::string::npos);

  const auto germany = letter_of(page.body, "DEU");
  ASSERT_FALSE(germany.empty());
  EXPECT_NE(germany.find("Informe anual correspondiente a 2021"), std::string::npos) << germany;
  EXPECT_EQ(germany.find("correspondiente a 2022"), std::string::npos) << "2022 was sent, late";

  const auto britain = letter_of(page.body, "GBR");
  EXPECT_NE(britain.find("Annual report for 2022"), std::string::npos) << "recalled: owed again";

  // Only the States chosen are previewed.
  const auto one = secretariat.get("/status/letters?as_of=2023-12-31&state=FRA");
  EXPECT_FALSE(letter_of(one.body, "FRA").empty());
  EXPECT_TRUE(letter_of(one.body, "DEU").empty());
  EXPECT_EQ(secretariat.get("/status/letters?as_of=31/12/2023").status, 400);
}

TEST_F(LettersPage, SendingQueuesTheMailWithTheLogEntryAndRepliesAreRecorded) {
  auto secretariat = signed_in("secretariat");
  ASSERT_EQ(secretariat.get("/status/letters?as_of=2023-12-31&state=FRA&state=DEU&state=GBR").status, 200);
  const auto sent = secretariat.post(
      "/status/letters/send", {{"as_of", "2023-12-31"}, {"state", "FRA"}, {"state", "DEU"}, {"state", "GBR"}});
  ASSERT_EQ(sent.status, 200) << sent.body.substr(0, 500);
  EXPECT_NE(sent.body.find("2 letters sent."), std::string::npos) << "Britain has no reporting officer";
  EXPECT_EQ(count("SELECT COUNT(*) FROM reminder_letters WHERE channel = 'email'"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM reminder_letters WHERE state_iso3 = 'GBR'"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM mail_outbox WHERE to_address = 'officer@example.org'"
                  " AND subject LIKE '%rapports attendus de France%'"),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM mail_outbox WHERE to_address IN ('officer@example.de', 'newofficer@example.org')"
                  " AND body_text LIKE '%Informe anual correspondiente a 2021%'"),
            2)
      << "each of Germany's reporting officers, in Spanish";
  EXPECT_TRUE(audited_actions().contains("reminder_letter_sent"));

  // The letter is listed on the page, and its reply recorded there.
  const auto listed = secretariat.get("/status/letters?as_of=2023-12-31&state=FRA&lang=en");
  std::smatch id;
  ASSERT_TRUE(std::regex_search(listed.body, id, std::regex(R"re(<tr data-letter="(\d+)"><td>31 December 2023</td><td>E-mail</td>)re")))
      << listed.body;
  const auto replied = secretariat.post("/status/letters/" + id[1].str() + "/reply",
                                        {{"received", "2024-01-15"}, {"note", "Report on its way"}, {"as_of", "2023-12-31"},
                                         {"state", "FRA"}});
  ASSERT_EQ(replied.status, 200) << replied.body.substr(0, 500);
  EXPECT_NE(replied.body.find("15 January 2024 Report on its way"), std::string::npos);
  EXPECT_EQ(secretariat.post("/status/letters/99999/reply", {{"received", "2024-01-15"}}).status, 404);
  EXPECT_EQ(secretariat.post("/status/letters/" + id[1].str() + "/reply", {{"received", "soon"}}).status, 400);
}

TEST_F(LettersPage, AllLettersInOnePdfOnePageOrMoreEach) {
  auto secretariat = signed_in("secretariat");
  ASSERT_EQ(secretariat.get("/status/letters?as_of=2023-12-31&all=1").status, 200);
  const auto pdf = secretariat.post("/status/letters/pdf", {{"as_of", "2023-12-31"}, {"all", "1"}});
  ASSERT_EQ(pdf.status, 200) << pdf.body.substr(0, 300);
  EXPECT_EQ(pdf.header("content-type"), "application/pdf");
  EXPECT_EQ(pdf.body.rfind("%PDF-", 0), 0u);
  const auto letters = count("SELECT COUNT(*) FROM reminder_letters WHERE channel = 'pdf'");
  EXPECT_GE(letters, 3) << "each letter printed is logged";
  const std::regex page_object(R"(/Type\s*/Page[^s])");
  const auto pages = std::distance(std::sregex_iterator(pdf.body.begin(), pdf.body.end(), page_object),
                                   std::sregex_iterator());
  EXPECT_GE(pages, letters) << "a page break between letters";
}

}  // namespace
}  // namespace att::reporting

namespace att::reporting {
namespace {

// Everyone but the Secretariat gets, on every route of the page, the answer they get for any
// page they may not open (data/access_matrix.csv has the GET and the sending).
TEST_F(LettersPage, EveryOtherRoleIsRefusedOnEveryRoute) {
  const auto path_of = [](const std::string& location) { return location.substr(0, location.find('?')); };
  std::map<std::string, testing::Browser> browsers;
  browsers.emplace("anonymous", testing::Browser(server_->port()));
  for (const auto& [kind, person] : testing::people)
    if (!person.roles.contains(auth::Role::secretariat)) browsers.emplace(kind, signed_in(kind));
  ASSERT_GE(browsers.size(), 8u);
  for (auto& [kind, browser] : browsers) {
    const auto refusal = browser.get("/status/letters?as_of=2023-12-31&all=1");
    EXPECT_TRUE(refusal.status == 403 || refusal.status == 303) << kind << " " << refusal.status;
    EXPECT_EQ(refusal.body.find("reminder-letter"), std::string::npos) << kind;
    browser.get("/sign-in");  // a CSRF token, as a real form would have
    for (const std::string route : {"/status/letters/send", "/status/letters/pdf", "/status/letters/1/reply"}) {
      const auto answer = browser.post(route, {{"as_of", "2023-12-31"}, {"all", "1"}, {"received", "2024-01-01"}});
      EXPECT_EQ(answer.status, refusal.status) << kind << " " << route;
      EXPECT_EQ(path_of(answer.header("location")), path_of(refusal.header("location"))) << kind << " " << route;
    }
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM reminder_letters"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM mail_outbox WHERE subject LIKE '%Reports due%' OR subject LIKE '%rapports attendus%'"), 0);
}

}  // namespace
}  // namespace att::reporting
