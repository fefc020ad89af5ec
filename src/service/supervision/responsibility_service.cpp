#include "service/supervision/responsibility_service.h"

#include <algorithm>
#include <set>

#include "domain/supervision/problem.h"
#include "domain/supervision/visit.h"
#include "service/supervision/supervision_settings.h"
#include "store/account_store.h"
#include "store/journal.h"
#include "store/org_store.h"

namespace gj::service {

namespace sv = supervision;
using nlohmann::json;
using namespace supervision_support;

namespace {

// The project's leader, then the people assigned to it on `today`, in the order assigned.
std::vector<ProjectLeader> LeadersOf(store::Connection& c, const store::ProjectRow& p,
                                     const std::vector<AssignmentView>& assignments) {
  std::vector<ProjectLeader> leaders;
  std::set<int64_t> seen;
  auto add = [&](int64_t person, bool primary) {
    if (!seen.insert(person).second) return;
    // The leaders of a project the caller reads, wherever they sit (a city leader on a county's project).
    if (auto pe = store::LoadPerson(c, access::ReadScope::All(), person))
      leaders.push_back({person, pe->name, pe->title, primary});
  };
  if (p.project.leader_id) add(*p.project.leader_id, true);
  for (const auto& a : assignments) {
    if (a.current && a.row.person_id) add(*a.row.person_id, false);
  }
  return leaders;
}

// The holders of assignments on projects of the caller's scope, wherever they sit: their names.
LeaderComplianceView ComplianceOf(store::Connection& c, const sv::HolderCompliance& r) {
  if (r.holder.kind == sv::HolderKind::kUnit) {
    auto u = store::LoadUnit(c, access::ReadScope::All(), r.holder.id);
    return {r, u ? u->name : "", ""};
  }
  auto pe = store::LoadPerson(c, access::ReadScope::All(), r.holder.id);
  return {r, pe ? pe->name : "", pe ? pe->title : ""};
}

// The visit a body describes; every problem is reported (project and person are filled when
// given, for the permission check that comes first). `own`: the caller's person, the default.
store::VisitRow VisitFrom(const json& body, std::optional<int64_t> own, const Date& today, Problems& pr) {
  store::VisitRow v;
  auto project = IntField(body, "project_id", pr);
  auto person = IntField(body, "person_id", pr);
  if (!person) person = own;  // a leader logs their own visit
  v.unit_id = IntField(body, "unit_id", pr);
  auto date = DateField(body, "visit_date", pr);
  if (!project) pr.Add("project_id", "", "required");
  if (!person) pr.Add("person_id", "", "required (your account is not linked to a leader)");
  if (!date || !*date) pr.Add("visit_date", "", "required");
  else if (**date > today)
    pr.Add("visit_date", (*date)->ToString(),
           "rule visit.not_in_future: a visit is logged after it took place");
  v.project_id = project.value_or(0);
  v.person_id = person.value_or(0);
  if (!pr.empty()) return v;
  v.visit_date = **date;
  v.notes = TextField(body, "notes");
  v.problems_discussed = TextField(body, "problems_discussed");
  return v;
}

// Open and overdue problems of one project as of a date.
std::pair<int, int> ProblemCounts(store::Connection& c, int64_t project_id, const Date& as_of) {
  store::ProblemFilter f;
  f.scope = access::ReadScope::All();  // the caller's assignment was read in scope
  f.project_id = project_id;
  int open = 0, overdue = 0;
  for (const auto& p : store::ListProblems(c, f)) {
    open += sv::IsOpen(p.fact.status) || p.fact.status == "verifying" ? 1 : 0;
    overdue += sv::IsOverdue(p.fact, as_of) ? 1 : 0;
  }
  return {open, overdue};
}

}  // namespace

Result<ResponsibilityList> ResponsibilityService::Responsibility(const Ctx& ctx, int64_t project_id) {
  auto c = db_.Acquire();
  auto p = projects_.Readable(*c, ctx, project_id);
  if (!p) return p.error();
  return ResponsibilityOn(*c, ctx, *p);
}

ResponsibilityList ResponsibilityService::ResponsibilityOn(store::Connection& c, const Ctx& ctx,
                                                           const store::ProjectRow& p) {
  std::vector<AssignmentView> assignments;
  for (auto& a : store::ListProjectAssignments(c, projects_.Scope(ctx, ""), p.project.id)) {
    const bool current = a.fact().Covers(ctx.today, ctx.today);
    assignments.push_back({std::move(a), current});
  }
  auto leaders = LeadersOf(c, p, assignments);
  return {p.project.id,          std::move(leaders),
          p.project.unit_id,     p.unit_name,
          p.project.specialist,  store::ListVisits(c, projects_.Scope(ctx, ""), p.project.id, std::nullopt),
          std::move(assignments)};
}

Result<store::ProjectRow> ResponsibilityService::Managed(store::Connection& c, const Ctx& ctx,
                                                         int64_t project_id) {
  return projects_.Permitted(c, ctx, project_id, access::kSupervisionManage,
                             "only the project office assigns leaders (包保)");
}

Result<store::VisitRow> ResponsibilityService::AddVisit(const Ctx& ctx, const json& body) {
  const Status allowed = CheckWrite(ctx, access::kVisitWrite, "you may not log onsite visits", body);
  if (!allowed) return allowed.error();
  auto c = db_.Acquire();
  const auto own = store::PersonOfUser(*c, ctx.caller.user_id);
  Problems pr;
  store::VisitRow v = VisitFrom(body, own, ctx.today, pr);
  if (v.project_id != 0) {
    // Who may log comes before what is wrong with the body: a caller without the right learns nothing.
    auto p = projects_.Permitted(*c, ctx, v.project_id, access::kVisitWrite,
                                 "you may not log visits on this project");
    if (!p) return p.error();
    if (auto st = MayLogVisit(*c, ctx, *p, v, own); !st) return st.error();
  }
  if (!pr.empty()) return pr.ToError("the visit is not valid");
  if (auto st = StoreVisit(*c, ctx, v); !st) return st.error();
  return v;
}

Status ResponsibilityService::MayLogVisit(store::Connection& c, const Ctx& ctx, const store::ProjectRow& p,
                                          store::VisitRow& v, std::optional<int64_t> own) {
  if (projects_.Allowed(c, ctx, access::kSupervisionManage, TargetOf(p.project))) return Ok{};
  if (own && *own == v.person_id && !v.unit_id) return Ok{};  // a leader's own visit
  // A unit (帮包部门) logs visits for itself on the projects assigned to it.
  const auto assignments = store::ListProjectAssignments(c, projects_.Scope(ctx, ""), p.project.id);
  for (const auto& g : ctx.caller.grants) {
    if (!g.unit_id || (v.unit_id && *v.unit_id != *g.unit_id)) continue;
    const bool assigned = std::any_of(assignments.begin(), assignments.end(),
                                      [&](const store::AssignmentRow& a) { return a.unit_id == g.unit_id; });
    if (!assigned) continue;
    v.unit_id = g.unit_id;
    return Ok{};
  }
  return Error::Forbidden(
      "rule visit.own_only: a leader logs only their own visits, a unit only its own on projects assigned to it");
}

Status ResponsibilityService::StoreVisit(store::Connection& c, const Ctx& ctx, store::VisitRow& v) {
  // The visitor and their unit may sit above the project's region (a city leader): whether they
  // exist, checked after the caller's permission on the project.
  auto person = store::LoadPerson(c, access::ReadScope::All(), v.person_id);
  if (!person) return Problems().ToError("unknown person");
  if (v.unit_id) {
    Problems pr;
    const std::string unit = std::to_string(*v.unit_id);
    if (!store::UnitExists(c, *v.unit_id)) {
      pr.Add("unit_id", unit, "unknown unit");
    } else {
      if (person->unit_id != v.unit_id)
        pr.Add("person_id", std::to_string(v.person_id),
               "rule visit.unit_member: the visitor is not of unit " + unit);
      const auto as = store::ListProjectAssignments(c, projects_.Scope(ctx, ""), v.project_id);
      if (std::none_of(as.begin(), as.end(), [&](const store::AssignmentRow& a) {
            return a.unit_id == v.unit_id && a.fact().Covers(v.visit_date, v.visit_date);
          })) {
        pr.Add("unit_id", unit,
               "rule visit.unit_assigned: the unit was not assigned to the project on " +
                   v.visit_date.ToString());
      }
    }
    if (!pr.empty()) return pr.ToError("the visit is not valid");
  }
  v.user_id = ctx.caller.user_id;
  v.created_at = ctx.now;
  store::Transaction tx(c);
  v.id = store::InsertVisit(c, v);
  store::WriteJournal(c, "visit", v.id, "create", ctx.caller.user_id, ctx.now, store::VisitCreatedChanges(v));
  tx.Commit();
  return Ok{};
}

Result<ComplianceReport> ResponsibilityService::Compliance(const Ctx& ctx, const std::string& region,
                                                           const Date& from, const Date& to,
                                                           const Date& as_of) {
  if (to < from)
    return Error::Invalid("the period is empty", {{"to", to.ToString(), "must not be before from", 0, {}}});
  const auto scope = projects_.Scope(ctx, region);
  auto c = db_.Acquire();
  const auto rule = SupervisionSettings::VisitRule(
      *c, !region.empty() || ctx.caller.grants.empty() ? region : ctx.caller.grants.front().region_code);
  ComplianceReport out{from, to, as_of, rule, {}};
  for (const auto& r :
       sv::HolderVisitCompliance(store::ListDatedAssignments(*c, scope, from, to),
                                 store::ListHolderVisits(*c, scope, from, to), from, to, as_of, rule)) {
    out.items.push_back(ComplianceOf(*c, r));
  }
  return out;
}

std::vector<LeaderProject> ResponsibilityService::LeaderProjects(store::Connection& c,
                                                                 const access::ReadScope& scope,
                                                                 const std::vector<sv::Assignment>& mine,
                                                                 const std::set<int64_t>& visit_due,
                                                                 const Date& as_of) {
  std::vector<LeaderProject> projects;
  for (const auto& a : mine) {
    auto row = store::LoadProjectRow(c, scope, a.project_id);
    if (!row) continue;
    const auto [open, overdue] = ProblemCounts(c, a.project_id, as_of);
    projects.push_back({a.project_id, row->project.code, row->project.name, row->project.stage,
                        row->town_name, open, overdue, visit_due.count(a.project_id) > 0});
  }
  return projects;
}

Result<LeaderPageView> ResponsibilityService::LeaderPage(const Ctx& ctx, std::optional<int64_t> person_id,
                                                         const Date& as_of) {
  const auto scope = projects_.Scope(ctx, "");
  auto c = db_.Acquire();
  if (!person_id) person_id = store::PersonOfUser(*c, ctx.caller.user_id);
  if (!person_id) return Error::NotFound("your account is not linked to a leader");
  auto person = store::LoadPerson(*c, scope, *person_id);
  if (!person || !scope.ContainsRegion(person->region_code)) {
    return Error::NotFound("no person " + std::to_string(*person_id));
  }
  std::vector<sv::Assignment> mine;
  for (const auto& a : store::ListAssignments(*c, scope)) {
    if (a.leader_id == *person_id) mine.push_back(a);
  }
  const auto rule = SupervisionSettings::VisitRule(*c, person->region_code);
  // Windows are counted from the Monday of ISO week 1, so a weekly rule means calendar weeks.
  const Date from = IsoWeek1Monday(IsoWeekOf(as_of).year);
  LeaderPageView page{*person_id, person->name, person->title, as_of, {}, {}, {}, rule};
  page.visits_due =
      sv::VisitsDue(*person_id, mine, store::ListVisitFacts(*c, scope, from, as_of), from, as_of, rule);
  std::set<int64_t> due_ids;
  for (const auto& d : page.visits_due) due_ids.insert(d.project_id);
  page.recent_visits = store::ListVisits(*c, scope, std::nullopt, *person_id);
  if (page.recent_visits.size() > 20) page.recent_visits.resize(20);
  page.projects = LeaderProjects(*c, scope, mine, due_ids, as_of);
  return page;
}

}  // namespace gj::service
