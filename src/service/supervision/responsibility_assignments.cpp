// Dated assignments (包保) of people and units: add, end, the legacy remove, and the handover of
// one holder's projects to another. Every write is journaled on the project in its transaction.
// Dates: an assignment runs from from_date to to_date, both included; none of them lies after
// today (a change is recorded when it takes effect). A handover on D ends the old assignments on
// D − 1 and starts the new ones on D, so no day has two holders from one handover.
#include <algorithm>

#include "common/json_field.h"
#include "common/json_limits.h"
#include "domain/supervision/visit_compliance.h"
#include "service/supervision/responsibility_service.h"
#include "store/journal.h"
#include "store/org_store.h"
#include "store/table.h"

namespace gj::service {

namespace sv = supervision;
using nlohmann::json;
using namespace supervision_support;

namespace {

const char* kOfficeOnly = "only the project office assigns leaders and units (包保)";

// A date field that defaults to `today` and may not lie after it.
Date DateOr(const json& body, const std::string& name, const Date& today, Problems& pr) {
  auto d = DateField(body, name, pr);
  const Date out = d && *d ? **d : today;
  if (out > today)
    pr.Add(name, out.ToString(), "rule assignment.not_in_future: recorded when it takes effect");
  return out;
}

void Journal(store::Connection& c, const Ctx& ctx, int64_t project_id, const char* action,
             const json& changes) {
  store::WriteJournal(c, "project", project_id, action, ctx.caller.user_id, ctx.now, changes);
}

std::string HolderText(const sv::Holder& h) {
  return std::string(sv::HolderKindName(h.kind)) + " " + std::to_string(h.id);
}

}  // namespace

Result<HolderRef> ResponsibilityService::HolderIn(store::Connection& c, const Ctx& ctx, const json& body,
                                                  const std::string& field) {
  Problems pr;
  const json& h = field.empty() ? body : (body.contains(field) ? body[field] : json());
  if (!h.is_object()) {
    pr.Add(field, "", "required: {\"person_id\"} or {\"unit_id\"}");
    return pr.ToError("the holder is not valid");
  }
  auto person = IntField(h, "person_id", pr);
  auto unit = IntField(h, "unit_id", pr);
  const std::string name = field.empty() ? "person_id" : field;
  if (person.has_value() == unit.has_value())
    pr.Add(name, BoundedDump(h), "exactly one of person_id and unit_id");
  if (!pr.empty()) return pr.ToError("the holder is not valid");
  const sv::Holder holder{person ? sv::HolderKind::kPerson : sv::HolderKind::kUnit, person ? *person : *unit};
  auto ref = HolderSeen(c, ctx, holder);
  if (!ref) return ref.error();
  if (ref->archived) {
    pr.Add(field.empty() ? (person ? "person_id" : "unit_id") : field, std::to_string(holder.id),
           person ? "the person is archived" : "the unit is archived");
    return pr.ToError("the holder is not valid");
  }
  return ref;
}

Result<HolderRef> ResponsibilityService::HolderSeen(store::Connection& c, const Ctx& ctx,
                                                    const sv::Holder& h) {
  const auto scope = projects_.Scope(ctx, "");
  if (h.kind == sv::HolderKind::kPerson) {
    auto pe = store::LoadPerson(c, scope, h.id);
    if (!pe || !scope.ContainsRegion(pe->region_code))
      return Error::NotFound("no person " + std::to_string(h.id));
    return HolderRef{h, pe->name, pe->title, pe->region_code, pe->archived};
  }
  auto u = store::LoadUnit(c, scope, h.id);
  if (!u || !scope.ContainsRegion(u->region_code)) return Error::NotFound("no unit " + std::to_string(h.id));
  return HolderRef{h, u->name, "", u->region_code, u->archived};
}

Result<AssignmentList> ResponsibilityService::Assignments(const Ctx& ctx, int64_t project_id) {
  auto r = Responsibility(ctx, project_id);
  if (!r) return r.error();
  return AssignmentList{project_id, std::move(r->assignments)};
}

Result<AssignmentView> ResponsibilityService::Assignment(const Ctx& ctx, int64_t assignment_id) {
  auto c = db_.Acquire();
  auto a = store::LoadAssignment(*c, projects_.Scope(ctx, ""), assignment_id);
  if (!a || !projects_.Readable(*c, ctx, a->project_id))
    return Error::NotFound("no assignment " + std::to_string(assignment_id));
  const bool current = a->fact().Covers(ctx.today, ctx.today);
  return AssignmentView{std::move(*a), current};
}

Result<HolderAssignmentList> ResponsibilityService::AssignmentsOf(const Ctx& ctx,
                                                                  const std::optional<sv::Holder>& holder,
                                                                  const Date& as_of, bool current_only) {
  auto c = db_.Acquire();
  HolderAssignmentList out{std::nullopt, as_of, {}};
  if (holder) {
    auto ref = HolderSeen(*c, ctx, *holder);
    if (!ref) return ref.error();
    out.holder = std::move(*ref);
  }
  for (auto& a : store::ListAssignmentsOf(*c, holder, projects_.Scope(ctx, ""))) {
    const bool current = a.fact().Covers(as_of, as_of);
    if (current || !current_only) out.items.push_back({std::move(a), current});
  }
  return out;
}

Result<ResponsibilityList> ResponsibilityService::AddAssignment(const Ctx& ctx, int64_t project_id,
                                                                const json& body) {
  if (!body.is_object()) return Error::BadRequest("the body must be a JSON object");
  auto c = db_.Acquire();
  auto p = Managed(*c, ctx, project_id);
  if (!p) return p.error();
  auto holder = HolderIn(*c, ctx, body, "");
  if (!holder) {
    // A person or unit the caller may not see is as unknown as one that does not exist.
    if (holder.error().code != ErrorCode::kNotFound) return holder.error();
    const bool is_unit = body.contains("unit_id");
    Problems unknown;
    unknown.Add(is_unit ? "unit_id" : "person_id",
                BoundedDump(body.value(is_unit ? "unit_id" : "person_id", json())),
                is_unit ? "unknown unit" : "unknown person");
    return unknown.ToError("the assignment is not valid");
  }
  Problems pr;
  store::AssignmentRow a;
  a.project_id = project_id;
  (holder->holder.kind == sv::HolderKind::kPerson ? a.person_id : a.unit_id) = holder->holder.id;
  a.from_date = DateOr(body, "from_date", ctx.today, pr);
  if (pr.empty() && store::AssignmentOverlaps(*c, project_id, holder->holder, a.from_date, std::nullopt)) {
    pr.Add("from_date", a.from_date.ToString(),
           "rule assignment.no_overlap: " + HolderText(holder->holder) +
               " is assigned to the project on or after it");
  }
  if (!pr.empty()) return pr.ToError("the assignment is not valid");
  store::Transaction tx(*c);
  a.id = store::InsertAssignment(*c, a, ctx.now);
  Journal(*c, ctx, project_id, "assign", store::AssignmentCreatedChanges(a));
  tx.Commit();
  return ResponsibilityOn(*c, ctx, *p);
}

Result<ResponsibilityList> ResponsibilityService::EndAssignment(const Ctx& ctx, int64_t assignment_id,
                                                                const json& body) {
  auto version = VersionOf(body);
  if (!version) return version.error();
  auto c = db_.Acquire();
  auto before = store::LoadAssignment(*c, projects_.Scope(ctx, ""), assignment_id);
  if (!before) return Error::NotFound("no assignment " + std::to_string(assignment_id));
  auto p = Managed(*c, ctx, before->project_id);
  if (!p)
    return p.error().code == ErrorCode::kNotFound
               ? Error::NotFound("no assignment " + std::to_string(assignment_id))
               : p.error();
  // A stale version is a 409 before anything else: the client's picture is out of date.
  if (*version != before->version) return store::StaleVersion("assignment", before->version);
  Problems pr;
  store::AssignmentRow after = *before;
  after.to_date = DateOr(body, "to_date", ctx.today, pr);
  if (before->to_date) pr.Add("to_date", before->to_date->ToString(), "the assignment has ended already");
  if (*after.to_date < before->from_date)
    pr.Add("to_date", after.to_date->ToString(),
           "must not be before from_date " + before->from_date.ToString());
  if (!pr.empty()) return pr.ToError("the end is not valid");
  store::Transaction tx(*c);
  if (auto st = store::EndAssignment(*c, after, *version, ctx.now); !st) return st.error();
  Journal(*c, ctx, before->project_id, "end_assignment", store::AssignmentDiff(*before, after));
  tx.Commit();
  return ResponsibilityOn(*c, ctx, *p);
}

Result<ResponsibilityList> ResponsibilityService::RemoveAssignment(const Ctx& ctx, int64_t project_id,
                                                                   int64_t person_id) {
  auto c = db_.Acquire();
  auto p = Managed(*c, ctx, project_id);
  if (!p) return p.error();
  std::optional<store::AssignmentRow> open;
  for (auto& a : store::ListProjectAssignments(*c, projects_.Scope(ctx, ""), project_id)) {
    if (a.person_id == person_id && !a.to_date) open = std::move(a);
  }
  if (!open) return Error::NotFound("that leader is not assigned to this project");
  store::Transaction tx(*c);
  if (open->from_date >= ctx.today) {  // never in effect before today: nothing to keep
    store::DeleteAssignment(*c, open->id);
    Journal(*c, ctx, project_id, "unassign", store::AssignmentDiff(*open, store::AssignmentRow{}));
  } else {
    store::AssignmentRow after = *open;
    after.to_date = ctx.today.AddDays(-1);
    if (auto st = store::EndAssignment(*c, after, open->version, ctx.now); !st) return st.error();
    Journal(*c, ctx, project_id, "end_assignment", store::AssignmentDiff(*open, after));
  }
  tx.Commit();
  return ResponsibilityOn(*c, ctx, *p);
}

Result<HandoverResult> ResponsibilityService::Handover(const Ctx& ctx, const json& body) {
  const Status allowed = CheckWrite(ctx, access::kSupervisionManage, kOfficeOnly, body);
  if (!allowed) return allowed.error();
  auto c = db_.Acquire();
  auto from = HolderIn(*c, ctx, body, "from");
  if (!from) return from.error();
  auto to = HolderIn(*c, ctx, body, "to");
  if (!to) return to.error();
  Problems pr;
  auto date = DateField(body, "date", pr);
  if (!date || !*date) pr.Add("date", "", "required");
  else if (**date > ctx.today)
    pr.Add("date", (*date)->ToString(), "rule assignment.not_in_future: recorded when it takes effect");
  if (from->holder == to->holder)
    pr.Add("to", HolderText(to->holder), "must differ from the holder handing over");
  const bool dry_run = body.value("dry_run", false);
  HandoverResult out{dry_run, date && *date ? **date : ctx.today, *from, *to, {}};
  std::vector<sv::DatedAssignment> moving;
  const auto scope = projects_.Scope(ctx, "");
  for (auto& a : store::OpenAssignmentsOf(*c, from->holder, scope)) {
    auto row = store::LoadProjectRow(*c, scope, a.project_id);
    if (!row || !projects_.Allowed(*c, ctx, access::kSupervisionManage, TargetOf(row->project))) continue;
    moving.push_back(a.fact());
    HandoverItem item{std::move(a), false, 0};
    for (const auto& b : store::ListProjectAssignments(*c, scope, item.assignment.project_id)) {
      if (b.holder() == to->holder && !b.to_date) item.already_held = true;
    }
    if (!item.already_held &&
        store::AssignmentOverlaps(*c, item.assignment.project_id, to->holder, out.date, std::nullopt)) {
      pr.Add("date", out.date.ToString(),
             "rule assignment.no_overlap: " + HolderText(to->holder) + " holds project " +
                 std::to_string(item.assignment.project_id) + " on or after that date");
    }
    out.items.push_back(std::move(item));
  }
  if (out.items.empty()) pr.Add("from", HolderText(from->holder), "holds no open assignment you manage");
  if (date && *date) {
    for (const auto& d : sv::ValidateHandover(moving, **date).ToError().details) pr.Add(d);
  }
  if (!pr.empty()) return pr.ToError("the handover is not valid");
  if (dry_run) return out;
  store::Transaction tx(*c);
  for (auto& item : out.items) {
    store::AssignmentRow ended = item.assignment;
    ended.to_date = out.date.AddDays(-1);
    if (auto st = store::EndAssignment(*c, ended, item.assignment.version, ctx.now); !st) return st.error();
    json changes = store::AssignmentDiff(item.assignment, ended);
    if (!item.already_held) {
      store::AssignmentRow next;
      next.project_id = item.assignment.project_id;
      (to->holder.kind == sv::HolderKind::kPerson ? next.person_id : next.unit_id) = to->holder.id;
      next.from_date = out.date;
      next.id = item.new_assignment_id = store::InsertAssignment(*c, next, ctx.now);
      for (auto& x : store::AssignmentCreatedChanges(next)) changes.push_back(std::move(x));
    }
    Journal(*c, ctx, item.assignment.project_id, "handover", changes);
  }
  tx.Commit();
  return out;
}

}  // namespace gj::service
