// The JSON of targets (时间表) as the API answers them: the target's definition plus its status
// (status, value, numerator, denominator, projected); one target adds the as-of date it was
// evaluated at.
#pragma once

#include <nlohmann/json.hpp>

#include "service/targets/target_service.h"

namespace gj::service {

void to_json(nlohmann::json& j, const TargetView& v);
void to_json(nlohmann::json& j, const TargetDetail& d);
void to_json(nlohmann::json& j, const TargetList& l);
void to_json(nlohmann::json& j, const ArchivedTarget& a);

}  // namespace gj::service
