// att letters: one reminder letter per State with an overdue report on a date, in the language of
// the State's national point of contact (its reporting officer on the platform), written to a
// folder as PDF or HTML; each letter logged.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/messages.hpp"
#include "cli/options.hpp"
#include "cli/text_table.hpp"
#include "core/compliance/overdue.hpp"
#include "core/timestamp.hpp"
#include "exchange/guidance_links.hpp"
#include "reporting/compliance_facts.hpp"
#include "reporting/points_of_contact.hpp"
#include "reporting/reminder_letters_store.hpp"
#include "reporting/reports_store.hpp"
#include "store/states_store.hpp"
#include "text/printed_document.hpp"
#include "text/reminder_letter.hpp"

namespace att::cli {

namespace {

struct LettersOptions {
  CommonOptions common;
  std::string as_of;
  int year = 0;
  std::string report;
  std::string format = "pdf";
  std::string out;
  std::string public_url = "http://localhost:8080";
  std::string chromium = io::PdfSettings{}.chromium;
  compliance::ObligationRules rules;
};

text::LetterAddressee addressee_of(store::Database& db, const std::string& state) {
  const auto contact = reporting::point_of_contact(db, state);
  return {contact.name, contact.language};
}

void run(const LettersOptions& options) {
  const auto as_of = date_option("--as-of", options.as_of);
  compliance::OverdueSelection selection;
  if (options.year != 0) selection.year = options.year;
  if (!options.report.empty())
    selection.kind = options.report == "initial" ? compliance::ReportKind::initial : compliance::ReportKind::annual;
  auto db = open_initialised(options.common);
  const auto states_register = store::load_register(*db);
  const auto facts = reporting::report_facts(*db, reporting::database_owner());
  const auto owing = compliance::overdue_states(states_register, as_of, options.rules, facts, selection);
  const auto views = text::Views::load(std::filesystem::path(options.common.web_dir) / "templates");
  io::PdfPrinter printer({options.chromium});
  std::filesystem::create_directories(options.out);
  const auto now = Timestamp::now();
  const auto guidance = exchange::guidance_question(*db, options.common.data_dir, "reporting_obligations");
  for (const auto& owed : owing) {
    const auto addressee = addressee_of(*db, owed.state->iso3);
    const auto context = text::reminder_letter_context(catalog(), owed, as_of, addressee, options.public_url, guidance);
    std::string bytes;
    if (options.format == "html") {
      bytes = text::printable_html(catalog(), views, addressee.language, "letters/reminder", context);
    } else {
      auto printed = text::print_pdf(printer, catalog(), views, addressee.language, "letters/reminder", context);
      if (!printed) throw UsageError(message("cli.chromium_missing", {{"chromium", options.chromium}}));
      bytes = std::move(*printed);
    }
    const auto file =
        std::filesystem::path(options.out) / (owed.state->iso3 + "-reminder-" + as_of.iso() + "." + options.format);
    std::ofstream(file, std::ios::binary) << bytes;
    reporting::log_letter(*db, owed.state->iso3, as_of, addressee.language, "file", reporting::reports_listed(owed), now);
  }
  std::printf("%s\n",
              message("letters.written", {{"count", std::to_string(owing.size())}, {"dir", options.out}}).c_str());
}

}  // namespace

void add_letters_command(CLI::App& root) {
  auto options = std::make_shared<LettersOptions>();
  auto* command = root.add_subcommand("letters", "Reminder letters to the States with overdue reports on a date");
  add_db_option(*command, options->common);
  add_as_of_option(*command, options->as_of);
  command->add_option("--year", options->year, "Only the annual report of this year")->check(CLI::Range(2014, 9999));
  command->add_option("--report", options->report, "Only annual or initial reports")
      ->check(CLI::IsMember({"annual", "initial"}));
  command->add_option("--format", options->format, "pdf (default) or html")->check(CLI::IsMember({"pdf", "html"}));
  command->add_option("--out", options->out, "Folder the letters are written to")->required();
  command->add_option("--public-url", options->public_url, "Address of the platform, named in the letters")
      ->capture_default_str();
  command->add_option("--chromium", options->chromium, "Headless Chromium, for PDF")->capture_default_str();
  command->add_option("--web-dir", options->common.web_dir, "Folder with templates and i18n")->capture_default_str();
  add_obligation_rules_options(*command, options->rules);
  command->callback([options] { run(*options); });
}

}  // namespace att::cli
