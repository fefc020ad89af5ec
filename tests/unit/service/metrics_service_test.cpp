#include "service/targets/metrics_service.h"

#include <gtest/gtest.h>

#include "ledger_fixture.h"

namespace gj::testing {
namespace {

using MetricsServiceTest = LedgerFixture;

TEST_P(MetricsServiceTest, StartRateOverAFilteredSet) {
  auto ctx = As("coordinator", "371500");
  auto add = [&](const std::string& code, const std::string& county, const std::string& kind,
                 const std::string& track, std::optional<std::string> start) {
    auto b = NewProject(code);
    b["county_code"] = county;
    if (county != "371524") b.erase("town_code");
    b["kind"] = kind;
    b["track"] = track;
    if (start) {
      b["stage"] = "started";
      b["actual_start"] = *start;
    }
    ASSERT_TRUE(ledger_->Create(ctx, b)) << code;
  };
  add("A", "371524", "new", "implementation", "2026-03-01");
  add("B", "371524", "new", "implementation", "2026-06-10");
  add("C", "371524", "new", "preparatory", std::nullopt);
  add("D", "371524", "continuing", "implementation", "2025-04-01");
  add("E", "371525", "new", "implementation", std::nullopt);
  service::MetricsService m(tdb_->db(), *ledger_);
  // 东阿: new = A, B, C; started by 06-01: A → 1/3.
  auto r = m.StartRate(ctx, {"371524", "", "", "", "", "", std::nullopt}, Date{2026, 6, 1}).value();
  EXPECT_EQ(r.numerator, 1);
  EXPECT_EQ(r.denominator, 3);
  // Implementation track by label, by 06-10: A, B of A, B → 2/2.
  r = m.StartRate(ctx, {"371524", "实施类", "", "", "", "", std::nullopt}, Date{2026, 6, 10}).value();
  EXPECT_EQ(r.numerator, 2);
  EXPECT_EQ(r.denominator, 2);
  // The city: A, B, C, E → 2/4.
  r = m.StartRate(ctx, {"371500", "", "", "", "", "", std::nullopt}, Date{2026, 6, 30}).value();
  EXPECT_EQ(r.numerator, 2);
  EXPECT_EQ(r.denominator, 4);
  EXPECT_DOUBLE_EQ(*r.value(), 0.5);
  EXPECT_FALSE(m.StartRate(ctx, {"371524", "fast", "", "", "", "", std::nullopt}, Date{2026, 6, 30}));
}

INSTANTIATE_TEST_SUITE_P(Engines, MetricsServiceTest, ::testing::ValuesIn(Engines()));

}  // namespace
}  // namespace gj::testing
