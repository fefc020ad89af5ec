// SQL of supervision (三张清单): problems and their steps, milestones, procedures, assignments,
// visits, attachments, attention read marks, settings. Read functions taking a `scope` return the
// rows of projects it contains (store::ScopeClause: ReadScope::All() for every project, an empty
// scope for none) — these are what warning lights and the bulletin call (ListProblemFacts, ListProcedureFacts
// with ListProjectStarts, ListAssignments + ListVisitFacts).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "domain/access/read_scope.h"
#include "domain/supervision/attention.h"
#include "domain/supervision/milestone.h"
#include "domain/supervision/problem.h"
#include "domain/supervision/procedure.h"
#include "domain/supervision/visit.h"
#include "store/db.h"

namespace gj::store {

// ---- problems
struct ProblemRow {
  supervision::ProblemFact fact;
  std::string description;
  std::string defer_reason;
  int returns = 0;
  int64_t version = 1;
  std::optional<int64_t> raised_by;
  std::optional<Date> signed_on;
  std::string created_at, updated_at;
  // joined
  std::string project_code, project_name, county_code, town_code;
  std::optional<int64_t> project_unit_id;
  std::string unit_name, coordinator_name;
};

struct ProblemFilter {
  access::ReadScope scope =
      access::ReadScope::None();  // default: nothing; ReadScope::All() for loads that have checked access
  std::optional<int64_t> project_id;
  std::optional<int64_t> unit_id;
  std::optional<int64_t> coordinator_id;
  std::optional<std::string> status;
  std::optional<std::string> category;
  std::optional<Date> overdue_as_of;  // only problems overdue on that date
};

int64_t InsertProblem(Connection& c, const ProblemRow& p);
// Nothing when the problem's project is outside `scope` (every reader by id below alike).
std::optional<ProblemRow> LoadProblem(Connection& c, const access::ReadScope& scope, int64_t id);
// Writes status, unit, coordinator, deadline, dates, reasons; the 409 (StaleVersion) when the version moved.
Status UpdateProblem(Connection& c, const ProblemRow& p, int64_t expected_version);
std::vector<ProblemRow> ListProblems(Connection& c, const ProblemFilter& f);
// The journal's changes of an update (status, unit, coordinator, deadline, closed_on, defer_reason).
nlohmann::json ProblemChanges(const ProblemRow& before, const ProblemRow& after);
// The journal's changes of a raised problem (project, category, description, status).
nlohmann::json ProblemCreatedChanges(const ProblemRow& p);

struct ProblemStep {
  int64_t id = 0;
  int64_t problem_id = 0;
  std::string action, from_status, to_status, note;
  std::optional<int64_t> user_id;
  std::string user_name;
  Date on_date;
  std::string at;
};
int64_t InsertProblemStep(Connection& c, const ProblemStep& s);
std::vector<ProblemStep> ListProblemSteps(Connection& c, const access::ReadScope& scope, int64_t problem_id);

// For lights and the bulletin: every problem of projects in `scope`, and when `project_ids` is not
// empty, of those projects only (a light board refreshing a few projects).
std::vector<supervision::ProblemFact> ListProblemFacts(Connection& c, const access::ReadScope& scope,
                                                       const std::vector<int64_t>& project_ids = {});

// ---- stamped records: milestones and procedures
// Inserted at version 1 and stamped `now` (the row's id is ignored; returns the new id); updated
// at `expected_version` and stamped `now`, else the 409 (StaleVersion); the journal's changes of
// an update are the diff of the fields the update writes (a milestone's sort excepted). One
// implementation serves both; the names below (InsertMilestone, UpdateProcedure, …) are its uses.
template <class Row>
int64_t InsertStampedRow(Connection& c, const Row& r, const std::string& now);
template <class Row>
Status UpdateStampedRow(Connection& c, const Row& r, int64_t expected_version, const std::string& now);
template <class Row>
nlohmann::json StampedRowChanges(const Row& before, const Row& after);

// ---- milestones
struct MilestoneRow {
  supervision::Milestone m;
  int sort = 0;
  int64_t version = 1;
  std::string unit_name;
};
std::vector<MilestoneRow> ListMilestones(Connection& c, const access::ReadScope& scope, int64_t project_id);
// Milestones of many projects (the Gantt of a filtered set), of those in `scope`.
std::vector<MilestoneRow> ListMilestonesOf(Connection& c, const access::ReadScope& scope,
                                           const std::vector<int64_t>& project_ids);
inline constexpr auto& InsertMilestone = InsertStampedRow<MilestoneRow>;
inline constexpr auto& UpdateMilestone = UpdateStampedRow<MilestoneRow>;
inline constexpr auto& MilestoneChanges = StampedRowChanges<MilestoneRow>;
// The journal's changes of a new milestone (name, planned date).
nlohmann::json MilestoneCreatedChanges(const MilestoneRow& r);
// The project of milestone `id` (nullopt when there is none).
std::optional<int64_t> ProjectOfMilestone(Connection& c, const access::ReadScope& scope, int64_t id);
bool DeleteMilestone(Connection& c, int64_t id, int64_t expected_version);

// ---- procedures
struct ProcedureKindRow {
  supervision::ProcedureKind kind;
  std::string documents, handling_unit, office, phone;  // the guide (办事指南)
  int sort = 0;
  std::string region_code;  // the region that added the kind ("": the system's dictionary)
  // Not columns: whose guide a region reads ("default", "own", "inherited") and the region.
  std::string source = "default", source_region;
};
std::vector<ProcedureKindRow> ListProcedureKinds(Connection& c);
void UpsertProcedureKind(Connection& c, const ProcedureKindRow& k);
// The journal's changes of a kind's upsert (`before`: the stored kind, or an empty one when new).
nlohmann::json ProcedureKindChanges(const ProcedureKindRow& before, const ProcedureKindRow& after);

struct ProcedureRow {
  supervision::ProcedureFact fact;
  std::string pending_document, approval_no;
  int64_t version = 1;
  std::string unit_name;
};
std::vector<ProcedureRow> ListProcedures(Connection& c, const access::ReadScope& scope, int64_t project_id);
std::optional<ProcedureRow> LoadProcedure(Connection& c, const access::ReadScope& scope, int64_t id);
inline constexpr auto& InsertProcedure = InsertStampedRow<ProcedureRow>;
inline constexpr auto& UpdateProcedure = UpdateStampedRow<ProcedureRow>;
inline constexpr auto& ProcedureChanges = StampedRowChanges<ProcedureRow>;
std::vector<supervision::ProcedureFact> ListProcedureFacts(Connection& c, const access::ReadScope& scope,
                                                           const std::vector<int64_t>& project_ids = {});

// Planned and actual start of projects in `scope`, to pair with procedure facts (BlocksStart).
struct ProjectStart {
  int64_t project_id = 0;
  std::optional<Date> planned_start, actual_start;
};
std::map<int64_t, ProjectStart> ListProjectStarts(Connection& c, const access::ReadScope& scope);

// ---- responsibility list
// Each project's 包保 leaders now: projects.leader_id plus the open assignments held by people
// (the dated ones, and units', are in assignment_store.h).
std::vector<supervision::Assignment> ListAssignments(Connection& c, const access::ReadScope& scope);

struct VisitRow {
  int64_t id = 0;
  int64_t project_id = 0;
  int64_t person_id = 0;           // who went
  std::optional<int64_t> unit_id;  // the unit they went for (帮包部门): the visit counts for it
  Date visit_date;
  std::string notes, problems_discussed;
  std::optional<int64_t> user_id;
  std::string created_at;
  std::string person_name, project_name, unit_name;
};
int64_t InsertVisit(Connection& c, const VisitRow& v);
// The journal's changes of a logged visit (project, person, date, notes).
nlohmann::json VisitCreatedChanges(const VisitRow& v);
// Visits on the scope's projects, of one project and/or one person when given.
std::vector<VisitRow> ListVisits(Connection& c, const access::ReadScope& scope,
                                 std::optional<int64_t> project_id, std::optional<int64_t> person_id);
std::vector<supervision::VisitFact> ListVisitFacts(Connection& c, const access::ReadScope& scope,
                                                   const Date& from, const Date& to);

// ---- attachments (files live on disk; the row holds the name we chose, never the client's)
struct AttachmentRow {
  int64_t id = 0;
  std::string owner;  // problem_step, procedure
  int64_t owner_id = 0;
  std::string file_name, content_type;
  int64_t size = 0;
  std::string stored_name;
  std::optional<int64_t> user_id;
  std::string created_at;
};
int64_t InsertAttachment(Connection& c, const AttachmentRow& a);
std::optional<AttachmentRow> LoadAttachment(Connection& c, int64_t id);
std::vector<AttachmentRow> ListAttachments(Connection& c, const std::string& owner,
                                           const std::vector<int64_t>& owner_ids);

// ---- attention read marks, settings
std::set<std::string> ReadKeys(Connection& c, int64_t user_id);
void MarkRead(Connection& c, int64_t user_id, const std::string& key, const std::string& at);
std::optional<std::string> GetSetting(Connection& c, const std::string& name);
void PutSetting(Connection& c, const std::string& name, const std::string& value);
// A region's own settings (region_settings, migration 0091): the escalation ladder and visit rule
// as JSON text, the map's tile URL, a procedure kind's guide ("procedure_kind:<code>", JSON).
// What a region reads is its own row, else its parent's, up to the system default (the service's).
std::optional<std::string> GetRegionSetting(Connection& c, const std::string& region,
                                            const std::string& name);
// Every own setting of `region`, by name.
std::map<std::string, std::string> RegionSettings(Connection& c, const std::string& region);
void PutRegionSetting(Connection& c, const std::string& region, const std::string& name,
                      const std::string& value, const std::string& now);
// The region above `code` ("" at the top, or when unknown).
std::string ParentRegionOf(Connection& c, const std::string& code);
// Removes the region's own value (it inherits again); true when there was one.
bool ClearRegionSetting(Connection& c, const std::string& region, const std::string& name);

// The user's person (people.id), if linked.
std::optional<int64_t> PersonOfUser(Connection& c, int64_t user_id);

}  // namespace gj::store
