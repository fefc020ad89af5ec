// 链长制 figures as of a date, expectations computed by hand. Weekly reports follow the default
// progress-report policy: a week's report is due on the Tuesday after it (no holidays listed).
#include <gtest/gtest.h>

#include "domain/chains/chain_figures.h"

namespace gj::chains {
namespace {

const supervision::ReportPolicy kPolicy{};

// 2026-W24 runs Monday 06-08 to Sunday 06-14; its report is due Tuesday 06-16.
TEST(ChainPunctuality, OnTheDueDayIsOnTimeTheDayAfterIsLate) {
  auto on_due = ReportPunctuality({{"2026-W24", {2026, 6, 16}}}, {2026, 6, 8}, {2026, 6, 20}, kPolicy);
  ASSERT_EQ(on_due.weeks.size(), 2u);  // W24 and W25 (06-15 .. 06-21, as_of inside it)
  EXPECT_EQ(on_due.weeks[0].week, "2026-W24");
  EXPECT_EQ(on_due.weeks[0].due, (Date{2026, 6, 16}));
  EXPECT_EQ(on_due.weeks[0].status, "on_time");
  EXPECT_EQ(on_due.weeks[1].status, "pending");  // W25 is due 06-23, after as_of
  EXPECT_EQ(on_due.on_time, 1);
  EXPECT_EQ(on_due.due, 1);
  EXPECT_DOUBLE_EQ(*on_due.rate, 1.0);

  auto day_after = ReportPunctuality({{"2026-W24", {2026, 6, 17}}}, {2026, 6, 8}, {2026, 6, 20}, kPolicy);
  EXPECT_EQ(day_after.weeks[0].status, "late");
  EXPECT_EQ(day_after.late, 1);
  EXPECT_DOUBLE_EQ(*day_after.rate, 0.0);
}

TEST(ChainPunctuality, UnfiledIsPendingOnItsDueDayAndMissingTheDayAfter) {
  auto on_due = ReportPunctuality({}, {2026, 6, 8}, {2026, 6, 16}, kPolicy);
  EXPECT_EQ(on_due.weeks[0].status, "pending");
  EXPECT_EQ(on_due.due, 0);
  EXPECT_FALSE(on_due.rate.has_value());  // nothing due yet
  auto after = ReportPunctuality({}, {2026, 6, 8}, {2026, 6, 17}, kPolicy);
  EXPECT_EQ(after.weeks[0].status, "missing");
  EXPECT_EQ(after.missing, 1);
  EXPECT_DOUBLE_EQ(*after.rate, 0.0);
}

TEST(ChainPunctuality, AFilingDatedAfterAsOfDoesNotCount) {
  auto p = ReportPunctuality({{"2026-W24", {2026, 6, 18}}}, {2026, 6, 8}, {2026, 6, 17}, kPolicy);
  EXPECT_EQ(p.weeks[0].status, "missing");
  EXPECT_FALSE(p.weeks[0].filed_on.has_value());
}

// 2026 has 53 ISO weeks: W53 runs Monday 2026-12-28 to Sunday 2027-01-03, due Tuesday 2027-01-05;
// 2027-W01 runs 01-04 to 01-10, due 01-12.
TEST(ChainPunctuality, IsoWeek53AndTheTurnOfTheYear) {
  auto p = ReportPunctuality({{"2026-W52", {2026, 12, 29}}, {"2026-W53", {2027, 1, 6}}}, {2026, 12, 21},
                             {2027, 1, 12}, kPolicy);
  ASSERT_EQ(p.weeks.size(), 4u);
  EXPECT_EQ(p.weeks[0].week, "2026-W52");
  EXPECT_EQ(p.weeks[1].week, "2026-W53");
  EXPECT_EQ(p.weeks[1].start, (Date{2026, 12, 28}));
  EXPECT_EQ(p.weeks[1].end, (Date{2027, 1, 3}));
  EXPECT_EQ(p.weeks[1].due, (Date{2027, 1, 5}));
  EXPECT_EQ(p.weeks[2].week, "2027-W01");
  EXPECT_EQ(p.weeks[3].week, "2027-W02");
  EXPECT_EQ(p.weeks[0].status, "on_time");
  EXPECT_EQ(p.weeks[1].status, "late");
  EXPECT_EQ(p.weeks[2].status, "pending");  // due 01-12 = as_of
  EXPECT_EQ(p.weeks[3].status, "pending");
  EXPECT_EQ(p.due, 2);
  EXPECT_EQ(p.on_time, 1);
  EXPECT_EQ(p.late, 1);
  EXPECT_EQ(p.pending, 2);
  EXPECT_DOUBLE_EQ(*p.rate, 0.5);
}

ledger::Project P(const char* kind, int64_t total, std::optional<Date> start, bool archived = false) {
  ledger::Project p;
  p.kind = kind;
  p.total_investment = total;
  p.actual_start = start;
  p.archived = archived;
  return p;
}

supervision::ProblemFact Problem(const char* status, Date raised, std::optional<Date> deadline,
                                 std::optional<Date> closed = std::nullopt) {
  supervision::ProblemFact f;
  f.status = status;
  f.raised_on = raised;
  f.deadline = deadline;
  f.closed_on = closed;
  return f;
}

TEST(ChainFigures, FromDatedFactsAsOfADate) {
  const Date as_of{2026, 6, 15};
  ChainFacts facts;
  facts.projects = {P("new", 500000000, Date{2026, 3, 1}), P("new", 300000000, Date{2026, 6, 20}),
                    P("continuing", 200000000, Date{2025, 5, 1}), P("new", 999, Date{2026, 1, 1}, true)};
  facts.problems = {
      Problem("assigned", {2026, 6, 1}, Date{2026, 6, 10}),                   // open, overdue
      Problem("closed", {2026, 6, 1}, Date{2026, 6, 10}, Date{2026, 6, 12}),  // closed by then
      Problem("raised", {2026, 6, 20}, Date{2026, 6, 25}),                    // raised later
      Problem("deferred", {2026, 5, 1}, Date{2026, 5, 10}),                   // 暂缓
      Problem("assigned", {2026, 6, 1}, Date{2026, 6, 15}),                   // open, deadline today
      Problem("closed", {2026, 6, 1}, Date{2026, 6, 10}, Date{2026, 6, 20}),  // open on 06-15, overdue
  };
  facts.visits = {{2025, 12, 31}, {2026, 6, 15}, {2026, 6, 16}, {2026, 2, 1}};
  auto f = Figures(facts, {2026, 1, 1}, as_of, kPolicy);
  EXPECT_EQ(f.projects, 3);
  EXPECT_EQ(f.total_investment, 1000000000);
  EXPECT_EQ(f.start_rate.numerator, 1);    // the first new project started by 06-15
  EXPECT_EQ(f.start_rate.denominator, 2);  // two new projects (the archived one is not counted)
  EXPECT_EQ(f.problems_open, 3);
  EXPECT_EQ(f.problems_overdue, 2);
  EXPECT_EQ(f.visits, 2);  // 02-01 and 06-15
  EXPECT_FALSE(f.leads_signed.has_value());
  // 2026-W01 (2025-12-29 .. 2026-01-04) to W25: 25 weeks, none filed; W24 (due 06-16) and W25 are pending.
  EXPECT_EQ(f.reports.weeks.size(), 25u);
  EXPECT_EQ(f.reports.missing, 23);
  EXPECT_EQ(f.reports.pending, 2);
}

}  // namespace
}  // namespace gj::chains
