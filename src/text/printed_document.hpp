// A document printed to PDF without any HTTP request (a report, a receipt, later a reminder
// letter): its own template, rendered alone inside the print layout with its style inline and
// nothing to fetch, then printed by headless Chromium.
#pragma once

#include <string>

#include <nlohmann/json.hpp>
#include <tl/expected.hpp>

#include "core/language.hpp"
#include "io/pdf_printer.hpp"
#include "text/catalog.hpp"
#include "text/views.hpp"

namespace att::text {

// The self-contained HTML page that is printed. `context` is what the template `page` reads;
// its "title" (and "version", if any) also make the running footer.
std::string printable_html(const Catalog& catalog, const Views& views, Language language, const std::string& page,
                           nlohmann::json context);

// The same layout around HTML already rendered (several documents in one file, each in its own
// language); `title` makes the running footer.
std::string printable_html_of(const Catalog& catalog, const Views& views, Language language, const std::string& title,
                              const std::string& content);

// printable_html, printed.
tl::expected<std::string, io::PdfError> print_pdf(io::PdfPrinter& printer, const Catalog& catalog, const Views& views,
                                                  Language language, const std::string& page, nlohmann::json context);

}  // namespace att::text
