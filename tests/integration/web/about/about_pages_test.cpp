// The footer's pages: every page links to contact, terms of use, privacy and the API
// documentation; each reads in the visitor's language; /api is docs/api.md as served.
#include <gtest/gtest.h>

#include <tuple>

#include "server_with_accounts.hpp"

namespace att::testing {
namespace {

class AboutPages : public ServerWithAccounts {
 protected:
  [[nodiscard]] std::vector<std::string> serve_options() const override {
    return {"--contact-email", "secretariat@att.example"};
  }
};

TEST_F(AboutPages, TheFooterLeadsToContactTermsPrivacyAndTheApi) {
  Browser anonymous(server_->port());
  for (const auto* page : {"/", "/transfers", "/sign-in"}) {
    const auto answer = anonymous.get(page);
    for (const auto* link : {"href=\"/contact\"", "href=\"/terms\"", "href=\"/privacy\"", "href=\"/api\""})
      EXPECT_NE(answer.body.find(link), std::string::npos) << page << " lacks " << link;
  }
  const auto contact = anonymous.get("/contact");
  EXPECT_EQ(contact.status, 200);
  EXPECT_NE(contact.body.find("mailto:secretariat@att.example"), std::string::npos) << "the configured address";

  const std::vector<std::tuple<std::string, std::string, std::string>> titles{
      {"/terms", "fr", "Conditions d’utilisation"},  {"/privacy", "es", "Privacidad"},
      {"/contact", "en", "Contact"},                  {"/terms", "es", "Condiciones de uso"},
      {"/privacy", "fr", "Confidentialité"},         {"/api", "fr", "Documentation de l’API"}};
  for (const auto& [path, language, title] : titles) {
    const auto answer = anonymous.get(path + "?lang=" + language);
    EXPECT_EQ(answer.status, 200) << path;
    EXPECT_NE(answer.body.find("<h1>" + title + "</h1>"), std::string::npos) << path << " in " << language;
  }
}

TEST_F(AboutPages, TheApiPageIsTheReferenceTheServerFollows) {
  Browser anonymous(server_->port());
  const auto api = anonymous.get("/api");
  ASSERT_EQ(api.status, 200);
  for (const auto* endpoint : {"GET /api/v1/transfers", "GET /api/v1/compliance", "GET /api/v1/announcements"})
    EXPECT_NE(api.body.find(endpoint), std::string::npos) << endpoint;
  EXPECT_NE(api.body.find("<article class=\"api-documentation\" lang=\"en\">"), std::string::npos)
      << "marked as English for screen readers on a French page";
}

}  // namespace
}  // namespace att::testing
