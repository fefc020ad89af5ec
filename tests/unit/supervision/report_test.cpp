#include <gtest/gtest.h>

#include "domain/supervision/report.h"

namespace gj::supervision {
namespace {

TEST(SupervisionReport, WeeksAndTheirTuesdayDueDates) {
  const ReportPolicy pol;
  // 2026-06-03 is a Wednesday of ISO week 23 (Mon 06-01 … Sun 06-07); due Tuesday 06-09.
  auto p = PeriodOf({2026, 6, 3}, pol);
  EXPECT_EQ(p.key, "2026-W23");
  EXPECT_EQ(p.start, (Date{2026, 6, 1}));
  EXPECT_EQ(p.end, (Date{2026, 6, 7}));
  EXPECT_EQ(p.due, (Date{2026, 6, 9}));
  auto parsed = ParsePeriod("2026-W23", pol);
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->start, p.start);
  EXPECT_EQ(PeriodOf({2026, 1, 1}, pol).key, "2026-W01");  // Thursday 2026-01-01 is in week 1
  EXPECT_EQ(PeriodOf({2027, 1, 1}, pol).key, "2026-W53");  // 2026 has 53 ISO weeks
  EXPECT_FALSE(ParsePeriod("2025-W53", pol));
  EXPECT_FALSE(ParsePeriod("2026-W7", pol));
  EXPECT_EQ(Previous(p, pol).key, "2026-W22");
  ReportPolicy fri{"week", 5, 5};
  EXPECT_EQ(PeriodOf({2026, 6, 3}, fri).due, (Date{2026, 6, 12}));
}

TEST(SupervisionReport, MonthsDueOnTheFifth) {
  ReportPolicy pol{"month", 2, 5};
  auto p = PeriodOf({2026, 12, 31}, pol);
  EXPECT_EQ(p.key, "2026-12");
  EXPECT_EQ(p.due, (Date{2027, 1, 5}));
  EXPECT_EQ(ParsePeriod("2026-02", pol)->end, (Date{2026, 2, 28}));
  EXPECT_EQ(PeriodsBetween({2026, 1, 1}, {2026, 6, 15}, pol).size(), 5u);
}

TEST(SupervisionReport, ContentValidationReportsAll) {
  ReportContent c;
  c.investment_period = 100;
  c.investment_year = 50;
  c.by_source = {10, 0, 0, 0, 0, 0};
  c.workers = -1;
  auto pr = ValidateContent(c, 80);
  EXPECT_EQ(pr.size(), 4u);  // year < period, year < previous, sources ≠ period, workers
  c.investment_year = 500;
  c.by_source = {40, 60, 0, 0, 0, 0};
  c.workers = 30;
  EXPECT_TRUE(ValidateContent(c, 400).empty());
}

TEST(SupervisionReport, WorkflowRules) {
  ReportState s;
  s.due = {2026, 6, 9};
  EXPECT_TRUE(CheckTransition(s, ReportAction::kSubmit, 1, {2026, 6, 9}));
  auto closed = CheckTransition(s, ReportAction::kSubmit, 1, {2026, 6, 10});
  ASSERT_FALSE(closed);
  EXPECT_NE(closed.error().message.find("report.period_closed"), std::string::npos);
  EXPECT_TRUE(CheckTransition(s, ReportAction::kReopen, 9, {2026, 6, 10}));
  EXPECT_FALSE(CheckTransition(s, ReportAction::kReopen, 9, {2026, 6, 8}));
  s.reopened = true;
  EXPECT_TRUE(CheckTransition(s, ReportAction::kSubmit, 1, {2026, 6, 10}));
  s.status = "submitted";
  s.submitted_by = 1;
  auto own = CheckTransition(s, ReportAction::kApprove, 1, {2026, 6, 10});
  ASSERT_FALSE(own);
  EXPECT_EQ(own.error().code, ErrorCode::kConflict);
  EXPECT_NE(own.error().message.find("report.own_report"), std::string::npos);
  EXPECT_TRUE(CheckTransition(s, ReportAction::kApprove, 2, {2026, 6, 10}));
  EXPECT_FALSE(CheckTransition(s, ReportAction::kSave, 1, {2026, 6, 10}));
  s.status = "approved";
  EXPECT_FALSE(CheckTransition(s, ReportAction::kReturn, 2, {2026, 6, 10}));
}

}  // namespace
}  // namespace gj::supervision
