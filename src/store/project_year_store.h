// SQL for project years (project_years: a project's place on one year's list, its kind and annual
// figures). Portable SQL only; callers own transactions and bump the projects version.
#pragma once

#include <optional>
#include <vector>

#include "common/result.h"
#include "domain/access/read_scope.h"
#include "domain/ledger/project_year.h"
#include "store/db.h"

namespace gj::store {

// A project's year rows read as its project does: nothing when the project is outside `scope`.
std::optional<ledger::ProjectYear> LoadProjectYear(Connection& c, const access::ReadScope& scope,
                                                   int64_t project_id, int year);
// A project's years, ascending.
std::vector<ledger::ProjectYear> ListProjectYears(Connection& c, const access::ReadScope& scope,
                                                  int64_t project_id);
// The years that have a list of some project within `scope`, ascending: one county's new list
// does not move another county's default year.
std::vector<int> YearsWithList(Connection& c, const access::ReadScope& scope);
// The latest of those years up to `up_to` (none: nullopt), checking the years downward from it:
// the list's default year costs one seek when the running year has a list, whatever the older,
// sparse years hold (a list page opened without ?year= asks this first).
std::optional<int> LatestYearWithList(Connection& c, const access::ReadScope& scope, int up_to);
void InsertProjectYear(Connection& c, const ledger::ProjectYear& y);
// Writes kind and figures with no expected version (the project's own versioned write covers it);
// the row's version moves by one.
void WriteProjectYear(Connection& c, const ledger::ProjectYear& y);
// The versioned write: the 409 (StaleVersion "project year") when `expected_version` is stale.
Status UpdateProjectYear(Connection& c, const ledger::ProjectYear& y, int64_t expected_version);

// The projects of `from_year`'s list within `scope` (archived too), in code order, with whether
// each is already on the next year's list.
std::vector<ledger::RolloverCandidate> RolloverCandidates(Connection& c, const access::ReadScope& scope,
                                                          int from_year);

}  // namespace gj::store
