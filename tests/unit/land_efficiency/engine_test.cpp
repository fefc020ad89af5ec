// Hand-computed expectations for every rule of the land-efficiency engine (spec §2–§6).
#include <gtest/gtest.h>

#include <random>

#include "domain/land_efficiency/evaluate.h"

namespace gj::land {
namespace {

using ES = EnterpriseStatus;

Enterprise Make(bool above, double land, double tax, double revenue = 0) {
  Enterprise e;
  e.above_scale = above;
  e.land_mu = land;
  e.tax = tax;
  e.revenue = revenue;
  return e;
}

IndicatorSpec Fixed(IndicatorId id, double w, double b, std::optional<double> cap) {
  return {id, w, Benchmark{BenchmarkMode::kFixed, 1, b}, cap};
}

// Below group only: tax_per_mu weight 100 with the given benchmark; s = 100 × min(x/B, cap).
Scheme BelowTaxScheme(Benchmark b, std::optional<double> cap = 2.0) {
  Scheme s;
  s.name = "test";
  s.below = GroupScheme{{IndicatorSpec{IndicatorId::kTaxPerMu, 100, b, cap}}};
  return s;
}

Scheme FixedBelow10(std::optional<double> cap = std::nullopt) {
  return BelowTaxScheme(Benchmark{BenchmarkMode::kFixed, 1, 10}, cap);
}

std::optional<char> ClassOf(const Evaluation& ev, size_t i) {
  if (!ev.results[i].klass) return std::nullopt;
  return kClassLetters[static_cast<int>(*ev.results[i].klass)];
}

// ---- §10 worked example -------------------------------------------------------------------

class WorkedExample : public ::testing::Test {
 protected:
  void SetUp() override {
    scheme_.name = "example";
    scheme_.above = GroupScheme{
        {Fixed(IndicatorId::kTaxPerMu, 40, 20, 1.5), Fixed(IndicatorId::kRevenuePerEnergy, 15, 5, 1.5),
         Fixed(IndicatorId::kRevenuePerEmission, 15, 800, 1.5), Fixed(IndicatorId::kRdIntensity, 15, 3, 1.5),
         Fixed(IndicatorId::kLabourProductivity, 15, 100, 1.5)}};
    Enterprise e1 = Make(true, 100, 3000, 60000);
    e1.value_added = 15000, e1.energy_tce = 10000, e1.emission_eq = 50, e1.rd_spend = 1800,
    e1.employees = 200;
    Enterprise e2 = Make(true, 50, 500, 10000);
    e2.value_added = 2500, e2.energy_tce = 4000, e2.emission_eq = 20, e2.rd_spend = 100, e2.employees = 100;
    e2.penalty = 5;
    Enterprise e3 = Make(true, 80, 80, 4000);
    e3.value_added = 800, e3.energy_tce = 2000, e3.rd_spend = 0, e3.employees = 40;
    input_ = {e1, e2, e3};
    ev_ = Evaluate(scheme_, input_);
  }
  Scheme scheme_;
  std::vector<Enterprise> input_;
  Evaluation ev_;
};

TEST_F(WorkedExample, Totals) {
  EXPECT_NEAR(ev_.results[0].total, 126.75, 1e-9);
  EXPECT_NEAR(ev_.results[1].total, 40.625, 1e-9);
  EXPECT_NEAR(ev_.results[2].total, 26.9375, 1e-9);
}

TEST_F(WorkedExample, IndicatorValuesAndScores) {
  // E1: x = 30, 6, 1200, 3 %, 75 → s = 60 (capped), 18, 22.5 (capped), 15, 11.25
  const double x1[] = {30, 6, 1200, 3, 75}, s1[] = {60, 18, 22.5, 15, 11.25};
  for (size_t c = 0; c < 5; ++c) {
    EXPECT_NEAR(*ev_.X(0, c), x1[c], 1e-12) << c;
    EXPECT_NEAR(*ev_.S(0, c), s1[c], 1e-12) << c;
  }
  // E3's emission is missing: no x, s = mean of 22.5 and 9.375.
  EXPECT_FALSE(ev_.X(2, 2).has_value());
  EXPECT_NEAR(*ev_.S(2, 2), 15.9375, 1e-12);
}

TEST_F(WorkedExample, RanksAndClasses) {
  EXPECT_EQ(ev_.results[0].rank, 1);
  EXPECT_EQ(ev_.results[1].rank, 2);
  EXPECT_EQ(ev_.results[2].rank, 3);
  EXPECT_EQ(ClassOf(ev_, 0), 'A');
  EXPECT_EQ(ClassOf(ev_, 1), 'B');
  EXPECT_EQ(ClassOf(ev_, 2), 'C');
  EXPECT_EQ(ev_.groups[0].class_limits, (std::array<int, 3>{1, 2, 3}));
}

TEST_F(WorkedExample, TaxToNextClass) {
  EXPECT_FALSE(ev_.results[0].tax_to_next_class_cents.has_value());  // A: nothing better
  EXPECT_FALSE(ev_.results[1].tax_to_next_class_cents.has_value());  // needs 106.125 > 60
  EXPECT_EQ(ev_.results[2].tax_to_next_class_cents, 54750);          // 547.50 万元
}

// ---- §2 groups --------------------------------------------------------------------------------

TEST(LandGroups, EachEnterpriseInExactlyOneGroup) {
  const Scheme s = ShandongScheme();
  auto with_industry = [](Enterprise e, std::string code) {
    e.industry_code = std::move(code);
    return e;
  };
  EXPECT_EQ(GroupOf(with_industry(Make(true, 100, 1), "4411"), s), Group::kExcluded);  // power
  EXPECT_EQ(GroupOf(with_industry(Make(false, 100, 1), "45"), s), Group::kExcluded);   // gas
  EXPECT_EQ(GroupOf(with_industry(Make(true, 1, 1), "4610"), s), Group::kExcluded);    // water
  EXPECT_EQ(GroupOf(with_industry(Make(true, 1, 1), "4711"), s), Group::kAbove);
  EXPECT_EQ(GroupOf(with_industry(Make(true, 1, 1), "3446"), s), Group::kAbove);  // prefix, not substring
  EXPECT_EQ(GroupOf(Make(false, 5, 1), s), Group::kBelow);                        // land ≥ 5
  EXPECT_EQ(GroupOf(Make(false, 4.99, 1), s), Group::kNotEvaluated);
}

TEST(LandGroups, ExcludedAndNotEvaluatedAreNotScored) {
  Enterprise ex = Make(true, 100, 500, 1000);
  ex.industry_code = "4420";
  ex.veto = true;  // a veto does not pull an excluded enterprise into the evaluation
  ex.electricity_kwh = 1000;
  Enterprise small = Make(false, 3, 50);
  small.electricity_kwh = 1000;
  const std::vector<Enterprise> in = {ex, small, Make(true, 10, 100, 1000)};
  const Evaluation ev = Evaluate(ShandongScheme(), in);
  EXPECT_EQ(ev.results[0].group, Group::kExcluded);
  EXPECT_EQ(ev.results[0].status, ES::kExcluded);
  EXPECT_EQ(ev.results[1].group, Group::kNotEvaluated);
  EXPECT_EQ(ev.results[1].status, ES::kNotEvaluated);
  for (size_t i : {0u, 1u}) {
    EXPECT_EQ(ev.results[i].rank, 0);
    EXPECT_FALSE(ev.results[i].klass);
    EXPECT_FALSE(ev.results[i].surcharge_fen);
    for (size_t c = 0; c < ev.indicators.size(); ++c) EXPECT_FALSE(ev.S(i, c));
  }
  EXPECT_EQ(ev.results[2].status, ES::kClassed);
}

TEST(LandGroups, GroupMissingFromSchemeIsNotEvaluated) {
  Scheme s = FixedBelow10();  // no "above" group
  const std::vector<Enterprise> in = {Make(true, 10, 100), Make(false, 10, 100)};
  const Evaluation ev = Evaluate(s, in);
  EXPECT_EQ(ev.results[0].group, Group::kAbove);
  EXPECT_EQ(ev.results[0].status, ES::kNotEvaluated);
  EXPECT_EQ(ev.results[1].status, ES::kClassed);
}

TEST(LandGroups, BenchmarksNeverCrossGroups) {
  // Aggregate tax benchmark: above = 100/10 = 10, below = 10/10 = 1; both enterprises x/B ≥ 1.
  const std::vector<Enterprise> in = {Make(true, 10, 100, 1), Make(false, 10, 10)};
  const Evaluation ev = Evaluate(ShandongScheme(), in);
  EXPECT_DOUBLE_EQ(*ev.groups[0].benchmarks[0].second, 10);
  EXPECT_DOUBLE_EQ(*ev.groups[1].benchmarks[0].second, 1);
  EXPECT_DOUBLE_EQ(*ev.S(1, 0), 100);
}

// ---- §3/§4 indicators, benchmarks, scores ----------------------------------------------------

Scheme TaxAndEnergy() {
  Scheme s;
  s.above = GroupScheme{
      {Fixed(IndicatorId::kTaxPerMu, 50, 10, 2), Fixed(IndicatorId::kRevenuePerEnergy, 50, 10, 2)}};
  return s;
}

TEST(LandScores, MissingIndicatorScoresGroupMeanOfThoseWhoHaveIt) {
  Enterprise e1 = Make(true, 10, 100, 200);
  e1.energy_tce = 10;  // x = 20 → capped at 2 → s = 100
  Enterprise e2 = Make(true, 10, 50, 200);
  e2.energy_tce = 0;  // denominator ≤ 0 → missing
  Enterprise e3 = Make(true, 10, 100, 50);
  e3.energy_tce = 10;                       // x = 5 → s = 25
  Enterprise e4 = Make(true, 10, 100, 50);  // energy not given → missing
  const std::vector<Enterprise> in = {e1, e2, e3, e4};
  const Evaluation ev = Evaluate(TaxAndEnergy(), in);
  EXPECT_FALSE(ev.X(1, 1));
  EXPECT_DOUBLE_EQ(*ev.S(1, 1), 62.5);
  EXPECT_DOUBLE_EQ(*ev.S(3, 1), 62.5);
  EXPECT_DOUBLE_EQ(ev.results[1].total, 25 + 62.5);  // tax x = 5 → 25
}

TEST(LandScores, MissingForEveryoneScoresZero) {
  const std::vector<Enterprise> in = {Make(true, 10, 100, 200), Make(true, 10, 50, 200)};
  const Evaluation ev = Evaluate(TaxAndEnergy(), in);
  EXPECT_DOUBLE_EQ(*ev.S(0, 1), 0);
  EXPECT_DOUBLE_EQ(*ev.S(1, 1), 0);
}

TEST(LandScores, CapAndNoCap) {
  const std::vector<Enterprise> in = {Make(false, 10, 300)};  // x = 30, x/B = 3
  EXPECT_DOUBLE_EQ(Evaluate(FixedBelow10(2.0), in).results[0].total, 200);
  EXPECT_DOUBLE_EQ(Evaluate(FixedBelow10(std::nullopt), in).results[0].total, 300);
  // x is reported as computed even above the cap.
  EXPECT_DOUBLE_EQ(*Evaluate(FixedBelow10(2.0), in).X(0, 0), 30);
}

TEST(LandScores, NegativeTaxCountsAsZero) {
  // Aggregate B = max(100,0)+max(-50,0) over 20 mu = 5.
  const std::vector<Enterprise> in = {Make(false, 10, 100), Make(false, 10, -50)};
  const Evaluation ev = Evaluate(BelowTaxScheme(Benchmark{}), in);
  EXPECT_DOUBLE_EQ(*ev.groups[0].benchmarks[0].second, 5);
  EXPECT_DOUBLE_EQ(*ev.X(1, 0), 0);
  EXPECT_DOUBLE_EQ(*ev.S(1, 0), 0);
  EXPECT_DOUBLE_EQ(*ev.S(0, 0), 200);  // 10/5 = 2 → cap
}

TEST(LandScores, AggregateBenchmarkWithMultiplier) {
  // Σtax/Σland = 150/40 = 3.75, × 0.5 = 1.875; E3: x = 1 → 100 × 1/1.875.
  const std::vector<Enterprise> in = {Make(false, 10, 100), Make(false, 10, 30), Make(false, 20, 20)};
  const Evaluation ev =
      Evaluate(BelowTaxScheme(Benchmark{BenchmarkMode::kAggregate, 0.5, 0}, std::nullopt), in);
  EXPECT_DOUBLE_EQ(*ev.groups[0].benchmarks[0].second, 1.875);
  EXPECT_NEAR(*ev.S(2, 0), 100 / 1.875, 1e-12);
}

TEST(LandScores, MeanBenchmarkWithMultiplier) {
  // x = 10, 3, 1 → mean 14/3, × 2 = 28/3; E1: 100 × 10 / (28/3) = 107.142857…
  const std::vector<Enterprise> in = {Make(false, 10, 100), Make(false, 10, 30), Make(false, 20, 20)};
  const Evaluation ev = Evaluate(BelowTaxScheme(Benchmark{BenchmarkMode::kMean, 2, 0}, std::nullopt), in);
  EXPECT_NEAR(*ev.groups[0].benchmarks[0].second, 28.0 / 3, 1e-12);
  EXPECT_NEAR(*ev.S(0, 0), 100 * 10 / (28.0 / 3), 1e-9);
}

TEST(LandScores, RdIntensityAggregateIsPercent) {
  Scheme s;
  s.above = GroupScheme{{IndicatorSpec{IndicatorId::kRdIntensity, 10, Benchmark{}, std::nullopt}}};
  Enterprise a = Make(true, 10, 0, 1000), b = Make(true, 10, 0, 3000);
  a.rd_spend = 30, b.rd_spend = 10;  // Σrd/Σrevenue × 100 = 1 %
  const std::vector<Enterprise> in = {a, b};
  const Evaluation ev = Evaluate(s, in);
  EXPECT_DOUBLE_EQ(*ev.groups[0].benchmarks[0].second, 1);
  EXPECT_DOUBLE_EQ(*ev.X(0, 0), 3);
  EXPECT_DOUBLE_EQ(*ev.S(0, 0), 30);
}

TEST(LandScores, NonPositiveBenchmarkScoresZeroForEveryone) {
  // Every tax ≤ 0 → aggregate B = 0; a fixed B of −1 likewise.
  const std::vector<Enterprise> in = {Make(false, 10, -5), Make(false, 10, 0)};
  Evaluation ev = Evaluate(BelowTaxScheme(Benchmark{}), in);
  EXPECT_DOUBLE_EQ(*ev.S(0, 0), 0);
  EXPECT_DOUBLE_EQ(*ev.S(1, 0), 0);
  const std::vector<Enterprise> pos = {Make(false, 10, 50)};
  ev = Evaluate(BelowTaxScheme(Benchmark{BenchmarkMode::kFixed, 1, -1}), pos);
  EXPECT_DOUBLE_EQ(*ev.S(0, 0), 0);
  EXPECT_FALSE(ev.results[0].tax_to_next_class_cents);
}

TEST(LandScores, TotalAddsBonusSubtractsPenalty) {
  Enterprise e = Make(false, 10, 100);  // s = 100
  e.bonus = 3, e.penalty = 1.5;
  const std::vector<Enterprise> in = {e};
  EXPECT_DOUBLE_EQ(Evaluate(FixedBelow10(), in).results[0].total, 101.5);
}

// ---- §5 ranks and classes ---------------------------------------------------------------------

TEST(LandClasses, CompetitionRanksWithTolerance) {
  // s = 10 × tax/… : totals 100, 100 (+1e-10), 50, 50, 10
  std::vector<Enterprise> in = {Make(false, 10, 100), Make(false, 10, 100 + 1e-10), Make(false, 10, 50),
                                Make(false, 10, 50), Make(false, 10, 10)};
  const Evaluation ev = Evaluate(FixedBelow10(), in);
  const int expected[] = {1, 1, 3, 3, 5};
  for (size_t i = 0; i < in.size(); ++i) EXPECT_EQ(ev.results[i].rank, expected[i]) << i;
}

TEST(LandClasses, TiesAtBoundaryShareTheBetterClass) {
  // N = 4: nA = round(1) = 1, nAB = round(2.8) = 3, nABC = round(3.8) = 4; ranks 1,1,3,4 → A,A,B,C.
  const std::vector<Enterprise> in = {Make(false, 10, 100), Make(false, 10, 100), Make(false, 10, 50),
                                      Make(false, 10, 10)};
  const Evaluation ev = Evaluate(FixedBelow10(), in);
  EXPECT_EQ(ClassOf(ev, 0), 'A');
  EXPECT_EQ(ClassOf(ev, 1), 'A');
  EXPECT_EQ(ClassOf(ev, 2), 'B');
  EXPECT_EQ(ClassOf(ev, 3), 'C');
}

TEST(LandClasses, AllTiedAreAllA) {
  const std::vector<Enterprise> in(5, Make(false, 10, 40));
  const Evaluation ev = Evaluate(FixedBelow10(), in);
  for (size_t i = 0; i < in.size(); ++i) {
    EXPECT_EQ(ev.results[i].rank, 1);
    EXPECT_EQ(ClassOf(ev, i), 'A');
    EXPECT_FALSE(ev.results[i].tax_to_next_class_cents);
  }
}

TEST(LandClasses, ShareRoundingIsHalfUp) {
  // N = 2: nA = round(0.5) = 1, nAB = round(1.4) = 1, nABC = round(1.9) = 2 → A, C.
  const std::vector<Enterprise> in = {Make(false, 10, 100), Make(false, 10, 50)};
  const Evaluation ev = Evaluate(FixedBelow10(), in);
  EXPECT_EQ(ev.groups[0].class_limits, (std::array<int, 3>{1, 1, 2}));
  EXPECT_EQ(ClassOf(ev, 0), 'A');
  EXPECT_EQ(ClassOf(ev, 1), 'C');
  EXPECT_EQ(RoundHalfUp(0.5), 1);
  EXPECT_EQ(RoundHalfUp(2.5), 3);
  EXPECT_EQ(RoundHalfUp(2.4999), 2);
}

TEST(LandClasses, DIsTheRest) {
  // N = 20: nA = 5, nAB = 14, nABC = 19 → one D.
  std::vector<Enterprise> in;
  for (int i = 0; i < 20; ++i) in.push_back(Make(false, 10, 10.0 * (i + 1)));
  const Evaluation ev = Evaluate(FixedBelow10(), in);
  EXPECT_EQ(ev.groups[0].class_limits, (std::array<int, 3>{5, 14, 19}));
  EXPECT_EQ(ev.groups[0].class_counts, (std::array<int, 4>{5, 9, 5, 1}));
  EXPECT_EQ(ClassOf(ev, 0), 'D');  // the lowest
}

TEST(LandClasses, VetoWinsOverUndeterminedAndBothLeaveN) {
  Enterprise vetoed = Make(false, 10, 100);
  vetoed.veto = true;
  vetoed.undetermined = true;
  Enterprise undetermined = Make(false, 10, 80);
  undetermined.undetermined = true;
  const std::vector<Enterprise> in = {vetoed, undetermined, Make(false, 10, 50)};
  const Evaluation ev = Evaluate(FixedBelow10(), in);
  EXPECT_EQ(ev.results[0].status, ES::kVetoed);
  EXPECT_EQ(ClassOf(ev, 0), 'D');
  EXPECT_EQ(ev.results[0].rank, 1);  // still ranked with the others
  EXPECT_EQ(ev.results[1].status, ES::kUndetermined);
  EXPECT_FALSE(ev.results[1].klass);
  EXPECT_EQ(ev.results[1].rank, 2);
  // N = 1: nA = round(0.25) = 0, nAB = round(0.7) = 1 → B; no A member → no what-if.
  EXPECT_EQ(ev.groups[0].n, 1);
  EXPECT_EQ(ClassOf(ev, 2), 'B');
  EXPECT_EQ(ev.results[2].rank, 3);
  EXPECT_FALSE(ev.results[2].tax_to_next_class_cents);
  EXPECT_EQ(ev.groups[0].class_counts, (std::array<int, 4>{0, 1, 0, 1}));
}

TEST(LandClasses, EmptyGroup) {
  const Evaluation ev = Evaluate(ShandongScheme(), std::vector<Enterprise>{});
  ASSERT_EQ(ev.groups.size(), 4u);
  EXPECT_EQ(ev.groups[0].count, 0);
  EXPECT_FALSE(ev.groups[0].benchmarks[0].second);
}

// ---- §6 consequences ------------------------------------------------------------------------

TEST(LandConsequences, SurchargeRoundedToTheFen) {
  // N = 4 distinct totals → limits 1, 3, 4 → A, B, B, C.
  Scheme s = FixedBelow10();
  s.surcharge_per_kwh = {0, 0.01, 0.05, 0.10};
  std::vector<Enterprise> in = {Make(false, 10, 100), Make(false, 10, 90), Make(false, 10, 80),
                                Make(false, 10, 70)};
  in[0].electricity_kwh = 1000;    // A: 0 → 0.00
  in[2].electricity_kwh = 12.345;  // B: 0.12345 → 0.12
  in[3].electricity_kwh = 12.3;    // C: 0.615 → 0.62 (half up despite binary noise)
  const Evaluation ev = Evaluate(s, in);
  EXPECT_EQ(ClassOf(ev, 3), 'C');
  EXPECT_EQ(ev.results[0].surcharge_fen, 0);
  EXPECT_FALSE(ev.results[1].surcharge_fen);  // no kWh → none
  EXPECT_EQ(ev.results[2].surcharge_fen, 12);
  EXPECT_EQ(ev.results[3].surcharge_fen, 62);
}

TEST(LandConsequences, VetoedPaysDUndeterminedPaysB) {
  Scheme s = FixedBelow10();
  s.surcharge_per_kwh = {0, 0.02, 0.05, 0.10};
  Enterprise v = Make(false, 10, 100), u = Make(false, 10, 90);
  v.veto = true, v.electricity_kwh = 1234.567;     // 123.4567 → 123.46
  u.undetermined = true, u.electricity_kwh = 100;  // managed as B: 2.00
  const std::vector<Enterprise> in = {v, u};
  const Evaluation ev = Evaluate(s, in);
  EXPECT_EQ(ev.results[0].surcharge_fen, 12346);
  EXPECT_EQ(ev.results[1].surcharge_fen, 200);
  EXPECT_FALSE(ev.results[0].tax_to_next_class_cents);  // vetoed: no what-if
  EXPECT_FALSE(ev.results[1].tax_to_next_class_cents);
}

TEST(LandConsequences, WhatIfWithNegativeTaxSkipsEmptyClass) {
  // Aggregate B = 5 (see NegativeTaxCountsAsZero); classes A, C (B empty, N = 2).
  // E2 needs s' = 0 + (200 − 0) = 200 = w·cap → reachable; x' = 200·5/100 = 10;
  // extra = 10·10 − (−50) = 150.
  const std::vector<Enterprise> in = {Make(false, 10, 100), Make(false, 10, -50)};
  const Evaluation ev = Evaluate(BelowTaxScheme(Benchmark{}), in);
  EXPECT_EQ(ClassOf(ev, 1), 'C');
  EXPECT_EQ(ev.results[1].tax_to_next_class_cents, 15000);
}

TEST(LandConsequences, WhatIfUnreachableAboveCapButReachableWithoutCap) {
  // Totals 200 (A: x = 20, capped at 2 → w·cap = 200) and 10 + bonus 0; the other needs
  // s' = 10 + 190 = 200 ≤ 200 → reachable; make the leader's bonus push it out of reach.
  Enterprise leader = Make(false, 10, 300);
  leader.bonus = 5;  // total 205
  const std::vector<Enterprise> in = {leader, Make(false, 10, 10)};
  EXPECT_FALSE(Evaluate(FixedBelow10(2.0), in).results[1].tax_to_next_class_cents);
  // No cap: leader total 305; s' = 10 + 295 = 305 → x' = 30.5 → tax' = 305 → extra 295.
  EXPECT_EQ(Evaluate(FixedBelow10(std::nullopt), in).results[1].tax_to_next_class_cents, 29500);
}

TEST(LandConsequences, WhatIfRoundsUpToTheCent) {
  // Leader total 100.0001 (bonus); other s = 50. s' = 50 + 50.0001 → x' = 10.00001 → ×10 mu =
  // 100.0001 − 50 = 50.0001 → rounded up to 50.01.
  Enterprise leader = Make(false, 10, 100);
  leader.bonus = 0.0001;
  const std::vector<Enterprise> in = {leader, Make(false, 10, 50)};
  EXPECT_EQ(Evaluate(FixedBelow10(), in).results[1].tax_to_next_class_cents, 5001);
  EXPECT_EQ(CeilTolerant(1234.0000000000002), 1234);
  EXPECT_EQ(CeilTolerant(1234.01), 1235);
}

TEST(LandConsequences, WhatIfNeedsTaxIndicatorInGroup) {
  Scheme s;
  s.below = GroupScheme{{Fixed(IndicatorId::kRevenuePerMu, 100, 10, std::nullopt)}};
  const std::vector<Enterprise> in = {Make(false, 10, 0, 200), Make(false, 10, 0, 100)};
  const Evaluation ev = Evaluate(s, in);
  EXPECT_EQ(ClassOf(ev, 1), 'C');
  EXPECT_FALSE(ev.results[1].tax_to_next_class_cents);
}

// ---- properties on generated data -----------------------------------------------------------

std::vector<Enterprise> Generate(std::mt19937& rng, int n) {
  std::uniform_real_distribution<double> land(5, 200), tax(-50, 5000), rev(0, 100000), small(1, 1000);
  std::vector<Enterprise> in;
  for (int i = 0; i < n; ++i) {
    Enterprise e = Make(i % 3 != 0, land(rng), tax(rng), rev(rng));
    if (i % 5) e.energy_tce = small(rng);
    if (i % 7) e.emission_eq = small(rng);
    e.rd_spend = small(rng);
    e.value_added = rev(rng) / 4;
    if (i % 11) e.employees = small(rng);
    in.push_back(e);
  }
  return in;
}

TEST(LandProperties, ClassCountsFollowSharesWithoutTies) {
  std::mt19937 rng(7);
  for (int n : {1, 2, 3, 7, 40, 333}) {
    const auto in = Generate(rng, n);
    const Evaluation ev = Evaluate(ShandongScheme(), in);
    for (int g = 0; g < 2; ++g) {
      const auto& sum = ev.groups[g];
      const auto& lim = sum.class_limits;
      EXPECT_EQ(sum.class_counts[0], lim[0]);
      EXPECT_EQ(sum.class_counts[1], lim[1] - lim[0]);
      EXPECT_EQ(sum.class_counts[2], lim[2] - lim[1]);
      EXPECT_EQ(sum.class_counts[3], sum.n - lim[2]);
      EXPECT_EQ(lim[0], RoundHalfUp(sum.n * 0.25));
    }
  }
}

TEST(LandProperties, RaisingTaxNeverLowersTheClass) {
  std::mt19937 rng(11);
  const auto base = Generate(rng, 60);
  const Evaluation before = Evaluate(ShandongScheme(), base);
  for (size_t i = 0; i < base.size(); i += 3) {
    for (double extra : {1.0, 100.0, 10000.0}) {
      auto changed = base;
      changed[i].tax += extra;
      const Evaluation after = Evaluate(ShandongScheme(), changed);
      ASSERT_TRUE(before.results[i].klass && after.results[i].klass);
      EXPECT_LE(static_cast<int>(*after.results[i].klass), static_cast<int>(*before.results[i].klass)) << i;
      EXPECT_LE(after.results[i].rank, before.results[i].rank);
    }
  }
}

TEST(LandProperties, PayingTheWhatIfReachesTheNextClass) {
  std::mt19937 rng(5);
  auto in = Generate(rng, 50);
  for (auto& e : in) e.above_scale = false;
  const Evaluation ev = Evaluate(ShandongScheme(), in);
  // Benchmarks are held fixed in the what-if, so check against a fixed-benchmark scheme.
  Scheme fixed = ShandongScheme();
  fixed.below->indicators[0].benchmark =
      Benchmark{BenchmarkMode::kFixed, 1, *ev.groups[1].benchmarks[0].second};
  int checked = 0;
  for (size_t i = 0; i < in.size(); ++i) {
    if (!ev.results[i].tax_to_next_class_cents) continue;
    auto changed = in;
    changed[i].tax += *ev.results[i].tax_to_next_class_cents / 100.0;
    const Evaluation after = Evaluate(fixed, changed);
    EXPECT_LT(static_cast<int>(*after.results[i].klass), static_cast<int>(*ev.results[i].klass)) << i;
    ++checked;
  }
  EXPECT_GT(checked, 5);
}

}  // namespace
}  // namespace gj::land

namespace gj::land {
namespace {

TEST(LandConsequences, WhatIfWithLargeTaxIgnoresCancellationNoise) {
  // Leader: tax 1e6 + 0.01 on 10 mu; other: 1e6. Fixed B = 10, w 100, no cap: s = tax/1 … the
  // other needs exactly 0.01 万元 more; the subtraction of two ~1e6 values must not round to 0.02.
  const std::vector<Enterprise> in = {Make(false, 10, 1000000.01), Make(false, 10, 1000000)};
  const Evaluation ev = Evaluate(FixedBelow10(), in);
  EXPECT_EQ(ev.results[1].tax_to_next_class_cents, 1);
}

}  // namespace
}  // namespace gj::land
