// The JSON of the progress table's and the lights' results (ProgressService): the API's wire
// format, written here so the service returns plain types (the to_json are declared in
// results_json.h); here the lights' JSON that other pages share.
#pragma once

#include <nlohmann/json.hpp>

#include "api/json/results_json.h"

namespace gj::api {

// One project's light as the light list, the project's light and the map show it.
nlohmann::json LightJson(const service::LightEntry& e);
// Puts each item's ({"id": project id, …}) warning light and its reasons from the board of
// `region` as of the date, so a page (map, leader page) agrees with the dashboard and bulletin.
// Items the board does not hold are left as they are.
Status AddLights(service::ProgressService& progress, const service::Ctx& ctx, const std::string& region,
                 const Date& as_of, nlohmann::json& items);

}  // namespace gj::api
