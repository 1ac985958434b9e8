// Reading and checking the query parameters that several features share.
#pragma once

#include <optional>
#include <string>

#include <tl/expected.hpp>

#include "core/date.hpp"
#include "core/state_record.hpp"
#include "io/csv_writer.hpp"
#include "web/kit/app_context.hpp"
#include "web/http/http.hpp"

namespace att::web {

// A parameter that could not be used: a stable code for programs, a message for people.
struct ParamError {
  std::string parameter;
  std::string code;
  std::string message;
};

// A value echoed in a message, cut short so that a huge parameter cannot make a huge error.
std::string shown(const std::string& value);

// The API's answer to a parameter that could not be used: 400 naming it.
HttpResponse bad_parameter(const ParamError& error);

// ?<name>=YYYY-MM-DD, nullopt when absent or empty; `shown_as` names the field in messages.
tl::expected<std::optional<Date>, ParamError> date_param(const HttpRequest& request, const AppContext& app,
                                                         Language language, const std::string& name,
                                                         const std::string& shown_as);
// ?as_of=YYYY-MM-DD, today (UTC) when absent or empty. `shown_as` names the field in messages:
// the parameter itself for the API, the form label on a page.
tl::expected<Date, ParamError> as_of_param(const HttpRequest& request, const AppContext& app, Language language,
                                           const std::string& shown_as = "as_of");
// ?status=party|signatory|none, nullopt when absent or empty.
tl::expected<std::optional<Participation>, ParamError> status_param(const HttpRequest& request, const AppContext& app,
                                                                    Language language);
// ?region=<UN M49 region as in the register>, nullopt when absent or empty.
tl::expected<std::optional<std::string>, ParamError> region_param(const HttpRequest& request, const AppContext& app,
                                                                  Language language);

// Who a CSV download is for: people (formula-like fields neutralised), unless ?csv=raw asks for
// the fields exactly as stored, for programs.
io::CsvFor csv_reader_param(const HttpRequest& request);

}  // namespace att::web
