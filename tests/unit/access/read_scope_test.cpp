#include "domain/access/read_scope.h"

#include <gtest/gtest.h>

#include "access/callers.h"

namespace gj::access {
namespace {

RegionTree Tree() { return testing::LiaochengTree(); }

using testing::With;

using Codes = std::vector<std::string>;

TEST(ReadScope, CountyGrantReadsItsCountyByCountyCode) {
  const auto t = Tree();
  const auto s = ReadScope::Of(With("coordinator", "371524"), kProjectRead, t);
  EXPECT_EQ(s.counties(), Codes{"371524"});
  EXPECT_TRUE(s.towns().empty());  // its towns are inside the county
  EXPECT_EQ(s.regions(), (Codes{"371524", "371524001", "371524002", "371524900"}));
  EXPECT_TRUE(s.Contains("371524", "371524002"));
  EXPECT_FALSE(s.Contains("371525", "371525001"));
  EXPECT_FALSE(s.ContainsRegion("371500"));  // project.read reaches down only
  EXPECT_FALSE(s.Empty());
  EXPECT_FALSE(s.all());
}

TEST(ReadScope, TownGrantReadsItsTownOnly) {
  const auto t = Tree();
  const auto s = ReadScope::Of(With("viewer", "371524001"), kProjectRead, t);
  EXPECT_TRUE(s.counties().empty());
  EXPECT_EQ(s.towns(), Codes{"371524001"});
  EXPECT_TRUE(s.Contains("371524", "371524001"));
  EXPECT_FALSE(s.Contains("371524", "371524002"));  // the sibling town
  EXPECT_FALSE(s.Contains("371524", ""));           // a county-level project
  EXPECT_TRUE(s.Within("371524", t).Contains("371524", "371524001"));
  EXPECT_TRUE(s.Within("371524002", t).Empty());
}

TEST(ReadScope, CityGrantReadsEveryCounty) {
  const auto t = Tree();
  const auto s = ReadScope::Of(With("coordinator", "371500"), kProjectRead, t);
  EXPECT_EQ(s.counties(), (Codes{"371524", "371525"}));
  EXPECT_TRUE(s.towns().empty());
  EXPECT_EQ(s.regions().size(), 7u);
  const auto dong = s.Within("371524", t);
  EXPECT_EQ(dong.counties(), Codes{"371524"});
  EXPECT_FALSE(dong.Contains("371525", "371525001"));
  const auto town = s.Within("371525001", t);
  EXPECT_TRUE(town.counties().empty());
  EXPECT_EQ(town.towns(), Codes{"371525001"});
}

TEST(ReadScope, TownAndCountyGrantsKeepOnlyTownsOutsideTheCounties) {
  const auto t = Tree();
  Caller c = With("viewer", "371524");
  c.grants.push_back({"viewer", "371525001", std::nullopt});
  c.grants.push_back({"viewer", "371524002", std::nullopt});  // inside 东阿 already
  const auto s = ReadScope::Of(c, kProjectRead, t);
  EXPECT_EQ(s.counties(), Codes{"371524"});
  EXPECT_EQ(s.towns(), Codes{"371525001"});
}

TEST(ReadScope, UnitGrantReadsItsRegion) {
  // project.write is a kUnit row: the unit limits writes, but a unit reads like its region.
  const auto t = Tree();
  const auto s = ReadScope::Of(With("unit", "371524", 13), kProjectWrite, t);
  EXPECT_EQ(s.counties(), Codes{"371524"});
  EXPECT_TRUE(ReadScope::Of(With("unit", "371524", 13), kProjectRead, t).Contains("371524"));
}

TEST(ReadScope, NoGrantOrUnknownRegionIsEmptyAndSelectsNothing) {
  const auto t = Tree();
  const auto judge = ReadScope::Of(With("judge", "371500"), kProjectRead, t);
  EXPECT_TRUE(judge.Empty());
  EXPECT_FALSE(judge.all());
  EXPECT_FALSE(judge.Contains("371524"));
  const auto s = ReadScope::Of(With("coordinator", "371524"), kProjectRead, t);
  EXPECT_TRUE(s.Within("999999", t).Empty());
  EXPECT_TRUE(s.Within("371525", t).Empty());  // outside the scope
  EXPECT_EQ(s.Within("", t).Key(), s.Key());
  EXPECT_TRUE(ReadScope().Empty());
  EXPECT_TRUE(ReadScope::None().Empty());
  EXPECT_TRUE(ReadScope::Of(Caller{}, kProjectRead, t).Empty());
  EXPECT_TRUE(ReadScope::Of(With("coordinator", "999999"), kProjectRead, t).Empty());
}

TEST(ReadScope, AllHoldsEverythingAndNarrowsToASubtree) {
  const auto t = Tree();
  const auto all = ReadScope::All();
  EXPECT_TRUE(all.all());
  EXPECT_FALSE(all.Empty());
  EXPECT_TRUE(all.Contains("anything"));
  const auto dong = all.Within("371524", t);
  EXPECT_FALSE(dong.all());
  EXPECT_EQ(dong.counties(), Codes{"371524"});
  EXPECT_TRUE(all.Within("999999", t).Empty());
  EXPECT_NE(all.Key(), dong.Key());
}

TEST(ReadScope, ObservationRowsReachUpAndDown) {
  const auto t = Tree();
  EXPECT_EQ(ReachOf("leader", kObservationRead), Reach::kUpAndDown);
  EXPECT_EQ(ReachOf("leader", kProjectRead), Reach::kDown);
  const auto county = ReadScope::Of(With("leader", "371524"), kObservationRead, t);
  EXPECT_TRUE(county.ContainsRegion("371500"));     // the city's event concerns 东阿
  EXPECT_TRUE(county.ContainsRegion("371524001"));  // and its towns'
  EXPECT_FALSE(county.ContainsRegion("371525"));    // not the sibling county
  EXPECT_EQ(county.counties(), Codes{"371524"});    // the SQL form stays downward
  // Narrowed to a town the city stays readable; narrowed to the sibling county nothing is.
  EXPECT_TRUE(county.Within("371524001", t).ContainsRegion("371500"));
  EXPECT_TRUE(county.Within("371524001", t).ContainsRegion("371524"));
  EXPECT_FALSE(county.Within("371524001", t).ContainsRegion("371524002"));
  EXPECT_FALSE(county.Within("371525", t).ContainsRegion("371525"));
  const auto city = ReadScope::Of(With("judge", "371500"), kObservationRead, t);
  EXPECT_TRUE(city.ContainsRegion("371525001"));
  EXPECT_TRUE(city.Within("371525", t).ContainsRegion("371500"));
}

}  // namespace
}  // namespace gj::access
