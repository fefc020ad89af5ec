// 链长制: chains, their members (专班, 保障组), map links (图谱) with link enterprises by credit
// code, weekly chain reports and chain visits (巡链诊链); and projects.chain_id, the reference a
// project's chain text resolves to in its county.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/date.h"
#include "common/result.h"
#include "domain/access/read_scope.h"
#include "store/db.h"

namespace gj::store {

struct ChainMember {
  std::string group;  // task_force (专班) | support (保障组)
  std::optional<int64_t> unit_id, person_id;
  std::string role;  // e.g. 牵头单位, 联络员
};

struct ChainEnterprise {
  std::string credit_code;
  std::string name;
  bool anchor = false;  // 链主
};

struct ChainLink {
  int64_t id = 0;
  std::string stage;  // upstream | midstream | downstream
  std::string name;
  std::vector<std::string> gaps;  // 缺失环节 to attract
  std::vector<ChainEnterprise> enterprises;
};

struct Chain {
  int64_t id = 0;
  std::string region_code;
  std::string name;
  std::optional<int64_t> chief_leader_id, leader_id, head_id;  // 总链长, 链长, 班长 (people)
  std::string note;
  int sort = 0;
  bool archived = false;
  int64_t version = 1;
  std::string created_at, updated_at;
  std::vector<ChainMember> members;
  std::vector<ChainLink> links;
};

struct ChainReport {
  int64_t id = 0;
  int64_t chain_id = 0;
  std::string week;  // ISO week 2026-W23
  Date filed_on;
  std::optional<int64_t> filed_by;   // users.id
  std::optional<int64_t> author_id;  // people.id (the 班长 as a rule)
  std::string progress, problems, next_steps;
  int64_t version = 1;
  std::string created_at, updated_at;
};

struct ChainVisit {
  int64_t id = 0;
  int64_t chain_id = 0;
  Date visited_on;
  int64_t leader_id = 0;
  std::string credit_code, enterprise_name;
  std::optional<int64_t> project_id;
  std::string findings;
  std::optional<int64_t> created_by;
  std::string created_at;
};

// A project of a chain as its lists show it.
struct ChainProject {
  int64_t id = 0;
  std::string code, name, stage, county_code;
  std::optional<std::string> town_code;
  std::optional<int64_t> total_investment;
  std::optional<Date> actual_start;
};

// A problem of one of the chain's projects (overdue: set by the service as of a date).
struct ChainProblem {
  int64_t id = 0;
  int64_t project_id = 0;
  std::string project_code, project_name, category, description, status;
  std::optional<Date> deadline, closed_on;
  Date raised_on;
  bool overdue = false;
};

// Chains whose region the scope reads (an empty scope: none), by region, sort and id; without
// members and links (LoadChain has them).
std::vector<Chain> ListChains(Connection& c, const access::ReadScope& scope, bool include_archived = false);
std::optional<Chain> LoadChain(Connection& c, int64_t id);
std::optional<int64_t> FindChainId(Connection& c, const std::string& region_code, const std::string& name);
// Inserts the chain with its members and links, then points the county's projects whose chain
// text is its name at it.
int64_t InsertChain(Connection& c, const Chain& ch);
// The versioned write of the chain's own fields; members and links are replaced when given. A
// renamed chain renames the text of its projects (the ledger's column keeps showing its name).
Status UpdateChain(Connection& c, const Chain& ch, int64_t expected_version, bool members, bool links,
                   const std::string& old_name);

// projects.chain_id from the project's chain text: the chain of that name in its county, or none.
// Every project write calls it (project_store), so the ledger form and sheet name a chain by name.
void LinkProjectChain(Connection& c, int64_t project_id);
// Every project of the county whose text is the chain's name points at it.
void LinkChainProjects(Connection& c, int64_t chain_id);
// A project's projects.chain_id (the reference; none: nullopt).
std::optional<int64_t> ProjectChainId(Connection& c, int64_t project_id);

// The chain's projects (not archived) and their ids.
std::vector<ChainProject> ListChainProjects(Connection& c, int64_t chain_id);
std::vector<int64_t> ChainProjectIds(Connection& c, int64_t chain_id);
// The problems of its projects, open ones first, then by deadline.
std::vector<ChainProblem> ListChainProblems(Connection& c, int64_t chain_id);

int64_t InsertChainReport(Connection& c, const ChainReport& r);
std::vector<ChainReport> ListChainReports(Connection& c, int64_t chain_id);
int64_t InsertChainVisit(Connection& c, const ChainVisit& v);
std::vector<ChainVisit> ListChainVisits(Connection& c, int64_t chain_id);

}  // namespace gj::store
