// Notifications on SQLite and PostgreSQL: each account's choice of mail, what is new for each
// viewer (the audience rule inside the query: lists and counts alike), the immediate mails and
// daily digests (each sent once, only inside the audience), and the reminders before a
// consultation's deadline (once per State, only to States inside the audience that have not
// commented).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "auth/accounts_store.hpp"
#include "exchange/announcements_store.hpp"
#include "exchange/documents_store.hpp"
#include "exchange/notifications/mailing.hpp"
#include "exchange/notifications/news.hpp"
#include "exchange/notifications/settings_store.hpp"
#include "test_support.hpp"

namespace att::notifications {
using namespace att::literals;
namespace {

using auth::Audience;
using auth::Role;

const Timestamp created = "2026-11-01T08:00:00Z"_utc;
const Timestamp published = "2026-11-20T10:00:00Z"_utc;

// "italy officer" -> "italy.officer@example.org"
std::string address_of(std::string who) {
  std::replace(who.begin(), who.end(), ' ', '.');
  return who + "@example.org";
}

class Notifications : public testing::OnBothDatabasesWithRegister {
 protected:
  void SetUp() override {
    OnBothDatabasesWithRegister::SetUp();
    if (IsSkipped() || HasFailure()) return;
    const auto as = [&](const std::string& key, std::set<Role> roles, std::optional<std::string> state,
                        std::string language = "en") {
      const auto email = address_of(key);
      const auto id =
          auth::create_account(*db_, {email, "Name of " + key, "", state, "", roles, std::move(language)}, created);
      // Second factor set up, so that the roles that need one are in effect for the mail too.
      auth::set_totp_secret(*db_, id, "JBSWY3DPEHPK3PXP", true, created);
      viewers_[key] = auth::viewer_for({id, email, "Name of " + key, std::move(roles), std::move(state), true, true},
                                       register_, Date::from_ymd(2026, 11, 27), true);
    };
    as("chair", {Role::chair}, std::nullopt);
    as("secretariat", {Role::secretariat}, std::nullopt);
    as("observer", {Role::observer}, std::nullopt);
    as("italy", {Role::state_representative}, "ITA", "fr");
    as("italy officer", {Role::state_representative, Role::reporting_officer}, "ITA");
    as("france", {Role::state_representative}, "FRA");
    as("united states", {Role::state_representative}, "USA");
  }

  const auth::Viewer& v(const std::string& who) const { return viewers_.at(who); }
  std::int64_t id_of(const std::string& who) const { return *v(who).user_id; }

  std::int64_t consultation(Audience audience, std::string title, Timestamp at,
                            std::optional<Timestamp> deadline = std::nullopt) {
    exchange::NewAnnouncement draft;
    draft.kind = exchange::Kind::consultation;
    draft.title = std::move(title);
    draft.body = "Comment, please.";
    draft.audience = audience;
    draft.deadline = deadline;
    return exchange::publish(*db_, v("chair"), draft, at).value();
  }

  void document(Audience audience, const std::string& symbol, Timestamp at) {
    const auto id = exchange::add_document(*db_, v("chair"), {symbol, "Document " + symbol, "", audience}, at).value();
    ASSERT_TRUE(exchange::add_document_version(*db_, v("chair"), id, "First",
                                               {{"en", "d.pdf", "application/pdf", "%PDF-1.4 x"}}, at));
  }

  // One consultation and one document per audience, and a comment by the Secretariat on each
  // consultation: "{audience}-consultation", "{audience}-document", "{audience}-comment".
  void publish_one_of_each() {
    for (const auto audience : auth::all_audiences) {
      const std::string name(auth::to_string(audience));
      ids_[name] = consultation(audience, "Consultation " + name, published);
      document(audience, "ATT/" + name, published.plus(std::chrono::minutes{1}));
      ASSERT_EQ(exchange::add_comment(*db_, v("secretariat"), ids_[name], {"Noted " + name, std::nullopt, std::nullopt},
                                      published.plus(std::chrono::minutes{2}))
                    .outcome,
                exchange::CommentOutcome::done);
    }
  }

  // "public-consultation public-document ..." as the viewer's news lists them, sorted.
  std::set<std::string> news_of(const std::string& who, Timestamp after, Timestamp through) {
    std::set<std::string> names;
    for (const auto& item : news_for(*db_, v(who), {after, through, true}, 100)) {
      const auto kind = std::string(to_string(item.kind));
      const auto title = item.title.substr(item.title.rfind(item.kind == NewsKind::document ? '/' : ' ') + 1);
      names.insert(title + "-" + kind);
    }
    return names;
  }

  std::vector<std::string> subjects_to(const std::string& who) {
    std::vector<std::string> subjects;
    for (const auto& row :
         db_->query("SELECT subject FROM mail_outbox WHERE to_address = $1 ORDER BY id", {address_of(who)}))
      subjects.push_back(row.text(0));
    return subjects;
  }

  std::string bodies_to(const std::string& who) {
    std::string bodies;
    for (const auto& row :
         db_->query("SELECT body_text FROM mail_outbox WHERE to_address = $1 ORDER BY id", {address_of(who)}))
      bodies += row.text(0) + "\n---\n";
    return bodies;
  }

  std::int64_t mail_count() { return db_->query("SELECT COUNT(*) FROM mail_outbox").front().integer(0); }

  MailingSettings settings_;
  const text::Catalog catalog_ = text::Catalog::load(std::string(ATT_WEB_DIR) + "/i18n");
  std::map<std::string, auth::Viewer> viewers_;
  std::map<std::string, std::int64_t> ids_;
};

TEST_P(Notifications, AnAccountThatNeverChoseGetsTheDailyDigestAndAChangeStartsFromNow) {
  const Timestamp now = "2026-11-27T10:00:00Z"_utc;
  const auto defaults = settings_of(*db_, id_of("italy"), now);
  ASSERT_TRUE(defaults);
  EXPECT_EQ(defaults->delivery, Delivery::digest);
  EXPECT_EQ(defaults->mailed_through, "2026-11-26T10:00:00Z"_utc) << "a first digest reaches back one day";
  EXPECT_EQ(defaults->seen_through, created) << "what is new starts when the account was made";
  EXPECT_FALSE(settings_of(*db_, 999999, now));

  choose_delivery(*db_, id_of("italy"), Delivery::immediate, now);
  EXPECT_EQ(settings_of(*db_, id_of("italy"), now)->delivery, Delivery::immediate);
  EXPECT_EQ(settings_of(*db_, id_of("italy"), now)->mailed_through, now);
  // The same choice again moves nothing; another choice starts again from its own moment.
  choose_delivery(*db_, id_of("italy"), Delivery::immediate, now.plus(std::chrono::hours{1}));
  EXPECT_EQ(settings_of(*db_, id_of("italy"), now)->mailed_through, now);
  choose_delivery(*db_, id_of("italy"), Delivery::none, now.plus(std::chrono::hours{2}));
  EXPECT_EQ(settings_of(*db_, id_of("italy"), now)->delivery, Delivery::none);
  EXPECT_EQ(settings_of(*db_, id_of("italy"), now)->mailed_through, now.plus(std::chrono::hours{2}));
  // Another account's settings are its own.
  EXPECT_EQ(settings_of(*db_, id_of("france"), now)->delivery, Delivery::digest);
}

TEST_P(Notifications, WhatIsNewHoldsOnlyWhatTheViewerMaySeeInTheListAndInTheCount) {
  publish_one_of_each();
  const auto after = published.plus(std::chrono::hours{-1});
  const auto through = published.plus(std::chrono::hours{1});
  const std::set<std::string> everything{"public-consultation",     "public-document",     "public-comment",
                                         "registered-consultation", "registered-document", "registered-comment",
                                         "parties-consultation",    "parties-document",    "parties-comment"};
  const std::set<std::string> publics{"public-consultation", "public-document", "public-comment"};
  std::map<std::string, std::set<std::string>> expected{
      {"observer", publics},
      {"italy", everything},
      {"france", everything},
      {"united states",
       {"public-consultation", "public-document", "public-comment", "registered-consultation", "registered-document",
        "registered-comment"}},
      // One's own publications and comments are not news to oneself.
      {"chair", {"public-comment", "registered-comment", "parties-comment"}},
      {"secretariat",
       {"public-consultation", "public-document", "registered-consultation", "registered-document",
        "parties-consultation", "parties-document"}},
  };
  for (const auto& [who, names] : expected) {
    EXPECT_EQ(news_of(who, after, through), names) << who;
    EXPECT_EQ(count_news(*db_, v(who), {after, through, true}), static_cast<std::int64_t>(names.size())) << who;
  }
  EXPECT_EQ(count_news(*db_, auth::Viewer::anonymous(), {after, through, true}), 3) << "the public ones";
  // The window's ends: after excluded, through included; publications only when asked.
  EXPECT_EQ(count_news(*db_, v("italy"), {published, through, true}), 6);
  EXPECT_EQ(count_news(*db_, v("italy"), {after, published, true}), 3) << "the consultations";
  EXPECT_EQ(count_news(*db_, v("italy"), {after, through, false}), 6);
  const auto newest = news_for(*db_, v("italy"), {after, through, true}, 2);
  ASSERT_EQ(newest.size(), 2u);
  EXPECT_EQ(newest.front().kind, NewsKind::comment);
  EXPECT_EQ(path_of(newest.front()), "/announcements/" + std::to_string(newest.front().subject_id) + "#comment-" +
                                         std::to_string(newest.front().comment_id));
}

TEST_P(Notifications, MarkingAllSeenEmptiesTheListUntilSomethingNewAndNeverGoesBack) {
  publish_one_of_each();
  const Timestamp now = "2026-11-27T10:00:00Z"_utc;
  EXPECT_EQ(count_unseen(*db_, v("united states"), now), 6);
  EXPECT_EQ(count_unseen(*db_, auth::Viewer::anonymous(), now), 0);
  mark_seen(*db_, id_of("united states"), now, now);
  EXPECT_EQ(count_unseen(*db_, v("united states"), now.plus(std::chrono::hours{1})), 0);
  // Marked as seen up to the instant the page was drawn; a mark older than the one kept is ignored.
  mark_seen(*db_, id_of("united states"), published, now);
  EXPECT_EQ(settings_of(*db_, id_of("united states"), now)->seen_through, now);
  consultation(Audience::parties, "Consultation later-parties", now.plus(std::chrono::minutes{5}));
  consultation(Audience::registered, "Consultation later-registered", now.plus(std::chrono::minutes{5}));
  EXPECT_EQ(count_unseen(*db_, v("united states"), now.plus(std::chrono::hours{1})), 1);
  EXPECT_EQ(count_unseen(*db_, v("italy"), now.plus(std::chrono::hours{1})), 11) << "Italy never marked anything";
}

TEST_P(Notifications, ImmediateMailGoesToEachInsideTheAudienceInTheirLanguageAndOnlyOnce) {
  const Timestamp chosen = "2026-11-19T00:00:00Z"_utc;
  for (const auto* who : {"italy", "united states", "observer", "france"})
    choose_delivery(*db_, id_of(who), Delivery::immediate, chosen);
  choose_delivery(*db_, id_of("france"), Delivery::none, chosen);
  publish_one_of_each();
  const auto report = send_news(*db_, catalog_, register_, settings_, published.plus(std::chrono::minutes{10}));
  // Italy: three consultations and three documents; the United States four; the observer two.
  EXPECT_EQ(report.immediate, 12u);
  EXPECT_EQ(subjects_to("italy").size(), 6u);
  EXPECT_EQ(subjects_to("united states").size(), 4u);
  EXPECT_EQ(subjects_to("observer").size(), 2u);
  EXPECT_TRUE(subjects_to("france").empty()) << "France chose no mail";
  EXPECT_EQ(bodies_to("united states").find("parties"), std::string::npos);
  EXPECT_EQ(bodies_to("observer").find("registered"), std::string::npos);
  EXPECT_EQ(bodies_to("observer").find("parties"), std::string::npos);
  // Comments are not mailed one by one.
  EXPECT_EQ(bodies_to("united states").find("Comment by"), std::string::npos);
  EXPECT_NE(subjects_to("italy").front().find("Consultation : Consultation public"), std::string::npos)
      << "in French, oldest first: " << subjects_to("italy").front();
  EXPECT_NE(bodies_to("italy").find("http://localhost:8080/announcements/" + std::to_string(ids_["parties"])),
            std::string::npos);
  // Running again, or later with nothing new, sends nothing more.
  const auto before = mail_count();
  EXPECT_EQ(send_news(*db_, catalog_, register_, settings_, published.plus(std::chrono::minutes{10})).immediate, 0u);
  EXPECT_EQ(send_news(*db_, catalog_, register_, settings_, published.plus(std::chrono::hours{3})).immediate, 0u);
  EXPECT_EQ(mail_count(), before);
}

TEST_P(Notifications, APublicationStillSettlingIsMailedByTheNextRunNotLost) {
  choose_delivery(*db_, id_of("italy"), Delivery::immediate, "2026-11-19T00:00:00Z"_utc);
  consultation(Audience::parties, "Consultation just-now", published);
  // Within the settling time: not yet; a minute later: once.
  EXPECT_EQ(send_news(*db_, catalog_, register_, settings_, published.plus(std::chrono::seconds{10})).immediate, 0u);
  EXPECT_EQ(send_news(*db_, catalog_, register_, settings_, published.plus(std::chrono::minutes{1})).immediate, 1u);
  EXPECT_EQ(send_news(*db_, catalog_, register_, settings_, published.plus(std::chrono::minutes{2})).immediate, 0u);
}

TEST_P(Notifications, TheDigestGoesOnceADayOnlyWhenSomethingIsNewAndOnlyInsideTheAudience) {
  publish_one_of_each();
  const Timestamp morning = "2026-11-20T12:00:00Z"_utc;
  auto report = send_news(*db_, catalog_, register_, settings_, morning);
  // Every account has the default digest and something new, the Secretariat's own comments aside.
  EXPECT_EQ(report.digests, 7u);
  EXPECT_EQ(report.immediate, 0u);
  ASSERT_EQ(subjects_to("united states").size(), 1u);
  EXPECT_NE(subjects_to("united states").front().find("(6)"), std::string::npos)
      << subjects_to("united states").front();
  const auto us = bodies_to("united states");
  EXPECT_NE(us.find("Consultation registered"), std::string::npos);
  EXPECT_NE(us.find("Comment by Name of secretariat on “Consultation registered”"), std::string::npos) << us;
  EXPECT_EQ(us.find("parties"), std::string::npos) << "not a title, not a count";
  const auto observer = bodies_to("observer");
  EXPECT_EQ(observer.find("registered"), std::string::npos);
  EXPECT_EQ(observer.find("parties"), std::string::npos);
  EXPECT_NE(bodies_to("italy").find("Commentaire de Name of secretariat sur « Consultation parties »"),
            std::string::npos)
      << bodies_to("italy");
  // The same day again, even with something new: nothing. The next day: only what came since.
  const auto before = mail_count();
  consultation(Audience::registered, "Consultation afternoon", "2026-11-20T15:00:00Z"_utc);
  EXPECT_EQ(send_news(*db_, catalog_, register_, settings_, "2026-11-20T18:00:00Z"_utc).digests, 0u);
  EXPECT_EQ(mail_count(), before);
  report = send_news(*db_, catalog_, register_, settings_, "2026-11-21T06:00:00Z"_utc);
  EXPECT_EQ(report.digests, 5u) << "the observer has nothing new, the chair published it";
  EXPECT_EQ(subjects_to("observer").size(), 1u);
  EXPECT_EQ(subjects_to("chair").size(), 1u);
  ASSERT_EQ(subjects_to("united states").size(), 2u);
  EXPECT_NE(subjects_to("united states").back().find("(1)"), std::string::npos);
  // A day with nothing new sends nothing at all.
  EXPECT_EQ(send_news(*db_, catalog_, register_, settings_, "2026-11-22T06:00:00Z"_utc).digests, 0u);
  EXPECT_EQ(mail_count(), before + 5);
}

TEST_P(Notifications, RemindersGoOnceToTheStatesInsideTheAudienceThatHaveNotCommented) {
  const Timestamp now = "2026-11-27T10:00:00Z"_utc;
  const auto parties =
      consultation(Audience::parties, "Consultation closing-parties", published, now.plus(std::chrono::days{2}));
  const auto registered =
      consultation(Audience::registered, "Consultation closing-registered", published, now.plus(std::chrono::days{2}));
  consultation(Audience::parties, "Consultation far-off", published, now.plus(std::chrono::days{10}));
  consultation(Audience::parties, "Consultation past", published, now.plus(std::chrono::hours{-1}));
  const auto closed = consultation(Audience::parties, "Consultation closed", published, now.plus(std::chrono::days{1}));
  ASSERT_TRUE(exchange::set_status(*db_, v("chair"), closed, exchange::Status::closed));
  ASSERT_EQ(
      exchange::add_comment(*db_, v("france"), parties, {"We agree.", std::nullopt, std::nullopt}, published).outcome,
      exchange::CommentOutcome::done);

  const auto report = send_reminders(*db_, catalog_, register_, settings_, now);
  // Parties: Italy's two representatives (France commented, the United States is outside).
  // Registered: Italy's two, France's, the United States'.
  EXPECT_EQ(report.reminders, 6u);
  const auto to_state = [&](std::int64_t id) {
    std::set<std::string> states;
    for (const auto& row : db_->query("SELECT state_iso3 FROM consultation_reminders WHERE announcement_id = $1", {id}))
      states.insert(row.text(0));
    return states;
  };
  EXPECT_EQ(to_state(parties), (std::set<std::string>{"ITA"}));
  EXPECT_EQ(to_state(registered), (std::set<std::string>{"FRA", "ITA", "USA"}));
  EXPECT_EQ(db_->query("SELECT COUNT(*) FROM consultation_reminders").front().integer(0), 4);
  EXPECT_EQ(bodies_to("united states").find("closing-parties"), std::string::npos);
  EXPECT_NE(bodies_to("united states").find("closing-registered"), std::string::npos);
  EXPECT_EQ(bodies_to("france").find("closing-parties"), std::string::npos) << "France commented";
  EXPECT_TRUE(subjects_to("observer").empty());
  EXPECT_TRUE(subjects_to("chair").empty());
  EXPECT_EQ(subjects_to("italy").size(), 2u);
  EXPECT_NE(bodies_to("italy").find("et Italie n’a pas encore commenté"), std::string::npos) << bodies_to("italy");
  EXPECT_NE(bodies_to("italy officer").find("and Italy has not commented yet"), std::string::npos);
  // Once per consultation and State: a second run, or a later one, sends nothing.
  EXPECT_EQ(send_reminders(*db_, catalog_, register_, settings_, now).reminders, 0u);
  EXPECT_EQ(send_reminders(*db_, catalog_, register_, settings_, now.plus(std::chrono::days{1})).reminders, 0u);
  // With more days, the far-off one comes into reach, for the parties inside its audience only.
  settings_.reminder_days = 14;
  EXPECT_EQ(send_reminders(*db_, catalog_, register_, settings_, now).reminders, 3u) << "France, Italy twice";
  EXPECT_EQ(bodies_to("united states").find("far-off"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(BothDatabases, Notifications, ::testing::ValuesIn(testing::database_kinds()),
                         [](const auto& test_info) { return test_info.param; });

}  // namespace
}  // namespace att::notifications
