// A server holding one consultation for each audience, one whose deadline has passed, one for
// the status changes, and one comment by a State Party's representative: what the exchange's
// API and page tests act on. Paths name them by placeholder ({public}, {parties}, {comment}...).
#pragma once

#include <map>
#include <string>

#include "server_with_accounts.hpp"

namespace att::testing {

class ExchangeServer : public ServerWithAccounts {
 protected:
  void prepare(store::Database& db) override;
  // `path` with each placeholder replaced by its id.
  [[nodiscard]] std::string resolved(std::string path) const;
  [[nodiscard]] std::int64_t id_of(const std::string& placeholder) const { return std::stoll(ids_.at(placeholder)); }

  std::map<std::string, std::string> ids_;
};

}  // namespace att::testing
