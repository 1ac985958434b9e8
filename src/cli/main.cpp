// att: the Arms Trade Treaty reporting and transparency platform, from the command line.
#include <cstdio>
#include <exception>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
  CLI::App root{"att: Arms Trade Treaty reporting and transparency platform"};
  root.require_subcommand(1);
  root.set_version_flag("--version", "att 0.1.0");
  att::cli::add_db_commands(root);
  att::cli::add_states_command(root);
  att::cli::add_serve_command(root);
  att::cli::add_users_command(root);
  att::cli::add_audit_command(root);
  att::cli::add_reports_commands(root);
  att::cli::add_demo_command(root);
  att::cli::add_sipri_command(root);
  try {
    root.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return root.exit(error);
  } catch (const std::exception& error) {
    // One clear line, never a stack trace.
    std::fprintf(stderr, "att: error: %s\n", error.what());
    return 1;
  }
  return 0;
}
