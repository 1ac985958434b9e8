#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>

#include <nlohmann/json.hpp>

#include "auth/audit_log.hpp"
#include "cli/commands.hpp"
#include "cli/messages.hpp"
#include "cli/options.hpp"
#include "core/date.hpp"
#include "core/language.hpp"
#include "io/report_json.hpp"
#include "io/templates_file.hpp"
#include "reporting/csv_import.hpp"
#include "reporting/report_workbook.hpp"
#include "reporting/reports_store.hpp"
#include "reporting/streamed_import.hpp"
#include "reporting/version_json.hpp"
#include "store/states_store.hpp"
#include "core/timestamp.hpp"

namespace att::cli {

namespace {

struct ImportOptions {
  CommonOptions common;
  std::string file;
  std::string visibility = "public";
  std::string exports_visibility;  // empty: as --visibility
  std::string imports_visibility;
  std::string received;
  std::string channel = "import";
  bool demo = false;
  bool dry_run = false;
};

struct ListOptions {
  CommonOptions common;
  std::string state;
  int year = 0;
  std::string format = "table";
};

reports::TemplateLibrary templates_from(const CommonOptions& options) {
  auto templates = io::load_templates(std::filesystem::path(options.data_dir) / "templates");
  if (!templates) throw UsageError(templates.error());
  return std::move(*templates);
}

// One line on the terminal, rewritten in place.
void progress(const std::string& line) {
  std::fprintf(stderr, "\r\033[K%s", line.c_str());
  std::fflush(stderr);
}

// "1 error in f.csv: nothing was imported", "3 errors in …".
std::string refused(std::size_t errors, const std::string& file) {
  return message(errors == 1 ? "cli.import_refused_one" : "cli.import_refused",
                 {{"errors", std::to_string(errors)}, {"file", file}});
}

[[noreturn]] void refuse_option(const std::string& option, const std::string& values) {
  throw UsageError(message("cli.option_one_of", {{"option", option}, {"values", values}}));
}

// A table's own visibility, kept only where it differs from the report's.
std::optional<reports::Visibility> table_visibility(const std::string& text, reports::Visibility report_wide,
                                                    const char* flag) {
  if (text.empty()) return std::nullopt;
  const auto parsed = reports::visibility_from_string(text);
  if (!parsed) refuse_option(flag, "public, restricted");
  return *parsed == report_wide ? std::nullopt : parsed;
}

void import_file(const ImportOptions& options) {
  const auto visibility = reports::visibility_from_string(options.visibility);
  if (!visibility) refuse_option("--visibility", "public, restricted");
  const auto exports_visibility = table_visibility(options.exports_visibility, *visibility, "--exports-visibility");
  const auto imports_visibility = table_visibility(options.imports_visibility, *visibility, "--imports-visibility");
  const auto channel = reporting::channel_from_string(options.channel);
  if (!channel || *channel == reporting::Channel::online) refuse_option("--channel", "import, email");
  std::optional<Date> received;
  if (!options.received.empty()) {
    const auto parsed = Date::parse(options.received);
    if (!parsed)
      throw UsageError(message(parsed.error() == DateError::malformed ? "cli.date_malformed" : "cli.date_not_a_day",
                               {{"option", "--received"}, {"value", options.received}}));
    received = *parsed;
  }
  auto db = open_initialised(options.common);
  const auto states_register = store::load_register(*db);
  const auto templates = templates_from(options.common);
  // Progress goes to a terminal only, on one line that is rewritten; logs stay clean.
  const bool show_progress = ::isatty(STDERR_FILENO) == 1;
  // The lines stream from the file into the database inside one transaction, which is
  // committed only if the whole file is free of errors (and never for a dry run).
  std::ifstream in(options.file, std::ios::binary);
  if (!in) throw UsageError(message("cli.cannot_read", {{"file", options.file}, {"detail", std::strerror(errno)}}));
  reporting::StreamedImportOptions import_options;
  import_options.reading.visibility = *visibility;
  import_options.reading.exports_visibility = exports_visibility;
  import_options.reading.imports_visibility = imports_visibility;
  import_options.reading.as_of = today_utc();
  import_options.reading.max_problems = 1000;
  import_options.reading.progress_every = 100000;
  if (show_progress)
    import_options.reading.on_progress = [](std::size_t rows) {
      progress(message("cli.progress_read", {{"lines", std::to_string(rows)}}));
    };
  if (show_progress)
    import_options.on_report = [](std::size_t done, std::size_t total) {
      if (done % 50 == 0 || done == total)
        progress(message("cli.progress_checked", {{"done", std::to_string(done)}, {"total", std::to_string(total)}}));
    };
  import_options.channel = *channel;
  import_options.received = received;
  import_options.demo = options.demo;
  import_options.now = Timestamp::now();
  // When the lines of many reports are interleaved in the file, each batch of inserts touches
  // pages all over the lines table: a page cache larger than SQLite's 2 MB keeps them from
  // being written out and read back again and again (peak memory stays far below 150 MB).
  if (db->dialect() == store::Dialect::sqlite) db->execute("PRAGMA cache_size = -65536");  // 64 MiB
  store::Transaction transaction(*db);
  const auto result = [&] {
    try {
      return reporting::import_canonical_csv(*db, in, states_register, templates, import_options);
    } catch (const reporting::SubmissionRefused& refusal) {
      // The transaction is not committed: nothing of the file is stored.
      if (show_progress) std::fputs("\r\033[K", stderr);
      print_problem(options.file, refusal.problem());
      throw UsageError(refused(1, options.file));
    }
  }();
  if (show_progress) std::fputs("\r\033[K", stderr);
  const auto& batch = result.batch;
  for (const auto& problem : batch.problems) print_problem(options.file, problem);
  if (batch.has_errors()) {
    throw UsageError(refused(batch.error_count, options.file));
  }
  if (options.dry_run) {
    std::printf("%s\n", message("cli.import_checked", {{"file", options.file},
                                                     {"reports", std::to_string(batch.reports.size())},
                                                     {"lines", std::to_string(result.lines)}})
                            .c_str());
    return;  // the transaction is rolled back
  }
  auth::append_audit(*db,
                     {std::nullopt, "cli", "reports_imported", options.file,
                      std::to_string(result.created) + " created, " + std::to_string(result.amended) + " amended",
                      "local"},
                     import_options.now);
  transaction.commit();
  std::printf("%s\n", message("cli.import_done", {{"file", options.file},
                                               {"created", std::to_string(result.created)},
                                               {"amended", std::to_string(result.amended)},
                                               {"lines", std::to_string(result.lines)}})
                          .c_str());
}

void list_reports(const ListOptions& options) {
  auto db = open_initialised(options.common);
  reporting::ReportFilter filter;
  if (!options.state.empty()) filter.state = options.state;
  if (options.year) filter.year = options.year;
  const auto list = reporting::current_reports(*db, reporting::database_owner(), filter);
  if (options.format == "json") {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : list) out.push_back(reporting::version_json(r));
    std::printf("%s\n", out.dump(2).c_str());
    return;
  }
  std::printf("%-5s %-4s %-6s %-7s %-9s %-10s %-10s %s\n", "state", "year", "type", "version", "status", "visibility",
              "received", "lines");
  for (const auto& r : list)
    std::printf("%-5s %-4d %-6s %-7lld %-9s %-10s %-10s %lld%s\n", r.reporting_state.c_str(), r.year, r.type.c_str(),
                static_cast<long long>(r.version_no), std::string(to_string(r.status)).c_str(), std::string(to_string(r.visibility)).c_str(),
                r.received_iso().c_str(), static_cast<long long>(r.line_count), r.demo ? " (demo)" : "");
  std::printf("%s\n", message("cli.reports_count", {{"count", std::to_string(list.size())}}).c_str());
}

struct ExportOptions {
  CommonOptions common;
  std::string state;
  int year = 0;
  std::int64_t version = 0;  // 0: the current one
  std::string format = "csv";
  std::string language = "en";
  std::string output = "-";
  bool raw_csv = false;
};

// One version of a report as CSV, JSON or XLSX, to a file or standard output.
void export_report(const ExportOptions& options) {
  const auto language = language_from_code(options.language);
  if (!language) refuse_option("--lang", "en, fr, es");
  if (options.format == "xlsx" && options.output == "-" && ::isatty(STDOUT_FILENO) == 1)
    throw UsageError(message("cli.xlsx_needs_output"));
  auto db = open_initialised(options.common);
  const auto states_register = store::load_register(*db);
  const auto* state = states_register.find_by_code(options.state);
  if (!state) throw UsageError(message("cli.not_a_state", {{"option", "--state"}, {"value", options.state}}));
  const auto found = reporting::report_version(*db, reporting::database_owner(), state->iso3, options.year,
                                               options.version > 0 ? std::optional(options.version) : std::nullopt);
  if (!found)
    throw UsageError(options.version > 0
                         ? message("cli.no_such_version", {{"version", std::to_string(options.version)},
                                                           {"state", state->iso3},
                                                           {"year", std::to_string(options.year)}})
                         : message("cli.no_such_report", {{"state", state->iso3}, {"year", std::to_string(options.year)}}));
  const auto& [summary, report] = *found;
  std::string bytes;
  if (options.format == "csv") {
    bytes = io::report_csv(report, options.raw_csv ? io::CsvFor::machines : io::CsvFor::people);
  } else if (options.format == "json") {
    auto document = io::report_json(report);
    document["version"] = reporting::version_json(summary);
    bytes = document.dump(2) + "\n";
  } else {
    const auto templates = templates_from(options.common);
    const auto* report_template = templates.by_id(report.template_id);
    if (!report_template) throw UsageError(message("cli.template_missing", {{"template", report.template_id}}));
    const auto labels = reporting::load_workbook_labels(options.common.data_dir, report_template->id);
    bytes = reporting::write_report_workbook(report, *report_template, states_register, *language,
                                             labels ? *labels : reporting::builtin_workbook_labels());
  }
  if (options.output == "-") {
    std::fwrite(bytes.data(), 1, bytes.size(), stdout);
    return;
  }
  std::ofstream out(options.output, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out.flush())
    throw UsageError(message("cli.cannot_write", {{"file", options.output}, {"detail", std::strerror(errno)}}));
  std::fprintf(stderr, "%s\n",
               message("cli.export_written", {{"file", options.output},
                                          {"state", summary.reporting_state},
                                          {"year", std::to_string(summary.year)},
                                          {"version", std::to_string(summary.version_no)}})
                   .c_str());
}

}  // namespace

void add_reports_commands(CLI::App& root) {
  auto import_options = std::make_shared<ImportOptions>();
  auto* import = root.add_subcommand("import", "Import report lines from the canonical CSV (all or nothing)");
  add_db_option(*import, import_options->common);
  add_data_dir_option(*import, import_options->common);
  import->add_option("file", import_options->file, "CSV file (UTF-8)")->required();
  import->add_option("--visibility", import_options->visibility, "public or restricted")->capture_default_str();
  import->add_option("--exports-visibility", import_options->exports_visibility,
                     "public or restricted, for the exports tables only (default: --visibility)");
  import->add_option("--imports-visibility", import_options->imports_visibility,
                     "public or restricted, for the imports tables only (default: --visibility)");
  import->add_option("--received", import_options->received, "Date the reports were received (default: today)");
  import->add_option("--channel", import_options->channel, "import or email")->capture_default_str();
  import->add_flag("--demo", import_options->demo, "Mark the reports as demonstration data");
  import->add_flag("--dry-run", import_options->dry_run, "Check the file and report problems, write nothing");
  import->callback([import_options] { import_file(*import_options); });

  auto list_options = std::make_shared<ListOptions>();
  auto* reports_command = root.add_subcommand("reports", "Reports in the database");
  reports_command->require_subcommand(1);
  auto* list = reports_command->add_subcommand("list", "List the current version of each report");
  add_db_option(*list, list_options->common);
  list->add_option("--state", list_options->state, "ISO3 code");
  list->add_option("--year", list_options->year, "Reporting year");
  list->add_option("--format", list_options->format, "table or json")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
  list->callback([list_options] { list_reports(*list_options); });

  auto export_options = std::make_shared<ExportOptions>();
  auto* exporter = reports_command->add_subcommand("export", "Write one version of a report as CSV, JSON or XLSX");
  add_db_option(*exporter, export_options->common);
  add_data_dir_option(*exporter, export_options->common);
  exporter->add_option("--state", export_options->state, "ISO3 code")->required();
  exporter->add_option("--year", export_options->year, "Reporting year")->required();
  exporter->add_option("--version", export_options->version, "Version number (default: the current one)");
  exporter->add_option("--format", export_options->format, "csv, json or xlsx")
      ->check(CLI::IsMember({"csv", "json", "xlsx"}))
      ->capture_default_str();
  exporter->add_flag("--raw-csv", export_options->raw_csv,
                     "CSV for programs: fields exactly as stored (by default a field that a spreadsheet would take"
                     " for a formula starts with an apostrophe, which att import removes)");
  exporter->add_option("--lang", export_options->language, "Language of the workbook: en, fr or es")->capture_default_str();
  exporter->add_option("--output", export_options->output, "File to write ('-': standard output)")->capture_default_str();
  exporter->callback([export_options] { export_report(*export_options); });
}

}  // namespace att::cli
