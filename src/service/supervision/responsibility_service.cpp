#include "service/supervision/responsibility_service.h"

#include <algorithm>
#include <set>

#include "domain/supervision/problem.h"
#include "domain/supervision/visit.h"
#include "service/supervision/supervision_settings.h"
#include "store/journal.h"
#include "store/org_store.h"

namespace gj::service {

namespace sv = supervision;
using nlohmann::json;
using namespace supervision_support;

namespace {

json LeadersJson(store::Connection& c, const store::ProjectRow& p) {
  json leaders = json::array();
  std::set<int64_t> seen;
  auto add = [&](int64_t person, bool primary) {
    if (!seen.insert(person).second) return;
    if (auto pe = store::LoadPerson(c, person)) {
      leaders.push_back({{"person_id", person}, {"name", pe->name}, {"title", pe->title}, {"primary", primary}});
    }
  };
  if (p.project.leader_id) add(*p.project.leader_id, true);
  for (const auto& r : c.Query("SELECT person_id FROM project_assignments WHERE project_id = ? ORDER BY id", {p.project.id}).rows) {
    add(store::AsInt(r[0]), false);
  }
  return leaders;
}

json VisitJson(const store::VisitRow& v) {
  return {{"id", v.id}, {"project_id", v.project_id}, {"person_id", v.person_id}, {"visit_date", v.visit_date.ToString()},
          {"notes", v.notes}, {"problems_discussed", v.problems_discussed}};
}

json WindowJson(int64_t project_id, const Date& start, const Date& end) {
  return {{"project_id", project_id}, {"window_start", start.ToString()}, {"window_end", end.ToString()}};
}

json ComplianceJson(store::Connection& c, const sv::LeaderCompliance& r) {
  auto pe = store::LoadPerson(c, r.leader_id);
  json missed = json::array();
  for (const auto& m : r.missed) {
    json w = WindowJson(m.project_id, m.window_start, m.window_end);
    w["visits"] = m.visits;
    missed.push_back(w);
  }
  return {{"leader_id", r.leader_id}, {"leader_name", pe ? pe->name : ""}, {"title", pe ? pe->title : ""}, {"projects", r.projects},
          {"required", r.required}, {"met", r.met}, {"visits", r.visits}, {"rate", r.rate}, {"missed", missed}};
}

// The visit a body describes; every problem is reported. `own`: the caller's person, the default.
store::VisitRow VisitFrom(const json& body, std::optional<int64_t> own, const Date& today, Problems& pr) {
  store::VisitRow v;
  auto project = IntField(body, "project_id", pr);
  auto person = IntField(body, "person_id", pr);
  if (!person) person = own;  // a leader logs their own visit
  auto date = DateField(body, "visit_date", pr);
  if (!project) pr.Add("project_id", "", "required");
  if (!person) pr.Add("person_id", "", "required (your account is not linked to a leader)");
  if (!date || !*date) pr.Add("visit_date", "", "required");
  else if (**date > today) pr.Add("visit_date", (*date)->ToString(), "rule visit.not_in_future: a visit is logged after it took place");
  if (!pr.empty()) return v;
  v.project_id = *project;
  v.person_id = *person;
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

Result<json> ResponsibilityService::Responsibility(const Ctx& ctx, int64_t project_id) {
  auto c = db_.Acquire();
  auto p = projects_.Readable(*c, ctx, project_id);
  if (!p) return p.error();
  return ResponsibilityOn(*c, *p);
}

json ResponsibilityService::ResponsibilityOn(store::Connection& c, const store::ProjectRow& p) {
  json visits = json::array();
  for (const auto& v : store::ListVisits(c, p.project.id, std::nullopt)) {
    json j = VisitJson(v);
    j.erase("project_id");
    j["person_name"] = v.person_name;
    visits.push_back(j);
  }
  return json{{"project_id", p.project.id}, {"leaders", LeadersJson(c, p)}, {"unit_id", OptIntJson(p.project.unit_id)},
              {"unit_name", OptTextJson(p.unit_name)}, {"specialist", p.project.specialist}, {"visits", visits}};
}

Result<store::ProjectRow> ResponsibilityService::Managed(store::Connection& c, const Ctx& ctx, int64_t project_id) {
  return projects_.Permitted(c, ctx, project_id, access::kSupervisionManage, "only the project office assigns leaders (包保)");
}

Result<json> ResponsibilityService::AddAssignment(const Ctx& ctx, int64_t project_id, const json& body) {
  if (!body.is_object()) return Error::BadRequest("the body must be a JSON object");
  auto c = db_.Acquire();
  auto p = Managed(*c, ctx, project_id);
  if (!p) return p.error();
  Problems pr;
  auto person = IntField(body, "person_id", pr);
  if (!person) pr.Add("person_id", "", "required");
  else if (!store::LoadPerson(*c, *person)) pr.Add("person_id", std::to_string(*person), "unknown person");
  if (!pr.empty()) return pr.ToError("the assignment is not valid");
  store::Transaction tx(*c);
  store::AddAssignment(*c, project_id, *person);
  store::WriteJournal(*c, "project", project_id, "assign_leader", ctx.caller.user_id, ctx.now,
                      Changes().Add("assigned_leader", nullptr, *person).list());
  tx.Commit();
  return ResponsibilityOn(*c, *p);
}

Result<json> ResponsibilityService::RemoveAssignment(const Ctx& ctx, int64_t project_id, int64_t person_id) {
  auto c = db_.Acquire();
  auto p = Managed(*c, ctx, project_id);
  if (!p) return p.error();
  store::Transaction tx(*c);
  if (!store::RemoveAssignment(*c, project_id, person_id)) return Error::NotFound("that leader is not assigned to this project");
  store::WriteJournal(*c, "project", project_id, "unassign_leader", ctx.caller.user_id, ctx.now,
                      Changes().Add("assigned_leader", person_id, nullptr).list());
  tx.Commit();
  return ResponsibilityOn(*c, *p);
}

Result<json> ResponsibilityService::AddVisit(const Ctx& ctx, const json& body) {
  if (!access::AllowedAnywhere(ctx.caller, access::kVisitWrite)) return Error::Forbidden("you may not log onsite visits");
  if (!body.is_object()) return Error::BadRequest("the body must be a JSON object");
  auto c = db_.Acquire();
  const auto own = store::PersonOfUser(*c, ctx.caller.user_id);
  Problems pr;
  store::VisitRow v = VisitFrom(body, own, ctx.today, pr);
  if (!pr.empty()) return pr.ToError("the visit is not valid");
  if (auto st = StoreVisit(*c, ctx, v, own); !st) return st.error();
  return VisitJson(v);
}

Status ResponsibilityService::StoreVisit(store::Connection& c, const Ctx& ctx, store::VisitRow& v, std::optional<int64_t> own) {
  auto p = projects_.Permitted(c, ctx, v.project_id, access::kVisitWrite, "you may not log visits on this project");
  if (!p) return p.error();
  // A leader logs only their own visits; the office may log anyone's.
  if (!projects_.Allowed(c, ctx, access::kSupervisionManage, TargetOf(p->project)) && (!own || *own != v.person_id)) {
    return Error::Forbidden("rule visit.own_only: a leader logs only their own visits");
  }
  if (!store::LoadPerson(c, v.person_id)) return Problems().ToError("unknown person");
  v.user_id = ctx.caller.user_id;
  v.created_at = ctx.now;
  store::Transaction tx(c);
  v.id = store::InsertVisit(c, v);
  Changes changes;
  changes.Add("project_id", nullptr, v.project_id).Add("person_id", nullptr, v.person_id)
      .Add("visit_date", nullptr, v.visit_date.ToString()).Add("notes", nullptr, v.notes);
  store::WriteJournal(c, "visit", v.id, "create", ctx.caller.user_id, ctx.now, changes.list());
  tx.Commit();
  return Ok{};
}

Result<json> ResponsibilityService::Compliance(const Ctx& ctx, const std::string& region, const Date& from, const Date& to,
                                               const Date& as_of) {
  if (to < from) return Error::Invalid("the period is empty", {{"to", to.ToString(), "must not be before from", 0, {}}});
  const auto scope = projects_.Scope(ctx, region);
  auto c = db_.Acquire();
  const auto rule = SupervisionSettings::VisitRule(*c);
  json out = json::array();
  for (const auto& r : sv::VisitCompliance(store::ListAssignments(*c, scope), store::ListVisitFacts(*c, scope, from, to), from, to, as_of, rule)) {
    out.push_back(ComplianceJson(*c, r));
  }
  return json{{"from", from.ToString()}, {"to", to.ToString()}, {"as_of", as_of.ToString()},
              {"rule", SupervisionSettings::VisitRuleJson(rule)}, {"items", out}};
}

json ResponsibilityService::LeaderProjects(store::Connection& c, const std::vector<sv::Assignment>& mine,
                                           const std::set<int64_t>& visit_due, const Date& as_of) {
  json projects = json::array();
  for (const auto& a : mine) {
    auto row = store::LoadProjectRow(c, a.project_id);
    if (!row) continue;
    const auto [open, overdue] = ProblemCounts(c, a.project_id, as_of);
    projects.push_back({{"id", a.project_id}, {"code", row->project.code}, {"name", row->project.name}, {"stage", row->project.stage},
                        {"town_name", row->town_name}, {"open_problems", open}, {"overdue_problems", overdue},
                        {"visit_due", visit_due.count(a.project_id) > 0}});
  }
  return projects;
}

Result<json> ResponsibilityService::LeaderPage(const Ctx& ctx, std::optional<int64_t> person_id, const Date& as_of) {
  const auto scope = projects_.Scope(ctx, "");
  auto c = db_.Acquire();
  if (!person_id) person_id = store::PersonOfUser(*c, ctx.caller.user_id);
  if (!person_id) return Error::NotFound("your account is not linked to a leader");
  auto person = store::LoadPerson(*c, *person_id);
  if (!person || !scope.ContainsRegion(person->region_code)) {
    return Error::NotFound("no person " + std::to_string(*person_id));
  }
  std::vector<sv::Assignment> mine;
  for (const auto& a : store::ListAssignments(*c, scope)) {
    if (a.leader_id == *person_id) mine.push_back(a);
  }
  const auto rule = SupervisionSettings::VisitRule(*c);
  // Windows are counted from the Monday of ISO week 1, so a weekly rule means calendar weeks.
  const Date from = IsoWeek1Monday(IsoWeekOf(as_of).year);
  const auto due = sv::VisitsDue(*person_id, mine, store::ListVisitFacts(*c, scope, from, as_of), from, as_of, rule);
  std::set<int64_t> due_ids;
  json visits_due = json::array();
  for (const auto& d : due) {
    due_ids.insert(d.project_id);
    visits_due.push_back(WindowJson(d.project_id, d.window_start, d.window_end));
  }
  json recent = json::array();
  for (const auto& v : store::ListVisits(*c, std::nullopt, *person_id)) {
    if (recent.size() >= 20) break;
    recent.push_back({{"id", v.id}, {"project_id", v.project_id}, {"project_name", v.project_name}, {"visit_date", v.visit_date.ToString()}, {"notes", v.notes}});
  }
  return json{{"person_id", *person_id}, {"name", person->name}, {"title", person->title}, {"as_of", as_of.ToString()},
              {"projects", LeaderProjects(*c, mine, due_ids, as_of)}, {"visits_due", visits_due}, {"recent_visits", recent},
              {"rule", SupervisionSettings::VisitRuleJson(rule)}};
}

}  // namespace gj::service
