// The JSON the API answers for the assessment capability (observation events, periodic
// rankings): nlohmann to_json of the services' result types, found by ADL wherever a route
// builds nlohmann::json(result) (JsonReply, BodyHandler, VersionedBodyHandler, QueryParams::Then).
// Scores are shown to six decimals.
#pragma once

#include <nlohmann/json.hpp>

#include "service/assessment/observation_service.h"
#include "service/assessment/ranking_service.h"

namespace gj::service {

void to_json(nlohmann::json& j, const ObservationView& v);
void to_json(nlohmann::json& j, const ObservationList& v);
void to_json(nlohmann::json& j, const ObservationResults& v);
void to_json(nlohmann::json& j, const ObservationJudges& v);
void to_json(nlohmann::json& j, const RankingSchemeView& v);
void to_json(nlohmann::json& j, const RankingSchemeList& v);
void to_json(nlohmann::json& j, const RankingSchemeDetail& v);
void to_json(nlohmann::json& j, const RankingRunView& v);
void to_json(nlohmann::json& j, const RankingRunList& v);
void to_json(nlohmann::json& j, const RankingRunDetail& v);

}  // namespace gj::service
