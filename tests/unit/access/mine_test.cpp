#include "domain/access/mine.h"

#include <gtest/gtest.h>

#include "access/callers.h"

namespace gj::access {
namespace {

using testing::With;

TEST(Mine, TheCallersUnitLeadsIt) {
  EXPECT_TRUE(Mine(With("unit", "371524", 5), {"371524", "", 5}, std::nullopt));
  EXPECT_FALSE(Mine(With("unit", "371524", 5), {"371524", "", 6}, std::nullopt));
  EXPECT_FALSE(Mine(With("unit", "371524", 5), {"371524", "", std::nullopt}, std::nullopt));
}

TEST(Mine, TheCallerIsItsLeader) {
  auto leader = With("leader", "371524");
  leader.person_id = 42;
  EXPECT_TRUE(Mine(leader, {"371524", "", 6}, 42));
  EXPECT_FALSE(Mine(leader, {"371524", "", 6}, 43));
  EXPECT_FALSE(Mine(leader, {"371524", "", 6}, std::nullopt));
  // An account without a person owns no led project, even one without a leader.
  EXPECT_FALSE(Mine(With("leader", "371524"), {"371524", "", 6}, std::nullopt));
}

TEST(Mine, ARegionWideRoleOwnsNothingInParticular) {
  EXPECT_FALSE(Mine(With("coordinator", "371524"), {"371524", "", 6}, std::nullopt));
  EXPECT_FALSE(Mine(With("viewer", "371524"), {"371524", "", 6}, std::nullopt));
}

}  // namespace
}  // namespace gj::access
