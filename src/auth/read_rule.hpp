// A condition on the facts of a report version (or of one line), written once and used in two
// forms: evaluated in C++ for one version, or compiled into a SQL condition so that lists,
// counts and searches never read a row the viewer may not see.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "store/database.hpp"

namespace att::auth {

// The facts the rule looks at, each one column (or expression) in SQL.
struct ReportFacts {
  std::string_view reporting_state;
  bool draft = false;       // not submitted
  bool recalled = false;    // withdrawn by the Secretariat
  bool restricted = false;  // States Parties only (for a line: its table)
};

enum class Fact { draft, recalled, restricted };

// Built with the functions below, which fold constants: a viewer's rule is usually tiny
// (anonymous: "not draft, not recalled, not restricted").
class Condition {
 public:
  enum class Kind { always, never, fact, reporting_state_is, negation, all_of, any_of };

  [[nodiscard]] Kind kind() const { return kind_; }
  [[nodiscard]] bool holds(const ReportFacts& facts) const;

  friend Condition always();
  friend Condition never();
  friend Condition fact(Fact fact);
  friend Condition reporting_state_is(std::string state_iso3);
  friend Condition negation(Condition condition);
  friend Condition all_of(std::vector<Condition> conditions);
  friend Condition any_of(std::vector<Condition> conditions);
  friend class SqlWriter;

 private:
  explicit Condition(Kind kind) : kind_(kind) {}
  // all_of and any_of fold alike with always and never swapped.
  static Condition folded(Kind kind, std::vector<Condition> parts, Kind neutral, Kind absorbing);
  Kind kind_;
  Fact fact_ = Fact::draft;
  std::string state_;
  std::vector<Condition> children_;
};

Condition always();
Condition never();
Condition fact(Fact fact);
Condition reporting_state_is(std::string state_iso3);
Condition negation(Condition condition);
Condition all_of(std::vector<Condition> conditions);
Condition any_of(std::vector<Condition> conditions);

// How each fact reads in SQL where the condition is used (a version row, a line row).
struct FactColumns {
  std::string draft;            // a boolean expression
  std::string recalled;         // a boolean expression
  std::string restricted;       // a boolean expression
  std::string reporting_state;  // a text column
};

// The condition as SQL both engines accept. Values (a State code) are never spliced in: they
// are appended to `params` and written $n after those already there.
std::string to_sql(const Condition& condition, const FactColumns& columns, store::Params& params);

}  // namespace att::auth
