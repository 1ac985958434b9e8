// Reports as JSON documents and as canonical CSV lines.
#pragma once

#include <string>

#include <nlohmann/json.hpp>
#include <tl/expected.hpp>

#include "core/reports/annual_report.hpp"
#include "io/csv_writer.hpp"

namespace att::io {

nlohmann::json report_json(const reports::AnnualReport& report);
// The same document read back (from the API); an error names the field that is wrong.
tl::expected<reports::AnnualReport, std::string> report_from_json(const nlohmann::json& document);

// Header row and one row per line, in the canonical import format: what goes out comes back in
// (the import also removes the apostrophe that CSV for people puts before a formula-like field).
std::string report_csv(const reports::AnnualReport& report, CsvFor reader);
// The same document appended to `out` (the content hash streams it without a second copy).
void append_report_csv(std::string& out, const reports::AnnualReport& report, CsvFor reader);

}  // namespace att::io
