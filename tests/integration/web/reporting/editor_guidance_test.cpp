// The report editor's links to the guidance: next to a finding whose code data/guidance_links.csv
// links to a question, and next to the parts of the form it names, on the page and in the
// autosave's answer; never to a question the current guidance does not have.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "exchange/faq_store.hpp"
#include "server_with_accounts.hpp"

namespace att::reporting {
namespace {
using namespace att::literals;

class EditorGuidance : public testing::ServerWithAccounts {
 protected:
  // The shipped links name questions 4 (categories), 5 (visibility), 6 (declarations) and
  // 7 (values and currencies); the guidance has 5 and 7 only.
  void prepare(store::Database& db) override {
    auth::Viewer secretariat;
    secretariat.user_id = account_ids_.at("secretariat");
    secretariat.roles = {auth::Role::secretariat};
    ASSERT_TRUE(exchange::add_faq_revision(db, secretariat, "CSP10",
                                           {{5, "en", "Public or restricted?", "…"},
                                            {5, "fr", "Public ou restreint ?", "…"},
                                            {7, "en", "Values?", "…"}},
                                           "2026-01-04T00:00:00Z"_utc));
  }

  // One export line with a value but no currency, in a category that does not exist.
  static std::vector<std::pair<std::string, std::string>> line_without_currency() {
    return {{"visibility", "public"}, {"contact.name", "A. Officer"}, {"l0.direction", "export"},
            {"l0.category", "XYZ"},   {"l0.partner_state", "BEL"},    {"l0.items", "2"},
            {"l0.value", "1000"}};
  }
};

TEST_F(EditorGuidance, FindingsAndPartsOfTheFormLinkToTheirQuestion) {
  auto officer = signed_in("reporting_officer");
  officer.get("/reporting/FRA/2024");
  ASSERT_EQ(officer.post("/reporting/FRA/2024", line_without_currency()).status, 303);
  const auto page = officer.get("/reporting/FRA/2024?lang=fr");
  ASSERT_EQ(page.status, 200);
  const auto currency_error = page.body.find("id=\"f-l0-currency-error\"");
  ASSERT_NE(currency_error, std::string::npos) << page.body.substr(0, 2000);
  const auto link = page.body.find("<a class=\"guidance-link\" href=\"/faq/7\">Voir la question 7 des orientations</a>",
                                   currency_error);
  EXPECT_NE(link, std::string::npos);
  EXPECT_LT(link, page.body.find("</small>", currency_error)) << "inside the field's message";
  EXPECT_NE(page.body.find("id=\"f-l0-category-error\""), std::string::npos) << "the category is refused";
  EXPECT_EQ(page.body.find("href=\"/faq/4\""), std::string::npos) << "question 4 is not in the guidance";
  EXPECT_NE(page.body.find("href=\"/faq/5\""), std::string::npos) << "the visibility part";
  EXPECT_EQ(page.body.find("href=\"/faq/6\""), std::string::npos) << "question 6 is not in the guidance";

  const auto answer = officer.post_from_script("/reporting/FRA/2024", line_without_currency());
  ASSERT_EQ(answer.status, 200);
  const auto body = nlohmann::json::parse(answer.body);
  ASSERT_TRUE(body["guidance"].contains("f-l0-currency")) << body.dump();
  EXPECT_EQ(body["guidance"]["f-l0-currency"]["href"], "/faq/7");
  EXPECT_EQ(body["guidance"]["f-l0-currency"]["text"], "Voir la question 7 des orientations") << "the language chosen stays";
  EXPECT_FALSE(body["guidance"].contains("f-l0-category"));
  EXPECT_EQ(body["general_guidance"].size(), body["general"].size());
}

TEST_F(EditorGuidance, AReportWithNothingInItSaysSoByTheNilReportBox) {
  auto officer = signed_in("reporting_officer");
  officer.get("/reporting/FRA/2024");
  ASSERT_EQ(officer.post("/reporting/FRA/2024", {{"visibility", "public"}, {"contact.name", "A. Officer"}}).status, 303);
  const auto page = officer.get("/reporting/FRA/2024?lang=fr").body;
  const auto box = page.find("id=\"f-nil_exports\"");
  ASSERT_NE(box, std::string::npos) << "the box has the id findings are placed by";
  const auto note = page.find("id=\"f-nil_exports-error\"");
  ASSERT_NE(note, std::string::npos) << "the finding about an empty report is shown";
  EXPECT_GT(note, box);
  EXPECT_NE(page.find("aria-describedby=\"f-nil_exports-error\"", box), std::string::npos);
  EXPECT_EQ(page.find("id=\"f-nil_imports-error\""), std::string::npos) << "once, by the exports' box";
}

}  // namespace
}  // namespace att::reporting
