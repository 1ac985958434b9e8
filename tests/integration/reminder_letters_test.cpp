// The log of reminder letters on SQLite and PostgreSQL: a letter with the reports it listed,
// read back per State in order, and the reply recorded on it.
#include <gtest/gtest.h>

#include "auth/accounts_store.hpp"
#include "reporting/points_of_contact.hpp"
#include "reporting/reminder_letters_store.hpp"
#include "test_support.hpp"

namespace att::reporting {
using namespace att::literals;
namespace {

class ReminderLetters : public testing::OnBothDatabasesWithRegister {};

Date date(std::string_view text) { return Date::parse(text).value(); }

TEST_P(ReminderLetters, LoggedWithTheReportsListedThenTheReply) {
  const auto first = log_letter(*db_, "FRA", date("2024-06-15"), Language::fr, "file",
                                {{compliance::ReportKind::initial, 0, date("2015-12-23")},
                                 {compliance::ReportKind::annual, 2023, date("2024-05-31")}},
                                "2024-06-15T09:00:00Z"_utc);
  const auto second = log_letter(*db_, "FRA", date("2025-06-15"), Language::fr, "email",
                                 {{compliance::ReportKind::annual, 2024, date("2025-05-31")}}, "2025-06-15T09:00:00Z"_utc);
  log_letter(*db_, "DEU", date("2025-06-15"), Language::en, "file", {}, "2025-06-15T09:00:00Z"_utc);
  EXPECT_NE(first, second);

  auto letters = letters_to(*db_, "FRA");
  ASSERT_EQ(letters.size(), 2u) << "Germany's letter is not France's";
  EXPECT_EQ(letters[0].id, first);
  EXPECT_EQ(letters[0].as_of.iso(), "2024-06-15");
  EXPECT_EQ(letters[0].language, Language::fr);
  EXPECT_EQ(letters[0].channel, "file");
  ASSERT_EQ(letters[0].reports.size(), 2u);
  EXPECT_EQ(letters[0].reports[0].kind, compliance::ReportKind::initial);
  EXPECT_EQ(letters[0].reports[0].due.iso(), "2015-12-23");
  EXPECT_EQ(letters[0].reports[1].year, 2023);
  EXPECT_FALSE(letters[0].reply_received);
  EXPECT_EQ(letters[1].channel, "email");

  EXPECT_TRUE(record_reply(*db_, second, date("2025-07-02"), "Report 2024 on its way"));
  EXPECT_FALSE(record_reply(*db_, second + 1000, date("2025-07-02"), "")) << "no such letter";
  letters = letters_to(*db_, "FRA");
  ASSERT_TRUE(letters[1].reply_received);
  EXPECT_EQ(letters[1].reply_received->iso(), "2025-07-02");
  EXPECT_EQ(letters[1].reply_note, "Report 2024 on its way");
  EXPECT_FALSE(letters[0].reply_received);
}

// The letter goes to the State's active reporting officers; the first one is named, in her language.
TEST_P(ReminderLetters, ThePointOfContactIsTheStatesActiveReportingOfficers) {
  EXPECT_TRUE(point_of_contact(*db_, "FRA").emails.empty()) << "no officer yet";
  const auto now = "2025-01-01T00:00:00Z"_utc;
  using auth::Role;
  auth::create_account(*db_, {"first@example.fr", "Claire Martin", "", "FRA", "x", {Role::reporting_officer}, "fr"}, now);
  const auto gone =
      auth::create_account(*db_, {"gone@example.fr", "Left", "", "FRA", "x", {Role::reporting_officer}, "en"}, now);
  auth::create_account(*db_, {"rep@example.fr", "Rep", "", "FRA", "x", {Role::state_representative}, "en"}, now);
  auth::create_account(*db_, {"second@example.fr", "Paul", "", "FRA", "x", {Role::reporting_officer}, "en"}, now);
  auth::create_account(*db_, {"de@example.de", "Anna", "", "DEU", "x", {Role::reporting_officer}, "es"}, now);
  auth::set_active(*db_, gone, false, now);
  const auto france = point_of_contact(*db_, "FRA");
  EXPECT_EQ(france.name, "Claire Martin");
  EXPECT_EQ(france.language, Language::fr);
  EXPECT_EQ(france.emails, (std::vector<std::string>{"first@example.fr", "second@example.fr"}));
  EXPECT_EQ(point_of_contact(*db_, "DEU").language, Language::es);
}

INSTANTIATE_TEST_SUITE_P(BothDatabases, ReminderLetters, ::testing::ValuesIn(testing::database_kinds()),
                         [](const auto& test_info) { return test_info.param; });

}  // namespace
}  // namespace att::reporting
