#include "store/chain_store.h"

#include "store/fields.h"
#include "store/project_store.h"

namespace gj::store {

namespace {

const Fields<Chain> kChainFields = GJ_COLUMNS(Chain, id, region_code, name, chief_leader_id, leader_id,
                                              head_id, note, sort, archived, version, created_at, updated_at)
                                       .ReadOnly({"id", "version"})
                                       .OnInsert({"created_at"})
                                       .JournaledAsBool({"archived"});
const Table kChains = TableOf("chains", kChainFields);

const Fields<ChainMember> kMemberFields =
    GJ_COLUMNS(ChainMember, unit_id, person_id, role).And(Col<&ChainMember::group>("grp"));
const Table kMembers = TableOf("chain_members", kMemberFields).With({"chain_id", "sort"});

const Table kLinks{"chain_links", {"chain_id", "stage", "name", "gaps", "sort"}};
const Fields<ChainEnterprise> kEnterpriseFields = GJ_COLUMNS(ChainEnterprise, credit_code, name, anchor);
const Table kLinkEnterprises = TableOf("chain_link_enterprises", kEnterpriseFields).With({"link_id", "sort"});

const Fields<ChainReport> kReportFields =
    GJ_COLUMNS(ChainReport, id, chain_id, week, filed_on, filed_by, author_id, progress, problems, next_steps,
               version, created_at, updated_at)
        .ReadOnly({"id", "version"});
const Table kReports = TableOf("chain_reports", kReportFields);

const Fields<ChainVisit> kVisitFields =
    GJ_COLUMNS(ChainVisit, id, chain_id, visited_on, leader_id, credit_code, enterprise_name, project_id,
               findings, created_by, created_at)
        .ReadOnly({"id"});
const Table kVisits = TableOf("chain_visits", kVisitFields);

// A chain's region is one the scope reads downward (all: no condition; empty: nothing), as the
// organisation's lists read theirs.
std::string ChainScope(const access::ReadScope& scope, std::vector<Value>& params) {
  return scope.all() ? "" : " AND region_code IN (" + InList(scope.regions(), params) + ")";
}

std::string JoinLines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += (out.empty() ? "" : "\n") + l;
  return out;
}

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t end = text.find('\n', start);
    std::string line = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!line.empty()) out.push_back(std::move(line));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

void WriteMembers(Connection& c, const Chain& ch) {
  c.Exec("DELETE FROM chain_members WHERE chain_id = ?", {ch.id});
  int64_t sort = 0;
  for (const auto& m : ch.members) {
    auto values = InsertValuesOf(kMemberFields, m);
    values.emplace_back("chain_id", ch.id);
    values.emplace_back("sort", sort++);
    InsertRow(c, kMembers, values);
  }
}

void WriteLinks(Connection& c, const Chain& ch) {
  c.Exec(
      "DELETE FROM chain_link_enterprises WHERE link_id IN (SELECT id FROM chain_links WHERE chain_id = ?)",
      {ch.id});
  c.Exec("DELETE FROM chain_links WHERE chain_id = ?", {ch.id});
  int64_t sort = 0;
  for (const auto& l : ch.links) {
    const int64_t link_id = InsertReturningId(c, kLinks,
                                              {{"chain_id", ch.id},
                                               {"stage", l.stage},
                                               {"name", l.name},
                                               {"gaps", JoinLines(l.gaps)},
                                               {"sort", sort++}});
    int64_t esort = 0;
    for (const auto& e : l.enterprises) {
      auto values = InsertValuesOf(kEnterpriseFields, e);
      values.emplace_back("link_id", link_id);
      values.emplace_back("sort", esort++);
      InsertRow(c, kLinkEnterprises, values);
    }
  }
}

Chain WithParts(Connection& c, Chain ch) {
  ch.members =
      ReadRows(c, "SELECT " + kMembers.Select() + " FROM chain_members WHERE chain_id = ? ORDER BY sort",
               {ch.id}, RecordOf(kMemberFields));
  ch.links = ReadRows(c, "SELECT id, stage, name, gaps FROM chain_links WHERE chain_id = ? ORDER BY sort, id",
                      {ch.id}, [](RowReader& r) {
                        ChainLink l;
                        l.id = r.Int("id");
                        l.stage = r.Text("stage");
                        l.name = r.Text("name");
                        l.gaps = SplitLines(r.Text("gaps"));
                        return l;
                      });
  for (auto& l : ch.links) {
    l.enterprises = ReadRows(c,
                             "SELECT " + kLinkEnterprises.Select() +
                                 " FROM chain_link_enterprises WHERE link_id = ? ORDER BY sort",
                             {l.id}, RecordOf(kEnterpriseFields));
  }
  return ch;
}

}  // namespace

std::vector<Chain> ListChains(Connection& c, const access::ReadScope& scope, bool include_archived) {
  std::vector<Value> params;
  const std::string sql = "SELECT " + kChains.Select() + " FROM chains WHERE " +
                          (include_archived ? "1=1" : "archived = 0") + ChainScope(scope, params) +
                          " ORDER BY region_code, sort, id";
  return ReadRows(c, sql, params, RecordOf(kChainFields));
}

std::optional<Chain> LoadChain(Connection& c, int64_t id) {
  auto ch =
      ReadOne(c, "SELECT " + kChains.Select() + " FROM chains WHERE id = ?", {id}, RecordOf(kChainFields));
  if (!ch) return std::nullopt;
  return WithParts(c, std::move(*ch));
}

std::optional<int64_t> FindChainId(Connection& c, const std::string& region_code, const std::string& name) {
  return ReadOne(c, "SELECT id FROM chains WHERE region_code = ? AND name = ?", {region_code, name},
                 [](RowReader& r) { return r.Int("id"); });
}

int64_t InsertChain(Connection& c, const Chain& ch) {
  Chain stored = ch;
  stored.id = InsertReturningId(c, kChains, InsertValuesOf(kChainFields, ch));
  WriteMembers(c, stored);
  WriteLinks(c, stored);
  LinkChainProjects(c, stored.id);
  return stored.id;
}

Status UpdateChain(Connection& c, const Chain& ch, int64_t expected_version, bool members, bool links,
                   const std::string& old_name) {
  if (auto st = UpdateVersioned(c, kChains, "chain", ValuesOf(kChainFields, ch), ch.id, expected_version);
      !st)
    return st;
  if (members) WriteMembers(c, ch);
  if (links) WriteLinks(c, ch);
  if (ch.name != old_name) {
    // A project row changes with its version and the projects counter (the list and JSON caches
    // key on them), as through UpdateProject.
    BumpProjectsVersion(c);
    c.Exec("UPDATE projects SET chain = ?, version = version + 1 WHERE chain_id = ?", {ch.name, ch.id});
    LinkChainProjects(c, ch.id);
  }
  return Ok{};
}

void LinkProjectChain(Connection& c, int64_t project_id) {
  c.Exec(
      "UPDATE projects SET chain_id = (SELECT ch.id FROM chains ch WHERE ch.region_code = projects.county_code "
      "AND ch.name = TRIM(projects.chain)) WHERE id = ?",
      {project_id});
}

void LinkChainProjects(Connection& c, int64_t chain_id) {
  c.Exec(
      "UPDATE projects SET chain_id = ? WHERE county_code = (SELECT region_code FROM chains WHERE id = ?) "
      "AND TRIM(chain) = (SELECT name FROM chains WHERE id = ?)",
      {chain_id, chain_id, chain_id});
}

std::optional<int64_t> ProjectChainId(Connection& c, int64_t project_id) {
  auto id = ReadOne(c, "SELECT chain_id FROM projects WHERE id = ?", {project_id},
                    [](RowReader& r) { return r.OptInt("chain_id"); });
  return id ? *id : std::nullopt;
}

std::vector<ChainProject> ListChainProjects(Connection& c, int64_t chain_id) {
  return ReadRows(
      c,
      "SELECT id, code, name, stage, county_code, town_code, total_investment, actual_start FROM projects "
      "WHERE chain_id = ? AND archived = 0 ORDER BY code, id",
      {chain_id}, [](RowReader& r) {
        ChainProject p;
        p.id = r.Int("id");
        p.code = r.Text("code");
        p.name = r.Text("name");
        p.stage = r.Text("stage");
        p.county_code = r.Text("county_code");
        p.town_code = r.OptText("town_code");
        p.total_investment = r.OptInt("total_investment");
        p.actual_start = r.OptDate("actual_start");
        return p;
      });
}

std::vector<int64_t> ChainProjectIds(Connection& c, int64_t chain_id) {
  return ReadRows(c, "SELECT id FROM projects WHERE chain_id = ? AND archived = 0 ORDER BY id", {chain_id},
                  [](RowReader& r) { return r.Int("id"); });
}

std::vector<ChainProblem> ListChainProblems(Connection& c, int64_t chain_id) {
  return ReadRows(
      c,
      "SELECT pr.id, pr.project_id, p.code, p.name, pr.category, pr.description, pr.status, pr.deadline, "
      "pr.raised_on, pr.closed_on FROM problems pr JOIN projects p ON p.id = pr.project_id "
      "WHERE p.chain_id = ? AND p.archived = 0 "
      "ORDER BY CASE WHEN pr.status IN ('closed', 'deferred') THEN 1 ELSE 0 END, pr.deadline, pr.id",
      {chain_id}, [](RowReader& r) {
        ChainProblem p;
        p.id = r.Int("id");
        p.project_id = r.Int("project_id");
        p.project_code = r.Text("code");
        p.project_name = r.Text("name");
        p.category = r.Text("category");
        p.description = r.Text("description");
        p.status = r.Text("status");
        p.deadline = r.OptDate("deadline");
        p.raised_on = r.Date("raised_on");
        p.closed_on = r.OptDate("closed_on");
        return p;
      });
}

int64_t InsertChainReport(Connection& c, const ChainReport& r) {
  return InsertReturningId(c, kReports, InsertValuesOf(kReportFields, r));
}

std::vector<ChainReport> ListChainReports(Connection& c, int64_t chain_id) {
  return ReadRows(c,
                  "SELECT " + kReports.Select() + " FROM chain_reports WHERE chain_id = ? ORDER BY week DESC",
                  {chain_id}, RecordOf(kReportFields));
}

int64_t InsertChainVisit(Connection& c, const ChainVisit& v) {
  return InsertReturningId(c, kVisits, InsertValuesOf(kVisitFields, v));
}

std::vector<ChainVisit> ListChainVisits(Connection& c, int64_t chain_id) {
  return ReadRows(c,
                  "SELECT " + kVisits.Select() +
                      " FROM chain_visits WHERE chain_id = ? ORDER BY visited_on DESC, id DESC",
                  {chain_id}, RecordOf(kVisitFields));
}

}  // namespace gj::store
