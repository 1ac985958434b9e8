// The documents library and the reporting guidance on SQLite and PostgreSQL. The search cases in
// data/documents_search.csv run on both engines and must give the same answers: accents and case
// do not matter, a word matches the start of a longer one, and a restricted document is found
// only by its audience.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "auth/accounts_store.hpp"
#include "exchange/documents_store.hpp"
#include "exchange/faq_store.hpp"
#include "test_support.hpp"

namespace att::exchange {
using namespace att::literals;
namespace {

using auth::Audience;
using auth::Role;

const Timestamp now = "2026-11-27T10:00:00Z"_utc;

struct SearchCase {
  std::string query;
  std::string viewer;
  std::string expected;  // document keys, newest first, separated by spaces
};

std::vector<SearchCase> search_cases() {
  std::ifstream file(std::string(ATT_TEST_DATA_DIR) + "/documents_search.csv");
  std::vector<SearchCase> cases;
  for (std::string line; std::getline(file, line);) {
    if (line.empty() || line.front() == '#') continue;
    std::stringstream cells(line);
    SearchCase c;
    std::getline(cells, c.query, '|');
    std::getline(cells, c.viewer, '|');
    std::getline(cells, c.expected, '|');
    cases.push_back(std::move(c));
  }
  return cases;
}

class Documents : public testing::OnBothDatabasesWithRegister {
 protected:
  void SetUp() override {
    OnBothDatabasesWithRegister::SetUp();
    if (IsSkipped() || HasFailure()) return;
    // Account 1, whom viewer() speaks for, so that what it publishes has an author.
    auth::create_account(*db_, {"x@example.org", "X", "", std::nullopt, "", {Role::secretariat}, "en"}, now);
    viewers_ = exchange_viewers();
    const auto add = [&](const std::string& key, NewDocument document, Timestamp at) {
      ids_[key] = add_document(*db_, v("secretariat"), document, at).value();
    };
    add("A",
        {"ATT/CSP8.WGTR/2022/CHAIR/707/Conf.Rep",
         "Chair's draft report of the Working Group on Transparency and Reporting", "Résumé des décisions",
         Audience::everyone},
        "2026-01-10T10:00:00Z"_utc);
    add("B",
        {"ATT/CSP9.WGTR/2023/CHAIR/750/Conf.Rep", "Reporting templates: frequently asked questions",
         "Guía para los informes anuales", Audience::registered},
        "2026-02-10T10:00:00Z"_utc);
    add("C",
        {"ATT/CSP9/2023/SEC/760/Conf.Costs", "Coûts estimés des réunions", "Secret budget figures", Audience::parties},
        "2026-03-10T10:00:00Z"_utc);
  }

  const auth::Viewer& v(const std::string& who) const { return viewers_.at(who); }

  std::string keys_of(const std::vector<Document>& documents) const {
    std::string keys;
    for (const auto& document : documents)
      for (const auto& [key, id] : ids_)
        if (id == document.id) keys += (keys.empty() ? "" : " ") + key;
    return keys;
  }

  std::map<std::string, auth::Viewer> viewers_;
  std::map<std::string, std::int64_t> ids_;
};

TEST_P(Documents, SearchesGiveTheAnswersOfTheDataFile) {
  const auto cases = search_cases();
  ASSERT_GE(cases.size(), 20u);
  for (const auto& c : cases)
    EXPECT_EQ(keys_of(search_documents(*db_, v(c.viewer), c.query)), c.expected) << c.query << " / " << c.viewer;
}

TEST_P(Documents, SearchWordsAreFoldedWithPunctuationAsSpaces) {
  EXPECT_EQ(search_words("ATT/CSP8.WGTR/2022/CHAIR/707/Conf.Rep"), "att csp8 wgtr 2022 chair 707 conf rep");
  EXPECT_EQ(search_words("Résumé, Coûts ESTIMÉS"), "resume couts estimes");
  EXPECT_EQ(search_words("The Working Group"), "the working group");
}

TEST_P(Documents, OnlyPublishersAddAndSymbolsAreUnique) {
  EXPECT_FALSE(add_document(*db_, v("representative of a party"), {"ATT/X/1", "T", "", Audience::everyone}, now));
  EXPECT_FALSE(add_document(*db_, v("anonymous"), {"ATT/X/1", "T", "", Audience::everyone}, now));
  EXPECT_FALSE(
      add_document(*db_, v("chair"), {"ATT/CSP9/2023/SEC/760/Conf.Costs", "Again", "", Audience::everyone}, now));
  EXPECT_TRUE(add_document(*db_, v("chair"), {"ATT/X/1", "T", "", Audience::everyone}, now));
}

TEST_P(Documents, VersionsCarryOneFilePerLanguageForTheAudienceOnly) {
  const auto c = ids_.at("C");
  const std::vector<NewDocumentFile> files = {{"fr", "couts.pdf", "application/pdf", "%PDF-fr"},
                                              {"en", "costs.pdf", "application/pdf", "%PDF-en"}};
  EXPECT_EQ(add_document_version(*db_, v("secretariat"), c, "First", files, now), 1);
  EXPECT_EQ(add_document_version(*db_, v("chair"), c, "Corrected", {files[1]}, "2026-11-28T10:00:00Z"_utc), 2);
  // Refused: a non-publisher, a language twice, a language outside EN/FR/ES, no file.
  EXPECT_FALSE(add_document_version(*db_, v("representative of a party"), c, "", files, now));
  EXPECT_FALSE(add_document_version(*db_, v("chair"), c, "", {files[0], files[0]}, now));
  EXPECT_FALSE(add_document_version(*db_, v("chair"), c, "", {{"de", "x.pdf", "application/pdf", "x"}}, now));
  EXPECT_FALSE(add_document_version(*db_, v("chair"), c, "", {}, now));

  const auto document = find_document(*db_, v("representative of a party"), c);
  ASSERT_TRUE(document);
  ASSERT_EQ(document->versions.size(), 2u);
  EXPECT_EQ(document->versions[0].version_no, 2);
  ASSERT_EQ(document->versions[1].files.size(), 2u);
  EXPECT_EQ(document->versions[1].files[0].language, "en");  // in the order EN, FR, ES
  EXPECT_EQ(document->versions[1].files[1].file_name, "couts.pdf");
  EXPECT_EQ(document->versions[1].files[1].byte_size, 7);
  const auto download = document_file(*db_, v("representative of a party"), c, 1, "fr");
  ASSERT_TRUE(download);
  EXPECT_EQ(download->content, "%PDF-fr");
  EXPECT_FALSE(document_file(*db_, v("representative of a party"), c, 2, "fr"));
  // Outside the audience: neither the document nor its files exist.
  EXPECT_FALSE(find_document(*db_, v("representative of a signatory"), c));
  EXPECT_FALSE(document_file(*db_, v("representative of a signatory"), c, 1, "fr"));
  EXPECT_FALSE(document_file(*db_, v("anonymous"), c, 1, "en"));
  EXPECT_FALSE(add_document_version(*db_, v("administrator"), c, "", files, now));
}

TEST_P(Documents, TheGuidanceKeepsItsNumbersAcrossRevisionsAndFallsBackToEnglish) {
  EXPECT_FALSE(current_faq(*db_, "en"));
  const std::vector<FaqAnswer> first = {{1, "en", "Who reports?", "Each State Party."},
                                        {1, "fr", "Qui fait rapport ?", "Chaque État Partie."},
                                        {2, "en", "When?", "By 31 May."}};
  EXPECT_FALSE(add_faq_revision(*db_, v("observer"), "CSP9", first, now));
  EXPECT_FALSE(add_faq_revision(*db_, v("chair"), "CSP9", {first[0], first[0]}, now));
  ASSERT_TRUE(add_faq_revision(*db_, v("chair"), "CSP9", first, now));
  const auto french = current_faq(*db_, "fr");
  ASSERT_TRUE(french);
  ASSERT_EQ(french->answers.size(), 2u);
  EXPECT_EQ(french->answers[0].question, "Qui fait rapport ?");
  EXPECT_EQ(french->answers[1].language, "en");  // question 2 not translated yet
  auto second = first;
  second[2].answer = "By 31 May of the following year.";
  ASSERT_TRUE(add_faq_revision(*db_, v("secretariat"), "CSP10", second, "2026-11-28T10:00:00Z"_utc));
  const auto english = current_faq(*db_, "en");
  EXPECT_EQ(english->meeting, "CSP10");
  EXPECT_EQ(english->answers.at(1).answer, "By 31 May of the following year.");
}

INSTANTIATE_TEST_SUITE_P(BothDatabases, Documents, ::testing::ValuesIn(testing::database_kinds()),
                         [](const auto& test_info) { return test_info.param; });

}  // namespace
}  // namespace att::exchange
