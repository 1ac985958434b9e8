// The condition language behind "who may read which version": folding, evaluation, and SQL text
// whose values are bound, never spliced.
#include <gtest/gtest.h>

#include "auth/policy.hpp"
#include "auth/read_rule.hpp"

namespace att::auth {
namespace {

const FactColumns columns{"d", "c", "x", "s"};

TEST(ReadRule, ConstantsFoldAway) {
  EXPECT_EQ(all_of({always(), never(), fact(Fact::draft)}).kind(), Condition::Kind::never);
  EXPECT_EQ(any_of({never(), always(), fact(Fact::draft)}).kind(), Condition::Kind::always);
  EXPECT_EQ(all_of({always(), fact(Fact::draft)}).kind(), Condition::Kind::fact);
  EXPECT_EQ(any_of({}).kind(), Condition::Kind::never);
  EXPECT_EQ(all_of({}).kind(), Condition::Kind::always);
  EXPECT_EQ(negation(always()).kind(), Condition::Kind::never);
}

TEST(ReadRule, StatesAreBoundAfterTheCallersParameters) {
  store::Params params{std::int64_t{2022}};
  const auto sql = to_sql(any_of({reporting_state_is("FRA'--"), negation(fact(Fact::restricted))}), columns, params);
  EXPECT_EQ(sql, "((s = $2) OR (NOT (x)))");
  ASSERT_EQ(params.size(), 2u);
  EXPECT_EQ(std::get<std::string>(params[1]), "FRA'--");
}

TEST(ReadRule, EvaluatesLikeItsSqlReads) {
  const auto rule = all_of({negation(fact(Fact::draft)), any_of({fact(Fact::recalled), reporting_state_is("DEU")})});
  EXPECT_TRUE(rule.holds({"DEU", false, false, false}));
  EXPECT_TRUE(rule.holds({"FRA", false, true, false}));
  EXPECT_FALSE(rule.holds({"DEU", true, false, false}));
  EXPECT_FALSE(rule.holds({"FRA", false, false, true}));
}

TEST(ReadRule, AnAnonymousViewersRuleNeedsNoParameters) {
  store::Params params;
  const auto sql = to_sql(read_report_condition(Viewer::anonymous()), columns, params);
  EXPECT_TRUE(params.empty()) << sql;
  EXPECT_EQ(sql, "((NOT ((d) OR (c))) AND (NOT (x)))");
}

}  // namespace
}  // namespace att::auth
