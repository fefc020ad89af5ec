#include <gtest/gtest.h>

#include "domain/assessment/supervision_figures.h"

namespace gj::assessment {
namespace {

supervision::ProblemFact P(const char* deadline, const char* closed, const char* status = "closed",
                           const char* raised = "2026-05-01") {
  supervision::ProblemFact f;
  if (*deadline) f.deadline = ParseIsoDate(deadline);
  if (*closed) f.closed_on = ParseIsoDate(closed);
  f.status = status;
  f.raised_on = *ParseIsoDate(raised);
  return f;
}

TEST(ProblemsClosedOnTime, CountsDueOrClosedProblemsAsOfTheDate) {
  const std::vector<supervision::ProblemFact> problems = {
      P("2026-06-20", "2026-06-18"),                // due, closed in time      → 1 of 1
      P("2026-06-20", "2026-06-25"),                // due, closed late         → 0 of 1
      P("2026-06-25", "", "signed"),                // due, still open          → 0 of 1
      P("2026-07-10", "", "assigned"),              // not due, open            → not counted
      P("2026-07-10", "2026-06-28"),                // not due, closed early    → 1 of 1
      P("2026-06-01", "", "deferred"),              // deferred                 → not counted
      P("", "2026-06-10"),                          // no deadline              → not counted
      P("2026-07-20", "", "raised", "2026-07-02"),  // raised after the date  → not counted
      P("2026-06-10", "2026-07-01"),                // closed after the date: overdue then → 0 of 1
  };
  auto r = ProblemsClosedOnTime(problems, Date{2026, 6, 30});
  EXPECT_EQ(r.numerator, 2);
  EXPECT_EQ(r.denominator, 5);
  // Closing on the deadline day itself is in time.
  std::vector<supervision::ProblemFact> edge = {P("2026-06-20", "2026-06-20")};
  EXPECT_EQ(ProblemsClosedOnTime(edge, Date{2026, 6, 30}).numerator, 1);
  EXPECT_FALSE(ProblemsClosedOnTime({}, Date{2026, 6, 30}).value().has_value());
}

supervision::ReportFact R(const char* due, const char* status, const char* submitted = "",
                          bool late = false) {
  supervision::ReportFact f;
  f.due = *ParseIsoDate(due);
  f.status = status;
  if (*submitted) f.submitted_on = ParseIsoDate(submitted);
  f.late = late;
  return f;
}

TEST(ReportsOnTime, CountsTasksDueInThePeriodUpToTheDate) {
  // The period is June 2026, as of 2026-06-30.
  const std::vector<supervision::ReportFact> reports = {
      R("2026-06-02", "approved", "2026-06-01"),        // filed the day before         → 1 of 1
      R("2026-06-09", "submitted", "2026-06-09"),       // filed on the due day         → 1 of 1
      R("2026-06-16", "approved", "2026-06-18", true),  // filed late (reopened)        → 0 of 1
      R("2026-06-23", "pending"),                       // never filed                  → 0 of 1
      R("2026-06-23", "draft"),                         // saved, not submitted         → 0 of 1
      R("2026-06-30", "returned", "2026-06-29"),        // returned after a filing in time → 1 of 1
      R("2026-06-30", "draft", "2026-06-28"),           // returned, being corrected     → 1 of 1
      R("2026-05-26", "approved", "2026-05-25"),        // due in May                   → not counted
      R("2026-07-07", "submitted", "2026-06-30"),       // due in July, filed early     → not counted
  };
  auto r = ReportsOnTime(reports, Date{2026, 6, 1}, Date{2026, 6, 30});
  EXPECT_EQ(r.numerator, 4);
  EXPECT_EQ(r.denominator, 7);
}

TEST(ReportsOnTime, AsOfADateWithinThePeriod) {
  // As of 2026-06-10 only the tasks due by then count, and only filings made by then.
  const std::vector<supervision::ReportFact> reports = {
      R("2026-06-02", "approved", "2026-06-01"),   // → 1 of 1
      R("2026-06-09", "submitted", "2026-06-08"),  // → 1 of 1
      R("2026-06-10", "pending"),                  // due today, not filed yet → 0 of 1
      R("2026-06-16", "submitted", "2026-06-09"),  // not due yet             → not counted
  };
  auto r = ReportsOnTime(reports, Date{2026, 6, 1}, Date{2026, 6, 10});
  EXPECT_EQ(r.numerator, 2);
  EXPECT_EQ(r.denominator, 3);
  // A task due on the date itself and filed that day is on time.
  const std::vector<supervision::ReportFact> same_day = {R("2026-06-09", "submitted", "2026-06-09")};
  EXPECT_EQ(ReportsOnTime(same_day, Date{2026, 6, 1}, Date{2026, 6, 9}).numerator, 1);
  // Due after the date: no verdict yet, even when filed early.
  const std::vector<supervision::ReportFact> early = {R("2026-06-05", "submitted", "2026-06-03")};
  EXPECT_EQ(ReportsOnTime(early, Date{2026, 6, 1}, Date{2026, 6, 4}).denominator, 0);
  // Nothing due in the period: no ratio (the ranking counts it as met).
  EXPECT_FALSE(ReportsOnTime({}, Date{2026, 6, 1}, Date{2026, 6, 30}).value().has_value());
}

TEST(ReportsOnTime, TheLateMarkWinsOverTheDate) {
  // A filing marked late when it was submitted counts as late whatever date it carries.
  const std::vector<supervision::ReportFact> reports = {R("2026-06-09", "submitted", "2026-06-09", true)};
  auto r = ReportsOnTime(reports, Date{2026, 6, 1}, Date{2026, 6, 30});
  EXPECT_EQ(r.numerator, 0);
  EXPECT_EQ(r.denominator, 1);
}

}  // namespace
}  // namespace gj::assessment
