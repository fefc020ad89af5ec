#include <gtest/gtest.h>

#include "domain/enterprises/registry.h"

namespace gj::enterprises {
namespace {

TEST(EnterpriseTags, StoredInTableOrderOnceEach) {
  std::vector<std::string> unknown;
  EXPECT_EQ(JoinTags({"hi_tech", "backbone", "hi_tech", "vip"}, &unknown), "backbone,hi_tech");
  EXPECT_EQ(unknown, std::vector<std::string>{"vip"});
  EXPECT_EQ(JoinTags({}), "");
  EXPECT_EQ(SplitTags("backbone,hi_tech"), (std::vector<std::string>{"backbone", "hi_tech"}));
  EXPECT_TRUE(SplitTags("").empty());
  EXPECT_TRUE(HasTag("backbone,hi_tech", kBackbone));
  EXPECT_FALSE(HasTag("hi_tech", kBackbone));
}

TEST(EnterpriseGrowth, ThisYearAgainstLastYear) {
  // 2025: revenue 120,000,000 against 100,000,000 → +20,000,000, 200 ‰;
  //       tax 4,500,000 against 5,000,000 → −500,000, −100 ‰.
  // 2023 has no 2022 before it: no growth. 2024 against 2023: revenue 100,000,000 vs 96,000,000
  // → +4,000,000, 4,000,000 × 1000 / 96,000,000 = 41.67 → 42 ‰; tax null in 2023 → none.
  auto g = GrowthByYear(
      {{2023, 96'000'000, std::nullopt}, {2025, 120'000'000, 4'500'000}, {2024, 100'000'000, 5'000'000}});
  ASSERT_EQ(g.size(), 3u);
  EXPECT_EQ(g[0].year, 2025);
  EXPECT_EQ(g[0].revenue_growth, 20'000'000);
  EXPECT_EQ(g[0].revenue_growth_permille, 200);
  EXPECT_EQ(g[0].tax_growth, -500'000);
  EXPECT_EQ(g[0].tax_growth_permille, -100);
  EXPECT_EQ(g[1].revenue_growth, 4'000'000);
  EXPECT_EQ(g[1].revenue_growth_permille, 42);
  EXPECT_FALSE(g[1].tax_growth);
  EXPECT_FALSE(g[2].revenue_growth);
  EXPECT_FALSE(GrewIn(g, 2025));  // tax fell
  EXPECT_FALSE(GrewIn(g, 2024));  // no tax figure the year before
  EXPECT_FALSE(GrewIn(g, 2030));
}

TEST(EnterpriseGrowth, GapAndZeroBase) {
  // 2025 after 2023 (2024 missing): no growth; a base of 0 has a growth but no rate.
  auto g = GrowthByYear({{2023, 10, 10}, {2025, 20, 20}});
  EXPECT_FALSE(g[0].revenue_growth);
  auto z = GrowthByYear({{2024, 0, 1}, {2025, 30, 3}});
  EXPECT_EQ(z[0].revenue_growth, 30);
  EXPECT_FALSE(z[0].revenue_growth_permille);
  EXPECT_EQ(z[0].tax_growth_permille, 2000);
  EXPECT_TRUE(GrewIn(z, 2025));
}

}  // namespace
}  // namespace gj::enterprises
