// Original documents attached to report versions: stored and read on SQLite and PostgreSQL,
// visible exactly when their version is, and over HTTP: who may attach, what is refused, and
// that a download gives back the very bytes that were sent.
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <nlohmann/json.hpp>

#include "auth/api_tokens.hpp"
#include "auth/secrets.hpp"
#include "browser.hpp"
#include "reporting/attachments_store.hpp"
#include "reporting/reports_store.hpp"
#include "server_with_accounts.hpp"
#include "test_support.hpp"
#include "web/http/http.hpp"

namespace att::reporting {
using namespace att::literals;
namespace {

const Timestamp now = "2026-01-01T00:00:00Z"_utc;

// A report with nothing to declare: attachments need only its version.
reports::AnnualReport nil_report(const std::string& state, int year, reports::Visibility visibility) {
  reports::AnnualReport report;
  report.reporting_state = state;
  report.year = year;
  report.template_id = "annual-2021";
  report.visibility = visibility;
  report.nil_exports = true;
  report.nil_imports = true;
  return report;
}

void submit_report(store::Database& db, const reports::AnnualReport& report) {
  store::Transaction transaction(db);
  submit(db, {report, Channel::email, Date::from_ymd(2023, 6, 2), false, {}}, now);
  transaction.commit();
}

std::string pdf_with_every_byte() {
  std::string bytes = "%PDF-1.7\n";
  for (int value = 0; value < 256; ++value) bytes.push_back(static_cast<char>(value));
  return bytes + "\n%%EOF\n";
}

class Attachments : public testing::OnBothDatabasesWithRegister {
 protected:
  std::optional<AttachmentSummary> attach(const std::string& state, int year, std::optional<std::int64_t> version,
                                          const std::string& content) {
    store::Transaction transaction(*db_);
    auto added = add_attachment(*db_, database_owner(), state, year, version,
                                {"original.pdf", "application/pdf", content, "", std::nullopt}, now);
    transaction.commit();
    return added;
  }
};

TEST_P(Attachments, EachIsVisibleExactlyWhenItsVersionIs) {
  submit_report(*db_, nil_report("DEU", 2022, reports::Visibility::public_report));
  submit_report(*db_, nil_report("FRA", 2022, reports::Visibility::restricted));
  submit_report(*db_, nil_report("GBR", 2022, reports::Visibility::public_report));
  const auto on_public = attach("DEU", 2022, std::nullopt, "public");
  const auto on_restricted = attach("FRA", 2022, std::nullopt, "restricted");
  const auto on_recalled = attach("GBR", 2022, std::nullopt, "recalled");
  ASSERT_TRUE(on_public && on_restricted && on_recalled);
  {
    store::Transaction transaction(*db_);
    ASSERT_EQ(recall_current(*db_, "GBR", 2022, "sent twice", now), 1);
    transaction.commit();
  }
  struct Case {
    const char* who;
    auth::Viewer viewer;
    bool sees_restricted;
    bool sees_recalled;
  };
  const std::vector<Case> cases = {
      {"anonymous", auth::Viewer::anonymous(), false, false},
      {"observer", viewer({auth::Role::observer}), false, false},
      {"representative of a party", viewer({auth::Role::state_representative}, "ITA"), true, false},
      {"representative of the State itself", viewer({auth::Role::state_representative}, "FRA"), true, false},
      {"representative of a signatory", viewer({auth::Role::state_representative}, "USA"), false, false},
      {"representative of a non-member", viewer({auth::Role::state_representative}, "VAT"), false, false},
      {"reporting officer of a party", viewer({auth::Role::state_representative, auth::Role::reporting_officer}, "ITA"),
       true, false},
      {"reporting officer of the recalling State",
       viewer({auth::Role::state_representative, auth::Role::reporting_officer}, "GBR"), true, true},
      {"chair", viewer({auth::Role::chair}), false, false},
      {"secretariat", viewer({auth::Role::secretariat}), true, true},
      {"administrator", viewer({auth::Role::administrator}), false, false},
  };
  struct Attached {
    const char* state;
    const AttachmentSummary& summary;
    const char* content;
  };
  const std::vector<Attached> attached = {
      {"DEU", *on_public, "public"}, {"FRA", *on_restricted, "restricted"}, {"GBR", *on_recalled, "recalled"}};
  for (const auto& c : cases) {
    const std::map<std::string, bool> expected = {{"DEU", true}, {"FRA", c.sees_restricted}, {"GBR", c.sees_recalled}};
    for (const auto& a : attached) {
      const bool sees = expected.at(a.state);
      // The one rule decides for the version; the attachment follows it.
      EXPECT_EQ(find_version(*db_, c.viewer, a.state, 2022, 1).has_value(), sees) << c.who << ", " << a.state;
      const auto listed = list_attachments(*db_, c.viewer, a.state, 2022, 1);
      ASSERT_EQ(listed.has_value(), sees) << c.who << ", " << a.state;
      if (listed) {
        EXPECT_EQ(listed->second.size(), 1u) << c.who << ", " << a.state;
      }
      const auto read = read_attachment(*db_, c.viewer, a.state, 2022, a.summary.id);
      ASSERT_EQ(read.has_value(), sees) << c.who << ", " << a.state;
      if (read) {
        EXPECT_EQ(read->content, a.content) << c.who << ", " << a.state;
      }
    }
  }
}

TEST_P(Attachments, GoOnlyOnSubmittedVersions) {
  EXPECT_FALSE(attach("FRA", 2022, std::nullopt, "x")) << "no report at all";
  {
    store::Transaction transaction(*db_);
    save_draft(*db_, nil_report("FRA", 2022, reports::Visibility::public_report), std::nullopt, now);
    transaction.commit();
  }
  EXPECT_FALSE(attach("FRA", 2022, std::nullopt, "x")) << "a draft only";
  EXPECT_FALSE(attach("FRA", 2022, 0, "x")) << "the draft by its number";
  submit_report(*db_, nil_report("FRA", 2022, reports::Visibility::public_report));
  submit_report(*db_, nil_report("FRA", 2022, reports::Visibility::public_report));
  EXPECT_EQ(attach("FRA", 2022, std::nullopt, "to the current")->version_no, 2);
  EXPECT_EQ(attach("FRA", 2022, 1, "to the superseded")->version_no, 1);
  EXPECT_FALSE(attach("FRA", 2022, 3, "x")) << "no version 3";
  {
    store::Transaction transaction(*db_);
    recall_current(*db_, "FRA", 2022, "wrong figures", now);
    transaction.commit();
  }
  EXPECT_FALSE(attach("FRA", 2022, 2, "x")) << "a recalled version";
  EXPECT_EQ(attach("FRA", 2022, std::nullopt, "to the current again")->version_no, 1) << "version 1 is current again";
  const auto first = list_attachments(*db_, database_owner(), "FRA", 2022, 1);
  ASSERT_TRUE(first);
  ASSERT_EQ(first->second.size(), 2u);
  EXPECT_EQ(first->second[0].byte_size, 17);
  EXPECT_EQ(first->second[1].byte_size, 20);
  EXPECT_EQ(list_attachments(*db_, database_owner(), "FRA", 2022, 2)->second.size(), 1u);
}

TEST_P(Attachments, KeepTheBytesTheirDigestAndTheirAddress) {
  submit_report(*db_, nil_report("DEU", 2022, reports::Visibility::public_report));
  submit_report(*db_, nil_report("DEU", 2023, reports::Visibility::public_report));
  const auto abc = attach("DEU", 2022, std::nullopt, "abc");
  const auto binary = attach("DEU", 2022, std::nullopt, pdf_with_every_byte());
  ASSERT_TRUE(abc && binary);
  EXPECT_EQ(abc->sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad") << "SHA-256 of \"abc\"";
  const auto read = read_attachment(*db_, auth::Viewer::anonymous(), "DEU", 2022, binary->id);
  ASSERT_TRUE(read);
  EXPECT_TRUE(read->content == pdf_with_every_byte());
  EXPECT_EQ(read->summary.byte_size, static_cast<std::int64_t>(pdf_with_every_byte().size()));
  EXPECT_EQ(read->summary.sha256, auth::token_digest(pdf_with_every_byte()));
  EXPECT_EQ(read->summary.file_name, "original.pdf");
  EXPECT_FALSE(read_attachment(*db_, database_owner(), "DEU", 2023, binary->id)) << "another year's address";
  EXPECT_FALSE(read_attachment(*db_, database_owner(), "FRA", 2022, binary->id)) << "another State's address";
  EXPECT_FALSE(read_attachment(*db_, database_owner(), "DEU", 2022, binary->id + 100)) << "no such attachment";
}

INSTANTIATE_TEST_SUITE_P(BothDatabases, Attachments, ::testing::ValuesIn(testing::database_kinds()),
                         [](const auto& test_info) { return test_info.param; });

}  // namespace
}  // namespace att::reporting

namespace att::testing {
namespace {

const std::string fra_attachments = "/api/v1/reports/FRA/2023/attachments";

// Every account has an API token; France's 2023 report is restricted, Germany's public.
class AttachmentsHttp : public ServerWithAccounts {
 protected:
  void prepare(store::Database& db) override {
    const auto now = std::chrono::system_clock::now();
    for (const auto& [kind, id] : account_ids_)
      tokens_[kind] = auth::create_api_token(db, {id, "script", auth::TokenScope::full, now + auth::default_token_lifetime}, now);
    reporting::submit_report(db, reporting::nil_report("FRA", 2023, reports::Visibility::restricted));
    reporting::submit_report(db, reporting::nil_report("DEU", 2023, reports::Visibility::public_report));
  }

  // The file as the request body, on behalf of `kind` ("" for nobody) through its API token.
  HttpResult post_file(const std::string& kind, const std::string& target, const std::string& bytes,
                       const std::vector<std::string>& headers = {}) {
    std::string raw = "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    if (!kind.empty()) raw += "Authorization: Bearer " + tokens_.at(kind) + "\r\n";
    for (const auto& header : headers) raw += header + "\r\n";
    return http_raw(server_->port(), raw + "Content-Length: " + std::to_string(bytes.size()) + "\r\n\r\n" + bytes);
  }

  HttpResult get(const std::string& kind, const std::string& target) {
    if (kind.empty()) return http_get(server_->port(), target);
    return http_get(server_->port(), target, {"Authorization: Bearer " + tokens_.at(kind)});
  }

  std::map<std::string, std::string> tokens_;
};

std::string error_code(const HttpResult& result) {
  try {
    return nlohmann::json::parse(result.body)["error"]["code"].get<std::string>();
  } catch (const std::exception&) {
    return "not a JSON error: " + result.body.substr(0, 200);
  }
}

TEST_F(AttachmentsHttp, OfficerAttachesAndThoseWhoMayReadDownloadTheExactBytes) {
  const auto pdf = reporting::pdf_with_every_byte();
  const std::string name = "Rapport annuel – été.pdf";
  const auto uploaded = post_file(
      "reporting_officer",
      fra_attachments + "?name=" + web::percent_encode(name) + "&note=" + web::percent_encode("received by e-mail"),
      pdf);
  ASSERT_EQ(uploaded.status, 201) << uploaded.body;
  const auto receipt = nlohmann::json::parse(uploaded.body);
  EXPECT_EQ(receipt["file_name"], name);
  EXPECT_EQ(receipt["media_type"], "application/pdf");
  EXPECT_EQ(receipt["byte_size"], pdf.size());
  EXPECT_EQ(receipt["sha256"], auth::token_digest(pdf));
  EXPECT_EQ(receipt["version"], 1);
  EXPECT_EQ(receipt["note"], "received by e-mail");
  const auto download_path = fra_attachments + "/" + std::to_string(receipt["id"].get<std::int64_t>());
  EXPECT_EQ(uploaded.header("location"), download_path);

  const auto listed = get("representative", fra_attachments);
  ASSERT_EQ(listed.status, 200) << listed.body;
  const auto list = nlohmann::json::parse(listed.body);
  EXPECT_EQ(list["version"], 1);
  ASSERT_EQ(list["attachments"].size(), 1u);
  EXPECT_EQ(list["attachments"][0]["sha256"], auth::token_digest(pdf));

  for (const char* reader : {"reporting_officer", "representative", "reporting_officer_of_germany", "secretariat"}) {
    const auto downloaded = get(reader, download_path);
    ASSERT_EQ(downloaded.status, 200) << reader;
    EXPECT_TRUE(downloaded.body == pdf) << reader << ": the bytes differ";
    EXPECT_EQ(downloaded.header("content-type"), "application/pdf");
    EXPECT_EQ(downloaded.header("content-disposition"),
              "attachment; filename*=UTF-8''Rapport%20annuel%20%E2%80%93%20%C3%A9t%C3%A9.pdf");
    EXPECT_EQ(downloaded.header("x-content-type-options"), "nosniff");
  }

  // The report is restricted: to others, its document and a missing one look the same.
  const auto missing = get("secretariat", fra_attachments + "/999999");
  EXPECT_EQ(missing.status, 404);
  for (const char* outsider : {"", "observer"}) {
    const auto refused = get(outsider, download_path);
    EXPECT_EQ(refused.status, 404) << outsider;
    EXPECT_EQ(refused.body, missing.body) << outsider;
    EXPECT_EQ(get(outsider, fra_attachments).status, 404) << outsider;
  }

  const auto page = get("secretariat", "/reports/FRA/2023");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("href=\"" + download_path + "\""), std::string::npos) << "the printable report links it";
  EXPECT_NE(page.body.find("Rapport annuel – été.pdf"), std::string::npos);

  const auto actions = audited_actions();
  EXPECT_TRUE(actions.contains("attachment_added"));
  EXPECT_TRUE(actions.contains("restricted_attachment_read"));
}

TEST_F(AttachmentsHttp, OnlyThoseWhoSubmitTheStatesReportsMayAttach) {
  const std::string pdf = "%PDF-1.4\nletter";
  const auto target = fra_attachments + "?name=letter.pdf";
  EXPECT_EQ(error_code(post_file("", target, pdf)), "csrf_token_invalid") << "no token, no session: refused first";
  Browser anonymous(server_->port());
  anonymous.get("/sign-in");  // a page, so a CSRF token
  EXPECT_EQ(error_code(anonymous.send_json("POST", target, pdf)), "sign_in_required");
  EXPECT_EQ(post_file("observer", target, pdf).status, 403);
  EXPECT_EQ(post_file("representative", target, pdf).status, 403) << "a representative who does not report";
  EXPECT_EQ(post_file("reporting_officer_of_germany", target, pdf).status, 403) << "another State's officer";
  EXPECT_EQ(post_file("reporting_officer", target, pdf).status, 201);
  EXPECT_EQ(post_file("secretariat", target, pdf).status, 201) << "entered on the State's behalf";
  EXPECT_EQ(
      post_file("reporting_officer_of_germany", "/api/v1/reports/DEU/2023/attachments?name=letter.pdf", pdf).status,
      201);
  EXPECT_EQ(post_file("reporting_officer", "/api/v1/reports/FRA/2019/attachments?name=letter.pdf", pdf).status, 404)
      << "nothing submitted for 2019";
  EXPECT_EQ(post_file("reporting_officer", target + "&version=2", pdf).status, 404) << "no version 2";
  EXPECT_EQ(error_code(post_file("reporting_officer", target + "&version=two", pdf)), "invalid_version");
  const auto list = nlohmann::json::parse(get("reporting_officer", fra_attachments).body);
  EXPECT_EQ(list["attachments"].size(), 2u);
  // The public sees a public report's documents.
  const auto deu = nlohmann::json::parse(get("", "/api/v1/reports/DEU/2023/attachments").body);
  ASSERT_EQ(deu["attachments"].size(), 1u);
  EXPECT_EQ(get("", deu["attachments"][0]["href"].get<std::string>()).body, pdf);
}

TEST_F(AttachmentsHttp, FilesAreCheckedBeforeTheyAreStored) {
  const auto target = [](const std::string& name) { return fra_attachments + "?name=" + web::percent_encode(name); };
  std::string largest = "%PDF-1.7\n";
  largest.resize(8 * 1024 * 1024, 'x');
  const auto accepted = post_file("reporting_officer", target("largest.pdf"), largest);
  ASSERT_EQ(accepted.status, 201) << accepted.body.substr(0, 300);
  const auto href = nlohmann::json::parse(accepted.body)["href"].get<std::string>();
  EXPECT_EQ(get("reporting_officer", href).body.size(), largest.size());
  EXPECT_EQ(post_file("reporting_officer", target("too large.pdf"), largest + "x").status, 413);

  const std::string png = "\x89PNG\r\n\x1a\n rest of the image";
  struct Case {
    const char* what;
    std::string name;
    std::string bytes;
    std::vector<std::string> headers;
    int status;
    const char* code;
  };
  const std::vector<Case> cases = {
      {"a GIF", "animation.gif", "GIF89a....", {}, 415, "unsupported_type"},
      {"a PNG named pdf", "scan.pdf", png, {}, 422, "extension_mismatch"},
      {"a PNG named pdf, sent as a PDF", "scan.pdf", png, {"Content-Type: application/pdf"}, 422, "extension_mismatch"},
      {"a program named png, sent as a PNG",
       "scan.png",
       "MZ\x90",
       {"Content-Type: image/png"},
       422,
       "extension_mismatch"},
      {"an empty file", "empty.pdf", "", {}, 422, "empty"},
      {"no name", "", "%PDF-1.7", {}, 400, "bad_name"},
  };
  for (const auto& c : cases) {
    const auto refused = post_file("reporting_officer", target(c.name), c.bytes, c.headers);
    EXPECT_EQ(refused.status, c.status) << c.what;
    EXPECT_EQ(error_code(refused), c.code) << c.what;
  }
  const auto in_french = post_file("reporting_officer", target("animation.gif"), "GIF89a", {"Accept-Language: fr"});
  EXPECT_NE(nlohmann::json::parse(in_french.body)["error"]["message"].get<std::string>().find("n’est pas accepté"),
            std::string::npos)
      << in_french.body;
  const auto png_accepted = post_file("reporting_officer", target("scan.png"), png);
  EXPECT_EQ(png_accepted.status, 201) << png_accepted.body;
  EXPECT_EQ(get("reporting_officer", nlohmann::json::parse(png_accepted.body)["href"].get<std::string>())
                .header("content-type"),
            "image/png");
  EXPECT_EQ(nlohmann::json::parse(get("reporting_officer", fra_attachments).body)["attachments"].size(), 2u)
      << "nothing refused was stored";
}

TEST_F(AttachmentsHttp, BrowserSessionsNeedTheCsrfToken) {
  auto officer = signed_in("reporting_officer");
  const auto target = fra_attachments + "?name=letter.pdf";
  const auto forged = officer.post(target, {}, false);
  EXPECT_EQ(forged.status, 403);
  EXPECT_EQ(error_code(forged), "csrf_token_invalid");
  officer.get("/account");
  const auto sent = officer.send_json("POST", target, "%PDF-1.7\nfrom the browser");
  EXPECT_EQ(sent.status, 201) << sent.body;
}

}  // namespace
}  // namespace att::testing
