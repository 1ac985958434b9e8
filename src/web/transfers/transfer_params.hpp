// The transfers API's query parameters read into typed queries; whatever cannot be used is a
// ParamError in the caller's language. Checked against the register and the category list only,
// never against the data: an error says nothing about what is stored.
#pragma once

#include <map>
#include <set>
#include <string>
#include <tl/expected.hpp>
#include <utility>
#include <vector>

#include "core/language.hpp"
#include "reporting/transfers/transfer_filter.hpp"
#include "reporting/transfers/transfer_mirror.hpp"
#include "reporting/transfers/transfer_rows.hpp"
#include "reporting/transfers/transfer_summary.hpp"
#include "web/http/http.hpp"
#include "web/kit/app_context.hpp"
#include "web/kit/request_params.hpp"

namespace att::web {

// The category codes a filter may name: the canonical ones and the groups their dotted codes
// form ("VIII.SA"), and "NAT" for every national category ("NAT:<name>" names one).
struct CategoryCodes {
  std::set<std::string> known;
};
CategoryCodes category_codes(const std::string& data_dir);

enum class DownloadFormat { json, csv, xlsx };

inline constexpr std::size_t default_limit = 100;
inline constexpr std::size_t max_limit = 10'000;

struct RowsQuery {
  transfers::TransferFilter filter;
  std::vector<transfers::SortKey> sort;
  std::size_t limit = default_limit;
  std::size_t offset = 0;
  DownloadFormat format = DownloadFormat::json;
  bool every_line = false;  // limit=all, CSV only: the download is streamed
};

struct SummaryQuery {
  transfers::TransferFilter filter;
  std::vector<transfers::GroupField> group_by;
  std::vector<transfers::GroupOrder> sort;
  std::size_t limit = default_limit;
  DownloadFormat format = DownloadFormat::json;
};

struct MirrorQuery {
  transfers::TransferFilter filter;  // categories, years, basis
  transfers::MirrorFilter pairs;
  std::size_t limit = default_limit;
  std::size_t offset = 0;
  DownloadFormat format = DownloadFormat::json;
};

// The request's filter parameters (reporter, partner, direction, category, year_from, year_to,
// basis, region, q) as a query string, in the order given: what describes a query in a download
// and what the explorer's download links carry.
std::string filter_query_string(const HttpRequest& request);

// A reader of one request's parameters, in the caller's language.
class TransferParams {
 public:
  TransferParams(const HttpRequest& request, const AppContext& app, const CategoryCodes& categories);

  [[nodiscard]] Language language() const { return language_; }
  tl::expected<RowsQuery, ParamError> rows() const;
  tl::expected<SummaryQuery, ParamError> summary() const;
  tl::expected<MirrorQuery, ParamError> mirror() const;

 private:
  tl::expected<transfers::TransferFilter, ParamError> filter() const;
  // format: json (the default), csv or xlsx.
  tl::expected<DownloadFormat, ParamError> format() const;
  // limit (default 100, at most 10,000) and offset.
  tl::expected<std::pair<std::size_t, std::size_t>, ParamError> paging() const;
  tl::expected<std::vector<std::string>, ParamError> states(const std::string& name) const;
  tl::expected<std::optional<int>, ParamError> year(const std::string& name) const;
  tl::expected<std::size_t, ParamError> count(const std::string& name, std::size_t absent, std::size_t max) const;
  [[nodiscard]] std::vector<std::string> list(const std::string& name) const;
  [[nodiscard]] ParamError error(const std::string& parameter, const std::string& code, const std::string& key,
                                 std::map<std::string, std::string> values) const;

  const HttpRequest& request_;
  const AppContext& app_;
  const CategoryCodes& categories_;
  Language language_;
};

}  // namespace att::web
