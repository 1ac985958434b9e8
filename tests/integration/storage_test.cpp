// Storage behaviour, run once on SQLite and once on PostgreSQL.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <utility>
#include <vector>

#include "store/migrations.hpp"
#include "store/open_database.hpp"
#include "store/states_store.hpp"
#include "test_support.hpp"

namespace att::store {
namespace {

class Storage : public testing::OnBothDatabases {};

TEST_P(Storage, OpensTheRightEngine) {
  EXPECT_EQ(db_->dialect(), GetParam() == "sqlite" ? Dialect::sqlite : Dialect::postgres);
}

TEST_P(Storage, MigratesAnEmptyDatabaseOnceAndRecordsIt) {
  EXPECT_EQ(schema_version(*db_), 0);
  const auto first = migrate(*db_);
  EXPECT_EQ(first.from_version, 0);
  EXPECT_EQ(first.to_version, all_migrations().back().version);
  EXPECT_EQ(first.applied.size(), all_migrations().size());
  const auto second = migrate(*db_);
  EXPECT_TRUE(second.applied.empty());
  EXPECT_EQ(second.to_version, first.to_version);
  const auto recorded = db_->query("SELECT version, name, applied_at FROM schema_migrations ORDER BY version");
  ASSERT_EQ(recorded.size(), all_migrations().size());
  EXPECT_EQ(recorded[0].integer(0), 1);
  EXPECT_EQ(recorded[0].text(1), "states register");
  EXPECT_EQ(recorded[0].text(2).size(), 20u) << recorded[0].text(2);
}


TEST_P(Storage, RegisterRoundTripKeepsEveryField) {
  migrate(*db_);
  const auto& original = testing::project_register();
  const auto saved = save_register(*db_, original);
  EXPECT_EQ(saved.states_added, original.states().size());
  EXPECT_EQ(saved.states_updated, 0u);
  const auto loaded = load_register(*db_);
  ASSERT_EQ(loaded.states().size(), original.states().size());
  for (std::size_t i = 0; i < loaded.states().size(); ++i) {
    const auto& a = original.states()[i];
    const auto& b = loaded.states()[i];
    EXPECT_EQ(a.iso3, b.iso3);
    EXPECT_EQ(a.iso2, b.iso2);
    EXPECT_EQ(a.m49, b.m49);
    EXPECT_EQ(a.name_en, b.name_en);
    EXPECT_EQ(a.name_fr, b.name_fr);
    EXPECT_EQ(a.name_es, b.name_es);
    EXPECT_EQ(a.region, b.region);
    EXPECT_EQ(a.subregion, b.subregion);
    EXPECT_EQ(a.un_member, b.un_member);
    EXPECT_EQ(a.signature_date, b.signature_date) << a.iso3;
    EXPECT_EQ(a.deposit_date, b.deposit_date) << a.iso3;
    EXPECT_EQ(a.deposit_kind, b.deposit_kind);
    EXPECT_EQ(a.deposit_not_before, b.deposit_not_before) << a.iso3;
    EXPECT_EQ(a.eif_recorded, b.eif_recorded) << a.iso3;
    EXPECT_EQ(a.verified, b.verified);
  }
  EXPECT_EQ(loaded.aliases().size(), original.aliases().size());
  EXPECT_EQ((*loaded.resolve("Ivory Coast"))->iso3, "CIV");
}

TEST_P(Storage, SavingAgainUpdatesInPlace) {
  testing::migrate_with_register(*db_);
  auto states = testing::project_register().states();
  for (auto& s : states) {
    if (s.iso3 == "ECU") s.deposit_date = Date::from_ymd(2026, 3, 2);  // a date becomes known
  }
  const auto saved = save_register(*db_, StatesRegister(states, testing::project_register().aliases()));
  EXPECT_EQ(saved.states_added, 0u);
  EXPECT_EQ(saved.states_updated, states.size());
  const auto loaded = load_register(*db_);
  EXPECT_EQ(loaded.find_by_code("ECU")->deposit_date, Date::from_ymd(2026, 3, 2));
  EXPECT_EQ(db_->query("SELECT COUNT(*) FROM states").at(0).integer(0), 196);
}

TEST_P(Storage, ValuesAreBoundNeverSpliced) {
  db_->execute_script("CREATE TABLE notes (id BIGINT PRIMARY KEY, body TEXT, extra TEXT)");
  const std::string hostile = "x'); DROP TABLE notes; --";
  const std::string unicode = "Côte d’Ivoire — «État» 🚀";
  db_->execute("INSERT INTO notes (id, body, extra) VALUES ($1, $2, $3)", {std::int64_t{1}, hostile, nullptr});
  db_->execute("INSERT INTO notes (id, body, extra) VALUES ($1, $2, $2)", {std::int64_t{2}, unicode});
  const auto rows = db_->query("SELECT id, body, extra FROM notes WHERE id >= $1 ORDER BY id", {std::int64_t{1}});
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].text(1), hostile);
  EXPECT_TRUE(rows[0].is_null(2));
  EXPECT_FALSE(rows[0].optional_text(2));
  EXPECT_EQ(rows[1].text(1), unicode);
  EXPECT_EQ(rows[1].text(2), unicode) << "a parameter used twice";
  EXPECT_EQ(rows[1].integer(0), 2);
}

// Files are stored as they came: every byte value, NULs, nothing escaped or converted.
TEST_P(Storage, BinaryBytesComeBackExactly) {
  const std::string type = db_->dialect() == Dialect::postgres ? "BYTEA" : "BLOB";
  db_->execute_script("CREATE TABLE files (id BIGINT PRIMARY KEY, name TEXT, content " + type + ")");
  std::string every_byte;
  for (int value = 0; value < 256; ++value) every_byte.push_back(static_cast<char>(value));
  std::string large(1024 * 1024, '\0');
  std::uint32_t state = 2463534242u;  // xorshift: reproducible noise without a seed to report
  for (auto& byte : large) {
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    byte = static_cast<char>(state);
  }
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"every byte value", every_byte},
      {"only NULs", std::string(64, '\0')},
      {"backslashes and a hex prefix", "\\x00\\\\' \"\\"},
      {"empty", ""},
      {"1 MiB of noise", large},
  };
  std::int64_t id = 0;
  for (const auto& [what, bytes] : cases)
    db_->execute("INSERT INTO files (id, name, content) VALUES ($1, $2, $3)", {++id, what, Blob{bytes}});
  db_->execute("INSERT INTO files (id, name, content) VALUES ($1, $2, $3)", {++id, std::string("none"), nullptr});

  const auto rows = db_->query("SELECT id, name, content FROM files ORDER BY id");
  ASSERT_EQ(rows.size(), cases.size() + 1);
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const auto& stored = rows[i].blob(2);
    EXPECT_EQ(stored.size(), cases[i].second.size()) << cases[i].first;
    EXPECT_TRUE(stored == cases[i].second) << cases[i].first;
    EXPECT_FALSE(rows[i].is_null(2)) << cases[i].first << ": an empty file is not a missing one";
    EXPECT_EQ(rows[i].text(1), cases[i].first) << "text columns stay text";
  }
  EXPECT_TRUE(rows.back().is_null(2));
  EXPECT_EQ(rows.back().blob(2), "");
  EXPECT_THROW((void)rows[0].integer(2), DatabaseError) << "bytes are not a number";

  // Bytes compare as bytes in a condition, and their length is the length in bytes.
  const auto found = db_->query("SELECT id, LENGTH(content) FROM files WHERE content = $1", {Blob{every_byte}});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].integer(0), 1);
  EXPECT_EQ(found[0].integer(1), 256);
}

TEST_P(Storage, FailedTransactionLeavesNothing) {
  db_->execute_script("CREATE TABLE counters (name TEXT PRIMARY KEY, value BIGINT NOT NULL)");
  try {
    Transaction transaction(*db_);
    db_->execute("INSERT INTO counters (name, value) VALUES ($1, $2)", {std::string("a"), std::int64_t{1}});
    db_->execute("INSERT INTO counters (name, value) VALUES ($1, $2)", {std::string("a"), std::int64_t{2}});
    transaction.commit();
    FAIL() << "a duplicate key must fail";
  } catch (const DatabaseError& error) {
    EXPECT_NE(std::string(error.what()).find("failed"), std::string::npos) << error.what();
  }
  EXPECT_EQ(db_->query("SELECT COUNT(*) FROM counters").at(0).integer(0), 0);
  // The connection is usable afterwards.
  {
    Transaction transaction(*db_);
    db_->execute("INSERT INTO counters (name, value) VALUES ($1, $2)", {std::string("b"), std::int64_t{7}});
    transaction.commit();
  }
  EXPECT_EQ(db_->query("SELECT value FROM counters WHERE name = $1", {std::string("b")}).at(0).integer(0), 7);
}

TEST_P(Storage, ForeignKeysAreEnforced) {
  migrate(*db_);
  EXPECT_THROW(db_->execute("INSERT INTO state_aliases (alias, iso3) VALUES ($1, $2)",
                            {std::string("Nowhere"), std::string("ZZZ")}),
               DatabaseError);
}

TEST_P(Storage, ErrorsNameTheProblemInOneLine) {
  try {
    db_->query("SELECT * FROM no_such_table");
    FAIL();
  } catch (const DatabaseError& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find("no_such_table"), std::string::npos) << message;
    EXPECT_EQ(message.find('\n'), std::string::npos) << message;
  }
}

TEST_P(Storage, TwoConnectionsMigratingTogetherApplyEachMigrationOnce) {
  auto other = open_database(location_);
  migrate(*db_);
  const auto second = migrate(*other);
  EXPECT_TRUE(second.applied.empty());
  EXPECT_EQ(db_->query("SELECT COUNT(*) FROM schema_migrations").at(0).integer(0),
            static_cast<std::int64_t>(all_migrations().size()));
}

INSTANTIATE_TEST_SUITE_P(BothDatabases, Storage, ::testing::ValuesIn(testing::database_kinds()),
                         [](const auto& test_info) { return test_info.param; });

TEST(OpenDatabase, SqliteRunsInWalWithForeignKeys) {
  testing::TempDir dir;
  const auto db = open_database((dir.path() / "wal.db").string());
  EXPECT_EQ(db->query("PRAGMA journal_mode").at(0).text(0), "wal");
  EXPECT_EQ(db->query("PRAGMA foreign_keys").at(0).integer(0), 1);
}

TEST(OpenDatabase, UnreachablePostgresIsOneClearLine) {
  try {
    open_database("postgresql://nobody:secret@127.0.0.1:1/none?connect_timeout=2");
    FAIL();
  } catch (const DatabaseError& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find("cannot connect to PostgreSQL"), std::string::npos) << message;
    EXPECT_EQ(message.find("secret"), std::string::npos) << "the password must not be shown: " << message;
  }
}

TEST(OpenDatabase, UnwritableSqlitePathIsOneClearLine) {
  try {
    open_database("/nonexistent-folder/sub/att.db");
    FAIL();
  } catch (const DatabaseError& error) {
    EXPECT_NE(std::string(error.what()).find("/nonexistent-folder/sub/att.db"), std::string::npos) << error.what();
  }
}

}  // namespace
}  // namespace att::store
