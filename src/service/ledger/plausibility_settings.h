// The plausibility thresholds in force (domain/ledger/plausibility.h): rows of supervision_settings
// (migration 0090 stores the defaults), read per write; an admin changes them through
// GET/PUT /api/v1/settings/plausibility.
#pragma once

#include <nlohmann/json.hpp>

#include "domain/ledger/plausibility.h"
#include "service/context.h"
#include "store/db.h"

namespace gj::service {

ledger::PlausibilityPolicy LoadPlausibility(store::Connection& c);

// {completed_plan_factor, jump_points, ahead_points, max_amount} as the API shows them.
nlohmann::json PlausibilityJson(const ledger::PlausibilityPolicy& p);

// PUT {completed_plan_factor?, jump_points?, ahead_points?}: each a number within 1..100; journaled
// (entity "settings", action "plausibility"). Only the system admin (dictionary.admin at the top).
Result<ledger::PlausibilityPolicy> PutPlausibility(store::Database& db, const Ctx& ctx,
                                                   const nlohmann::json& body);

}  // namespace gj::service
