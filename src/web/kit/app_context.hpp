// What every feature's handlers share: strings, templates, the register, the database and
// the settings of sign-in.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "auth/sessions_store.hpp"
#include "auth/sign_in_throttle.hpp"
#include "core/compliance/obligations.hpp"
#include "core/reports/report_template.hpp"
#include "core/states_register.hpp"
#include "io/pdf_printer.hpp"
#include "reporting/transfers/query_budget.hpp"
#include "reporting/transfers/transfer_model.hpp"
#include "store/connection_pool.hpp"
#include "text/catalog.hpp"
#include "web/kit/nav_entry.hpp"
#include "web/kit/pdf_cache.hpp"
#include "text/views.hpp"
#include "web/http/response_cache.hpp"

namespace att::web {

// The web layer writes with the shared text module; it names its two types unqualified.
using text::Catalog;
using text::Views;

struct AuthSettings {
  auth::SessionLimits sessions;
  auth::ThrottleLimits throttle;
  auth::ResetLimits resets;  // reset-link mails asked for
  std::string public_url = "http://localhost:8080";  // for links in e-mails
  bool secure_cookies = false;                        // add Secure when served over TLS
  std::string site_name = "ATT Transparency Platform";  // the TOTP issuer
  std::string contact_email;                           // the Secretariat's address on /contact; none: not shown
};

struct AppContext {
  Catalog catalog;
  Views views;
  std::shared_ptr<const StatesRegister> states;
  std::shared_ptr<store::ConnectionPool> pool;
  AuthSettings auth;
  std::shared_ptr<const reports::TemplateLibrary> templates;
  std::string data_dir;  // templates and categories with their labels (for workbooks)
  std::shared_ptr<io::PdfPrinter> pdf;  // printable pages as PDF
  std::shared_ptr<PdfCache> printed = std::make_shared<PdfCache>();
  std::vector<NavEntry> navigation{};  // every feature's entries, in reading order
  // GET /api/v1/states bodies by (resolved as_of date, region, status), plain and gzip.
  std::shared_ptr<ResponseCache> states_lists = std::make_shared<ResponseCache>();
  // Reporting status: the grace period and the first-year rule (att serve --grace-days,
  // --first-annual-year).
  compliance::ObligationRules obligation_rules{};
  // What one transfers query may spend (att serve --query-time-ms, --query-groups).
  transfers::QueryBudget transfer_budget{};
  // The transfers read model of this process, for the pages that count transfers (a State's
  // page). Built on first use; one copy for every feature that takes it from here.
  std::shared_ptr<transfers::TransferModel> transfer_model = std::make_shared<transfers::TransferModel>();
};

}  // namespace att::web
