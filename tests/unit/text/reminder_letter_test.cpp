// A reminder letter lists exactly the State's overdue reports (not those on time, late but
// received, or not yet due), with their deadlines, in its addressee's language.
#include "text/reminder_letter.hpp"

#include <gtest/gtest.h>

#include <regex>

#include "core/compliance/overdue.hpp"

namespace att::text {
namespace {

Date date(std::string_view text) { return Date::parse(text).value(); }

StateRecord party(std::string iso3, std::string name_fr, std::string_view deposit) {
  StateRecord state;
  state.iso3 = std::move(iso3);
  state.name_en = state.name_es = state.iso3;
  state.name_fr = std::move(name_fr);
  state.region = "Africa";
  state.deposit_kind = "ratification";
  state.deposit_date = date(deposit);
  return state;
}

compliance::VersionFacts received(std::string_view on) {
  return {1, {date(on), std::nullopt}, reports::Visibility::public_report, std::nullopt};
}

const Catalog& catalog() {
  static const Catalog loaded = Catalog::load(std::filesystem::path(ATT_WEB_DIR) / "i18n");
  return loaded;
}

const Views& views() {
  static const Views loaded = Views::load(std::filesystem::path(ATT_WEB_DIR) / "templates");
  return loaded;
}

// The register and reports of the tests: AAA owes its initial report (received), 2015 (late),
// 2016 (never sent) and 2017 (not due yet on 2018-03-01); BBB has sent everything; CCC nothing.
struct Setting {
  StatesRegister states_register{{party("AAA", "Aland", "2014-04-02"), party("BBB", "Bélize", "2014-04-02"),
                                  party("CCC", "Cédille", "2016-09-01")},
                                 {}};
  compliance::ReportFacts facts;
  Setting() {
    facts.initial["AAA"] = {received("2015-12-01")};
    facts.annual[2015]["AAA"] = {received("2016-09-01")};
    facts.initial["BBB"] = {received("2015-12-01")};
    facts.annual[2015]["BBB"] = {received("2016-05-01")};
    facts.annual[2016]["BBB"] = {received("2017-05-01")};
  }
};

TEST(Overdue, EachStateWithItsOverdueReportsOnly) {
  const Setting setting;
  const auto owing = compliance::overdue_states(setting.states_register, date("2018-03-01"), {}, setting.facts);
  ASSERT_EQ(owing.size(), 2u) << "BBB owes nothing";
  EXPECT_EQ(owing[0].state->iso3, "AAA");
  ASSERT_EQ(owing[0].overdue.size(), 1u) << "2016 only: the initial and 2015 came, 2017 is not due";
  EXPECT_EQ(owing[0].overdue[0].obligation.year, 2016);
  EXPECT_EQ(owing[1].state->iso3, "CCC");
  ASSERT_EQ(owing[1].overdue.size(), 1u) << "its initial report (due 2017-11-29); 2017 is not due yet";
  EXPECT_EQ(owing[1].overdue[0].obligation.kind, compliance::ReportKind::initial);

  const auto initial_only = compliance::overdue_states(setting.states_register, date("2018-03-01"), {}, setting.facts,
                                                       {std::nullopt, compliance::ReportKind::initial});
  ASSERT_EQ(initial_only.size(), 1u);
  EXPECT_EQ(initial_only[0].state->iso3, "CCC");
  const auto year_2016 =
      compliance::overdue_states(setting.states_register, date("2018-03-01"), {}, setting.facts, {2016, std::nullopt});
  ASSERT_EQ(year_2016.size(), 1u);
  EXPECT_EQ(year_2016[0].state->iso3, "AAA");
}

TEST(ReminderLetter, ListsExactlyTheOverdueReportsInTheAddresseesLanguage) {
  const Setting setting;
  const auto owing = compliance::overdue_states(setting.states_register, date("2019-07-01"), {}, setting.facts);
  ASSERT_EQ(owing[0].state->iso3, "AAA");
  const auto html = reminder_letter_html(catalog(), views(), owing[0], date("2019-07-01"),
                                         {"Jeanne Martin", Language::fr}, "https://att.example.org");
  EXPECT_NE(html.find("<html lang=\"fr\""), std::string::npos);
  EXPECT_NE(html.find("Jeanne Martin"), std::string::npos);
  EXPECT_NE(html.find("1er juillet 2019"), std::string::npos) << html;
  EXPECT_NE(html.find("Aland"), std::string::npos);
  EXPECT_NE(html.find("https://att.example.org/reports"), std::string::npos) << "where to find help";
  const std::regex item("<li><strong>([^<]+)</strong>, attendu le ([^(<]+) \\(");
  std::vector<std::string> listed;
  for (auto match = std::sregex_iterator(html.begin(), html.end(), item); match != std::sregex_iterator(); ++match)
    listed.push_back((*match)[1].str() + " | " + (*match)[2].str());
  EXPECT_EQ(listed, (std::vector<std::string>{"Rapport annuel pour 2016 | 31 mai 2017",
                                              "Rapport annuel pour 2017 | 31 mai 2018",
                                              "Rapport annuel pour 2018 | 31 mai 2019"}))
      << "not the initial report nor 2015, which came";

  const auto spanish = reminder_letter_html(catalog(), views(), owing[0], date("2019-07-01"), {"", Language::es}, "x");
  EXPECT_NE(spanish.find("el punto de contacto nacional"), std::string::npos) << "addressed by function";
  EXPECT_NE(spanish.find("Informe anual correspondiente a 2018"), std::string::npos);
  EXPECT_EQ(spanish.find("Rapport"), std::string::npos);
}

}  // namespace
}  // namespace att::text
