// Reported problems on SQLite and PostgreSQL: who reads which report (the reporter their own, the
// Secretariat all, nobody else any), the queue's order, answering and closing.
#include <gtest/gtest.h>

#include <map>

#include "auth/accounts_store.hpp"
#include "exchange/problem_reports_store.hpp"
#include "test_support.hpp"

namespace att::exchange {
using namespace att::literals;
namespace {

using auth::Role;

const Timestamp now = "2026-11-27T10:00:00Z"_utc;

class ProblemReports : public testing::OnBothDatabasesWithRegister {
 protected:
  void SetUp() override {
    OnBothDatabasesWithRegister::SetUp();
    if (IsSkipped() || HasFailure()) return;
    const auto as = [&](const std::string& key, std::set<Role> roles, std::optional<std::string> state) {
      const auto id = auth::create_account(*db_, {key + "@example.org", "Name of " + key, "", state, "", roles, "en"}, now);
      viewers_[key] = auth::viewer_for({id, key + "@example.org", "Name of " + key, std::move(roles), std::move(state),
                                        true, true},
                                       register_, Date::from_ymd(2026, 11, 27), true);
    };
    viewers_["anonymous"] = auth::Viewer::anonymous();
    as("observer", {Role::observer}, std::nullopt);
    as("representative", {Role::state_representative}, "ITA");
    as("reporting officer", {Role::state_representative, Role::reporting_officer}, "FRA");
    as("chair", {Role::chair}, std::nullopt);
    as("secretariat", {Role::secretariat}, std::nullopt);
    as("administrator", {Role::administrator}, std::nullopt);
  }

  const auth::Viewer& v(const std::string& who) const { return viewers_.at(who); }

  std::int64_t reported_by(const std::string& who, const std::string& text, Timestamp at) {
    return report_problem(*db_, v(who), {"/states", ProblemCategory::wrong_data, text}, at).value();
  }

  std::map<std::string, auth::Viewer> viewers_;
};

TEST_P(ProblemReports, OnlyTheReporterAndTheSecretariatReadAReport) {
  const auto id = reported_by("representative", "The map is empty.", now);
  for (const auto& [who, viewer] : viewers_) {
    const bool reads = who == "representative" || who == "secretariat";
    EXPECT_EQ(find_problem_report(*db_, viewer, id).has_value(), reads) << who;
    EXPECT_EQ(problem_reports_for(*db_, viewer).size(), reads ? 1u : 0u) << who;
  }
  const auto report = find_problem_report(*db_, v("secretariat"), id).value();
  EXPECT_EQ(report.reporter_name, "Name of representative");
  EXPECT_EQ(report.page, "/states");
  EXPECT_EQ(report.category, ProblemCategory::wrong_data);
  EXPECT_EQ(report.description, "The map is empty.");
  EXPECT_TRUE(report.open);
  EXPECT_EQ(report.reported_at, now);
}

TEST_P(ProblemReports, AnonymousVisitorsAndEmptyTextsReportNothing) {
  EXPECT_FALSE(report_problem(*db_, v("anonymous"), {"/", ProblemCategory::other, "Broken."}, now));
  EXPECT_FALSE(report_problem(*db_, v("observer"), {"/", ProblemCategory::other, " \n\t"}, now));
  EXPECT_TRUE(problem_reports_for(*db_, v("secretariat")).empty());
}

TEST_P(ProblemReports, TheQueueShowsOpenReportsFirstThenOldestFirst) {
  const auto later = reported_by("observer", "Later.", "2026-11-28T10:00:00Z"_utc);
  const auto earliest = reported_by("chair", "Earliest.", "2026-11-20T10:00:00Z"_utc);
  const auto closed = reported_by("representative", "Closed one.", "2026-11-10T10:00:00Z"_utc);
  ASSERT_EQ(answer_problem_report(*db_, v("secretariat"), closed, "Fixed.", true, now), AnswerOutcome::done);
  std::vector<std::int64_t> order;
  for (const auto& report : problem_reports_for(*db_, v("secretariat"))) order.push_back(report.id);
  EXPECT_EQ(order, (std::vector<std::int64_t>{earliest, later, closed}));
  // Each person sees their own only.
  const auto own = problem_reports_for(*db_, v("chair"));
  ASSERT_EQ(own.size(), 1u);
  EXPECT_EQ(own.front().id, earliest);
}

TEST_P(ProblemReports, TheSecretariatAnswersAndClosesNobodyElseDoes) {
  const auto id = reported_by("representative", "Cannot upload.", now);
  EXPECT_EQ(answer_problem_report(*db_, v("representative"), id, "Me too.", true, now), AnswerOutcome::refused);
  for (const auto* outsider : {"anonymous", "observer", "chair", "administrator", "reporting officer"})
    EXPECT_EQ(answer_problem_report(*db_, v(outsider), id, "Hm.", true, now), AnswerOutcome::not_found) << outsider;
  EXPECT_EQ(answer_problem_report(*db_, v("secretariat"), id, "  ", false, now), AnswerOutcome::invalid);
  EXPECT_EQ(answer_problem_report(*db_, v("secretariat"), 999999, "Hello.", false, now), AnswerOutcome::not_found);
  ASSERT_EQ(answer_problem_report(*db_, v("secretariat"), id, "Which file?", false, now), AnswerOutcome::done);
  EXPECT_TRUE(find_problem_report(*db_, v("representative"), id)->open);
  const auto closed_at = "2026-11-29T08:00:00Z"_utc;
  ASSERT_EQ(answer_problem_report(*db_, v("secretariat"), id, "Fixed now.", true, closed_at), AnswerOutcome::done);
  const auto report = find_problem_report(*db_, v("representative"), id).value();
  EXPECT_FALSE(report.open);
  EXPECT_EQ(report.closed_at, closed_at);
  ASSERT_EQ(report.answers.size(), 2u);
  EXPECT_EQ(report.answers[0].body, "Which file?");
  EXPECT_EQ(report.answers[1].body, "Fixed now.");
  EXPECT_EQ(report.answers[1].author_name, "Name of secretariat");
  EXPECT_EQ(report.answers[1].answered_at, closed_at);
}

INSTANTIATE_TEST_SUITE_P(BothDatabases, ProblemReports, ::testing::ValuesIn(testing::database_kinds()),
                         [](const auto& test_info) { return test_info.param; });

}  // namespace
}  // namespace att::exchange
