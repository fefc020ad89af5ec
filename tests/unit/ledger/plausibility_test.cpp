#include "domain/ledger/plausibility.h"

#include <gtest/gtest.h>

namespace gj::ledger {
namespace {

Project WithFigures(std::optional<int64_t> total, std::optional<int64_t> plan, std::optional<int64_t> done) {
  Project p;
  p.total_investment = total;
  p.annual_plan = plan;
  p.annual_completed = done;
  return p;
}

TEST(Plausibility, PolicyFromSettingsRowsWithDefaults) {
  auto p = PolicyFromSettings(std::nullopt, std::nullopt, std::nullopt);
  EXPECT_EQ(p.completed_plan_factor, 1.5);
  EXPECT_EQ(p.jump_points, 30);
  EXPECT_EQ(p.ahead_points, 50);
  p = PolicyFromSettings("1.2", "20", "40");
  EXPECT_EQ(p.completed_plan_factor, 1.2);
  EXPECT_EQ(p.jump_points, 20);
  EXPECT_EQ(p.ahead_points, 40);
  // Unreadable or out of range: the default.
  p = PolicyFromSettings("abc", "0", "1e9");
  EXPECT_EQ(p.completed_plan_factor, 1.5);
  EXPECT_EQ(p.jump_points, 30);
  EXPECT_EQ(p.ahead_points, 50);
}

TEST(Plausibility, ProjectHardLimitsNameBothFigures) {
  const PlausibilityPolicy pol;
  // An amount above 10^12 yuan: above the bound (and nothing else is asked of it).
  auto b = ProjectBreaches(WithFigures(150000000, 50000000, kMaxAmountYuan + 10000), pol);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].rule, kRuleAmountBound);
  EXPECT_EQ(b[0].field, "annual_completed");
  EXPECT_EQ(b[0].limit, kMaxAmountYuan);
  // 年度完成投资 99,999,999 万 on a 15,000 万 project planning 5,000 万 this year (the example).
  b = ProjectBreaches(WithFigures(150000000, 50000000, 999999990000), pol);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].rule, kRuleCompletedAbovePlan);
  EXPECT_EQ(b[0].limit, 75000000);
  // Completed 800 万 on a plan of 500 万: above 1.5 × plan = 750 万.
  b = ProjectBreaches(WithFigures(150000000, 5000000, 8000000), pol);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].rule, kRuleCompletedAbovePlan);
  EXPECT_EQ(b[0].value, 8000000);
  EXPECT_EQ(b[0].limit, 7500000);
  EXPECT_EQ(b[0].limit_of, "annual_plan");
  // Exactly 1.5 × plan is allowed.
  EXPECT_TRUE(ProjectBreaches(WithFigures(150000000, 5000000, 7500000), pol).empty());
  // Plan above the total.
  b = ProjectBreaches(WithFigures(100000000, 120000000, 0), pol);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].rule, kRulePlanAboveTotal);
  EXPECT_EQ(b[0].field, "annual_plan");
  EXPECT_EQ(b[0].value, 120000000);
  EXPECT_EQ(b[0].limit, 100000000);
  // A negative figure is invalid, not implausible: nothing compared.
  EXPECT_TRUE(ProjectBreaches(WithFigures(-5, 120000000, 0), pol).empty());
  // Missing figures compare nothing.
  EXPECT_TRUE(ProjectBreaches(WithFigures(std::nullopt, 120000000, std::nullopt), pol).empty());
  // A configured factor.
  PlausibilityPolicy strict;
  strict.completed_plan_factor = 1.0;
  EXPECT_EQ(ProjectBreaches(WithFigures(150000000, 5000000, 5000001), strict).size(), 1u);
}

TEST(Plausibility, AnEditAsksOnlyTheFiguresItChanges) {
  const PlausibilityPolicy pol;
  const Project old = WithFigures(100000000, 120000000, 0);  // implausible already
  Project renamed = old;
  renamed.name = "改名";
  EXPECT_TRUE(ProjectBreaches(renamed, pol, &old).empty());
  Project plan = old;
  plan.annual_plan = 130000000;
  EXPECT_EQ(ProjectBreaches(plan, pol, &old).size(), 1u);
}

TEST(Plausibility, ReportHardLimitsAndTheReasonText) {
  const PlausibilityPolicy pol;
  ReportFigures r;
  r.investment_period = 1000000;
  r.investment_year = 9000000;
  r.annual_plan = 5000000;
  r.previous_year_total = 9500000;
  auto b = ReportBreaches(r, pol);
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(b[0].rule, kRuleCompletedAbovePlan);
  EXPECT_EQ(b[0].field, "investment_year");
  EXPECT_EQ(b[0].limit, 7500000);
  EXPECT_EQ(b[1].rule, kRuleCumulativeFalls);
  EXPECT_EQ(b[1].limit, 9500000);
  Problems pr;
  AddBreaches(pr, b);
  EXPECT_EQ(pr.details()[0].value, "9000000");
  EXPECT_EQ(pr.details()[0].reason.rfind("rule plausible.annual_completed_above_plan: ", 0), 0u);
  Error e = PlausibilityError(pr, b, "x");
  EXPECT_EQ(e.code, ErrorCode::kInvalid);
  EXPECT_EQ(e.extra["plausibility"][1]["code"], kRuleCumulativeFalls);
  EXPECT_EQ(e.extra["plausibility"][1]["limit"], 9500000);
  r.sources = {{"enterprise", kMaxAmountYuan + 1}};
  b = ReportBreaches(r, pol);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].field, "by_source.enterprise");
}

TEST(Plausibility, ReportWarningsJumpAndAheadOfSchedule) {
  const PlausibilityPolicy pol;
  ReportFigures r;
  r.annual_plan = 10000000;
  r.previous_year_total = 2000000;  // 20 %
  r.investment_year = 5000000;      // 50 %: up 30 points, not more
  r.schedule_share = 0.25;          // 25 % due: 25 points ahead
  EXPECT_TRUE(ReportWarnings(r, pol).empty());
  r.investment_year = 8000000;  // 80 %: up 60 points, 55 ahead of 序时进度
  auto w = ReportWarnings(r, pol);
  ASSERT_EQ(w.size(), 2u);
  EXPECT_EQ(w[0].rule, kRuleProgressJump);
  EXPECT_DOUBLE_EQ(w[0].points, 60);
  EXPECT_EQ(w[0].limit, 2000000);
  EXPECT_EQ(w[1].rule, kRuleAheadOfSchedule);
  EXPECT_DOUBLE_EQ(w[1].points, 55);
  EXPECT_EQ(w[1].limit, 2500000);
  nlohmann::json j = w[0];
  EXPECT_EQ(j["code"], kRuleProgressJump);
  EXPECT_EQ(j["field"], "investment_year");
  EXPECT_EQ(j["points"], 60);
  // Without a plan there is no progress to measure.
  r.annual_plan.reset();
  EXPECT_TRUE(ReportWarnings(r, pol).empty());
}

}  // namespace
}  // namespace gj::ledger
