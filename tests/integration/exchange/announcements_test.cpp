// Announcements, consultations and comments on SQLite and PostgreSQL. The audience rule is run
// for every kind of viewer against every audience, once in C++ and once as SQL, against the
// expectations in data/announcement_audiences.csv; then each store function must keep to it.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "auth/accounts_store.hpp"
#include "auth/audience_rule.hpp"
#include "exchange/announcements_store.hpp"
#include "test_support.hpp"

namespace att::exchange {
using namespace att::literals;
namespace {

using auth::Audience;
using auth::Role;

const Timestamp now = "2026-11-27T10:00:00Z"_utc;

struct Expected {
  bool sees = false;
  bool comments = false;
};

// viewer -> audience -> what it may do, from the data file.
std::map<std::string, std::map<Audience, Expected>> expectations() {
  std::ifstream file(std::string(ATT_TEST_DATA_DIR) + "/announcement_audiences.csv");
  std::string line;
  std::getline(file, line);
  std::map<std::string, std::map<Audience, Expected>> table;
  while (std::getline(file, line)) {
    if (line.empty()) continue;
    std::stringstream cells(line);
    std::string who;
    std::getline(cells, who, ',');
    for (const auto audience : auth::all_audiences) {
      std::string cell;
      std::getline(cells, cell, ',');
      table[who][audience] = {cell == "see" || cell == "comment", cell == "comment"};
    }
  }
  return table;
}

class Announcements : public testing::OnBothDatabasesWithRegister {
 protected:
  void SetUp() override {
    OnBothDatabasesWithRegister::SetUp();
    if (IsSkipped() || HasFailure()) return;
    const auto as = [&](const std::string& key, std::set<Role> roles, std::optional<std::string> state,
                        bool second_factor_done = true) {
      const auto id = auth::create_account(
          *db_, {key + "@example.org", "Name of " + key, "", state, "", roles, "en"}, now);
      viewers_[key] = auth::viewer_for({id, key + "@example.org", "Name of " + key, std::move(roles), std::move(state),
                                        true, true},
                                       register_, Date::from_ymd(2026, 11, 27), second_factor_done);
    };
    viewers_["anonymous"] = auth::Viewer::anonymous();
    as("observer", {Role::observer}, std::nullopt);
    as("representative of a party", {Role::state_representative}, "ITA");
    as("representative of a signatory", {Role::state_representative}, "USA");
    as("representative of a non-member", {Role::state_representative}, "VAT");
    as("reporting officer of a party", {Role::state_representative, Role::reporting_officer}, "FRA");
    as("reporting officer of a signatory", {Role::state_representative, Role::reporting_officer}, "USA");
    as("chair", {Role::chair}, std::nullopt);
    as("secretariat", {Role::secretariat}, std::nullopt);
    as("secretariat awaiting its code", {Role::secretariat}, std::nullopt, false);
    as("administrator", {Role::administrator}, std::nullopt);
    for (const auto audience : auth::all_audiences) {
      NewAnnouncement draft;
      draft.kind = Kind::consultation;
      draft.title = "Consultation for " + std::string(auth::to_string(audience));
      draft.body = "Please comment on **the draft**.";
      draft.audience = audience;
      draft.deadline = "2026-12-15T17:00:00Z"_utc;
      draft.sections = {"Scope", "Costs"};
      ids_[audience] = publish(*db_, viewers_.at("chair"), draft, now).value();
    }
  }

  const auth::Viewer& v(const std::string& who) const { return viewers_.at(who); }

  std::map<std::string, auth::Viewer> viewers_;
  std::map<Audience, std::int64_t> ids_;
};

TEST_P(Announcements, TheDataFileCoversEveryViewer) {
  const auto table = expectations();
  EXPECT_EQ(table.size(), viewers_.size());
  for (const auto& [who, viewer] : viewers_) EXPECT_TRUE(table.contains(who)) << who;
}

TEST_P(Announcements, BothFormsOfTheRuleGiveTheExpectedAnswers) {
  for (const auto& [who, row] : expectations()) {
    const auto& viewer = v(who);
    for (const auto& [audience, expected] : row) {
      const auto name = who + " / " + std::string(auth::to_string(audience));
      EXPECT_EQ(auth::may_see_announcement(viewer, audience), expected.sees) << name;
      EXPECT_EQ(auth::may_comment_on(viewer, audience), expected.comments) << name;
      store::Params params{std::string(auth::to_string(audience))};
      const auto sql = "SELECT 1 WHERE " + auth::sees_announcement_sql(viewer, "CAST($1 AS TEXT)", params);
      EXPECT_EQ(!db_->query(sql, params).empty(), expected.sees) << name << " (SQL)";
    }
  }
}

TEST_P(Announcements, ListsFindsAndCountsKeepToTheAudience) {
  // One comment on each, by the Secretariat, so that counts would betray an outsider's view.
  for (const auto& [audience, id] : ids_)
    ASSERT_EQ(add_comment(*db_, v("secretariat"), id, {"Noted.", std::nullopt, 1}, now).outcome,
              CommentOutcome::done);
  for (const auto& [who, row] : expectations()) {
    const auto& viewer = v(who);
    std::set<std::int64_t> expected_ids;
    for (const auto& [audience, expected] : row) {
      if (expected.sees) expected_ids.insert(ids_.at(audience));
      const auto found = find_announcement(*db_, viewer, ids_.at(audience));
      EXPECT_EQ(found.has_value(), expected.sees) << who;
      EXPECT_EQ(comments_on(*db_, viewer, ids_.at(audience)).size(), expected.sees ? 1u : 0u) << who;
      if (found) {
        EXPECT_EQ(found->comment_count, 1);
        EXPECT_EQ(found->sections, (std::vector<std::string>{"Scope", "Costs"}));
      }
    }
    std::set<std::int64_t> listed;
    for (const auto& announcement : announcements_for(*db_, viewer)) listed.insert(announcement.id);
    EXPECT_EQ(listed, expected_ids) << who;
  }
}

TEST_P(Announcements, CommentingFollowsTheAudienceAndOutsidersLearnNothing) {
  for (const auto& [who, row] : expectations()) {
    for (const auto& [audience, expected] : row) {
      const auto result = add_comment(*db_, v(who), ids_.at(audience), {"A view from " + who, std::nullopt, 2}, now);
      const auto wanted = expected.comments ? CommentOutcome::done
                          : expected.sees   ? CommentOutcome::refused
                                            : CommentOutcome::not_found;
      EXPECT_EQ(result.outcome, wanted) << who << " / " << auth::to_string(audience);
    }
  }
  // Not there at all reads exactly like being outside.
  EXPECT_EQ(add_comment(*db_, v("observer"), 999999, {"x", std::nullopt, std::nullopt}, now).outcome,
            CommentOutcome::not_found);
}

TEST_P(Announcements, OnlyChairsAndTheSecretariatPublish) {
  NewAnnouncement draft;
  draft.title = "Meeting dates";
  draft.body = "Dates";
  draft.audience = Audience::everyone;
  for (const auto& [who, viewer] : viewers_) {
    const bool publishes = who == "chair" || who == "secretariat";
    EXPECT_EQ(publish(*db_, viewer, draft, now).has_value(), publishes) << who;
  }
}

TEST_P(Announcements, CommentsAreSignedThreadedAndAttachedToASection) {
  const auto id = ids_.at(Audience::parties);
  const auto first = add_comment(*db_, v("reporting officer of a party"), id, {"On scope", std::nullopt, 1}, now);
  ASSERT_EQ(first.outcome, CommentOutcome::done);
  const auto reply =
      add_comment(*db_, v("representative of a party"), id, {"Agreed", first.comment_id, std::nullopt}, now);
  ASSERT_EQ(reply.outcome, CommentOutcome::done);
  EXPECT_EQ(add_comment(*db_, v("chair"), id, {"Bad section", std::nullopt, 3}, now).outcome, CommentOutcome::invalid);
  EXPECT_EQ(add_comment(*db_, v("chair"), id, {"  ", std::nullopt, std::nullopt}, now).outcome, CommentOutcome::invalid);
  // A reply must stay in its own thread: the public consultation's comment is elsewhere.
  const auto elsewhere = add_comment(*db_, v("chair"), ids_.at(Audience::everyone), {"x", std::nullopt, 1}, now);
  EXPECT_EQ(add_comment(*db_, v("chair"), id, {"y", elsewhere.comment_id, std::nullopt}, now).outcome,
            CommentOutcome::invalid);

  const auto comments = comments_on(*db_, v("secretariat"), id);
  ASSERT_EQ(comments.size(), 2u);
  EXPECT_EQ(comments[0].author_name, "Name of reporting officer of a party");
  EXPECT_EQ(comments[0].state_iso3, "FRA");
  EXPECT_EQ(comments[0].section, 1);
  EXPECT_EQ(comments[1].state_iso3, "ITA");
  EXPECT_EQ(comments[1].reply_to, first.comment_id);
  EXPECT_EQ(comments[1].created_at, now);
}

TEST_P(Announcements, EditsAreKeptUntilTheDeadlineThenCommentsAreReadOnly) {
  const auto id = ids_.at(Audience::registered);
  const auto& author = v("representative of a signatory");
  const auto comment = add_comment(*db_, author, id, {"First wording", std::nullopt, std::nullopt}, now).comment_id;
  const auto later = "2026-12-01T09:00:00Z"_utc;
  EXPECT_EQ(edit_comment(*db_, author, id, comment, "Second wording", later).outcome, CommentOutcome::done);
  EXPECT_EQ(edit_comment(*db_, author, id, comment, "Third wording", later.plus(std::chrono::seconds(60))).outcome,
            CommentOutcome::done);
  EXPECT_EQ(edit_comment(*db_, v("chair"), id, comment, "Not mine", later).outcome, CommentOutcome::refused);
  EXPECT_EQ(edit_comment(*db_, v("observer"), id, comment, "Outside", later).outcome, CommentOutcome::not_found);

  EXPECT_EQ(edit_comment(*db_, author, ids_.at(Audience::parties), comment, "Moved", later).outcome,
            CommentOutcome::not_found)
      << "not a comment on that consultation";

  const auto edits = edits_of(*db_, v("chair"), id, comment);
  ASSERT_EQ(edits.size(), 2u);
  EXPECT_EQ(edits[0].previous_body, "First wording");
  EXPECT_EQ(edits[0].replaced_at, later);
  EXPECT_EQ(edits[1].previous_body, "Second wording");
  EXPECT_TRUE(edits_of(*db_, v("observer"), id, comment).empty()) << "outside the audience";
  EXPECT_TRUE(edits_of(*db_, v("chair"), ids_.at(Audience::parties), comment).empty()) << "another consultation";
  const auto stored = comments_on(*db_, author, id).at(0);
  EXPECT_EQ(stored.body, "Third wording");
  EXPECT_EQ(stored.edited_at, later.plus(std::chrono::seconds(60)));

  const auto deadline = "2026-12-15T17:00:00Z"_utc;
  EXPECT_EQ(edit_comment(*db_, author, id, comment, "Too late", deadline).outcome, CommentOutcome::read_only);
  EXPECT_EQ(add_comment(*db_, author, id, {"Too late", std::nullopt, std::nullopt}, deadline).outcome,
            CommentOutcome::read_only);
  EXPECT_EQ(comments_on(*db_, author, id).at(0).body, "Third wording");

  // Closing stops comments even before the deadline; only publishers close.
  EXPECT_FALSE(set_status(*db_, author, id, Status::closed));
  EXPECT_TRUE(set_status(*db_, v("secretariat"), id, Status::closed));
  EXPECT_EQ(add_comment(*db_, author, id, {"Closed", std::nullopt, std::nullopt}, now).outcome,
            CommentOutcome::read_only);
  EXPECT_EQ(find_announcement(*db_, author, id)->status, Status::closed);
}

INSTANTIATE_TEST_SUITE_P(BothDatabases, Announcements, ::testing::ValuesIn(testing::database_kinds()),
                         [](const auto& test_info) { return test_info.param; });

}  // namespace
}  // namespace att::exchange
