#include "store/assignment_store.h"

#include <map>
#include <set>

#include "store/fields.h"
#include "store/journal.h"
#include "store/project_store.h"
#include "store/row.h"
#include "store/table.h"

namespace gj::store {

namespace sv = supervision;

namespace {

using AR = AssignmentRow;
// An assignment's columns: who holds what from when is set once; an end writes to_date.
const Fields<AR> kAssignmentFields =
    GJ_COLUMNS(AR, id, project_id, person_id, unit_id, from_date, to_date, version, created_at, updated_at)
        .ReadOnly({"id", "version"})
        .Fixed({"project_id", "person_id", "unit_id", "from_date", "created_at"})
        .NotJournaled({"version", "created_at", "updated_at"});
const Table kAssignments = TableOf("project_assignments", kAssignmentFields);

// An assignment with its holder's name and title and its project's code and name.
const std::string kAssignmentSelect =
    "SELECT " + kAssignments.Select("a") +
    ", COALESCE(pe.name, u.name) AS holder_name, COALESCE(pe.title, '') AS holder_title,"
    " pr.code AS project_code, pr.name AS project_name"
    " FROM project_assignments a JOIN projects pr ON pr.id = a.project_id"
    " LEFT JOIN people pe ON pe.id = a.person_id LEFT JOIN units u ON u.id = a.unit_id";

AR ReadAssignment(RowReader& r) {
  AR a = RecordOf(kAssignmentFields)(r);
  a.holder_name = r.Text("holder_name");
  a.holder_title = r.Text("holder_title");
  a.project_code = r.Text("project_code");
  a.project_name = r.Text("project_name");
  return a;
}

// " AND a.person_id = ?" or " AND a.unit_id = ?" for the holder.
std::string HolderClause(const sv::Holder& h, std::vector<Value>& params) {
  params.emplace_back(h.id);
  return h.kind == sv::HolderKind::kPerson ? " AND a.person_id = ?" : " AND a.unit_id = ?";
}

}  // namespace

std::vector<AssignmentRow> ListProjectAssignments(Connection& c, const access::ReadScope& scope,
                                                  int64_t project_id) {
  std::vector<Value> params{project_id};
  const std::string in_scope = ScopeClause(scope, params);
  return ReadRows(c, kAssignmentSelect + " WHERE a.project_id = ?" + in_scope + " ORDER BY a.from_date, a.id",
                  params, ReadAssignment);
}

std::optional<AssignmentRow> LoadAssignment(Connection& c, const access::ReadScope& scope, int64_t id) {
  std::vector<Value> params{id};
  const std::string in_scope = ScopeClause(scope, params);
  return ReadOne(c, kAssignmentSelect + " WHERE a.id = ?" + in_scope, params, ReadAssignment);
}

std::vector<AssignmentRow> OpenAssignmentsOf(Connection& c, const sv::Holder& h,
                                             const access::ReadScope& scope) {
  std::vector<Value> params;
  std::string sql =
      kAssignmentSelect + " WHERE a.to_date IS NULL AND pr.archived = 0" + HolderClause(h, params);
  sql += ScopeClause(scope, params);
  return ReadRows(c, sql + " ORDER BY a.project_id, a.id", params, ReadAssignment);
}

std::vector<AssignmentRow> ListAssignmentsOf(Connection& c, const std::optional<sv::Holder>& h,
                                             const access::ReadScope& scope) {
  std::vector<Value> params;
  std::string sql = kAssignmentSelect + " WHERE pr.archived = 0" + (h ? HolderClause(*h, params) : "");
  sql += ScopeClause(scope, params);
  return ReadRows(c, sql + " ORDER BY a.from_date, a.project_id, a.id", params, ReadAssignment);
}

bool AssignmentOverlaps(Connection& c, int64_t project_id, const sv::Holder& h, const Date& from,
                        const std::optional<Date>& to, int64_t except_id) {
  std::vector<Value> params{project_id, except_id};
  std::string sql = "SELECT 1 FROM project_assignments a WHERE a.project_id = ? AND a.id <> ?";
  sql += HolderClause(h, params);
  sql += " AND (a.to_date IS NULL OR a.to_date >= ?)";
  params.emplace_back(from.ToString());
  if (to) {
    sql += " AND a.from_date <= ?";
    params.emplace_back(to->ToString());
  }
  return !c.Query(sql, params).empty();
}

int64_t InsertAssignment(Connection& c, const AssignmentRow& a, const std::string& now) {
  AssignmentRow row = a;
  row.created_at = row.updated_at = now;
  return InsertReturningId(c, kAssignments, InsertValuesOf(kAssignmentFields, row));
}

Status EndAssignment(Connection& c, const AssignmentRow& a, int64_t expected_version,
                     const std::string& now) {
  AssignmentRow row = a;
  row.updated_at = now;
  return UpdateVersioned(c, kAssignments, "assignment", ValuesOf(kAssignmentFields, row), a.id,
                         expected_version);
}

void DeleteAssignment(Connection& c, int64_t id) {
  c.Exec("DELETE FROM project_assignments WHERE id = ?", {id});
}

nlohmann::json AssignmentCreatedChanges(const AssignmentRow& a) {
  return JournalCreated(kAssignmentFields, a, {"id", "person_id", "unit_id", "from_date", "to_date"});
}

nlohmann::json AssignmentDiff(const AssignmentRow& before, const AssignmentRow& after) {
  nlohmann::json out = nlohmann::json::array({{{"field", "id"}, {"old", before.id}, {"new", after.id}}});
  for (auto& change : JournalDiff(kAssignmentFields, before, after)) out.push_back(std::move(change));
  return out;
}

std::vector<sv::DatedAssignment> ListDatedAssignments(Connection& c, const access::ReadScope& scope,
                                                      const Date& from, const Date& to) {
  std::vector<Value> params{to.ToString(), from.ToString()};
  std::string sql =
      "SELECT a.project_id, a.person_id, a.unit_id, a.from_date, a.to_date FROM project_assignments a "
      "JOIN projects pr ON pr.id = a.project_id WHERE pr.archived = 0 AND a.from_date <= ? "
      "AND (a.to_date IS NULL OR a.to_date >= ?)" +
      ScopeClause(scope, params) + " ORDER BY a.project_id, a.id";
  auto out = ReadRows(c, sql, params, [](RowReader& r) {
    const auto person = r.OptInt("person_id");
    const sv::Holder h = person ? sv::Holder{sv::HolderKind::kPerson, *person}
                                : sv::Holder{sv::HolderKind::kUnit, r.Int("unit_id")};
    return sv::DatedAssignment{r.Int("project_id"), h, r.Date("from_date"), r.OptDate("to_date")};
  });
  std::vector<Value> lp;
  const std::string leaders =
      "SELECT pr.id AS project_id, pr.leader_id, pr.year FROM projects pr WHERE pr.archived = 0 "
      "AND pr.leader_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM project_assignments a "
      "WHERE a.project_id = pr.id AND a.person_id = pr.leader_id)" +
      ScopeClause(scope, lp) + " ORDER BY pr.id";
  ForEachRow(c, leaders, lp, [&](RowReader& r) {
    const Date jan1{static_cast<int>(r.Int("year")), 1, 1};
    if (jan1 <= to) {
      out.push_back({r.Int("project_id"), {sv::HolderKind::kPerson, r.Int("leader_id")}, jan1, std::nullopt});
    }
  });
  return out;
}

std::vector<sv::HolderVisit> ListHolderVisits(Connection& c, const access::ReadScope& scope, const Date& from,
                                              const Date& to) {
  std::vector<Value> params{from.ToString(), to.ToString()};
  const std::string sql =
      "SELECT v.project_id, v.person_id, v.unit_id, v.visit_date FROM visits v JOIN projects pr ON pr.id = "
      "v.project_id WHERE v.visit_date >= ? AND v.visit_date <= ?" +
      ScopeClause(scope, params) + " ORDER BY v.visit_date, v.id";
  return ReadRows(c, sql, params, [](RowReader& r) {
    return sv::HolderVisit{r.Int("project_id"), r.OptInt("person_id"), r.OptInt("unit_id"),
                           r.Date("visit_date")};
  });
}

}  // namespace gj::store
