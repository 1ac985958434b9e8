// The announcements API for every kind of person against every audience, from
// data/announcements_access.csv: what each may read, list, comment on, edit and publish. An
// outsider's answer is the 404 of an announcement that does not exist, word for word.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "exchange_fixture.hpp"

namespace att::testing {
namespace {

class AnnouncementsApi : public ExchangeServer {};

std::string outcome_of(const HttpResult& result) {
  switch (result.status) {
    case 200: return "ok";
    case 201: return "created";
    case 401: return "unauthorized";
    case 403: return "forbidden";
    case 404: return "not_found";
    case 409: return "closed";
    default: return "status " + std::to_string(result.status) + " " + result.body.substr(0, 200);
  }
}

std::string body_for(const std::string& method, const std::string& path) {
  if (path.ends_with("/status")) return R"({"status": "closed"})";
  if (method == "PUT") return R"({"body": "Section 1 is too broad; see the annex."})";
  if (path.ends_with("/comments")) return R"({"body": "We support section 2.", "section": 2})";
  return R"({"title": "Meeting dates", "body": "The next meeting is in **May**.", "kind": "announcement",)"
         R"( "audience": "public"})";
}

TEST_F(AnnouncementsApi, EveryPersonAgainstEveryAudience) {
  const auto checked = for_each_cell("announcements_access.csv", [&](const Cell& cell) {
    if (cell.method == "LIST") {
      // Only the announcements of the audiences the person is in, counts included; the list
      // (the file's first row) is read before anything is added: only the planted comment.
      const auto result = cell.browser.get(cell.path);
      ASSERT_EQ(result.status, 200) << cell.kind;
      const auto listed = nlohmann::json::parse(result.body).at("announcements");
      EXPECT_EQ(std::to_string(listed.size()), cell.expected) << "listed to " << cell.kind;
      for (const auto& item : listed)
        EXPECT_EQ(item.at("comments"), item.at("id").get<std::int64_t>() == id_of("{parties}") ? 1 : 0) << cell.kind;
      return;
    }
    const auto result = cell.method == "GET"
                            ? cell.browser.get(cell.path)
                            : cell.browser.send_json(cell.method, cell.path, body_for(cell.method, cell.path));
    EXPECT_EQ(outcome_of(result), cell.expected) << cell.method << " " << cell.path << " as " << cell.kind;
  });
  EXPECT_GE(checked, 150);
}

TEST_F(AnnouncementsApi, AnOutsiderCannotTellAConsultationFromNothing) {
  auto observer = signed_in("observer");
  const auto hidden = observer.get(resolved("/api/v1/announcements/{parties}"));
  const auto missing = observer.get("/api/v1/announcements/999999");
  EXPECT_EQ(hidden.status, 404);
  EXPECT_EQ(hidden.body, missing.body);
  const auto hidden_comments = observer.get(resolved("/api/v1/announcements/{parties}/comments"));
  EXPECT_EQ(hidden_comments.body, observer.get("/api/v1/announcements/999999/comments").body);
  EXPECT_EQ(hidden_comments.body.find("Section 1"), std::string::npos);
  observer.get("/sign-in");
  const auto refused =
      observer.send_json("POST", resolved("/api/v1/announcements/{parties}/comments"), R"({"body": "x"})");
  EXPECT_EQ(refused.body, observer.send_json("POST", "/api/v1/announcements/999999/comments", R"({"body": "x"})").body);
}

TEST_F(AnnouncementsApi, ACommentIsSignedAndItsEditsAreKept) {
  auto representative = signed_in("representative");
  representative.get("/sign-in");  // a page holding the session's CSRF token
  const auto path = resolved("/api/v1/announcements/{parties}/comments");
  const auto reply = representative.send_json(
      "POST", path, R"({"body": "And section 2 too narrow.", "reply_to": )" + ids_.at("{comment}") + "}");
  ASSERT_EQ(reply.status, 201) << reply.body;
  ASSERT_EQ(representative.send_json("PUT", path + "/" + ids_.at("{comment}"), R"({"body": "Second wording"})").status,
            200);
  auto chair = signed_in("chair");
  const auto comments = nlohmann::json::parse(chair.get(path).body).at("comments");
  ASSERT_EQ(comments.size(), 2u);
  EXPECT_EQ(comments[0].at("body"), "Second wording");
  EXPECT_EQ(comments[0].at("state"), "FRA");
  EXPECT_EQ(comments[0].at("author"), "representative");
  EXPECT_EQ(comments[0].at("section"), 1);
  EXPECT_FALSE(comments[0].at("edited_at").is_null());
  EXPECT_EQ(comments[1].at("reply_to").get<std::int64_t>(), std::stoll(ids_.at("{comment}")));
  const auto edits = nlohmann::json::parse(chair.get(path + "/" + ids_.at("{comment}") + "/edits").body).at("edits");
  ASSERT_EQ(edits.size(), 1u);
  EXPECT_EQ(edits[0].at("body"), "Section 1 is too broad.");
  const auto bad = representative.send_json("POST", path, R"({"body": "x", "section": 9})");
  EXPECT_EQ(bad.status, 400);
}

TEST_F(AnnouncementsApi, PublishingChecksItsFieldsAndAnswersInTheCallersLanguage) {
  auto chair = signed_in("chair");
  chair.get("/sign-in");
  const auto created =
      chair.send_json("POST", "/api/v1/announcements",
                      R"({"title": "Draft terms", "body": "Text", "kind": "consultation", "audience": "registered",)"
                      R"( "deadline": "2099-05-01T12:00:00Z", "sections": ["One", "Two"]})");
  ASSERT_EQ(created.status, 201) << created.body;
  const auto id = nlohmann::json::parse(created.body).at("id").get<std::int64_t>();
  const auto shown = nlohmann::json::parse(chair.get("/api/v1/announcements/" + std::to_string(id)).body);
  EXPECT_EQ(shown.at("kind"), "consultation");
  EXPECT_EQ(shown.at("audience"), "registered");
  EXPECT_EQ(shown.at("deadline"), "2099-05-01T12:00:00Z");
  EXPECT_EQ(shown.at("sections"), nlohmann::json::array({"One", "Two"}));
  const auto planted = nlohmann::json::parse(chair.get(resolved("/api/v1/announcements/{public}")).body);
  EXPECT_EQ(planted.at("body_html"), "<p>Comment on <em>both</em> sections.</p>\n");
  const auto wrong = chair.send_json("POST", "/api/v1/announcements", R"({"title": "x", "audience": "everyone"})");
  EXPECT_EQ(wrong.status, 400);
  EXPECT_EQ(nlohmann::json::parse(wrong.body).at("error").at("details").value("field", ""), "audience") << wrong.body;
  const auto in_french = chair.send_json("POST", "/api/v1/announcements?lang=fr", R"({"title": " "})");
  EXPECT_EQ(in_french.status, 400);
  EXPECT_NE(in_french.body.find("Donnez un titre"), std::string::npos) << in_french.body;
}

}  // namespace
}  // namespace att::testing
