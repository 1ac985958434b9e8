// att notifications send, as cron runs it: the due mails queued once, a second run sending
// nothing, in the reader's language, and a mistaken --now refused in one line.
#include <gtest/gtest.h>
#include <stdlib.h>

#include "auth/accounts_store.hpp"
#include "exchange/announcements_store.hpp"
#include "store/open_database.hpp"
#include "test_support.hpp"

namespace att::testing {
using namespace att::literals;
namespace {

class NotificationsCli : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = (dir_.path() / "notifications.db").string();
    ASSERT_EQ(run_att({"init", "--db", db_}).exit_code, 0);
    auto db = store::open_database(db_);
    const Timestamp created = "2026-11-01T00:00:00Z"_utc;
    const auto chair = auth::create_account(
        *db, {"chair@example.org", "Chair", "", std::nullopt, "", {auth::Role::chair}, "en"}, created);
    auth::create_account(*db, {"rep@example.org", "Rep", "", "ITA", "", {auth::Role::state_representative}, "es"},
                         created);
    auth::create_account(*db, {"usa@example.org", "Usa", "", "USA", "", {auth::Role::state_representative}, "en"},
                         created);
    auth::Viewer publisher;
    publisher.user_id = chair;
    publisher.roles = {auth::Role::chair};
    exchange::NewAnnouncement draft;
    draft.kind = exchange::Kind::consultation;
    draft.title = "Costs of the meetings";
    draft.body = "Comment, please.";
    draft.audience = auth::Audience::parties;
    draft.deadline = "2026-11-22T12:00:00Z"_utc;
    ASSERT_TRUE(exchange::publish(*db, publisher, draft, "2026-11-20T09:00:00Z"_utc));
  }

  std::vector<std::string> mail_to(const std::string& address) {
    auto db = store::open_database(db_);
    std::vector<std::string> subjects;
    for (const auto& row : db->query("SELECT subject FROM mail_outbox WHERE to_address = $1 ORDER BY id", {address}))
      subjects.push_back(row.text(0));
    return subjects;
  }

  TempDir dir_;
  std::string db_;
};

TEST_F(NotificationsCli, SendsWhatIsDueOnceAndSaysSo) {
  const auto first = run_att({"notifications", "send", "--db", db_, "--now", "2026-11-20T12:00:00Z"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  // Italy's representative: the digest and the reminder (the deadline is within three days).
  EXPECT_NE(first.out.find("Notifications queued: immediate mails 0, digests 1, reminders 1."), std::string::npos)
      << first.out;
  const auto italy = mail_to("rep@example.org");
  ASSERT_EQ(italy.size(), 2u);
  EXPECT_NE(italy[0].find("novedades del intercambio de información (1)"), std::string::npos) << italy[0];
  EXPECT_NE(italy[1].find("la consulta «Costs of the meetings» se cierra el"), std::string::npos) << italy[1];
  EXPECT_TRUE(mail_to("usa@example.org").empty()) << "a signatory is outside the consultation's audience";

  ::setenv("ATT_LANG", "fr", 1);
  const auto second = run_att({"notifications", "send", "--db", db_, "--now", "2026-11-20T12:05:00Z"});
  ::unsetenv("ATT_LANG");
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.out.find("Notifications mises en file : messages immédiats 0, résumés 0, rappels 0."),
            std::string::npos)
      << second.out;
  EXPECT_EQ(mail_to("rep@example.org").size(), 2u);
}

TEST_F(NotificationsCli, AMistakenInstantIsOneLineAndAFailure) {
  const auto wrong = run_att({"notifications", "send", "--db", db_, "--now", "2026-11-20"});
  EXPECT_NE(wrong.exit_code, 0);
  EXPECT_NE(wrong.err.find("--now “2026-11-20” is not an instant written YYYY-MM-DDTHH:MM:SSZ"), std::string::npos)
      << wrong.err;
  EXPECT_TRUE(mail_to("rep@example.org").empty());
  const auto help = run_att({"notifications", "send", "--help"});
  EXPECT_NE(help.out.find("--reminder-days"), std::string::npos);
}

}  // namespace
}  // namespace att::testing
