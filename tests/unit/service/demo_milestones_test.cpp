// The demo's milestones (挂图作战) agree with its projects' stage dates (issue 13 item 5, "screens
// that say what is true"), on the pinned date of the tests and on the hard days of scripts/test.sh
// (month, half-year and year ends, a leap day): nothing before 开工 planned after a project's
// actual start or done after it, the later nodes planned after the start and no later than the
// planned completion, every node of a completed or operating project done, no actual date after
// today, and — as the Gantt rule reads them — a few projects 滞后 but none that has passed its stage.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "common/date.h"
#include "domain/supervision/gantt.h"
#include "service/demo/demo.h"
#include "store/project_store.h"
#include "store/supervision_store.h"
#include "test_db.h"

namespace gj {
namespace {

namespace sv = supervision;

class DemoMilestonesTest : public ::testing::TestWithParam<std::string> {};

TEST_P(DemoMilestonesTest, NodesAgreeWithTheProjectsStageDates) {
  const Date today = *ParseIsoDate(GetParam());
  testing::TestDb tdb("sqlite");
  ASSERT_TRUE(service::BuildDemo(tdb.db(), today, GetParam() + "T02:00:00Z").ok());
  auto c = tdb.db().Acquire();
  const auto ids = store::ProjectIdsOfCounty(*c, access::ReadScope::System(), "371524");
  std::map<int64_t, std::vector<sv::Milestone>> by_project;
  for (auto& r : store::ListMilestonesOf(*c, access::ReadScope::System(), ids))
    by_project[r.m.project_id].push_back(r.m);
  ASSERT_GE(by_project.size(), 10u);

  std::set<std::string> stages;
  int late_projects = 0;
  for (const auto& [id, ms] : by_project) {
    const auto p = store::LoadProject(*c, access::ReadScope::System(), id);
    ASSERT_TRUE(p);
    const std::string at = p->code + " ";
    stages.insert(p->stage);
    EXPECT_TRUE(sv::ValidateMilestones(ms).empty()) << at;
    ASSERT_EQ(ms.size(), 7u) << at;
    const auto gates = sv::NodeGates(ms);
    const bool completed = p->stage == "completed" || p->stage == "operating";
    for (size_t k = 0; k < ms.size(); ++k) {
      const auto& m = ms[k];
      const std::string node = at + m.name;
      if (m.actual_date) {
        EXPECT_LE(*m.actual_date, today) << node;
      }
      if (completed) {
        EXPECT_TRUE(m.actual_date) << node << ": a completed project has every node done";
      }
      if (!p->actual_start) {
        EXPECT_FALSE(gates[k] == "started" && m.name.find("开工") != std::string::npos && m.actual_date)
            << node << ": 开工 done but the project has not started";
        continue;
      }
      if (gates[k] == "started") {
        // Before 开工 (and 开工 itself): planned and done on or before the actual start.
        EXPECT_LE(m.planned_date, *p->actual_start) << node;
        ASSERT_TRUE(m.actual_date) << node << ": a started project has passed it";
        EXPECT_LE(*m.actual_date, *p->actual_start) << node;
      } else {
        EXPECT_GT(m.planned_date, *p->actual_start) << node;
        ASSERT_TRUE(p->planned_completion);
        EXPECT_LE(m.planned_date, *p->planned_completion) << node;
      }
    }
    const auto st = sv::NodeStatuses(ms, {p->stage, p->actual_start, p->actual_completion}, today);
    bool late = false;
    for (size_t k = 0; k < st.size(); ++k) {
      EXPECT_FALSE(st[k].done_unrecorded) << at << ms[k].name << ": the demo records its dates";
      late = late || st[k].state == sv::NodeState::kLate;
      if (completed) {
        EXPECT_EQ(st[k].state, sv::NodeState::kDone) << at << ms[k].name;
      }
    }
    late_projects += late ? 1 : 0;
  }
  // The Gantt shows every kind of project, and 滞后 stays realistic: a handful, not all.
  EXPECT_TRUE(stages.count("started")) << GetParam();
  EXPECT_TRUE(stages.count("operating")) << GetParam();
  EXPECT_GE(late_projects, 3) << GetParam();
  EXPECT_LE(late_projects, 6) << GetParam();
}

INSTANTIATE_TEST_SUITE_P(PinnedDays, DemoMilestonesTest,
                         ::testing::Values("2026-06-15", "2026-06-30", "2026-12-06", "2026-12-31",
                                           "2027-01-01", "2027-01-04", "2028-02-29"),
                         [](const auto& info) {
                           std::string s = info.param;
                           for (auto& ch : s) ch = ch == '-' ? '_' : ch;
                           return "d" + s;
                         });

}  // namespace
}  // namespace gj
