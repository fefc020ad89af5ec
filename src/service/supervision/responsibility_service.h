// The responsibility list (责任清单): the leaders and units assigned to a project (包保, dated),
// handovers, their onsite visits and whether they kept the visit rule, and each leader's own page.
// Each use case takes one connection lease and passes it down. Assignments and handovers are in
// responsibility_assignments.cpp.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "domain/supervision/visit.h"
#include "domain/supervision/visit_compliance.h"
#include "service/context.h"
#include "service/supervision/supervision_support.h"
#include "store/assignment_store.h"
#include "store/db.h"
#include "store/supervision_store.h"

namespace gj::service {

// A leader answering for a project (primary: the project's own leader, else an assignment).
struct ProjectLeader {
  int64_t person_id = 0;
  std::string name, title;
  bool primary = false;
};

// An assignment as shown: in effect on `today` (current) or not (past, or not yet begun).
struct AssignmentView {
  store::AssignmentRow row;
  bool current = false;
};

// GET /projects/{id}/assignments: the project's assignments, past and current, oldest first.
struct AssignmentList {
  int64_t project_id = 0;
  std::vector<AssignmentView> items;
};

// The project's responsibility list: leaders (current), lead unit, specialist, visits (newest
// first), and every assignment of people and units with its dates, oldest first.
struct ResponsibilityList {
  int64_t project_id = 0;
  std::vector<ProjectLeader> leaders;
  std::optional<int64_t> unit_id;
  std::string unit_name;
  std::string specialist;
  std::vector<store::VisitRow> visits;
  std::vector<AssignmentView> assignments;
};

// A holder of assignments as the API names it back.
struct HolderRef {
  supervision::Holder holder;
  std::string name, title, region_code;
  bool archived = false;
};

// GET /assignments: the assignments of one holder (or of every holder) on the projects the caller
// reads, past, current and to come, oldest first; `current`: in effect on as_of.
struct HolderAssignmentList {
  std::optional<HolderRef> holder;
  Date as_of;
  std::vector<AssignmentView> items;
};

// A handover: each open assignment of `from` that moves to `to` on `date` (the old one ends the
// day before). `already_held`: `to` holds the project already; only the old one ends.
struct HandoverItem {
  store::AssignmentRow assignment;  // the old one as it is before the handover
  bool already_held = false;
  int64_t new_assignment_id = 0;  // 0 in a dry run or when already held
};
struct HandoverResult {
  bool dry_run = true;
  Date date;
  HolderRef from, to;
  std::vector<HandoverItem> items;
};

// One holder's visit compliance over a period (a leader or a unit), with their name and title.
struct LeaderComplianceView {
  supervision::HolderCompliance compliance;
  std::string name, title;
};

struct ComplianceReport {
  Date from, to, as_of;
  supervision::VisitRule rule;
  std::vector<LeaderComplianceView> items;
};

// One project of a leader's page: its problems open and overdue, and whether a visit is due.
struct LeaderProject {
  int64_t id = 0;
  std::string code, name, stage, town_name;
  int open_problems = 0, overdue_problems = 0;
  bool visit_due = false;
};

// A leader's own page: their projects, the visits due this window, their 20 latest visits.
struct LeaderPageView {
  int64_t person_id = 0;
  std::string name, title;
  Date as_of;
  std::vector<LeaderProject> projects;
  std::vector<supervision::MissedVisit> visits_due;
  std::vector<store::VisitRow> recent_visits;
  supervision::VisitRule rule;
};

class ResponsibilityService {
 public:
  ResponsibilityService(store::Database& db, LedgerService& ledger) : db_(db), projects_(ledger) {}

  Result<ResponsibilityList> Responsibility(const Ctx& ctx, int64_t project_id);
  Result<AssignmentList> Assignments(const Ctx& ctx, int64_t project_id);
  Result<AssignmentView> Assignment(const Ctx& ctx, int64_t assignment_id);
  // A holder the caller does not see is NotFound; `current_only` keeps those in effect on as_of.
  Result<HolderAssignmentList> AssignmentsOf(const Ctx& ctx, const std::optional<supervision::Holder>& holder,
                                             const Date& as_of, bool current_only);
  Result<ResponsibilityList> AddAssignment(const Ctx& ctx, int64_t project_id, const nlohmann::json& body);
  // Legacy: ends the person's open assignment yesterday (deletes it when it begins today or later).
  Result<ResponsibilityList> RemoveAssignment(const Ctx& ctx, int64_t project_id, int64_t person_id);
  // POST /assignments/{id}/end {"version","to_date"}: the last day (default today).
  Result<ResponsibilityList> EndAssignment(const Ctx& ctx, int64_t assignment_id, const nlohmann::json& body);
  Result<HandoverResult> Handover(const Ctx& ctx, const nlohmann::json& body);
  Result<store::VisitRow> AddVisit(const Ctx& ctx, const nlohmann::json& body);
  Result<ComplianceReport> Compliance(const Ctx& ctx, const std::string& region, const Date& from,
                                      const Date& to, const Date& as_of);
  // The caller's own page when `person_id` is empty.
  Result<LeaderPageView> LeaderPage(const Ctx& ctx, std::optional<int64_t> person_id, const Date& as_of);

 private:
  ResponsibilityList ResponsibilityOn(store::Connection& c, const Ctx& ctx, const store::ProjectRow& p);
  // The person or unit, archived or not, if the caller may see it: NotFound otherwise.
  Result<HolderRef> HolderSeen(store::Connection& c, const Ctx& ctx, const supervision::Holder& h);
  // The person or unit a body names ({"person_id"} or {"unit_id"}, exactly one), if the caller may
  // see it (NotFound otherwise) and it is not archived.
  Result<HolderRef> HolderIn(store::Connection& c, const Ctx& ctx, const nlohmann::json& body,
                             const std::string& field);
  // Whether the caller may log `v`: the office anyone's, a leader their own, a unit its own on
  // projects assigned to it (Forbidden otherwise).
  Status MayLogVisit(store::Connection& c, const Ctx& ctx, const store::ProjectRow& p, store::VisitRow& v,
                     std::optional<int64_t> own);
  // The project, when the caller is its project office (who assigns leaders).
  Result<store::ProjectRow> Managed(store::Connection& c, const Ctx& ctx, int64_t project_id);
  // Checks that the caller may log `v` (a leader logs only their own visits) and stores it.
  Status StoreVisit(store::Connection& c, const Ctx& ctx, store::VisitRow& v);
  std::vector<LeaderProject> LeaderProjects(store::Connection& c, const access::ReadScope& scope,
                                            const std::vector<supervision::Assignment>& mine,
                                            const std::set<int64_t>& visit_due, const Date& as_of);

  store::Database& db_;
  supervision_support::ProjectAccess projects_;
};

}  // namespace gj::service
