// What one caller may read for one action: the regions of its grants, taken from the policy table.
// Built once per request (service::Ctx::Reads) and handed to every store query that reads
// regional data (store::ScopeClause turns it into SQL) and to in-memory checks alike, so a list
// and a single-object read can never disagree. Pure: no I/O.
#pragma once

#include <string>
#include <vector>

#include "domain/access/access.h"

namespace gj::access {

class ReadScope {
 public:
  // Nothing: the safe default of a filter nobody scoped. Explicit, so a `{}` argument never
  // passes for "every project" (say ReadScope::All()).
  explicit ReadScope() = default;
  static ReadScope None() { return ReadScope(); }
  // Every region: internal loads (demo seeding, bulletins, rankings) that have already checked
  // access. The only scope that adds no SQL condition.
  static ReadScope All();
  // Every region, for paths that run as the operator and serve no request: migrations, demo
  // seeding, CLI batch tools, tests' fixtures. A request never uses it (it holds Ctx::Reads, or
  // All() after its own access check). Grep `ReadScope::System()` to audit every such path.
  static ReadScope System() { return All(); }
  // Each grant whose (role, action) row allows the action reads its region's subtree; a row that
  // reaches up and down (Reach::kUpAndDown) also sees the regions above the grant (a city's object
  // concerns its counties). A kUnit row reads like kRegion: the unit limits writes (Allowed), not
  // what is listed. No such grant: an empty scope, which selects nothing.
  static ReadScope Of(const Caller& caller, const std::string& action, const RegionTree& tree);

  // Narrowed to `region`: the readable part of its subtree, and when the scope reaches up, the
  // readable regions above it (they concern it). `region` empty: this scope; unknown: empty;
  // outside the scope: empty, but for those readable regions above it.
  ReadScope Within(const std::string& region, const RegionTree& tree) const;

  bool all() const { return all_; }
  // Selects nothing (never "no condition").
  bool Empty() const { return !all_ && down_.empty() && up_.empty(); }
  // An object placed at this county (and town, when set) is readable.
  bool Contains(const std::string& county_code, const std::string& town_code = "") const;
  // An object placed at this region (a target's, an event's) is readable.
  bool ContainsRegion(const std::string& code) const;

  // Every region code whose objects are readable downward (sorted; empty for All): what
  // organisation lists (units, people) filter on.
  const std::vector<std::string>& regions() const { return down_; }
  // The regions above the grants a scope that reaches up also reads (sorted; ContainsRegion's
  // other half): what one organisation record read by id may lie in besides regions().
  const std::vector<std::string>& regions_above() const { return up_; }
  // The projects' SQL form: whole counties by county_code, and single towns (zones) outside
  // them by town_code. Empty for All.
  const std::vector<std::string>& counties() const { return counties_; }
  const std::vector<std::string>& towns() const { return towns_; }
  // Names the scope (cache keys): equal keys select the same rows.
  std::string Key() const;

 private:
  ReadScope(bool all, std::vector<std::string> down, std::vector<std::string> up, const RegionTree* tree);

  bool all_ = false;
  bool reaches_up_ = false;        // built from an up-and-down row: Within keeps the asked region's ancestors
  std::vector<std::string> down_;  // sorted: grants' subtrees
  std::vector<std::string> up_;    // sorted: grants' ancestors (up-and-down rows only)
  std::vector<std::string> counties_, towns_;
};

}  // namespace gj::access
