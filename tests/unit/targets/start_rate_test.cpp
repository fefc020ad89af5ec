#include "domain/targets/start_rate.h"

#include <gtest/gtest.h>

namespace gj::targets {
namespace {

ledger::Project P(const char* kind, std::optional<Date> start, bool archived = false) {
  ledger::Project p;
  p.kind = kind;
  p.actual_start = start;
  p.archived = archived;
  return p;
}

TEST(StartRate, CountsNewProjectsStartedByTheDate) {
  const std::vector<ledger::Project> set = {
      P("new", Date{2026, 3, 1}),         // started before
      P("new", Date{2026, 6, 30}),        // started on the day: counts
      P("new", Date{2026, 7, 1}),         // started after
      P("new", std::nullopt),             // not started
      P("continuing", Date{2025, 5, 1}),  // not a new project: in neither count
      P("new", Date{2026, 1, 5}, true),   // archived: not in the set
  };
  const Ratio r = StartRate(set, Date{2026, 6, 30});
  EXPECT_EQ(r.numerator, 2);
  EXPECT_EQ(r.denominator, 4);
  EXPECT_DOUBLE_EQ(*r.value(), 0.5);
}

TEST(StartRate, NoNewProjectsHasNoValue) {
  const Ratio r = StartRate({P("continuing", Date{2025, 5, 1})}, Date{2026, 6, 30});
  EXPECT_EQ(r.denominator, 0);
  EXPECT_FALSE(r.value());
}

}  // namespace
}  // namespace gj::targets
