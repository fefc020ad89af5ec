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
void to_json(nlohmann::json& j, const ObservationSummary& v);
void to_json(nlohmann::json& j, const ObservationResults& v);
void to_json(nlohmann::json& j, const RankingSchemeView& v);
void to_json(nlohmann::json& j, const RankingSchemeDetail& v);
void to_json(nlohmann::json& j, const RankingRunView& v);
void to_json(nlohmann::json& j, const RankingRunDetail& v);
// The judges an organiser may name.
void to_json(nlohmann::json& j, const ItemList<store::JudgeUser>& v);

// Any other list: {"items": [the items' JSON]}.
template <class T>
void to_json(nlohmann::json& j, const ItemList<T>& v) {
  j = {{"items", v.items}};
}

}  // namespace gj::service
