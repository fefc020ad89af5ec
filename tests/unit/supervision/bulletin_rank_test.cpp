// The dispatch bulletin's ranking of towns and units: 开工率 50 + 投资完成率 50, a rate with nothing
// due is not applicable (不适用) and its weight goes to the other rate — the rule of the periodic
// rankings (docs/assessment.md). Figures computed by hand in the comments.
#include <gtest/gtest.h>

#include "domain/supervision/bulletin.h"

namespace gj::supervision {
namespace {

// One project of a group: new or continuing, started or not, annual plan and completed (yuan).
RankInput P(const char* key, bool is_new, bool started, int64_t plan, int64_t done) {
  return {key, std::string("镇") + key, is_new, started, plan, done};
}

TEST(BulletinRank, ARateWithNothingDueIsNotApplicableAndItsWeightGoesToTheOther) {
  const std::vector<RankInput> in = {
      // 甲: 2 new, 1 started → 0.5 → 50 points; plan 100, done 80 → 80 points.
      //     score = (50·50 + 50·80) / (50 + 50) = 65.
      P("a", true, true, 60, 50),
      P("a", true, false, 40, 30),
      // 乙: no new project → start rate 不适用; plan 100, done 70 → 70. Its 50 goes to the
      //     investment rate: 50·70 / 50 = 70 (before: ranked last, behind 甲).
      P("b", false, false, 100, 70),
      // 丙: 1 new, started → 100; no annual plan → investment 不适用: 50·100 / 50 = 100.
      P("c", true, true, 0, 0),
      // 丁: no new project and no plan: nothing applies, not ranked, listed last.
      P("d", false, false, 0, 0),
  };
  const auto rows = Rank(in);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].key, "c");
  EXPECT_EQ(rows[0].rank, 1);
  EXPECT_DOUBLE_EQ(*rows[0].score, 100);
  EXPECT_FALSE(rows[0].investment_rate());
  EXPECT_EQ(rows[1].key, "b");
  EXPECT_EQ(rows[1].rank, 2);
  EXPECT_DOUBLE_EQ(*rows[1].score, 70);
  EXPECT_FALSE(rows[1].start_rate());
  EXPECT_EQ(rows[2].key, "a");
  EXPECT_EQ(rows[2].rank, 3);
  EXPECT_DOUBLE_EQ(*rows[2].score, 65);
  EXPECT_EQ(rows[2].projects, 2);
  EXPECT_EQ(rows[3].key, "d");
  EXPECT_EQ(rows[3].rank, 0);
  EXPECT_FALSE(rows[3].score);
}

TEST(BulletinRank, EqualScoresShareARankAndOverDeliveryIsCapped) {
  // x: start 1/1 → 100, investment 150/100 → capped at 100: 100. y: start 1/1, plan 0 → 100. Tie.
  const auto rows =
      Rank({P("x", true, true, 100, 150), P("y", true, true, 0, 0), P("z", true, false, 100, 0)});
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].rank, 1);
  EXPECT_EQ(rows[1].rank, 1);
  EXPECT_EQ(rows[0].key, "x");  // ties by key
  EXPECT_EQ(rows[2].rank, 3);
  EXPECT_DOUBLE_EQ(*rows[2].score, 0);  // z: start 0, investment 0
}

}  // namespace
}  // namespace gj::supervision
