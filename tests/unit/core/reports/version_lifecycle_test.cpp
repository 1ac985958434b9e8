// The report version state machine: every status against every transition, as a table.
#include <gtest/gtest.h>

#include "core/reports/version_lifecycle.hpp"

namespace att::reports {
namespace {

TEST(VersionLifecycle, EachTransitionStartsOnlyWhereItMay) {
  using S = VersionStatus;
  using T = Transition;
  struct Case {
    T transition;
    S from;
    std::optional<S> to;
  };
  const Case cases[] = {
      {T::submit, S::draft, S::submitted},  {T::amend, S::draft, S::submitted},
      {T::recall, S::submitted, S::recalled}, {T::submit, S::submitted, std::nullopt},
      {T::submit, S::recalled, std::nullopt}, {T::amend, S::superseded, std::nullopt},
      {T::recall, S::draft, std::nullopt},  {T::recall, S::superseded, std::nullopt},
      {T::recall, S::recalled, std::nullopt},
  };
  for (const auto& c : cases)
    EXPECT_EQ(after(c.transition, c.from), c.to) << to_string(c.transition) << " from " << to_string(c.from);
}

TEST(VersionLifecycle, StatusesReadBackFromTheirNames) {
  for (const auto status : {VersionStatus::draft, VersionStatus::submitted, VersionStatus::superseded,
                            VersionStatus::recalled})
    EXPECT_EQ(version_status_from_string(to_string(status)), status);
  EXPECT_FALSE(version_status_from_string("Submitted"));
}

}  // namespace
}  // namespace att::reports
