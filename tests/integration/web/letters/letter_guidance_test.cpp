// A reminder letter gives the address of the guidance's question on reporting obligations (the
// question data/guidance_links.csv names for "reporting_obligations"), in the preview, the PDF and
// the mail, in its addressee's language, and only once the guidance has that question.
#include <gtest/gtest.h>

#include "auth/roles.hpp"
#include "exchange/faq_store.hpp"
#include "store/open_database.hpp"
#include "web/compliance/compliance_fixture.hpp"

namespace att::reporting {
namespace {

class LetterGuidance : public ComplianceApi {
 protected:
  void prepare(store::Database& db) override {
    ComplianceApi::prepare(db);
    db.execute("UPDATE users SET language = 'fr' WHERE email = 'officer@example.org'");
  }

  static std::string letter_of(const std::string& page, const std::string& iso3) {
    const auto start = page.find("<article class=\"report-document reminder-letter\" data-iso3=\"" + iso3 + "\"");
    if (start == std::string::npos) return "";
    return page.substr(start, page.find("</article>", start) - start);
  }

  // The guidance published while the server runs: question 1, reporting obligations.
  void publish_guidance() {
    auth::Viewer secretariat;
    secretariat.user_id = account_ids_.at("secretariat");
    secretariat.roles = {auth::Role::secretariat};
    const auto db = store::open_database(db_path_);
    ASSERT_TRUE(exchange::add_faq_revision(*db, secretariat, "CSP10",
                                           {{1, "en", "What must be reported?", "…"}}, "2026-01-04T00:00:00Z"_utc));
  }
};

TEST_F(LetterGuidance, TheLetterLinksToTheQuestionOnceItExists) {
  auto secretariat = signed_in("secretariat");
  const auto before = letter_of(secretariat.get("/status/letters?as_of=2023-12-31&state=FRA").body, "FRA");
  ASSERT_FALSE(before.empty());
  EXPECT_EQ(before.find("/faq/"), std::string::npos) << "no guidance yet, no link";
  EXPECT_EQ(before.find("letter-guidance"), std::string::npos);

  publish_guidance();
  const auto page = secretariat.get("/status/letters?as_of=2023-12-31&state=FRA&state=DEU");
  const auto france = letter_of(page.body, "FRA");
  EXPECT_NE(france.find("La question 1 des orientations"), std::string::npos) << france;
  EXPECT_NE(france.find("http://example.test/faq/1"), std::string::npos);
  const auto germany = letter_of(page.body, "DEU");
  EXPECT_NE(germany.find("Question 1 of the guidance on reporting obligations"), std::string::npos) << germany;

  const auto sent = secretariat.post("/status/letters/send", {{"as_of", "2023-12-31"}, {"state", "FRA"}});
  ASSERT_EQ(sent.status, 200);
  EXPECT_EQ(store::open_database(db_path_)
                ->query("SELECT COUNT(*) FROM mail_outbox WHERE to_address = 'officer@example.org'"
                        " AND body_text LIKE '%La question 1 des orientations%http://example.test/faq/1%'")
                .at(0)
                .integer(0),
            1);
}

}  // namespace
}  // namespace att::reporting
