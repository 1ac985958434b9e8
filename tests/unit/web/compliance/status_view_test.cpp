// How pages show reporting status: each status with a symbol and words (it reads in black and
// white), rates in the reader's way, and a State's obligations as a fragment a State's page can
// include, in the three languages.
#include "web/compliance/status_view.hpp"

#include <gtest/gtest.h>

#include <set>

#include "core/compliance/status_history.hpp"

namespace att::web {
namespace {

const AppContext& context() {
  // Only the strings and the templates: the views need no database.
  static const AppContext loaded = [] {
    AppContext app;
    app.catalog = Catalog::load(std::filesystem::path(ATT_WEB_DIR) / "i18n");
    app.views = Views::load(std::filesystem::path(ATT_WEB_DIR) / "templates");
    return app;
  }();
  return loaded;
}

Date date(std::string_view text) { return Date::parse(text).value(); }

TEST(StatusView, EveryStatusHasItsOwnSymbolAndWordsInEachLanguage) {
  using compliance::Timeliness;
  for (const auto language : all_languages) {
    std::set<std::string> symbols, labels;
    for (const auto timeliness : {Timeliness::on_time, Timeliness::within_grace, Timeliness::late, Timeliness::overdue,
                                  Timeliness::not_yet_due}) {
      const auto view = timeliness_view(context(), language, timeliness);
      EXPECT_EQ(view["status"], std::string(to_string(timeliness)));
      symbols.insert(view["symbol"].get<std::string>());
      labels.insert(view["label"].get<std::string>());
    }
    EXPECT_EQ(symbols.size(), 5u) << "a symbol apart for each status, so that colour is not needed";
    EXPECT_EQ(labels.size(), 5u);
  }
  EXPECT_EQ(timeliness_view(context(), Language::fr, Timeliness::late)["label"], "En retard");
  EXPECT_EQ(timeliness_view(context(), Language::es, Timeliness::on_time)["label"], "En plazo");
}

TEST(StatusView, RatesAsPercentagesTheReadersWay) {
  EXPECT_EQ(percent_text(context(), Language::en, 1, 3), "33.3%");
  EXPECT_EQ(percent_text(context(), Language::fr, 1, 3), "33,3\u202f%");
  EXPECT_EQ(percent_text(context(), Language::es, 2, 2), "100,0\u202f%");
  EXPECT_EQ(percent_text(context(), Language::en, 0, 0), "–") << "no rate of nothing";
}

TEST(StatusView, AStatesObligationsAsAFragmentForItsPage) {
  StateRecord state;
  state.iso3 = "FRA";
  state.name_en = "France";
  state.name_fr = "France";
  state.name_es = "Francia";
  state.region = "Europe";
  state.deposit_kind = "ratification";
  state.deposit_date = date("2014-04-02");
  compliance::ReportFacts facts;
  facts.annual[2015]["FRA"] = {{1, {date("2016-06-03"), std::nullopt}, reports::Visibility::restricted, std::nullopt}};
  const auto rows = compliance::state_history(state, date("2017-01-01"), {}, facts);
  ASSERT_EQ(rows.size(), 3u);
  const auto html = state_history_html(context(), Language::es, state, date("2017-01-01"), rows);
  EXPECT_NE(html.find("Informes que debía Francia"), std::string::npos) << html;
  EXPECT_NE(html.find("Informe inicial"), std::string::npos);
  EXPECT_NE(html.find("En el período de gracia"), std::string::npos) << "2015, received on 3 June";
  EXPECT_NE(html.find("Solo Estados Partes"), std::string::npos);
  EXPECT_NE(html.find("data-status=\"overdue\""), std::string::npos) << "the initial report";
  EXPECT_NE(html.find("data-status=\"not_yet_due\""), std::string::npos) << "2016";
  EXPECT_EQ(html.find("<html"), std::string::npos) << "a fragment, not a page";
}

}  // namespace
}  // namespace att::web
