// Who hears of a report's transition, on both databases: the active reporting officers of that
// State, each in the language of their account; nobody else.
#include <gtest/gtest.h>

#include "auth/accounts_store.hpp"
#include "mail/outbox.hpp"
#include "reporting/transition_notices.hpp"
#include "test_support.hpp"

namespace att::reporting {
using namespace att::literals;
namespace {

class TransitionNotices : public testing::OnBothDatabasesWithRegister {
 protected:
  std::int64_t account(const std::string& email, std::set<auth::Role> roles, std::optional<std::string> state,
                       const std::string& language) {
    return auth::create_account(*db_, {email, email, "", std::move(state), "hash", std::move(roles), language},
                                "2026-01-01T00:00:00Z"_utc);
  }

  // (to, subject) of every queued mail, oldest first.
  std::vector<std::pair<std::string, std::string>> queued() {
    std::vector<std::pair<std::string, std::string>> mails;
    for (const auto& mail : mail::due(*db_, "2100-01-01T00:00:00Z"_utc, 100)) mails.emplace_back(mail.mail.to, mail.mail.subject);
    return mails;
  }

  const text::Catalog catalog_ = text::Catalog::load(std::string(ATT_WEB_DIR) + "/i18n");
};

TEST_P(TransitionNotices, TheStatesActiveReportingOfficersAreToldInTheirLanguage) {
  using auth::Role;
  account("officer.fr@example.org", {Role::state_representative, Role::reporting_officer}, "FRA", "fr");
  account("officer.en@example.org", {Role::state_representative, Role::reporting_officer}, "FRA", "en");
  const auto closed = account("closed@example.org", {Role::state_representative, Role::reporting_officer}, "FRA", "en");
  auth::set_active(*db_, closed, false, "2026-01-02T00:00:00Z"_utc);
  account("representative@example.org", {Role::state_representative}, "FRA", "en");
  account("officer@example.de", {Role::state_representative, Role::reporting_officer}, "DEU", "en");
  account("secretariat@example.org", {Role::secretariat}, std::nullopt, "en");

  const NoticeWriter writer{catalog_, register_, "https://att.example"};
  EXPECT_EQ(notify(*db_, writer, {reports::Transition::recall, "FRA", 2022, 2, "2026-03-04", "", "sent twice"}), 2u);
  const auto mails = queued();
  ASSERT_EQ(mails.size(), 2u);
  EXPECT_EQ(mails[0].first, "officer.fr@example.org");
  EXPECT_EQ(mails[0].second, "Plateforme de transparence du TCA : le rapport annuel pour 2022 de l’État France a été retiré");
  EXPECT_EQ(mails[1].first, "officer.en@example.org");
  EXPECT_EQ(mails[1].second, "ATT Transparency Platform: the annual report for 2022 of France was withdrawn");

  EXPECT_EQ(notify(*db_, writer, {reports::Transition::submit, "DEU", std::nullopt, 1, "2026-03-04", "abc", ""}), 1u);
  EXPECT_EQ(queued().back().second, "ATT Transparency Platform: the initial report of Germany was received");
}

INSTANTIATE_TEST_SUITE_P(BothDatabases, TransitionNotices, ::testing::ValuesIn(testing::database_kinds()),
                         [](const auto& test_info) { return test_info.param; });

}  // namespace
}  // namespace att::reporting
