// Hand-computed expectations for every light rule and preset.
#include <gtest/gtest.h>

#include "domain/supervision/light.h"
#include "domain/supervision/monthly_plan.h"

namespace gj::supervision {
namespace {

ledger::Project Started(int64_t plan, int64_t done) {
  ledger::Project p;
  p.id = 1;
  p.kind = "new";
  p.track = "implementation";
  p.planned_start = Date{2026, 2, 1};
  p.actual_start = Date{2026, 2, 10};
  p.annual_plan = plan;
  p.annual_completed = done;
  return p;
}

ProjectLight Light_(const ledger::Project& p, const Date& d, const LightRules& r = {}) {
  LightInput in;
  in.project = &p;
  return ComputeLight(in, r, d);
}

TEST(SupervisionLight, StartThisMonthYellowAfterThreeMonthsRed) {
  ledger::Project p;
  p.kind = "new";
  p.track = "implementation";
  p.planned_start = Date{2026, 6, 20};
  EXPECT_EQ(Light_(p, {2026, 5, 31}).light, Light::kGreen);
  auto l = Light_(p, {2026, 6, 1});
  EXPECT_EQ(l.light, Light::kYellow);
  EXPECT_EQ(l.reasons.at(0).rule, "start");
  EXPECT_EQ(Light_(p, {2026, 7, 10}).light, Light::kYellow);  // passed, not yet 3 months
  EXPECT_EQ(Light_(p, {2026, 9, 19}).light, Light::kYellow);
  EXPECT_EQ(Light_(p, {2026, 9, 20}).light, Light::kRed);  // 3 months after 06-20
  p.actual_start = Date{2026, 9, 1};
  EXPECT_EQ(Light_(p, {2026, 9, 20}).light, Light::kGreen);
  p.actual_start.reset();
  p.track = "preparatory";
  EXPECT_EQ(Light_(p, {2026, 12, 1}).light, Light::kGreen);
}

TEST(SupervisionLight, ScheduleIsPlanTimesElapsedMonths) {
  ledger::Project p = Started(1200, 0);
  EXPECT_EQ(ElapsedMonths({2026, 6, 15}), 5);
  EXPECT_EQ(ElapsedMonths({2026, 6, 30}), 6);
  EXPECT_DOUBLE_EQ(*ScheduleShare(p, {}, {2026, 6, 30}), 0.5);
  EXPECT_FALSE(ScheduleShare(p, {}, {2026, 1, 20}));
  std::vector<int64_t> monthly = {0, 0, 100, 200, 300, 600, 700, 800, 900, 1000, 1100, 1200};
  EXPECT_DOUBLE_EQ(*ScheduleShare(p, monthly, {2026, 6, 30}), 0.5);
  EXPECT_DOUBLE_EQ(*ScheduleShare(p, monthly, {2026, 5, 31}), 0.25);
}

TEST(SupervisionLight, DefaultInvestmentLagInPoints) {
  // As of 06-30: 序时进度 = 50 %.
  EXPECT_EQ(Light_(Started(1000, 410), {2026, 6, 30}).light, Light::kGreen);   // 9 points behind
  EXPECT_EQ(Light_(Started(1000, 400), {2026, 6, 30}).light, Light::kYellow);  // 10 points
  EXPECT_EQ(Light_(Started(1000, 200), {2026, 6, 30}).light, Light::kYellow);  // 30 points
  auto red = Light_(Started(1000, 190), {2026, 6, 30});                        // 31 points
  EXPECT_EQ(red.light, Light::kRed);
  EXPECT_DOUBLE_EQ(*red.schedule_percent, 50);
  EXPECT_DOUBLE_EQ(*red.completion_percent, 19);
  EXPECT_NE(red.reasons.at(0).text.find("31.0"), std::string::npos);
}

TEST(SupervisionLight, SanyaAndWuhanPresets) {
  const auto sanya = PresetRules("sanya"), wuhan = PresetRules("wuhan");
  // 序时 50 %: completion 30 % = 60 % of 序时, 25 % = 50 %, 24 % = 48 %, 39 % = 78 %.
  EXPECT_EQ(Light_(Started(1000, 500), {2026, 6, 30}, sanya).light, Light::kGreen);
  EXPECT_EQ(Light_(Started(1000, 300), {2026, 6, 30}, sanya).light, Light::kYellow);
  EXPECT_EQ(Light_(Started(1000, 250), {2026, 6, 30}, sanya).light, Light::kYellow);
  EXPECT_EQ(Light_(Started(1000, 240), {2026, 6, 30}, sanya).light, Light::kRed);
  EXPECT_EQ(Light_(Started(1000, 400), {2026, 6, 30}, wuhan).light, Light::kGreen);   // 80 %
  EXPECT_EQ(Light_(Started(1000, 390), {2026, 6, 30}, wuhan).light, Light::kYellow);  // 78 %
  EXPECT_EQ(Light_(Started(1000, 300), {2026, 6, 30}, wuhan).light, Light::kYellow);  // 60 %
  EXPECT_EQ(Light_(Started(1000, 290), {2026, 6, 30}, wuhan).light, Light::kRed);     // 58 %
}

TEST(SupervisionLight, ProblemsReportsProceduresStopsWorstWins) {
  ledger::Project p = Started(1000, 500);
  LightInput in;
  in.project = &p;
  in.open_problems = {{7, "用地指标", {2026, 6, 1}}};
  EXPECT_EQ(ComputeLight(in, {}, {2026, 6, 1}).light, Light::kGreen);   // due today, not overdue
  EXPECT_EQ(ComputeLight(in, {}, {2026, 7, 1}).light, Light::kYellow);  // 30 days
  EXPECT_EQ(ComputeLight(in, {}, {2026, 7, 2}).light, Light::kRed);     // 31 days
  in.open_problems.clear();
  in.consecutive_missing_reports = 1;
  EXPECT_EQ(ComputeLight(in, {}, {2026, 6, 30}).light, Light::kGreen);
  in.consecutive_missing_reports = 2;
  EXPECT_EQ(ComputeLight(in, {}, {2026, 6, 30}).light, Light::kYellow);
  in.blocking_procedures = {"施工许可"};
  in.stopped_reason = "环保督查";
  in.completed_this_year = 100;  // 40 points behind → red
  auto l = ComputeLight(in, {}, {2026, 6, 30});
  EXPECT_EQ(l.light, Light::kRed);
  EXPECT_EQ(l.reasons.size(), 4u);
  // Several blocking procedures make one reason naming each.
  in.blocking_procedures = {"施工许可", "环评批复"};
  l = ComputeLight(in, {}, {2026, 6, 30});
  ASSERT_EQ(l.reasons.size(), 4u);
  EXPECT_EQ(l.reasons[2].rule, "procedure");
  EXPECT_EQ(l.reasons[2].light, Light::kYellow);
  EXPECT_EQ(l.reasons[2].text, "前期手续未办结（施工许可、环评批复），影响计划开工");
}

TEST(SupervisionLight, RulesFromJsonReportsEveryProblem) {
  auto r = RulesFromJson({{"preset", "wuhan"}, {"problem_red_days", 15}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->lag_mode, LagMode::kShare);
  EXPECT_DOUBLE_EQ(r->share_red, 0.6);
  EXPECT_EQ(r->problem_red_days, 15);
  auto bad = RulesFromJson({{"preset", "x"}, {"lag_mode", "y"}, {"stopped_light", "blue"}});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().details.size(), 3u);
}

TEST(SupervisionMonthlyPlan, TwelveMonthsAddingUpToTheAnnualPlan) {
  const std::vector<int64_t> months = {100, 100, 100, 100, 100, 300, 100, 100, 100, 0, 0, 100};  // 1,200
  EXPECT_TRUE(ValidateMonthlyPlan(months, 1200).empty());
  EXPECT_EQ(CumulativePlan(months),
            (std::vector<int64_t>{100, 200, 300, 400, 500, 800, 900, 1000, 1100, 1100, 1100, 1200}));
  auto off = ValidateMonthlyPlan(months, 1000);
  ASSERT_EQ(off.size(), 1u);
  EXPECT_NE(off.details()[0].reason.find("monthly_plan.sums_to_annual_plan"), std::string::npos);
  EXPECT_EQ(ValidateMonthlyPlan({100, 200}, 300).details()[0].field, "months");
  auto bad = ValidateMonthlyPlan({-1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, std::nullopt);
  ASSERT_EQ(bad.size(), 2u);  // a negative month; no annual plan
  EXPECT_EQ(bad.details()[0].field, "months[0]");
  EXPECT_NE(bad.details()[1].reason.find("monthly_plan.needs_annual_plan"), std::string::npos);
  // 序时进度 follows the plan: by 06-30, 800 of 1,200 (66.7 %) instead of 6/12.
  ledger::Project p;
  p.annual_plan = 1200;
  EXPECT_NEAR(*ScheduleShare(p, CumulativePlan(months), {2026, 6, 30}), 800.0 / 1200.0, 1e-12);
}

}  // namespace
}  // namespace gj::supervision
