// Hand-computed expectations for periodic rankings: weighted metrics, movement, red/yellow list.
#include "domain/assessment/periodic_ranking.h"

#include <gtest/gtest.h>

namespace gj::assessment {
namespace {

// Start rate (weight 60, target 0.8, ratio capped at 1) and investment rate (weight 40,
// target 1, cap 1.2).
Scheme TownScheme() {
  Scheme s;
  s.name = "乡镇月度评比";
  s.metrics = {
      {"start_rate", MetricKind::kStartRate, 60, MetricScoring::kRatioToTarget, 0.8, 1, 3},
      {"investment_rate", MetricKind::kInvestmentRate, 40, MetricScoring::kRatioToTarget, 1, 1.2, 3},
  };
  return s;
}

SubjectFigures Town(std::string name, double start, double invest) {
  return {std::move(name), {{"start_rate", start}, {"investment_rate", invest}}, std::nullopt};
}

const RunEntry& EntryOf(const RankingRun& run, const std::string& subject) {
  for (const auto& e : run.entries) {
    if (e.subject == subject) return e;
  }
  throw std::runtime_error("no entry for " + subject);
}

TEST(PeriodicRanking, WeightedRatioToTargetCapped) {
  // 甲: start 0.8/0.8 = 1 → 100; invest 1.5 → capped 1.2 → 120; (60·100 + 40·120)/100 = 108.
  // 乙: start 0.4/0.8 → 50; invest 0.5 → 50; score 50; completion (60·0.5 + 40·0.5)/100 = 0.5.
  std::vector<SubjectFigures> f = {Town("乙", 0.4, 0.5), Town("甲", 0.8, 1.5)};
  auto run = ComputeRun(TownScheme(), Period::kMonth, "2026-03", 1, f, nullptr);
  ASSERT_TRUE(run.ok());
  ASSERT_EQ(run->entries.size(), 2u);
  EXPECT_EQ(run->entries[0].subject, "甲");
  EXPECT_DOUBLE_EQ(run->entries[0].score, 108);
  EXPECT_DOUBLE_EQ(run->entries[0].metric_scores.at("investment_rate"), 120);
  EXPECT_DOUBLE_EQ(run->entries[0].completion, 1);  // completion never exceeds 1 per metric
  EXPECT_EQ(run->entries[1].subject, "乙");
  EXPECT_DOUBLE_EQ(run->entries[1].score, 50);
  EXPECT_DOUBLE_EQ(run->entries[1].completion, 0.5);
  EXPECT_EQ(run->entries[1].light, Light::kYellow);
  EXPECT_EQ(run->entries[0].light, Light::kNone);
}

TEST(PeriodicRanking, RankPoints) {
  // Manual score ranked: 90 → 100 points, 80 and 80 → 97 each (tie), 70 → 4th → 91.
  Scheme s;
  s.name = "部门季度考评";
  s.metrics = {{"manual", MetricKind::kManual, 1, MetricScoring::kRankPoints, 1, 1, 3}};
  std::vector<SubjectFigures> f = {{"a", {{"manual", 90}}, {}},
                                   {"b", {{"manual", 80}}, {}},
                                   {"c", {{"manual", 80}}, {}},
                                   {"d", {{"manual", 70}}, {}}};
  auto run = ComputeRun(s, Period::kQuarter, "2026-Q1", 1, f, nullptr);
  ASSERT_TRUE(run.ok());
  EXPECT_DOUBLE_EQ(EntryOf(*run, "a").score, 100);
  EXPECT_DOUBLE_EQ(EntryOf(*run, "b").score, 97);
  EXPECT_EQ(EntryOf(*run, "c").rank, 2);
  EXPECT_DOUBLE_EQ(EntryOf(*run, "d").score, 91);
  EXPECT_EQ(EntryOf(*run, "d").rank, 4);
  // No ratio metric: completion = score / 100 → 0.91, not yellow.
  EXPECT_DOUBLE_EQ(EntryOf(*run, "d").completion, 0.91);
}

TEST(PeriodicRanking, MovementArrows) {
  // March: 甲 1st, 乙 2nd, 丙 3rd. April: 丙 1st (↑2), 甲 2nd (↓1), 乙 3rd (↓1), 丁 new.
  std::vector<SubjectFigures> march = {Town("甲", 0.8, 1), Town("乙", 0.7, 1), Town("丙", 0.6, 1)};
  auto m = ComputeRun(TownScheme(), Period::kMonth, "2026-03", 1, march, nullptr);
  ASSERT_TRUE(m.ok());
  std::vector<SubjectFigures> april = {Town("甲", 0.8, 0.9), Town("乙", 0.7, 0.9), Town("丙", 0.8, 1.1),
                                       Town("丁", 0.1, 0.1)};
  auto a = ComputeRun(TownScheme(), Period::kMonth, "2026-04", 1, april, &*m);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(EntryOf(*a, "丙").rank, 1);
  EXPECT_EQ(EntryOf(*a, "丙").movement, Movement::kUp);
  EXPECT_EQ(MovementLabel(EntryOf(*a, "丙")), "↑2");
  EXPECT_EQ(EntryOf(*a, "甲").movement, Movement::kDown);
  EXPECT_EQ(MovementLabel(EntryOf(*a, "甲")), "↓1");
  EXPECT_EQ(MovementLabel(EntryOf(*a, "乙")), "↓1");
  EXPECT_EQ(EntryOf(*a, "丁").movement, Movement::kNew);
  EXPECT_EQ(MovementLabel(EntryOf(*a, "丁")), "新");
  // Same figures again: everyone keeps their place.
  auto may = ComputeRun(TownScheme(), Period::kMonth, "2026-05", 1, april, &*a);
  ASSERT_TRUE(may.ok());
  EXPECT_EQ(MovementLabel(EntryOf(*may, "甲")), "—");
  EXPECT_EQ(EntryOf(*may, "甲").movement, Movement::kSame);
}

TEST(PeriodicRanking, TwoYellowsInARowMakeRed) {
  // Completion: 0.4/0.8 and 0.5 → 0.5 (yellow); 0.48/0.8 = 0.6 and 0.6 → 0.6 (not yellow:
  // "below 60 %").
  std::vector<SubjectFigures> low = {Town("甲", 0.4, 0.5), Town("乙", 0.48, 0.6)};
  auto jan = ComputeRun(TownScheme(), Period::kMonth, "2026-01", 1, low, nullptr);
  ASSERT_TRUE(jan.ok());
  EXPECT_EQ(EntryOf(*jan, "甲").light, Light::kYellow);
  EXPECT_EQ(EntryOf(*jan, "乙").light, Light::kNone);
  auto feb = ComputeRun(TownScheme(), Period::kMonth, "2026-02", 1, low, &*jan);
  ASSERT_TRUE(feb.ok());
  EXPECT_EQ(EntryOf(*feb, "甲").light, Light::kRed);
  EXPECT_EQ(EntryOf(*feb, "甲").yellow_streak, 2);
  auto mar = ComputeRun(TownScheme(), Period::kMonth, "2026-03", 1, low, &*feb);
  ASSERT_TRUE(mar.ok());
  EXPECT_EQ(EntryOf(*mar, "甲").light, Light::kRed);  // stays red while below
  // A good month resets the streak: the next low month is yellow again, not red.
  std::vector<SubjectFigures> good = {Town("甲", 0.8, 1), Town("乙", 0.8, 1)};
  auto apr = ComputeRun(TownScheme(), Period::kMonth, "2026-04", 1, good, &*mar);
  ASSERT_TRUE(apr.ok());
  EXPECT_EQ(EntryOf(*apr, "甲").light, Light::kNone);
  auto may = ComputeRun(TownScheme(), Period::kMonth, "2026-05", 1, low, &*apr);
  ASSERT_TRUE(may.ok());
  EXPECT_EQ(EntryOf(*may, "甲").light, Light::kYellow);
}

TEST(PeriodicRanking, ThresholdsAreConfigurable) {
  Scheme s = TownScheme();
  s.warning = {0.8, 3};                                     // yellow below 80 %, red after three yellows
  std::vector<SubjectFigures> f = {Town("甲", 0.56, 0.7)};  // completion 0.7
  auto r1 = ComputeRun(s, Period::kMonth, "m1", 1, f, nullptr);
  auto r2 = ComputeRun(s, Period::kMonth, "m2", 1, f, &*r1);
  auto r3 = ComputeRun(s, Period::kMonth, "m3", 1, f, &*r2);
  EXPECT_EQ(r1->entries[0].light, Light::kYellow);
  EXPECT_EQ(r2->entries[0].light, Light::kYellow);
  EXPECT_EQ(r3->entries[0].light, Light::kRed);
  // An explicit completion overrides the computed one.
  std::vector<SubjectFigures> explicit_completion = {{"甲", f[0].values, 0.9}};
  auto r4 = ComputeRun(s, Period::kMonth, "m4", 1, explicit_completion, &*r3);
  EXPECT_EQ(r4->entries[0].light, Light::kNone);
}

TEST(PeriodicRanking, PublishedRunIsFrozen) {
  std::vector<SubjectFigures> f = {Town("甲", 0.8, 1)};
  auto v1 = ComputeRun(TownScheme(), Period::kYear, "2026", 1, f, nullptr);
  ASSERT_TRUE(v1.ok());
  RankingRun stored = *v1;
  auto draft_update = ComputeRun(TownScheme(), Period::kYear, "2026", 1, f, nullptr);
  EXPECT_TRUE(Replace(stored, *draft_update).ok());  // not yet published: may be replaced
  ASSERT_TRUE(PublishRun(stored).ok());
  std::vector<SubjectFigures> corrected = {Town("甲", 0.4, 1)};
  auto recomputed = ComputeRun(TownScheme(), Period::kYear, "2026", 1, corrected, nullptr);
  auto replaced = Replace(stored, *recomputed);
  ASSERT_FALSE(replaced.ok());
  EXPECT_EQ(replaced.error().code, ErrorCode::kConflict);
  EXPECT_DOUBLE_EQ(stored.entries[0].score, 100);  // unchanged
  std::vector<RankingRun> history = {stored};
  EXPECT_EQ(NextVersion(history, TownScheme().name, "2026"), 2);
  EXPECT_EQ(NextVersion(history, TownScheme().name, "2025"), 1);
}

TEST(PeriodicRanking, InvalidFiguresAreAllReported) {
  std::vector<SubjectFigures> f = {{"甲", {{"start_rate", 0.5}}, {}},  // investment_rate missing
                                   {"甲", {{"start_rate", -1}, {"investment_rate", 1}}, {}}};
  auto r = ComputeRun(TownScheme(), Period::kMonth, "2026-03", 1, f, nullptr);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().details.size(), 3u);  // missing figure, duplicate subject, negative figure
}

// 不适用: weights 40/30/30 (start rate, investment rate, reports on time; ratio to target 1, cap 1).
Scheme ThreeMetrics() {
  Scheme s;
  s.name = "镇街月度评比";
  s.metrics = {
      {"start_rate", MetricKind::kStartRate, 40, MetricScoring::kRatioToTarget, 1, 1, 3},
      {"investment_rate", MetricKind::kInvestmentRate, 30, MetricScoring::kRatioToTarget, 1, 1, 3},
      {"reports", MetricKind::kReportsOnTime, 30, MetricScoring::kRatioToTarget, 1, 1, 3},
  };
  return s;
}

TEST(PeriodicRanking, NotApplicableWeightIsSpreadOverTheOtherMetrics) {
  // 甲: start 0.5 → 50, investment 0.8 → 80, reports not applicable (no report was due).
  //   The 30 of reports is spread over 40 and 30 in proportion: shares 4/7 and 3/7.
  //   score = (40·50 + 30·80) / (40 + 30) = 4400 / 70 = 440/7 ≈ 62.857 (= 4/7·50 + 3/7·80).
  //   completion = (40·0.5 + 30·0.8) / 70 = 44/70 ≈ 0.629: not yellow.
  //   (Full marks for nothing due, the old rule, gave (2000 + 2400 + 30·100) / 100 = 74: first.)
  // 乙: start 0.6, investment 0.6, reports 0.7 → (40·60 + 30·60 + 30·70) / 100 = 63: first.
  // 丙: nothing applies (no new project, no annual plan, no report due): not ranked, listed last.
  std::vector<SubjectFigures> f = {
      {"甲", {{"start_rate", 0.5}, {"investment_rate", 0.8}}, std::nullopt, {"reports"}},
      {"乙", {{"start_rate", 0.6}, {"investment_rate", 0.6}, {"reports", 0.7}}, std::nullopt, {}},
      {"丙", {}, std::nullopt, {"start_rate", "investment_rate", "reports"}},
  };
  auto run = ComputeRun(ThreeMetrics(), Period::kMonth, "2026-03", 1, f, nullptr);
  ASSERT_TRUE(run.ok()) << run.error().message;
  ASSERT_EQ(run->entries.size(), 3u);
  EXPECT_EQ(run->entries[0].subject, "乙");
  EXPECT_DOUBLE_EQ(run->entries[0].score, 63);
  EXPECT_TRUE(run->entries[0].not_applicable.empty());
  const auto& jia = run->entries[1];
  EXPECT_EQ(jia.subject, "甲");
  EXPECT_EQ(jia.rank, 2);
  EXPECT_NEAR(jia.score, 440.0 / 7, 1e-9);
  EXPECT_NEAR(jia.score, 4.0 / 7 * 50 + 3.0 / 7 * 80, 1e-9);
  EXPECT_EQ(jia.not_applicable, (std::set<std::string>{"reports"}));
  EXPECT_EQ(jia.metric_scores.count("reports"), 0u);
  EXPECT_NEAR(jia.completion, 44.0 / 70, 1e-12);
  EXPECT_EQ(jia.light, Light::kNone);
  const auto& bing = run->entries[2];
  EXPECT_EQ(bing.subject, "丙");
  EXPECT_EQ(bing.rank, 0);
  EXPECT_EQ(bing.movement, Movement::kNone);
  EXPECT_EQ(MovementLabel(bing), "");
  EXPECT_EQ(bing.light, Light::kNone);
  EXPECT_EQ(bing.not_applicable.size(), 3u);
  // The weights the rule gives 甲: 40·100/70 and 30·100/70, summing to the scheme's 100.
  const auto w = SpreadWeights(ThreeMetrics().metrics, {"reports"});
  EXPECT_NEAR(w.at("start_rate"), 400.0 / 7, 1e-9);
  EXPECT_NEAR(w.at("investment_rate"), 300.0 / 7, 1e-9);
  EXPECT_EQ(w.count("reports"), 0u);
  EXPECT_TRUE(SpreadWeights(ThreeMetrics().metrics, {"start_rate", "investment_rate", "reports"}).empty());

  // Next month 丙 has a new project (start 1 → 100, the rest not applicable → score 100): it was not
  // ranked before, so it is new, not "↑".
  std::vector<SubjectFigures> g = {
      {"甲", {{"start_rate", 0.5}, {"investment_rate", 0.8}, {"reports", 1}}, std::nullopt, {}},
      {"丙", {{"start_rate", 1}}, std::nullopt, {"investment_rate", "reports"}},
  };
  auto april = ComputeRun(ThreeMetrics(), Period::kMonth, "2026-04", 1, g, &*run);
  ASSERT_TRUE(april.ok()) << april.error().message;
  EXPECT_EQ(EntryOf(*april, "丙").rank, 1);
  EXPECT_DOUBLE_EQ(EntryOf(*april, "丙").score, 100);
  EXPECT_EQ(EntryOf(*april, "丙").movement, Movement::kNew);
  // 甲: (40·50 + 30·80 + 30·100) / 100 = 74, 2nd as before.
  EXPECT_DOUBLE_EQ(EntryOf(*april, "甲").score, 74);
  EXPECT_EQ(EntryOf(*april, "甲").movement, Movement::kSame);
}

TEST(PeriodicRanking, RankPointsRankOnlyTheSubjectsTheMetricAppliesTo) {
  // review: rank points, step 10, weight 50; rate: ratio to target 1, weight 50.
  // a: review 90 (1st of two → 100), rate 0.8 → 80: (50·100 + 50·80) / 100 = 90.
  // b: review 80 (2nd → 90), rate 1 → 100: 95.
  // c: review not applicable (takes no place in the review ranking), rate 0.7 → 70: 50·70 / 50 = 70.
  Scheme s;
  s.name = "x";
  s.metrics = {{"review", MetricKind::kManual, 50, MetricScoring::kRankPoints, 1, 1, 10},
               {"rate", MetricKind::kStartRate, 50, MetricScoring::kRatioToTarget, 1, 1, 3}};
  std::vector<SubjectFigures> f = {{"a", {{"review", 90}, {"rate", 0.8}}, std::nullopt, {}},
                                   {"b", {{"review", 80}, {"rate", 1}}, std::nullopt, {}},
                                   {"c", {{"rate", 0.7}}, std::nullopt, {"review"}}};
  auto run = ComputeRun(s, Period::kMonth, "2026-03", 1, f, nullptr);
  ASSERT_TRUE(run.ok()) << run.error().message;
  EXPECT_DOUBLE_EQ(EntryOf(*run, "a").score, 90);
  EXPECT_DOUBLE_EQ(EntryOf(*run, "b").score, 95);
  EXPECT_DOUBLE_EQ(EntryOf(*run, "b").metric_scores.at("review"), 90);
  EXPECT_DOUBLE_EQ(EntryOf(*run, "c").score, 70);
  EXPECT_EQ(EntryOf(*run, "c").rank, 3);
}

}  // namespace
}  // namespace gj::assessment
