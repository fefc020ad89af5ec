// Supervision settings and dictionaries: problem categories and statuses, the problem workflow
// table, the escalation ladder, the onsite-visit rule, procedure kinds and the map's tile URL.
#pragma once

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "domain/supervision/problem.h"
#include "domain/supervision/visit.h"
#include "service/context.h"
#include "store/db.h"

namespace gj::service {

class SupervisionSettings {
 public:
  explicit SupervisionSettings(store::Database& db) : db_(db) {}

  Result<nlohmann::json> Config(const Ctx& ctx);
  // Changes any of escalation, visit_rule, map_tile_url (the project office only); answers Config.
  Result<nlohmann::json> PutSettings(const Ctx& ctx, const nlohmann::json& body);

  // The settings in force (the defaults until the office sets them).
  static supervision::EscalationPolicy Escalation(store::Connection& c);
  static supervision::VisitRule VisitRule(store::Connection& c);
  static nlohmann::json VisitRuleJson(const supervision::VisitRule& r);

 private:
  nlohmann::json ConfigOn(store::Connection& c);
  store::Database& db_;
};

}  // namespace gj::service
