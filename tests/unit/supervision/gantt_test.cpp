// The Gantt's node rule (domain/supervision/gantt.h) with hand-computed cases.
#include <gtest/gtest.h>

#include "domain/supervision/gantt.h"

namespace gj::supervision {
namespace {

Date D(int y, int m, int d) { return Date{y, m, d}; }

Milestone M(int64_t id, std::string name, Date planned, std::optional<Date> actual = std::nullopt) {
  Milestone m;
  m.id = id;
  m.project_id = 1;
  m.name = std::move(name);
  m.planned_date = planned;
  m.actual_date = actual;
  return m;
}

// The demo's seven nodes, planned from 2026-03 to 2027-06.
std::vector<Milestone> DemoNodes() {
  return {M(1, "立项/备案", D(2026, 3, 1)), M(2, "用地预审与选址", D(2026, 4, 1)),
          M(3, "规划许可", D(2026, 5, 1)),  M(4, "施工许可", D(2026, 6, 1)),
          M(5, "开工建设", D(2026, 7, 1)),  M(6, "主体完工", D(2026, 11, 1)),
          M(7, "竣工验收", D(2026, 12, 1))};
}

const Date kAsOf = D(2026, 12, 7);

TEST(SupervisionGantt, NamedNodesLeadToTheirStageAndOthersToTheNextNamedOne) {
  auto ms = DemoNodes();
  ms.push_back(M(8, "试运行", D(2027, 1, 1)));
  EXPECT_EQ(NodeGates(ms), (std::vector<std::string>{"started", "started", "started", "started", "started",
                                                     "completed", "completed", "operating"}));
  EXPECT_EQ(NodeGates({M(1, "达产达效", D(2026, 1, 1)), M(2, "投产", D(2026, 2, 1))}),
            (std::vector<std::string>{"operating", "operating"}));
}

TEST(SupervisionGantt, AnOperatingProjectHasNoLateNode) {
  // 投产运营, no dates recorded: 竣工验收 was planned 2026-12-01 (before 12-07) and has no actual
  // date, yet the project has passed 竣工: done, not late.
  const StageFacts p{"operating", std::nullopt, std::nullopt};
  auto s = NodeStatuses(DemoNodes(), p, kAsOf);
  ASSERT_EQ(s.size(), 7u);
  for (const auto& n : s) {
    EXPECT_EQ(n.state, NodeState::kDone);
    EXPECT_TRUE(n.done_unrecorded);
    EXPECT_FALSE(n.done_on.has_value());
    EXPECT_EQ(n.days_late, 0);
    EXPECT_TRUE(n.plan_shown);  // every plan lies before 12-07
  }
}

TEST(SupervisionGantt, AStartedProjectHasDonePreStartNodesAndNoFuturePlanForThem) {
  // Planned a year late (立项 2027-03-01), the project started 2026-05-10 and is in 开工.
  std::vector<Milestone> ms = {M(1, "立项/备案", D(2027, 3, 1)), M(2, "开工建设", D(2027, 7, 1)),
                               M(3, "主体完工", D(2027, 11, 1)), M(4, "竣工验收", D(2027, 12, 1))};
  const StageFacts p{"started", D(2026, 5, 10), std::nullopt};
  auto s = NodeStatuses(ms, p, kAsOf);
  // 立项: done before 开工, date not recorded; its plan (next year) is not drawn.
  EXPECT_EQ(s[0].state, NodeState::kDone);
  EXPECT_TRUE(s[0].done_unrecorded);
  EXPECT_FALSE(s[0].plan_shown);
  // 开工建设: done on the project's actual start; the plan is drawn with it.
  EXPECT_EQ(s[1].state, NodeState::kDone);
  EXPECT_EQ(s[1].done_on, D(2026, 5, 10));
  EXPECT_FALSE(s[1].done_unrecorded);
  EXPECT_TRUE(s[1].plan_shown);
  // 主体完工 and 竣工验收: still to come.
  EXPECT_EQ(s[2].state, NodeState::kPending);
  EXPECT_EQ(s[3].state, NodeState::kPending);
}

TEST(SupervisionGantt, LateOnlyWhenPlannedBeforeTheDateUndoneAndTheStageNotPassed) {
  // In 签约 (not started): 施工许可 planned 06-01 has no date → late by 189 days (06-01 → 12-07:
  // 30 + 31 + 31 + 30 + 31 + 30 + 6); 规划许可 finished 05-20 (after its plan) is done, not late.
  auto ms = DemoNodes();
  ms[2].actual_date = D(2026, 5, 20);
  ms[0].actual_date = D(2026, 2, 27);
  ms[1].actual_date = D(2026, 4, 2);
  const StageFacts p{"signed", std::nullopt, std::nullopt};
  auto s = NodeStatuses(ms, p, kAsOf);
  EXPECT_EQ(s[2].state, NodeState::kDone);
  EXPECT_EQ(s[2].done_on, D(2026, 5, 20));
  EXPECT_EQ(s[2].days_late, 19);  // finished 19 days after its plan: done, behind plan
  EXPECT_EQ(s[0].days_late, 0);   // finished before its plan
  EXPECT_EQ(s[3].state, NodeState::kLate);
  EXPECT_EQ(s[3].days_late, 189);
  EXPECT_EQ(s[4].state, NodeState::kLate);  // 开工建设 07-01: 159 days
  EXPECT_EQ(s[4].days_late, 159);
  EXPECT_EQ(s[6].state, NodeState::kLate);  // 竣工验收 12-01: 6 days
  EXPECT_EQ(s[6].days_late, 6);
  // The day of the plan itself is not late yet.
  EXPECT_EQ(NodeStatuses({M(1, "施工许可", kAsOf)}, p, kAsOf)[0].state, NodeState::kPending);
}

TEST(SupervisionGantt, ACompletionDateMakesTheCompletionNodeDoneOnIt) {
  // In 竣工 with both dates: 竣工验收 takes the completion date, 主体完工 is done without a date.
  const StageFacts p{"completed", D(2026, 7, 3), D(2026, 11, 28)};
  auto s = NodeStatuses(DemoNodes(), p, kAsOf);
  EXPECT_EQ(s[4].done_on, D(2026, 7, 3));
  EXPECT_EQ(s[5].state, NodeState::kDone);
  EXPECT_TRUE(s[5].done_unrecorded);
  EXPECT_EQ(s[6].done_on, D(2026, 11, 28));
}

TEST(SupervisionGantt, ADateAfterTheAsOfDateDoesNotCountYet) {
  // As of 2026-06-15 the project (started 07-03, seen today) had not started: 开工建设 planned
  // 07-01 is still to come, 施工许可 planned 06-01 is late by 14 days.
  const StageFacts p{"signed", D(2026, 7, 3), std::nullopt};
  auto s = NodeStatuses(DemoNodes(), p, D(2026, 6, 15));
  EXPECT_EQ(s[4].state, NodeState::kPending);
  EXPECT_FALSE(s[4].done_on.has_value());
  EXPECT_EQ(s[3].state, NodeState::kLate);  // the actual start, after 06-15, passes nothing yet
  EXPECT_EQ(s[3].days_late, 14);
}

TEST(SupervisionGantt, AProjectInItsStageNowHadNotPassedItBeforeItsDate) {
  // In 投产 now, started 2026-07-03 and completed 2026-11-20; as of 2026-09-01 it had started (开工建设
  // done on 07-03) but not completed: 主体完工 (planned 11-01) is still to come, not done.
  const StageFacts p{"operating", D(2026, 7, 3), D(2026, 11, 20)};
  auto s = NodeStatuses(DemoNodes(), p, D(2026, 9, 1));
  EXPECT_EQ(s[0].state, NodeState::kDone);
  EXPECT_EQ(s[4].done_on, D(2026, 7, 3));
  EXPECT_EQ(s[4].days_late, 2);
  EXPECT_EQ(s[5].state, NodeState::kPending);
  EXPECT_EQ(s[6].state, NodeState::kPending);
  // As of 2026-06-15, before the start: 施工许可 (06-01) late by 14 days, nothing after it done.
  auto early = NodeStatuses(DemoNodes(), p, D(2026, 6, 15));
  EXPECT_EQ(early[3].state, NodeState::kLate);
  EXPECT_EQ(early[3].days_late, 14);
  EXPECT_EQ(early[4].state, NodeState::kPending);
}

TEST(SupervisionGantt, AStageAnAdminAddedPassesNothing) {
  const StageFacts p{"paused", std::nullopt, std::nullopt};
  EXPECT_FALSE(StagePassed(p, "started"));
  EXPECT_TRUE(StagePassed({"started", std::nullopt, std::nullopt}, "started"));
  EXPECT_FALSE(StagePassed({"started", std::nullopt, std::nullopt}, "completed"));
  EXPECT_TRUE(StagePassed({"operating", std::nullopt, std::nullopt}, "operating"));
  EXPECT_STREQ(NodeStateCode(NodeState::kLate), "late");
}

}  // namespace
}  // namespace gj::supervision
