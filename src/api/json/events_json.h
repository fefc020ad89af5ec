// The JSON of promotion events (/api/v1/promotion-events/…), defined in events_json.cpp. Kept in
// this header rather than results_json.h while issue 15's parts are built side by side (one
// declaration a type all the same).
#pragma once

#include <nlohmann/json.hpp>

#include "service/promotion_events/event_service.h"
#include "store/event_store.h"

namespace gj::store {

// Its fields, companies_met as an array of {name, credit_code?}, lead_ids, leader and team names.
void to_json(nlohmann::json& j, const PromotionEventRow& e);

}  // namespace gj::store

namespace gj::service {

void to_json(nlohmann::json& j, const EventRuleView& v);  // {region, rule: {min_events, period}, source, …}
// {region, from, to, as_of, rule, months: ["2026-01", …], items: [{leader_id, name, …, months: [...]}]}
void to_json(nlohmann::json& j, const EventComplianceReport& r);
void to_json(nlohmann::json& j, const EventFigures& f);

}  // namespace gj::service
