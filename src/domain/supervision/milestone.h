// The task list (任务清单): dated milestones per project, scheduled backwards from a fixed finish
// date (倒排工期): each milestone's latest finish is the earliest latest-start of the milestones that
// follow it (or the finish date), its latest start is that minus its duration, and its slack is how
// many days its planned date may still slip.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/date.h"
#include "common/result.h"

namespace gj::supervision {

struct Milestone {
  int64_t id = 0;
  int64_t project_id = 0;
  std::string name;
  Date planned_date;                // planned finish
  std::optional<Date> actual_date;  // actual finish
  int duration_days = 0;
  std::optional<int64_t> predecessor_id;
  std::optional<int64_t> unit_id;  // responsible unit
};

struct ScheduledMilestone {
  int64_t id = 0;
  Date latest_start;
  Date latest_finish;
  Date planned_start;      // planned_date − duration
  int64_t slack_days = 0;  // latest_finish − planned_date (negative: the plan already misses the finish date)
  bool late = false;       // as of the date: unfinished after its planned date, or finished after it
  int64_t days_late = 0;
};

// Milestones in any order; predecessors must lie within the list (see ValidateMilestones).
std::vector<ScheduledMilestone> BackwardSchedule(const std::vector<Milestone>& ms, const Date& finish,
                                                 const Date& as_of);
bool IsMilestoneLate(const Milestone& m, const Date& as_of);

// Rules: name required, duration ≥ 0, the predecessor exists, is not the milestone itself, forms no
// cycle, and neither the planned nor the actual date lies before the predecessor's (rule
// "milestone.after_predecessor").
Problems ValidateMilestones(const std::vector<Milestone>& ms);

}  // namespace gj::supervision
