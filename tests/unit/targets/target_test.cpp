#include <gtest/gtest.h>

#include "domain/targets/target.h"

namespace gj::targets {
namespace {

ledger::Project New(std::optional<Date> planned, std::optional<Date> actual,
                    const std::string& category = "industrial") {
  ledger::Project p;
  p.kind = "new";
  p.track = "implementation";
  p.category = category;
  p.stage = actual ? "started" : "signed";
  p.planned_start = planned;
  p.actual_start = actual;
  return p;
}

Target Sixty() {
  Target t;
  t.name = "6月底开工率60%";
  t.metric = "start_rate";
  t.threshold = 0.6;
  t.deadline = {2026, 6, 30};
  return t;
}

TEST(TargetsTarget, StartRateStatusOverTime) {
  // 5 new projects: 2 started by 05-01, 1 planned 06-10, 1 planned 06-25, 1 planned 08-01.
  std::vector<ledger::Project> set = {
      New(Date{2026, 3, 1}, Date{2026, 3, 5}), New(Date{2026, 4, 1}, Date{2026, 4, 20}),
      New(Date{2026, 6, 10}, std::nullopt), New(Date{2026, 6, 25}, std::nullopt),
      New(Date{2026, 8, 1}, std::nullopt)};
  auto s = Evaluate(Sixty(), set, {2026, 5, 1});
  EXPECT_EQ(s.numerator, 2);
  EXPECT_EQ(s.denominator, 5);
  EXPECT_DOUBLE_EQ(s.value, 0.4);
  EXPECT_DOUBLE_EQ(s.projected, 0.8);  // 2 started + 2 planned by 06-30
  EXPECT_EQ(s.status, "on_track");
  set[2].planned_start = Date{2026, 7, 10};
  set[3].planned_start = Date{2026, 7, 10};
  EXPECT_EQ(Evaluate(Sixty(), set, {2026, 5, 1}).status, "at_risk");  // projected 0.4
  EXPECT_EQ(Evaluate(Sixty(), set, {2026, 7, 1}).status, "missed");
  set[2].actual_start = Date{2026, 6, 20};
  EXPECT_EQ(Evaluate(Sixty(), set, {2026, 6, 21}).status, "met");  // 3/5 before the deadline
  EXPECT_EQ(Evaluate(Sixty(), set, {2026, 12, 1}).value, 0.6);     // frozen at the deadline
}

TEST(TargetsTarget, PastTheDeadlineTheValueReachedThenAndNoForecast) {
  // Deadline 2026-06-30. Started by then: 03-05 and 04-20 (2 of 5); 06-10 and 06-25 were planned
  // before the deadline but never started; the fifth started 07-15, after it.
  std::vector<ledger::Project> set = {
      New(Date{2026, 3, 1}, Date{2026, 3, 5}), New(Date{2026, 4, 1}, Date{2026, 4, 20}),
      New(Date{2026, 6, 10}, std::nullopt), New(Date{2026, 6, 25}, std::nullopt),
      New(Date{2026, 8, 1}, Date{2026, 7, 15})};
  // The day before the deadline: 2/5 now, 4/5 planned by 06-30 → a forecast, on track.
  auto before = Evaluate(Sixty(), set, {2026, 6, 29});
  EXPECT_DOUBLE_EQ(before.value, 0.4);
  EXPECT_DOUBLE_EQ(before.projected, 0.8);
  EXPECT_EQ(before.status, "on_track");
  // 2026-12-07, five months past: missed with 2/5 = 0.4 reached at the deadline, and the
  // "projected" value is that same 0.4 (the plans of 06-10 and 06-25 are no forecast any more).
  for (const Date as_of : {Date{2026, 6, 30}, Date{2026, 12, 7}}) {
    auto past = Evaluate(Sixty(), set, as_of);
    EXPECT_EQ(past.status, "missed");
    EXPECT_EQ(past.numerator, 2);
    EXPECT_EQ(past.denominator, 5);
    EXPECT_DOUBLE_EQ(past.value, 0.4);
    EXPECT_DOUBLE_EQ(past.projected, 0.4);
  }
  // Met by the deadline (a third start on 06-28: 3/5 = 0.6): met, and still met months later.
  set[3].actual_start = Date{2026, 6, 28};
  auto met = Evaluate(Sixty(), set, {2026, 12, 7});
  EXPECT_EQ(met.status, "met");
  EXPECT_DOUBLE_EQ(met.value, 0.6);
  EXPECT_DOUBLE_EQ(met.projected, 0.6);
}

TEST(TargetsTarget, CountStageAndFilter) {
  Target t;
  t.name = "420: 20个工业项目开工";
  t.metric = "count_stage";
  t.stage = "started";
  t.threshold = 2;
  t.categories = {"industrial"};
  t.deadline = {2026, 12, 31};
  auto a = New(Date{2026, 3, 1}, Date{2026, 3, 1});
  auto b = New(Date{2026, 3, 1}, Date{2026, 3, 1}, "service");
  auto c = New(Date{2026, 9, 1}, std::nullopt);
  EXPECT_TRUE(InSet(t, a));
  EXPECT_FALSE(InSet(t, b));
  auto s = Evaluate(t, {a, c}, {2026, 6, 1});
  EXPECT_EQ(s.numerator, 1);
  EXPECT_DOUBLE_EQ(s.projected, 2);
  EXPECT_EQ(s.status, "on_track");
  t.stage = "signed";
  EXPECT_EQ(Evaluate(t, {a, c}, {2026, 6, 1}).status, "met");  // both signed or beyond
}

TEST(TargetsTarget, InvestmentRateProjectsLinearly) {
  Target t;
  t.name = "投资完成率";
  t.metric = "investment_rate";
  t.threshold = 1.0;
  t.deadline = {2026, 12, 31};
  ledger::Project p = New(Date{2026, 1, 1}, Date{2026, 1, 1});
  p.annual_plan = 1200;
  p.annual_completed = 450;
  auto s = Evaluate(t, {p}, {2026, 6, 30});  // 6 months: 37.5 %, pace → 75 %
  EXPECT_DOUBLE_EQ(s.value, 0.375);
  EXPECT_DOUBLE_EQ(s.projected, 0.75);
  EXPECT_EQ(s.status, "at_risk");
  EXPECT_EQ(s.numerator, 450);
  EXPECT_EQ(s.denominator, 1200);
  // The hard days: a leap day counts February as elapsed (2 months: pace 6); a target of next
  // year has no elapsed month yet (not six, as of 06-30), so nothing is projected beyond what is done.
  t.deadline = {2028, 12, 31};
  EXPECT_DOUBLE_EQ(Evaluate(t, {p}, {2028, 2, 29}).projected, 0.375 * 6);
  EXPECT_DOUBLE_EQ(Evaluate(t, {p}, {2028, 2, 28}).projected, 0.375 * 12);
  t.deadline = {2027, 12, 31};
  EXPECT_DOUBLE_EQ(Evaluate(t, {p}, {2026, 6, 30}).projected, 0.375);
  EXPECT_DOUBLE_EQ(Evaluate(t, {p}, {2026, 12, 31}).projected, 0.375);
}

TEST(TargetsTarget, ValidationReportsEveryField) {
  auto r = TargetFromJson({{"metric", "x"}, {"comparator", "~"}, {"deadline", "2026-13-01"}});
  ASSERT_FALSE(r);
  EXPECT_GE(r.error().details.size(), 4u);  // name, metric, comparator, threshold, deadline
}

}  // namespace
}  // namespace gj::targets
