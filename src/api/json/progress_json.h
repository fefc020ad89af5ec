// The JSON of the progress table's and the lights' results (ProgressService): the API's wire
// format, written here so the service returns plain types. nlohmann's to_json idiom, found by
// ADL, so JsonReply, BodyHandler and QueryParams::Then take the results as they are.
#pragma once

#include <nlohmann/json.hpp>

#include "service/supervision/progress_service.h"

namespace gj::api {

// One project's light as the light list, the project's light and the map show it.
nlohmann::json LightJson(const service::LightEntry& e);
// Puts each item's ({"id": project id, …}) warning light and its reasons from the board of
// `region` as of the date, so a page (map, leader page) agrees with the dashboard and bulletin.
// Items the board does not hold are left as they are.
Status AddLights(service::ProgressService& progress, const service::Ctx& ctx, const std::string& region,
                 const Date& as_of, nlohmann::json& items);

}  // namespace gj::api

namespace gj::service {

void to_json(nlohmann::json& j, const ProgressSettings& v);
void to_json(nlohmann::json& j, const GeneratedTasks& v);
void to_json(nlohmann::json& j, const RunningTasks& v);
void to_json(nlohmann::json& j, const ReportPhoto& v);
void to_json(nlohmann::json& j, const ReportView& v);
void to_json(nlohmann::json& j, const ReportPeriodList& v);
void to_json(nlohmann::json& j, const ProjectReportList& v);
void to_json(nlohmann::json& j, const MissingReportList& v);
void to_json(nlohmann::json& j, const StopRequested& v);
void to_json(nlohmann::json& j, const StopDecision& v);
void to_json(nlohmann::json& j, const StopList& v);
void to_json(nlohmann::json& j, const MonthlyPlanView& v);
void to_json(nlohmann::json& j, const LightPage& v);
void to_json(nlohmann::json& j, const ProjectLightView& v);
void to_json(nlohmann::json& j, const LightDashboard& v);
void to_json(nlohmann::json& j, const SnapshotKept& v);
void to_json(nlohmann::json& j, const LightSnapshot& v);

}  // namespace gj::service
