// The `att` subcommands, each registering itself on the root command.
#pragma once

#include <CLI/CLI.hpp>

namespace att::cli {

void add_db_commands(CLI::App& root);      // init, migrate
void add_states_command(CLI::App& root);   // states
void add_serve_command(CLI::App& root);    // serve
void add_users_command(CLI::App& root);    // users add | list | set-password
void add_tokens_command(CLI::App& root);   // tokens add | list | revoke
void add_audit_command(CLI::App& root);    // audit verify | export
void add_reports_commands(CLI::App& root); // import, reports list
void add_demo_command(CLI::App& root);     // demo
void add_sipri_command(CLI::App& root);    // import-sipri
void add_status_command(CLI::App& root);   // status
void add_letters_command(CLI::App& root);  // letters
void add_notifications_command(CLI::App& root);  // notifications send

}  // namespace att::cli
