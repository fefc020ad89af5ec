// The JSON of the ledger (projects, their journal, the overview, the sheet import report), the
// organisation (regions, units, people, dictionaries: see ledger::DictEntry) and accounts (the
// caller, API tokens), as the API answers them. Found by ADL from JsonReply and BodyHandler.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "common/json_shape.h"
#include "domain/access/access.h"
#include "service/access/auth_service.h"
#include "service/ledger/ledger_service.h"
#include "service/ledger/ledger_sheet_service.h"
#include "store/project_store.h"

namespace gj::store {

// A project as the API shows it: its fields plus the names of what it references.
void to_json(nlohmann::json& j, const ProjectRow& row);

}  // namespace gj::store

namespace gj::service {

void to_json(nlohmann::json& j, const ProjectJournal& journal);
void to_json(nlohmann::json& j, const ProjectOverview& o);
void to_json(nlohmann::json& j, const RegionList& l);
void to_json(nlohmann::json& j, const UnitList& l);
void to_json(nlohmann::json& j, const PersonList& l);
void to_json(nlohmann::json& j, const ImportReport& r);
void to_json(nlohmann::json& j, const IssuedApiToken& t);
void to_json(nlohmann::json& j, const ApiTokenList& l);

}  // namespace gj::service

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
