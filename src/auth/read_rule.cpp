#include "auth/read_rule.hpp"

#include <algorithm>

namespace att::auth {

Condition always() { return Condition(Condition::Kind::always); }
Condition never() { return Condition(Condition::Kind::never); }

Condition fact(Fact which) {
  Condition condition(Condition::Kind::fact);
  condition.fact_ = which;
  return condition;
}

Condition reporting_state_is(std::string state_iso3) {
  Condition condition(Condition::Kind::reporting_state_is);
  condition.state_ = std::move(state_iso3);
  return condition;
}

Condition negation(Condition inner) {
  if (inner.kind() == Condition::Kind::always) return never();
  if (inner.kind() == Condition::Kind::never) return always();
  Condition condition(Condition::Kind::negation);
  condition.children_.push_back(std::move(inner));
  return condition;
}

// The neutral part is dropped; the absorbing one decides alone.
Condition Condition::folded(Kind kind, std::vector<Condition> parts, Kind neutral, Kind absorbing) {
  std::erase_if(parts, [&](const Condition& part) { return part.kind() == neutral; });
  const auto decides = [&](const Condition& part) { return part.kind() == absorbing; };
  if (std::any_of(parts.begin(), parts.end(), decides)) return Condition(absorbing);
  if (parts.empty()) return Condition(neutral);
  if (parts.size() == 1) return std::move(parts.front());
  Condition condition(kind);
  condition.children_ = std::move(parts);
  return condition;
}

Condition all_of(std::vector<Condition> parts) {
  return Condition::folded(Condition::Kind::all_of, std::move(parts), Condition::Kind::always, Condition::Kind::never);
}

Condition any_of(std::vector<Condition> parts) {
  return Condition::folded(Condition::Kind::any_of, std::move(parts), Condition::Kind::never, Condition::Kind::always);
}

bool Condition::holds(const ReportFacts& facts) const {
  switch (kind_) {
    case Kind::always: return true;
    case Kind::never: return false;
    case Kind::fact:
      switch (fact_) {
        case Fact::draft: return facts.draft;
        case Fact::recalled: return facts.recalled;
        case Fact::restricted: return facts.restricted;
      }
      return false;
    case Kind::reporting_state_is: return facts.reporting_state == state_;
    case Kind::negation: return !children_.front().holds(facts);
    case Kind::all_of:
      return std::all_of(children_.begin(), children_.end(), [&](const Condition& c) { return c.holds(facts); });
    case Kind::any_of:
      return std::any_of(children_.begin(), children_.end(), [&](const Condition& c) { return c.holds(facts); });
  }
  return false;
}

class SqlWriter {
 public:
  SqlWriter(const FactColumns& columns, store::Params& params) : columns_(columns), params_(params) {}

  std::string write(const Condition& condition) {
    using Kind = Condition::Kind;
    switch (condition.kind_) {
      // Comparisons rather than TRUE/FALSE: SQLite before 3.23 and every PostgreSQL agree on them.
      case Kind::always: return "(1 = 1)";
      case Kind::never: return "(1 = 0)";
      case Kind::fact: return "(" + column(condition.fact_) + ")";
      case Kind::reporting_state_is:
        params_.emplace_back(condition.state_);
        return "(" + columns_.reporting_state + " = $" + std::to_string(params_.size()) + ")";
      case Kind::negation: return "(NOT " + write(condition.children_.front()) + ")";
      case Kind::all_of: return joined(condition.children_, " AND ");
      case Kind::any_of: return joined(condition.children_, " OR ");
    }
    return "(1 = 0)";
  }

 private:
  const std::string& column(Fact fact) const {
    switch (fact) {
      case Fact::draft: return columns_.draft;
      case Fact::recalled: return columns_.recalled;
      case Fact::restricted: return columns_.restricted;
    }
    return columns_.restricted;
  }

  std::string joined(const std::vector<Condition>& parts, std::string_view separator) {
    std::string sql = "(";
    for (std::size_t i = 0; i < parts.size(); ++i) {
      if (i > 0) sql += separator;
      sql += write(parts[i]);
    }
    return sql + ")";
  }

  const FactColumns& columns_;
  store::Params& params_;
};

std::string to_sql(const Condition& condition, const FactColumns& columns, store::Params& params) {
  return SqlWriter(columns, params).write(condition);
}

}  // namespace att::auth
