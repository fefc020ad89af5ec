// The task list (任务清单): a project's dated milestones with their backward schedule, the Gantt of
// many projects, and the project map. Each use case takes one connection lease and passes it down.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "domain/supervision/gantt.h"
#include "domain/supervision/milestone.h"
#include "service/context.h"
#include "service/supervision/supervision_support.h"
#include "store/db.h"
#include "store/project_store.h"
#include "store/supervision_store.h"

namespace gj::service {

// A milestone with its place in the backward schedule and what the Gantt says of it (done, late or
// to come, by supervision::NodeStatuses; schedule.late and days_late follow that rule).
struct MilestoneView {
  store::MilestoneRow row;
  supervision::ScheduledMilestone schedule;
  supervision::NodeStatus node;
};

// A project's milestones, scheduled back from `finish` as of a date.
struct MilestoneList {
  int64_t project_id = 0;
  std::string project_name;
  Date finish, as_of;
  std::vector<MilestoneView> items;
};

// One project of the Gantt: its dates and its scheduled milestones.
struct GanttProject {
  int64_t project_id = 0;
  std::string code, name, town_name, stage;
  std::optional<Date> planned_start, actual_start, actual_completion;
  Date finish;
  std::vector<MilestoneView> milestones;
};

struct GanttChart {
  Date as_of;
  std::vector<GanttProject> items;
  bool truncated = false;  // more projects matched than a chart holds
};

// A project on the map, coloured by its overdue problems (green, yellow, red). town_code/town_name:
// its 乡镇/街道, or its county for a project not in a town.
struct MapProject {
  int64_t id = 0;
  std::string code, name, town_code, town_name;
  double longitude = 0, latitude = 0;
  std::string stage, light;
};

// One town of the side list: its projects with and without coordinates.
struct MapTown {
  std::string code, name;
  int placed = 0, unplaced = 0;
};

struct ProjectMap {
  Date as_of;
  std::vector<MapProject> items;     // with coordinates
  std::vector<MapProject> unplaced;  // without coordinates (longitude/latitude 0), listed by town
  std::map<std::string, int> towns;  // projects with coordinates per town name
  std::vector<MapTown> town_list;    // every town with a project, by region code
  std::string tile_url;
};

class MilestoneService {
 public:
  MilestoneService(store::Database& db, LedgerService& ledger)
      : db_(db), ledger_(ledger), projects_(ledger) {}

  // finish: the date the schedule counts back from (default: the project's planned completion).
  Result<MilestoneList> Milestones(const Ctx& ctx, int64_t project_id, std::optional<Date> finish,
                                   const Date& as_of);
  Result<MilestoneList> AddMilestone(const Ctx& ctx, int64_t project_id, const nlohmann::json& body);
  // A stale version: StaleVersion("milestone", the stored version).
  Result<MilestoneList> UpdateMilestone(const Ctx& ctx, int64_t id, const nlohmann::json& body);
  Result<GanttChart> Gantt(const Ctx& ctx, store::ProjectFilter f, const std::string& region,
                           const Date& as_of);
  Result<ProjectMap> Map(const Ctx& ctx, const std::string& region, const Date& as_of);
  // The milestones of milestone `id`'s project, as the project's list shows them today.
  Result<MilestoneList> MilestonesOf(const Ctx& ctx, int64_t id);

 private:
  MilestoneList MilestonesOn(store::Connection& c, const Ctx& ctx, const store::ProjectRow& p,
                             std::optional<Date> finish, const Date& today, const Date& as_of);
  Status InsertMilestone(store::Connection& c, const Ctx& ctx, store::MilestoneRow& row);
  Status StoreMilestone(store::Connection& c, const Ctx& ctx, int64_t id, int64_t project_id, int64_t version,
                        const nlohmann::json& body);

  store::Database& db_;
  LedgerService& ledger_;
  supervision_support::ProjectAccess projects_;
};

}  // namespace gj::service
