// Supervision settings and dictionaries: problem categories and statuses, the problem workflow
// table, the escalation ladder, the onsite-visit rule, procedure kinds and the map's tile URL.
//
// The escalation ladder, visit rule, tile URL and procedure guides belong to a region (issue 14):
// a region reads its own value if it set one, else its parent's (a county its city's), up to the
// system default (the code's; the procedure_kinds table for the guides). A project office writes
// only its own region and below (a county office never its city's or another county's; a city
// office sets the default of its counties); every read says where each value comes from.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "domain/ledger/project.h"
#include "domain/supervision/problem.h"
#include "domain/supervision/visit.h"
#include "service/context.h"
#include "store/db.h"
#include "store/supervision_store.h"

namespace gj::service {

// Where a region's value comes from: "own" (the region set it), "inherited" (a region above it
// did: `region` names it) or "default" (nobody did: the system's).
struct SettingSource {
  std::string source = "default";
  std::string region;
};

// The settings in force for `region` and the dictionaries the web app reads with them (problem
// categories, statuses and workflow come from domain/supervision and are written with these).
struct SupervisionConfig {
  supervision::EscalationPolicy escalation;
  supervision::VisitRule visit_rule;
  std::vector<store::ProcedureKindRow> procedure_kinds;
  std::string map_tile_url;
  std::string region;
  std::map<std::string, SettingSource> sources;  // escalation, visit_rule, map_tile_url
  bool editable = false;                         // the caller may set or clear the region's own values
};

class SupervisionSettings {
 public:
  explicit SupervisionSettings(store::Database& db) : db_(db) {}

  // ?region= (empty: the caller's own region, the first of its grants).
  Result<SupervisionConfig> Config(const Ctx& ctx, const std::string& region = "");
  // Sets any of escalation, visit_rule, map_tile_url as the region's own (null: clears it, the
  // region inherits again); the project office of the region or above only; answers Config.
  Result<SupervisionConfig> PutSettings(const Ctx& ctx, const nlohmann::json& body,
                                        const std::string& region = "");

  // The settings in force for `region` (its own, else the nearest region above it, else the
  // defaults); "" reads the defaults.
  static supervision::EscalationPolicy Escalation(store::Connection& c, const std::string& region);
  static supervision::VisitRule VisitRule(store::Connection& c, const std::string& region);
  static std::string MapTileUrl(store::Connection& c, const std::string& region);
  // The procedure kinds as `region` reads them: each kind of the dictionary with the nearest
  // region's guide over it (source and source_region say whose).
  static std::vector<store::ProcedureKindRow> ProcedureKinds(store::Connection& c, const std::string& region);
  // The nearest value of `name` from `region` up, with the region holding it.
  static std::optional<std::pair<std::string, std::string>> Lookup(store::Connection& c,
                                                                   const std::string& region,
                                                                   const std::string& name);

 private:
  // Checks and writes PutSettings' values; `code` becomes the region written.
  Status PutOn(const Ctx& ctx, const nlohmann::json& body, std::string& code);
  store::Database& db_;
};

// The region whose settings a project reads: its town, else its county.
std::string SettingsRegionOf(const ledger::Project& p);

// The region a settings request is about: `region`, or the caller's own (its first grant's) when
// empty; 404 when unknown or neither within nor above one of the caller's grants.
Result<std::string> SettingsRegion(const Ctx& ctx, const access::RegionTree& tree, const std::string& region);

}  // namespace gj::service
