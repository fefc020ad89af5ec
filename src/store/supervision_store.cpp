#include "store/supervision_store.h"

#include "store/project_store.h"

namespace gj::store {

namespace {

std::string InIds(const std::vector<int64_t>& values, std::vector<Value>& params) {
  std::string in;
  for (int64_t v : values) {
    in += in.empty() ? "?" : ",?";
    params.emplace_back(v);
  }
  return in.empty() ? "NULL" : in;
}

// "AND (pr.county_code IN (…) OR pr.town_code IN (…))", or nothing for every region.


std::optional<Date> OptDate(const Value& v) {
  auto t = AsOptText(v);
  if (!t || t->empty()) return std::nullopt;
  return ParseIsoDate(*t);
}
Date DateOf(const Value& v) { return OptDate(v).value_or(Date{}); }
Value DateValue(const std::optional<Date>& d) { return d ? Value(d->ToString()) : Null(); }

const char* kProblemColumns =
    "p.id, p.project_id, p.unit_id, p.coordinator_id, p.category, p.status, p.deadline, p.closed_on, p.raised_on, "
    "p.description, p.defer_reason, p.returns, p.version, p.raised_by, p.signed_on, p.created_at, p.updated_at, "
    "pr.code, pr.name, pr.county_code, pr.town_code, pr.unit_id, u.name, pe.name";
const char* kProblemFrom =
    " FROM problems p JOIN projects pr ON pr.id = p.project_id LEFT JOIN units u ON u.id = p.unit_id "
    "LEFT JOIN people pe ON pe.id = p.coordinator_id";

ProblemRow ProblemFrom(const std::vector<Value>& r) {
  ProblemRow p;
  auto& f = p.fact;
  f.id = AsInt(r[0]);
  f.project_id = AsInt(r[1]);
  f.unit_id = AsOptInt(r[2]);
  f.coordinator_id = AsOptInt(r[3]);
  f.category = AsText(r[4]);
  f.status = AsText(r[5]);
  f.deadline = OptDate(r[6]);
  f.closed_on = OptDate(r[7]);
  f.raised_on = DateOf(r[8]);
  p.description = AsText(r[9]);
  p.defer_reason = AsText(r[10]);
  p.returns = static_cast<int>(AsInt(r[11]));
  p.version = AsInt(r[12]);
  p.raised_by = AsOptInt(r[13]);
  p.signed_on = OptDate(r[14]);
  p.created_at = AsText(r[15]);
  p.updated_at = AsText(r[16]);
  p.project_code = AsText(r[17]);
  p.project_name = AsText(r[18]);
  p.county_code = AsText(r[19]);
  p.town_code = AsText(r[20]);
  p.project_unit_id = AsOptInt(r[21]);
  p.unit_name = AsText(r[22]);
  p.coordinator_name = AsText(r[23]);
  return p;
}

}  // namespace

int64_t InsertProblem(Connection& c, const ProblemRow& p) {
  const auto& f = p.fact;
  return AsInt(c.Query("INSERT INTO problems (project_id, category, description, status, unit_id, coordinator_id, deadline, "
                       "raised_on, raised_by, version, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,1,?,?) RETURNING id",
                       {f.project_id, f.category, p.description, f.status, Opt(f.unit_id), Opt(f.coordinator_id),
                        DateValue(f.deadline), f.raised_on.ToString(), Opt(p.raised_by), p.created_at, p.updated_at})
                   .rows.at(0)
                   .at(0));
}

std::optional<ProblemRow> LoadProblem(Connection& c, int64_t id) {
  auto rows = c.Query(std::string("SELECT ") + kProblemColumns + kProblemFrom + " WHERE p.id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return ProblemFrom(rows.rows[0]);
}

bool UpdateProblem(Connection& c, const ProblemRow& p, int64_t expected_version) {
  const auto& f = p.fact;
  return c.Exec("UPDATE problems SET status = ?, unit_id = ?, coordinator_id = ?, deadline = ?, signed_on = ?, closed_on = ?, "
                "defer_reason = ?, returns = ?, description = ?, category = ?, version = version + 1, updated_at = ? "
                "WHERE id = ? AND version = ?",
                {f.status, Opt(f.unit_id), Opt(f.coordinator_id), DateValue(f.deadline), DateValue(p.signed_on),
                 DateValue(f.closed_on), p.defer_reason, int64_t{p.returns}, p.description, f.category, p.updated_at, f.id,
                 expected_version}) == 1;
}

std::vector<ProblemRow> ListProblems(Connection& c, const ProblemFilter& f) {
  std::vector<Value> params;
  std::string sql = std::string("SELECT ") + kProblemColumns + kProblemFrom + " WHERE 1=1";
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
  sql += " ORDER BY p.id DESC";
  std::vector<ProblemRow> out;
  for (const auto& r : c.Query(sql, params).rows) out.push_back(ProblemFrom(r));
  return out;
}

int64_t InsertProblemStep(Connection& c, const ProblemStep& s) {
  return AsInt(c.Query("INSERT INTO problem_steps (problem_id, action, from_status, to_status, note, user_id, user_name, on_date, at) "
                       "VALUES (?,?,?,?,?,?,?,?,?) RETURNING id",
                       {s.problem_id, s.action, s.from_status, s.to_status, s.note, Opt(s.user_id), s.user_name,
                        s.on_date.ToString(), s.at})
                   .rows.at(0)
                   .at(0));
}

std::vector<ProblemStep> ListProblemSteps(Connection& c, int64_t problem_id) {
  std::vector<ProblemStep> out;
  for (const auto& r : c.Query("SELECT id, problem_id, action, from_status, to_status, note, user_id, user_name, on_date, at "
                               "FROM problem_steps WHERE problem_id = ? ORDER BY id",
                               {problem_id})
                           .rows) {
    out.push_back({AsInt(r[0]), AsInt(r[1]), AsText(r[2]), AsText(r[3]), AsText(r[4]), AsText(r[5]), AsOptInt(r[6]),
                   AsText(r[7]), DateOf(r[8]), AsText(r[9])});
  }
  return out;
}

std::vector<supervision::ProblemFact> ListProblemFacts(Connection& c, const std::vector<std::string>& regions,
                                                       const std::vector<int64_t>& project_ids) {
  std::vector<Value> params;
  const std::string sql =
      "SELECT p.id, p.project_id, p.unit_id, p.coordinator_id, p.category, p.status, p.deadline, p.closed_on, p.raised_on "
      "FROM problems p JOIN projects pr ON pr.id = p.project_id WHERE pr.archived = 0" +
      RegionClause(regions, params) + ProjectIdClause(project_ids, params, "p") + " ORDER BY p.id";
  std::vector<supervision::ProblemFact> out;
  for (const auto& r : c.Query(sql, params).rows) {
    supervision::ProblemFact f;
    f.id = AsInt(r[0]);
    f.project_id = AsInt(r[1]);
    f.unit_id = AsOptInt(r[2]);
    f.coordinator_id = AsOptInt(r[3]);
    f.category = AsText(r[4]);
    f.status = AsText(r[5]);
    f.deadline = OptDate(r[6]);
    f.closed_on = OptDate(r[7]);
    f.raised_on = DateOf(r[8]);
    out.push_back(std::move(f));
  }
  return out;
}

// ---- milestones

namespace {
const char* kMilestoneSelect =
    "SELECT m.id, m.project_id, m.name, m.planned_date, m.actual_date, m.duration_days, m.predecessor_id, m.unit_id, m.sort, "
    "m.version, u.name FROM milestones m LEFT JOIN units u ON u.id = m.unit_id ";
MilestoneRow MilestoneFrom(const std::vector<Value>& r) {
  MilestoneRow m;
  m.m.id = AsInt(r[0]);
  m.m.project_id = AsInt(r[1]);
  m.m.name = AsText(r[2]);
  m.m.planned_date = DateOf(r[3]);
  m.m.actual_date = OptDate(r[4]);
  m.m.duration_days = static_cast<int>(AsInt(r[5]));
  m.m.predecessor_id = AsOptInt(r[6]);
  m.m.unit_id = AsOptInt(r[7]);
  m.sort = static_cast<int>(AsInt(r[8]));
  m.version = AsInt(r[9]);
  m.unit_name = AsText(r[10]);
  return m;
}
}  // namespace

std::vector<MilestoneRow> ListMilestones(Connection& c, int64_t project_id) {
  return ListMilestonesOf(c, {project_id});
}

std::vector<MilestoneRow> ListMilestonesOf(Connection& c, const std::vector<int64_t>& project_ids) {
  std::vector<Value> params;
  std::vector<MilestoneRow> out;
  for (const auto& r : c.Query(std::string(kMilestoneSelect) + "WHERE m.project_id IN (" + InIds(project_ids, params) +
                                   ") ORDER BY m.project_id, m.sort, m.planned_date, m.id",
                               params)
                           .rows) {
    out.push_back(MilestoneFrom(r));
  }
  return out;
}

int64_t InsertMilestone(Connection& c, const MilestoneRow& r, const std::string& now) {
  return AsInt(c.Query("INSERT INTO milestones (project_id, name, planned_date, actual_date, duration_days, predecessor_id, unit_id, "
                       "sort, version, updated_at) VALUES (?,?,?,?,?,?,?,?,1,?) RETURNING id",
                       {r.m.project_id, r.m.name, r.m.planned_date.ToString(), DateValue(r.m.actual_date),
                        int64_t{r.m.duration_days}, Opt(r.m.predecessor_id), Opt(r.m.unit_id), int64_t{r.sort}, now})
                   .rows.at(0)
                   .at(0));
}

bool UpdateMilestone(Connection& c, const MilestoneRow& r, int64_t expected_version, const std::string& now) {
  return c.Exec("UPDATE milestones SET name = ?, planned_date = ?, actual_date = ?, duration_days = ?, predecessor_id = ?, "
                "unit_id = ?, sort = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
                {r.m.name, r.m.planned_date.ToString(), DateValue(r.m.actual_date), int64_t{r.m.duration_days},
                 Opt(r.m.predecessor_id), Opt(r.m.unit_id), int64_t{r.sort}, now, r.m.id, expected_version}) == 1;
}

bool DeleteMilestone(Connection& c, int64_t id, int64_t expected_version) {
  return c.Exec("DELETE FROM milestones WHERE id = ? AND version = ?", {id, expected_version}) == 1;
}

// ---- procedures

std::vector<ProcedureKindRow> ListProcedureKinds(Connection& c) {
  std::vector<ProcedureKindRow> out;
  for (const auto& r : c.Query("SELECT code, label_zh, label_en, required_for_start, documents, handling_unit, office, phone, sort "
                               "FROM procedure_kinds ORDER BY sort, code")
                           .rows) {
    ProcedureKindRow k;
    k.kind = {AsText(r[0]), AsText(r[1]), AsText(r[2]), AsInt(r[3]) != 0};
    k.documents = AsText(r[4]);
    k.handling_unit = AsText(r[5]);
    k.office = AsText(r[6]);
    k.phone = AsText(r[7]);
    k.sort = static_cast<int>(AsInt(r[8]));
    out.push_back(std::move(k));
  }
  return out;
}

void UpsertProcedureKind(Connection& c, const ProcedureKindRow& k) {
  const std::vector<Value> values = {k.kind.label_zh, k.kind.label_en, int64_t{k.kind.required_for_start ? 1 : 0}, k.documents,
                                     k.handling_unit, k.office, k.phone, int64_t{k.sort}, k.kind.code};
  if (c.Exec("UPDATE procedure_kinds SET label_zh = ?, label_en = ?, required_for_start = ?, documents = ?, handling_unit = ?, "
             "office = ?, phone = ?, sort = ? WHERE code = ?",
             values) == 0) {
    c.Exec("INSERT INTO procedure_kinds (label_zh, label_en, required_for_start, documents, handling_unit, office, phone, sort, code) "
           "VALUES (?,?,?,?,?,?,?,?,?)",
           values);
  }
}

namespace {
const char* kProcedureSelect =
    "SELECT x.id, x.project_id, x.kind, x.status, x.unit_id, x.applied_on, x.approved_on, x.accepted_pending, "
    "k.required_for_start, x.pending_document, x.approval_no, x.version, u.name FROM procedures x "
    "JOIN procedure_kinds k ON k.code = x.kind LEFT JOIN units u ON u.id = x.unit_id ";
ProcedureRow ProcedureFrom(const std::vector<Value>& r) {
  ProcedureRow p;
  auto& f = p.fact;
  f.id = AsInt(r[0]);
  f.project_id = AsInt(r[1]);
  f.kind = AsText(r[2]);
  f.status = AsText(r[3]);
  f.unit_id = AsOptInt(r[4]);
  f.applied_on = OptDate(r[5]);
  f.approved_on = OptDate(r[6]);
  f.accepted_pending = AsInt(r[7]) != 0;
  f.required_for_start = AsInt(r[8]) != 0;
  p.pending_document = AsText(r[9]);
  p.approval_no = AsText(r[10]);
  p.version = AsInt(r[11]);
  p.unit_name = AsText(r[12]);
  return p;
}
}  // namespace

std::vector<ProcedureRow> ListProcedures(Connection& c, int64_t project_id) {
  std::vector<ProcedureRow> out;
  for (const auto& r : c.Query(std::string(kProcedureSelect) + "WHERE x.project_id = ? ORDER BY k.sort, x.kind", {project_id}).rows) {
    out.push_back(ProcedureFrom(r));
  }
  return out;
}

std::optional<ProcedureRow> LoadProcedure(Connection& c, int64_t id) {
  auto rows = c.Query(std::string(kProcedureSelect) + "WHERE x.id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return ProcedureFrom(rows.rows[0]);
}

int64_t InsertProcedure(Connection& c, const ProcedureRow& r, const std::string& now) {
  const auto& f = r.fact;
  return AsInt(c.Query("INSERT INTO procedures (project_id, kind, status, unit_id, applied_on, approved_on, accepted_pending, "
                       "pending_document, approval_no, version, updated_at) VALUES (?,?,?,?,?,?,?,?,?,1,?) RETURNING id",
                       {f.project_id, f.kind, f.status, Opt(f.unit_id), DateValue(f.applied_on), DateValue(f.approved_on),
                        int64_t{f.accepted_pending ? 1 : 0}, r.pending_document, r.approval_no, now})
                   .rows.at(0)
                   .at(0));
}

bool UpdateProcedure(Connection& c, const ProcedureRow& r, int64_t expected_version, const std::string& now) {
  const auto& f = r.fact;
  return c.Exec("UPDATE procedures SET status = ?, unit_id = ?, applied_on = ?, approved_on = ?, accepted_pending = ?, "
                "pending_document = ?, approval_no = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
                {f.status, Opt(f.unit_id), DateValue(f.applied_on), DateValue(f.approved_on), int64_t{f.accepted_pending ? 1 : 0},
                 r.pending_document, r.approval_no, now, f.id, expected_version}) == 1;
}

std::vector<supervision::ProcedureFact> ListProcedureFacts(Connection& c, const std::vector<std::string>& regions,
                                                           const std::vector<int64_t>& project_ids) {
  std::vector<Value> params;
  std::vector<supervision::ProcedureFact> out;
  for (const auto& r : c.Query(std::string(kProcedureSelect) + "JOIN projects pr ON pr.id = x.project_id WHERE pr.archived = 0" +
                                   RegionClause(regions, params) + ProjectIdClause(project_ids, params, "x") +
                                   " ORDER BY x.project_id, k.sort",
                               params)
                           .rows) {
    out.push_back(ProcedureFrom(r).fact);
  }
  return out;
}

std::map<int64_t, ProjectStart> ListProjectStarts(Connection& c, const std::vector<std::string>& regions) {
  std::vector<Value> params;
  std::map<int64_t, ProjectStart> out;
  for (const auto& r : c.Query("SELECT pr.id, pr.planned_start, pr.actual_start FROM projects pr WHERE pr.archived = 0" +
                                   RegionClause(regions, params),
                               params)
                           .rows) {
    out[AsInt(r[0])] = {AsInt(r[0]), OptDate(r[1]), OptDate(r[2])};
  }
  return out;
}

// ---- responsibility list

std::vector<supervision::Assignment> ListAssignments(Connection& c, const std::vector<std::string>& regions) {
  std::vector<Value> params;
  std::string where = RegionClause(regions, params);
  std::vector<Value> params2 = params;
  params.insert(params.end(), params2.begin(), params2.end());
  const std::string sql = "SELECT pr.id, pr.leader_id FROM projects pr WHERE pr.archived = 0 AND pr.leader_id IS NOT NULL" + where +
                          " UNION SELECT a.project_id, a.person_id FROM project_assignments a JOIN projects pr ON pr.id = a.project_id "
                          "WHERE pr.archived = 0" + where + " ORDER BY 2, 1";
  std::vector<supervision::Assignment> out;
  for (const auto& r : c.Query(sql, params).rows) out.push_back({AsInt(r[0]), AsInt(r[1])});
  return out;
}

void AddAssignment(Connection& c, int64_t project_id, int64_t person_id) {
  if (c.Query("SELECT 1 FROM project_assignments WHERE project_id = ? AND person_id = ?", {project_id, person_id}).empty()) {
    c.Exec("INSERT INTO project_assignments (project_id, person_id) VALUES (?,?)", {project_id, person_id});
  }
}

bool RemoveAssignment(Connection& c, int64_t project_id, int64_t person_id) {
  return c.Exec("DELETE FROM project_assignments WHERE project_id = ? AND person_id = ?", {project_id, person_id}) == 1;
}

int64_t InsertVisit(Connection& c, const VisitRow& v) {
  return AsInt(c.Query("INSERT INTO visits (project_id, person_id, visit_date, notes, problems_discussed, user_id, created_at) "
                       "VALUES (?,?,?,?,?,?,?) RETURNING id",
                       {v.project_id, v.person_id, v.visit_date.ToString(), v.notes, v.problems_discussed, Opt(v.user_id),
                        v.created_at})
                   .rows.at(0)
                   .at(0));
}

std::vector<VisitRow> ListVisits(Connection& c, std::optional<int64_t> project_id, std::optional<int64_t> person_id) {
  std::vector<Value> params;
  std::string sql =
      "SELECT v.id, v.project_id, v.person_id, v.visit_date, v.notes, v.problems_discussed, v.user_id, v.created_at, pe.name, pr.name "
      "FROM visits v JOIN people pe ON pe.id = v.person_id JOIN projects pr ON pr.id = v.project_id WHERE 1=1";
  if (project_id) {
    sql += " AND v.project_id = ?";
    params.emplace_back(*project_id);
  }
  if (person_id) {
    sql += " AND v.person_id = ?";
    params.emplace_back(*person_id);
  }
  std::vector<VisitRow> out;
  for (const auto& r : c.Query(sql + " ORDER BY v.visit_date DESC, v.id DESC", params).rows) {
    out.push_back({AsInt(r[0]), AsInt(r[1]), AsInt(r[2]), DateOf(r[3]), AsText(r[4]), AsText(r[5]), AsOptInt(r[6]), AsText(r[7]),
                   AsText(r[8]), AsText(r[9])});
  }
  return out;
}

std::vector<supervision::VisitFact> ListVisitFacts(Connection& c, const std::vector<std::string>& regions, const Date& from,
                                                   const Date& to) {
  std::vector<Value> params{from.ToString(), to.ToString()};
  const std::string sql = "SELECT v.project_id, v.person_id, v.visit_date FROM visits v JOIN projects pr ON pr.id = v.project_id "
                          "WHERE v.visit_date >= ? AND v.visit_date <= ?" + RegionClause(regions, params);
  std::vector<supervision::VisitFact> out;
  for (const auto& r : c.Query(sql, params).rows) out.push_back({AsInt(r[0]), AsInt(r[1]), DateOf(r[2])});
  return out;
}

// ---- attachments

int64_t InsertAttachment(Connection& c, const AttachmentRow& a) {
  return AsInt(c.Query("INSERT INTO attachments (owner, owner_id, file_name, content_type, size, stored_name, user_id, created_at) "
                       "VALUES (?,?,?,?,?,?,?,?) RETURNING id",
                       {a.owner, a.owner_id, a.file_name, a.content_type, a.size, a.stored_name, Opt(a.user_id), a.created_at})
                   .rows.at(0)
                   .at(0));
}

namespace {
const char* kAttachmentSelect =
    "SELECT id, owner, owner_id, file_name, content_type, size, stored_name, user_id, created_at FROM attachments ";
AttachmentRow AttachmentFrom(const std::vector<Value>& r) {
  return {AsInt(r[0]), AsText(r[1]), AsInt(r[2]), AsText(r[3]), AsText(r[4]), AsInt(r[5]), AsText(r[6]), AsOptInt(r[7]), AsText(r[8])};
}
}  // namespace

std::optional<AttachmentRow> LoadAttachment(Connection& c, int64_t id) {
  auto rows = c.Query(std::string(kAttachmentSelect) + "WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return AttachmentFrom(rows.rows[0]);
}

std::vector<AttachmentRow> ListAttachments(Connection& c, const std::string& owner, const std::vector<int64_t>& owner_ids) {
  std::vector<Value> params{owner};
  std::vector<AttachmentRow> out;
  for (const auto& r :
       c.Query(std::string(kAttachmentSelect) + "WHERE owner = ? AND owner_id IN (" + InIds(owner_ids, params) + ") ORDER BY id", params).rows) {
    out.push_back(AttachmentFrom(r));
  }
  return out;
}

// ---- read marks, settings

std::set<std::string> ReadKeys(Connection& c, int64_t user_id) {
  std::set<std::string> out;
  for (const auto& r : c.Query("SELECT item_key FROM attention_reads WHERE user_id = ?", {user_id}).rows) out.insert(AsText(r[0]));
  return out;
}

void MarkRead(Connection& c, int64_t user_id, const std::string& key, const std::string& at) {
  if (c.Query("SELECT 1 FROM attention_reads WHERE user_id = ? AND item_key = ?", {user_id, key}).empty()) {
    c.Exec("INSERT INTO attention_reads (user_id, item_key, read_at) VALUES (?,?,?)", {user_id, key, at});
  }
}

std::optional<std::string> GetSetting(Connection& c, const std::string& name) {
  auto rows = c.Query("SELECT value FROM supervision_settings WHERE name = ?", {name});
  if (rows.empty()) return std::nullopt;
  return AsText(rows.rows[0][0]);
}

void PutSetting(Connection& c, const std::string& name, const std::string& value) {
  if (c.Exec("UPDATE supervision_settings SET value = ? WHERE name = ?", {value, name}) == 0) {
    c.Exec("INSERT INTO supervision_settings (name, value) VALUES (?,?)", {name, value});
  }
}

std::optional<int64_t> PersonOfUser(Connection& c, int64_t user_id) {
  auto rows = c.Query("SELECT person_id FROM users WHERE id = ?", {user_id});
  if (rows.empty()) return std::nullopt;
  return AsOptInt(rows.rows[0][0]);
}

}  // namespace gj::store
