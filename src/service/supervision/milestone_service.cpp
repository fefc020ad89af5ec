#include "service/supervision/milestone_service.h"

#include <algorithm>
#include <map>

#include "domain/supervision/milestone.h"
#include "domain/supervision/problem.h"
#include "service/supervision/supervision_settings.h"
#include "store/journal.h"
#include "store/table.h"

namespace gj::service {

namespace sv = supervision;
using nlohmann::json;
using namespace supervision_support;

namespace {

std::vector<sv::Milestone> FactsOf(const std::vector<store::MilestoneRow>& rows) {
  std::vector<sv::Milestone> ms;
  for (const auto& r : rows) ms.push_back(r.m);
  return ms;
}

// The schedule and the Gantt's word on each node: a node done (by its date or by the project's
// stage) is never late, whatever the backward schedule says of its plan.
std::vector<MilestoneView> Scheduled(const std::vector<store::MilestoneRow>& rows, const ledger::Project& p,
                                     const Date& finish, const Date& as_of) {
  const auto facts = FactsOf(rows);
  auto sched = sv::BackwardSchedule(facts, finish, as_of);
  const auto nodes =
      sv::NodeStatuses(facts, sv::StageFacts{p.stage, p.actual_start, p.actual_completion}, as_of);
  std::vector<MilestoneView> items;
  for (size_t i = 0; i < rows.size(); ++i) {
    sched[i].late = nodes[i].state == sv::NodeState::kLate;
    sched[i].days_late = nodes[i].days_late;
    items.push_back({rows[i], sched[i], nodes[i]});
  }
  return items;
}

// The date a schedule counts back from: the planned completion, else the latest milestone (or today).
Date FinishOf(const ledger::Project& p, const std::vector<store::MilestoneRow>& rows, const Date& today) {
  if (p.planned_completion) return *p.planned_completion;
  Date f = today;
  for (const auto& r : rows) f = std::max(f, r.m.planned_date);
  return f;
}

// The problems of a milestone not stored yet (id -1) name its plain fields ("planned_date").
Error NewMilestoneError(const Problems& found) {
  static const std::string kPrefix = "milestones[-1].";
  Problems out;
  for (auto d : found.details()) {
    if (d.field.rfind(kPrefix, 0) == 0) d.field = d.field.substr(kPrefix.size());
    out.Add(d);
  }
  return out.ToError("the milestone breaks a scheduling rule");
}

// Reads a milestone from a body onto `m`; reports every problem.
void ApplyMilestone(const json& b, sv::Milestone& m, int& sort, Problems& pr) {
  if (b.contains("name")) m.name = TextField(b, "name");
  if (auto d = DateField(b, "planned_date", pr)) {
    if (*d) m.planned_date = **d;
    else pr.Add("planned_date", "", "required");
  }
  if (auto d = DateField(b, "actual_date", pr)) m.actual_date = *d;
  if (b.contains("duration_days")) {
    if (auto v = IntField(b, "duration_days", pr)) m.duration_days = static_cast<int>(*v);
  }
  if (b.contains("predecessor_id")) m.predecessor_id = IntField(b, "predecessor_id", pr);
  if (b.contains("unit_id")) m.unit_id = IntField(b, "unit_id", pr);
  if (b.contains("sort")) {
    if (auto v = IntField(b, "sort", pr)) sort = static_cast<int>(*v);
  }
}

Error NoMilestone(int64_t id) { return Error::NotFound("no milestone " + std::to_string(id)); }

}  // namespace

MilestoneList MilestoneService::MilestonesOn(store::Connection& c, const Ctx& ctx, const store::ProjectRow& p,
                                             std::optional<Date> finish, const Date& today,
                                             const Date& as_of) {
  auto rows = store::ListMilestones(c, projects_.Scope(ctx, ""), p.project.id);
  const Date f = finish.value_or(FinishOf(p.project, rows, today));
  return {p.project.id, p.project.name, f, as_of, Scheduled(rows, p.project, f, as_of)};
}

Result<MilestoneList> MilestoneService::Milestones(const Ctx& ctx, int64_t project_id,
                                                   std::optional<Date> finish, const Date& as_of) {
  auto c = db_.Acquire();
  auto p = projects_.Readable(*c, ctx, project_id);
  if (!p) return p.error();
  return MilestonesOn(*c, ctx, *p, finish, ctx.today, as_of);
}

Result<MilestoneList> MilestoneService::MilestonesOf(const Ctx& ctx, int64_t id) {
  auto c = db_.Acquire();
  const auto project_id = store::ProjectOfMilestone(*c, projects_.Scope(ctx, ""), id);
  if (!project_id) return NoMilestone(id);
  auto p = projects_.Readable(*c, ctx, *project_id);
  if (!p) return p.error();
  return MilestonesOn(*c, ctx, *p, std::nullopt, ctx.today, ctx.today);
}

Result<MilestoneList> MilestoneService::AddMilestone(const Ctx& ctx, int64_t project_id, const json& body) {
  if (!body.is_object()) return Error::BadRequest("the body must be a JSON object");
  auto c = db_.Acquire();
  auto p = projects_.WritableSchedule(*c, ctx, project_id);
  if (!p) return p.error();
  store::MilestoneRow row;
  row.m.project_id = project_id;
  Problems pr;
  if (!body.contains("planned_date")) pr.Add("planned_date", "", "required");
  ApplyMilestone(body, row.m, row.sort, pr);
  if (!pr.empty()) return pr.ToError("the milestone is not valid");
  if (auto st = InsertMilestone(*c, ctx, row); !st) return st.error();
  return MilestonesOn(*c, ctx, *p, std::nullopt, ctx.today, ctx.today);
}

Status MilestoneService::InsertMilestone(store::Connection& c, const Ctx& ctx, store::MilestoneRow& row) {
  store::Transaction tx(c);
  auto ms = FactsOf(store::ListMilestones(c, projects_.Scope(ctx, ""), row.m.project_id));
  row.m.id = -1;  // validated with the others before it has an id
  ms.push_back(row.m);
  if (auto v = sv::ValidateMilestones(ms); !v.empty()) return NewMilestoneError(v);
  row.m.id = store::InsertMilestone(c, row, ctx.now);
  store::WriteJournal(c, "milestone", row.m.id, "create", ctx.caller.user_id, ctx.now,
                      store::MilestoneCreatedChanges(row));
  tx.Commit();
  return Ok{};
}

Result<MilestoneList> MilestoneService::UpdateMilestone(const Ctx& ctx, int64_t id, const json& body) {
  auto version = VersionOf(body);
  if (!version) return version.error();
  auto c = db_.Acquire();
  const auto project_id = store::ProjectOfMilestone(*c, projects_.Scope(ctx, ""), id);
  if (!project_id) return NoMilestone(id);
  auto p = projects_.WritableSchedule(*c, ctx, *project_id);
  if (!p) return p.error().code == ErrorCode::kNotFound ? NoMilestone(id) : p.error();
  if (auto st = StoreMilestone(*c, ctx, id, *project_id, *version, body); !st) return st.error();
  return MilestonesOn(*c, ctx, *p, std::nullopt, ctx.today, ctx.today);
}

Status MilestoneService::StoreMilestone(store::Connection& c, const Ctx& ctx, int64_t id, int64_t project_id,
                                        int64_t version, const json& body) {
  store::Transaction tx(c);
  auto all = store::ListMilestones(c, projects_.Scope(ctx, ""), project_id);
  auto it = std::find_if(all.begin(), all.end(), [&](const store::MilestoneRow& r) { return r.m.id == id; });
  if (it == all.end()) return NoMilestone(id);
  if (it->version != version) return store::StaleVersion("milestone", it->version);
  const store::MilestoneRow before = *it;
  Problems pr;
  ApplyMilestone(body, it->m, it->sort, pr);
  if (!pr.empty()) return pr.ToError("the milestone is not valid");
  if (auto v = sv::ValidateMilestones(FactsOf(all)); !v.empty())
    return v.ToError("the milestone breaks a scheduling rule");
  if (auto st = store::UpdateMilestone(c, *it, version, ctx.now); !st) return st.error();
  store::WriteJournal(c, "milestone", id, "update", ctx.caller.user_id, ctx.now,
                      store::MilestoneChanges(before, *it));
  tx.Commit();
  return Ok{};
}

Result<GanttChart> MilestoneService::Gantt(const Ctx& ctx, store::ProjectFilter f, const std::string& region,
                                           const Date& as_of) {
  auto projects = ledger_.ListInRegion(ctx, f, region);
  if (!projects) return projects.error();
  constexpr size_t kMaxGanttProjects = 300;
  const bool truncated = projects->size() > kMaxGanttProjects;
  if (truncated) projects->resize(kMaxGanttProjects);
  std::vector<int64_t> ids;
  for (const auto& p : projects.value()) ids.push_back(p.project.id);
  auto c = db_.Acquire();
  std::map<int64_t, std::vector<store::MilestoneRow>> by;
  for (auto& r : store::ListMilestonesOf(*c, ledger_.ReadableScope(ctx, region), ids))
    by[r.m.project_id].push_back(std::move(r));
  GanttChart chart{as_of, {}, truncated};
  for (const auto& row : projects.value()) {
    const auto& p = row.project;
    const auto& ms = by[p.id];
    const Date finish = FinishOf(p, ms, ctx.today);
    chart.items.push_back({p.id, p.code, p.name, row.town_name, p.stage, p.planned_start, p.actual_start,
                           p.actual_completion, finish, Scheduled(ms, p, finish, as_of)});
  }
  return chart;
}

Result<ProjectMap> MilestoneService::Map(const Ctx& ctx, const std::string& region, const Date& as_of) {
  auto projects = ledger_.ListInRegion(ctx, {}, region);
  if (!projects) return projects.error();
  const auto scope = projects_.Scope(ctx, region);
  auto c = db_.Acquire();
  // The colour from the problems alone (red with a problem overdue by more than 30 days, yellow
  // with any overdue problem); the route replaces it with the project's warning light.
  std::map<int64_t, int64_t> worst;
  for (const auto& f : store::ListProblemFacts(*c, scope)) {
    if (sv::IsOverdue(f, as_of))
      worst[f.project_id] = std::max(worst[f.project_id], sv::DaysOverdue(f, as_of));
  }
  ProjectMap map{
      as_of,
      {},
      {},
      {},
      {},
      SupervisionSettings::MapTileUrl(
          *c, !region.empty() || ctx.caller.grants.empty() ? region : ctx.caller.grants.front().region_code)};
  std::map<std::string, MapTown> towns;
  for (const auto& r : projects.value()) {
    const auto& p = r.project;
    const std::string light = !worst.count(p.id) ? "green" : worst[p.id] > 30 ? "red" : "yellow";
    const bool in_town = p.town_code && !r.town_name.empty();
    const std::string code = in_town ? *p.town_code : p.county_code;
    const std::string town = in_town ? r.town_name : r.county_name;
    MapTown& t = towns[code];
    t.code = code;
    t.name = town;
    MapProject point{p.id, p.code, p.name, code, town, 0, 0, p.stage, light};
    if (!p.longitude || !p.latitude) {
      ++t.unplaced;
      map.unplaced.push_back(std::move(point));
      continue;
    }
    point.longitude = *p.longitude;
    point.latitude = *p.latitude;
    map.items.push_back(std::move(point));
    ++t.placed;
    ++map.towns[town];
  }
  for (auto& [code, t] : towns) map.town_list.push_back(std::move(t));
  return map;
}

}  // namespace gj::service
