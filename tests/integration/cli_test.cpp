// The att command as a user types it.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

#include <stdlib.h>

#include "auth/api_tokens.hpp"
#include "core/date.hpp"
#include "store/migrations.hpp"
#include "store/open_database.hpp"
#include "test_support.hpp"

namespace att::testing {
namespace {

std::size_t line_count(const std::string& text) { return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')); }

class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = (dir_.path() / "cli.db").string();
    const auto init = run_att({"init", "--db", db_});
    ASSERT_EQ(init.exit_code, 0) << init.err;
    ASSERT_NE(init.out.find("196 States (196 added, 0 updated)"), std::string::npos) << init.out;
  }
  TempDir dir_;
  std::string db_;
};

TEST_F(Cli, InitTwiceUpdatesWithoutDuplicating) {
  const auto again = run_att({"init", "--db", db_});
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_NE(again.out.find("up to date"), std::string::npos) << again.out;
  EXPECT_NE(again.out.find("(0 added, 196 updated)"), std::string::npos) << again.out;
}

TEST_F(Cli, MigrateOnAnUpToDateDatabaseSaysSo) {
  const auto result = run_att({"migrate", "--db", db_});
  EXPECT_EQ(result.exit_code, 0);
  const auto latest = std::to_string(store::all_migrations().back().version);
  EXPECT_NE(result.out.find("up to date (version " + latest + ")"), std::string::npos) << result.out;
}

TEST_F(Cli, SpeaksTheLanguageOfAttLang) {
  // Messages come from the web pages' catalogue; machine output stays as it is.
  ::setenv("ATT_LANG", "fr", 1);
  const auto table = run_att({"states", "--db", db_, "--as-of", "2014-12-24"});
  const auto refused = run_att({"states", "--db", (dir_.path() / "none.db").string()});
  ::unsetenv("ATT_LANG");
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("196 États au 2014-12-24 : 61 États Parties (61 liés), 69 signataires"), std::string::npos)
      << table.out;
  EXPECT_EQ(refused.err.rfind("att: erreur : la base ", 0), 0u) << refused.err;
}

TEST_F(Cli, CommandLineMistakesAreToldInTheReadersLanguage) {
  // CLI11 words its errors in English; att says them from the catalogue, naming what was wrong.
  struct Case {
    const char* language;
    std::vector<std::string> arguments;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {"en", {"serve", "--port", "0"}, "att: --port: 0 is not between 1 and 65535. See att --help."},
      {"fr", {"serve", "--port", "0"}, "att: --port : 0 n’est pas compris entre 1 et 65535. Voir att --help."},
      {"es", {"status", "--db", "x.db", "--year", "2023", "--format", "xml"},
       "att: --format: «xml» no es uno de los valores aceptados. Véase att --help."},
      {"fr", {"states"}, "att: --db est obligatoire. Voir att --help."},
      {"es", {"states", "--db", "x.db", "--bogus"}, "att: inesperado en la línea de comandos: --bogus. Véase att --help."},
      {"fr", {"status", "--db", "x.db", "--year", "abc"}, "att: --year : « abc » n’est pas une valeur valable. Voir att --help."},
      {"en", {"status", "--db", "x.db", "--year"}, "att: --year needs a value. See att --help."},
      {"fr", {}, "att: une commande est nécessaire, par exemple att serve ou att status. Voir att --help."},
  };
  for (const auto& c : cases) {
    ::setenv("ATT_LANG", c.language, 1);
    const auto result = run_att(c.arguments);
    ::unsetenv("ATT_LANG");
    EXPECT_NE(result.exit_code, 0);
    EXPECT_EQ(result.err, c.expected + "\n") << c.language;
  }
  // Help stays help: it is not an error.
  EXPECT_EQ(run_att({"status", "--help"}).exit_code, 0);
}

TEST_F(Cli, StatesAsTableCsvAndJson) {
  const auto table = run_att({"states", "--db", db_, "--as-of", "2014-12-24"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("196 States on 2014-12-24: 61 parties (61 bound), 69 signatories, 66 neither."),
            std::string::npos)
      << table.out;

  const auto csv = run_att({"states", "--db", db_, "--format", "csv", "--region", "Europe", "--status", "party",
                            "--as-of", "2014-12-24"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(csv.out.rfind("iso3,name,status,in_force,", 0), 0u);
  EXPECT_EQ(line_count(csv.out), 35u) << "header and 34 European parties";

  const auto json = run_att({"states", "--db", db_, "--format", "json", "--as-of", "2026-11-27"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const auto states = nlohmann::json::parse(json.out);
  EXPECT_EQ(states.size(), 196u);
  EXPECT_EQ(std::count_if(states.begin(), states.end(), [](const auto& s) { return s["status"] == "party"; }), 118);
}

TEST_F(Cli, BadInputIsOneClearLineAndNonZeroExit) {
  struct Case {
    std::vector<std::string> args;
    const char* expected;
  };
  const std::vector<Case> cases = {
      {{"states", "--db", db_, "--as-of", "2023-02-30"}, "is not a day of the calendar"},
      {{"states", "--db", db_, "--as-of", "yesterday"}, "is not a date written YYYY-MM-DD"},
      {{"states", "--db", db_, "--status", "member"}, "--status must be one of: party, signatory, none"},
      {{"states", "--db", (dir_.path() / "missing.db").string()}, "is not initialised: run att init"},
      {{"init", "--db", "/nonexistent-folder/att.db"}, "cannot open SQLite database"},
      {{"states", "--db", "postgresql://nobody@127.0.0.1:1/none?connect_timeout=2"}, "cannot connect to PostgreSQL"},
      {{"init", "--db", db_, "--data-dir", dir_.path().string()}, "cannot read"},
  };
  for (const auto& c : cases) {
    const auto result = run_att(c.args);
    EXPECT_NE(result.exit_code, 0) << c.expected;
    EXPECT_NE(result.err.find(c.expected), std::string::npos) << result.err;
    EXPECT_EQ(result.err.rfind("att: error: ", 0), 0u) << result.err;
    EXPECT_EQ(line_count(result.err), 1u) << result.err;
  }
}

TEST_F(Cli, RegisterFileProblemsAreToldInTheReadersLanguageAtTheirPlace) {
  const auto data = dir_.path() / "data";
  std::filesystem::create_directories(data);
  std::ofstream(data / "states.csv") <<
             "iso3,iso2,m49,name_en,name_fr,name_es,region,subregion,un_member,signature_date,deposit_date,"
             "deposit_kind,deposit_not_before,eif_date,verified\n"
             "FRA,FR,250,France,France,Francia,Europe,Western Europe,peut-être,2013-06-03,2014-04-02,ratification,,,yes\n"
             "XX,XX,abc,Bad,Mauvais,Malo,Europe,Western Europe,yes,,,,,,yes\n";
  std::ofstream(data / "state-aliases.csv") << "alias,iso3\n";
  ::setenv("ATT_LANG", "fr", 1);
  const auto result = run_att({"init", "--db", db_, "--data-dir", data.string()});
  ::unsetenv("ATT_LANG");
  EXPECT_NE(result.exit_code, 0);
  const auto file = (data / "states.csv").string();
  for (const auto& expected :
       {std::string("le registre des États ne peut pas être chargé (3 problèmes) :"),
        file + ":2: error: un_member: yes ou no est attendu ; trouvé « peut-être ».",
        file + ":3: error: iso3: Un code de 3 lettres est attendu.",
        file + ":3: error: m49: Un nombre est attendu ; trouvé « abc »."})
    EXPECT_NE(result.err.find(expected), std::string::npos) << expected << "\nin\n" << result.err;
}

TEST_F(Cli, UsageMistakesAreExplained) {
  const auto unknown = run_att({"frobnicate"});
  EXPECT_NE(unknown.exit_code, 0);
  const auto missing_db = run_att({"states"});
  EXPECT_NE(missing_db.exit_code, 0);
  EXPECT_NE((missing_db.err + missing_db.out).find("--db"), std::string::npos);
  const auto bad_format = run_att({"states", "--db", db_, "--format", "xml"});
  EXPECT_NE(bad_format.exit_code, 0);
}

TEST_F(Cli, EverySubcommandHasHelp) {
  for (const char* command : {"init", "migrate", "serve", "states"}) {
    const auto result = run_att({command, "--help"});
    EXPECT_EQ(result.exit_code, 0) << command;
    EXPECT_NE(result.out.find("--db"), std::string::npos) << command << ": " << result.out;
  }
  const auto top = run_att({"--help"});
  EXPECT_EQ(top.exit_code, 0);
  for (const char* command : {"init", "migrate", "serve", "states"}) EXPECT_NE(top.out.find(command), std::string::npos);
}

TEST_F(Cli, BrokenRegisterFileChangesNothing) {
  const auto data = dir_.path() / "data";
  std::filesystem::create_directories(data);
  std::ofstream(data / "states.csv") << "iso3,iso2\nFRA,FR\n";
  std::ofstream(data / "state-aliases.csv") << "alias,iso3\n";
  const auto result = run_att({"init", "--db", db_, "--data-dir", data.string()});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("signature_date: The column “signature_date” is missing."), std::string::npos) << result.err;
  const auto json = run_att({"states", "--db", db_, "--format", "json"});
  EXPECT_EQ(nlohmann::json::parse(json.out).size(), 196u);
}

// Imports a version, amends it, then exports each version in each format.
TEST_F(Cli, ReportsExportAnyVersionAsCsvJsonAndXlsx) {
  const std::string header =
      "reporting_state,year,direction,category,partner_state,items,value,currency,basis,description,comments,"
      "state_of_origin,intermediate_location\n";
  const std::string first = header + "FRA,2022,export,II,BEL,3,,,actual,\"Chars, rénovés\",,,\n";
  const std::string second = header + "FRA,2022,export,II,BEL,4,,,actual,Chars,,,\n";
  for (const auto& [name, body] : {std::pair{"first.csv", first}, std::pair{"second.csv", second}}) {
    std::ofstream(dir_.path() / name) << body;
    ASSERT_EQ(run_att({"import", "--db", db_, (dir_.path() / name).string()}).exit_code, 0);
  }
  const auto csv = [&](std::vector<std::string> more) {
    std::vector<std::string> args{"reports", "export", "--db", db_, "--state", "FRA", "--year", "2022"};
    args.insert(args.end(), more.begin(), more.end());
    return run_att(args);
  };
  EXPECT_EQ(csv({}).out, second) << "the current version, exactly as imported";
  EXPECT_EQ(csv({"--version", "1"}).out, first) << "the superseded version is kept";
  const auto json = nlohmann::json::parse(csv({"--format", "json", "--version", "1"}).out);
  EXPECT_EQ(json["version"]["status"], "superseded");
  EXPECT_EQ(json["exports"][0]["items"], 3);
  const auto workbook = dir_.path() / "fra.xlsx";
  ASSERT_EQ(csv({"--format", "xlsx", "--lang", "fr", "--output", workbook.string()}).exit_code, 0);
  EXPECT_EQ(file_content(workbook).rfind("PK\x03\x04", 0), 0u) << "a zip file";
  const auto missing = csv({"--version", "3"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("no version 3 of the report of FRA for 2022"), std::string::npos) << missing.err;
  EXPECT_EQ(run_att({"reports", "export", "--db", db_, "--state", "Atlantis", "--year", "2022"}).exit_code, 1);
}

TEST_F(Cli, ImportSetsOneTablesVisibilityApartFromTheReports) {
  const auto file = dir_.path() / "mixed.csv";
  std::ofstream(file) << "reporting_state,year,direction,category,partner_state,items,value,currency,basis,description,"
                         "comments,state_of_origin,intermediate_location\n"
                         "FRA,2022,export,II,BEL,3,,,,,,,\nFRA,2022,import,I,DEU,1,,,,,,,\n";
  const auto refused = run_att({"import", "--db", db_, "--imports-visibility", "secret", file.string()});
  EXPECT_EQ(refused.exit_code, 1) << refused.err;
  EXPECT_NE(refused.err.find("--imports-visibility must be one of: public, restricted"), std::string::npos) << refused.err;
  const auto imported = run_att({"import", "--db", db_, "--imports-visibility", "restricted", file.string()});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  const auto exported =
      run_att({"reports", "export", "--db", db_, "--state", "FRA", "--year", "2022", "--format", "json"});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  const auto json = nlohmann::json::parse(exported.out);
  EXPECT_EQ(json["visibility"], "public");
  EXPECT_EQ(json["exports_visibility"], "public");
  EXPECT_EQ(json["imports_visibility"], "restricted");
  EXPECT_EQ(json["imports"].size(), 1u) << "the database owner reads every table";
}

// An account made with `att users add`, its password from standard input.
void add_user(const std::string& db, const std::string& email, const std::vector<std::string>& extra) {
  std::vector<std::string> args = {"users", "add", "--db", db, "--email", email, "--password-stdin"};
  args.insert(args.end(), extra.begin(), extra.end());
  const auto made = run_att(args, "a long passphrase for the cli tests\n");
  ASSERT_EQ(made.exit_code, 0) << made.err;
}

TEST_F(Cli, TokensAreAddedListedAndRevoked) {
  add_user(db_, "officer@example.org", {"--role", "reporting-officer", "--state", "FRA"});
  const auto made = run_att({"tokens", "add", "--db", db_, "--email", "officer@example.org", "--name", "nightly upload",
                             "--scope", "reporting", "--expires", "30"});
  ASSERT_EQ(made.exit_code, 0) << made.err;
  const auto token = made.out.substr(0, made.out.find('\n'));
  EXPECT_EQ(token.rfind("att_", 0), 0u) << "the token alone on standard output: " << made.out;
  EXPECT_NE(made.err.find("scope reporting"), std::string::npos) << made.err;

  const auto holder = auth::api_token_holder(*store::open_database(db_), token, std::chrono::system_clock::now());
  ASSERT_TRUE(holder);
  EXPECT_EQ(holder->scope, auth::TokenScope::reporting);

  const auto listed = run_att({"tokens", "list", "--db", db_, "--email", "officer@example.org"});
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  const auto in_30_days = utc_timestamp(std::chrono::system_clock::now() + std::chrono::days(30)).substr(0, 10);
  for (const std::string shown : {"nightly upload", "reporting", "officer@example.org", in_30_days.c_str(), "1 tokens."})
    EXPECT_NE(listed.out.find(shown), std::string::npos) << shown << " in " << listed.out;
  EXPECT_EQ(listed.out.find(token), std::string::npos) << "never the secret";

  const auto revoked = run_att({"tokens", "revoke", "--db", db_, "--id", "1"});
  ASSERT_EQ(revoked.exit_code, 0) << revoked.err;
  EXPECT_FALSE(auth::api_token_holder(*store::open_database(db_), token, std::chrono::system_clock::now()));
  EXPECT_NE(run_att({"tokens", "list", "--db", db_}).out.find("0 tokens."), std::string::npos);
  EXPECT_EQ(run_att({"tokens", "revoke", "--db", db_, "--id", "1"}).exit_code, 1) << "revoked once";
}

TEST_F(Cli, TokensLastAYearAtMostAndOtherMistakesAreExplained) {
  add_user(db_, "rep@example.org", {"--role", "observer"});
  const auto add = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = {"tokens", "add", "--db", db_, "--email", "rep@example.org", "--name", "x"};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_att(args);
  };
  const auto too_far = add({"--expires", "400"});
  EXPECT_EQ(too_far.exit_code, 1);
  EXPECT_NE(too_far.err.find("at most one year (366 days)"), std::string::npos) << too_far.err;
  EXPECT_NE(add({"--expires", "2999-01-01"}).err.find("at most one year"), std::string::npos);
  EXPECT_NE(add({"--expires", "2020-01-01"}).err.find("in the future"), std::string::npos);
  EXPECT_NE(add({"--expires", "soon"}).err.find("neither a number of days nor a date"), std::string::npos);
  EXPECT_NE(add({"--scope", "admin"}).err.find("use full, read or reporting"), std::string::npos);
  ::setenv("ATT_LANG", "es", 1);
  const auto in_spanish = add({"--expires", "400"});
  ::unsetenv("ATT_LANG");
  EXPECT_NE(in_spanish.err.find("como máximo un año"), std::string::npos) << in_spanish.err;
  const auto fine = add({});
  ASSERT_EQ(fine.exit_code, 0) << fine.err;
  const auto in_90_days = utc_timestamp(std::chrono::system_clock::now() + std::chrono::days(90)).substr(0, 10);
  EXPECT_NE(run_att({"tokens", "list", "--db", db_}).out.find(in_90_days + "T"), std::string::npos) << "90 days by default";
}

TEST_F(Cli, GrantingTheSecretariatRoleIsAnnouncedToTheSecretariat) {
  add_user(db_, "first@example.org", {"--role", "secretariat", "--language", "fr"});
  add_user(db_, "closed@example.org", {"--role", "secretariat"});  // announced to first@ (not checked here)
  store::open_database(db_)->execute("UPDATE users SET active = 0 WHERE email = 'closed@example.org'");
  add_user(db_, "second@example.org", {"--role", "secretariat", "--name", "Second Person"});
  const auto mails = store::open_database(db_)->query(
      "SELECT to_address, subject, body_text FROM mail_outbox WHERE body_text LIKE '%second@example.org%' ORDER BY id");
  ASSERT_EQ(mails.size(), 1u) << "to the other active Secretariat accounts only";
  EXPECT_EQ(mails[0].text(0), "first@example.org");
  EXPECT_NE(mails[0].text(1).find("Second Person a désormais le rôle de Secrétariat"), std::string::npos)
      << "in the recipient's language: " << mails[0].text(1);
  EXPECT_NE(mails[0].text(2).find("second@example.org"), std::string::npos);
}

TEST_F(Cli, SetPasswordRevokesTheAccountsTokens) {
  add_user(db_, "rep@example.org", {"--role", "observer"});
  const auto token = run_att({"tokens", "add", "--db", db_, "--email", "rep@example.org", "--name", "x"}).out;
  ASSERT_EQ(token.rfind("att_", 0), 0u);
  const auto changed = run_att({"users", "set-password", "--db", db_, "--email", "rep@example.org", "--password-stdin"},
                               "another long passphrase for the cli\n");
  ASSERT_EQ(changed.exit_code, 0) << changed.err;
  EXPECT_NE(changed.out.find("1 API tokens revoked"), std::string::npos) << changed.out;
  EXPECT_FALSE(auth::api_token_holder(*store::open_database(db_), token.substr(0, token.find('\n')),
                                      std::chrono::system_clock::now()));
}

TEST_F(Cli, StatusListsWhoOwesTheReportAndWhereEachStands) {
  const auto file = dir_.path() / "fra.csv";
  std::ofstream(file) << "reporting_state,year,direction,category,partner_state,items,value,currency,basis,description,"
                         "comments,state_of_origin,intermediate_location\n"
                         "FRA,2022,export,II,BEL,3,,,,,,,\n";
  ASSERT_EQ(run_att({"import", "--db", db_, "--received", "2023-06-05", file.string()}).exit_code, 0);
  const auto json = run_att({"status", "--db", db_, "--year", "2022", "--as-of", "2023-07-01", "--format", "json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const auto body = nlohmann::json::parse(json.out);
  EXPECT_EQ(body["totals"]["within_grace"], 1);
  EXPECT_EQ(body["totals"]["submitted"], 1);
  EXPECT_EQ(body["totals"]["overdue"].get<int>(), body["totals"]["expected"].get<int>() - 1);
  const auto csv = run_att({"status", "--db", db_, "--year", "2022", "--as-of", "2023-07-01", "--format", "csv"});
  EXPECT_NE(csv.out.find("FRA,Europe,within_grace,2023-05-31,2023-06-05,5,1,public,no"), std::string::npos) << csv.out;
  const auto table = run_att({"status", "--db", db_, "--year", "2022", "--as-of", "2023-05-01"});
  EXPECT_NE(table.out.find("0 submitted"), std::string::npos) << "received after that date: " << table.out;
  const auto refused = run_att({"status", "--db", db_, "--year", "2014"});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("--year must be a calendar year from 2015"), std::string::npos) << refused.err;
  // The rules are options, as for att serve: no grace makes the same report late, and with the
  // year of entry into force counting, 2014 is a reporting year.
  const auto strict = run_att({"status", "--db", db_, "--year", "2022", "--as-of", "2023-07-01", "--format", "csv",
                               "--grace-days", "0"});
  EXPECT_NE(strict.out.find("FRA,Europe,late,2023-05-31,2023-06-05,5,1,public,no"), std::string::npos) << strict.out;
  const auto from_eif = run_att({"status", "--db", db_, "--year", "2014", "--as-of", "2016-01-01", "--format", "json",
                                 "--first-annual-year", "eif"});
  ASSERT_EQ(from_eif.exit_code, 0) << from_eif.err;
  EXPECT_GE(nlohmann::json::parse(from_eif.out)["totals"]["expected"].get<int>(), 50) << "the first parties, bound in 2014";
  EXPECT_NE(run_att({"status", "--db", db_, "--year", "2022", "--first-annual-year", "never"}).exit_code, 0)
      << "a value that is not one of the choices";
}

TEST_F(Cli, LettersToEveryStateWithAnOverdueReportInItsContactsLanguage) {
  const auto file = dir_.path() / "fra.csv";
  std::ofstream(file) << "reporting_state,year,direction,category,partner_state,items,value,currency,basis,description,"
                         "comments,state_of_origin,intermediate_location\n"
                         "FRA,2022,export,II,BEL,3,,,,,,,\n";
  ASSERT_EQ(run_att({"import", "--db", db_, "--received", "2023-06-05", file.string()}).exit_code, 0);
  add_user(db_, "officer@example.de", {"--role", "reporting-officer", "--state", "DEU", "--language", "fr"});
  // The guidance has the question data/guidance_links.csv names on reporting obligations.
  store::open_database(db_)->execute_script(
      "INSERT INTO faq_revisions (id, meeting, published_by, published_at) SELECT 1, 'CSP10', MIN(id),"
      " '2023-01-01T00:00:00Z' FROM users;"
      "INSERT INTO faq_answers (revision_id, number, language, question, answer) VALUES (1, 1, 'en', 'Who?', 'All.');");
  const auto out = dir_.path() / "letters";
  const auto written = run_att({"letters", "--db", db_, "--as-of", "2023-07-01", "--year", "2022", "--format", "html",
                                "--out", out.string()});
  ASSERT_EQ(written.exit_code, 0) << written.err;
  const auto status = nlohmann::json::parse(
      run_att({"status", "--db", db_, "--year", "2022", "--as-of", "2023-07-01", "--format", "json"}).out);
  const int overdue = status["totals"]["overdue"].get<int>();
  EXPECT_NE(written.out.find(std::to_string(overdue) + " letters written"), std::string::npos) << written.out;
  std::set<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(out)) names.insert(entry.path().filename().string());
  EXPECT_EQ(names.size(), static_cast<std::size_t>(overdue)) << "one letter per State with 2022 overdue";
  EXPECT_FALSE(names.count("FRA-reminder-2023-07-01.html")) << "France sent its report";
  ASSERT_TRUE(names.count("DEU-reminder-2023-07-01.html"));
  for (const auto& name : names) EXPECT_EQ(name.substr(3, 10), "-reminder-") << "each name starts with the ISO3 code";
  std::ifstream germany(out / "DEU-reminder-2023-07-01.html");
  const std::string letter((std::istreambuf_iterator<char>(germany)), std::istreambuf_iterator<char>());
  EXPECT_NE(letter.find("Rapport annuel pour 2022"), std::string::npos) << "its officer reads French";
  EXPECT_NE(letter.find("31 mai 2023"), std::string::npos);
  EXPECT_EQ(letter.find("2021"), std::string::npos) << "only the year asked for";
  EXPECT_NE(letter.find("La question 1 des orientations"), std::string::npos) << letter;
  EXPECT_NE(letter.find("http://localhost:8080/faq/1"), std::string::npos);
  const auto logged = store::open_database(db_)->query(
      "SELECT language, channel FROM reminder_letters WHERE state_iso3 = 'DEU'");
  ASSERT_EQ(logged.size(), 1u);
  EXPECT_EQ(logged[0].text(0), "fr");
  EXPECT_EQ(logged[0].text(1), "file");
}

}  // namespace
}  // namespace att::testing
