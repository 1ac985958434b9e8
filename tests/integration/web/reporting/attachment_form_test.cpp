// Original documents from the reporting pages, posted as a browser without script posts a form
// with a file (multipart/form-data): attached to the report's current version from the editor,
// or to the new version when the Secretariat submits an e-mailed report; refused, with the
// reason on the page, when the file is not acceptable or there is no version yet; and nobody
// but the State's officers and the Secretariat attaches anything.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "multipart_post.hpp"
#include "reporting/reports_store.hpp"
#include "server_with_accounts.hpp"
#include "web/kit/visit.hpp"

namespace att::reporting {
using namespace att::literals;
namespace {

const std::string pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";

using testing::FilePart;
using testing::post_multipart;

class AttachmentForm : public testing::ServerWithAccounts {
 protected:
  void prepare(store::Database& db) override {
    store::Transaction transaction(db);
    reports::AnnualReport report;
    report.reporting_state = "FRA";
    report.year = 2022;
    report.template_id = "annual-2021";
    report.nil_exports = report.nil_imports = true;
    submit(db, {report, Channel::online, Date::parse("2023-05-20").value(), false, {}}, "2023-05-20T10:00:00Z"_utc);
    report.year = 2023;
    save_draft(db, report, std::nullopt, "2024-03-01T10:00:00Z"_utc);
    transaction.commit();
  }

  static nlohmann::json attachments(testing::Browser& browser, int year) {
    const auto answer = browser.get("/api/v1/reports/FRA/" + std::to_string(year) + "/attachments");
    const auto json = nlohmann::json::parse(answer.body, nullptr, false);
    return json.contains("attachments") ? json["attachments"] : json;
  }
};

TEST_F(AttachmentForm, AnOfficerAttachesAFileFromTheEditor) {
  auto officer = signed_in("reporting_officer");
  const auto editor = officer.get("/reporting/FRA/2022");
  ASSERT_NE(editor.body.find("enctype=\"multipart/form-data\" id=\"attachment-form\""), std::string::npos);
  EXPECT_NE(editor.body.find("id=\"attachment-list-empty\""), std::string::npos);
  const auto added = post_multipart(server_->port(), officer, "/reporting/FRA/2022/attachments", {{"note", "Signed cover letter"}},
                                            {{"file", "C:\\Users\\me\\lettre.pdf", pdf}});
  EXPECT_EQ(added.status, 303) << added.body.substr(0, 300);
  EXPECT_EQ(added.header("location").rfind("/reporting/FRA/2022?attached=", 0), 0u) << added.header("location");
  const auto list = attachments(officer, 2022);
  ASSERT_EQ(list.size(), 1u) << list.dump();
  EXPECT_EQ(list[0]["file_name"], "lettre.pdf");
  EXPECT_EQ(list[0]["note"], "Signed cover letter");
  const auto page = officer.get(added.header("location"));
  EXPECT_NE(page.body.find("The file was attached."), std::string::npos);
  EXPECT_NE(page.body.find(">lettre.pdf</a>"), std::string::npos);
  EXPECT_EQ(audited_actions().count("attachment_added"), 1u);

  // Not a file the platform accepts: nothing attached, the reason next to the form.
  const auto refused = post_multipart(server_->port(), officer, "/reporting/FRA/2022/attachments", {}, {{"file", "tool.exe", "MZ\x90"}});
  EXPECT_EQ(refused.header("location"), "/reporting/FRA/2022?attachment_error=unsupported_type#attachments");
  EXPECT_NE(officer.get(refused.header("location")).body.find("This kind of file is not accepted"), std::string::npos);
  const auto mismatch = post_multipart(server_->port(), officer, "/reporting/FRA/2022/attachments", {}, {{"file", "report.pdf", "plain text"}});
  EXPECT_EQ(mismatch.header("location"), "/reporting/FRA/2022?attachment_error=extension_mismatch#attachments");
  EXPECT_EQ(post_multipart(server_->port(), officer, "/reporting/FRA/2022/attachments", {}, {{"file", "", ""}}).header("location"),
            "/reporting/FRA/2022?attachment_error=empty#attachments") << "no file chosen";
  EXPECT_EQ(attachments(officer, 2022).size(), 1u);

  // A draft without any version: files wait for the submission, and the page says so.
  const auto early = post_multipart(server_->port(), officer, "/reporting/FRA/2023/attachments", {}, {{"file", "report.pdf", pdf}});
  EXPECT_EQ(early.header("location"), "/reporting/FRA/2023?attachment_error=no_version#attachments");
  EXPECT_NE(officer.get(early.header("location")).body.find("submit the report first"), std::string::npos);
  // The query names a message of the catalogue; it never brings its own text.
  EXPECT_EQ(officer.get("/reporting/FRA/2022?attachment_error=%3Cscript%3E").body.find("&lt;script"), std::string::npos);
}

TEST_F(AttachmentForm, NobodyElseAttachesAnything) {
  for (const std::string kind : {"reporting_officer_of_germany", "representative", "observer", "chair"}) {
    auto browser = signed_in(kind);
    browser.get("/");
    const auto answer = post_multipart(server_->port(), browser, "/reporting/FRA/2022/attachments", {}, {{"file", "report.pdf", pdf}});
    EXPECT_EQ(answer.status, 404) << kind;
  }
  testing::Browser anonymous(server_->port());
  anonymous.get("/sign-in");  // a page with a form: its CSRF token goes with the post
  ASSERT_FALSE(anonymous.csrf_token().empty());
  const auto anonymous_answer =
      post_multipart(server_->port(), anonymous, "/reporting/FRA/2022/attachments", {}, {{"file", "report.pdf", pdf}});
  EXPECT_EQ(anonymous_answer.status, 303) << "sent to sign in";
  EXPECT_EQ(anonymous_answer.header("location").rfind("/sign-in", 0), 0u);
  // A multipart form without the CSRF token is a forgery, as any form is.
  auto forged = signed_in("reporting_officer");
  forged.get("/");
  EXPECT_EQ(testing::http_raw(server_->port(), "POST /reporting/FRA/2022/attachments HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                                 "Connection: close\r\nCookie: " + std::string(web::session_cookie) + "=" +
                                                 forged.cookie(web::session_cookie) +
                                                 "\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 85\r\n\r\n"
                                                 "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1\r\n--b--\r\n")
                .status,
            403);
  EXPECT_EQ(attachments(forged, 2022).size(), 0u);
}

TEST_F(AttachmentForm, TheSecretariatSubmitsAnEmailedReportWithItsOriginalWithoutScript) {
  auto secretariat = signed_in("secretariat");
  secretariat.get("/reporting/FRA/2024");
  EXPECT_EQ(secretariat.post("/reporting/FRA/2024", {{"action", "nil:all"}, {"visibility", "public"}}).status, 303);
  const auto preview = secretariat.get("/reporting/FRA/2024/preview");
  ASSERT_NE(preview.body.find("enctype=\"multipart/form-data\""), std::string::npos);
  const auto submitted = post_multipart(server_->port(), secretariat, "/reporting/FRA/2024/submit", {{"confirm", "1"}, {"received", "2025-05-12"}},
                                                    {{"original", "FRA 2024.pdf", pdf}});
  ASSERT_EQ(submitted.status, 303) << submitted.body.substr(0, 300);
  EXPECT_EQ(submitted.header("location"), "/reports/FRA/2024/receipt?version=1");
  const auto list = attachments(secretariat, 2024);
  ASSERT_EQ(list.size(), 1u) << list.dump();
  EXPECT_EQ(list[0]["file_name"], "FRA 2024.pdf");
  EXPECT_EQ(list[0]["version"], 1);
  // Without a file chosen, the submission alone.
  secretariat.get("/reporting/FRA/2021");
  secretariat.post("/reporting/FRA/2021", {{"action", "nil:all"}});
  secretariat.get("/reporting/FRA/2021/preview");
  const auto alone = post_multipart(server_->port(), secretariat, "/reporting/FRA/2021/submit", {{"confirm", "1"}, {"received", "2022-05-02"}},
                                                {{"original", "", ""}});
  EXPECT_EQ(alone.header("location"), "/reports/FRA/2021/receipt?version=1");
}

}  // namespace
}  // namespace att::reporting
