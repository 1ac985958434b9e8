#include "transfers/transfers_fixture.hpp"

#include "../unit/test_data.hpp"
#include "reporting/reports_store.hpp"

namespace att::testing {
using namespace att::literals;

using reports::Visibility;

const std::map<std::string, int> year_of_kind{{"public", 2016},           {"restricted", 2017}, {"public_table", 2018},
                                              {"restricted_table", 2018}, {"draft", 2019},      {"recalled", 2020},
                                              {"superseded", 2021},       {"amendment", 2021}};

std::string description_of_kind(const std::string& kind) { return "kind " + kind + " end"; }

std::string kind_of_description(const std::string& description) {
  for (const auto& [kind, year] : year_of_kind)
    if (description == description_of_kind(kind)) return kind;
  return "";
}

namespace {

const Timestamp now = "2026-11-27T10:00:00Z"_utc;

reports::ReportLine line(reports::Direction direction, const std::string& partner, std::int64_t items,
                         const std::string& description) {
  reports::ReportLine l;
  l.direction = direction;
  l.category = "I";
  l.partner_state = partner;
  l.items = items;
  l.value = "1000.50";
  l.currency = "EUR";
  l.basis = reports::Basis::actual;
  l.description = description;
  return l;
}

reports::AnnualReport report(const std::string& state, int year, Visibility visibility,
                             std::vector<reports::ReportLine> lines) {
  reports::AnnualReport r;
  r.reporting_state = state;
  r.year = year;
  r.template_id = "annual-2017";
  r.visibility = visibility;
  r.lines = std::move(lines);
  return r;
}

void submit_report(store::Database& db, const reports::AnnualReport& r) {
  reporting::submit(db, {r, reporting::Channel::online, std::nullopt, false, {}}, now);
}

reports::ReportLine export_of(const std::string& kind, std::int64_t items = 5) {
  return line(reports::Direction::exports, "DEU", items, description_of_kind(kind));
}

}  // namespace

void plant_every_kind(store::Database& db) {
  store::Transaction transaction(db);
  submit_report(db, report("FRA", 2016, Visibility::public_report, {export_of("public")}));
  submit_report(db, report("FRA", 2017, Visibility::restricted, {export_of("restricted")}));
  auto mixed = report("FRA", 2018, Visibility::public_report,
                      {export_of("public_table"),
                       line(reports::Direction::imports, "DEU", 2, description_of_kind("restricted_table"))});
  mixed.imports_visibility = Visibility::restricted;
  submit_report(db, mixed);
  reporting::save_draft(db, report("FRA", 2019, Visibility::public_report, {export_of("draft")}), std::nullopt, now);
  submit_report(db, report("FRA", 2020, Visibility::public_report, {export_of("recalled")}));
  reporting::recall_current(db, "FRA", 2020, "sent by mistake", now);
  submit_report(db, report("FRA", 2021, Visibility::public_report, {export_of("superseded")}));
  submit_report(db, report("FRA", 2021, Visibility::public_report, {export_of("amendment")}));
  submit_report(db, report("DEU", 2016, Visibility::public_report,
                           {line(reports::Direction::imports, "FRA", 4, "Kampfpanzer aus Frankreich")}));
  transaction.commit();
}

std::map<std::string, auth::Viewer> transfer_viewers(const StatesRegister& states) {
  const auto as = [&](std::set<auth::Role> roles, std::optional<std::string> state, bool second_factor_done = true) {
    return auth::viewer_for({7, "x@example.org", "X", std::move(roles), std::move(state), true, true}, states,
                            Date::from_ymd(2026, 11, 27), second_factor_done);
  };
  using auth::Role;
  const std::set<Role> officer{Role::state_representative, Role::reporting_officer};
  return {
      {"anonymous", auth::Viewer::anonymous()},
      {"observer", as({Role::observer}, std::nullopt)},
      {"representative_of_a_party", as({Role::state_representative}, "ITA")},
      {"representative_of_the_reporter", as({Role::state_representative}, "FRA")},
      {"representative_of_a_signatory", as({Role::state_representative}, "USA")},
      {"reporting_officer_of_the_reporter", as(officer, "FRA")},
      {"reporting_officer_of_another_party", as(officer, "DEU")},
      {"reporting_officer_of_a_signatory", as(officer, "USA")},
      {"reporting_officer_without_second_factor", as(officer, "FRA", false)},
      {"chair", as({Role::chair}, std::nullopt)},
      {"secretariat", as({Role::secretariat}, std::nullopt)},
      {"secretariat_awaiting_its_code", as({Role::secretariat}, std::nullopt, false)},
      {"administrator", as({Role::administrator}, std::nullopt)},
  };
}

std::map<std::string, std::set<std::string>> expected_kinds() {
  const auto table = read_cases("transfers_visibility.csv");
  std::map<std::string, std::set<std::string>> expected;
  for (const auto& row : table.rows()) {
    auto& kinds = expected[std::string(table.field(row, "viewer"))];
    for (const auto& [kind, year] : year_of_kind)
      if (table.field(row, kind) == "yes") kinds.insert(kind);
  }
  return expected;
}

}  // namespace att::testing
