#pragma once

#include <vector>

#include "api/params.h"
#include "api/router.h"
#include "service/access/account_service.h"
#include "service/access/auth_service.h"
#include "service/assessment/observation_service.h"
#include "service/assessment/ranking_service.h"
#include "service/attraction/attraction_dispatch.h"
#include "service/attraction/attraction_service.h"
#include "service/attraction/lead_step_files.h"
#include "service/chains/chain_service.h"
#include "service/enterprises/enterprise_service.h"
#include "service/land_efficiency/land_service.h"
#include "service/ledger/ledger_service.h"
#include "service/ledger/ledger_sheet_service.h"
#include "service/org/org_service.h"
#include "service/org/roster_service.h"
#include "service/org/setup_checklist.h"
#include "service/promotion_events/event_service.h"
#include "service/supervision/bulletin_service.h"
#include "service/supervision/progress_service.h"
#include "service/supervision/supervision_service.h"
#include "service/targets/target_service.h"
#include "store/db.h"

namespace gj::api {

struct Services {
  store::Database& db;
  service::AuthService& auth;
  service::LedgerService& ledger;
  service::LedgerSheetService& sheets;
  service::SupervisionService& supervision;
  service::ProgressService& progress;
  service::TargetService& targets;
  service::BulletinService& bulletins;
  service::LandService& land;
  service::ObservationService& observations;
  service::RankingService& rankings;
  service::OrgService& org;
  service::AccountService& accounts;
  service::RosterService& roster;             // 组织架构与责任人 workbook
  service::SetupChecklistService& checklist;  // 上线清单
  service::EnterpriseService& enterprises;    // 企业库 (routes_enterprises.cpp)
  service::AttractionService& attraction;     // 双招双引: leads, funds (routes_attraction.cpp)
  service::EventService& events;              // 招商活动 (routes_events.cpp)
  service::ChainService& chains;              // 链长制 (routes_chains.cpp)
  service::AttractionDispatch& dispatch;      // 双招双引调度表 (routes_attraction_dispatch.cpp)
  service::LeadStepFiles& lead_files;         // lead-step evidence (routes_attraction_dispatch.cpp)
};

// Every endpoint. Each capability declares its routes in its own file (routes_<capability>.cpp)
// as `void <Capability>Routes(Services&, std::vector<Route>&)`, declared here and called by
// AllRoutes; its service objects are members of Services, built in server.cpp.
void AssessmentRoutes(Services& s, std::vector<Route>& r);

std::vector<Route> AllRoutes(Services& s);
void SupervisionRoutes(Services& s, std::vector<Route>& r);
void ProgressRoutes(Services& s, std::vector<Route>& r);
void LandEfficiencyRoutes(Services& s, std::vector<Route>& r);
void OrgRoutes(Services& s, std::vector<Route>& r);
void AccountRoutes(Services& s, std::vector<Route>& r);  // users, own password, sessions
void SessionRoutes(Services& s, std::vector<Route>& r);  // log-in, log-out, me (session cookie)
void HomeRoutes(Services& s, std::vector<Route>& r);     // the caller's to-dos (/me/todos)
// The enterprise registry (企业库, routes_enterprises.cpp).
void EnterpriseRoutes(Services& s, std::vector<Route>& r);
void EventRoutes(Services& s, std::vector<Route>& r);  // promotion events (招商活动)
void ChainRoutes(Services& s, std::vector<Route>& r);  // 链长制 (routes_chains.cpp)
// The 双招双引 调度 sheet and lead-step evidence (routes_attraction_dispatch.cpp).
void AttractionDispatchRoutes(Services& s, std::vector<Route>& r);

}  // namespace gj::api
