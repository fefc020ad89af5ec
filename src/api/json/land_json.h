// The JSON the land-efficiency endpoints answer (/api/v1/land/…), written from LandService's typed
// results (issue 11: services return types, the API layer writes JSON). Found by ADL from
// nlohmann::json(value), so JsonReply, BodyHandler and QueryParams::Then take the results as they are.
#pragma once

#include <nlohmann/json.hpp>

#include "service/land_efficiency/land_service.h"

namespace gj::service {

void to_json(nlohmann::json& j, const LandImportReport& v);
void to_json(nlohmann::json& j, const LandData& v);
void to_json(nlohmann::json& j, const LandDataList& v);
void to_json(nlohmann::json& j, const LandBulkAction& v);
void to_json(nlohmann::json& j, const LandSchemeView& v);
void to_json(nlohmann::json& j, const LandPolicies& v);
void to_json(nlohmann::json& j, const LandRun& v);
void to_json(nlohmann::json& j, const LandRunList& v);
void to_json(nlohmann::json& j, const LandRunDetail& v);
void to_json(nlohmann::json& j, const LandCard& v);
void to_json(nlohmann::json& j, const LandPolicyLedger& v);
void to_json(nlohmann::json& j, const LandJournal& v);

}  // namespace gj::service
