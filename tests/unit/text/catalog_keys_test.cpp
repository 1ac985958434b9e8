// Every message key the code and the templates use exists in every language: an unknown key
// fails here, never in front of a user. Keys are found by reading the sources: string literals
// that start with a section of the catalogue ("errors.csrf"), and {{t.section.key}} in templates.
// A literal followed by "+" is a prefix completed at run time ("regions." + region), checked by
// the tests of its data (the register's regions, the roles, the mails); file names
// ("categories.json") are not keys.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "text/catalog.hpp"

namespace att::text {
namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<fs::path> files_under(const fs::path& root, const std::set<std::string>& extensions) {
  std::vector<fs::path> found;
  for (const auto& entry : fs::recursive_directory_iterator(root))
    if (entry.is_regular_file() && extensions.contains(entry.path().extension().string())) found.push_back(entry.path());
  return found;
}

bool is_file_name(const std::string& literal) {
  static const std::set<std::string> extensions{"json", "csv", "mustache", "pdf", "xlsx", "html", "css", "js"};
  return extensions.contains(literal.substr(literal.rfind('.') + 1));
}

// "file: key" for every key used in `files` that the catalogue lacks in one language.
std::vector<std::string> unknown_keys(const Catalog& catalog, const std::vector<fs::path>& files, const std::regex& key_pattern,
                                      bool only_catalogue_sections) {
  const auto& sections = catalog.tree(Language::en);
  std::vector<std::string> unknown;
  for (const auto& file : files) {
    const auto text = read(file);
    for (auto match = std::sregex_iterator(text.begin(), text.end(), key_pattern); match != std::sregex_iterator();
         ++match) {
      const std::string key = (*match)[1];
      if (only_catalogue_sections && !sections.contains(key.substr(0, key.find('.')))) continue;
      if ((*match)[2].matched || is_file_name(key)) continue;
      for (const auto language : all_languages) {
        if (!catalog.has(language, key))
          unknown.push_back(file.filename().string() + ": " + std::string(code_of(language)) + " " + key);
      }
    }
  }
  return unknown;
}

const Catalog& catalog() {
  static const Catalog loaded = Catalog::load(fs::path(ATT_WEB_DIR) / "i18n");
  return loaded;
}

TEST(CatalogKeys, EveryKeyInTheSourcesExistsInEveryLanguage) {
  const fs::path src = fs::path(ATT_SOURCE_DIR) / "src";
  std::vector<fs::path> files;
  for (const auto* layer : {"web", "text", "cli", "mail", "reporting"}) {
    if (!fs::exists(src / layer)) continue;
    const auto more = files_under(src / layer, {".cpp", ".hpp"});
    files.insert(files.end(), more.begin(), more.end());
  }
  ASSERT_FALSE(files.empty());
  // A literal of dotted lower-case words; group 2 is set when a "+" follows (a prefix).
  const std::regex literal(R"re("([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)"(\s*\+)?)re");
  const auto unknown = unknown_keys(catalog(), files, literal, true);
  EXPECT_TRUE(unknown.empty()) << ::testing::PrintToString(unknown);
}

TEST(CatalogKeys, EveryKeyInTheTemplatesExistsInEveryLanguage) {
  const auto files = files_under(fs::path(ATT_WEB_DIR) / "templates", {".mustache"});
  ASSERT_FALSE(files.empty());
  const std::regex reference(R"re(\{\{[#^/&{]?\s*t\.([a-z0-9_]+(?:\.[a-z0-9_]+)+)\s*\}?\}\})re");
  const auto unknown = unknown_keys(catalog(), files, reference, false);
  EXPECT_TRUE(unknown.empty()) << ::testing::PrintToString(unknown);
}

TEST(CatalogKeys, TheScanFindsAMissingKey) {
  // The scan itself is tested: a template naming a key nobody wrote is reported.
  const auto dir = fs::temp_directory_path() / "att_catalog_keys_test";
  fs::create_directories(dir);
  const auto file = dir / "page.mustache";
  std::ofstream(file) << "<h1>{{t.site.name}}</h1><p>{{t.site.no_such_text}}</p>";
  const std::regex reference(R"re(\{\{[#^/&{]?\s*t\.([a-z0-9_]+(?:\.[a-z0-9_]+)+)\s*\}?\}\})re");
  const auto unknown = unknown_keys(catalog(), {file}, reference, false);
  fs::remove_all(dir);
  ASSERT_EQ(unknown.size(), all_languages.size());
  EXPECT_EQ(unknown.front(), "page.mustache: en site.no_such_text");
}

}  // namespace
}  // namespace att::text
