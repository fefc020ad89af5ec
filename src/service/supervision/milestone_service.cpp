#include "service/supervision/milestone_service.h"

#include <algorithm>
#include <map>

#include "domain/supervision/milestone.h"
#include "domain/supervision/problem.h"
#include "store/journal.h"

namespace gj::service {

namespace sv = supervision;
using nlohmann::json;
using namespace supervision_support;

namespace {

json MilestoneJson(const store::MilestoneRow& r, const sv::ScheduledMilestone& s) {
  const auto& m = r.m;
  return {{"id", m.id}, {"project_id", m.project_id}, {"name", m.name}, {"planned_date", m.planned_date.ToString()},
          {"actual_date", OptDateJson(m.actual_date)}, {"duration_days", m.duration_days},
          {"predecessor_id", OptIntJson(m.predecessor_id)}, {"unit_id", OptIntJson(m.unit_id)},
          {"unit_name", OptTextJson(r.unit_name)}, {"sort", r.sort}, {"version", r.version},
          {"planned_start", s.planned_start.ToString()}, {"latest_start", s.latest_start.ToString()},
          {"latest_finish", s.latest_finish.ToString()}, {"slack_days", s.slack_days}, {"late", s.late},
          {"days_late", s.days_late}};
}

std::vector<sv::Milestone> FactsOf(const std::vector<store::MilestoneRow>& rows) {
  std::vector<sv::Milestone> ms;
  for (const auto& r : rows) ms.push_back(r.m);
  return ms;
}

json MilestonesJson(const std::vector<store::MilestoneRow>& rows, const Date& finish, const Date& as_of) {
  auto sched = sv::BackwardSchedule(FactsOf(rows), finish, as_of);
  json items = json::array();
  for (size_t i = 0; i < rows.size(); ++i) items.push_back(MilestoneJson(rows[i], sched[i]));
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

json MilestoneChanges(const sv::Milestone& before, const sv::Milestone& after) {
  Changes changes;
  changes.Diff("name", before.name, after.name)
      .Diff("planned_date", before.planned_date.ToString(), after.planned_date.ToString())
      .Diff("actual_date", OptDateJson(before.actual_date), OptDateJson(after.actual_date))
      .Diff("duration_days", before.duration_days, after.duration_days)
      .Diff("predecessor_id", OptIntJson(before.predecessor_id), OptIntJson(after.predecessor_id))
      .Diff("unit_id", OptIntJson(before.unit_id), OptIntJson(after.unit_id));
  return changes.list();
}

Error NoMilestone(int64_t id) { return Error::NotFound("no milestone " + std::to_string(id)); }

std::optional<int64_t> ProjectOfMilestone(store::Connection& c, int64_t id) {
  auto found = c.Query("SELECT project_id FROM milestones WHERE id = ?", {id});
  if (found.empty()) return std::nullopt;
  return store::AsInt(found.rows[0][0]);
}

}  // namespace

json MilestoneService::MilestonesOn(store::Connection& c, const store::ProjectRow& p, std::optional<Date> finish,
                                    const Date& today, const Date& as_of) {
  auto rows = store::ListMilestones(c, p.project.id);
  const Date f = finish.value_or(FinishOf(p.project, rows, today));
  return json{{"project_id", p.project.id}, {"project_name", p.project.name}, {"finish", f.ToString()}, {"as_of", as_of.ToString()},
              {"items", MilestonesJson(rows, f, as_of)}};
}

Result<json> MilestoneService::Milestones(const Ctx& ctx, int64_t project_id, std::optional<Date> finish, const Date& as_of) {
  auto c = db_.Acquire();
  auto p = projects_.Readable(*c, ctx, project_id);
  if (!p) return p.error();
  return MilestonesOn(*c, *p, finish, ctx.today, as_of);
}

Result<json> MilestoneService::AddMilestone(const Ctx& ctx, int64_t project_id, const json& body) {
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
  return MilestonesOn(*c, *p, std::nullopt, ctx.today, ctx.today);
}

Status MilestoneService::InsertMilestone(store::Connection& c, const Ctx& ctx, store::MilestoneRow& row) {
  store::Transaction tx(c);
  auto ms = FactsOf(store::ListMilestones(c, row.m.project_id));
  row.m.id = -1;  // validated with the others before it has an id
  ms.push_back(row.m);
  if (auto v = sv::ValidateMilestones(ms); !v.empty()) return NewMilestoneError(v);
  row.m.id = store::InsertMilestone(c, row, ctx.now);
  Changes changes;
  changes.Add("name", nullptr, row.m.name).Add("planned_date", nullptr, row.m.planned_date.ToString());
  store::WriteJournal(c, "milestone", row.m.id, "create", ctx.caller.user_id, ctx.now, changes.list());
  tx.Commit();
  return Ok{};
}

Result<json> MilestoneService::UpdateMilestone(const Ctx& ctx, int64_t id, const json& body) {
  auto version = VersionOf(body);
  if (!version) return version.error();
  auto c = db_.Acquire();
  const auto project_id = ProjectOfMilestone(*c, id);
  if (!project_id) return NoMilestone(id);
  auto p = projects_.WritableSchedule(*c, ctx, *project_id);
  if (!p) return p.error().code == ErrorCode::kNotFound ? NoMilestone(id) : p.error();
  if (auto st = StoreMilestone(*c, ctx, id, *project_id, *version, body); !st) return st.error();
  return MilestonesOn(*c, *p, std::nullopt, ctx.today, ctx.today);
}

Status MilestoneService::StoreMilestone(store::Connection& c, const Ctx& ctx, int64_t id, int64_t project_id, int64_t version,
                                        const json& body) {
  store::Transaction tx(c);
  auto all = store::ListMilestones(c, project_id);
  auto it = std::find_if(all.begin(), all.end(), [&](const store::MilestoneRow& r) { return r.m.id == id; });
  if (it == all.end()) return NoMilestone(id);
  if (it->version != version) return Error::Conflict("the milestone was changed by someone else (version " + std::to_string(it->version) + "); reload");
  const sv::Milestone before = it->m;
  Problems pr;
  ApplyMilestone(body, it->m, it->sort, pr);
  if (!pr.empty()) return pr.ToError("the milestone is not valid");
  if (auto v = sv::ValidateMilestones(FactsOf(all)); !v.empty()) return v.ToError("the milestone breaks a scheduling rule");
  if (!store::UpdateMilestone(c, *it, version, ctx.now)) return Error::Conflict("the milestone was changed by someone else; reload");
  store::WriteJournal(c, "milestone", id, "update", ctx.caller.user_id, ctx.now, MilestoneChanges(before, it->m));
  tx.Commit();
  return Ok{};
}

Result<json> MilestoneService::Gantt(const Ctx& ctx, store::ProjectFilter f, const std::string& region, const Date& as_of) {
  auto projects = ledger_.ListInRegion(ctx, f, region);
  if (!projects) return projects.error();
  constexpr size_t kMaxGanttProjects = 300;
  const bool truncated = projects->size() > kMaxGanttProjects;
  if (truncated) projects->resize(kMaxGanttProjects);
  std::vector<int64_t> ids;
  for (const auto& p : projects.value()) ids.push_back(p.project.id);
  auto c = db_.Acquire();
  std::map<int64_t, std::vector<store::MilestoneRow>> by;
  for (auto& r : store::ListMilestonesOf(*c, ids)) by[r.m.project_id].push_back(std::move(r));
  json items = json::array();
  for (const auto& row : projects.value()) {
    const auto& p = row.project;
    const auto& ms = by[p.id];
    const Date finish = FinishOf(p, ms, ctx.today);
    items.push_back({{"project_id", p.id}, {"code", p.code}, {"name", p.name}, {"town_name", row.town_name},
                     {"planned_start", OptDateJson(p.planned_start)}, {"actual_start", OptDateJson(p.actual_start)},
                     {"finish", finish.ToString()}, {"milestones", MilestonesJson(ms, finish, as_of)}});
  }
  return json{{"as_of", as_of.ToString()}, {"items", items}, {"truncated", truncated}};
}

Result<json> MilestoneService::Map(const Ctx& ctx, const std::string& region, const Date& as_of) {
  auto projects = ledger_.ListInRegion(ctx, {}, region);
  if (!projects) return projects.error();
  const auto scope = projects_.Scope(ctx, region);
  auto c = db_.Acquire();
  // The colour from the problems alone (red with a problem overdue by more than 30 days, yellow
  // with any overdue problem); the route replaces it with the project's warning light.
  std::map<int64_t, int64_t> worst;
  for (const auto& f : store::ListProblemFacts(*c, scope)) {
    if (sv::IsOverdue(f, as_of)) worst[f.project_id] = std::max(worst[f.project_id], sv::DaysOverdue(f, as_of));
  }
  json towns = json::object();
  json items = json::array();
  for (const auto& r : projects.value()) {
    const auto& p = r.project;
    if (!p.longitude || !p.latitude) continue;
    const std::string light = !worst.count(p.id) ? "green" : worst[p.id] > 30 ? "red" : "yellow";
    const std::string town = r.town_name.empty() ? r.county_name : r.town_name;
    items.push_back({{"id", p.id}, {"code", p.code}, {"name", p.name}, {"town_name", town}, {"longitude", *p.longitude},
                     {"latitude", *p.latitude}, {"stage", p.stage}, {"light", light}});
    towns[town] = towns.value(town, 0) + 1;
  }
  return json{{"as_of", as_of.ToString()}, {"items", items}, {"towns", towns},
              {"tile_url", store::GetSetting(*c, "map_tile_url").value_or("")}};
}

}  // namespace gj::service
