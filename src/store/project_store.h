// SQL for projects, organisation and the journal. Portable SQL only; callers own transactions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/access/access.h"
#include "domain/ledger/project.h"
#include "store/db.h"

namespace gj::store {

struct ProjectFilter {
  std::vector<std::string> regions;  // readable scope: county_code or town_code in this set
  std::optional<std::string> region, town, category, level, kind, track, stage, q;
  std::optional<int64_t> leader_id, unit_id;
  std::optional<int> year;
  std::optional<int64_t> id;
  bool include_archived = false;
  bool unscoped = false;  // internal loads that have already checked access
  std::string sort = "code";
  bool descending = false;
  int64_t offset = 0;
  int64_t limit = 50;  // ≤ 0: no limit (exports)
};

struct ProjectRow {
  ledger::Project project;
  std::string county_name, town_name, leader_name, unit_name;
};

std::optional<ledger::Project> LoadProject(Connection& c, int64_t id);
std::optional<ledger::Project> LoadProjectByCode(Connection& c, const std::string& code);
int64_t InsertProject(Connection& c, const ledger::Project& p);
// Writes every field and bumps the version; false when `expected_version` is stale.
bool UpdateProject(Connection& c, const ledger::Project& p, int64_t expected_version);

std::vector<ProjectRow> ListProjects(Connection& c, const ProjectFilter& f);
int64_t CountProjects(Connection& c, const ProjectFilter& f);
std::optional<ProjectRow> LoadProjectRow(Connection& c, int64_t id);

struct Aggregate {
  std::string key;
  int64_t count = 0;
  int64_t total_investment = 0, annual_plan = 0, annual_completed = 0;
};
// Counts and sums grouped by one of: stage, category, town_code, county_code, level, kind, track.
std::vector<Aggregate> AggregateProjects(Connection& c, const ProjectFilter& f, const std::string& group_column);

// Sorts accepted by ListProjects (whitelist: nothing from the request reaches SQL text).
bool IsSortableColumn(const std::string& column);


std::vector<access::Region> LoadRegions(Connection& c);
ledger::Dictionaries LoadDictionaries(Connection& c);
void ReplaceDictionary(Connection& c, const std::string& kind, const std::vector<ledger::DictEntry>& items);

}  // namespace gj::store
