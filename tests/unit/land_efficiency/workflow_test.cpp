#include "domain/land_efficiency/workflow.h"

#include <gtest/gtest.h>

#include <set>

namespace gj::land {
namespace {

TEST(LandWorkflow, DataGoesThroughReviewAndConfirmation) {
  EXPECT_STREQ(FindTransition("data", "submitted", "review")->to, "reviewed");
  EXPECT_STREQ(FindTransition("data", "reviewed", "confirm")->to, "confirmed");
  EXPECT_TRUE(FindTransition("data", "reviewed", "return")->needs_reason);
  EXPECT_EQ(FindTransition("data", "submitted", "confirm"), nullptr);  // review first
  EXPECT_EQ(FindTransition("data", "confirmed", "return"), nullptr);
  EXPECT_STREQ(FindTransition("data", "returned", "resubmit")->to, "submitted");
}

TEST(LandWorkflow, RunStatesAndWhoMayAct) {
  EXPECT_STREQ(FindTransition("run", "computed", "preliminary")->to, "preliminary");
  EXPECT_STREQ(FindTransition("run", "preliminary", "publish")->to, "published");
  EXPECT_STREQ(FindTransition("run", "published", "finalize")->to, "final");
  EXPECT_TRUE(FindTransition("run", "computed", "adjust")->needs_reason);
  EXPECT_EQ(FindTransition("run", "published", "adjust"), nullptr);  // after 公示 only through appeals
  EXPECT_STREQ(FindTransition("run", "published", "appeal")->permission, "land.appeal");
  EXPECT_TRUE(ActionsFrom("run", "final").empty());  // frozen
  EXPECT_EQ(ActionsFrom("run", "computed"), (std::vector<std::string>{"adjust", "preliminary"}));
  // Every transition names a permission of the land capability.
  for (const auto& t : Transitions()) EXPECT_EQ(std::string(t.permission).rfind("land.", 0), 0u) << t.action;
}

TEST(LandWorkflow, FiveDayAppealWindow) {
  const Date on{2026, 6, 15};
  EXPECT_EQ(AppealWindowLastDay(on), (Date{2026, 6, 19}));
  EXPECT_FALSE(InAppealWindow(on, Date{2026, 6, 14}));
  EXPECT_TRUE(InAppealWindow(on, on));
  EXPECT_TRUE(InAppealWindow(on, Date{2026, 6, 19}));
  EXPECT_FALSE(InAppealWindow(on, Date{2026, 6, 20}));
  EXPECT_EQ(AppealWindowLastDay(Date{2026, 2, 26}), (Date{2026, 3, 2}));  // across a month end
}

}  // namespace
}  // namespace gj::land
