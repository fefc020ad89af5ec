#include <gtest/gtest.h>

#include "domain/assessment/supervision_figures.h"

namespace gj::assessment {
namespace {

supervision::ProblemFact P(const char* deadline, const char* closed, const char* status = "closed", const char* raised = "2026-05-01") {
  supervision::ProblemFact f;
  if (*deadline) f.deadline = ParseIsoDate(deadline);
  if (*closed) f.closed_on = ParseIsoDate(closed);
  f.status = status;
  f.raised_on = *ParseIsoDate(raised);
  return f;
}

TEST(ProblemsClosedOnTime, CountsDueOrClosedProblemsAsOfTheDate) {
  const std::vector<supervision::ProblemFact> problems = {
      P("2026-06-20", "2026-06-18"),              // due, closed in time      → 1 of 1
      P("2026-06-20", "2026-06-25"),              // due, closed late         → 0 of 1
      P("2026-06-25", "", "signed"),              // due, still open          → 0 of 1
      P("2026-07-10", "", "assigned"),            // not due, open            → not counted
      P("2026-07-10", "2026-06-28"),              // not due, closed early    → 1 of 1
      P("2026-06-01", "", "deferred"),            // deferred                 → not counted
      P("", "2026-06-10"),                        // no deadline              → not counted
      P("2026-07-20", "", "raised", "2026-07-02"),  // raised after the date  → not counted
      P("2026-06-10", "2026-07-01"),              // closed after the date: overdue then → 0 of 1
  };
  auto r = ProblemsClosedOnTime(problems, Date{2026, 6, 30});
  EXPECT_EQ(r.numerator, 2);
  EXPECT_EQ(r.denominator, 5);
  // Closing on the deadline day itself is in time.
  std::vector<supervision::ProblemFact> edge = {P("2026-06-20", "2026-06-20")};
  EXPECT_EQ(ProblemsClosedOnTime(edge, Date{2026, 6, 30}).numerator, 1);
  EXPECT_FALSE(ProblemsClosedOnTime({}, Date{2026, 6, 30}).value().has_value());
}

}  // namespace
}  // namespace gj::assessment
