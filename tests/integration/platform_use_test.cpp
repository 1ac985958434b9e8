// The use of the platform per year on SQLite and PostgreSQL: versions by channel in the year
// they were received (an amendment counts, a draft does not), States reporting online,
// applications and approvals, and comments on consultations but not on announcements.
#include "reporting/platform_use.hpp"

#include <gtest/gtest.h>

#include <map>

#include "auth/accounts_store.hpp"
#include "auth/registrations.hpp"
#include "exchange/announcements_store.hpp"
#include "reporting/reports_store.hpp"
#include "test_support.hpp"

namespace att::reporting {
using namespace att::literals;
namespace {

class PlatformUse : public testing::OnBothDatabasesWithRegister {
 protected:
  void submitted(const std::string& state, int year, Channel channel, const std::string& received) {
    Submission submission;
    submission.report = testing::one_line_each_way(state, year, reports::Visibility::public_report);
    submission.channel = channel;
    submission.received = Date::parse(received).value();
    submit(*db_, submission, Timestamp::parse(received + "T12:00:00Z").value());
  }
};

std::map<int, PlatformUseYear> by_year(const std::vector<PlatformUseYear>& years) {
  std::map<int, PlatformUseYear> map;
  for (const auto& year : years) map[year.year] = year;
  return map;
}

TEST_P(PlatformUse, CountsEachYearsReportsRegistrationsAndComments) {
  submitted("FRA", 2022, Channel::online, "2023-05-20");
  submitted("FRA", 2022, Channel::online, "2023-07-01");  // an amendment, online again
  submitted("DEU", 2022, Channel::email, "2023-06-02");
  submitted("BEL", 2022, Channel::online, "2023-05-30");
  submitted("ITA", 2022, Channel::import, "2024-01-10");  // received the next year
  // A draft was not sent: it is not counted.
  save_draft(*db_, testing::one_line_each_way("ESP", 2023, reports::Visibility::public_report), std::nullopt,
             "2024-03-01T00:00:00Z"_utc);

  const auto chair_id = auth::create_account(
      *db_, {"chair@example.org", "Chair", "", std::nullopt, "x", {auth::Role::chair}, "en"}, "2023-01-01T00:00:00Z"_utc);
  using namespace std::chrono;
  const auto in_2023 = sys_days{year{2023} / 3 / 1};
  std::int64_t approved_id = 0, other_id = 0;
  auth::create_registration(*db_, {"a@example.fr", "A", "", "FRA", auth::Role::state_representative, "", "x", "fr"},
                            in_2023, &approved_id);
  auth::create_registration(*db_, {"b@example.de", "B", "", "DEU", auth::Role::state_representative, "", "x", "en"},
                            in_2023, &other_id);
  db_->execute("UPDATE registrations SET status = 'pending'");
  ASSERT_TRUE(auth::decide_registration(*db_, approved_id, true, chair_id, "", "2023-03-02T00:00:00Z"_utc));

  auth::Viewer chair;
  chair.user_id = chair_id;
  chair.roles = {auth::Role::chair};
  const auto consultation = exchange::publish(
      *db_, chair, {exchange::Kind::consultation, "Draft template", "Body", auth::Audience::parties, std::nullopt, {}, {}},
      "2024-02-01T00:00:00Z"_utc);
  const auto announcement = exchange::publish(
      *db_, chair, {exchange::Kind::announcement, "News", "Body", auth::Audience::parties, std::nullopt, {}, {}},
      "2024-02-01T00:00:00Z"_utc);
  ASSERT_TRUE(consultation && announcement);
  for (const auto& [email, state] :
       {std::pair<std::string, std::string>{"rep@example.fr", "FRA"}, {"rep@example.de", "DEU"}}) {
    const auto id = auth::create_account(*db_, {email, "Rep", "", state, "x", {auth::Role::state_representative}, "en"},
                                         "2024-01-01T00:00:00Z"_utc);
    auth::Viewer rep;
    rep.user_id = id;
    rep.name = "Rep";
    rep.roles = {auth::Role::state_representative};
    rep.state_iso3 = state;
    rep.state_is_party = true;
    for (const auto on : {*consultation, *announcement})
      exchange::add_comment(*db_, rep, on, {"A comment", std::nullopt, std::nullopt}, "2024-02-10T00:00:00Z"_utc);
  }

  const auto years = by_year(platform_use(*db_));
  ASSERT_TRUE(years.contains(2023));
  ASSERT_TRUE(years.contains(2024));
  const auto& y2023 = years.at(2023);
  EXPECT_EQ(y2023.reports_online, 3) << "France twice, Belgium once";
  EXPECT_EQ(y2023.states_online, 2);
  EXPECT_EQ(y2023.reports_email, 1);
  EXPECT_EQ(y2023.reports_import, 0);
  EXPECT_EQ(y2023.registrations, 2);
  EXPECT_EQ(y2023.registrations_approved, 1);
  const auto& y2024 = years.at(2024);
  EXPECT_EQ(y2024.reports_import, 1) << "Italy's report counts in the year it was received";
  EXPECT_EQ(y2024.reports_online, 0) << "Spain's draft was never sent";
  EXPECT_EQ(y2024.consultation_comments, 2) << "comments on an announcement are not a consultation's";
  EXPECT_EQ(y2024.states_commenting, 2);
}

INSTANTIATE_TEST_SUITE_P(BothDatabases, PlatformUse, ::testing::ValuesIn(testing::database_kinds()),
                         [](const auto& test_info) { return test_info.param; });

}  // namespace
}  // namespace att::reporting
