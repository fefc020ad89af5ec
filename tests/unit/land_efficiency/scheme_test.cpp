#include <gtest/gtest.h>

#include "domain/land_efficiency/scheme.h"

namespace gj::land {
namespace {

// The §9 document, written out.
constexpr const char* kShandongJson = R"({
  "name": "shandong", "below_min_mu": 5, "excluded_industries": ["44", "45", "46"],
  "class_shares": {"A": 25, "B": 45, "C": 25},
  "surcharge_per_kwh": {"A": 0, "B": 0, "C": 0.05, "D": 0.10},
  "groups": {
    "above": {"indicators": [
      {"id": "tax_per_mu",           "weight": 40, "benchmark": {"mode": "aggregate", "multiplier": 1}, "cap": 2},
      {"id": "revenue_per_energy",   "weight": 15, "benchmark": {"mode": "aggregate", "multiplier": 1}, "cap": 2},
      {"id": "revenue_per_emission", "weight": 15, "benchmark": {"mode": "aggregate", "multiplier": 1}, "cap": 2},
      {"id": "rd_intensity",         "weight": 15, "benchmark": {"mode": "aggregate", "multiplier": 1}, "cap": 2},
      {"id": "labour_productivity",  "weight": 15, "benchmark": {"mode": "aggregate", "multiplier": 1}, "cap": 2}
    ]},
    "below": {"indicators": [
      {"id": "tax_per_mu", "weight": 100, "benchmark": {"mode": "aggregate", "multiplier": 1}, "cap": 2}
    ]}
  }
})";

std::string FirstProblem(std::string_view text) {
  auto r = ParseScheme(text);
  if (r) return "(no error)";
  if (r.error().details.empty()) return r.error().message;
  const auto& d = r.error().details.front();
  return d.field + ": " + d.reason;
}

TEST(Scheme, ParsesTheBuiltInDocumentToTheBuiltInScheme) {
  auto r = ParseScheme(kShandongJson);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(SchemeToJson(*r), SchemeToJson(ShandongScheme()));
  EXPECT_EQ(r->AllIndicators().size(), 5u);
  // And the writer's output reads back the same.
  auto again = SchemeFromJson(SchemeToJson(*r));
  ASSERT_TRUE(again);
  EXPECT_EQ(SchemeToJson(*again), SchemeToJson(*r));
}

TEST(Scheme, OptionalSettings) {
  auto r = ParseScheme(R"({"groups": {"below": {"indicators": [
      {"id": "value_added_per_mu", "weight": 10, "benchmark": {"mode": "fixed", "value": 12.5}, "cap": null},
      {"id": "revenue_per_mu", "weight": 5, "benchmark": {"mode": "mean", "multiplier": 1.2}}]}}})");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_FALSE(r->above);
  const auto& ind = r->below->indicators;
  EXPECT_FALSE(ind[0].cap);
  EXPECT_EQ(ind[0].benchmark.mode, BenchmarkMode::kFixed);
  EXPECT_DOUBLE_EQ(ind[0].benchmark.value, 12.5);
  EXPECT_EQ(ind[1].cap, 2.0);  // default
  EXPECT_DOUBLE_EQ(ind[1].benchmark.multiplier, 1.2);
  EXPECT_EQ(r->class_shares, (std::array<double, 3>{25, 45, 25}));
}

TEST(Scheme, Errors) {
  EXPECT_EQ(FirstProblem("{not json"), "scheme is not valid JSON");
  EXPECT_EQ(FirstProblem(R"({"groups": {}, "colour": 1})"), "colour: unknown key");
  EXPECT_EQ(FirstProblem(R"({"groups": {"middle": {"indicators": []}}})"), "groups.middle: unknown key");
  EXPECT_EQ(FirstProblem(R"({"groups": {"above": {"indicators": [{"id": "tax", "weight": 1}]}}})"),
            "groups.above.indicators[0].id: unknown indicator id");
  EXPECT_EQ(FirstProblem(R"({"groups": {"above": {"indicators": [{"id": "tax_per_mu", "weight": -1}]}}})"),
            "groups.above.indicators[0].weight: must not be negative");
  EXPECT_EQ(FirstProblem(R"({"groups": {}, "class_shares": {"A": 30, "B": 50, "C": 25}})"),
            "class_shares: shares of A, B and C must sum to at most 100");
  EXPECT_EQ(FirstProblem(R"({"groups": {"above": {"indicators": [
              {"id": "tax_per_mu", "weight": 1, "benchmark": {"mode": "fixed"}}]}}})"),
            "groups.above.indicators[0].benchmark.value: is required for mode \"fixed\"");
  EXPECT_EQ(FirstProblem(R"({"groups": {"above": {"indicators": [
              {"id": "tax_per_mu", "weight": 1, "benchmark": {"mode": "median"}}]}}})"),
            "groups.above.indicators[0].benchmark.mode: must be \"aggregate\", \"mean\" or \"fixed\"");
  EXPECT_EQ(FirstProblem(R"({"groups": {"above": {"indicators": [
              {"id": "tax_per_mu", "weight": 1, "cap": 2, "benchmark": {"mode": "mean", "value": 3}}]}}})"),
            "groups.above.indicators[0].benchmark.value: only applies to mode \"fixed\"");
  EXPECT_EQ(FirstProblem(R"({"groups": {"above": {"indicators": [
              {"id": "tax_per_mu", "weight": 1}, {"id": "tax_per_mu", "weight": 2}]}}})"),
            "groups.above.indicators[1].id: indicator appears twice in the group");
  EXPECT_EQ(FirstProblem(R"({"name": "x"})"), "groups: is required");
  EXPECT_EQ(FirstProblem(R"({"groups": {}, "below_min_mu": "5"})"), "below_min_mu: must be a number");
}

TEST(Scheme, ReportsEveryProblem) {
  auto r = ParseScheme(R"({"groups": {"above": {"indicators": [{"id": "nope", "weight": -1}]}}, "x": 1})");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(r.error().details.size(), 3u);
}

}  // namespace
}  // namespace gj::land
