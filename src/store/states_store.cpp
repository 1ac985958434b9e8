#include "store/states_store.hpp"
#include "core/timestamp.hpp"

#include <unordered_set>

namespace att::store {

namespace {

Value optional_date(const std::optional<Date>& date) {
  if (!date) return nullptr;
  return date->iso();
}

std::optional<Date> parse_optional_date(const Row& row, std::size_t column) {
  const auto text = row.optional_text(column);
  if (!text) return std::nullopt;
  auto date = Date::parse(*text);
  if (!date) throw DatabaseError("states table holds an invalid date '" + *text + "'");
  return *date;
}

}  // namespace

RegisterSaveOutcome save_register(Database& db, const StatesRegister& states_register) {
  RegisterSaveOutcome outcome;
  Transaction transaction(db);
  std::unordered_set<std::string> known;
  for (const auto& row : db.query("SELECT iso3 FROM states")) known.insert(row.text(0));
  const auto now = Timestamp::now();
  for (const auto& s : states_register.states()) {
    db.execute(
        "INSERT INTO states (iso3, iso2, m49, name_en, name_fr, name_es, region, subregion, un_member,"
        " signature_date, deposit_date, deposit_kind, deposit_not_before, eif_date, verified, updated_at)"
        " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)"
        " ON CONFLICT (iso3) DO UPDATE SET iso2 = excluded.iso2, m49 = excluded.m49,"
        " name_en = excluded.name_en, name_fr = excluded.name_fr, name_es = excluded.name_es,"
        " region = excluded.region, subregion = excluded.subregion, un_member = excluded.un_member,"
        " signature_date = excluded.signature_date, deposit_date = excluded.deposit_date,"
        " deposit_kind = excluded.deposit_kind, deposit_not_before = excluded.deposit_not_before,"
        " eif_date = excluded.eif_date, verified = excluded.verified, updated_at = excluded.updated_at",
        {s.iso3, s.iso2, std::int64_t{s.m49}, s.name_en, s.name_fr, s.name_es, s.region, s.subregion,
         std::int64_t{s.un_member ? 1 : 0}, optional_date(s.signature_date), optional_date(s.deposit_date),
         s.deposit_kind, optional_date(s.deposit_not_before), optional_date(s.eif_recorded),
         std::int64_t{s.verified ? 1 : 0}, now.iso()});
    ++(known.contains(s.iso3) ? outcome.states_updated : outcome.states_added);
  }
  db.execute("DELETE FROM state_aliases");
  for (const auto& alias : states_register.aliases()) {
    db.execute("INSERT INTO state_aliases (alias, iso3) VALUES ($1, $2) ON CONFLICT (alias) DO NOTHING",
               {alias.alias, alias.iso3});
    ++outcome.aliases;
  }
  transaction.commit();
  return outcome;
}

StatesRegister load_register(Database& db) {
  std::vector<StateRecord> states;
  for (const auto& row : db.query(
           "SELECT iso3, iso2, m49, name_en, name_fr, name_es, region, subregion, un_member, signature_date,"
           " deposit_date, deposit_kind, deposit_not_before, eif_date, verified FROM states ORDER BY iso3")) {
    StateRecord s;
    s.iso3 = row.text(0);
    s.iso2 = row.text(1);
    s.m49 = static_cast<int>(row.integer(2));
    s.name_en = row.text(3);
    s.name_fr = row.text(4);
    s.name_es = row.text(5);
    s.region = row.text(6);
    s.subregion = row.text(7);
    s.un_member = row.integer(8) != 0;
    s.signature_date = parse_optional_date(row, 9);
    s.deposit_date = parse_optional_date(row, 10);
    s.deposit_kind = row.text(11);
    s.deposit_not_before = parse_optional_date(row, 12);
    s.eif_recorded = parse_optional_date(row, 13);
    s.verified = row.integer(14) != 0;
    states.push_back(std::move(s));
  }
  std::vector<StateAlias> aliases;
  for (const auto& row : db.query("SELECT alias, iso3 FROM state_aliases ORDER BY alias"))
    aliases.push_back({row.text(0), row.text(1)});
  return StatesRegister(std::move(states), std::move(aliases));
}

}  // namespace att::store
