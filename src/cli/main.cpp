// att: the Arms Trade Treaty reporting and transparency platform, from the command line.
#include <cstdio>
#include <exception>
#include <string>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "cli/messages.hpp"
#include "cli/parse_errors.hpp"

int main(int argc, char** argv) {
  CLI::App root{"att: Arms Trade Treaty reporting and transparency platform"};
  root.require_subcommand(1);
  root.set_version_flag("--version", "att 0.1.0");
  att::cli::add_db_commands(root);
  att::cli::add_states_command(root);
  att::cli::add_serve_command(root);
  att::cli::add_users_command(root);
  att::cli::add_tokens_command(root);
  att::cli::add_audit_command(root);
  att::cli::add_reports_commands(root);
  att::cli::add_demo_command(root);
  att::cli::add_sipri_command(root);
  att::cli::add_status_command(root);
  att::cli::add_letters_command(root);
  att::cli::add_notifications_command(root);
  try {
    root.parse(argc, argv);
  } catch (const CLI::CallForHelp& help) {
    return root.exit(help);
  } catch (const CLI::CallForAllHelp& help) {
    return root.exit(help);
  } catch (const CLI::CallForVersion& version) {
    return root.exit(version);
  } catch (const CLI::ParseError& error) {
    std::string line;
    try {
      line = att::cli::parse_error_text(error);
    } catch (const std::exception&) {
      return root.exit(error);  // the catalogue itself could not be read: CLI11's own words
    }
    std::fprintf(stderr, "att: %s\n", line.c_str());
    return error.get_exit_code();
  } catch (const std::exception& error) {
    // One clear line, never a stack trace.
    std::string line;
    try {
      line = att::cli::message("cli.error", {{"message", error.what()}});
    } catch (const std::exception&) {
      line = std::string("error: ") + error.what();  // the catalogue itself could not be read
    }
    std::fprintf(stderr, "att: %s\n", line.c_str());
    return 1;
  }
  return 0;
}
