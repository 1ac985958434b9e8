// A server holding one consultation for each audience, one whose deadline has passed, one for
// the status changes, and one comment by a State Party's representative: what the exchange's
// API and page tests act on. Paths name them by placeholder ({public}, {parties}, {comment}...).
#pragma once

#include <functional>
#include <map>
#include <string>

#include "server_with_accounts.hpp"

namespace att::testing {

// How many times `needle` is in `text`: the rows of a list, the items of a page.
std::size_t count_of(const std::string& text, const std::string& needle);

class ExchangeServer : public ServerWithAccounts {
 protected:
  void prepare(store::Database& db) override;
  // `path` with each placeholder replaced by its id.
  [[nodiscard]] std::string resolved(std::string path) const;
  // One cell of an access matrix: the row's method and resolved path, the kind of person (a
  // column), their browser (signed in, holding a CSRF token) and the expected outcome.
  struct Cell {
    const std::string& method;
    const std::string& path;
    const std::string& kind;
    Browser& browser;
    const std::string& expected;
  };
  // Calls `check` for every row of data/`file` and every kind of person, anonymous included, in
  // the file's order; returns how many cells were checked.
  int for_each_cell(const std::string& file, const std::function<void(const Cell&)>& check);
  [[nodiscard]] std::int64_t id_of(const std::string& placeholder) const { return std::stoll(ids_.at(placeholder)); }

  std::map<std::string, std::string> ids_;
};

}  // namespace att::testing
