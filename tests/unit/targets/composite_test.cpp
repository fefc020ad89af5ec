// Funds targets and composite goals (issue 15 item 4): hand-computed figures as of a date.
#include "domain/targets/composite.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace gj::targets {
namespace {

const Date kAsOf{2026, 6, 30};

Target Funds(const char* metric, double threshold) {
  Target t;
  t.name = "到位资金";
  t.region = "371524";
  t.metric = metric;
  t.threshold = threshold;
  t.deadline = Date{2026, 12, 31};
  return t;
}

ledger::Project P(const char* category, std::optional<Date> started, std::optional<Date> planned = {}) {
  ledger::Project p;
  p.category = category;
  p.kind = "new";
  p.actual_start = started;
  p.planned_start = planned;
  return p;
}

attraction::LeadFacts Lead(int64_t id, std::vector<attraction::StepFact> steps) {
  return {id, Date{2025, 10, 1}, 0, std::move(steps)};
}

Part PartOf(const char* metric, int64_t goal, std::vector<std::string> categories = {}) {
  Part p;
  p.name = metric;
  p.metric = metric;
  p.goal = goal;
  p.categories = std::move(categories);
  return p;
}

TargetFacts FundsFacts() {
  TargetFacts f;
  f.funds = {
      {1, "2025-12", 500, 500, 7},    // last year: not this year's
      {1, "2026-01", 1000, 200, 10},  // counts
      {2, "2026-06", 300, 0, 5},      // the as-of month: counts
      {2, "2026-07", 9000, 0, 99},    // after the as-of date: does not count
  };
  return f;
}

TEST(FundsTarget, CountsTheYearsMonthsUpToTheDate) {
  const auto s = EvaluateWith(Funds("funds_in_place", 3000), FundsFacts(), kAsOf);
  EXPECT_EQ(s.numerator, 1500);  // 1000 + 200 + 300
  EXPECT_DOUBLE_EQ(s.value, 1500);
  EXPECT_DOUBLE_EQ(s.projected, 3000);  // 1500 × 12 / 6
  EXPECT_EQ(s.status, "on_track");
  const auto usd = EvaluateWith(Funds("funds_in_place_usd", 100), FundsFacts(), kAsOf);
  EXPECT_DOUBLE_EQ(usd.value, 15);   // 10 + 5
  EXPECT_EQ(usd.status, "at_risk");  // 30 projected < 100
}

TEST(FundsTarget, AfterTheDeadlineTheYearIsFinal) {
  const auto s = EvaluateWith(Funds("funds_in_place", 10000), FundsFacts(), Date{2027, 3, 1});
  EXPECT_DOUBLE_EQ(s.value, 10500);  // every 2026 month, the July one too
  EXPECT_EQ(s.status, "met");
}

TEST(FundsTarget, RateOfTheRegionsTargetOfTheYear) {
  const std::vector<Target> targets = {Funds("funds_in_place", 3000), Funds("funds_in_place_usd", 10)};
  EXPECT_DOUBLE_EQ(*FundsRate(targets, "371524", FundsFacts().funds, kAsOf), 0.5);
  EXPECT_FALSE(FundsRate(targets, "371525", FundsFacts().funds, kAsOf));               // no target there
  EXPECT_FALSE(FundsRate(targets, "371524", FundsFacts().funds, Date{2025, 12, 31}));  // nor that year
}

TEST(Backbone, DevelopingWellNeedsRevenueAndTaxGrowth) {
  BackboneFacts grew{1, "甲", {{2024, {100, 10}}, {2025, {120, 11}}}};
  BackboneFacts tax_dip{2, "乙", {{2024, {100, 10}}, {2025, {120, 9}}}};
  BackboneFacts one_year{3, "丙", {{2025, {120, 11}}}};
  EXPECT_TRUE(DevelopingWell(grew, 2026));  // the latest known growth: 2025 over 2024
  EXPECT_FALSE(DevelopingWell(tax_dip, 2026));
  EXPECT_FALSE(DevelopingWell(one_year, 2026));
  EXPECT_FALSE(DevelopingWell(grew, 2024));  // in 2024 no growth is known yet
}

TEST(Composite, FourPartsAndTheWhole) {
  Target t = Funds("composite", 4);
  t.name = "420";
  t.parts = {PartOf("projects_started", 2, {"industrial"}), PartOf("backbone_growing", 1),
             PartOf("leads_landed", 2), PartOf("projects_started", 3, {"agriculture", "service"})};
  TargetFacts f;
  f.projects = {
      P("industrial", Date{2026, 2, 1}),                     // started this year
      P("industrial", Date{2026, 6, 30}),                    // on the day
      P("industrial", Date{2025, 8, 1}),                     // last year: not this year's goal
      P("industrial", std::nullopt, Date{2026, 9, 1}),       // planned: projected only
      P("agriculture", Date{2026, 7, 2}, Date{2026, 5, 1}),  // started after the day: projected only
      P("service", Date{2026, 3, 3}),
      P("social", Date{2026, 3, 3}),  // not in any part's set
  };
  f.backbone = {{1, "甲", {{2024, {100, 10}}, {2025, {120, 11}}}}};
  f.leads = {
      Lead(1, {{"signed", Date{2026, 1, 10}}, {"registered", Date{2026, 3, 1}}}),  // counts
      Lead(2, {{"signed", Date{2026, 2, 10}}, {"registered", Date{2026, 7, 1}}}),  // 落地 after the day
      Lead(3, {{"signed", Date{2025, 5, 10}}, {"registered", Date{2025, 6, 1}}}),  // landed last year
      Lead(4, {{"signed", Date{2026, 4, 10}}}),                                    // signed only
  };
  const auto s = EvaluateWith(t, f, kAsOf);
  ASSERT_EQ(s.parts.size(), 4u);
  EXPECT_EQ(s.parts[0].value, 2);
  EXPECT_EQ(s.parts[0].projected, 3);
  EXPECT_TRUE(s.parts[0].met);
  EXPECT_EQ(s.parts[1].value, 1);
  EXPECT_TRUE(s.parts[1].met);
  EXPECT_EQ(s.parts[2].value, 1);  // lead 2's 落地 is dated after the day
  EXPECT_FALSE(s.parts[2].met);
  EXPECT_EQ(s.parts[3].value, 1);
  EXPECT_EQ(s.parts[3].projected, 2);
  EXPECT_EQ(s.numerator, 2);  // parts met
  EXPECT_EQ(s.denominator, 4);
  EXPECT_DOUBLE_EQ(s.value, 2);
  EXPECT_DOUBLE_EQ(*s.ratio, 5.0 / 8.0);  // (2 + 1 + 1 + 1) / (2 + 1 + 2 + 3)
  EXPECT_EQ(s.status, "at_risk");
  // On 07-01 lead 2 has landed too.
  EXPECT_EQ(EvaluateWith(t, f, Date{2026, 7, 1}).parts[2].value, 2);
}

TEST(Composite, DefinitionRules) {
  Target t = Funds("composite", 5);
  t.parts = {PartOf("projects_started", 20), PartOf("no_such", 0)};
  const auto pr = Validate(t);
  std::vector<std::string> fields;
  for (const auto& d : pr.details()) fields.push_back(d.field);
  EXPECT_NE(std::find(fields.begin(), fields.end(), "threshold"), fields.end());
  EXPECT_NE(std::find(fields.begin(), fields.end(), "parts[1].metric"), fields.end());
  EXPECT_NE(std::find(fields.begin(), fields.end(), "parts[1].goal"), fields.end());
  // Parts round-trip through JSON; a funds target has none.
  nlohmann::json j = ToJson(Funds("composite", 1));
  j["parts"] = PartsToJson({PartOf("leads_landed", 20)});
  auto back = TargetFromJson(j);
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(back->parts.size(), 1u);
  EXPECT_EQ(back->parts[0].goal, 20);
  auto funds = ToJson(Funds("funds_in_place", 1));
  funds["parts"] = PartsToJson({PartOf("leads_landed", 20)});
  EXPECT_FALSE(TargetFromJson(funds));
  // A stored definition is read before its parts rows.
  EXPECT_TRUE(TargetFromJson(ToJson(Funds("composite", 4)), /*stored=*/true));
}

}  // namespace
}  // namespace gj::targets
