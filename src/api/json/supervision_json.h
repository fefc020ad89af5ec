// The JSON of supervision (三张清单): the API form of the supervision services' typed results. The
// nlohmann idiom (to_json found by argument-dependent lookup), so JsonReply, BodyHandler,
// VersionedBodyHandler and QueryParams::Then write a result as they find it.
#pragma once

#include <nlohmann/json.hpp>

#include "service/supervision/supervision_service.h"

namespace gj::store {
void to_json(nlohmann::json& j, const AttachmentRow& a);
void to_json(nlohmann::json& j, const VisitRow& v);  // a visit as logged (POST /visits)
}  // namespace gj::store

namespace gj::service {
void to_json(nlohmann::json& j, const SupervisionConfig& v);
void to_json(nlohmann::json& j, const ProblemView& v);
void to_json(nlohmann::json& j, const ProblemPage& v);
void to_json(nlohmann::json& j, const ProblemDetail& v);
void to_json(nlohmann::json& j, const ProblemCounts& v);
void to_json(nlohmann::json& j, const MilestoneList& v);
void to_json(nlohmann::json& j, const GanttChart& v);
void to_json(nlohmann::json& j, const ProjectMap& v);
void to_json(nlohmann::json& j, const ProcedureKindList& v);
void to_json(nlohmann::json& j, const ProcedureList& v);
void to_json(nlohmann::json& j, const ApprovalDurations& v);
void to_json(nlohmann::json& j, const ResponsibilityList& v);
void to_json(nlohmann::json& j, const ComplianceReport& v);
void to_json(nlohmann::json& j, const LeaderPageView& v);
void to_json(nlohmann::json& j, const AttentionList& v);
void to_json(nlohmann::json& j, const MarkedRead& v);
}  // namespace gj::service
