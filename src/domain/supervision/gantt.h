// What the Gantt (挂图作战) says of each node (milestone) of a project: done, late or still to
// come, and on which date it was done. A node is done when it has an actual date, or when the
// project has passed the stage the node leads to (a project in 投产运营 has passed 立项, 开工 and
// 竣工 even where no one recorded the dates). A node is late only when its planned date is before
// the as-of date, it has no actual date, and the project has not passed its stage. Pure: the date
// is an argument.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/date.h"
#include "domain/supervision/milestone.h"

namespace gj::supervision {

// The project's facts the rule reads: its stage (a code of the stage dictionary) and stage dates.
struct StageFacts {
  std::string stage;
  std::optional<Date> actual_start, actual_completion;
};

enum class NodeState { kPending, kDone, kLate };
const char* NodeStateCode(NodeState s);  // pending | done | late

struct NodeStatus {
  NodeState state = NodeState::kPending;
  // The stage whose passing completes the node: started | completed | operating.
  std::string gate;
  // The date it was done: the milestone's actual date, else the project's stage date (开工 nodes take
  // the actual start, 竣工 nodes the actual completion). Empty for a done node whose date no one
  // recorded (done_unrecorded) and for nodes not done. A date after the as-of date does not count.
  std::optional<Date> done_on;
  bool done_unrecorded = false;
  // The plan is drawn unless the node is done with no date and its plan lies after the as-of date
  // (a plan laid backwards after the fact, e.g. 立项 "planned" next year for a project that started).
  bool plan_shown = true;
  // Late: as_of − planned date. Done on a date after its plan: how many days after (the node is
  // done, not late; the number says it finished behind its plan). Otherwise 0.
  int64_t days_late = 0;
};

// The stage a node leads to, from its name: 投产 → operating, 竣工/完工 → completed, 开工 → started.
// Other nodes lead to the stage of the next named node after them in `ms` (立项 before 开工建设 →
// started); a node after every named one leads to the last stage (operating).
std::vector<std::string> NodeGates(const std::vector<Milestone>& ms);

// Whether a project in `stage` (with these dates) has passed `gate`: by the order of the built-in
// stages, or by the date that marks it (an actual start passes started, an actual completion
// passes completed). A stage an admin added passes nothing by itself.
bool StagePassed(const StageFacts& p, const std::string& gate);

// One status per milestone of `ms` (in the project's order: sort, then planned date), as of the date.
std::vector<NodeStatus> NodeStatuses(const std::vector<Milestone>& ms, const StageFacts& p,
                                     const Date& as_of);

}  // namespace gj::supervision
