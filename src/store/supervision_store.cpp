#include "store/supervision_store.h"

#include "store/journal.h"
#include "store/project_store.h"
#include "store/row.h"

namespace gj::store {

namespace {

// ---- the tables, one column list each

const Table kProblems{"problems",
                      {"id", "project_id", "category", "description", "status", "unit_id", "coordinator_id", "deadline",
                       "raised_on", "raised_by", "signed_on", "closed_on", "defer_reason", "returns", "version",
                       "created_at", "updated_at"}};
const Table kProblemSteps{
    "problem_steps",
    {"id", "problem_id", "action", "from_status", "to_status", "note", "user_id", "user_name", "on_date", "at"}};
const Table kMilestones{"milestones",
                        {"id", "project_id", "name", "planned_date", "actual_date", "duration_days", "predecessor_id",
                         "unit_id", "sort", "version", "updated_at"}};
const Table kProcedureKinds{
    "procedure_kinds",
    {"code", "label_zh", "label_en", "required_for_start", "documents", "handling_unit", "office", "phone", "sort"}};
const Table kProcedures{"procedures",
                        {"id", "project_id", "kind", "status", "unit_id", "applied_on", "approved_on",
                         "accepted_pending", "pending_document", "approval_no", "version", "updated_at"}};
const Table kAssignments{"project_assignments", {"project_id", "person_id"}};
const Table kVisits{"visits",
                    {"id", "project_id", "person_id", "visit_date", "notes", "problems_discussed", "user_id",
                     "created_at"}};
const Table kAttachments{"attachments",
                         {"id", "owner", "owner_id", "file_name", "content_type", "size", "stored_name", "user_id",
                          "created_at"}};
const Table kReads{"attention_reads", {"user_id", "item_key", "read_at"}};
const Table kSettings{"supervision_settings", {"name", "value"}};

// ---- problems

// What a problem update writes; the first six are what its journal entry shows.
const Fields<ProblemRow> kProblemUpdate = {
    {"status", [](const ProblemRow& p) -> Value { return p.fact.status; }},
    {"unit_id", [](const ProblemRow& p) { return Opt(p.fact.unit_id); }},
    {"coordinator_id", [](const ProblemRow& p) { return Opt(p.fact.coordinator_id); }},
    {"deadline", [](const ProblemRow& p) { return DateValue(p.fact.deadline); }},
    {"closed_on", [](const ProblemRow& p) { return DateValue(p.fact.closed_on); }},
    {"defer_reason", [](const ProblemRow& p) -> Value { return p.defer_reason; }},
    {"signed_on", [](const ProblemRow& p) { return DateValue(p.signed_on); }, Field<ProblemRow>::kNotJournaled},
    {"returns", [](const ProblemRow& p) -> Value { return int64_t{p.returns}; }, Field<ProblemRow>::kNotJournaled},
    {"description", [](const ProblemRow& p) -> Value { return p.description; }, Field<ProblemRow>::kNotJournaled},
    {"category", [](const ProblemRow& p) -> Value { return p.fact.category; }, Field<ProblemRow>::kNotJournaled},
    {"updated_at", [](const ProblemRow& p) -> Value { return p.updated_at; }, Field<ProblemRow>::kNotJournaled},
};

// The problem columns of a fact, aliased `p`.
supervision::ProblemFact FactFrom(RowReader& r) {
  supervision::ProblemFact f;
  f.id = r.Int("id");
  f.project_id = r.Int("project_id");
  f.unit_id = r.OptInt("unit_id");
  f.coordinator_id = r.OptInt("coordinator_id");
  f.category = r.Text("category");
  f.status = r.Text("status");
  f.deadline = r.OptDate("deadline");
  f.closed_on = r.OptDate("closed_on");
  f.raised_on = r.Date("raised_on");
  return f;
}

const std::string& ProblemSelect() {
  static const std::string kSql =
      "SELECT " + kProblems.Select("p") +
      ", pr.code AS project_code, pr.name AS project_name, pr.county_code AS county_code, pr.town_code AS town_code, "
      "pr.unit_id AS project_unit_id, u.name AS unit_name, pe.name AS coordinator_name"
      " FROM problems p JOIN projects pr ON pr.id = p.project_id LEFT JOIN units u ON u.id = p.unit_id "
      "LEFT JOIN people pe ON pe.id = p.coordinator_id";
  return kSql;
}

ProblemRow ProblemFrom(RowReader& r) {
  ProblemRow p;
  p.fact = FactFrom(r);
  p.description = r.Text("description");
  p.defer_reason = r.Text("defer_reason");
  p.returns = static_cast<int>(r.Int("returns"));
  p.version = r.Int("version");
  p.raised_by = r.OptInt("raised_by");
  p.signed_on = r.OptDate("signed_on");
  p.created_at = r.Text("created_at");
  p.updated_at = r.Text("updated_at");
  p.project_code = r.Text("project_code");
  p.project_name = r.Text("project_name");
  p.county_code = r.Text("county_code");
  p.town_code = r.Text("town_code");
  p.project_unit_id = r.OptInt("project_unit_id");
  p.unit_name = r.Text("unit_name");
  p.coordinator_name = r.Text("coordinator_name");
  return p;
}

}  // namespace

int64_t InsertProblem(Connection& c, const ProblemRow& p) {
  const auto& f = p.fact;
  return InsertReturningId(c, kProblems,
                           {{"project_id", f.project_id}, {"category", f.category}, {"description", p.description},
                            {"status", f.status}, {"unit_id", Opt(f.unit_id)}, {"coordinator_id", Opt(f.coordinator_id)},
                            {"deadline", DateValue(f.deadline)}, {"raised_on", f.raised_on.ToString()},
                            {"raised_by", Opt(p.raised_by)}, {"version", int64_t{1}}, {"created_at", p.created_at},
                            {"updated_at", p.updated_at}});
}

std::optional<ProblemRow> LoadProblem(Connection& c, int64_t id) {
  return ReadOne(c, ProblemSelect() + " WHERE p.id = ?", {id}, ProblemFrom);
}

bool UpdateProblem(Connection& c, const ProblemRow& p, int64_t expected_version) {
  return UpdateVersioned(c, kProblems, ValuesOf(kProblemUpdate, p), p.fact.id, expected_version);
}

nlohmann::json ProblemChanges(const ProblemRow& before, const ProblemRow& after) {
  return JournalDiff(kProblemUpdate, before, after);
}

std::vector<ProblemRow> ListProblems(Connection& c, const ProblemFilter& f) {
  std::vector<Value> params;
  std::string sql = ProblemSelect() + " WHERE 1=1";
  if (!f.unscoped) {
    if (f.regions.empty()) return {};
    sql += RegionClause(f.regions, params);
  }
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
    sql += " AND p.deadline IS NOT NULL AND p.deadline < ? AND p.raised_on <= ? AND ((p.closed_on IS NULL AND p.status <> 'deferred' "
           "AND p.status <> 'closed') OR p.closed_on > ?)";
    params.insert(params.end(), {d, d, d});
  }
  return ReadRows(c, sql + " ORDER BY p.id DESC", params, ProblemFrom);
}

int64_t InsertProblemStep(Connection& c, const ProblemStep& s) {
  return InsertReturningId(c, kProblemSteps,
                           {{"problem_id", s.problem_id}, {"action", s.action}, {"from_status", s.from_status},
                            {"to_status", s.to_status}, {"note", s.note}, {"user_id", Opt(s.user_id)},
                            {"user_name", s.user_name}, {"on_date", s.on_date.ToString()}, {"at", s.at}});
}

std::vector<ProblemStep> ListProblemSteps(Connection& c, int64_t problem_id) {
  return ReadRows(c, "SELECT " + kProblemSteps.Select() + " FROM problem_steps WHERE problem_id = ? ORDER BY id", {problem_id},
                  [](RowReader& r) {
                    ProblemStep s;
                    s.id = r.Int("id");
                    s.problem_id = r.Int("problem_id");
                    s.action = r.Text("action");
                    s.from_status = r.Text("from_status");
                    s.to_status = r.Text("to_status");
                    s.note = r.Text("note");
                    s.user_id = r.OptInt("user_id");
                    s.user_name = r.Text("user_name");
                    s.on_date = r.Date("on_date");
                    s.at = r.Text("at");
                    return s;
                  });
}

std::vector<supervision::ProblemFact> ListProblemFacts(Connection& c, const std::vector<std::string>& regions,
                                                       const std::vector<int64_t>& project_ids) {
  std::vector<Value> params;
  const std::string sql =
      "SELECT p.id, p.project_id, p.unit_id, p.coordinator_id, p.category, p.status, p.deadline, p.closed_on, p.raised_on "
      "FROM problems p JOIN projects pr ON pr.id = p.project_id WHERE pr.archived = 0" +
      RegionClause(regions, params) + ProjectIdClause(project_ids, params, "p") + " ORDER BY p.id";
  return ReadRows(c, sql, params, FactFrom);
}

// ---- milestones

namespace {

// What a milestone update writes; all but sort and updated_at show in its journal entry.
const Fields<MilestoneRow> kMilestoneUpdate = {
    {"name", [](const MilestoneRow& r) -> Value { return r.m.name; }},
    {"planned_date", [](const MilestoneRow& r) -> Value { return r.m.planned_date.ToString(); }},
    {"actual_date", [](const MilestoneRow& r) { return DateValue(r.m.actual_date); }},
    {"duration_days", [](const MilestoneRow& r) -> Value { return int64_t{r.m.duration_days}; }},
    {"predecessor_id", [](const MilestoneRow& r) { return Opt(r.m.predecessor_id); }},
    {"unit_id", [](const MilestoneRow& r) { return Opt(r.m.unit_id); }},
    {"sort", [](const MilestoneRow& r) -> Value { return int64_t{r.sort}; }, Field<MilestoneRow>::kNotJournaled},
};

MilestoneRow MilestoneFrom(RowReader& r) {
  MilestoneRow m;
  m.m.id = r.Int("id");
  m.m.project_id = r.Int("project_id");
  m.m.name = r.Text("name");
  m.m.planned_date = r.Date("planned_date");
  m.m.actual_date = r.OptDate("actual_date");
  m.m.duration_days = static_cast<int>(r.Int("duration_days"));
  m.m.predecessor_id = r.OptInt("predecessor_id");
  m.m.unit_id = r.OptInt("unit_id");
  m.sort = static_cast<int>(r.Int("sort"));
  m.version = r.Int("version");
  m.unit_name = r.Text("unit_name");
  return m;
}

}  // namespace

std::vector<MilestoneRow> ListMilestones(Connection& c, int64_t project_id) {
  return ListMilestonesOf(c, {project_id});
}

std::vector<MilestoneRow> ListMilestonesOf(Connection& c, const std::vector<int64_t>& project_ids) {
  std::vector<Value> params;
  const std::string sql = "SELECT " + kMilestones.Select("m") +
                          ", u.name AS unit_name FROM milestones m LEFT JOIN units u ON u.id = m.unit_id WHERE m.project_id IN (" +
                          InList(project_ids, params) + ") ORDER BY m.project_id, m.sort, m.planned_date, m.id";
  return ReadRows(c, sql, params, MilestoneFrom);
}

int64_t InsertMilestone(Connection& c, const MilestoneRow& r, const std::string& now) {
  ColumnValues values = ValuesOf(kMilestoneUpdate, r);
  values.insert(values.end(), {{"project_id", r.m.project_id}, {"version", int64_t{1}}, {"updated_at", now}});
  return InsertReturningId(c, kMilestones, values);
}

bool UpdateMilestone(Connection& c, const MilestoneRow& r, int64_t expected_version, const std::string& now) {
  ColumnValues values = ValuesOf(kMilestoneUpdate, r);
  values.emplace_back("updated_at", now);
  return UpdateVersioned(c, kMilestones, values, r.m.id, expected_version);
}

nlohmann::json MilestoneChanges(const MilestoneRow& before, const MilestoneRow& after) {
  return JournalDiff(kMilestoneUpdate, before, after);
}

bool DeleteMilestone(Connection& c, int64_t id, int64_t expected_version) {
  return c.Exec("DELETE FROM milestones WHERE id = ? AND version = ?", {id, expected_version}) == 1;
}

// ---- procedures

std::vector<ProcedureKindRow> ListProcedureKinds(Connection& c) {
  return ReadRows(c, "SELECT " + kProcedureKinds.Select() + " FROM procedure_kinds ORDER BY sort, code", {}, [](RowReader& r) {
    ProcedureKindRow k;
    k.kind.code = r.Text("code");
    k.kind.label_zh = r.Text("label_zh");
    k.kind.label_en = r.Text("label_en");
    k.kind.required_for_start = r.Bool("required_for_start");
    k.documents = r.Text("documents");
    k.handling_unit = r.Text("handling_unit");
    k.office = r.Text("office");
    k.phone = r.Text("phone");
    k.sort = static_cast<int>(r.Int("sort"));
    return k;
  });
}

void UpsertProcedureKind(Connection& c, const ProcedureKindRow& k) {
  Upsert(c, kProcedureKinds,
         {{"label_zh", k.kind.label_zh}, {"label_en", k.kind.label_en},
          {"required_for_start", int64_t{k.kind.required_for_start ? 1 : 0}}, {"documents", k.documents},
          {"handling_unit", k.handling_unit}, {"office", k.office}, {"phone", k.phone}, {"sort", int64_t{k.sort}}},
         {{"code", k.kind.code}});
}

namespace {

// What a procedure update writes; all but updated_at show in its journal entry.
const Fields<ProcedureRow> kProcedureUpdate = {
    {"status", [](const ProcedureRow& r) -> Value { return r.fact.status; }},
    {"unit_id", [](const ProcedureRow& r) { return Opt(r.fact.unit_id); }},
    {"applied_on", [](const ProcedureRow& r) { return DateValue(r.fact.applied_on); }},
    {"approved_on", [](const ProcedureRow& r) { return DateValue(r.fact.approved_on); }},
    {"accepted_pending", [](const ProcedureRow& r) -> Value { return int64_t{r.fact.accepted_pending ? 1 : 0}; },
     Field<ProcedureRow>::kJournaledAsBool},
    {"pending_document", [](const ProcedureRow& r) -> Value { return r.pending_document; }},
    {"approval_no", [](const ProcedureRow& r) -> Value { return r.approval_no; }},
};

const std::string& ProcedureSelect() {
  static const std::string kSql = "SELECT " + kProcedures.Select("x") +
                                  ", k.required_for_start AS required_for_start, u.name AS unit_name FROM procedures x "
                                  "JOIN procedure_kinds k ON k.code = x.kind LEFT JOIN units u ON u.id = x.unit_id ";
  return kSql;
}

ProcedureRow ProcedureFrom(RowReader& r) {
  ProcedureRow p;
  auto& f = p.fact;
  f.id = r.Int("id");
  f.project_id = r.Int("project_id");
  f.kind = r.Text("kind");
  f.status = r.Text("status");
  f.unit_id = r.OptInt("unit_id");
  f.applied_on = r.OptDate("applied_on");
  f.approved_on = r.OptDate("approved_on");
  f.accepted_pending = r.Bool("accepted_pending");
  f.required_for_start = r.Bool("required_for_start");
  p.pending_document = r.Text("pending_document");
  p.approval_no = r.Text("approval_no");
  p.version = r.Int("version");
  p.unit_name = r.Text("unit_name");
  return p;
}

}  // namespace

std::vector<ProcedureRow> ListProcedures(Connection& c, int64_t project_id) {
  return ReadRows(c, ProcedureSelect() + "WHERE x.project_id = ? ORDER BY k.sort, x.kind", {project_id}, ProcedureFrom);
}

std::optional<ProcedureRow> LoadProcedure(Connection& c, int64_t id) {
  return ReadOne(c, ProcedureSelect() + "WHERE x.id = ?", {id}, ProcedureFrom);
}

int64_t InsertProcedure(Connection& c, const ProcedureRow& r, const std::string& now) {
  ColumnValues values = ValuesOf(kProcedureUpdate, r);
  values.insert(values.end(), {{"project_id", r.fact.project_id}, {"kind", r.fact.kind}, {"version", int64_t{1}},
                               {"updated_at", now}});
  return InsertReturningId(c, kProcedures, values);
}

bool UpdateProcedure(Connection& c, const ProcedureRow& r, int64_t expected_version, const std::string& now) {
  ColumnValues values = ValuesOf(kProcedureUpdate, r);
  values.emplace_back("updated_at", now);
  return UpdateVersioned(c, kProcedures, values, r.fact.id, expected_version);
}

nlohmann::json ProcedureChanges(const ProcedureRow& before, const ProcedureRow& after) {
  return JournalDiff(kProcedureUpdate, before, after);
}

std::vector<supervision::ProcedureFact> ListProcedureFacts(Connection& c, const std::vector<std::string>& regions,
                                                           const std::vector<int64_t>& project_ids) {
  std::vector<Value> params;
  const std::string sql = ProcedureSelect() + "JOIN projects pr ON pr.id = x.project_id WHERE pr.archived = 0" +
                          RegionClause(regions, params) + ProjectIdClause(project_ids, params, "x") +
                          " ORDER BY x.project_id, k.sort";
  return ReadRows(c, sql, params, [](RowReader& r) { return ProcedureFrom(r).fact; });
}

std::map<int64_t, ProjectStart> ListProjectStarts(Connection& c, const std::vector<std::string>& regions) {
  std::vector<Value> params;
  std::map<int64_t, ProjectStart> out;
  ForEachRow(c, "SELECT pr.id, pr.planned_start, pr.actual_start FROM projects pr WHERE pr.archived = 0" + RegionClause(regions, params),
             params, [&](RowReader& r) {
               ProjectStart s{r.Int("id"), r.OptDate("planned_start"), r.OptDate("actual_start")};
               out[s.project_id] = s;
             });
  return out;
}

// ---- responsibility list

std::vector<supervision::Assignment> ListAssignments(Connection& c, const std::vector<std::string>& regions) {
  std::vector<Value> params;
  std::string where = RegionClause(regions, params);
  std::vector<Value> params2 = params;
  params.insert(params.end(), params2.begin(), params2.end());
  const std::string sql =
      "SELECT pr.id AS project_id, pr.leader_id AS person_id FROM projects pr WHERE pr.archived = 0 AND pr.leader_id IS NOT NULL" +
      where +
      " UNION SELECT a.project_id, a.person_id FROM project_assignments a JOIN projects pr ON pr.id = a.project_id "
      "WHERE pr.archived = 0" + where + " ORDER BY 2, 1";
  return ReadRows(c, sql, params, [](RowReader& r) {
    return supervision::Assignment{r.Int("project_id"), r.Int("person_id")};
  });
}

void AddAssignment(Connection& c, int64_t project_id, int64_t person_id) {
  if (c.Query("SELECT 1 FROM project_assignments WHERE project_id = ? AND person_id = ?", {project_id, person_id}).empty()) {
    InsertRow(c, kAssignments, {{"project_id", project_id}, {"person_id", person_id}});
  }
}

bool RemoveAssignment(Connection& c, int64_t project_id, int64_t person_id) {
  return c.Exec("DELETE FROM project_assignments WHERE project_id = ? AND person_id = ?", {project_id, person_id}) == 1;
}

int64_t InsertVisit(Connection& c, const VisitRow& v) {
  return InsertReturningId(c, kVisits,
                           {{"project_id", v.project_id}, {"person_id", v.person_id}, {"visit_date", v.visit_date.ToString()},
                            {"notes", v.notes}, {"problems_discussed", v.problems_discussed}, {"user_id", Opt(v.user_id)},
                            {"created_at", v.created_at}});
}

std::vector<VisitRow> ListVisits(Connection& c, std::optional<int64_t> project_id, std::optional<int64_t> person_id) {
  std::vector<Value> params;
  std::string sql = "SELECT " + kVisits.Select("v") +
                    ", pe.name AS person_name, pr.name AS project_name "
                    "FROM visits v JOIN people pe ON pe.id = v.person_id JOIN projects pr ON pr.id = v.project_id WHERE 1=1";
  if (project_id) {
    sql += " AND v.project_id = ?";
    params.emplace_back(*project_id);
  }
  if (person_id) {
    sql += " AND v.person_id = ?";
    params.emplace_back(*person_id);
  }
  return ReadRows(c, sql + " ORDER BY v.visit_date DESC, v.id DESC", params, [](RowReader& r) {
    VisitRow v;
    v.id = r.Int("id");
    v.project_id = r.Int("project_id");
    v.person_id = r.Int("person_id");
    v.visit_date = r.Date("visit_date");
    v.notes = r.Text("notes");
    v.problems_discussed = r.Text("problems_discussed");
    v.user_id = r.OptInt("user_id");
    v.created_at = r.Text("created_at");
    v.person_name = r.Text("person_name");
    v.project_name = r.Text("project_name");
    return v;
  });
}

std::vector<supervision::VisitFact> ListVisitFacts(Connection& c, const std::vector<std::string>& regions, const Date& from,
                                                   const Date& to) {
  std::vector<Value> params{from.ToString(), to.ToString()};
  const std::string sql = "SELECT v.project_id, v.person_id, v.visit_date FROM visits v JOIN projects pr ON pr.id = v.project_id "
                          "WHERE v.visit_date >= ? AND v.visit_date <= ?" + RegionClause(regions, params);
  return ReadRows(c, sql, params, [](RowReader& r) {
    return supervision::VisitFact{r.Int("project_id"), r.Int("person_id"), r.Date("visit_date")};
  });
}

// ---- attachments

int64_t InsertAttachment(Connection& c, const AttachmentRow& a) {
  return InsertReturningId(c, kAttachments,
                           {{"owner", a.owner}, {"owner_id", a.owner_id}, {"file_name", a.file_name},
                            {"content_type", a.content_type}, {"size", a.size}, {"stored_name", a.stored_name},
                            {"user_id", Opt(a.user_id)}, {"created_at", a.created_at}});
}

namespace {
AttachmentRow AttachmentFrom(RowReader& r) {
  AttachmentRow a;
  a.id = r.Int("id");
  a.owner = r.Text("owner");
  a.owner_id = r.Int("owner_id");
  a.file_name = r.Text("file_name");
  a.content_type = r.Text("content_type");
  a.size = r.Int("size");
  a.stored_name = r.Text("stored_name");
  a.user_id = r.OptInt("user_id");
  a.created_at = r.Text("created_at");
  return a;
}
}  // namespace

std::optional<AttachmentRow> LoadAttachment(Connection& c, int64_t id) {
  return ReadOne(c, "SELECT " + kAttachments.Select() + " FROM attachments WHERE id = ?", {id}, AttachmentFrom);
}

std::vector<AttachmentRow> ListAttachments(Connection& c, const std::string& owner, const std::vector<int64_t>& owner_ids) {
  std::vector<Value> params{owner};
  const std::string sql = "SELECT " + kAttachments.Select() + " FROM attachments WHERE owner = ? AND owner_id IN (" +
                          InList(owner_ids, params) + ") ORDER BY id";
  return ReadRows(c, sql, params, AttachmentFrom);
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
  return ReadOne(c, "SELECT value FROM supervision_settings WHERE name = ?", {name}, [](RowReader& r) { return r.Text("value"); });
}

void PutSetting(Connection& c, const std::string& name, const std::string& value) {
  Upsert(c, kSettings, {{"value", value}}, {{"name", name}});
}

std::optional<int64_t> PersonOfUser(Connection& c, int64_t user_id) {
  auto person = ReadOne(c, "SELECT person_id FROM users WHERE id = ?", {user_id}, [](RowReader& r) { return r.OptInt("person_id"); });
  return person ? *person : std::nullopt;
}

}  // namespace gj::store
