// SQL of dated responsibility (包保): project_assignments held by a person or a unit from one day
// to another (migration 0012), and the facts compliance reads (assignments and visits with dates).
// Read functions taking a `scope` return the rows of projects it contains (store::ScopeClause).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/date.h"
#include "common/result.h"
#include "domain/access/read_scope.h"
#include "domain/supervision/visit_compliance.h"
#include "store/db.h"

namespace gj::store {

struct AssignmentRow {
  int64_t id = 0;
  int64_t project_id = 0;
  std::optional<int64_t> person_id, unit_id;  // exactly one is set
  Date from_date;
  std::optional<Date> to_date;  // the last day, included; nullopt: open
  int64_t version = 1;
  std::string created_at, updated_at;
  // joined
  std::string holder_name, holder_title, project_code, project_name;

  supervision::Holder holder() const {
    return person_id ? supervision::Holder{supervision::HolderKind::kPerson, *person_id}
                     : supervision::Holder{supervision::HolderKind::kUnit, unit_id.value_or(0)};
  }
  supervision::DatedAssignment fact() const { return {project_id, holder(), from_date, to_date}; }
};

// A project's assignments, past and current, oldest first (none when the project is outside `scope`).
std::vector<AssignmentRow> ListProjectAssignments(Connection& c, const access::ReadScope& scope,
                                                  int64_t project_id);
// Nothing when its project is outside `scope`.
std::optional<AssignmentRow> LoadAssignment(Connection& c, const access::ReadScope& scope, int64_t id);
// The holder's open assignments (to_date NULL) on live projects in `scope`, in project order.
std::vector<AssignmentRow> OpenAssignmentsOf(Connection& c, const supervision::Holder& h,
                                             const access::ReadScope& scope);
// The assignments, past, current and to come, of one holder (every holder when nullopt) on live
// projects in `scope`, oldest first.
std::vector<AssignmentRow> ListAssignmentsOf(Connection& c, const std::optional<supervision::Holder>& h,
                                             const access::ReadScope& scope);
// Whether the holder has another assignment of the project (not `except_id`) in effect on a day
// of [from, to] (to nullopt: open-ended).
bool AssignmentOverlaps(Connection& c, int64_t project_id, const supervision::Holder& h, const Date& from,
                        const std::optional<Date>& to, int64_t except_id = 0);
int64_t InsertAssignment(Connection& c, const AssignmentRow& a, const std::string& now);
// Sets to_date (versioned: 409 on a stale version).
Status EndAssignment(Connection& c, const AssignmentRow& a, int64_t expected_version, const std::string& now);
void DeleteAssignment(Connection& c, int64_t id);
// The journal's changes: a new assignment (holder and dates), an ended one (to_date).
nlohmann::json AssignmentCreatedChanges(const AssignmentRow& a);
nlohmann::json AssignmentDiff(const AssignmentRow& before, const AssignmentRow& after);

// Compliance facts for [from, to]: the assignments in effect on a day of it, and each live
// project's leader (projects.leader_id) as an open assignment from 1 January of its list year
// unless the leader has dated assignments of that project (those then say when).
std::vector<supervision::DatedAssignment> ListDatedAssignments(Connection& c, const access::ReadScope& scope,
                                                               const Date& from, const Date& to);
std::vector<supervision::HolderVisit> ListHolderVisits(Connection& c, const access::ReadScope& scope,
                                                       const Date& from, const Date& to);

}  // namespace gj::store
