#include "service/context.h"

#include <gtest/gtest.h>

#include "access/callers.h"

namespace gj::service {
namespace {

using access::testing::With;
using Codes = std::vector<std::string>;

// 聊城市 → 东阿县 with one town; `second_town` adds 新城街道, as a reloaded organisation would.
access::RegionTree Tree(bool second_town = false) {
  std::vector<access::Region> regions = {{"371500", "聊城市", "city", ""},
                                         {"371524", "东阿县", "county", "371500"},
                                         {"371524001", "铜城街道", "town", "371524"}};
  if (second_town) regions.push_back({"371524002", "新城街道", "town", "371524"});
  return access::RegionTree(std::move(regions));
}

TEST(RegionTree, EachTreeHasItsOwnIdAndACopyKeepsIt) {
  const auto a = Tree(), b = Tree();
  EXPECT_NE(a.id(), b.id());  // same content, another snapshot
  const auto copy = a;
  EXPECT_EQ(copy.id(), a.id());
}

TEST(Ctx, ReadsBuildsTheScopeOnceAndKeepsIt) {
  const auto tree = Tree();
  const Ctx ctx(With("coordinator", "371524"));
  const auto& first = ctx.Reads(access::kProjectRead, tree);
  EXPECT_EQ(first.regions(), (Codes{"371524", "371524001"}));
  EXPECT_EQ(&ctx.Reads(access::kProjectRead, tree), &first);
  // Another action is another scope; the first one's reference stays valid.
  const auto& observations = ctx.Reads(access::kObservationRead, tree);
  EXPECT_NE(&observations, &first);
  EXPECT_TRUE(observations.ContainsRegion("371500"));  // observation.read reaches up
  EXPECT_FALSE(first.ContainsRegion("371500"));
  EXPECT_EQ(&ctx.Reads(access::kProjectRead, tree), &first);
}

TEST(Ctx, AnotherTreeBuildsTheScopeAfresh) {
  const auto old_tree = Tree();
  const Ctx ctx(With("coordinator", "371524"));
  const auto& before = ctx.Reads(access::kProjectRead, old_tree);
  {
    // A tree reloaded during the request, maybe at the old one's address: its own scope.
    const auto reloaded = Tree(true);
    EXPECT_EQ(ctx.Reads(access::kProjectRead, reloaded).regions(),
              (Codes{"371524", "371524001", "371524002"}));
  }
  EXPECT_EQ(before.regions(), (Codes{"371524", "371524001"}));  // still the old tree's, still valid
}

TEST(Ctx, ACopyAnswersTheSame) {
  const auto tree = Tree();
  const Ctx ctx(With("viewer", "371524001"), Date{2026, 6, 15}, "2026-06-15T02:00:00Z", 1781488800);
  (void)ctx.Reads(access::kProjectRead, tree);
  const Ctx copy = ctx;  // NOLINT(performance-unnecessary-copy-initialization): the copy is the test
  EXPECT_EQ(copy.caller.grants, ctx.caller.grants);
  EXPECT_EQ(copy.today, ctx.today);
  EXPECT_EQ(copy.Reads(access::kProjectRead, tree).regions(), Codes{"371524001"});
}

TEST(Ctx, RequestsWithTheSameGrantsShareTheBuiltScope) {
  const auto tree = Tree();
  auto other_user = With("coordinator", "371524");
  other_user.user_id = 2;
  const Ctx a(With("coordinator", "371524")), b(other_user);
  EXPECT_EQ(&a.Reads(access::kProjectRead, tree), &b.Reads(access::kProjectRead, tree));
  // Another grant, unit or action is another scope.
  const Ctx town(With("coordinator", "371524001")), unit(With("coordinator", "371524", 7));
  EXPECT_EQ(town.Reads(access::kProjectRead, tree).regions(), Codes{"371524001"});
  EXPECT_NE(&unit.Reads(access::kProjectRead, tree), &a.Reads(access::kProjectRead, tree));
  EXPECT_NE(&a.Reads(access::kObservationRead, tree), &a.Reads(access::kProjectRead, tree));
}

}  // namespace
}  // namespace gj::service
