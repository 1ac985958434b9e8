// The initial report's pages over HTTP: the questionnaire as steps, each step saved as the
// State's draft (form posted without script, or by the page's script), the review and the
// submission, an update that starts from the current version, and that nobody but the State's
// officers and the Secretariat reaches the draft: anyone else is answered 404 with nothing of it.
#include <gtest/gtest.h>

#include <fstream>

#include <nlohmann/json.hpp>

#include "reporting/initial_reports_store.hpp"
#include "server_with_accounts.hpp"

namespace att::reporting {
using namespace att::literals;
namespace {

constexpr const char* secret_words = "Initial draft words only France may read";

using Fields = std::vector<std::pair<std::string, std::string>>;

struct TemplateSection {
  std::string id;
  std::vector<std::pair<std::string, std::string>> questions;  // id, type
};

// The questionnaire's sections with questions, in order, as the template file has them: the
// steps 2 … n+1 of the page.
std::vector<TemplateSection> template_sections() {
  std::ifstream in(std::string(ATT_DATA_DIR) + "/templates/initial-2015.json");
  const auto json = nlohmann::json::parse(in);
  std::vector<TemplateSection> sections;
  for (const auto& section : json["sections"]) {
    if (!section.contains("questions")) continue;
    TemplateSection shown{section["id"], {}};
    for (const auto& question : section["questions"]) shown.questions.emplace_back(question["id"], question["type"]);
    sections.push_back(shown);
  }
  return sections;
}

// Every question of a section answered: yes, a list entry, a text, an authority.
Fields answered(const TemplateSection& section, int step) {
  Fields fields{{"step", std::to_string(step)}, {"action", "next"}};
  for (const auto& [id, type] : section.questions) {
    if (type == "yes_no_na") fields.emplace_back("q." + id + ".choice", "yes");
    else if (type == "list") fields.emplace_back("q." + id + ".entries", "Act 1\n\nAct 2");
    else if (type == "authorities") fields.emplace_back("q." + id + ".entries", "defence");
    else fields.emplace_back("q." + id + ".explanation", "Described here.");
  }
  return fields;
}

class InitialReportPages : public testing::ServerWithAccounts {
 protected:
  void prepare(store::Database& db) override {
    store::Transaction transaction(db);
    reports::InitialReport report;
    report.reporting_state = "FRA";
    report.template_id = "initial-2015";
    report.answers["ncs.1"] = {"yes", secret_words, {}};
    save_initial_draft(db, report, std::nullopt, "2026-03-01T10:00:00Z"_utc);
    transaction.commit();
  }

  nlohmann::json draft_of(testing::Browser& browser) {
    const auto answer = browser.get("/api/v1/initial-reports/FRA/draft");
    EXPECT_EQ(answer.status, 200) << answer.body.substr(0, 300);
    return nlohmann::json::parse(answer.body, nullptr, false);
  }
};

TEST_F(InitialReportPages, AnonymousVisitorsAreSentToSignIn) {
  testing::Browser anonymous(server_->port());
  const auto answer = anonymous.get("/reporting/FRA/initial?step=2");
  EXPECT_EQ(answer.status, 303);
  EXPECT_EQ(answer.header("location").rfind("/sign-in?next=%2Freporting%2FFRA%2Finitial", 0), 0u) << answer.header("location");
  EXPECT_EQ(answer.body.find(secret_words), std::string::npos);
  EXPECT_EQ(anonymous.get("/reporting/FRA/initial/receipt").status, 303);
}

TEST_F(InitialReportPages, NobodyElseSeesOrChangesTheDraft) {
  for (const std::string kind : {"reporting_officer_of_germany", "representative", "observer", "chair",
                                 "representative_of_signatory", "administrator"}) {
    auto browser = signed_in(kind);
    for (const std::string path : {"/reporting/FRA/initial", "/reporting/FRA/initial?step=2",
                                   "/reporting/FRA/initial?step=13", "/reporting/FRA/initial/receipt",
                                   "/reporting/XXX/initial"}) {
      const auto page = browser.get(path);
      EXPECT_EQ(page.status, 404) << kind << " " << path;
      EXPECT_EQ(page.body.find(secret_words), std::string::npos) << kind << " " << path;
    }
    browser.get("/");
    EXPECT_EQ(browser.post("/reporting/FRA/initial", {{"step", "2"}, {"q.ncs.1.choice", "no"}}).status, 404) << kind;
    const auto scripted = browser.post_from_script("/reporting/FRA/initial", {{"step", "2"}, {"q.ncs.1.choice", "no"}});
    EXPECT_EQ(scripted.status, 404) << kind;
    EXPECT_EQ(browser.post("/reporting/FRA/initial/submit", {{"confirm", "1"}}).status, 404) << kind;
  }
  auto officer = signed_in("reporting_officer");
  const auto draft = draft_of(officer);
  EXPECT_EQ(draft["answers"]["ncs.1"]["choice"], "yes") << "the draft is as France left it";
  EXPECT_EQ(draft["answers"]["ncs.1"]["explanation"], secret_words);
}

TEST_F(InitialReportPages, StepsShowProgressAndSaveWithoutScript) {
  auto officer = signed_in("reporting_officer");
  const auto home = officer.get("/reporting");
  EXPECT_NE(home.body.find("href=\"/reporting/FRA/initial\""), std::string::npos) << "linked from the obligations";
  EXPECT_NE(home.body.find("Continue the draft"), std::string::npos);

  const auto sections = template_sections();
  const auto count = std::to_string(sections.size() + 2);
  const auto first = officer.get("/reporting/FRA/initial");
  ASSERT_EQ(first.status, 200) << first.body.substr(0, 300);
  EXPECT_NE(first.body.find("Step 1 of " + count), std::string::npos);
  EXPECT_NE(first.body.find("href=\"/reporting/FRA/initial?step=1\" aria-current=\"step\""), std::string::npos);
  const auto second = officer.get("/reporting/FRA/initial?step=2");
  EXPECT_NE(second.body.find("Step 2 of " + count), std::string::npos);
  EXPECT_NE(second.body.find("href=\"/reporting/FRA/initial?step=2\" aria-current=\"step\""), std::string::npos);
  EXPECT_NE(second.body.find(secret_words), std::string::npos) << "the draft is resumed";
  EXPECT_NE(second.body.find("name=\"q.ncs.1.choice\" value=\"yes\" checked"), std::string::npos);

  // Not applicable without a reason: saved, and the page asks for the explanation.
  Fields fields = answered(sections[0], 2);
  fields[2] = {"q." + sections[0].questions[0].first + ".choice", "na"};
  const auto saved = officer.post("/reporting/FRA/initial", fields);
  EXPECT_EQ(saved.status, 303);
  EXPECT_EQ(saved.header("location"), "/reporting/FRA/initial?step=3");
  auto draft = draft_of(officer);
  EXPECT_EQ(draft["answers"]["ncs.1"]["choice"], "na");
  EXPECT_EQ(draft["answers"]["ncs.1"]["explanation"], "") << "the form posted no explanation: it is gone";
  EXPECT_EQ(draft["answers"]["ncs.2"]["entries"], nlohmann::json::array({"Act 1", "Act 2"}));
  EXPECT_EQ(draft["answers"]["ncs.5"]["entries"], nlohmann::json::array({"defence"}));
  EXPECT_NE(officer.get("/reporting/FRA/initial?step=2").body.find("Please explain why this question does not apply."),
            std::string::npos);

  // Back goes to the previous step; other sections' answers are kept.
  Fields back = answered(sections[1], 3);
  back[1] = {"action", "back"};
  EXPECT_EQ(officer.post("/reporting/FRA/initial", back).header("location"), "/reporting/FRA/initial?step=2");
  draft = draft_of(officer);
  EXPECT_EQ(draft["answers"]["ncs.1"]["choice"], "na");
  EXPECT_EQ(draft["answers"]["pro.1"]["choice"], "yes");

  // The page's script saves the same way and answers in JSON.
  const auto scripted = officer.post_from_script(
      "/reporting/FRA/initial", {{"step", "2"}, {"q.ncs.1.choice", "na"}, {"q.ncs.1.explanation", "No such system yet."}});
  ASSERT_EQ(scripted.status, 200) << scripted.body.substr(0, 300);
  EXPECT_EQ(nlohmann::json::parse(scripted.body)["saved"], true);
  EXPECT_EQ(draft_of(officer)["answers"]["ncs.1"]["explanation"], "No such system yet.");
  EXPECT_FALSE(draft_of(officer)["answers"].contains("ncs.2")) << "a step posted empty loses its answers";

  // A control character is refused, nothing saved, the step comes back.
  const auto refused = officer.post("/reporting/FRA/initial", {{"step", "2"}, {"q.ncs.1.explanation", std::string("a\x01b")}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(draft_of(officer)["answers"]["ncs.1"]["explanation"], "No such system yet.");

  // In French, in French.
  officer.set_cookie("lang", "fr");
  const auto french = officer.get("/reporting/FRA/initial?step=2");
  EXPECT_NE(french.body.find("Étape 2 sur " + count), std::string::npos);
  EXPECT_NE(french.body.find("Votre État a-t-il établi"), std::string::npos) << "the questionnaire's own French";
}

TEST_F(InitialReportPages, TheReviewSubmitsAndAnUpdateStartsFromTheCurrentVersion) {
  auto officer = signed_in("reporting_officer");
  const auto sections = template_sections();
  const int review = static_cast<int>(sections.size()) + 2;
  officer.get("/reporting/FRA/initial");
  // Unanswered binding questions: the review lists them, with links to their steps, and refuses.
  const auto incomplete = officer.get("/reporting/FRA/initial?step=" + std::to_string(review));
  EXPECT_NE(incomplete.body.find("id=\"blocking-problems\""), std::string::npos);
  EXPECT_NE(incomplete.body.find("href=\"/reporting/FRA/initial?step=3#q-pro-1\""), std::string::npos);
  EXPECT_EQ(officer.post("/reporting/FRA/initial/submit", {{"confirm", "1"}}).status, 422);

  EXPECT_EQ(officer.post("/reporting/FRA/initial", {{"step", "1"}, {"visibility", "public"}, {"action", "next"}}).status, 303);
  for (std::size_t i = 0; i < sections.size(); ++i)
    EXPECT_EQ(officer.post("/reporting/FRA/initial", answered(sections[i], static_cast<int>(i) + 2)).status, 303);
  const auto page = officer.get("/reporting/FRA/initial?step=" + std::to_string(review));
  EXPECT_EQ(page.body.find("id=\"blocking-problems\""), std::string::npos) << page.body.substr(0, 2000);
  EXPECT_NE(page.body.find("This report will be public."), std::string::npos);
  EXPECT_NE(page.body.find("Act 1; Act 2"), std::string::npos) << "answers shown as given";
  EXPECT_EQ(officer.post("/reporting/FRA/initial/submit", {}).status, 400) << "not without the confirmation";
  const auto submitted = officer.post("/reporting/FRA/initial/submit", {{"confirm", "1"}});
  ASSERT_EQ(submitted.status, 303) << submitted.body.substr(0, 300);
  EXPECT_EQ(submitted.header("location"), "/reporting/FRA/initial/receipt");
  const auto receipt = officer.get("/reporting/FRA/initial/receipt");
  EXPECT_EQ(receipt.status, 200);
  EXPECT_NE(receipt.body.find("The initial report was received"), std::string::npos);
  EXPECT_EQ(officer.get("/api/v1/initial-reports/FRA/draft").status, 404) << "the draft became version 1";
  const auto current = nlohmann::json::parse(officer.get("/api/v1/initial-reports/FRA").body);
  EXPECT_EQ(current["version"]["version"], 1) << current.dump().substr(0, 300);
  EXPECT_EQ(current["visibility"], "public");
  EXPECT_NE(wait_for_mail("To: officer@example.org").find("To: officer@example.org"), std::string::npos);
  EXPECT_EQ(audited_actions().count("initial_report_submitted"), 1u);

  // The update starts from version 1, says so, and keeps every answer until changed.
  const auto home = officer.get("/reporting");
  EXPECT_NE(home.body.find("/reporting/FRA/initial/receipt"), std::string::npos);
  const auto update = officer.get("/reporting/FRA/initial");
  EXPECT_NE(update.body.find("id=\"update-notice\""), std::string::npos);
  EXPECT_NE(officer.get("/reporting/FRA/initial?step=2").body.find("Act 1\nAct 2"), std::string::npos);
  officer.post("/reporting/FRA/initial", {{"step", "1"}, {"visibility", "public"}, {"action", "next"}});
  const auto draft = draft_of(officer);
  EXPECT_EQ(draft["updates_earlier"], true);
  EXPECT_EQ(draft["answers"]["pro.1"]["choice"], "yes");
  EXPECT_EQ(officer.post("/reporting/FRA/initial/submit", {{"confirm", "1"}}).status, 303);
  EXPECT_EQ(nlohmann::json::parse(officer.get("/api/v1/initial-reports/FRA").body)["version"]["version"], 2);
}

TEST_F(InitialReportPages, TheSecretariatEntersAStatesInitialReport) {
  auto secretariat = signed_in("secretariat");
  const auto page = secretariat.get("/reporting/FRA/initial?step=2");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find(secret_words), std::string::npos);
  EXPECT_NE(page.body.find("href=\"/reporting?state=FRA\""), std::string::npos);
}

}  // namespace
}  // namespace att::reporting
