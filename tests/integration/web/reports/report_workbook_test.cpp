// The annual report as an Excel workbook: download, fill in, upload back; and the XLSX reader's
// defences against files that are not workbooks or that would unpack to far too much.
#include <gtest/gtest.h>

#include <xlsxwriter.h>
#include <zip.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <random>

#include "io/file.hpp"
#include "io/xlsx_reader.hpp"
#include "reporting/report_workbook.hpp"
#include "test_support.hpp"

namespace att::reporting {
namespace {

std::string slurp(const std::filesystem::path& path) {
  auto bytes = io::read_file(path);
  if (!bytes) throw std::runtime_error(bytes.error());
  return std::move(*bytes);
}

// A zip made with libzip: name -> content (deflated).
std::string make_zip(const std::vector<std::pair<std::string, std::string>>& entries) {
  testing::TempDir dir;
  const auto file = (dir.path() / "archive.zip").string();
  int error = 0;
  zip_t* archive = zip_open(file.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (!archive) throw std::runtime_error("zip_open");
  for (const auto& [name, content] : entries) {
    zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
    const auto index = zip_file_add(archive, name.c_str(), source, ZIP_FL_OVERWRITE);
    if (index < 0) throw std::runtime_error("zip_file_add");
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 9);
  }
  if (zip_close(archive) != 0) throw std::runtime_error("zip_close");  // compresses: entries must still be alive
  return slurp(file);
}

// A workbook written directly with libxlsxwriter (as a person's spreadsheet program would),
// every cell a string: sheet name -> rows -> cells.
using Sheets = std::vector<std::pair<std::string, std::vector<std::vector<std::string>>>>;
std::string make_workbook(const Sheets& sheets) {
  testing::TempDir dir;
  const auto file = (dir.path() / "book.xlsx").string();
  lxw_workbook* workbook = workbook_new(file.c_str());
  for (const auto& [name, rows] : sheets) {
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, name.c_str());
    for (std::size_t r = 0; r < rows.size(); ++r)
      for (std::size_t c = 0; c < rows[r].size(); ++c)
        if (!rows[r][c].empty())
          worksheet_write_string(sheet, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c), rows[r][c].c_str(), nullptr);
  }
  if (workbook_close(workbook) != LXW_NO_ERROR) throw std::runtime_error("workbook_close");
  return slurp(file);
}

const std::vector<std::string> ids = {"category", "partner_state", "items",    "value",           "currency",
                                      "basis",    "description",   "comments", "state_of_origin", "intermediate_location"};

class ReportWorkbook : public ::testing::Test {
 protected:
  static ImportBatch upload(std::string_view bytes) {
    return read_report_workbook(bytes, testing::project_register(), testing::project_templates(),
                                {reports::Visibility::public_report, Date::from_ymd(2026, 6, 1), 1000});
  }
  static const reports::ReportTemplate& template_for(int year) {
    const auto* found = testing::project_templates().for_year("annual", year);
    if (!found) throw std::runtime_error("no template");
    return *found;
  }
  static std::string problems_of(const ImportBatch& batch) {
    std::string text;
    for (const auto& p : batch.problems) text += "row " + std::to_string(p.line) + " " + p.column + ": " + p.code + "\n";
    return text;
  }

  static reports::AnnualReport full_report() {
    reports::AnnualReport report;
    report.reporting_state = "FRA";
    report.year = 2022;
    report.template_id = "annual-2021";
    report.nil_exports = false;
    report.nil_imports = false;
    report.visibility = reports::Visibility::restricted;
    report.exports_visibility = reports::Visibility::public_report;  // the exports table public all the same
    report.restriction_reason = "Sécurité nationale, «article 13»\nvoir l'annexe";
    report.withheld_all = true;
    report.withheld_categories = {"VII.a", "VIII.SA.2"};
    report.default_basis = reports::Basis::actual;
    report.national_definitions = "II: includes armoured recovery vehicles.\nVIII.SA: as in the national list.";
    report.comments = "Observations générales, avec virgules;\nsur deux lignes — et des accents: ñ, ü, 漢字";
    report.contact = {"Élodie Dupont-Núñez", "Cheffe de bureau", "Ministère des Armées, DGRIS",
                      "14 rue Saint-Dominique\n75007 Paris", "elodie.dupont@example.fr", "+33 1 23 45 67 89"};
    reports::ReportLine rifles;
    rifles.direction = reports::Direction::exports;
    rifles.category = "VIII.SA.2";
    rifles.partner_state = "BEL";
    rifles.items = 120;
    rifles.value = "350000.50";
    rifles.currency = "EUR";
    rifles.basis = reports::Basis::actual;
    rifles.description = "Fusils, 5,56 mm \"HK416\"\nseconde ligne";
    rifles.comments = "  indented, then CR LF:\r\nend";
    rifles.state_of_origin = "DEU";
    rifles.intermediate_location = "Port d'Anvers (Belgique)";
    reports::ReportLine national;
    national.direction = reports::Direction::exports;
    national.category = "NAT:Munitions de petit calibre";
    national.partner_state = "ESP";
    national.value = "1000000";
    national.currency = "EUR";
    national.basis = reports::Basis::authorized;
    national.description = "=SUM(A1:A2) is text, not a formula";
    reports::ReportLine apc;
    apc.direction = reports::Direction::imports;
    apc.category = "II";
    apc.partner_state = "DEU";
    apc.items = 4;
    apc.description = "Véhicules blindés «Boxer»";
    reports::ReportLine missiles;
    missiles.direction = reports::Direction::imports;
    missiles.category = "VII.b";
    missiles.partner_state = "USA";
    missiles.items = 0;
    missiles.value = "12.5";
    missiles.currency = "USD";
    missiles.basis = reports::Basis::authorized;
    missiles.comments = "_x0041_ stays as typed? ✓";
    report.lines = {rifles, national, apc, missiles};
    return report;
  }

  const StatesRegister& register_ = testing::project_register();
};

void expect_same(const reports::AnnualReport& a, const reports::AnnualReport& b, bool same_rows) {
  EXPECT_EQ(a.reporting_state, b.reporting_state);
  EXPECT_EQ(a.year, b.year);
  EXPECT_EQ(a.template_id, b.template_id);
  EXPECT_EQ(a.nil_exports, b.nil_exports);
  EXPECT_EQ(a.nil_imports, b.nil_imports);
  EXPECT_EQ(a.visibility, b.visibility);
  EXPECT_EQ(a.exports_visibility, b.exports_visibility);
  EXPECT_EQ(a.imports_visibility, b.imports_visibility);
  EXPECT_EQ(a.restriction_reason, b.restriction_reason);
  EXPECT_EQ(a.withheld_all, b.withheld_all);
  EXPECT_EQ(a.withheld_categories, b.withheld_categories);
  EXPECT_EQ(a.default_basis, b.default_basis);
  EXPECT_EQ(a.national_definitions, b.national_definitions);
  EXPECT_EQ(a.comments, b.comments);
  EXPECT_EQ(a.contact.name, b.contact.name);
  EXPECT_EQ(a.contact.position, b.contact.position);
  EXPECT_EQ(a.contact.department, b.contact.department);
  EXPECT_EQ(a.contact.address, b.contact.address);
  EXPECT_EQ(a.contact.email, b.contact.email);
  EXPECT_EQ(a.contact.telephone, b.contact.telephone);
  ASSERT_EQ(a.lines.size(), b.lines.size());
  for (std::size_t i = 0; i < a.lines.size(); ++i) {
    SCOPED_TRACE("line " + std::to_string(i));
    const auto& x = a.lines[i];
    const auto& y = b.lines[i];
    EXPECT_EQ(x.direction, y.direction);
    EXPECT_EQ(x.category, y.category);
    EXPECT_EQ(x.partner_state, y.partner_state);
    EXPECT_EQ(x.items, y.items);
    EXPECT_EQ(x.value, y.value);
    EXPECT_EQ(x.currency, y.currency);
    EXPECT_EQ(x.basis, y.basis);
    EXPECT_EQ(x.description, y.description);
    EXPECT_EQ(x.comments, y.comments);
    EXPECT_EQ(x.state_of_origin, y.state_of_origin);
    EXPECT_EQ(x.intermediate_location, y.intermediate_location);
    if (same_rows) {
      EXPECT_EQ(x.source_row, y.source_row);
    }
  }
}

TEST_F(ReportWorkbook, RoundTripKeepsEveryField) {
  const auto original = full_report();
  const auto& tmpl = template_for(original.year);
  const auto bytes = write_report_workbook(original, tmpl, register_, Language::fr);
  ASSERT_GT(bytes.size(), 1000u);
  EXPECT_EQ(bytes.substr(0, 2), "PK");

  const auto first = upload(bytes);
  ASSERT_FALSE(first.has_errors()) << problems_of(first);
  ASSERT_EQ(first.reports.size(), 1u);
  EXPECT_EQ(first.rows, 4u);
  expect_same(original, first.reports[0], false);
  // Lines start on row 3 of their sheet (row 1 labels, row 2 column ids).
  EXPECT_EQ(first.reports[0].lines[0].source_row, 3u);
  EXPECT_EQ(first.reports[0].lines[1].source_row, 4u);
  EXPECT_EQ(first.reports[0].lines[2].source_row, 3u);

  const auto again = upload(write_report_workbook(first.reports[0], tmpl, register_, Language::es));
  ASSERT_FALSE(again.has_errors()) << problems_of(again);
  ASSERT_EQ(again.reports.size(), 1u);
  expect_same(first.reports[0], again.reports[0], true);
}

TEST_F(ReportWorkbook, PrefilledWorkbookForANewYearKeepsTheLinesAndTheNewYear) {
  auto last_year = full_report();
  last_year.year = 2023;  // the caller copies last year's report into the new year
  const auto batch = upload(write_report_workbook(last_year, template_for(2023), register_, Language::en));
  ASSERT_FALSE(batch.has_errors()) << problems_of(batch);
  ASSERT_EQ(batch.reports.size(), 1u);
  EXPECT_EQ(batch.reports[0].year, 2023);
  EXPECT_EQ(batch.reports[0].lines.size(), 4u);
}

TEST_F(ReportWorkbook, FrenchWorkbookHasFrenchLabels) {
  const auto labels = load_workbook_labels(ATT_DATA_DIR, "annual-2021");
  ASSERT_TRUE(labels) << labels.error();
  const auto report = full_report();
  const auto book = io::read_xlsx(write_report_workbook(report, template_for(2022), register_, Language::fr, *labels));
  ASSERT_TRUE(book) << book.error().code;
  std::vector<std::string> names;
  for (const auto& sheet : book->sheets) names.push_back(sheet.name);
  EXPECT_EQ(names, (std::vector<std::string>{"Instructions", "Report", "Exports", "Imports", "Lists"}));

  const auto* lists = book->sheet("Lists");
  ASSERT_NE(lists, nullptr);
  std::map<std::string, std::string> categories;
  std::map<std::string, std::string> states;
  for (std::size_t row = 2; row <= lists->last_row(); ++row) {
    if (!lists->cell(row, 1).empty()) categories[lists->cell(row, 1)] = lists->cell(row, 2);
    if (!lists->cell(row, 4).empty()) states[lists->cell(row, 4)] = lists->cell(row, 5);
  }
  EXPECT_EQ(categories["I"], "Chars de combat");
  EXPECT_EQ(categories["II"], "Véhicules blindés de combat");
  EXPECT_EQ(categories.size(), template_for(2022).category_to_canonical.size());
  EXPECT_EQ(states["DEU"], register_.find_by_code("DEU")->name_fr);
  EXPECT_EQ(states.size(), register_.states().size());

  const auto* exports = book->sheet("Exports");
  ASSERT_NE(exports, nullptr);
  EXPECT_EQ(exports->cell(1, 1), "Catégorie");
  EXPECT_EQ(exports->cell(1, 2), "État importateur final");
  EXPECT_EQ(book->sheet("Imports")->cell(1, 2), "État exportateur");
  for (std::size_t c = 0; c < ids.size(); ++c) EXPECT_EQ(exports->cell(2, c + 1), ids[c]) << "hidden row of column ids";
  EXPECT_EQ(exports->cell(3, 1), "VIII.SA.2");
  EXPECT_EQ(exports->cell(3, 3), "120");
  EXPECT_EQ(exports->cell(3, 4), "350000.50");

  const auto* report_sheet = book->sheet("Report");
  ASSERT_NE(report_sheet, nullptr);
  EXPECT_EQ(report_sheet->cell(2, 1), "reporting_state");
  EXPECT_EQ(report_sheet->cell(2, 2), "FRA");
  EXPECT_EQ(report_sheet->cell(3, 1), "year");
  EXPECT_EQ(report_sheet->cell(3, 2), "2022");

  const auto* instructions = book->sheet("Instructions");
  ASSERT_NE(instructions, nullptr);
  std::string all;
  for (std::size_t row = 1; row <= instructions->last_row(); ++row) all += instructions->cell(row, 1) + "\n";
  EXPECT_NE(all.find("Année civile couverte : 2022"), std::string::npos) << all;
  EXPECT_NE(all.find(register_.find_by_code("FRA")->name_fr + " (FRA)"), std::string::npos) << all;
  EXPECT_NE(all.find("téléversez"), std::string::npos) << all;

  // And the same workbook in English says it in English.
  const auto english = io::read_xlsx(write_report_workbook(report, template_for(2022), register_, Language::en, *labels));
  ASSERT_TRUE(english);
  EXPECT_EQ(english->sheet("Lists")->cell(2, 1), "I");
  EXPECT_EQ(english->sheet("Lists")->cell(2, 2), "Battle tanks");
  EXPECT_EQ(english->sheet("Exports")->cell(1, 1), "Category");
}

TEST_F(ReportWorkbook, UploadWithErrorsListsEachProblemWithItsCell) {
  // As a person may leave it: French State name instead of a code, a typo'd category, items in words.
  const auto bytes = make_workbook({
      {"Report",
       {{"key", "value"},
        {"reporting_state", "France"},
        {"year", "2022"},
        {"nil_exports", "peut-être"},
        {"visibility", "public"}}},
      {"Exports",
       {{"Catégorie"},
        ids,
        {"IX", "BEL", "3", "", "", "actual"},
        {"I", "Atlantis", "twelve", "", "", ""},
        {},
        {"II", "ESP", "", "100", "", "maybe"}}},
      {"Imports", {{"Category"}, ids, {"I", "FRA", "1"}}},
  });
  const auto batch = upload(bytes);
  ASSERT_TRUE(batch.has_errors());
  std::map<std::string, std::string> by_cell;
  for (const auto& p : batch.problems) by_cell[p.column] += p.code + " | ";
  const auto has = [&](const std::string& cell, const std::string& words) {
    const auto found = by_cell.find(cell);
    return found != by_cell.end() && found->second.find(words) != std::string::npos;
  };
  EXPECT_TRUE(has("Report!B4", "invalid_flag")) << problems_of(batch);
  EXPECT_TRUE(has("Exports!A3", "unknown_category")) << problems_of(batch);
  EXPECT_TRUE(has("Exports!B4", "unknown_partner")) << problems_of(batch);
  EXPECT_TRUE(has("Exports!C4", "invalid_items")) << problems_of(batch);
  EXPECT_TRUE(has("Exports!F6", "invalid_basis")) << problems_of(batch);
  EXPECT_TRUE(has("Exports!E6", "value_needs_currency")) << problems_of(batch);
  EXPECT_TRUE(has("Imports!B3", "partner_not_self")) << problems_of(batch);
  for (const auto& p : batch.problems)
    if (p.column.rfind("Exports!", 0) == 0 && p.column != "Exports!A2") {
      EXPECT_EQ(p.column.substr(p.column.size() - std::to_string(p.line).size()), std::to_string(p.line)) << p.column;
    }
  ASSERT_EQ(batch.reports.size(), 1u);
  EXPECT_EQ(batch.reports[0].reporting_state, "FRA") << "a State name resolves to its code";
  EXPECT_EQ(batch.rows, 4u) << "the empty row 5 is skipped";
}

TEST_F(ReportWorkbook, UploadWithoutStateOrYearSaysWhere) {
  const auto batch = upload(make_workbook({
      {"Report", {{"key", "value"}, {"reporting_state", "Atlantide"}, {"year", "20x2"}}},
      {"Exports", {{"Category"}, ids}},
      {"Imports", {{"Category"}, ids}},
  }));
  ASSERT_TRUE(batch.has_errors());
  EXPECT_TRUE(batch.reports.empty());
  std::set<std::string> cells;
  for (const auto& p : batch.problems) cells.insert(p.column);
  EXPECT_TRUE(cells.contains("Report!B2")) << problems_of(batch);
  EXPECT_TRUE(cells.contains("Report!B3")) << problems_of(batch);
}

TEST_F(ReportWorkbook, ZipBombIsRefusedQuickly) {
  const std::string zeros(200u * 1024 * 1024, '\0');
  const auto bomb = make_zip({{"[Content_Types].xml", "<Types/>"},
                              {"xl/workbook.xml", "<workbook><sheets><sheet name=\"Report\" sheetId=\"1\"/></sheets></workbook>"},
                              {"xl/worksheets/sheet1.xml", zeros}});
  ASSERT_LT(bomb.size(), 2u * 1024 * 1024) << "the bomb is small packed";
  const auto started = std::chrono::steady_clock::now();
  const auto batch = upload(bomb);
  const auto took = std::chrono::steady_clock::now() - started;
  EXPECT_LT(took, std::chrono::seconds(2));
  ASSERT_EQ(batch.problems.size(), 1u);
  EXPECT_TRUE(batch.has_errors());
  EXPECT_TRUE(batch.reports.empty());
  EXPECT_EQ(batch.problems[0].code, "xlsx_too_large");

  // The same bomb lying about its size in the zip headers is stopped while unpacking.
  auto liar = bomb;
  const auto patch = [&](const char* signature, std::size_t size_offset) {
    std::size_t patched = 0;
    for (auto at = liar.find(signature); at != std::string::npos; at = liar.find(signature, at + 4)) {
      const auto name_length = static_cast<unsigned char>(liar[at + (size_offset == 22 ? 26 : 28)]);
      if (name_length != std::strlen("xl/worksheets/sheet1.xml")) continue;
      const std::uint32_t small = 1000;
      std::memcpy(liar.data() + at + size_offset, &small, 4);  // little-endian host
      ++patched;
    }
    return patched;
  };
  ASSERT_EQ(patch("PK\x03\x04", 22), 1u);
  ASSERT_EQ(patch("PK\x01\x02", 24), 1u);
  const auto started_liar = std::chrono::steady_clock::now();
  const auto refused = io::read_xlsx(liar);
  EXPECT_LT(std::chrono::steady_clock::now() - started_liar, std::chrono::seconds(2));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, "xlsx_too_large");

  // Lower limits apply as given: a 3 MB part is refused under a 1 MB part limit.
  io::XlsxLimits tight;
  tight.max_part_bytes = 1024 * 1024;
  const auto medium = make_zip({{"xl/workbook.xml", "<workbook><sheets><sheet name=\"A\" sheetId=\"1\"/></sheets></workbook>"},
                                {"xl/worksheets/sheet1.xml", std::string(3u * 1024 * 1024, ' ')}});
  const auto limited = io::read_xlsx(medium, tight);
  ASSERT_FALSE(limited);
  EXPECT_EQ(limited.error().code, "xlsx_too_large");
  EXPECT_EQ(limited.error().params.at("limit"), "1 MB");
}

TEST_F(ReportWorkbook, RandomBytesAndEmptyFilesAreRefused) {
  std::mt19937 random(42);
  std::string noise(4096, '\0');
  for (auto& c : noise) c = static_cast<char>(random() & 0xFF);
  for (const auto& [what, bytes] : std::vector<std::pair<std::string, std::string>>{
           {"random", noise}, {"random starting PK", "PK" + noise}, {"text", "reporting_state,year\nFRA,2022\n"}}) {
    SCOPED_TRACE(what);
    const auto batch = upload(bytes);
    ASSERT_EQ(batch.problems.size(), 1u);
    EXPECT_TRUE(batch.has_errors());
    EXPECT_TRUE(batch.reports.empty());
    EXPECT_EQ(batch.problems[0].code, "xlsx_not_xlsx");
  }
  const auto empty = upload("");
  ASSERT_EQ(empty.problems.size(), 1u);
  EXPECT_TRUE(empty.has_errors());
  EXPECT_EQ(empty.problems[0].code, "xlsx_empty_file");
}

TEST_F(ReportWorkbook, ZipOrWorkbookWithoutTheExpectedSheetsIsRefused) {
  const auto plain_zip = upload(make_zip({{"hello.txt", "hello"}}));
  ASSERT_EQ(plain_zip.problems.size(), 1u);
  EXPECT_EQ(plain_zip.problems[0].code, "xlsx_not_xlsx");
  EXPECT_EQ(plain_zip.problems[0].params.at("part"), "xl/workbook.xml");

  const auto other_workbook = upload(make_workbook({{"Sheet1", {{"a", "b"}}}, {"Exports", {{"x"}}}}));
  ASSERT_EQ(other_workbook.problems.size(), 1u);
  EXPECT_TRUE(other_workbook.has_errors());
  EXPECT_EQ(other_workbook.problems[0].code, "workbook_missing_sheets");
  EXPECT_EQ(other_workbook.problems[0].params.at("sheets"), "Report, Imports");
}

TEST(XlsxReader, CellReferences) {
  EXPECT_EQ(io::column_letters(1), "A");
  EXPECT_EQ(io::column_letters(26), "Z");
  EXPECT_EQ(io::column_letters(27), "AA");
  EXPECT_EQ(io::cell_reference(12, 3), "C12");
}

}  // namespace
}  // namespace att::reporting
