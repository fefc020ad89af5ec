#include "domain/supervision/problem.h"

#include <algorithm>
#include <map>

namespace gj::supervision {

const std::vector<std::string> kProblemStatuses = {"raised",   "assigned", "signed",  "verifying",
                                                   "returned", "closed",   "deferred"};
const std::vector<std::string> kProblemCategories = {
    "land",  "funds", "procedures", "energy_quota", "environment_capacity",
    "power", "water", "demolition", "other"};

namespace {
std::string LabelOf(const std::map<std::string, std::string>& labels, const std::string& code) {
  auto it = labels.find(code);
  return it == labels.end() ? code : it->second;
}
}  // namespace

std::string ProblemCategoryLabel(const std::string& code) {
  static const std::map<std::string, std::string> kLabels = {{"land", "土地"},
                                                             {"funds", "资金"},
                                                             {"procedures", "手续"},
                                                             {"energy_quota", "能耗指标"},
                                                             {"environment_capacity", "环境容量"},
                                                             {"power", "电力"},
                                                             {"water", "供水"},
                                                             {"demolition", "拆迁"},
                                                             {"other", "其他"}};
  return LabelOf(kLabels, code);
}

std::string ProblemStatusLabel(const std::string& code) {
  static const std::map<std::string, std::string> kLabels = {
      {"raised", "已提出"},   {"assigned", "已交办"}, {"signed", "已签收"}, {"verifying", "待核销"},
      {"returned", "已退回"}, {"closed", "已销号"},   {"deferred", "暂缓"}};
  return LabelOf(kLabels, code);
}

bool ProblemActors::Has(ProblemActor a) const {
  switch (a) {
    case ProblemActor::kOffice: return office;
    case ProblemActor::kUnit: return unit;
    case ProblemActor::kVerifier: return verifier;
    case ProblemActor::kAnyone: return reader;
  }
  return false;
}

const std::vector<ProblemTransition>& ProblemWorkflow() {
  using A = ProblemActor;
  using N = ProblemNeed;
  using E = ProblemEffect;
  static const std::vector<ProblemTransition> kTable = {
      {"assign",
       {"raised"},
       "assigned",
       A::kOffice,
       N::kAssignment,
       E::kAssign,
       "problem.assign.from_raised",
       "only a raised problem can be assigned (to a unit, a coordinating leader and a deadline) by the project office",
       ""},
      {"sign",
       {"assigned"},
       "signed",
       A::kUnit,
       N::kNothing,
       E::kSign,
       "problem.sign.by_unit",
       "only the assigned unit signs for an assigned problem",
       ""},
      {"handle",
       {"signed", "returned"},
       "",
       A::kUnit,
       N::kNote,
       E::kNothing,
       "problem.handle.after_sign",
       "handling records are added by the responsible unit after signing",
       "rule problem.handle.needs_text: describe what was done"},
      {"request_close",
       {"signed", "returned"},
       "verifying",
       A::kUnit,
       N::kHandlingRecord,
       E::kNothing,
       "problem.request_close.after_handling",
       "the responsible unit requests close-out of a signed problem that has a handling record",
       "rule problem.request_close.after_handling: add a handling record first"},
      {"close_out",
       {"verifying"},
       "closed",
       A::kVerifier,
       N::kNothing,
       E::kClose,
       "problem.close_out.by_verifier",
       "only the coordinating leader (verifier) closes out (销号) a problem awaiting verification",
       ""},
      {"return",
       {"verifying"},
       "returned",
       A::kVerifier,
       N::kNote,
       E::kReturn,
       "problem.return.by_verifier",
       "only the coordinating leader (verifier) returns a problem awaiting verification",
       "rule problem.return.needs_reason: say why it is returned"},
      {"defer",
       {"raised", "assigned", "signed", "returned"},
       "deferred",
       A::kOffice,
       N::kReason,
       E::kDefer,
       "problem.defer.open_only",
       "only an open problem can be deferred (暂缓), by the project office, with a reason",
       "rule problem.defer.needs_reason: a reason is required"},
      {"resume",
       {"deferred"},
       "assigned",
       A::kOffice,
       N::kAssignment,
       E::kAssign,
       "problem.resume.from_deferred",
       "only a deferred problem can be resumed, by the project office",
       ""},
  };
  return kTable;
}

const ProblemTransition* FindProblemTransition(const std::string& action) {
  for (const auto& t : ProblemWorkflow()) {
    if (action == t.action) return &t;
  }
  return nullptr;
}

StepRefusal CheckProblemStep(const ProblemTransition& t, const std::string& status,
                             const ProblemActors& who) {
  if (std::find(t.from.begin(), t.from.end(), status) == t.from.end()) return StepRefusal::kWrongStatus;
  if (!who.Has(t.actor)) return StepRefusal::kWrongActor;
  return StepRefusal::kNone;
}

std::vector<std::string> ProblemActionsFor(const std::string& status, const ProblemActors& who) {
  std::vector<std::string> out;
  for (const auto& t : ProblemWorkflow()) {
    if (CheckProblemStep(t, status, who) == StepRefusal::kNone) out.push_back(t.action);
  }
  return out;
}

namespace {

// A unit, a leader and a deadline: the given ones replace the problem's, and all three must be set.
void Assign(const ProblemStepInput& in, const Date& today, ProblemFact& f, Problems& pr) {
  if (in.unit_id) f.unit_id = *in.unit_id;
  if (in.coordinator_id) f.coordinator_id = *in.coordinator_id;
  if (in.deadline) f.deadline = *in.deadline;
  if (!f.unit_id) pr.Add("unit_id", "", "rule problem.assign.needs_unit: a responsible unit is required");
  if (!f.coordinator_id)
    pr.Add("coordinator_id", "", "rule problem.assign.needs_coordinator: a coordinating leader is required");
  if (!f.deadline) pr.Add("deadline", "", "rule problem.assign.needs_deadline: a deadline is required");
  else if (in.deadline && *in.deadline && **in.deadline < today) {
    pr.Add("deadline", (*in.deadline)->ToString(),
           "rule problem.deadline_not_past: must not lie in the past");
  }
}

void CheckNeed(const ProblemTransition& t, const ProblemStepInput& in, const std::string& reason,
               Problems& pr) {
  switch (t.needs) {
    case ProblemNeed::kNote:
      if (in.note.empty()) pr.Add("note", "", t.needs_text);
      break;
    case ProblemNeed::kHandlingRecord:
      if (!in.handled) pr.Add("action", t.action, t.needs_text);
      break;
    case ProblemNeed::kReason:
      if (reason.empty()) pr.Add("reason", "", t.needs_text);
      break;
    case ProblemNeed::kNothing:
    case ProblemNeed::kAssignment:  // checked with its effect
      break;
  }
}

}  // namespace

Problems ApplyProblemStep(const ProblemTransition& t, const ProblemStepInput& in, const Date& today,
                          ProblemState& s, std::string& note) {
  Problems pr;
  const std::string reason = in.reason.empty() ? in.note : in.reason;
  CheckNeed(t, in, reason, pr);
  note = in.note;
  switch (t.effect) {
    case ProblemEffect::kAssign: Assign(in, today, s.fact, pr); break;
    case ProblemEffect::kSign: s.signed_on = today; break;
    case ProblemEffect::kClose: s.fact.closed_on = today; break;
    case ProblemEffect::kReturn: ++s.returns; break;
    case ProblemEffect::kDefer:
      s.defer_reason = reason;
      note = reason;
      break;
    case ProblemEffect::kNothing: break;
  }
  if (*t.to) s.fact.status = t.to;
  return pr;
}

bool IsOpen(const std::string& status) { return status != "closed" && status != "deferred"; }

bool IsOverdue(const ProblemFact& p, const Date& as_of) {
  if (!p.deadline) return false;
  if (p.closed_on && *p.closed_on <= as_of)
    return false;  // as of a date before its close-out it was still open
  if (!p.closed_on && !IsOpen(p.status)) return false;
  return as_of > *p.deadline;
}

int64_t DaysOverdue(const ProblemFact& p, const Date& as_of) {
  return IsOverdue(p, as_of) ? as_of.ToDays() - p.deadline->ToDays() : 0;
}

EscalationPolicy DefaultEscalation() {
  return {{{1, "branch_leader", "分管领导"},
           {7, "unit_head", "责任单位主要领导"},
           {15, "contact_leader", "联系县领导"},
           {30, "county_head", "县主要领导"}}};
}

std::optional<EscalationStep> EscalationAt(const ProblemFact& p, const Date& as_of,
                                           const EscalationPolicy& policy) {
  const int64_t days = DaysOverdue(p, as_of);
  std::optional<EscalationStep> reached;
  for (const auto& s : policy.steps) {
    if (days >= s.after_days && days > 0) reached = s;
  }
  return reached;
}

Problems ValidateEscalation(const EscalationPolicy& policy) {
  Problems pr;
  if (policy.steps.empty()) pr.Add("steps", "[]", "at least one step is required");
  for (size_t i = 0; i < policy.steps.size(); ++i) {
    const auto& s = policy.steps[i];
    const std::string f = "steps[" + std::to_string(i) + "]";
    if (s.after_days < 1)
      pr.Add(f + ".after_days", std::to_string(s.after_days), "must be at least 1 day overdue");
    if (i > 0 && s.after_days <= policy.steps[i - 1].after_days) {
      pr.Add(f + ".after_days", std::to_string(s.after_days), "must be greater than the previous step's");
    }
    if (s.level.empty()) pr.Add(f + ".level", "", "required");
  }
  return pr;
}

std::vector<UnitOverdue> OverdueByUnit(const std::vector<ProblemFact>& problems, const Date& as_of) {
  std::map<int64_t, UnitOverdue> by;
  for (const auto& p : problems) {
    const bool open_then = p.closed_on ? *p.closed_on > as_of : IsOpen(p.status);
    if (!open_then || p.raised_on > as_of) continue;
    auto& u = by[p.unit_id.value_or(0)];
    u.unit_id = p.unit_id.value_or(0);
    ++u.open;
    if (IsOverdue(p, as_of)) {
      ++u.overdue;
      u.max_days_overdue = std::max(u.max_days_overdue, DaysOverdue(p, as_of));
    }
  }
  std::vector<UnitOverdue> out;
  for (auto& [id, u] : by) out.push_back(u);
  std::sort(out.begin(), out.end(), [](const UnitOverdue& a, const UnitOverdue& b) {
    if (a.overdue != b.overdue) return a.overdue > b.overdue;
    if (a.max_days_overdue != b.max_days_overdue) return a.max_days_overdue > b.max_days_overdue;
    return a.unit_id < b.unit_id;
  });
  return out;
}

}  // namespace gj::supervision
