// The JSON of the attraction capability's results (/api/v1/attraction/…, /api/v1/leads/…),
// found by ADL where routes_attraction.cpp builds nlohmann::json(result).
#pragma once

#include <nlohmann/json.hpp>

#include "service/attraction/attraction_service.h"

namespace gj::store {
void to_json(nlohmann::json& j, const Lead& l);
void to_json(nlohmann::json& j, const LeadStep& s);
void to_json(nlohmann::json& j, const FundsEntry& e);
}  // namespace gj::store

namespace gj::service {
// A lead: its fields, names, {step, step_on, paused, ended} as of the day, funds in place; in a
// single read also its steps and funds entries.
void to_json(nlohmann::json& j, const LeadView& v);
void to_json(nlohmann::json& j, const ItemList<LeadView>& v);
void to_json(nlohmann::json& j, const ItemList<store::FundsEntry>& v);
// The exact keys of the issue (leads_by_step … funds_in_place_usd), then region, as_of,
// paused_count, performance_rate (履约率) and funds_rate (资金到位率, null without a target).
void to_json(nlohmann::json& j, const AttractionSummary& v);
// The figures alone, exactly the keys `gongjian metrics attraction` prints, in the order the
// issue lists them (leads_by_step in pipeline order, ended last).
nlohmann::ordered_json SummaryFigures(const attraction::Summary& s);
}  // namespace gj::service
