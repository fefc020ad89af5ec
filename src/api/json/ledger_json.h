// The JSON of the ledger (projects, their journal, the overview, the sheet import report), the
// organisation (regions, units, people, dictionaries: see ledger::DictEntry) and accounts (the
// caller, API tokens), as the API answers them: the to_json are declared in results_json.h; here
// the ledger's hand-written hot path and the caller's JSON.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "api/json/results_json.h"
#include "common/json_shape.h"
#include "domain/access/access.h"

namespace gj::api {

// A sheet import's problem as an import report lists it: {row, column, value, reason}.
const JFields<ErrorDetail>& SheetProblemFields();

// The project as to_json writes it, appended as JSON text (the list endpoint's hot path).
void AppendProjectView(std::string& out, const store::ProjectRow& row);
// The list endpoint's page as JSON text: {items, total_count, offset, limit}.
std::string ProjectListPageJson(const service::ProjectListPage& page);

// The caller with the names of the regions of their roles, and their permissions.
nlohmann::json CallerJson(const access::Caller& c, const access::RegionTree& tree);
// A login's answer: {token, expires_at, user}.
nlohmann::json LoginJson(const service::LoginResult& r, const access::RegionTree& tree);

}  // namespace gj::api
