// Supervision settings and dictionaries: problem categories and statuses, the problem workflow
// table, the escalation ladder, the onsite-visit rule, procedure kinds and the map's tile URL.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "domain/supervision/problem.h"
#include "domain/supervision/visit.h"
#include "service/context.h"
#include "store/db.h"
#include "store/supervision_store.h"

namespace gj::service {

// The settings in force and the dictionaries the web app reads with them (problem categories,
// statuses and workflow come from domain/supervision and are written with these).
struct SupervisionConfig {
  supervision::EscalationPolicy escalation;
  supervision::VisitRule visit_rule;
  std::vector<store::ProcedureKindRow> procedure_kinds;
  std::string map_tile_url;
};

class SupervisionSettings {
 public:
  explicit SupervisionSettings(store::Database& db) : db_(db) {}

  Result<SupervisionConfig> Config(const Ctx& ctx);
  // Changes any of escalation, visit_rule, map_tile_url (the project office only); answers Config.
  Result<SupervisionConfig> PutSettings(const Ctx& ctx, const nlohmann::json& body);

  // The settings in force (the defaults until the office sets them).
  static supervision::EscalationPolicy Escalation(store::Connection& c);
  static supervision::VisitRule VisitRule(store::Connection& c);

 private:
  SupervisionConfig ConfigOn(store::Connection& c);
  store::Database& db_;
};

}  // namespace gj::service
