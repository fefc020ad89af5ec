#include "service/supervision/problem_service.h"

#include <algorithm>
#include <map>

#include "service/supervision/supervision_settings.h"
#include "store/account_store.h"
#include "store/journal.h"
#include "store/org_store.h"
#include "store/table.h"

namespace gj::service {

namespace sv = supervision;
using nlohmann::json;
using namespace supervision_support;

namespace {

access::Target TargetOfProblem(const store::ProblemRow& p, std::optional<int64_t> unit) {
  return {p.county_code, p.town_code, unit};
}

Error NoProblem(int64_t id) { return Error::NotFound("no problem " + std::to_string(id)); }

Error RuleError(ErrorCode code, const sv::ProblemTransition& t, const std::string& why) {
  Error e{code, std::string("rule ") + t.rule + ": " + why, {{"action", t.action, t.rule_text, 0, {}}}, {}};
  e.extra["rule"] = t.rule;
  return e;
}

Error UnknownAction(const std::string& action) {
  std::vector<std::string> names;
  for (const auto& x : sv::ProblemWorkflow()) names.push_back(x.action);
  return Error::Invalid("unknown action",
                        {{"action", action, "not a step of the problem workflow", 0, names}});
}

Status Refusal(const sv::ProblemTransition& t, const std::string& status, const sv::ProblemActors& who) {
  switch (sv::CheckProblemStep(t, status, who)) {
    case sv::StepRefusal::kWrongStatus:
      return RuleError(ErrorCode::kConflict, t, "not allowed while the problem is " + status);
    case sv::StepRefusal::kWrongActor:
      return RuleError(ErrorCode::kForbidden, t, "you are not the one who may take this step");
    case sv::StepRefusal::kNone: break;
  }
  return Ok{};
}

sv::ProblemState StateOf(const store::ProblemRow& p) {
  return {p.fact, p.signed_on, p.defer_reason, p.returns};
}

store::ProblemRow WithState(store::ProblemRow p, const sv::ProblemState& s, const std::string& now) {
  p.fact = s.fact;
  p.signed_on = s.signed_on;
  p.defer_reason = s.defer_reason;
  p.returns = s.returns;
  p.updated_at = now;
  return p;
}

// The step's journal changes: the problem's journaled fields (its store field list), then the note.
nlohmann::json StepChanges(const store::ProblemRow& before, const store::ProblemRow& after,
                           const std::string& note) {
  json changes = store::ProblemChanges(before, after);
  if (!note.empty()) changes.push_back({{"field", "note"}, {"old", nullptr}, {"new", note}});
  return changes;
}

// The unit and the leader an assignment names exist (of any region: a city department takes a
// county's problem).
void CheckAssignees(store::Connection& c, const sv::ProblemFact& f, Problems& pr) {
  if (f.unit_id && !store::UnitExists(c, *f.unit_id))
    pr.Add("unit_id", std::to_string(*f.unit_id), "unknown unit");
  if (f.coordinator_id && !store::PersonExists(c, *f.coordinator_id)) {
    pr.Add("coordinator_id", std::to_string(*f.coordinator_id), "unknown person");
  }
}

// The fields of a raised problem; every problem with them is reported.
struct NewProblem {
  std::optional<int64_t> project_id;
  std::string category, description;
  std::optional<std::optional<Date>> deadline;
};

NewProblem ParseNewProblem(const json& body, Problems& pr) {
  NewProblem n{
      IntField(body, "project_id", pr), TextField(body, "category"), TextField(body, "description"), {}};
  if (!n.project_id) pr.Add("project_id", "", "required");
  if (std::find(sv::kProblemCategories.begin(), sv::kProblemCategories.end(), n.category) ==
      sv::kProblemCategories.end()) {
    pr.Add({"category", n.category, "not a problem category", 0, sv::kProblemCategories});
  }
  if (n.description.empty()) pr.Add("description", "", "required");
  if (n.description.size() > 4000)
    pr.Add("description", n.description.substr(0, 20) + "…", "at most 4000 bytes");
  n.deadline = DateField(body, "deadline", pr);
  return n;
}

}  // namespace

ProblemView ViewOf(const store::ProblemRow& p, const Date& as_of, const sv::ProblemActors* actors,
                   const sv::EscalationPolicy& escalation) {
  ProblemView v{p, sv::IsOverdue(p.fact, as_of), sv::DaysOverdue(p.fact, as_of),
                sv::EscalationAt(p.fact, as_of, escalation), std::nullopt};
  if (actors) v.actions = sv::ProblemActionsFor(p.fact.status, *actors);
  return v;
}

sv::ProblemActors ProblemService::ActorsFor(store::Connection& c, const Ctx& ctx,
                                            const store::ProblemRow& p) {
  sv::ProblemActors a;
  a.reader = projects_.Allowed(c, ctx, access::kProjectRead, TargetOfProblem(p, p.project_unit_id));
  a.office = projects_.Allowed(c, ctx, access::kSupervisionManage, TargetOfProblem(p, p.project_unit_id));
  a.unit =
      p.fact.unit_id && projects_.Allowed(c, ctx, access::kProblemHandle, TargetOfProblem(p, p.fact.unit_id));
  auto person = store::PersonOfUser(c, ctx.caller.user_id);
  a.verifier = person && p.fact.coordinator_id && *person == *p.fact.coordinator_id;
  return a;
}

Result<std::pair<store::ProblemRow, sv::ProblemActors>> ProblemService::Load(store::Connection& c,
                                                                             const Ctx& ctx, int64_t id) {
  auto p = store::LoadProblem(c, projects_.Scope(ctx, ""), id);
  if (!p) return NoProblem(id);
  auto actors = ActorsFor(c, ctx, *p);
  if (!actors.reader) return NoProblem(id);
  return std::pair{std::move(*p), actors};
}

bool ProblemService::Readable(store::Connection& c, const Ctx& ctx, int64_t id) {
  return Load(c, ctx, id).ok();
}

Result<ProblemPage> ProblemService::ListProblems(const Ctx& ctx, store::ProblemFilter f,
                                                 const std::string& region, const Date& as_of) {
  f.scope = projects_.Scope(ctx, region);
  auto c = db_.Acquire();
  // Each problem escalates by its county's ladder (the county's own, its city's or the default).
  std::map<std::string, sv::EscalationPolicy> ladders;
  ProblemPage page{{}, as_of};
  for (const auto& p : store::ListProblems(*c, f)) {
    auto it = ladders.find(p.county_code);
    if (it == ladders.end())
      it = ladders.emplace(p.county_code, SupervisionSettings::Escalation(*c, p.county_code)).first;
    page.items.push_back(ViewOf(p, as_of, nullptr, it->second));
  }
  return page;
}

Result<ProblemCounts> ProblemService::ProblemBoard(const Ctx& ctx, const std::string& region,
                                                   const Date& as_of) {
  store::ProblemFilter f;
  f.scope = projects_.Scope(ctx, region);
  auto c = db_.Acquire();
  auto rows = store::ListProblems(*c, f);
  ProblemCounts out;
  out.as_of = as_of;
  out.total = rows.size();
  for (const auto& s : sv::kProblemStatuses) out.by_status[s] = 0;
  std::vector<sv::ProblemFact> facts;
  std::map<int64_t, std::string> unit_names;
  for (const auto& p : rows) {
    ++out.by_status[p.fact.status];
    facts.push_back(p.fact);
    if (p.fact.unit_id) unit_names[*p.fact.unit_id] = p.unit_name;
    if (sv::IsOverdue(p.fact, as_of)) ++out.overdue;
  }
  for (const auto& u : sv::OverdueByUnit(facts, as_of)) {
    const bool none = u.unit_id == 0;  // not assigned yet
    out.by_unit.push_back({none ? std::nullopt : std::optional<int64_t>(u.unit_id),
                           none ? "" : unit_names[u.unit_id], u.open, u.overdue, u.max_days_overdue});
  }
  return out;
}

Result<ProblemDetail> ProblemService::GetProblem(const Ctx& ctx, int64_t id) {
  auto c = db_.Acquire();
  return ProblemOn(*c, ctx, id);
}

Result<ProblemDetail> ProblemService::ProblemOn(store::Connection& c, const Ctx& ctx, int64_t id) {
  auto loaded = Load(c, ctx, id);  // through the caller's scope: its steps are read without another check
  if (!loaded) return loaded.error();
  return ProblemDetail{ViewOf(loaded->first, ctx.today, &loaded->second,
                              SupervisionSettings::Escalation(c, loaded->first.county_code)),
                       store::ListProblemSteps(c, access::ReadScope::All(), id),
                       store::ListAttachments(c, "problem", {id})};
}

Result<ProblemDetail> ProblemService::RaiseProblem(const Ctx& ctx, const json& body) {
  if (!access::AllowedAnywhere(ctx.caller, access::kProblemRaise))
    return Error::Forbidden("you may not raise problems");
  if (!body.is_object()) return Error::BadRequest("the body must be a JSON object");
  auto c = db_.Acquire();
  // The project before the rest of the body: one the caller does not read is 404, one it may not
  // raise problems on 403, whatever else the body holds.
  auto permitted = [&](int64_t project_id) {
    return projects_.Permitted(*c, ctx, project_id, access::kProblemRaise,
                               "you may not raise problems on this project");
  };
  if (body.contains("project_id") && body["project_id"].is_number_integer()) {
    if (auto project = permitted(body["project_id"].get<int64_t>()); !project) return project.error();
  }
  Problems pr;
  const NewProblem n = ParseNewProblem(body, pr);
  if (!pr.empty()) return pr.ToError("the problem is not valid");
  auto project = permitted(*n.project_id);
  if (!project) return project.error();
  store::ProblemRow p;
  p.fact.project_id = *n.project_id;
  p.fact.category = n.category;
  p.fact.status = "raised";
  p.fact.raised_on = ctx.today;
  if (n.deadline) p.fact.deadline = *n.deadline;
  p.description = n.description;
  p.raised_by = ctx.caller.user_id;
  p.created_at = p.updated_at = ctx.now;
  store::Transaction tx(*c);
  p.fact.id = store::InsertProblem(*c, p);
  store::InsertProblemStep(*c, {0, p.fact.id, "raise", "", "raised", n.description, ctx.caller.user_id,
                                ctx.caller.name, ctx.today, ctx.now});
  store::WriteJournal(*c, "problem", p.fact.id, "raise", ctx.caller.user_id, ctx.now,
                      store::ProblemCreatedChanges(p));
  tx.Commit();
  return ProblemOn(*c, ctx, p.fact.id);
}

Result<ProblemDetail> ProblemService::Act(const Ctx& ctx, int64_t id, const std::string& action,
                                          const json& body) {
  const sv::ProblemTransition* t = sv::FindProblemTransition(action);
  if (!t) return UnknownAction(action);
  auto version = VersionOf(body);
  if (!version) return version.error();
  auto c = db_.Acquire();
  {
    store::Transaction tx(*c);
    auto loaded = Load(*c, ctx, id);
    if (!loaded) return loaded.error();
    const auto& [current, actors] = loaded.value();
    if (current.version != *version) return store::StaleVersion("problem", current.version);
    if (auto st = Refusal(*t, current.fact.status, actors); !st) return st.error();
    if (auto st = StoreStep(*c, ctx, *t, current, body); !st) return st.error();
    tx.Commit();
  }
  return ProblemOn(*c, ctx, id);
}

sv::ProblemStepInput ProblemService::StepInput(store::Connection& c, const sv::ProblemTransition& t,
                                               int64_t id, const json& body, Problems& pr) {
  sv::ProblemStepInput in;
  in.note = TextField(body, "note");
  in.reason = TextField(body, "reason");
  if (t.needs == sv::ProblemNeed::kAssignment) {
    in.unit_id = IntField(body, "unit_id", pr);
    in.coordinator_id = IntField(body, "coordinator_id", pr);
    in.deadline = DateField(body, "deadline", pr);
  }
  if (t.needs == sv::ProblemNeed::kHandlingRecord) {
    // The problem was loaded through the caller's scope before its transition is read.
    for (const auto& s : store::ListProblemSteps(c, access::ReadScope::All(), id))
      in.handled = in.handled || s.action == "handle";
  }
  return in;
}

Status ProblemService::StoreStep(store::Connection& c, const Ctx& ctx, const sv::ProblemTransition& t,
                                 const store::ProblemRow& current, const json& body) {
  const int64_t id = current.fact.id;
  Problems pr;
  const sv::ProblemStepInput in = StepInput(c, t, id, body, pr);
  sv::ProblemState s = StateOf(current);
  std::string note;
  const Problems found = sv::ApplyProblemStep(t, in, ctx.today, s, note);
  for (const auto& d : found.details()) pr.Add(d);
  if (t.needs == sv::ProblemNeed::kAssignment) CheckAssignees(c, s.fact, pr);
  if (!pr.empty()) {
    Error e = pr.ToError("the step is not valid");
    e.extra["rule"] = t.rule;
    return e;
  }
  const store::ProblemRow next = WithState(current, s, ctx.now);
  if (auto st = store::UpdateProblem(c, next, current.version); !st) return st.error();
  store::InsertProblemStep(c, {0, id, t.action, current.fact.status, next.fact.status, note,
                               ctx.caller.user_id, ctx.caller.name, ctx.today, ctx.now});
  store::WriteJournal(c, "problem", id, t.action, ctx.caller.user_id, ctx.now,
                      StepChanges(current, next, note));
  return Ok{};
}

Result<store::AttachmentRow> ProblemService::AttachToProblem(const Ctx& ctx, int64_t id, const Upload& up) {
  auto c = db_.Acquire();
  auto loaded = Load(*c, ctx, id);
  if (!loaded) return loaded.error();
  const auto& [p, actors] = loaded.value();
  if (!actors.unit && !actors.office && !actors.verifier)
    return Error::Forbidden("only the unit, the verifier or the project office add evidence");
  if (!sv::IsOpen(p.fact.status) && p.fact.status != "verifying")
    return Error::Conflict("rule problem.evidence_while_open: the problem is " + p.fact.status);
  return attachments_.Attach(*c, ctx, "problem", id, up);
}

}  // namespace gj::service
