// The JSON of the 链长制 services' results (service/chains): found by ADL where a route builds
// nlohmann::json(result).
#pragma once

#include <nlohmann/json.hpp>

#include "service/chains/chain_service.h"

namespace gj::chains {
void to_json(nlohmann::json& j, const ChainFigures& f);
void to_json(nlohmann::json& j, const Punctuality& p);
}  // namespace gj::chains

namespace gj::store {
void to_json(nlohmann::json& j, const ChainProject& p);
void to_json(nlohmann::json& j, const ChainProblem& p);
}  // namespace gj::store

namespace gj::service {
void to_json(nlohmann::json& j, const ChainView& v);
void to_json(nlohmann::json& j, const ChainSummary& s);
void to_json(nlohmann::json& j, const ChainEnterpriseRef& e);
void to_json(nlohmann::json& j, const ChainLead& l);
void to_json(nlohmann::json& j, const ChainLists& l);
void to_json(nlohmann::json& j, const ChainReportView& r);
void to_json(nlohmann::json& j, const ChainReportList& l);
void to_json(nlohmann::json& j, const ChainVisitView& v);
}  // namespace gj::service
