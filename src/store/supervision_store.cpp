#include "store/supervision_store.h"

#include "store/journal.h"
#include "store/project_store.h"

namespace gj::store {

namespace {

// ---- the tables, one field (or column) list each

const Fields<ProblemStep> kStepFields = GJ_COLUMNS(ProblemStep, id, problem_id, action, from_status,
                                                   to_status, note, user_id, user_name, on_date, at)
                                            .ReadOnly({"id"});
const Table kProblemSteps = TableOf("problem_steps", kStepFields);

using MR = MilestoneRow;
// A milestone's columns; an update writes name … sort, and the journal shows all of those but sort.
const Fields<MR> kMilestoneFields = GJ_COLUMNS_IN(MR::m, id, project_id, name, planned_date, actual_date,
                                                  duration_days, predecessor_id, unit_id)
                                        .And(GJ_COLUMNS(MR, sort, version))
                                        .ReadOnly({"id", "version"})
                                        .Fixed({"project_id"})
                                        .NotJournaled({"sort"});
const Table kMilestones = TableOf("milestones", kMilestoneFields).With({"updated_at"});

// A kind is keyed by its code; an upsert rewrites the rest.
const Fields<ProcedureKindRow> kProcedureKindFields =
    GJ_COLUMNS_IN(ProcedureKindRow::kind, code, label_zh, label_en, required_for_start)
        .And(GJ_COLUMNS(ProcedureKindRow, documents, handling_unit, office, phone, sort, region_code))
        .OnInsert({"code"});
const Table kProcedureKinds = TableOf("procedure_kinds", kProcedureKindFields);

using XR = ProcedureRow;
// A procedure's columns; an update writes status … approval_no, and the journal shows them all.
const Fields<XR> kProcedureFields =
    GJ_COLUMNS_IN(XR::fact, id, project_id, kind, status, unit_id, applied_on, approved_on, accepted_pending)
        .And(GJ_COLUMNS(XR, pending_document, approval_no, version))
        .ReadOnly({"id", "version"})
        .Fixed({"project_id", "kind"})
        .JournaledAsBool({"accepted_pending"});
const Table kProcedures = TableOf("procedures", kProcedureFields).With({"updated_at"});

const Fields<VisitRow> kVisitFields = GJ_COLUMNS(VisitRow, id, project_id, person_id, unit_id, visit_date,
                                                 notes, problems_discussed, user_id, created_at)
                                          .ReadOnly({"id"});
const Table kVisits = TableOf("visits", kVisitFields);
const Fields<AttachmentRow> kAttachmentFields =
    GJ_COLUMNS(AttachmentRow, id, owner, owner_id, file_name, content_type, size, stored_name, user_id,
               created_at)
        .ReadOnly({"id"});
const Table kAttachments = TableOf("attachments", kAttachmentFields);
const Table kReads{"attention_reads", {"user_id", "item_key", "read_at"}};
const Table kSettings{"supervision_settings", {"name", "value"}};

// A stamped record's table: what its 409 calls it, its fields, and its id.
template <class Row>
struct Stamped {
  const Table& table;
  std::string_view what;
  const Fields<Row>& fields;
  int64_t (*id)(const Row&);
};
const Stamped<MR> kStampedMilestone{kMilestones, "milestone", kMilestoneFields,
                                    [](const MR& r) { return r.m.id; }};
const Stamped<XR> kStampedProcedure{kProcedures, "procedure", kProcedureFields,
                                    [](const XR& r) { return r.fact.id; }};
const Stamped<MR>& StampedOf(const MR&) { return kStampedMilestone; }
const Stamped<XR>& StampedOf(const XR&) { return kStampedProcedure; }

}  // namespace

// Milestones and procedures start at version 1 and stamp every write with its time.
template <class Row>
int64_t InsertStampedRow(Connection& c, const Row& r, const std::string& now) {
  const auto& s = StampedOf(r);
  ColumnValues values = InsertValuesOf(s.fields, r);
  values.insert(values.end(), {{"version", int64_t{1}}, {"updated_at", now}});
  return InsertReturningId(c, s.table, values);
}

template <class Row>
Status UpdateStampedRow(Connection& c, const Row& r, int64_t expected_version, const std::string& now) {
  const auto& s = StampedOf(r);
  ColumnValues values = ValuesOf(s.fields, r);
  values.emplace_back("updated_at", now);
  return UpdateVersioned(c, s.table, s.what, values, s.id(r), expected_version);
}

template <class Row>
nlohmann::json StampedRowChanges(const Row& before, const Row& after) {
  return JournalDiff(StampedOf(before).fields, before, after);
}

template int64_t InsertStampedRow(Connection&, const MR&, const std::string&);
template int64_t InsertStampedRow(Connection&, const XR&, const std::string&);
template Status UpdateStampedRow(Connection&, const MR&, int64_t, const std::string&);
template Status UpdateStampedRow(Connection&, const XR&, int64_t, const std::string&);
template nlohmann::json StampedRowChanges(const MR&, const MR&);
template nlohmann::json StampedRowChanges(const XR&, const XR&);

namespace {

// ---- problems

using PR = ProblemRow;
// A problem's columns. An update writes status … updated_at; the journal shows the first six of
// those (status … defer_reason). What a problem is about and who raised it are set once.
const Fields<PR> kProblemFields =
    GJ_COLUMNS_IN(PR::fact, id, project_id, status, unit_id, coordinator_id, deadline, closed_on)
        .And(GJ_COLUMNS(PR, defer_reason, signed_on, returns, description))
        .And(GJ_COLUMNS_IN(PR::fact, category, raised_on))
        .And(GJ_COLUMNS(PR, raised_by, version, created_at, updated_at))
        .ReadOnly({"id", "version"})
        .Fixed({"project_id", "raised_on", "raised_by", "created_at"})
        .OnUpdate({"closed_on", "defer_reason", "signed_on", "returns"})
        .NotJournaled({"signed_on", "returns", "description", "category", "updated_at"});
// What ProblemSelect joins to a problem.
const Fields<PR> kProblemJoinedFields = GJ_COLUMNS(PR, project_code, project_name, county_code, town_code,
                                                   project_unit_id, unit_name, coordinator_name);
const Table kProblems = TableOf("problems", kProblemFields);

// A problem with what it joins: its project's code, name and region, its unit and coordinator.
const std::string kProblemSelect =
    "SELECT " + kProblems.Select("p") +
    ", pr.code AS project_code, pr.name AS project_name, pr.county_code AS county_code, pr.town_code AS town_code, "
    "pr.unit_id AS project_unit_id, u.name AS unit_name, pe.name AS coordinator_name"
    " FROM problems p JOIN projects pr ON pr.id = p.project_id LEFT JOIN units u ON u.id = p.unit_id "
    "LEFT JOIN people pe ON pe.id = p.coordinator_id";

ProblemRow ProblemFrom(RowReader& r) { return RecordOf(kProblemFields, kProblemJoinedFields)(r); }

}  // namespace

int64_t InsertProblem(Connection& c, const ProblemRow& p) {
  ColumnValues values = InsertValuesOf(kProblemFields, p);
  values.emplace_back("version", int64_t{1});
  return InsertReturningId(c, kProblems, values);
}

std::optional<ProblemRow> LoadProblem(Connection& c, const access::ReadScope& scope, int64_t id) {
  std::vector<Value> params{id};
  const std::string in_scope = ScopeClause(scope, params);
  return ReadOne(c, kProblemSelect + " WHERE p.id = ?" + in_scope, params, ProblemFrom);
}

Status UpdateProblem(Connection& c, const ProblemRow& p, int64_t expected_version) {
  return UpdateVersioned(c, kProblems, "problem", ValuesOf(kProblemFields, p), p.fact.id, expected_version);
}

nlohmann::json ProblemChanges(const ProblemRow& before, const ProblemRow& after) {
  return JournalDiff(kProblemFields, before, after);
}

nlohmann::json ProblemCreatedChanges(const ProblemRow& p) {
  return JournalCreated(kProblemFields, p, {"project_id", "category", "description", "status"});
}

std::vector<ProblemRow> ListProblems(Connection& c, const ProblemFilter& f) {
  std::vector<Value> params;
  std::string sql = kProblemSelect + " WHERE 1=1";
  sql += ScopeClause(f.scope, params);
  auto add = [&](const char* clause, Value v) {
    sql += clause;
    params.push_back(std::move(v));
  };
  if (f.project_id) add(" AND p.project_id = ?", *f.project_id);
  if (f.unit_id) add(" AND p.unit_id = ?", *f.unit_id);
  if (f.coordinator_id) add(" AND p.coordinator_id = ?", *f.coordinator_id);
  if (f.status) add(" AND p.status = ?", *f.status);
  if (f.category) add(" AND p.category = ?", *f.category);
  if (f.overdue_as_of) {
    // Open on that date with a deadline before it (the same rule as supervision::IsOverdue).
    const std::string d = f.overdue_as_of->ToString();
    sql +=
        " AND p.deadline IS NOT NULL AND p.deadline < ? AND p.raised_on <= ? AND ((p.closed_on IS NULL AND p.status <> 'deferred' "
        "AND p.status <> 'closed') OR p.closed_on > ?)";
    params.insert(params.end(), {d, d, d});
  }
  return ReadRows(c, sql + " ORDER BY p.id DESC", params, ProblemFrom);
}

int64_t InsertProblemStep(Connection& c, const ProblemStep& s) {
  return InsertReturningId(c, kProblemSteps, InsertValuesOf(kStepFields, s));
}

std::vector<ProblemStep> ListProblemSteps(Connection& c, const access::ReadScope& scope, int64_t problem_id) {
  std::vector<Value> params = {problem_id};
  const std::string in_scope = ParentInScope(scope, params, "problem_id", "problems");
  return ReadRows(c,
                  "SELECT " + kProblemSteps.Select() + " FROM problem_steps WHERE problem_id = ?" + in_scope +
                      " ORDER BY id",
                  params, RecordOf(kStepFields));
}

std::vector<supervision::ProblemFact> ListProblemFacts(Connection& c, const access::ReadScope& scope,
                                                       const std::vector<int64_t>& project_ids) {
  std::vector<Value> params;
  const std::string sql = "SELECT " + kProblems.Select("p") +
                          " FROM problems p JOIN projects pr ON pr.id = p.project_id WHERE pr.archived = 0" +
                          ScopeClause(scope, params) + ProjectIdClause(project_ids, params, "p") +
                          " ORDER BY p.id";
  return ReadRows(c, sql, params, [](RowReader& r) { return RecordOf(kProblemFields)(r).fact; });
}

// ---- milestones

namespace {

const Fields<MR> kMilestoneJoinedFields = GJ_COLUMNS(MR, unit_name);

MilestoneRow MilestoneFrom(RowReader& r) { return RecordOf(kMilestoneFields, kMilestoneJoinedFields)(r); }

}  // namespace

std::vector<MilestoneRow> ListMilestones(Connection& c, const access::ReadScope& scope, int64_t project_id) {
  return ListMilestonesOf(c, scope, {project_id});
}

std::vector<MilestoneRow> ListMilestonesOf(Connection& c, const access::ReadScope& scope,
                                           const std::vector<int64_t>& project_ids) {
  std::vector<Value> params;
  std::string sql =
      "SELECT " + kMilestones.Select("m") +
      ", u.name AS unit_name FROM milestones m LEFT JOIN units u ON u.id = m.unit_id WHERE m.project_id IN (" +
      InList(project_ids, params) + ")";
  sql += ProjectOfRowInScope(scope, params, "m.project_id") +
         " ORDER BY m.project_id, m.sort, m.planned_date, m.id";
  return ReadRows(c, sql, params, MilestoneFrom);
}

nlohmann::json MilestoneCreatedChanges(const MilestoneRow& r) {
  return JournalCreated(kMilestoneFields, r, {"name", "planned_date"});
}

std::optional<int64_t> ProjectOfMilestone(Connection& c, const access::ReadScope& scope, int64_t id) {
  std::vector<Value> params{id};
  const std::string in_scope = ProjectOfRowInScope(scope, params, "project_id");
  auto found = c.Query("SELECT project_id FROM milestones WHERE id = ?" + in_scope, params);
  if (found.empty()) return std::nullopt;
  return AsInt(found.rows[0][0]);
}

bool DeleteMilestone(Connection& c, int64_t id, int64_t expected_version) {
  return c.Exec("DELETE FROM milestones WHERE id = ? AND version = ?", {id, expected_version}) == 1;
}

// ---- procedures

std::vector<ProcedureKindRow> ListProcedureKinds(Connection& c) {
  return ReadRows(c, "SELECT " + kProcedureKinds.Select() + " FROM procedure_kinds ORDER BY sort, code", {},
                  RecordOf(kProcedureKindFields));
}

void UpsertProcedureKind(Connection& c, const ProcedureKindRow& k) {
  Upsert(c, kProcedureKinds, ValuesOf(kProcedureKindFields, k), {{"code", k.kind.code}});
}

nlohmann::json ProcedureKindChanges(const ProcedureKindRow& before, const ProcedureKindRow& after) {
  return JournalDiff(kProcedureKindFields, before, after);
}

namespace {

// A procedure with what it joins: whether its kind is required for the start, its unit's name.
const std::string kProcedureSelect =
    "SELECT " + kProcedures.Select("x") +
    ", k.required_for_start AS required_for_start, u.name AS unit_name FROM procedures x "
    "JOIN procedure_kinds k ON k.code = x.kind LEFT JOIN units u ON u.id = x.unit_id ";
const Fields<XR> kProcedureJoinedFields =
    GJ_COLUMNS_IN(XR::fact, required_for_start).And(GJ_COLUMNS(XR, unit_name));

ProcedureRow ProcedureFrom(RowReader& r) { return RecordOf(kProcedureFields, kProcedureJoinedFields)(r); }

}  // namespace

std::vector<ProcedureRow> ListProcedures(Connection& c, const access::ReadScope& scope, int64_t project_id) {
  std::vector<Value> params{project_id};
  const std::string in_scope = ProjectOfRowInScope(scope, params, "x.project_id");
  return ReadRows(c, kProcedureSelect + "WHERE x.project_id = ?" + in_scope + " ORDER BY k.sort, x.kind",
                  params, ProcedureFrom);
}

std::optional<ProcedureRow> LoadProcedure(Connection& c, const access::ReadScope& scope, int64_t id) {
  std::vector<Value> params{id};
  const std::string in_scope = ProjectOfRowInScope(scope, params, "x.project_id");
  return ReadOne(c, kProcedureSelect + "WHERE x.id = ?" + in_scope, params, ProcedureFrom);
}

std::vector<supervision::ProcedureFact> ListProcedureFacts(Connection& c, const access::ReadScope& scope,
                                                           const std::vector<int64_t>& project_ids) {
  std::vector<Value> params;
  const std::string sql = kProcedureSelect +
                          "JOIN projects pr ON pr.id = x.project_id WHERE pr.archived = 0" +
                          ScopeClause(scope, params) + ProjectIdClause(project_ids, params, "x") +
                          " ORDER BY x.project_id, k.sort";
  return ReadRows(c, sql, params, [](RowReader& r) { return ProcedureFrom(r).fact; });
}

std::map<int64_t, ProjectStart> ListProjectStarts(Connection& c, const access::ReadScope& scope) {
  std::vector<Value> params;
  std::map<int64_t, ProjectStart> out;
  ForEachRow(c,
             "SELECT pr.id, pr.planned_start, pr.actual_start FROM projects pr WHERE pr.archived = 0" +
                 ScopeClause(scope, params),
             params, [&](RowReader& r) {
               ProjectStart s{r.Int("id"), r.OptDate("planned_start"), r.OptDate("actual_start")};
               out[s.project_id] = s;
             });
  return out;
}

// ---- responsibility list

std::vector<supervision::Assignment> ListAssignments(Connection& c, const access::ReadScope& scope) {
  std::vector<Value> params;
  std::string where = ScopeClause(scope, params);
  std::vector<Value> params2 = params;
  params.insert(params.end(), params2.begin(), params2.end());
  const std::string sql =
      "SELECT pr.id AS project_id, pr.leader_id AS person_id FROM projects pr WHERE pr.archived = 0 AND pr.leader_id IS NOT NULL" +
      where +
      " UNION SELECT a.project_id, a.person_id FROM project_assignments a JOIN projects pr ON pr.id = a.project_id "
      "WHERE pr.archived = 0 AND a.person_id IS NOT NULL AND a.to_date IS NULL" +
      where + " ORDER BY 2, 1";
  return ReadRows(c, sql, params, [](RowReader& r) {
    return supervision::Assignment{r.Int("project_id"), r.Int("person_id")};
  });
}

nlohmann::json VisitCreatedChanges(const VisitRow& v) {
  if (v.unit_id)
    return JournalCreated(kVisitFields, v, {"project_id", "person_id", "unit_id", "visit_date", "notes"});
  return JournalCreated(kVisitFields, v, {"project_id", "person_id", "visit_date", "notes"});
}

int64_t InsertVisit(Connection& c, const VisitRow& v) {
  return InsertReturningId(c, kVisits, InsertValuesOf(kVisitFields, v));
}

std::vector<VisitRow> ListVisits(Connection& c, const access::ReadScope& scope,
                                 std::optional<int64_t> project_id, std::optional<int64_t> person_id) {
  std::vector<Value> params;
  std::string sql =
      "SELECT " + kVisits.Select("v") +
      ", pe.name AS person_name, pr.name AS project_name, u.name AS unit_name "
      "FROM visits v JOIN people pe ON pe.id = v.person_id JOIN projects pr ON pr.id = v.project_id "
      "LEFT JOIN units u ON u.id = v.unit_id WHERE 1=1";
  if (project_id) {
    sql += " AND v.project_id = ?";
    params.emplace_back(*project_id);
  }
  if (person_id) {
    sql += " AND v.person_id = ?";
    params.emplace_back(*person_id);
  }
  sql += ScopeClause(scope, params);
  return ReadRows(c, sql + " ORDER BY v.visit_date DESC, v.id DESC", params, [](RowReader& r) {
    VisitRow v = RecordOf(kVisitFields)(r);
    v.person_name = r.Text("person_name");
    v.project_name = r.Text("project_name");
    v.unit_name = r.OptText("unit_name").value_or("");
    return v;
  });
}

std::vector<supervision::VisitFact> ListVisitFacts(Connection& c, const access::ReadScope& scope,
                                                   const Date& from, const Date& to) {
  std::vector<Value> params{from.ToString(), to.ToString()};
  const std::string sql =
      "SELECT v.project_id, v.person_id, v.visit_date FROM visits v JOIN projects pr ON pr.id = v.project_id "
      "WHERE v.visit_date >= ? AND v.visit_date <= ?" +
      ScopeClause(scope, params);
  return ReadRows(c, sql, params, [](RowReader& r) {
    return supervision::VisitFact{r.Int("project_id"), r.Int("person_id"), r.Date("visit_date")};
  });
}

// ---- attachments

int64_t InsertAttachment(Connection& c, const AttachmentRow& a) {
  return InsertReturningId(c, kAttachments, InsertValuesOf(kAttachmentFields, a));
}

std::optional<AttachmentRow> LoadAttachment(Connection& c, int64_t id) {
  return ReadOne(c, "SELECT " + kAttachments.Select() + " FROM attachments WHERE id = ?", {id},
                 RecordOf(kAttachmentFields));
}

std::vector<AttachmentRow> ListAttachments(Connection& c, const std::string& owner,
                                           const std::vector<int64_t>& owner_ids) {
  std::vector<Value> params{owner};
  const std::string sql = "SELECT " + kAttachments.Select() +
                          " FROM attachments WHERE owner = ? AND owner_id IN (" + InList(owner_ids, params) +
                          ") ORDER BY id";
  return ReadRows(c, sql, params, RecordOf(kAttachmentFields));
}

// ---- read marks, settings

std::set<std::string> ReadKeys(Connection& c, int64_t user_id) {
  std::set<std::string> out;
  ForEachRow(c, "SELECT item_key FROM attention_reads WHERE user_id = ?", {user_id},
             [&](RowReader& r) { out.insert(r.Text("item_key")); });
  return out;
}

void MarkRead(Connection& c, int64_t user_id, const std::string& key, const std::string& at) {
  if (c.Query("SELECT 1 FROM attention_reads WHERE user_id = ? AND item_key = ?", {user_id, key}).empty()) {
    InsertRow(c, kReads, {{"user_id", user_id}, {"item_key", key}, {"read_at", at}});
  }
}

std::optional<std::string> GetSetting(Connection& c, const std::string& name) {
  return ReadOne(c, "SELECT value FROM supervision_settings WHERE name = ?", {name},
                 [](RowReader& r) { return r.Text("value"); });
}

void PutSetting(Connection& c, const std::string& name, const std::string& value) {
  Upsert(c, kSettings, {{"value", value}}, {{"name", name}});
}

const Table kRegionSettings{"region_settings", {"region_code", "name", "value", "updated_at"}};

std::optional<std::string> GetRegionSetting(Connection& c, const std::string& region,
                                            const std::string& name) {
  return ReadOne(c, "SELECT value FROM region_settings WHERE region_code = ? AND name = ?", {region, name},
                 [](RowReader& r) { return r.Text("value"); });
}

std::map<std::string, std::string> RegionSettings(Connection& c, const std::string& region) {
  std::map<std::string, std::string> out;
  for (auto& [name, value] :
       ReadRows(c, "SELECT name, value FROM region_settings WHERE region_code = ? ORDER BY name", {region},
                [](RowReader& r) { return std::pair(r.Text("name"), r.Text("value")); }))
    out.emplace(std::move(name), std::move(value));
  return out;
}

void PutRegionSetting(Connection& c, const std::string& region, const std::string& name,
                      const std::string& value, const std::string& now) {
  Upsert(c, kRegionSettings, {{"value", value}, {"updated_at", now}},
         {{"region_code", region}, {"name", name}});
}

std::string ParentRegionOf(Connection& c, const std::string& code) {
  return ReadOne(c, "SELECT COALESCE(parent_code, '') AS parent FROM regions WHERE code = ?", {code},
                 [](RowReader& r) { return r.Text("parent"); })
      .value_or("");
}

bool ClearRegionSetting(Connection& c, const std::string& region, const std::string& name) {
  return c.Exec("DELETE FROM region_settings WHERE region_code = ? AND name = ?", {region, name}) > 0;
}

std::optional<int64_t> PersonOfUser(Connection& c, int64_t user_id) {
  auto person = ReadOne(c, "SELECT person_id FROM users WHERE id = ?", {user_id},
                        [](RowReader& r) { return r.OptInt("person_id"); });
  return person ? *person : std::nullopt;
}

}  // namespace gj::store
