// Documents attached to announcements, deadlines changed after publishing, revisions of one
// question of the guidance and the links to it, on SQLite and PostgreSQL. An attached document is
// shown to a reader only when they may see both it and the announcement.
#include "exchange/announcement_documents.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "auth/accounts_store.hpp"
#include "exchange/announcements_store.hpp"
#include "exchange/documents_store.hpp"
#include "exchange/faq_store.hpp"
#include "exchange/guidance_links.hpp"
#include "test_support.hpp"

namespace att::exchange {
using namespace att::literals;
namespace {

using auth::Audience;
using auth::Role;

const Timestamp now = "2026-11-27T10:00:00Z"_utc;

class AnnouncementDocuments : public testing::OnBothDatabasesWithRegister {
 protected:
  void SetUp() override {
    OnBothDatabasesWithRegister::SetUp();
    if (IsSkipped() || HasFailure()) return;
    // Account 1, whom viewer() speaks for, so that what it publishes has an author.
    auth::create_account(*db_, {"x@example.org", "X", "", std::nullopt, "", {Role::secretariat}, "en"}, now);
    viewers_ = exchange_viewers();
    for (const auto audience : auth::all_audiences) {
      const std::string name(auth::to_string(audience));
      documents_[name] =
          add_document(*db_, v("secretariat"), {"ATT/TEST/" + name, "Document for " + name, "", audience}, now).value();
    }
  }

  const auth::Viewer& v(const std::string& who) const { return viewers_.at(who); }

  std::int64_t publish_one(Audience audience, std::optional<Timestamp> deadline = std::nullopt,
                           std::vector<std::int64_t> documents = {}) {
    NewAnnouncement draft;
    draft.kind = Kind::consultation;
    draft.title = "Consultation";
    draft.body = "Body";
    draft.audience = audience;
    draft.deadline = deadline;
    draft.documents = std::move(documents);
    return publish(*db_, v("chair"), draft, now).value();
  }

  std::string titles(const std::vector<Document>& documents) const {
    std::string text;
    for (const auto& document : documents) text += (text.empty() ? "" : "|") + document.title;
    return text;
  }

  std::map<std::string, auth::Viewer> viewers_;
  std::map<std::string, std::int64_t> documents_;
};

TEST_P(AnnouncementDocuments, EachReaderSeesOnlyTheAttachedDocumentsTheyMaySee) {
  const auto announcement = publish_one(Audience::everyone);
  for (const auto* name : {"parties", "public", "registered"})
    ASSERT_EQ(attach_document(*db_, v("chair"), announcement, documents_.at(name), now), AttachOutcome::done);
  // Attaching again changes nothing.
  EXPECT_EQ(attach_document(*db_, v("secretariat"), announcement, documents_.at("public"), now), AttachOutcome::done);
  const std::map<std::string, std::string> expected = {
      {"anonymous", "Document for public"},
      {"observer", "Document for public"},
      {"administrator", "Document for public"},
      {"representative of a signatory", "Document for public|Document for registered"},
      {"representative of a party", "Document for parties|Document for public|Document for registered"},
      {"chair", "Document for parties|Document for public|Document for registered"},
      {"secretariat", "Document for parties|Document for public|Document for registered"}};
  for (const auto& [who, titles_seen] : expected)
    EXPECT_EQ(titles(documents_of(*db_, v(who), announcement)), titles_seen) << who;
  // An announcement outside the audience shows none of its documents, public ones included.
  const auto restricted = publish_one(Audience::parties);
  ASSERT_EQ(attach_document(*db_, v("chair"), restricted, documents_.at("public"), now), AttachOutcome::done);
  EXPECT_TRUE(documents_of(*db_, v("representative of a signatory"), restricted).empty());
  EXPECT_EQ(titles(documents_of(*db_, v("representative of a party"), restricted)), "Document for public");
}

TEST_P(AnnouncementDocuments, OnlyPublishersAttachAndRemove) {
  const auto announcement = publish_one(Audience::registered);
  const auto document = documents_.at("public");
  EXPECT_EQ(attach_document(*db_, v("representative of a party"), announcement, document, now), AttachOutcome::refused);
  EXPECT_EQ(attach_document(*db_, v("observer"), announcement, document, now), AttachOutcome::not_found);
  EXPECT_EQ(attach_document(*db_, v("chair"), 999999, document, now), AttachOutcome::not_found);
  EXPECT_EQ(attach_document(*db_, v("chair"), announcement, 999999, now), AttachOutcome::unknown_document);
  ASSERT_EQ(attach_document(*db_, v("chair"), announcement, document, now), AttachOutcome::done);
  EXPECT_FALSE(detach_document(*db_, v("representative of a party"), announcement, document));
  EXPECT_EQ(documents_of(*db_, v("representative of a party"), announcement).size(), 1u);
  EXPECT_TRUE(detach_document(*db_, v("secretariat"), announcement, document));
  EXPECT_FALSE(detach_document(*db_, v("secretariat"), announcement, document)) << "no longer attached";
  EXPECT_TRUE(documents_of(*db_, v("chair"), announcement).empty());
}

TEST_P(AnnouncementDocuments, PublishersNameDocumentsBySymbolOrNumber) {
  const auto parties = documents_.at("parties");
  EXPECT_EQ(document_by_reference(*db_, v("chair"), " ATT/TEST/parties "), parties);
  EXPECT_EQ(document_by_reference(*db_, v("chair"), std::to_string(parties)), parties);
  EXPECT_FALSE(document_by_reference(*db_, v("representative of a signatory"), "ATT/TEST/parties"));
  EXPECT_FALSE(document_by_reference(*db_, v("chair"), "ATT/TEST/none"));
  EXPECT_FALSE(document_by_reference(*db_, v("chair"), ""));
  // Published with its documents, in the order given.
  const auto announcement =
      publish_one(Audience::parties, std::nullopt, {documents_.at("registered"), documents_.at("public")});
  EXPECT_EQ(titles(documents_of(*db_, v("secretariat"), announcement)), "Document for registered|Document for public");
  // A document the publisher may not name publishes nothing.
  NewAnnouncement draft;
  draft.title = "Nothing";
  draft.documents = {999999};
  const auto before = announcements_for(*db_, v("chair")).size();
  EXPECT_FALSE(publish(*db_, v("chair"), draft, now));
  EXPECT_EQ(announcements_for(*db_, v("chair")).size(), before);
}

TEST_P(AnnouncementDocuments, ALaterDeadlineReopensCommentsAndAnEarlierOneClosesThem) {
  const auto past = "2026-11-20T12:00:00Z"_utc;
  const auto consultation = publish_one(Audience::parties, past);
  const auto& representative = v("representative of a party");
  const auto comment = add_comment(*db_, representative, consultation, {"Before the deadline", {}, {}},
                                   past.plus(-std::chrono::hours(1)));
  ASSERT_EQ(comment.outcome, CommentOutcome::done);
  EXPECT_EQ(add_comment(*db_, representative, consultation, {"Too late", {}, {}}, now).outcome,
            CommentOutcome::read_only);
  EXPECT_FALSE(set_deadline(*db_, representative, consultation, "2026-12-31T00:00:00Z"_utc));
  EXPECT_FALSE(set_deadline(*db_, v("chair"), 999999, "2026-12-31T00:00:00Z"_utc));
  const auto extended = set_deadline(*db_, v("chair"), consultation, "2026-12-31T00:00:00Z"_utc);
  ASSERT_TRUE(extended);
  EXPECT_EQ(extended->before, past);
  EXPECT_EQ(extended->after, "2026-12-31T00:00:00Z"_utc);
  EXPECT_EQ(find_announcement(*db_, representative, consultation)->deadline, "2026-12-31T00:00:00Z"_utc);
  EXPECT_EQ(add_comment(*db_, representative, consultation, {"Now taken", {}, {}}, now).outcome, CommentOutcome::done);
  EXPECT_EQ(edit_comment(*db_, representative, consultation, comment.comment_id, "Edited again", now).outcome,
            CommentOutcome::done);
  const auto shortened = set_deadline(*db_, v("secretariat"), consultation, now.plus(-std::chrono::minutes(1)));
  ASSERT_TRUE(shortened);
  EXPECT_EQ(shortened->before, "2026-12-31T00:00:00Z"_utc);
  EXPECT_EQ(edit_comment(*db_, representative, consultation, comment.comment_id, "Once more", now).outcome,
            CommentOutcome::read_only);
  // No deadline at all: open until the consultation is closed.
  ASSERT_TRUE(set_deadline(*db_, v("chair"), consultation, std::nullopt));
  EXPECT_FALSE(find_announcement(*db_, representative, consultation)->deadline);
  EXPECT_EQ(add_comment(*db_, representative, consultation, {"No deadline", {}, {}}, now).outcome,
            CommentOutcome::done);
}

TEST_P(AnnouncementDocuments, AQuestionIsRevisedAloneAndItsEarlierWordingsStay) {
  ASSERT_TRUE(add_faq_revision(*db_, v("secretariat"), "CSP9",
                               {{1, "en", "Who reports?", "Each State Party."},
                                {1, "fr", "Qui fait rapport ?", "Chaque État Partie."},
                                {2, "en", "When?", "By 31 May."}},
                               "2026-01-01T00:00:00Z"_utc));
  const std::vector<FaqAnswer> second = {{2, "en", "When is it due?", "By 31 May of the following year."},
                                         {2, "es", "¿Cuándo?", "A más tardar el 31 de mayo."}};
  EXPECT_FALSE(revise_faq_question(*db_, v("observer"), "CSP10", 2, second, now));
  EXPECT_FALSE(revise_faq_question(*db_, v("chair"), "CSP10", 2, {second[1]}, now)) << "English is required";
  EXPECT_FALSE(revise_faq_question(*db_, v("chair"), "CSP10", 3, second, now)) << "wordings of another number";
  ASSERT_TRUE(revise_faq_question(*db_, v("secretariat"), "CSP10", 2, second, "2026-06-01T00:00:00Z"_utc));
  const auto spanish = current_faq(*db_, "es");
  ASSERT_TRUE(spanish);
  EXPECT_EQ(spanish->meeting, "CSP10");
  ASSERT_EQ(spanish->answers.size(), 2u);
  EXPECT_EQ(spanish->answers[0].question, "Who reports?") << "question 1 carried over, still untranslated";
  EXPECT_EQ(spanish->answers[1].question, "¿Cuándo?");
  EXPECT_EQ(current_faq(*db_, "fr")->answers[0].question, "Qui fait rapport ?");
  const auto history = faq_question_history(*db_, 2);
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].meeting, "CSP10");
  ASSERT_EQ(history[0].answers.size(), 2u);
  EXPECT_EQ(history[0].answers[1].language, "es");
  EXPECT_EQ(history[1].meeting, "CSP9");
  EXPECT_EQ(history[1].answers.at(0).answer, "By 31 May.");
  // Question 1 was carried over unchanged: one wording only.
  EXPECT_EQ(faq_question_history(*db_, 1).size(), 1u);
  EXPECT_TRUE(faq_question_history(*db_, 9).empty());
  ASSERT_TRUE(
      revise_faq_question(*db_, v("chair"), "CSP11", 3, {{3, "en", "New?", "Yes."}}, "2026-09-01T00:00:00Z"_utc));
  EXPECT_EQ(current_faq_numbers(*db_), (std::set<std::int64_t>{1, 2, 3}));
}

TEST_P(AnnouncementDocuments, AGuidanceLinkLeadsOnlyToAQuestionThatExists) {
  const auto dir = std::filesystem::temp_directory_path() / ("att-guidance-" + GetParam());
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "guidance_links.csv") << "topic,question\nreporting_obligations,2\nfinding:report_empty,7\n";
  EXPECT_FALSE(guidance_question(*db_, dir, "reporting_obligations")) << "no guidance published yet";
  ASSERT_TRUE(add_faq_revision(*db_, v("secretariat"), "CSP9", {{2, "en", "When?", "By 31 May."}}, now));
  EXPECT_EQ(guidance_question(*db_, dir, "reporting_obligations"), 2);
  EXPECT_FALSE(guidance_question(*db_, dir, "finding:report_empty")) << "question 7 is not in the guidance";
  EXPECT_FALSE(guidance_question(*db_, dir, "finding:unknown"));
  EXPECT_FALSE(guidance_question(*db_, dir / "missing", "reporting_obligations")) << "no file, no links";
  std::filesystem::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(BothDatabases, AnnouncementDocuments, ::testing::ValuesIn(testing::database_kinds()),
                         [](const auto& test_info) { return test_info.param; });

TEST(GuidanceLinksFile, IsReadAndItsMistakesNamed) {
  const auto links = parse_guidance_links("topic,question\nfinding:report_empty,3\n");
  ASSERT_TRUE(links);
  EXPECT_EQ(links->question_for("finding:report_empty", {3}), 3);
  EXPECT_FALSE(links->question_for("finding:report_empty", {1, 2}));
  EXPECT_NE(parse_guidance_links("topic,question\na,1\na,2\n").error().find("line 3"), std::string::npos);
  EXPECT_NE(parse_guidance_links("topic,question\na,zero\n").error().find("line 2"), std::string::npos);
  EXPECT_FALSE(parse_guidance_links("topic,number\na,1\n"));
  // The platform's own file reads without a mistake.
  std::ifstream file(std::string(ATT_DATA_DIR) + "/guidance_links.csv");
  std::stringstream text;
  text << file.rdbuf();
  const auto shipped = parse_guidance_links(text.str());
  ASSERT_TRUE(shipped) << shipped.error();
  EXPECT_EQ(shipped->question_for("reporting_obligations", {1}), 1);
}

}  // namespace
}  // namespace att::exchange
